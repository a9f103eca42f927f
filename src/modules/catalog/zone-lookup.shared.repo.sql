-- The SQL of src/modules/catalog/zone-lookup.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- zoneLookupRepo.all
select
  *
from
  "zones";

-- zoneLookupRepo.namesByIds
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "zones"."id",
  "zones"."name"
from
  "zones"
where
  "zones"."id" in ($1, $2)
order by
  "zones"."name";
