-- The SQL of src/modules/sims/sim-billing.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simBillingRepo.ratePlansInSubtree (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
select distinct
  "sims"."rate_plan_id"
from
  "sims"
where
  "sims"."rate_plan_id" is not null
  and "sims"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  );

-- simBillingRepo.ratePlansInSubtree (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/"
select distinct
  "sims"."rate_plan_id"
from
  "sims"
where
  "sims"."rate_plan_id" is not null
  and "sims"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" = $1
  );
