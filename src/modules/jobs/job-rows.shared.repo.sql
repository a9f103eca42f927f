-- The SQL of src/modules/jobs/job-rows.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- jobRowsRepo.insertUploadChunk
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 0
-- $3 = "<18 bytes>"
insert into
  "job_uploads" ("job_id", "seq", "data")
values
  ($1, $2, $3);

-- jobRowsRepo.uploadChunks
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 0
-- $3 = 8
select
  "seq",
  "data"
from
  "job_uploads"
where
  "job_id" = $1
  and "seq" >= $2
order by
  "seq"
limit
  $3;

-- jobRowsRepo.clear
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "job_rows"
where
  "job_id" = $1;

-- jobRowsRepo.insertOutcomes
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 2
-- $3 = "89440000000000000001"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "failed"
-- $6 = "imsi"
-- $7 = "IMSI_IN_USE"
-- $8 = "IMSI 001010000000001 already belongs to SIM 89440000000000000019."
-- $9 = "0190a8a0-0000-7000-8000-000000000001"
-- $10 = 3
-- $11 = "89440000000000000019"
-- $12 = null
-- $13 = "unchanged"
-- $14 = null
-- $15 = null
-- $16 = null
insert into
  "job_rows" (
    "job_id",
    "line",
    "iccid",
    "account_id",
    "outcome",
    "field",
    "code",
    "message"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8),
  ($9, $10, $11, $12, $13, $14, $15, $16)
on conflict ("job_id", "line") do nothing;

-- jobRowsRepo.insertPending
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 1
-- $3 = "89440000000000000001"
-- $4 = "pending"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = 2
-- $7 = "89440000000000000019"
-- $8 = "pending"
insert into
  "job_rows" ("job_id", "line", "iccid", "outcome")
values
  ($1, $2, $3, $4),
  ($5, $6, $7, $8);

-- jobRowsRepo.pending
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "pending"
-- $3 = 200
select
  "line",
  "iccid"
from
  "job_rows"
where
  "job_id" = $1
  and "outcome" = $2
order by
  "line"
limit
  $3;

-- jobRowsRepo.setOutcome (example 1)
-- $1 = "updated"
-- $2 = null
-- $3 = null
-- $4 = null
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = 1
update "job_rows"
set
  "outcome" = $1,
  "field" = $2,
  "code" = $3,
  "message" = $4
where
  "job_id" = $5
  and "line" = $6;

-- jobRowsRepo.setOutcome (example 2)
-- $1 = "failed"
-- $2 = "state"
-- $3 = "SIM_TRANSITION_NOT_ALLOWED"
-- $4 = "…"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = 2
update "job_rows"
set
  "outcome" = $1,
  "field" = $2,
  "code" = $3,
  "message" = $4
where
  "job_id" = $5
  and "line" = $6;

-- jobRowsRepo.storedLines
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "line"
from
  "job_rows"
where
  "job_id" = $1;

-- jobRowsRepo.rows (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "line",
  "iccid",
  "outcome",
  "field",
  "code",
  "message",
  "account_id"
from
  "job_rows"
where
  "job_id" = $1
order by
  "line";

-- jobRowsRepo.rows (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 5000
-- $3 = 5000
select
  "line",
  "iccid",
  "outcome",
  "field",
  "code",
  "message",
  "account_id"
from
  "job_rows"
where
  "job_id" = $1
  and "line" > $2
order by
  "line"
limit
  $3;

-- jobRowsRepo.visibleFailures (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "failed"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $4 = 100
select
  "line",
  "iccid",
  "field",
  "code",
  "message"
from
  "job_rows"
where
  "job_id" = $1
  and "outcome" = $2
  and (
    "job_rows"."account_id" is null
    or "job_rows"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $3
    )
  )
order by
  "line"
limit
  $4;

-- jobRowsRepo.visibleFailures (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "failed"
-- $3 = 120
-- $4 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $5 = 101
select
  "line",
  "iccid",
  "field",
  "code",
  "message"
from
  "job_rows"
where
  "job_id" = $1
  and "outcome" = $2
  and "line" > $3
  and (
    "job_rows"."account_id" is null
    or "job_rows"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $4
    )
  )
order by
  "line"
limit
  $5;

-- jobRowsRepo.hiddenFailureCount
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "failed"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  count(*) as "n"
from
  "job_rows"
where
  "job_id" = $1
  and "outcome" = $2
  and not (
    "job_rows"."account_id" is null
    or "job_rows"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $3
    )
  );
