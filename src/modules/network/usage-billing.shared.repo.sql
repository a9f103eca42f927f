-- The SQL of src/modules/network/usage-billing.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- usageBillingRepo.dailyBySim (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01"
-- $3 = "2026-11-30"
select
  "u"."sim_id",
  "u"."account_id",
  "u"."day",
  "u"."zone_key",
  "u"."zone_id",
  "u"."billed_bytes",
  "u"."bytes_up",
  "u"."bytes_down",
  "u"."sms_mo",
  "u"."sms_mt"
from
  "usage_daily" as "u"
where
  "u"."account_id" in ($1)
  and "u"."day" >= $2
  and "u"."day" <= $3
order by
  "u"."sim_id",
  "u"."day",
  "u"."zone_key";

-- usageBillingRepo.dailyBySim (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01"
-- $3 = "2026-11-30"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
select
  "u"."sim_id",
  "u"."account_id",
  "u"."day",
  "u"."zone_key",
  "u"."zone_id",
  "u"."billed_bytes",
  "u"."bytes_up",
  "u"."bytes_down",
  "u"."sms_mo",
  "u"."sms_mt"
from
  "usage_daily" as "u"
where
  "u"."account_id" in ($1)
  and "u"."day" >= $2
  and "u"."day" <= $3
  and "u"."sim_id" in ($4)
order by
  "u"."sim_id",
  "u"."day",
  "u"."zone_key";

-- usageBillingRepo.totalsBySimZone
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01"
-- $3 = "2026-11-30"
select
  "u"."sim_id",
  "u"."account_id",
  "u"."zone_key",
  (array_agg(u.zone_id)) [1] as "zone_id",
  coalesce(sum("u"."billed_bytes"), 0)::bigint as "billed_bytes",
  coalesce(sum(u.bytes_up + u.bytes_down), 0)::bigint as "bytes",
  coalesce(sum("u"."sms_mo"), 0)::integer as "sms_mo",
  coalesce(sum("u"."sms_mt"), 0)::integer as "sms_mt",
  count(*)::integer as "days"
from
  "usage_daily" as "u"
where
  "u"."account_id" in ($1)
  and "u"."day" >= $2
  and "u"."day" <= $3
group by
  "u"."sim_id",
  "u"."account_id",
  "u"."zone_key"
order by
  "u"."sim_id",
  "u"."zone_key";

-- usageBillingRepo.dailyByAccount
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01"
-- $3 = "2026-11-30"
select
  "u"."account_id",
  "u"."day",
  "u"."zone_key",
  coalesce(sum("u"."billed_bytes"), 0)::bigint as "billed_bytes",
  coalesce(sum(u.bytes_up + u.bytes_down), 0)::bigint as "bytes",
  coalesce(sum("u"."sms_mo"), 0)::integer as "sms_mo",
  coalesce(sum("u"."sms_mt"), 0)::integer as "sms_mt",
  count(distinct u.sim_id)::integer as "sims"
from
  "usage_daily" as "u"
where
  "u"."account_id" in ($1)
  and "u"."day" >= $2
  and "u"."day" <= $3
group by
  "u"."account_id",
  "u"."day",
  "u"."zone_key"
order by
  "u"."account_id",
  "u"."day",
  "u"."zone_key";

-- usageBillingRepo.totalsByAccountZone
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01"
-- $3 = "2026-11-30"
select
  "u"."account_id",
  "u"."zone_key",
  coalesce(sum("u"."billed_bytes"), 0)::bigint as "billed_bytes",
  coalesce(sum(u.bytes_up + u.bytes_down), 0)::bigint as "bytes",
  coalesce(sum("u"."sms_mo"), 0)::integer as "sms_mo",
  coalesce(sum("u"."sms_mt"), 0)::integer as "sms_mt",
  count(distinct u.sim_id)::integer as "sims"
from
  "usage_daily" as "u"
where
  "u"."account_id" in ($1)
  and "u"."day" >= $2
  and "u"."day" <= $3
group by
  "u"."account_id",
  "u"."zone_key"
order by
  "u"."account_id",
  "u"."zone_key";

-- usageBillingRepo.sessionsOfSimDay
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-11-16"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
select
  "su"."session_id",
  "su"."bytes",
  "su"."billed_bytes",
  "d"."acct_session_id",
  "d"."started_at",
  "d"."ended_at",
  "d"."status",
  "d"."apn",
  "d"."mcc",
  "d"."mnc",
  "d"."rat",
  d.bytes_up + d.bytes_down as "session_bytes",
  "d"."billing_unit"
from
  "session_usage_daily" as "su"
  inner join "data_sessions" as "d" on "d"."id" = "su"."session_id"
where
  "su"."sim_id" = $1
  and "su"."day" = $2
  and "su"."zone_key" = $3
order by
  "d"."started_at",
  "su"."session_id";

-- usageBillingRepo.smsOfSimDay
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-11-16"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
select
  "id",
  "source",
  "record_id",
  "direction",
  "message_id",
  "at",
  "counted"
from
  "sms_usage"
where
  "sim_id" = $1
  and "day" = $2
  and "zone_key" = $3
order by
  "at",
  "id";

-- usageBillingRepo.sessionCounts
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01"
-- $3 = "2026-12-01"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
select
  "session_usage_daily"."sim_id",
  count(distinct "session_usage_daily"."session_id") as "sessions"
from
  "session_usage_daily"
where
  "session_usage_daily"."sim_id" in ($1)
  and "session_usage_daily"."day" >= $2
  and "session_usage_daily"."day" < $3
  and "session_usage_daily"."zone_id" = $4
group by
  "session_usage_daily"."sim_id";
