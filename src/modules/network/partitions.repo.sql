-- The SQL of src/modules/network/partitions.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- partitionsRepo.tryLock
-- $1 = "otter.partitions.accounting_records"
select
  pg_try_advisory_xact_lock(hashtext ($1)) as locked;

-- partitionsRepo.partitionNames
select
  c.relname as name
from
  pg_inherits i
  join pg_class c on c.oid = i.inhrelid
where
  i.inhparent = 'accounting_records'::regclass
order by
  c.relname;

-- partitionsRepo.createDefault
create table if not exists "accounting_records_default" PARTITION OF "accounting_records" default;

-- partitionsRepo.createRange (example 1)
set
  LOCAL lock_timeout = '5s';
lock table "accounting_records" in ACCESS EXCLUSIVE MODE;
create table "accounting_records_p20261201" (like "accounting_records" INCLUDING DEFAULTS);
with
  moved as (
    delete from "accounting_records_default"
    where
      "received_at" >= '2026-12-01 00:00:00+00'
      and "received_at" < '2026-12-02 00:00:00+00'
    returning
      *
  )
insert into
  "accounting_records_p20261201"
select
  *
from
  moved;
alter table "accounting_records" ATTACH PARTITION "accounting_records_p20261201" for
values
from
  ('2026-12-01 00:00:00+00') to ('2026-12-02 00:00:00+00');

-- partitionsRepo.createRange (example 2)
set
  LOCAL lock_timeout = '5s';
lock table "usage_daily" in ACCESS EXCLUSIVE MODE;
create table "usage_daily_p202612" (like "usage_daily" INCLUDING DEFAULTS)
with
  (fillfactor = 75);
with
  moved as (
    delete from "usage_daily_default"
    where
      "day" >= '2026-12-01'
      and "day" < '2027-01-01'
    returning
      *
  )
insert into
  "usage_daily_p202612"
select
  *
from
  moved;
alter table "usage_daily" ATTACH PARTITION "usage_daily_p202612" for
values
from
  ('2026-12-01') to ('2027-01-01');

-- partitionsRepo.dropPartition
drop table "accounting_records_p20260901";

-- partitionsRepo.expireDefault
delete from "accounting_records_default"
where
  "received_at" < '2026-09-02 00:00:00+00';

-- partitionsRepo.defaultHasRows
select
  exists (
    select
      1
    from
      "usage_daily_default"
  ) as any;

-- partitionsRepo.pruneKeys (example 1)
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = 10000
delete from "accounting_record_keys"
where
  "dedupe_key" in (
    select
      "dedupe_key"
    from
      "accounting_record_keys"
    where
      received_at < $1
    limit
      $2
  );

-- partitionsRepo.pruneKeys (example 2)
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = 10000
delete from "registration_event_keys"
where
  "event_id" in (
    select
      "event_id"
    from
      "registration_event_keys"
    where
      received_at < $1
    limit
      $2
  );
