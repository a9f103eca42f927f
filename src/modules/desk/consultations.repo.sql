-- The SQL of src/modules/desk/consultations.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- consultationsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = null
-- $4 = "noc@carrier.example"
-- $5 = "Roaming on 22210"
-- $6 = "open"
-- $7 = null
-- $8 = "2026-12-01T00:00:00.000Z"
-- $9 = null
-- $10 = null
insert into
  "consultations" (
    "id",
    "case_id",
    "team",
    "address",
    "subject",
    "state",
    "created_by_user_id",
    "created_at",
    "answered_at",
    "closed_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- consultationsRepo.ofCase
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "consultations"
where
  "case_id" = $1
order by
  "id";

-- consultationsRepo.lock
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "consultations"
where
  "id" = $1
  and "case_id" = $2
for update;

-- consultationsRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "case_id"
from
  "consultations"
where
  "id" = $1;

-- consultationsRepo.anyOpen
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
select
  "id"
from
  "consultations"
where
  "case_id" = $1
  and "state" = $2;

-- consultationsRepo.addressedTo (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "noc@carrier.example"
select
  "id"
from
  "consultations"
where
  "case_id" = $1
  and lower("address") = $2;

-- consultationsRepo.addressedTo (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "noc@carrier.example"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id"
from
  "consultations"
where
  "case_id" = $1
  and lower("address") = $2
  and "id" = $3;

-- consultationsRepo.goingByCaseNumber
-- $1 = 1234
-- $2 = "noc@carrier.example"
-- $3 = "closed"
select
  "consultations"."id",
  "consultations"."case_id"
from
  "consultations"
  inner join "cases" on "cases"."id" = "consultations"."case_id"
where
  "cases"."number" = $1
  and lower("consultations"."address") = $2
  and "consultations"."state" != $3
order by
  "consultations"."id" desc;

-- consultationsRepo.markAnswered
-- $1 = "answered"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "open"
update "consultations"
set
  "state" = $1,
  "answered_at" = $2
where
  "id" = $3
  and "state" = $4;

-- consultationsRepo.close
-- $1 = "closed"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "consultations"
set
  "state" = $1,
  "closed_at" = $2
where
  "id" = $3;
