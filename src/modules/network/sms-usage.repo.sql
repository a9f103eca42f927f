-- The SQL of src/modules/network/sms-usage.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- smsUsageRepo.recordMany
-- $1 = "[{\"id\":\"0190a8a0-0000-7000-8000-000000000004\",\"source\":\"smsc\",\"record_id\":\"smsc-cdr-0001\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000002\",\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"direction\":\"MT\",\"message_id\":\"5f2a01\",\"at\":\"2026-12-01T10:00:00.000Z\",\"day\":\"2026-12-01\",\"zone_key\":\"0190a8a0-0000-7000-8000-000000000003\",\"zone_id\":\"0190a8a0-0000-7000-8000-000000000003\",\"ord\":0}]"
-- $2 = "2026-12-01T10:00:00.000Z"
with
  input as (
    select distinct
      on (t.source, t.record_id) t.*
    from
      jsonb_to_recordset($1::jsonb) as t (
        ord integer,
        id uuid,
        source text,
        record_id text,
        account_id uuid,
        sim_id uuid,
        direction text,
        message_id text,
        at timestamptz,
        day date,
        zone_key text,
        zone_id uuid
      )
    order by
      t.source,
      t.record_id,
      t.ord
  ),
  ranked as (
    select
      i.*,
      row_number() over (
        partition by
          i.sim_id,
          i.direction,
          i.message_id
        order by
          i.ord
      ) as nth
    from
      input i
      left join sms_usage known on known.source = i.source
      and known.record_id = i.record_id
    where
      known.id is null
  ),
  stored as (
    insert into
      sms_usage (
        id,
        source,
        record_id,
        account_id,
        sim_id,
        direction,
        message_id,
        at,
        day,
        zone_key,
        zone_id,
        counted,
        received_at
      )
    select
      r.id,
      r.source,
      r.record_id,
      r.account_id,
      r.sim_id,
      r.direction,
      r.message_id,
      r.at,
      r.day,
      r.zone_key,
      r.zone_id,
      r.direction = 'MO'
      or r.message_id is null
      or (
        r.nth = 1
        and not exists (
          select
            1
          from
            sms_usage u
          where
            u.sim_id = r.sim_id
            and u.message_id = r.message_id
            and u.direction = 'MT'
            and u.counted
        )
      ),
      $2::timestamptz
    from
      ranked r
    order by
      r.ord
    on conflict do nothing
    returning
      source,
      record_id,
      counted,
      sim_id,
      day,
      zone_key,
      zone_id,
      account_id,
      direction
  ),
  usage as (
    insert into
      usage_daily (
        sim_id,
        day,
        zone_key,
        zone_id,
        account_id,
        sms_mo,
        sms_mt
      )
    select
      sim_id,
      day,
      zone_key,
      (array_agg(zone_id)) [1],
      (array_agg(account_id)) [1],
      count(*) filter (
        where
          direction = 'MO'
      ),
      count(*) filter (
        where
          direction = 'MT'
      )
    from
      stored
    where
      counted
    group by
      sim_id,
      day,
      zone_key
    order by
      sim_id,
      day,
      zone_key
    on conflict (sim_id, day, zone_key) do update
    set
      sms_mo = usage_daily.sms_mo + excluded.sms_mo,
      sms_mt = usage_daily.sms_mt + excluded.sms_mt
  )
select
  source,
  record_id,
  counted
from
  stored;

-- smsUsageRepo.lastNetworks
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sim_id",
  "mcc",
  "mnc"
from
  "sim_network_state"
where
  "sim_id" in ($1);
