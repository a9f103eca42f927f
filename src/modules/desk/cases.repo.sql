-- The SQL of src/modules/desk/cases.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- casesRepo.findVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000003/%"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "cases".*
from
  "cases"
where
  (
    "cases"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $1
    )
    or "cases"."account_id" is null
  )
  and "cases"."id" = $2
for update of
  "cases";

-- casesRepo.findVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000003/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "cases".*
from
  "cases"
where
  "cases"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "cases"."id" = $2;

-- casesRepo.listVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000003/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = 51
select
  "cases".*
from
  "cases"
where
  "cases"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "cases"."id" desc
limit
  $2;

-- casesRepo.listVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000003/%"
-- $2 = "new"
-- $3 = "open"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "technical"
-- $6 = "high"
-- $7 = "%no data%"
-- $8 = "%no data%"
-- $9 = "0190a8a0-0000-7000-8000-000000000001"
-- $10 = 51
select
  "cases".*
from
  "cases"
where
  (
    "cases"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $1
    )
    or "cases"."account_id" is null
  )
  and "cases"."state" in ($2, $3)
  and "cases"."owner_user_id" is null
  and "cases"."account_id" = $4
  and "cases"."category" = $5
  and "cases"."priority" = $6
  and (
    "cases"."subject" ilike $7
    or "cases"."requester_email" ilike $8
  )
  and "cases"."id" < $9
order by
  "cases"."id" desc
limit
  $10;

-- casesRepo.listVisible (example 3)
-- $1 = "/0190a8a0-0000-7000-8000-000000000003/%"
-- $2 = 1234
-- $3 = 51
select
  "cases".*
from
  "cases"
where
  (
    "cases"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $1
    )
    or "cases"."account_id" is null
  )
  and "cases"."account_id" is null
  and "cases"."number" = $2
order by
  "cases"."id" desc
limit
  $3;

-- casesRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "cases"
where
  "id" = $1;

-- casesRepo.lock
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "cases"
where
  "id" = $1
for update;

-- casesRepo.findByNumber
-- $1 = 1234
select
  "id"
from
  "cases"
where
  "number" = $1
order by
  "id";

-- casesRepo.numberOf
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "number"
from
  "cases"
where
  "id" = $1;

-- casesRepo.findBySourceKey
-- $1 = "automation:0190a8a0-0000-7000-8000-000000000002:0190a8a0-0000-7000-8000-000000000001"
select
  "id",
  "number"
from
  "cases"
where
  "source_key" = $1;

-- casesRepo.openOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "resolved"
-- $3 = "closed"
-- $4 = 50
select
  *
from
  "cases"
where
  "account_id" = $1
  and "state" not in ($2, $3)
order by
  "id" desc
limit
  $4;

-- casesRepo.nextNumber
select
  nextval('desk_case_number_seq')::int as n;
-- stopped without a row to go on: Cannot read properties of undefined (reading 'n')

-- casesRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = 1234
-- $5 = "SIM 89440000000000000001 has no data"
-- $6 = "technical"
-- $7 = "new"
-- $8 = "normal"
-- $9 = null
-- $10 = []
-- $11 = "ops@example.com"
-- $12 = null
-- $13 = "email"
-- $14 = null
-- $15 = null
-- $16 = "2026-12-01T00:00:00.000Z"
-- $17 = "2026-12-01T00:00:00.000Z"
-- $18 = null
-- $19 = null
insert into
  "cases" (
    "id",
    "operator_id",
    "account_id",
    "number",
    "subject",
    "category",
    "state",
    "priority",
    "owner_user_id",
    "contact_ids",
    "requester_email",
    "requester_name",
    "channel",
    "source_key",
    "reopened_from_case_id",
    "created_at",
    "updated_at",
    "resolved_at",
    "closed_at"
  )
values
  (
    $1,
    $2,
    $3,
    $4,
    $5,
    $6,
    $7,
    $8,
    $9,
    $10,
    $11,
    $12,
    $13,
    $14,
    $15,
    $16,
    $17,
    $18,
    $19
  );

-- casesRepo.update
-- $1 = "resolved"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
update "cases"
set
  "state" = $1,
  "updated_at" = $2,
  "resolved_at" = $3
where
  "id" = $4;

-- casesRepo.appendEntry
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "note"
-- $4 = "Asked the HSS team."
-- $5 = "{}"
-- $6 = null
-- $7 = "mail"
-- $8 = null
-- $9 = null
-- $10 = "2026-12-01T00:00:00.000Z"
insert into
  "case_entries" (
    "id",
    "case_id",
    "kind",
    "body",
    "data",
    "actor_user_id",
    "actor_name",
    "desk_message_id",
    "consultation_id",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
update "cases"
set
  "updated_at" = $1
where
  "id" = $2;

-- casesRepo.entriesOf
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "case_entries"
where
  "case_id" = $1
order by
  "id";

-- casesRepo.linksOf
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "id",
  "kind",
  "sim_id",
  "linked_account_id",
  "invoice_id",
  "created_at"
from
  "case_links"
where
  "case_id" = $1
order by
  "id";

-- casesRepo.firstSimLink
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "sim"
-- $3 = 1
select
  "sim_id"
from
  "case_links"
where
  "case_id" = $1
  and "kind" = $2
order by
  "id"
limit
  $3;

-- casesRepo.findLink
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "case_links"
where
  "id" = $1
  and "case_id" = $2;

-- casesRepo.insertLink
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "sim"
-- $4 = "0190a8a0-0000-7000-8000-000000000006"
-- $5 = null
-- $6 = null
-- $7 = "2026-12-01T00:00:00.000Z"
insert into
  "case_links" (
    "id",
    "case_id",
    "kind",
    "sim_id",
    "linked_account_id",
    "created_by_user_id",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7)
on conflict do nothing;

-- casesRepo.deleteLink
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
delete from "case_links"
where
  "id" = $1;
