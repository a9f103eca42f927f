-- The SQL of src/modules/network/usage-billing.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- usageBillingRepo.sessionCounts
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-11-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
select
  "data_sessions"."sim_id",
  count(*) as "sessions"
from
  "data_sessions"
where
  "data_sessions"."sim_id" in ($1)
  and "data_sessions"."started_at" >= $2
  and "data_sessions"."started_at" < $3
group by
  "data_sessions"."sim_id";
