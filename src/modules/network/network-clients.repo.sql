-- The SQL of src/modules/network/network-clients.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- networkClientsRepo.findIdByName (example 1)
-- $1 = "pgw-lon-1"
select
  "id"
from
  "network_clients"
where
  "name" = $1;

-- networkClientsRepo.findIdByName (example 2)
-- $1 = "pgw-lon-1"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "id"
from
  "network_clients"
where
  "name" = $1
  and "id" != $2;

-- networkClientsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "pgw-lon-1"
-- $4 = "10.20.0.0/16"
-- $5 = "v1:aXY:dGFn:Y3Q"
-- $6 = 3799
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "network_clients" (
    "id",
    "account_id",
    "name",
    "address",
    "secret_sealed",
    "coa_port",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8)
returning
  *;
-- stopped without a row to go on: no result

-- networkClientsRepo.update
-- $1 = "10.20.0.0/16"
-- $2 = "v1:aXY:dGFn:Y3Q"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
update "network_clients"
set
  "address" = $1,
  "secret_sealed" = $2,
  "updated_at" = $3
where
  "id" = $4
returning
  *;

-- networkClientsRepo.delete
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "network_clients"
where
  "id" = $1
returning
  *;

-- networkClientsRepo.listByName
select
  *
from
  "network_clients"
order by
  "name";

-- networkClientsRepo.listAll
select
  *
from
  "network_clients";
