-- The SQL of src/modules/network/usage-billing.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

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
