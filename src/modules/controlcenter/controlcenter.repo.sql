-- The SQL of src/modules/controlcenter/controlcenter.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- controlcenterRepo.numbersOf
-- $1 = "account"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "otter_id",
  "cc_id"
from
  "cc_numeric_ids"
where
  "kind" = $1
  and "otter_id" in ($2);

-- controlcenterRepo.otterIdOf
-- $1 = "sms"
-- $2 = 1770000000000001
select
  "otter_id",
  "account_id"
from
  "cc_numeric_ids"
where
  "kind" = $1
  and "cc_id" = $2;

-- controlcenterRepo.offerNumbers
-- $1 = "sms"
-- $2 = 1770000000000001
-- $3 = "0190a8a0-0000-7000-8000-000000000005"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "2026-12-01T00:00:00.000Z"
insert into
  "cc_numeric_ids" (
    "kind",
    "cc_id",
    "otter_id",
    "account_id",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5)
on conflict do nothing;

-- controlcenterRepo.findIdempotent
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "import-row-17"
-- $3 = "2026-11-30T00:00:00.000Z"
select
  "iccid",
  "status"
from
  "cc_idempotency"
where
  "account_id" = $1
  and "key" = $2
  and "created_at" >= $3;

-- controlcenterRepo.rememberIdempotent
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "import-row-17"
-- $3 = "89440000000000000001"
-- $4 = 200
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "89440000000000000001"
-- $7 = 200
-- $8 = "2026-12-01T00:00:00.000Z"
-- $9 = "2026-11-30T00:00:00.000Z"
insert into
  "cc_idempotency" (
    "account_id",
    "key",
    "iccid",
    "status",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5)
on conflict ("account_id", "key") do update
set
  "iccid" = $6,
  "status" = $7,
  "created_at" = $8
where
  "cc_idempotency"."created_at" < $9;
