-- The SQL of src/modules/network/hss-endpoints.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- hssEndpointsRepo.findIdByName
-- $1 = "hss-lon"
select
  "id"
from
  "hss_endpoints"
where
  "name" = $1;

-- hssEndpointsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "hss-lon"
-- $4 = "https://hss.operator.example/cancel-location"
-- $5 = "v1:aXY:dGFn:Y3Q"
-- $6 = ["23415"]
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "hss_endpoints" (
    "id",
    "account_id",
    "name",
    "url",
    "secret_sealed",
    "imsi_prefixes",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8)
returning
  *;
-- stopped without a row to go on: no result

-- hssEndpointsRepo.delete
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "hss_endpoints"
where
  "id" = $1
returning
  *;

-- hssEndpointsRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-000000000006"
select
  *
from
  "hss_endpoints"
where
  "id" = $1;

-- hssEndpointsRepo.listImsiPrefixes
select
  "id",
  "imsi_prefixes"
from
  "hss_endpoints";

-- hssEndpointsRepo.listByName
select
  *
from
  "hss_endpoints"
order by
  "name";
