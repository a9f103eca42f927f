-- The SQL of src/modules/billing/billing-alerts.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- billingAlertsRepo.cycleProfiles
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "account_id",
  "cycle",
  "anchor_day"
from
  "billing_profiles"
where
  "account_id" in ($1, $2);

-- billingAlertsRepo.recordPoolAlert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "2026-11-01"
-- $4 = "used"
-- $5 = 80
-- $6 = 1000
-- $7 = 800
-- $8 = 1200
-- $9 = "2026-11-20T10:00:00.000Z"
insert into
  "pool_usage_alerts" (
    "account_id",
    "rate_plan_id",
    "cycle_start",
    "measure",
    "percent",
    "pool_bytes",
    "used_bytes",
    "projected_bytes",
    "fired_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict (
  "account_id",
  "rate_plan_id",
  "cycle_start",
  "measure",
  "percent"
) do nothing
returning
  "account_id";

-- billingAlertsRepo.claimSchedule
-- $1 = "pool_alerts"
-- $2 = "2026-11-20T10:00:00.000Z"
-- $3 = null
insert into
  "billing_schedules" ("name", "due_at", "lease_until")
values
  ($1, $2, $3)
on conflict ("name") do nothing;
-- $1 = "2026-11-20T10:15:00.000Z"
-- $2 = "2026-11-20T10:10:00.000Z"
-- $3 = "pool_alerts"
-- $4 = "2026-11-20T10:00:00.000Z"
-- $5 = "2026-11-20T10:00:00.000Z"
update "billing_schedules"
set
  "due_at" = $1,
  "lease_until" = $2
where
  "name" = $3
  and "due_at" <= $4
  and (
    "lease_until" is null
    or "lease_until" <= $5
  )
returning
  "name";

-- billingAlertsRepo.releaseSchedule
-- $1 = null
-- $2 = "pool_alerts"
update "billing_schedules"
set
  "lease_until" = $1
where
  "name" = $2;

-- billingAlertsRepo.poolAlertsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "pool_usage_alerts"
where
  "account_id" = $1
order by
  "cycle_start" desc,
  "fired_at";
