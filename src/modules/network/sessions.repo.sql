-- The SQL of src/modules/network/sessions.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- sessionsRepo.insertAccountingRecord
-- $1 = "10.0.0.1|4711|interim|1733011200"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000004"
-- $4 = "10.0.0.1|4711|interim|1733011200"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "0190a8a0-0000-7000-8000-000000000005"
-- $7 = "0190a8a0-0000-7000-8000-000000000001"
-- $8 = "234150000000001"
-- $9 = "4711"
-- $10 = "interim"
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = "2026-12-01T00:00:00.000Z"
-- $13 = "{}"
with
  "new_key" as (
    insert into
      "accounting_record_keys" ("dedupe_key", "received_at")
    values
      ($1, $2)
    on conflict ("dedupe_key") do nothing
    returning
      "dedupe_key"
  )
insert into
  "accounting_records" (
    "id",
    "dedupe_key",
    "client_id",
    "account_id",
    "sim_id",
    "imsi",
    "acct_session_id",
    "status",
    "event_at",
    "received_at",
    "record"
  )
select
  $3 as "id",
  $4 as "dedupe_key",
  $5 as "client_id",
  $6 as "account_id",
  $7 as "sim_id",
  $8 as "imsi",
  $9 as "acct_session_id",
  $10 as "status",
  $11 as "event_at",
  $12 as "received_at",
  $13 as "record"
from
  "new_key"
returning
  "id";

-- sessionsRepo.closeAfterGatewayRestart
-- $1 = "closed"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "NAS-Reboot"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "open"
-- $7 = "2026-12-01T00:00:00.000Z"
update "data_sessions"
set
  "status" = $1,
  "ended_at" = $2,
  "terminate_cause" = $3,
  "last_update_at" = $4
where
  "client_id" = $5
  and "status" = $6
  and "started_at" <= $7;

-- sessionsRepo.lockCurrent
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "4711"
-- $3 = false
select
  *
from
  "data_sessions"
where
  "client_id" = $1
  and "acct_session_id" = $2
  and "superseded" = $3
for update;

-- sessionsRepo.markSuperseded
-- $1 = true
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
update "data_sessions"
set
  "superseded" = $1
where
  "id" = $2;

-- sessionsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000005"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "4711"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = "234150000000001"
-- $7 = null
-- $8 = null
-- $9 = "10.0.0.1"
-- $10 = "iot.example"
-- $11 = "100.64.0.1"
-- $12 = "LTE"
-- $13 = 6
-- $14 = "234"
-- $15 = "15"
-- $16 = null
-- $17 = null
-- $18 = "open"
-- $19 = "2026-12-01T00:00:00.000Z"
-- $20 = "2026-12-01T00:00:00.000Z"
-- $21 = null
-- $22 = 0
-- $23 = 0
-- $24 = null
-- $25 = null
-- $26 = null
insert into
  "data_sessions" (
    "id",
    "account_id",
    "client_id",
    "acct_session_id",
    "sim_id",
    "imsi",
    "msisdn",
    "charging_id",
    "nas_ip",
    "apn",
    "ip",
    "rat",
    "rat_code",
    "mcc",
    "mnc",
    "location",
    "imeisv",
    "status",
    "started_at",
    "last_update_at",
    "ended_at",
    "bytes_up",
    "bytes_down",
    "session_time",
    "terminate_cause",
    "last_traffic_at"
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
    $19,
    $20,
    $21,
    $22,
    $23,
    $24,
    $25,
    $26
  );

-- sessionsRepo.update
-- $1 = 1200
-- $2 = 3400
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
update "data_sessions"
set
  "bytes_up" = $1,
  "bytes_down" = $2,
  "last_update_at" = $3
where
  "id" = $4;

-- sessionsRepo.openIds (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
select
  "id"
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2;

-- sessionsRepo.openIds (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "4711"
select
  "id"
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2
  and "client_id" = $3
  and "acct_session_id" = $4;

-- sessionsRepo.latestOpen
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
-- $3 = 1
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2
order by
  "last_update_at" desc
limit
  $3;

-- sessionsRepo.pageForSim (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = 51
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
order by
  "started_at" desc,
  "id" desc
limit
  $3;

-- sessionsRepo.pageForSim (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000003"
-- $6 = 51
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and (
    "started_at" < $3
    or (
      "started_at" = $4
      and "id" < $5
    )
  )
order by
  "started_at" desc,
  "id" desc
limit
  $6;

-- sessionsRepo.timelineForSim (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = 50
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
order by
  "started_at" desc
limit
  $3;

-- sessionsRepo.timelineForSim (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 50
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and "started_at" < $3
order by
  "started_at" desc
limit
  $4;

-- sessionsRepo.startedSince
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 200
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "started_at" >= $2
order by
  "started_at" desc
limit
  $3;

-- sessionsRepo.startsSince
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 200
select
  "started_at"
from
  "data_sessions"
where
  "sim_id" = $1
  and "started_at" >= $2
order by
  "started_at" desc
limit
  $3;

-- sessionsRepo.openStartedBefore
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 200
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2
  and "started_at" < $3
order by
  "started_at" desc
limit
  $4;

-- sessionsRepo.firstStartedAfter
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  "started_at",
  "apn"
from
  "data_sessions"
where
  "sim_id" = $1
  and "started_at" > $2
order by
  "started_at"
limit
  $3;

-- sessionsRepo.firstTrafficAfter
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  "last_traffic_at"
from
  "data_sessions"
where
  "sim_id" = $1
  and "last_traffic_at" > $2
order by
  "last_traffic_at"
limit
  $3;
