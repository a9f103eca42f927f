-- The SQL of src/modules/network/network.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- networkRepo.addUsageMany
-- $1 = "[{\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"day\":\"2026-12-01\",\"zone_key\":\"0190a8a0-0000-7000-8000-000000000003\",\"zone_id\":\"0190a8a0-0000-7000-8000-000000000003\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000002\",\"bytes_up\":1200,\"bytes_down\":3400}]"
insert into
  usage_daily (
    sim_id,
    day,
    zone_key,
    zone_id,
    account_id,
    bytes_up,
    bytes_down,
    billed_bytes,
    sms_mo,
    sms_mt
  )
select
  sim_id,
  day,
  zone_key,
  zone_id,
  account_id,
  coalesce(bytes_up, 0),
  coalesce(bytes_down, 0),
  coalesce(billed_bytes, 0),
  coalesce(sms_mo, 0),
  coalesce(sms_mt, 0)
from
  jsonb_to_recordset($1::jsonb) as t (
    sim_id uuid,
    day date,
    zone_key text,
    zone_id uuid,
    account_id uuid,
    bytes_up bigint,
    bytes_down bigint,
    billed_bytes bigint,
    sms_mo integer,
    sms_mt integer
  )
order by
  sim_id,
  day,
  zone_key
on conflict (sim_id, day, zone_key) do update
set
  bytes_up = usage_daily.bytes_up + excluded.bytes_up,
  bytes_down = usage_daily.bytes_down + excluded.bytes_down,
  billed_bytes = usage_daily.billed_bytes + excluded.billed_bytes,
  sms_mo = usage_daily.sms_mo + excluded.sms_mo,
  sms_mt = usage_daily.sms_mt + excluded.sms_mt;

-- networkRepo.noteUnknownImsi
-- $1 = "234150000000009"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "radius"
-- $5 = "23415"
-- $6 = "radius"
insert into
  "unknown_imsis" (
    "imsi",
    "first_seen",
    "last_seen",
    "last_source",
    "last_plmn"
  )
values
  ($1, $2, $3, $4, $5)
on conflict ("imsi") do update
set
  "last_seen" = greatest(unknown_imsis.last_seen, excluded.last_seen),
  "occurrences" = unknown_imsis.occurrences + 1,
  "last_source" = $6,
  "last_plmn" = coalesce(excluded.last_plmn, unknown_imsis.last_plmn);

-- networkRepo.usedBytes (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  coalesce(sum(bytes_up + bytes_down), 0)::bigint as "total"
from
  "usage_daily"
where
  "sim_id" = $1;

-- networkRepo.usedBytes (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01"
-- $3 = "2026-12-06"
select
  coalesce(sum(bytes_up + bytes_down), 0)::bigint as "total"
from
  "usage_daily"
where
  "sim_id" = $1
  and "day" >= $2
  and "day" <= $3;

-- networkRepo.usageDaysForSim
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $3 = "2026-12-01"
-- $4 = "2026-12-31"
select
  "usage_daily"."day",
  "usage_daily"."zone_id",
  "usage_daily"."bytes_up",
  "usage_daily"."bytes_down",
  "usage_daily"."billed_bytes",
  "usage_daily"."sms_mo",
  "usage_daily"."sms_mt"
from
  "usage_daily"
where
  "usage_daily"."sim_id" = $1
  and "usage_daily"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and "usage_daily"."day" >= $3
  and "usage_daily"."day" <= $4
order by
  "usage_daily"."day";

-- networkRepo.state
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "sim_network_state"
where
  "sim_id" = $1;

-- networkRepo.lockState
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "sim_network_state"
where
  "sim_id" = $1
for update;

-- networkRepo.saveState
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = null
-- $5 = "356938035643809"
-- $6 = null
-- $7 = null
-- $8 = null
-- $9 = "234"
-- $10 = "15"
-- $11 = "LTE"
-- $12 = null
-- $13 = "2026-12-01T00:00:00.000Z"
-- $14 = "0190a8a0-0000-7000-8000-000000000001"
-- $15 = "0190a8a0-0000-7000-8000-000000000002"
-- $16 = "2026-12-01T00:00:00.000Z"
-- $17 = null
-- $18 = "356938035643809"
-- $19 = null
-- $20 = null
-- $21 = null
-- $22 = "234"
-- $23 = "15"
-- $24 = "LTE"
-- $25 = null
-- $26 = "2026-12-01T00:00:00.000Z"
insert into
  "sim_network_state" (
    "sim_id",
    "account_id",
    "last_seen",
    "last_registration",
    "imei",
    "imeisv",
    "previous_imei",
    "imei_changed_at",
    "mcc",
    "mnc",
    "rat",
    "location",
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
  )
on conflict ("sim_id") do update
set
  "sim_id" = $14,
  "account_id" = $15,
  "last_seen" = $16,
  "last_registration" = $17,
  "imei" = $18,
  "imeisv" = $19,
  "previous_imei" = $20,
  "imei_changed_at" = $21,
  "mcc" = $22,
  "mnc" = $23,
  "rat" = $24,
  "location" = $25,
  "updated_at" = $26;

-- networkRepo.setZoneKey
-- $1 = "23415|zone:0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
update "sim_network_state"
set
  "zone_key" = $1
where
  "sim_id" = $2;

-- networkRepo.lockDueForSilenceCheck
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = 200
select
  "sim_network_state"."sim_id",
  "sim_network_state"."last_activity_at"
from
  "sim_network_state"
where
  "sim_network_state"."silent_since" is null
  and "sim_network_state"."silence_check_at" <= $1
order by
  "sim_network_state"."silence_check_at"
limit
  $2
for update
  skip locked;

-- networkRepo.setSilenceCheck
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
update "sim_network_state"
set
  "silence_check_at" = $1
where
  "sim_id" = $2;

-- networkRepo.markSilent
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = null
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
update "sim_network_state"
set
  "silent_since" = $1,
  "silence_check_at" = $2
where
  "sim_id" = $3;

-- networkRepo.quietSims (example 1)
-- $1 = "ACTIVATED"
-- $2 = "TEST_READY"
-- $3 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = 100
select
  "sim_network_state"."sim_id" as "simId",
  (
    select
      "sims"."iccid"
    from
      "sims"
    where
      "sims"."id" = "sim_network_state"."sim_id"
  ) as "iccid",
  "sim_network_state"."last_activity_at" as "lastActivityAt"
from
  "sim_network_state"
where
  "sim_network_state"."sim_id" in (
    select
      "sims"."id"
    from
      "sims"
    where
      "sims"."state" in ($1, $2)
      and "sims"."account_id" in (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $3
      )
  )
  and "sim_network_state"."last_activity_at" <= $4
order by
  "sim_network_state"."last_activity_at",
  "sim_network_state"."sim_id"
limit
  $5;

-- networkRepo.quietSims (example 2)
-- $1 = "ACTIVATED"
-- $2 = "TEST_READY"
-- $3 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "2026-12-01T00:00:00.000Z"
-- $7 = "0190a8a0-0000-7000-8000-000000000001"
-- $8 = 100
select
  "sim_network_state"."sim_id" as "simId",
  (
    select
      "sims"."iccid"
    from
      "sims"
    where
      "sims"."id" = "sim_network_state"."sim_id"
  ) as "iccid",
  "sim_network_state"."last_activity_at" as "lastActivityAt"
from
  "sim_network_state"
where
  "sim_network_state"."sim_id" in (
    select
      "sims"."id"
    from
      "sims"
    where
      "sims"."state" in ($1, $2)
      and "sims"."account_id" in (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $3
      )
  )
  and "sim_network_state"."last_activity_at" <= $4
  and (
    "sim_network_state"."last_activity_at" > $5
    or (
      "sim_network_state"."last_activity_at" = $6
      and "sim_network_state"."sim_id" > $7
    )
  )
order by
  "sim_network_state"."last_activity_at",
  "sim_network_state"."sim_id"
limit
  $8;

-- networkRepo.insertRegistrationEvent
-- $1 = "hss-0001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000004"
-- $4 = "hss-0001"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "0190a8a0-0000-7000-8000-000000000001"
-- $7 = "234150000000001"
-- $8 = "location_update"
-- $9 = "accepted"
-- $10 = null
-- $11 = null
-- $12 = "23415"
-- $13 = "LTE"
-- $14 = null
-- $15 = "2026-12-01T00:00:00.000Z"
-- $16 = "2026-12-01T00:00:00.000Z"
with
  "new_key" as (
    insert into
      "registration_event_keys" ("event_id", "received_at")
    values
      ($1, $2)
    on conflict ("event_id") do nothing
    returning
      "event_id"
  )
insert into
  "registration_events" (
    "id",
    "event_id",
    "account_id",
    "sim_id",
    "imsi",
    "type",
    "result",
    "cause",
    "cause_type",
    "visited_plmn",
    "rat",
    "imei",
    "at",
    "received_at"
  )
select
  $3 as "id",
  $4 as "event_id",
  $5 as "account_id",
  $6 as "sim_id",
  $7 as "imsi",
  $8 as "type",
  $9 as "result",
  $10 as "cause",
  $11 as "cause_type",
  $12 as "visited_plmn",
  $13 as "rat",
  $14 as "imei",
  $15 as "at",
  $16 as "received_at"
from
  "new_key"
returning
  "id";

-- networkRepo.recentRegistrations
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 20
select
  *
from
  "registration_events"
where
  "sim_id" = $1
order by
  "registration_events"."at" desc,
  "registration_events"."id" desc
limit
  $2;

-- networkRepo.timelineRegistrations (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $3 = 50
select
  *
from
  "registration_events"
where
  "sim_id" = $1
  and "registration_events"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
order by
  "registration_events"."at" desc,
  "registration_events"."id" desc
limit
  $3;

-- networkRepo.timelineRegistrations (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 50
select
  *
from
  "registration_events"
where
  "sim_id" = $1
  and "registration_events"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and "at" < $3
order by
  "registration_events"."at" desc,
  "registration_events"."id" desc
limit
  $4;

-- networkRepo.firstAcceptedRegistrationAfter
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "location_update"
-- $3 = "accepted"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = 1
select
  "at",
  "visited_plmn"
from
  "registration_events"
where
  "sim_id" = $1
  and "type" = $2
  and "result" = $3
  and "at" > $4
order by
  "at",
  "id"
limit
  $5;

-- networkRepo.unknownImsis (example 1)
-- $1 = 51
select
  *
from
  "unknown_imsis"
order by
  "imsi"
limit
  $1;

-- networkRepo.unknownImsis (example 2)
-- $1 = "234150000000009"
-- $2 = 51
select
  *
from
  "unknown_imsis"
where
  "imsi" > $1
order by
  "imsi"
limit
  $2;
