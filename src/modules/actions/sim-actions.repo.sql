-- The SQL of src/modules/actions/sim-actions.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simActionsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "89440000000000000001"
-- $5 = "reset-connectivity"
-- $6 = "watching"
-- $7 = "device offline since the weekend"
-- $8 = "{\"watchMinutes\":120}"
-- $9 = "0190a8a0-0000-7000-8000-000000000004"
-- $10 = "Dana Fleet"
-- $11 = "2026-12-01T02:00:00.000Z"
-- $12 = "2026-12-01T00:00:00.000Z"
-- $13 = "2026-12-01T00:00:00.000Z"
insert into
  "sim_actions" (
    "id",
    "account_id",
    "sim_id",
    "iccid",
    "type",
    "status",
    "reason",
    "params",
    "requested_by_user",
    "requested_by",
    "watch_until",
    "created_at",
    "updated_at"
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
  );

-- simActionsRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sim_actions".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sim_actions"."account_id"
  ) as "account_path"
from
  "sim_actions"
where
  "sim_actions"."id" = $1;

-- simActionsRepo.listForSim
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = 100
select
  "sim_actions".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sim_actions"."account_id"
  ) as "account_path"
from
  "sim_actions"
where
  "sim_actions"."sim_id" = $1
order by
  "sim_actions"."id" desc
limit
  $2;

-- simActionsRepo.requestedSince
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "send-sms"
-- $3 = "2026-12-01T00:00:00.000Z"
select
  "id"
from
  "sim_actions"
where
  "sim_id" = $1
  and "type" = $2
  and "created_at" > $3;

-- simActionsRepo.pendingForSim
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "queued"
-- $3 = "submitted"
-- $4 = "watching"
-- $5 = "2026-12-01T00:00:00.000Z"
select
  "id",
  "type",
  "created_at",
  "watch_until"
from
  "sim_actions"
where
  "sim_id" = $1
  and "status" in ($2, $3, $4)
  and (
    "watch_until" is null
    or "watch_until" > $5
  )
order by
  "created_at";

-- simActionsRepo.smsInFlight
-- $1 = "send-sms"
-- $2 = "queued"
-- $3 = "submitted"
-- $4 = 200
select
  *
from
  "sim_actions"
where
  "type" = $1
  and "status" in ($2, $3)
order by
  "created_at"
limit
  $4;

-- simActionsRepo.watching
-- $1 = "watching"
-- $2 = 200
select
  *
from
  "sim_actions"
where
  "status" = $1
order by
  "created_at"
limit
  $2;

-- simActionsRepo.stillSilentSince
-- $1 = "still_silent"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 200
select
  *
from
  "sim_actions"
where
  "status" = $1
  and "completed_at" > $2
order by
  "completed_at"
limit
  $3;

-- simActionsRepo.advance (example 1)
-- $1 = "back_online"
-- $2 = "{\"summary\":\"Back online.\"}"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = "watching"
update "sim_actions"
set
  "status" = $1,
  "outcome" = $2,
  "completed_at" = $3,
  "updated_at" = $4
where
  "id" = $5
  and "status" = $6;

-- simActionsRepo.advance (example 2)
-- $1 = "submitted"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = "queued"
update "sim_actions"
set
  "status" = $1,
  "updated_at" = $2
where
  "id" = $3
  and "status" = $4;
