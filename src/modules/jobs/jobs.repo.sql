-- The SQL of src/modules/jobs/jobs.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- jobsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "sims.import"
-- $4 = "queued"
-- $5 = "upload"
-- $6 = "{\"dryRun\":false}"
-- $7 = "0190a8a0-0000-7000-8000-000000000003"
-- $8 = "sims.csv"
-- $9 = 0
-- $10 = "{\"created\":0,\"updated\":0,\"unchanged\":0,\"failed\":0}"
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = "2026-12-01T00:00:00.000Z"
insert into
  "jobs" (
    "id",
    "account_id",
    "kind",
    "status",
    "phase",
    "params",
    "created_by",
    "file_name",
    "total",
    "counts",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning
  *;
-- stopped without a row to go on: no result

-- jobsRepo.findWithPath
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "jobs".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "jobs"."account_id"
  ) as "account_path"
from
  "jobs"
where
  "jobs"."id" = $1;

-- jobsRepo.listInSubtree (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = 51
select
  "jobs".*
from
  "jobs"
where
  "jobs"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "jobs"."id" desc
limit
  $2;

-- jobsRepo.listInSubtree (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "running"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = 51
select
  "jobs".*
from
  "jobs"
where
  "jobs"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "jobs"."status" = $2
  and "jobs"."id" < $3
order by
  "jobs"."id" desc
limit
  $4;

-- jobsRepo.setParams
-- $1 = "{\"dryRun\":false,\"delimiter\":\",\",\"columns\":[\"iccid\",\"imsi\",\"msisdn\"]}"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
update "jobs"
set
  "params" = $1
where
  "id" = $2;

-- jobsRepo.markUploaded
-- $1 = "validate"
-- $2 = 1048576
-- $3 = 20000
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
update "jobs"
set
  "phase" = $1,
  "upload_bytes" = $2,
  "total" = $3,
  "updated_at" = $4
where
  "id" = $5;

-- jobsRepo.delete
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "job_uploads"
where
  "job_id" = $1;
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "job_rows"
where
  "job_id" = $1;
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "jobs"
where
  "id" = $1;

-- jobsRepo.lockRunnable
-- $1 = "queued"
-- $2 = "upload"
-- $3 = "running"
-- $4 = 1
select
  "id"
from
  "jobs"
where
  (
    (
      "status" = $1
      and "phase" != $2
    )
    or (
      "status" = $3
      and (
        "lease_until" < now()
        or "lease_until" is null
      )
    )
  )
order by
  "created_at"
limit
  $4
for update
  skip locked;

-- jobsRepo.lease
-- $1 = "running"
-- $2 = "otter-1-4242-a1b2c3"
-- $3 = 60000
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "0190a8a0-0000-7000-8000-000000000001"
update "jobs"
set
  "status" = $1,
  "lease_owner" = $2,
  "lease_until" = now() + $3 * interval '1 millisecond',
  "attempts" = attempts + 1,
  "started_at" = coalesce(started_at, $4),
  "updated_at" = $5
where
  "id" = $6
returning
  *;
-- stopped without a row to go on: no result

-- jobsRepo.renewLease
-- $1 = 60000
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "otter-1-4242-a1b2c3"
update "jobs"
set
  "lease_until" = now() + $1 * interval '1 millisecond'
where
  "id" = $2
  and "lease_owner" = $3;

-- jobsRepo.checkpoint (example 1)
-- $1 = "apply"
-- $2 = 5000
-- $3 = 5000
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = "otter-1-4242-a1b2c3"
update "jobs"
set
  "phase" = $1,
  "done" = $2,
  "checkpoint" = $3,
  "updated_at" = $4
where
  "id" = $5
  and "lease_owner" = $6;

-- jobsRepo.checkpoint (example 2)
-- $1 = 5000
-- $2 = 10
-- $3 = "{\"created\":4990,\"failed\":10}"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = "otter-1-4242-a1b2c3"
update "jobs"
set
  "done" = $1,
  "error_count" = $2,
  "counts" = counts || $3::jsonb,
  "updated_at" = $4
where
  "id" = $5
  and "lease_owner" = $6;

-- jobsRepo.cancelRequested
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "cancel_requested"
from
  "jobs"
where
  "id" = $1;

-- jobsRepo.finish (example 1)
-- $1 = "succeeded"
-- $2 = "done"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = null
-- $6 = null
-- $7 = "0190a8a0-0000-7000-8000-000000000001"
-- $8 = "otter-1-4242-a1b2c3"
update "jobs"
set
  "status" = $1,
  "phase" = $2,
  "finished_at" = $3,
  "updated_at" = $4,
  "lease_owner" = $5,
  "lease_until" = $6
where
  "id" = $7
  and "lease_owner" = $8
returning
  *;

-- jobsRepo.finish (example 2)
-- $1 = "failed"
-- $2 = "done"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = null
-- $6 = null
-- $7 = "{\"code\":\"IMPORT_INVALID_ROWS\",\"message\":\"3 row(s) are invalid\"}"
-- $8 = "0190a8a0-0000-7000-8000-000000000001"
-- $9 = "otter-1-4242-a1b2c3"
update "jobs"
set
  "status" = $1,
  "phase" = $2,
  "finished_at" = $3,
  "updated_at" = $4,
  "lease_owner" = $5,
  "lease_until" = $6,
  "failure" = $7
where
  "id" = $8
  and "lease_owner" = $9
returning
  *;

-- jobsRepo.handBack
-- $1 = null
-- $2 = null
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = "otter-1-4242-a1b2c3"
update "jobs"
set
  "lease_owner" = $1,
  "lease_until" = $2,
  "attempts" = greatest(attempts - 1, 0)
where
  "id" = $3
  and "lease_owner" = $4;

-- jobsRepo.cancelQueued
-- $1 = "cancelled"
-- $2 = "done"
-- $3 = true
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "0190a8a0-0000-7000-8000-000000000001"
-- $7 = "queued"
update "jobs"
set
  "status" = $1,
  "phase" = $2,
  "cancel_requested" = $3,
  "finished_at" = $4,
  "updated_at" = $5
where
  "id" = $6
  and "status" = $7
returning
  *;

-- jobsRepo.requestCancel
-- $1 = true
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
update "jobs"
set
  "cancel_requested" = $1,
  "updated_at" = $2
where
  "id" = $3
returning
  *;
-- stopped without a row to go on: no result

-- jobsRepo.failUnfinishedUploads (example 1)
-- $1 = "failed"
-- $2 = "done"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "{\"code\":\"UPLOAD_INTERRUPTED\",\"message\":\"The upload did not finish; upload the file again.\"}"
-- $6 = "queued"
-- $7 = "upload"
-- $8 = "2026-11-30T23:00:00.000Z"
update "jobs"
set
  "status" = $1,
  "phase" = $2,
  "finished_at" = $3,
  "updated_at" = $4,
  "failure" = $5
where
  "status" = $6
  and "phase" = $7
  and "created_at" < $8;

-- jobsRepo.failUnfinishedUploads (example 2)
-- $1 = "failed"
-- $2 = "done"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "{\"code\":\"UPLOAD_INTERRUPTED\",\"message\":\"The upload did not finish; upload the file again.\"}"
-- $5 = "queued"
-- $6 = "upload"
update "jobs"
set
  "status" = $1,
  "phase" = $2,
  "finished_at" = $3,
  "failure" = $4
where
  "status" = $5
  and "phase" = $6;

-- jobsRepo.dropRunningLeases
-- $1 = null
-- $2 = null
-- $3 = "running"
update "jobs"
set
  "lease_until" = $1,
  "lease_owner" = $2
where
  "status" = $3;
