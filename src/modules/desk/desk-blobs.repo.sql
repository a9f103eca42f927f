-- The SQL of src/modules/desk/desk-blobs.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- deskBlobsRepo.insertChunk
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 0
-- $3 = "<17 bytes>"
insert into
  "desk_blob_chunks" ("owner_id", "seq", "bytes")
values
  ($1, $2, $3);

-- deskBlobsRepo.chunks
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 0
-- $3 = 8
select
  "seq",
  "bytes"
from
  "desk_blob_chunks"
where
  "owner_id" = $1
  and "seq" >= $2
  and "seq" < $3
order by
  "seq";

-- deskBlobsRepo.deleteOwner
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "desk_blob_chunks"
where
  "owner_id" = $1;
