-- The SQL of src/modules/sms/sms-centres.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- smsCentresRepo.findIdByName
-- $1 = "smsc-lon"
select
  "id"
from
  "sms_centres"
where
  "name" = $1;

-- smsCentresRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "smsc-lon"
-- $4 = "10.30.0.5"
-- $5 = 2775
-- $6 = "otter"
-- $7 = "v1:aXY:dGFn:Y3Q"
-- $8 = ""
-- $9 = "Otter"
-- $10 = ["23415"]
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = "2026-12-01T00:00:00.000Z"
insert into
  "sms_centres" (
    "id",
    "account_id",
    "name",
    "host",
    "port",
    "system_id",
    "password_sealed",
    "system_type",
    "source_address",
    "imsi_prefixes",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning
  *;
-- stopped without a row to go on: no result

-- smsCentresRepo.delete
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "sms_centres"
where
  "id" = $1
returning
  *;

-- smsCentresRepo.listByName
select
  *
from
  "sms_centres"
order by
  "name";

-- smsCentresRepo.listImsiPrefixes
select
  "id",
  "name",
  "imsi_prefixes"
from
  "sms_centres"
order by
  "name";

-- smsCentresRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "sms_centres"
where
  "id" = $1;
