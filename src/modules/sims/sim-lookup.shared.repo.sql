-- The SQL of src/modules/sims/sim-lookup.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simLookupRepo.byImsis
-- $1 = ["234150000000001","234150000000002"]
select
  /* prepared */
  "sims"."id",
  "sims"."iccid",
  "sims"."imsi",
  "sims"."account_id",
  "sims"."state",
  "sims"."rate_plan_id",
  "sims"."communication_plan_id",
  "sims"."overage_limit_override",
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  "sims"."imsi" = any ($1::text[]);

-- simLookupRepo.byIds
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "sims"."id",
  "sims"."iccid",
  "sims"."account_id",
  "sims"."state",
  "sims"."rate_plan_id"
from
  "sims"
where
  "sims"."id" in ($1, $2);

-- simLookupRepo.countWithin
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
select
  count(*) as "count"
from
  "sims"
where
  "sims"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  );
-- stopped without a row to go on: no result
