-- The SQL of src/modules/catalog/plans.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- plansRepo.findCommunicationPlan (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "communication_plans"
where
  "id" = $1;

-- plansRepo.findCommunicationPlan (example 2)
-- $1 = "IoT Europe"
select
  *
from
  "communication_plans"
where
  "name" = $1;

-- plansRepo.findRatePlan (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "rate_plans"
where
  "id" = $1;

-- plansRepo.findRatePlan (example 2)
-- $1 = "Europe 1 GB"
select
  *
from
  "rate_plans"
where
  "name" = $1;

-- plansRepo.listCommunicationPlans (example 1)
select
  *
from
  "communication_plans"
order by
  "name";

-- plansRepo.listCommunicationPlans (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "communication_plans"
where
  "id" in ($1)
order by
  "name";

-- plansRepo.listRatePlans (example 1)
select
  *
from
  "rate_plans"
order by
  "name";

-- plansRepo.listRatePlans (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "rate_plans"
where
  "id" in ($1)
order by
  "name";

-- plansRepo.communicationPlanNames
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "name"
from
  "communication_plans"
where
  "id" in ($1);

-- plansRepo.ratePlanNames
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "name"
from
  "rate_plans"
where
  "id" in ($1);

-- plansRepo.communicationPlanUsingZone
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "name"
from
  "communication_plans"
where
  $1 = any ("zone_ids");

-- plansRepo.ratePlanUsingZone
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "rate_plans"."name"
from
  "rate_plan_versions"
  inner join "rate_plans" on "rate_plans"."id" = "rate_plan_versions"."rate_plan_id"
where
  $1 = any ("rate_plan_versions"."zone_ids");

-- plansRepo.insertCommunicationPlan
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "IoT Europe"
-- $4 = null
-- $5 = "[{\"name\":\"iot\",\"type\":\"data\",\"ipAddressing\":\"dynamic\"}]"
-- $6 = true
-- $7 = true
-- $8 = false
-- $9 = ["LTE-M"]
-- $10 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = "2026-12-01T00:00:00.000Z"
insert into
  "communication_plans" (
    "id",
    "account_id",
    "name",
    "description",
    "apns",
    "data_enabled",
    "sms_enabled",
    "voice_enabled",
    "rats",
    "zone_ids",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- plansRepo.updateCommunicationPlan
-- $1 = "IoT Europe"
-- $2 = false
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
update "communication_plans"
set
  "name" = $1,
  "sms_enabled" = $2,
  "updated_at" = $3
where
  "id" = $4;

-- plansRepo.insertRatePlan
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "Europe 1 GB"
-- $4 = "EUR"
-- $5 = null
-- $6 = "2026-12-01T00:00:00.000Z"
-- $7 = "2026-12-01T00:00:00.000Z"
insert into
  "rate_plans" (
    "id",
    "account_id",
    "name",
    "currency",
    "description",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7);

-- plansRepo.lockPlanKeys (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id"
from
  "communication_plans"
where
  "id" in ($1)
for key share;

-- plansRepo.lockPlanKeys (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id"
from
  "rate_plans"
where
  "id" in ($1)
for key share;

-- plansRepo.lockRatePlan
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id"
from
  "rate_plans"
where
  "id" = $1
for update;

-- plansRepo.touchRatePlan
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
update "rate_plans"
set
  "updated_at" = $1
where
  "id" = $2;

-- plansRepo.versionsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "rate_plan_versions"
where
  "rate_plan_id" = $1
order by
  "version";

-- plansRepo.insertRateVersion
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = 2
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "{\"subscription\":1.5,\"zones\":[]}"
-- $7 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "rate_plan_versions" (
    "id",
    "rate_plan_id",
    "account_id",
    "version",
    "effective_from",
    "terms",
    "zone_ids",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8);
