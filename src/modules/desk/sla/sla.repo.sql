-- The SQL of src/modules/desk/sla/sla.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- slaRepo.calendars
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "desk_calendars"
where
  "operator_id" = $1
order by
  "effective_from",
  "id";

-- slaRepo.calendarInForce
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  *
from
  "desk_calendars"
where
  "operator_id" = $1
  and "effective_from" <= $2
order by
  "effective_from" desc,
  "id" desc
limit
  $3;

-- slaRepo.upcomingCalendar
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  *
from
  "desk_calendars"
where
  "operator_id" = $1
  and "effective_from" > $2
order by
  "effective_from" desc
limit
  $3;

-- slaRepo.insertCalendar
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "Europe/Rome"
-- $4 = "{\"mon\":[\"09:00-18:00\"]}"
-- $5 = "[\"2026-12-25\"]"
-- $6 = "2026-12-01T00:00:00.000Z"
-- $7 = "0190a8a0-0000-7000-8000-000000000004"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_calendars" (
    "id",
    "operator_id",
    "time_zone",
    "hours",
    "holidays",
    "effective_from",
    "created_by_user_id",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8);

-- slaRepo.agreementsOf (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "desk_agreements"
where
  "account_id" in ($1, $2)
order by
  "effective_from",
  "id";

-- slaRepo.agreementsOf (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "2026-12-01T00:00:00.000Z"
select
  *
from
  "desk_agreements"
where
  "account_id" in ($1, $2)
  and "effective_from" <= $3
order by
  "effective_from",
  "id";

-- slaRepo.insertAgreement
-- $1 = "0190a8a0-0000-7000-8000-000000000006"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "{\"firstResponse\":{\"urgent\":\"PT1H\"}}"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000004"
-- $6 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_agreements" (
    "id",
    "account_id",
    "targets",
    "effective_from",
    "created_by_user_id",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6);

-- slaRepo.casesForClocks
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "id",
  "operator_id",
  "account_id",
  "owner_user_id",
  "number",
  "created_at",
  "state",
  "priority"
from
  "cases"
where
  "id" in ($1);

-- slaRepo.clockEntries
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "event"
-- $3 = "email_out"
-- $4 = "phone"
select
  "id",
  "case_id",
  "kind",
  "data",
  "created_at",
  "consultation_id"
from
  "case_entries"
where
  "case_id" in ($1)
  and "kind" in ($2, $3, $4)
order by
  "case_id",
  "id";

-- slaRepo.upsertProjections
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000004"
-- $4 = true
-- $5 = 0
-- $6 = "2026-12-01T00:00:00.000Z"
-- $7 = 3600000
-- $8 = "2026-12-01T00:00:00.000Z"
-- $9 = "running"
-- $10 = "{}"
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = false
-- $13 = "2026-12-01T00:00:00.000Z"
-- $14 = false
insert into
  "case_sla" (
    "case_id",
    "account_id",
    "owner_user_id",
    "open",
    "tier",
    "due_at",
    "remaining_ms",
    "at_risk_at",
    "state",
    "clocks",
    "next_notice_at",
    "stale",
    "computed_at"
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
    $13
  )
on conflict ("case_id") do update
set
  "account_id" = "excluded"."account_id",
  "owner_user_id" = "excluded"."owner_user_id",
  "open" = "excluded"."open",
  "tier" = "excluded"."tier",
  "due_at" = "excluded"."due_at",
  "remaining_ms" = "excluded"."remaining_ms",
  "at_risk_at" = "excluded"."at_risk_at",
  "state" = "excluded"."state",
  "clocks" = "excluded"."clocks",
  "next_notice_at" = "excluded"."next_notice_at",
  "stale" = $14,
  "computed_at" = "excluded"."computed_at";

-- slaRepo.markOpenStale
-- $1 = true
-- $2 = true
update "case_sla"
set
  "stale" = $1
where
  "open" = $2;

-- slaRepo.queuePage (example 1)
-- $1 = true
-- $2 = "0190a8a0-0000-7000-8000-000000000004"
-- $3 = 51
-- $4 = 0
select
  "cases"."id",
  "cases"."number",
  "cases"."subject",
  "cases"."state",
  "cases"."priority",
  "cases"."account_id",
  "cases"."operator_id",
  "cases"."owner_user_id",
  "cases"."created_at",
  "cases"."updated_at",
  "case_sla"."tier",
  "case_sla"."due_at",
  "case_sla"."remaining_ms",
  "case_sla"."at_risk_at",
  "case_sla"."state" as "sla_state",
  "case_sla"."stale"
from
  "case_sla"
  inner join "cases" on "cases"."id" = "case_sla"."case_id"
where
  (
    "case_sla"."open" = $1
    and "case_sla"."owner_user_id" = $2
  )
order by
  "case_sla"."tier",
  "case_sla"."due_at" asc nulls last,
  "case_sla"."remaining_ms",
  "case_sla"."case_id"
limit
  $3
offset
  $4;

-- slaRepo.queuePage (example 2)
-- $1 = true
-- $2 = 51
-- $3 = 0
select
  "cases"."id",
  "cases"."number",
  "cases"."subject",
  "cases"."state",
  "cases"."priority",
  "cases"."account_id",
  "cases"."operator_id",
  "cases"."owner_user_id",
  "cases"."created_at",
  "cases"."updated_at",
  "case_sla"."tier",
  "case_sla"."due_at",
  "case_sla"."remaining_ms",
  "case_sla"."at_risk_at",
  "case_sla"."state" as "sla_state",
  "case_sla"."stale"
from
  "case_sla"
  inner join "cases" on "cases"."id" = "case_sla"."case_id"
where
  (
    "case_sla"."open" = $1
    and "case_sla"."owner_user_id" is null
  )
order by
  "case_sla"."tier",
  "case_sla"."due_at" asc nulls last,
  "case_sla"."remaining_ms",
  "case_sla"."case_id"
limit
  $2
offset
  $3;

-- slaRepo.queuePage (example 3)
-- $1 = true
-- $2 = "new"
-- $3 = "open"
-- $4 = 51
-- $5 = 0
select
  "cases"."id",
  "cases"."number",
  "cases"."subject",
  "cases"."state",
  "cases"."priority",
  "cases"."account_id",
  "cases"."operator_id",
  "cases"."owner_user_id",
  "cases"."created_at",
  "cases"."updated_at",
  "case_sla"."tier",
  "case_sla"."due_at",
  "case_sla"."remaining_ms",
  "case_sla"."at_risk_at",
  "case_sla"."state" as "sla_state",
  "case_sla"."stale"
from
  "case_sla"
  inner join "cases" on "cases"."id" = "case_sla"."case_id"
where
  (
    "case_sla"."open" = $1
    and "cases"."state" in ($2, $3)
  )
order by
  "case_sla"."tier",
  "case_sla"."due_at" asc nulls last,
  "case_sla"."remaining_ms",
  "case_sla"."case_id"
limit
  $4
offset
  $5;

-- slaRepo.queueCount (example 1)
-- $1 = true
-- $2 = "0190a8a0-0000-7000-8000-000000000004"
select
  count(*) as "n"
from
  "case_sla"
where
  "open" = $1
  and "owner_user_id" = $2;
-- stopped without a row to go on: no result

-- slaRepo.queueCount (example 2)
-- $1 = true
select
  count(*) as "n"
from
  "case_sla"
where
  "open" = $1
  and "owner_user_id" is null;
-- stopped without a row to go on: no result

-- slaRepo.queueCount (example 3)
-- $1 = true
-- $2 = "open"
select
  count(*) as "n"
from
  "case_sla"
  inner join "cases" on "cases"."id" = "case_sla"."case_id"
where
  (
    "case_sla"."open" = $1
    and "cases"."state" in ($2)
  );
-- stopped without a row to go on: no result

-- slaRepo.lockStale
-- $1 = true
-- $2 = 500
select
  "case_id"
from
  "case_sla"
where
  "stale" = $1
limit
  $2
for update
  skip locked;

-- slaRepo.lockNoticesDue
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = 100
select
  "case_id"
from
  "case_sla"
where
  "next_notice_at" <= $1
limit
  $2
for update
  skip locked;

-- slaRepo.noticesOf
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "case_id",
  "target",
  "episode",
  "kind"
from
  "desk_sla_notices"
where
  "case_id" in ($1);

-- slaRepo.insertNotice
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "firstResponse"
-- $3 = 1
-- $4 = "at_risk"
-- $5 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_sla_notices" (
    "case_id",
    "target",
    "episode",
    "kind",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5)
on conflict do nothing
returning
  "case_id";
