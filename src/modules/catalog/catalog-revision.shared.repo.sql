-- The SQL of src/modules/catalog/catalog-revision.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- catalogRevisionRepo.current
select
  "revision"
from
  "catalog_revision";
-- stopped without a row to go on: no result
