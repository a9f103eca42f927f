-- The SQL of src/modules/audit/audit.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- auditRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = "Dana Fleet"
-- $5 = "zone.created"
-- $6 = "zone"
-- $7 = "0190a8a0-0000-7000-8000-000000000004"
-- $8 = "{\"name\":\"Europe\"}"
-- $9 = "2026-12-01T00:00:00.000Z"
insert into
  "audit_log" (
    "id",
    "account_id",
    "actor_user_id",
    "actor_name",
    "action",
    "entity_type",
    "entity_id",
    "data",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- auditRepo.listWithin (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = 51
select
  "audit_log".*
from
  "audit_log"
where
  "audit_log"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "audit_log"."id" desc
limit
  $2;

-- auditRepo.listWithin (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "sim"
-- $3 = "89440000000000000001"
-- $4 = "sim_action.reset-connectivity"
-- $5 = "0190a8a0-0000-7000-8000-000000000009"
-- $6 = 51
select
  "audit_log".*
from
  "audit_log"
where
  "audit_log"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "audit_log"."entity_type" = $2
  and "audit_log"."entity_id" = $3
  and "audit_log"."action" = $4
  and "audit_log"."id" < $5
order by
  "audit_log"."id" desc
limit
  $6;

-- auditRepo.listForEntity
-- $1 = "sim"
-- $2 = "89440000000000000001"
select
  *
from
  "audit_log"
where
  "entity_type" = $1
  and "entity_id" = $2
order by
  "id";
