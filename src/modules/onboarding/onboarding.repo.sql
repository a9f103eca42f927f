-- The SQL of src/modules/onboarding/onboarding.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- onboardingRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-0000000000a1"
select
  *
from
  "onboardings"
where
  "id" = $1;

-- onboardingRepo.findByReference
-- $1 = "CTR-2026-0042"
select
  *
from
  "onboardings"
where
  "reference" = $1;

-- onboardingRepo.lock
-- $1 = "0190a8a0-0000-7000-8000-0000000000a1"
select
  *
from
  "onboardings"
where
  "id" = $1
for update;

-- onboardingRepo.list (example 1)
-- $1 = 50
select
  *
from
  "onboardings"
order by
  "id" desc
limit
  $1;

-- onboardingRepo.list (example 2)
-- $1 = "0190a8a0-0000-7000-8000-0000000000a1"
-- $2 = "live"
-- $3 = 50
select
  *
from
  "onboardings"
where
  "id" < $1
  and "state" = $2
order by
  "id" desc
limit
  $3;

-- onboardingRepo.servicesOfOthers
-- $1 = "CTR-2026-0042"
-- $2 = "failed"
select
  "reference",
  "services"
from
  "onboardings"
where
  "reference" != $1
  and "state" != $2;

-- onboardingRepo.idsWithClearPsk
-- $1 = "%\"psk\":%"
-- $2 = "%\"psk\":%"
-- $3 = "%\"psk\":%"
select
  "id"
from
  "onboardings"
where
  (
    spec::text like $1
    or provisioned::text like $2
    or services::text like $3
  );

-- onboardingRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-0000000000a1"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "CTR-2026-0042"
-- $4 = "Savannah Wildlife Trust"
-- $5 = "{}"
-- $6 = "abc"
-- $7 = "validated"
-- $8 = "[]"
-- $9 = "ops@operator.example"
-- $10 = "2026-12-01"
-- $11 = "2026-12-15"
-- $12 = "0190a8a0-0000-7000-8000-000000000007"
-- $13 = "2026-12-01T00:00:00.000Z"
-- $14 = "2026-12-01T00:00:00.000Z"
-- $15 = "2026-12-01T00:00:00.000Z"
insert into
  "onboardings" (
    "id",
    "account_id",
    "reference",
    "customer_name",
    "spec",
    "spec_hash",
    "state",
    "findings",
    "owner_email",
    "contract_signed",
    "requested_go_live",
    "created_by",
    "created_at",
    "validated_at",
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
    $13,
    $14,
    $15
  )
returning
  *;
-- stopped without a row to go on: no result

-- onboardingRepo.update
-- $1 = "provisioning"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-0000000000a1"
update "onboardings"
set
  "state" = $1,
  "provisioning_at" = $2,
  "updated_at" = $3
where
  "id" = $4
returning
  *;
-- stopped without a row to go on: no result

-- onboardingRepo.tasksOf
-- $1 = "0190a8a0-0000-7000-8000-0000000000a1"
select
  *
from
  "onboarding_tasks"
where
  "onboarding_id" = $1
order by
  "due_on",
  "created_at";

-- onboardingRepo.insertTasks
-- $1 = "0190a8a0-0000-7000-8000-0000000000b1"
-- $2 = "0190a8a0-0000-7000-8000-0000000000a1"
-- $3 = "acceptance"
-- $4 = "customer acceptance"
-- $5 = "ops@operator.example"
-- $6 = "2026-12-15"
-- $7 = "open"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "onboarding_tasks" (
    "id",
    "onboarding_id",
    "kind",
    "title",
    "owner_email",
    "due_on",
    "state",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8)
on conflict ("onboarding_id", "kind") do nothing;

-- onboardingRepo.lockTask
-- $1 = "0190a8a0-0000-7000-8000-0000000000a1"
-- $2 = "0190a8a0-0000-7000-8000-0000000000b1"
select
  *
from
  "onboarding_tasks"
where
  "onboarding_id" = $1
  and "id" = $2
for update;

-- onboardingRepo.completeTask
-- $1 = "shipped"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000007"
-- $4 = "done"
-- $5 = "0190a8a0-0000-7000-8000-0000000000b1"
update "onboarding_tasks"
set
  "note" = $1,
  "done_at" = $2,
  "done_by" = $3,
  "state" = $4
where
  "id" = $5
returning
  *;
-- stopped without a row to go on: no result

-- onboardingRepo.finished
-- $1 = "live"
select
  "id",
  "reference",
  "contract_signed",
  "live_at"
from
  "onboardings"
where
  "live_at" is not null
  and "state" = $1;
