-- The SQL of src/modules/sims/import/sim-import.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simImportRepo.stage
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "89440000000000000001"
-- $4 = "001010000000001"
-- $5 = "447700900001"
-- $6 = null
-- $7 = null
-- $8 = "0190a8a0-0000-7000-8000-000000000002"
-- $9 = "INVENTORY"
-- $10 = false
-- $11 = "0190a8a0-0000-7000-8000-000000000003"
-- $12 = null
-- $13 = "{}"
-- $14 = null
-- $15 = null
-- $16 = null
-- $17 = null
-- $18 = [2]
insert into
  sim_import_rows (
    job_id,
    line,
    id,
    iccid,
    imsi,
    msisdn,
    eid,
    imei,
    account_id,
    state,
    state_given,
    communication_plan_id,
    rate_plan_id,
    custom_fields,
    outcome,
    field,
    code,
    message
  )
select
  $1::uuid,
  "t"."line",
  $2::uuid,
  $3::text,
  $4::text,
  $5::text,
  $6::text,
  $7::text,
  $8::uuid,
  $9::text,
  $10::bool,
  $11::uuid,
  $12::uuid,
  $13::text::jsonb,
  case
    when $14::text is not null then 'failed'
  end,
  $15::text,
  $16::text,
  $17::text
from
  unnest($18::int4[]) as t ("line");

-- simImportRepo.clear
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
delete from "sim_import_rows"
where
  "job_id" = $1;

-- simImportRepo.hasRows
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = 1
select
  "line"
from
  "sim_import_rows"
where
  "job_id" = $1
limit
  $2;

-- simImportRepo.markDuplicates (example 1)
-- $1 = "iccid"
-- $2 = "ICCID"
-- $3 = "0190a8a0-0000-7000-8000-000000000005"
-- $4 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'failed',
  field = $1,
  code = 'DUPLICATE_IN_FILE',
  message = 'The ' || $2 || ' of this row already appears on line ' || d.first_line || '.'
from
  (
    select
      "iccid" as value,
      min(line) as first_line
    from
      sim_import_rows
    where
      job_id = $3
    group by
      "iccid"
    having
      count(*) > 1
  ) d
where
  s.job_id = $4
  and "s"."iccid" = d.value
  and s.line > d.first_line
  and s.code is distinct from 'DUPLICATE_IN_FILE';
-- $1 = "imsi"
-- $2 = "IMSI"
-- $3 = "0190a8a0-0000-7000-8000-000000000005"
-- $4 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'failed',
  field = $1,
  code = 'DUPLICATE_IN_FILE',
  message = 'The ' || $2 || ' of this row already appears on line ' || d.first_line || '.'
from
  (
    select
      "imsi" as value,
      min(line) as first_line
    from
      sim_import_rows
    where
      job_id = $3
    group by
      "imsi"
    having
      count(*) > 1
  ) d
where
  s.job_id = $4
  and "s"."imsi" = d.value
  and s.line > d.first_line
  and s.code is distinct from 'DUPLICATE_IN_FILE';
-- $1 = "msisdn"
-- $2 = "MSISDN"
-- $3 = "0190a8a0-0000-7000-8000-000000000005"
-- $4 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'failed',
  field = $1,
  code = 'DUPLICATE_IN_FILE',
  message = 'The ' || $2 || ' of this row already appears on line ' || d.first_line || '.'
from
  (
    select
      "msisdn" as value,
      min(line) as first_line
    from
      sim_import_rows
    where
      job_id = $3
    group by
      "msisdn"
    having
      count(*) > 1
  ) d
where
  s.job_id = $4
  and "s"."msisdn" = d.value
  and s.line > d.first_line
  and s.code is distinct from 'DUPLICATE_IN_FILE';

-- simImportRepo.markDuplicates (example 2)
-- $1 = "iccid"
-- $2 = "ICCID"
-- $3 = "0190a8a0-0000-7000-8000-000000000005"
-- $4 = ["89440000000000000001"]
-- $5 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'failed',
  field = $1,
  code = 'DUPLICATE_IN_FILE',
  message = 'The ' || $2 || ' of this row already appears on line ' || d.first_line || '.'
from
  (
    select
      "iccid" as value,
      min(line) as first_line
    from
      sim_import_rows
    where
      job_id = $3
      and "iccid" = any ($4::text[])
    group by
      "iccid"
    having
      count(*) > 1
  ) d
where
  s.job_id = $5
  and "s"."iccid" = d.value
  and s.line > d.first_line
  and s.code is distinct from 'DUPLICATE_IN_FILE';
-- $1 = "msisdn"
-- $2 = "MSISDN"
-- $3 = "0190a8a0-0000-7000-8000-000000000005"
-- $4 = ["447700900001"]
-- $5 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'failed',
  field = $1,
  code = 'DUPLICATE_IN_FILE',
  message = 'The ' || $2 || ' of this row already appears on line ' || d.first_line || '.'
from
  (
    select
      "msisdn" as value,
      min(line) as first_line
    from
      sim_import_rows
    where
      job_id = $3
      and "msisdn" = any ($4::text[])
    group by
      "msisdn"
    having
      count(*) > 1
  ) d
where
  s.job_id = $5
  and "s"."msisdn" = d.value
  and s.line > d.first_line
  and s.code is distinct from 'DUPLICATE_IN_FILE';

-- simImportRepo.markExisting
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'existing'
from
  sims t
where
  s.job_id = $1
  and s.outcome is null
  and "t"."iccid" = "s"."iccid";
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'existing'
from
  sims t
where
  s.job_id = $1
  and s.outcome is null
  and "t"."imsi" = "s"."imsi";
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
update sim_import_rows s
set
  outcome = 'existing'
from
  sims t
where
  s.job_id = $1
  and s.outcome is null
  and "t"."msisdn" = "s"."msisdn";

-- simImportRepo.notToCreate
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = 0
-- $3 = 5000
select
  *
from
  "sim_import_rows"
where
  "job_id" = $1
  and "line" > $2
  and "outcome" is not null
order by
  "line"
limit
  $3;

-- simImportRepo.setOutcome (example 1)
-- $1 = null
-- $2 = "0190a8a0-0000-7000-8000-000000000005"
-- $3 = [2,3]
update "sim_import_rows"
set
  "outcome" = $1
where
  "job_id" = $2
  and "line" = any ($3);

-- simImportRepo.setOutcome (example 2)
-- $1 = "created"
-- $2 = "0190a8a0-0000-7000-8000-000000000005"
-- $3 = [2,3]
update "sim_import_rows"
set
  "outcome" = $1
where
  "job_id" = $2
  and "line" = any ($3);

-- simImportRepo.countToCreate
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
select
  count(*) as "n"
from
  "sim_import_rows"
where
  "job_id" = $1
  and "outcome" is null;
-- stopped without a row to go on: no result

-- simImportRepo.lastLine
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
select
  max("line") as "last"
from
  "sim_import_rows"
where
  "job_id" = $1;

-- simImportRepo.createSims (example 1)
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000005"
-- $5 = 0
-- $6 = 5001
insert into
  sims (
    id,
    iccid,
    imsi,
    msisdn,
    eid,
    imei,
    account_id,
    state,
    communication_plan_id,
    rate_plan_id,
    custom_fields,
    created_by_job_id,
    date_activated,
    created_at,
    updated_at
  )
select
  s.id,
  s.iccid,
  s.imsi,
  s.msisdn,
  s.eid,
  s.imei,
  s.account_id,
  s.state,
  s.communication_plan_id,
  s.rate_plan_id,
  s.custom_fields,
  s.job_id,
  case
    when s.state = 'ACTIVATED' then $1::timestamptz
  end,
  $2::timestamptz,
  $3::timestamptz
from
  sim_import_rows s
where
  s.job_id = $4
  and s.line > $5
  and s.line <= $6
  and s.outcome is null;

-- simImportRepo.createSims (example 2)
set
  LOCAL session_replication_role = replica;
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000005"
-- $5 = 0
-- $6 = 5001
insert into
  sims (
    id,
    iccid,
    imsi,
    msisdn,
    eid,
    imei,
    account_id,
    state,
    communication_plan_id,
    rate_plan_id,
    custom_fields,
    created_by_job_id,
    date_activated,
    created_at,
    updated_at
  )
select
  s.id,
  s.iccid,
  s.imsi,
  s.msisdn,
  s.eid,
  s.imei,
  s.account_id,
  s.state,
  s.communication_plan_id,
  s.rate_plan_id,
  s.custom_fields,
  s.job_id,
  case
    when s.state = 'ACTIVATED' then $1::timestamptz
  end,
  $2::timestamptz,
  $3::timestamptz
from
  sim_import_rows s
where
  s.job_id = $4
  and s.line > $5
  and s.line <= $6
  and s.outcome is null;
set
  LOCAL session_replication_role = origin;

-- simImportRepo.createSims (example 3)
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000005"
-- $5 = 5001
-- $6 = 10001
insert into
  sims (
    id,
    iccid,
    imsi,
    msisdn,
    eid,
    imei,
    account_id,
    state,
    communication_plan_id,
    rate_plan_id,
    custom_fields,
    created_by_job_id,
    date_activated,
    created_at,
    updated_at
  )
select
  s.id,
  s.iccid,
  s.imsi,
  s.msisdn,
  s.eid,
  s.imei,
  s.account_id,
  s.state,
  s.communication_plan_id,
  s.rate_plan_id,
  s.custom_fields,
  s.job_id,
  case
    when s.state = 'ACTIVATED' then $1::timestamptz
  end,
  $2::timestamptz,
  $3::timestamptz
from
  sim_import_rows s
where
  s.job_id = $4
  and s.line > $5
  and s.line <= $6
  and s.outcome is null
on conflict do nothing;

-- simImportRepo.analyze
analyze sim_import_rows;

-- simImportRepo.parentsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = 0
-- $3 = 5001
select
  array_agg(distinct s.account_id) as accounts,
  array_agg(distinct s.communication_plan_id) filter (
    where
      s.communication_plan_id is not null
  ) as comm,
  array_agg(distinct s.rate_plan_id) filter (
    where
      s.rate_plan_id is not null
  ) as rate
from
  sim_import_rows s
where
  s.job_id = $1
  and s.line > $2
  and s.line <= $3
  and s.outcome is null;

-- simImportRepo.notCreated
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = 0
-- $3 = 5001
select
  "s"."line",
  "s"."iccid",
  "s"."account_id"
from
  "sim_import_rows" as "s"
where
  "s"."job_id" = $1
  and "s"."line" > $2
  and "s"."line" <= $3
  and "s"."outcome" is null
  and not exists (
    select
      "sims"."id"
    from
      "sims"
    where
      "sims"."id" = "s"."id"
  )
order by
  "s"."line";
