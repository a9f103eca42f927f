-- The SQL of src/modules/billing/billing-exports.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- billingExportsRepo.simsWithUsage (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = 500
select distinct
  "sim_id"
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
order by
  "sim_id"
limit
  $2;

-- billingExportsRepo.simsWithUsage (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = 500
select distinct
  "sim_id"
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
  and "sim_id" > $2
order by
  "sim_id"
limit
  $3;

-- billingExportsRepo.usageOfSims
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sim_id",
  "account_id",
  "rate_plan_id",
  "zone_key",
  "zone_id",
  "test"
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
  and "sim_id" in ($2)
order by
  "sim_id",
  "zone_key";

-- billingExportsRepo.activationsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sim_id",
  "activated_on"
from
  "invoice_sims"
where
  "invoice_id" = $1
  and "sim_id" in ($2);
