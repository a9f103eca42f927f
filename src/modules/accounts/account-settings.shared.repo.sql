-- The SQL of src/modules/accounts/account-settings.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- accountSettingsRepo.testReadyThen
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "test_ready_then"
from
  "accounts"
where
  "id" in ($1, $2);

-- accountSettingsRepo.timeZones
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "id",
  "time_zone"
from
  "accounts"
where
  "id" in ($1);
