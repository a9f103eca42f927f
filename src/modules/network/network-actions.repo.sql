-- The SQL of src/modules/network/network-actions.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- networkActionsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "0190a8a0-0000-7000-8000-000000000004"
-- $5 = "disconnect"
-- $6 = "queued"
-- $7 = "data limit of 1000000 bytes reached"
-- $8 = "system"
-- $9 = "2026-12-01T00:00:00.000Z"
-- $10 = "2026-12-01T00:00:00.000Z"
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = null
insert into
  "network_actions" (
    "id",
    "account_id",
    "sim_id",
    "session_id",
    "kind",
    "status",
    "reason",
    "requested_by",
    "next_attempt_at",
    "created_at",
    "updated_at",
    "sim_action_id"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- networkActionsRepo.pendingDisconnect
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
-- $2 = "disconnect"
-- $3 = "queued"
-- $4 = "sending"
select
  "id"
from
  "network_actions"
where
  "session_id" = $1
  and "kind" = $2
  and "status" in ($3, $4);

-- networkActionsRepo.forSimAction
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
select
  "network_actions".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "network_actions"."account_id"
  ) as "account_path"
from
  "network_actions"
where
  "network_actions"."sim_action_id" = $1
order by
  "network_actions"."id";

-- networkActionsRepo.latestForSim
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = 200
select
  "network_actions".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "network_actions"."account_id"
  ) as "account_path"
from
  "network_actions"
where
  "network_actions"."sim_id" = $1
order by
  "network_actions"."id" desc
limit
  $2;

-- networkActionsRepo.requeueLapsed
-- $1 = "queued"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "sending"
update "network_actions"
set
  "status" = $1,
  "next_attempt_at" = $2
where
  "status" = $3
  and "next_attempt_at" < now();

-- networkActionsRepo.lockDue
-- $1 = "queued"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 50
select
  *
from
  "network_actions"
where
  "status" = $1
  and "next_attempt_at" <= $2
order by
  "next_attempt_at"
limit
  $3
for update
  skip locked;

-- networkActionsRepo.markSending
-- $1 = "sending"
-- $2 = 600
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
update "network_actions"
set
  "status" = $1,
  "next_attempt_at" = now() + make_interval(secs => $2),
  "updated_at" = $3
where
  "id" in ($4);

-- networkActionsRepo.recordAttempt
-- $1 = "acked"
-- $2 = 1
-- $3 = "{\"outcome\":\"ack\"}"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = null
-- $6 = "0190a8a0-0000-7000-8000-000000000001"
update "network_actions"
set
  "status" = $1,
  "attempts" = $2,
  "result" = $3,
  "updated_at" = $4,
  "next_attempt_at" = $5
where
  "id" = $6;

-- networkActionsRepo.disconnectTarget
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
select
  "data_sessions"."acct_session_id",
  "data_sessions"."imsi",
  "data_sessions"."ip",
  "data_sessions"."nas_ip",
  "data_sessions"."status",
  "network_clients"."address",
  "network_clients"."coa_port",
  "network_clients"."secret_sealed"
from
  "data_sessions"
  inner join "network_clients" on "network_clients"."id" = "data_sessions"."client_id"
where
  "data_sessions"."id" = $1;
