-- The SQL of src/modules/catalog/rate-terms.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- rateTermsRepo.plansByIds
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "rate_plans"."id",
  "rate_plans"."name",
  "rate_plans"."currency"
from
  "rate_plans"
where
  "rate_plans"."id" in ($1);

-- rateTermsRepo.versionsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "rate_plan_versions"."rate_plan_id",
  "rate_plan_versions"."version",
  "rate_plan_versions"."effective_from",
  "rate_plan_versions"."terms"
from
  "rate_plan_versions"
where
  "rate_plan_versions"."rate_plan_id" in ($1)
order by
  "rate_plan_versions"."rate_plan_id",
  "rate_plan_versions"."version";
