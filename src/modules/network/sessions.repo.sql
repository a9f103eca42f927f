-- The SQL of src/modules/network/sessions.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- sessionsRepo.storeNewRecords
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = ["10.0.0.1|4711|interim|1733011200"]
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "[{\"id\":\"0190a8a0-0000-7000-8000-000000000004\",\"dedupe_key\":\"10.0.0.1|4711|interim|1733011200\",\"client_id\":\"0190a8a0-0000-7000-8000-000000000002\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"imsi\":\"234150000000001\",\"acct_session_id\":\"4711\",\"status\":\"interim\",\"event_at\":\"2026-12-01T00:00:00.000Z\",\"record\":{},\"ord\":0}]"
/* prepared */
with
  fresh as (
    insert into
      accounting_record_keys (dedupe_key, received_at)
    select
      k,
      $1::timestamptz
    from
      unnest($2::text[]) as k
    on conflict do nothing
    returning
      dedupe_key
  ),
  stored as (
    insert into
      accounting_records (
        id,
        dedupe_key,
        client_id,
        account_id,
        sim_id,
        imsi,
        acct_session_id,
        status,
        event_at,
        received_at,
        record
      )
    select distinct
      on (r.dedupe_key) r.id,
      r.dedupe_key,
      r.client_id,
      r.account_id,
      r.sim_id,
      r.imsi,
      r.acct_session_id,
      r.status,
      r.event_at,
      $3::timestamptz,
      r.record
    from
      jsonb_to_recordset($4::jsonb) as r (
        ord integer,
        id uuid,
        dedupe_key text,
        client_id uuid,
        account_id uuid,
        sim_id uuid,
        imsi text,
        acct_session_id text,
        status text,
        event_at timestamptz,
        record jsonb
      )
      join fresh using (dedupe_key)
    order by
      r.dedupe_key,
      r.ord
    returning
      1
  )
select
  dedupe_key
from
  fresh;

-- sessionsRepo.lockForFold
-- $1 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $2 = ["4711"]
-- $3 = ["0190a8a0-0000-7000-8000-000000000001"]
/* prepared */
with
  s as (
    select
      d.*
    from
      data_sessions d
      join unnest($1::uuid[], $2::text[]) as k (client_id, acct_session_id) on d.client_id = k.client_id
      and d.acct_session_id = k.acct_session_id
    where
      not d.superseded
    order by
      d.id
    for update of
      d
  ),
  n as (
    select
      *
    from
      sim_network_state
    where
      sim_id = any ($3::uuid[])
    order by
      sim_id
    for update
  )
select
  (
    select
      json_agg(s)
    from
      s
  ) as sessions,
  (
    select
      json_agg(n)
    from
      n
  ) as states;
-- stopped without a row to go on: Cannot read properties of undefined (reading 'sessions')

-- sessionsRepo.storeNewRecordsAndLock
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = ["10.0.0.1|4711|interim|1733011200"]
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "[{\"id\":\"0190a8a0-0000-7000-8000-000000000004\",\"dedupe_key\":\"10.0.0.1|4711|interim|1733011200\",\"client_id\":\"0190a8a0-0000-7000-8000-000000000002\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"imsi\":\"234150000000001\",\"acct_session_id\":\"4711\",\"status\":\"interim\",\"event_at\":\"2026-12-01T00:00:00.000Z\",\"record\":{},\"ord\":0}]"
-- $5 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $6 = ["4711"]
-- $7 = ["0190a8a0-0000-7000-8000-000000000001"]
/* prepared */
with
  fresh as (
    insert into
      accounting_record_keys (dedupe_key, received_at)
    select
      k,
      $1::timestamptz
    from
      unnest($2::text[]) as k
    on conflict do nothing
    returning
      dedupe_key
  ),
  stored as (
    insert into
      accounting_records (
        id,
        dedupe_key,
        client_id,
        account_id,
        sim_id,
        imsi,
        acct_session_id,
        status,
        event_at,
        received_at,
        record
      )
    select distinct
      on (r.dedupe_key) r.id,
      r.dedupe_key,
      r.client_id,
      r.account_id,
      r.sim_id,
      r.imsi,
      r.acct_session_id,
      r.status,
      r.event_at,
      $3::timestamptz,
      r.record
    from
      jsonb_to_recordset($4::jsonb) as r (
        ord integer,
        id uuid,
        dedupe_key text,
        client_id uuid,
        account_id uuid,
        sim_id uuid,
        imsi text,
        acct_session_id text,
        status text,
        event_at timestamptz,
        record jsonb
      )
      join fresh using (dedupe_key)
    order by
      r.dedupe_key,
      r.ord
    returning
      1
  ),
  s as (
    select
      d.*
    from
      data_sessions d
      join unnest($5::uuid[], $6::text[]) as k (client_id, acct_session_id) on d.client_id = k.client_id
      and d.acct_session_id = k.acct_session_id
    where
      not d.superseded
    order by
      d.id
    for update of
      d
  ),
  n as (
    select
      *
    from
      sim_network_state
    where
      sim_id = any ($7::uuid[])
    order by
      sim_id
    for update
  )
select
  (
    select
      array_agg(dedupe_key)
    from
      fresh
  ) as fresh,
  (
    select
      json_agg(s)
    from
      s
  ) as sessions,
  (
    select
      json_agg(n)
    from
      n
  ) as states;
-- stopped without a row to go on: Cannot read properties of undefined (reading 'fresh')

-- sessionsRepo.saveFold (example 1)
-- $1 = "[{\"id\":\"0190a8a0-0000-7000-8000-000000000003\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"client_id\":\"0190a8a0-0000-7000-8000-000000000002\",\"acct_session_id\":\"4711\",\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"imsi\":\"234150000000001\",\"msisdn\":null,\"charging_id\":null,\"nas_ip\":\"10.0.0.1\",\"apn\":\"iot.example\",\"ip\":\"100.64.0.1\",\"rat\":\"LTE\",\"rat_code\":6,\"mcc\":\"234\",\"mnc\":\"15\",\"location\":null,\"imeisv\":null,\"status\":\"open\",\"started_at\":\"2026-12-01T00:00:00.000Z\",\"last_update_at\":\"2026-12-01T00:00:00.000Z\",\"ended_at\":null,\"bytes_up\":1200,\"bytes_down\":3400,\"session_time\":60,\"terminate_cause\":null,\"last_traffic_at\":\"2026-12-01T00:00:00.000Z\",\"superseded\":false,\"billing_unit\":1024}]"
-- $2 = "[{\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"day\":\"2026-12-01\",\"zone_key\":\"unzoned\",\"zone_id\":null,\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"bytes_up\":1200,\"bytes_down\":3400,\"billed_bytes\":5120}]"
-- $3 = "[{\"session_id\":\"0190a8a0-0000-7000-8000-000000000003\",\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"day\":\"2026-12-01\",\"zone_key\":\"unzoned\",\"zone_id\":null,\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"bytes\":4600,\"billed_bytes\":5120}]"
-- $4 = "[{\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"last_seen\":\"2026-12-01T00:00:00.000Z\",\"last_registration\":null,\"imei\":\"356938035643809\",\"imeisv\":null,\"previous_imei\":null,\"imei_changed_at\":null,\"mcc\":\"234\",\"mnc\":\"15\",\"rat\":\"LTE\",\"location\":null,\"updated_at\":\"2026-12-01T00:00:00.000Z\",\"barred_at\":null,\"barred_reason\":null,\"zone_key\":\"23415|zone:0190a8a0-0000-7000-8000-000000000003\",\"last_activity_at\":\"2026-12-01T00:00:00.000Z\",\"silence_check_at\":\"2026-12-01T00:00:00.000Z\",\"silent_since\":null,\"total_bytes\":4600,\"cycle_start\":\"2026-12-01\",\"cycle_bytes\":4600,\"usage_cycle_start\":\"2026-11-15\",\"usage_cycle_bytes\":4600}]"
-- $5 = "[{\"imsi\":\"234150000000009\",\"source\":\"radius\",\"plmn\":\"23415\",\"first\":\"2026-12-01T00:00:00.000Z\",\"last\":\"2026-12-01T00:00:00.000Z\",\"count\":2}]"
/* prepared */
with
  sessions as (
    insert into
      data_sessions (
        id,
        account_id,
        client_id,
        acct_session_id,
        sim_id,
        imsi,
        msisdn,
        charging_id,
        nas_ip,
        apn,
        ip,
        rat,
        rat_code,
        mcc,
        mnc,
        location,
        imeisv,
        status,
        started_at,
        last_update_at,
        ended_at,
        bytes_up,
        bytes_down,
        session_time,
        terminate_cause,
        last_traffic_at,
        superseded,
        billing_unit
      )
    select
      id,
      account_id,
      client_id,
      acct_session_id,
      sim_id,
      imsi,
      msisdn,
      charging_id,
      nas_ip,
      apn,
      ip,
      rat,
      rat_code,
      mcc,
      mnc,
      location,
      imeisv,
      status,
      started_at,
      last_update_at,
      ended_at,
      bytes_up,
      bytes_down,
      session_time,
      terminate_cause,
      last_traffic_at,
      superseded,
      billing_unit
    from
      jsonb_to_recordset($1::jsonb) as t (
        id uuid,
        account_id uuid,
        client_id uuid,
        acct_session_id text,
        sim_id uuid,
        imsi text,
        msisdn text,
        charging_id bigint,
        nas_ip text,
        apn text,
        ip text,
        rat text,
        rat_code integer,
        mcc text,
        mnc text,
        location jsonb,
        imeisv text,
        status text,
        started_at timestamptz,
        last_update_at timestamptz,
        ended_at timestamptz,
        bytes_up bigint,
        bytes_down bigint,
        session_time integer,
        terminate_cause text,
        last_traffic_at timestamptz,
        superseded boolean,
        billing_unit integer
      )
    order by
      id
    on conflict (id) do update
    set
      account_id = excluded.account_id,
      sim_id = excluded.sim_id,
      imsi = excluded.imsi,
      msisdn = excluded.msisdn,
      charging_id = excluded.charging_id,
      nas_ip = excluded.nas_ip,
      apn = excluded.apn,
      ip = excluded.ip,
      rat = excluded.rat,
      rat_code = excluded.rat_code,
      mcc = excluded.mcc,
      mnc = excluded.mnc,
      location = excluded.location,
      imeisv = excluded.imeisv,
      status = excluded.status,
      started_at = excluded.started_at,
      last_update_at = excluded.last_update_at,
      ended_at = excluded.ended_at,
      bytes_up = greatest(data_sessions.bytes_up, excluded.bytes_up),
      bytes_down = greatest(data_sessions.bytes_down, excluded.bytes_down),
      session_time = excluded.session_time,
      terminate_cause = excluded.terminate_cause,
      last_traffic_at = excluded.last_traffic_at,
      superseded = excluded.superseded,
      billing_unit = coalesce(data_sessions.billing_unit, excluded.billing_unit)
  ),
  usage as (
    insert into
      usage_daily (
        sim_id,
        day,
        zone_key,
        zone_id,
        account_id,
        bytes_up,
        bytes_down,
        billed_bytes
      )
    select
      sim_id,
      day,
      zone_key,
      zone_id,
      account_id,
      bytes_up,
      bytes_down,
      coalesce(billed_bytes, 0)
    from
      jsonb_to_recordset($2::jsonb) as t (
        sim_id uuid,
        day date,
        zone_key text,
        zone_id uuid,
        account_id uuid,
        bytes_up bigint,
        bytes_down bigint,
        billed_bytes bigint
      )
    order by
      sim_id,
      day,
      zone_key
    on conflict (sim_id, day, zone_key) do update
    set
      bytes_up = usage_daily.bytes_up + excluded.bytes_up,
      bytes_down = usage_daily.bytes_down + excluded.bytes_down,
      billed_bytes = usage_daily.billed_bytes + excluded.billed_bytes
  ),
  session_usage as (
    insert into
      session_usage_daily (
        sim_id,
        day,
        zone_key,
        session_id,
        zone_id,
        account_id,
        bytes,
        billed_bytes
      )
    select
      sim_id,
      day,
      zone_key,
      session_id,
      zone_id,
      account_id,
      bytes,
      billed_bytes
    from
      jsonb_to_recordset($3::jsonb) as t (
        sim_id uuid,
        day date,
        zone_key text,
        session_id uuid,
        zone_id uuid,
        account_id uuid,
        bytes bigint,
        billed_bytes bigint
      )
    order by
      sim_id,
      day,
      zone_key,
      session_id
    on conflict (sim_id, day, zone_key, session_id) do update
    set
      bytes = session_usage_daily.bytes + excluded.bytes,
      billed_bytes = session_usage_daily.billed_bytes + excluded.billed_bytes
  ),
  states as (
    insert into
      sim_network_state (
        sim_id,
        account_id,
        last_seen,
        last_registration,
        imei,
        imeisv,
        previous_imei,
        imei_changed_at,
        mcc,
        mnc,
        rat,
        location,
        updated_at,
        barred_at,
        barred_reason,
        zone_key,
        last_activity_at,
        silence_check_at,
        silent_since,
        total_bytes,
        cycle_start,
        cycle_bytes,
        usage_cycle_start,
        usage_cycle_bytes
      )
    select
      sim_id,
      account_id,
      last_seen,
      last_registration,
      imei,
      imeisv,
      previous_imei,
      imei_changed_at,
      mcc,
      mnc,
      rat,
      location,
      updated_at,
      barred_at,
      barred_reason,
      zone_key,
      last_activity_at,
      silence_check_at,
      silent_since,
      total_bytes,
      cycle_start,
      cycle_bytes,
      usage_cycle_start,
      usage_cycle_bytes
    from
      jsonb_to_recordset($4::jsonb) as t (
        sim_id uuid,
        account_id uuid,
        last_seen timestamptz,
        last_registration jsonb,
        imei text,
        imeisv text,
        previous_imei text,
        imei_changed_at timestamptz,
        mcc text,
        mnc text,
        rat text,
        location jsonb,
        updated_at timestamptz,
        barred_at timestamptz,
        barred_reason text,
        zone_key text,
        last_activity_at timestamptz,
        silence_check_at timestamptz,
        silent_since timestamptz,
        total_bytes bigint,
        cycle_start date,
        cycle_bytes bigint,
        usage_cycle_start date,
        usage_cycle_bytes bigint
      )
    order by
      sim_id
    on conflict (sim_id) do update
    set
      account_id = excluded.account_id,
      last_seen = excluded.last_seen,
      last_registration = excluded.last_registration,
      imei = excluded.imei,
      imeisv = excluded.imeisv,
      previous_imei = excluded.previous_imei,
      imei_changed_at = excluded.imei_changed_at,
      mcc = excluded.mcc,
      mnc = excluded.mnc,
      rat = excluded.rat,
      location = excluded.location,
      updated_at = excluded.updated_at,
      barred_at = excluded.barred_at,
      barred_reason = excluded.barred_reason,
      zone_key = excluded.zone_key,
      last_activity_at = excluded.last_activity_at,
      silence_check_at = excluded.silence_check_at,
      silent_since = excluded.silent_since,
      total_bytes = excluded.total_bytes,
      cycle_start = excluded.cycle_start,
      cycle_bytes = excluded.cycle_bytes,
      usage_cycle_start = excluded.usage_cycle_start,
      usage_cycle_bytes = excluded.usage_cycle_bytes
  ),
  unknown as (
    insert into
      unknown_imsis (
        imsi,
        first_seen,
        last_seen,
        last_source,
        last_plmn,
        occurrences
      )
    select
      imsi,
      first,
      last,
      source,
      plmn,
      count
    from
      jsonb_to_recordset($5::jsonb) as t (
        imsi text,
        source text,
        plmn text,
        first timestamptz,
        last timestamptz,
        count integer
      )
    order by
      imsi
    on conflict (imsi) do update
    set
      last_seen = greatest(unknown_imsis.last_seen, excluded.last_seen),
      occurrences = unknown_imsis.occurrences + excluded.occurrences,
      last_source = excluded.last_source,
      last_plmn = coalesce(excluded.last_plmn, unknown_imsis.last_plmn)
  )
select
  1;

-- sessionsRepo.saveFold (example 2)
-- $1 = ["0190a8a0-0000-7000-8000-000000000003"]
update data_sessions
set
  superseded = true
where
  id = any ($1::uuid[]);
-- $1 = "[{\"id\":\"0190a8a0-0000-7000-8000-000000000003\",\"account_id\":\"0190a8a0-0000-7000-8000-000000000005\",\"client_id\":\"0190a8a0-0000-7000-8000-000000000002\",\"acct_session_id\":\"4711\",\"sim_id\":\"0190a8a0-0000-7000-8000-000000000001\",\"imsi\":\"234150000000001\",\"msisdn\":null,\"charging_id\":null,\"nas_ip\":\"10.0.0.1\",\"apn\":\"iot.example\",\"ip\":\"100.64.0.1\",\"rat\":\"LTE\",\"rat_code\":6,\"mcc\":\"234\",\"mnc\":\"15\",\"location\":null,\"imeisv\":null,\"status\":\"open\",\"started_at\":\"2026-12-01T00:00:00.000Z\",\"last_update_at\":\"2026-12-01T00:00:00.000Z\",\"ended_at\":null,\"bytes_up\":1200,\"bytes_down\":3400,\"session_time\":60,\"terminate_cause\":null,\"last_traffic_at\":\"2026-12-01T00:00:00.000Z\",\"superseded\":false,\"billing_unit\":1024}]"
-- $2 = "[]"
-- $3 = "[]"
-- $4 = "[]"
-- $5 = "[]"
/* prepared */
with
  sessions as (
    insert into
      data_sessions (
        id,
        account_id,
        client_id,
        acct_session_id,
        sim_id,
        imsi,
        msisdn,
        charging_id,
        nas_ip,
        apn,
        ip,
        rat,
        rat_code,
        mcc,
        mnc,
        location,
        imeisv,
        status,
        started_at,
        last_update_at,
        ended_at,
        bytes_up,
        bytes_down,
        session_time,
        terminate_cause,
        last_traffic_at,
        superseded,
        billing_unit
      )
    select
      id,
      account_id,
      client_id,
      acct_session_id,
      sim_id,
      imsi,
      msisdn,
      charging_id,
      nas_ip,
      apn,
      ip,
      rat,
      rat_code,
      mcc,
      mnc,
      location,
      imeisv,
      status,
      started_at,
      last_update_at,
      ended_at,
      bytes_up,
      bytes_down,
      session_time,
      terminate_cause,
      last_traffic_at,
      superseded,
      billing_unit
    from
      jsonb_to_recordset($1::jsonb) as t (
        id uuid,
        account_id uuid,
        client_id uuid,
        acct_session_id text,
        sim_id uuid,
        imsi text,
        msisdn text,
        charging_id bigint,
        nas_ip text,
        apn text,
        ip text,
        rat text,
        rat_code integer,
        mcc text,
        mnc text,
        location jsonb,
        imeisv text,
        status text,
        started_at timestamptz,
        last_update_at timestamptz,
        ended_at timestamptz,
        bytes_up bigint,
        bytes_down bigint,
        session_time integer,
        terminate_cause text,
        last_traffic_at timestamptz,
        superseded boolean,
        billing_unit integer
      )
    order by
      id
    on conflict (id) do update
    set
      account_id = excluded.account_id,
      sim_id = excluded.sim_id,
      imsi = excluded.imsi,
      msisdn = excluded.msisdn,
      charging_id = excluded.charging_id,
      nas_ip = excluded.nas_ip,
      apn = excluded.apn,
      ip = excluded.ip,
      rat = excluded.rat,
      rat_code = excluded.rat_code,
      mcc = excluded.mcc,
      mnc = excluded.mnc,
      location = excluded.location,
      imeisv = excluded.imeisv,
      status = excluded.status,
      started_at = excluded.started_at,
      last_update_at = excluded.last_update_at,
      ended_at = excluded.ended_at,
      bytes_up = greatest(data_sessions.bytes_up, excluded.bytes_up),
      bytes_down = greatest(data_sessions.bytes_down, excluded.bytes_down),
      session_time = excluded.session_time,
      terminate_cause = excluded.terminate_cause,
      last_traffic_at = excluded.last_traffic_at,
      superseded = excluded.superseded,
      billing_unit = coalesce(data_sessions.billing_unit, excluded.billing_unit)
  ),
  usage as (
    insert into
      usage_daily (
        sim_id,
        day,
        zone_key,
        zone_id,
        account_id,
        bytes_up,
        bytes_down,
        billed_bytes
      )
    select
      sim_id,
      day,
      zone_key,
      zone_id,
      account_id,
      bytes_up,
      bytes_down,
      coalesce(billed_bytes, 0)
    from
      jsonb_to_recordset($2::jsonb) as t (
        sim_id uuid,
        day date,
        zone_key text,
        zone_id uuid,
        account_id uuid,
        bytes_up bigint,
        bytes_down bigint,
        billed_bytes bigint
      )
    order by
      sim_id,
      day,
      zone_key
    on conflict (sim_id, day, zone_key) do update
    set
      bytes_up = usage_daily.bytes_up + excluded.bytes_up,
      bytes_down = usage_daily.bytes_down + excluded.bytes_down,
      billed_bytes = usage_daily.billed_bytes + excluded.billed_bytes
  ),
  session_usage as (
    insert into
      session_usage_daily (
        sim_id,
        day,
        zone_key,
        session_id,
        zone_id,
        account_id,
        bytes,
        billed_bytes
      )
    select
      sim_id,
      day,
      zone_key,
      session_id,
      zone_id,
      account_id,
      bytes,
      billed_bytes
    from
      jsonb_to_recordset($3::jsonb) as t (
        sim_id uuid,
        day date,
        zone_key text,
        session_id uuid,
        zone_id uuid,
        account_id uuid,
        bytes bigint,
        billed_bytes bigint
      )
    order by
      sim_id,
      day,
      zone_key,
      session_id
    on conflict (sim_id, day, zone_key, session_id) do update
    set
      bytes = session_usage_daily.bytes + excluded.bytes,
      billed_bytes = session_usage_daily.billed_bytes + excluded.billed_bytes
  ),
  states as (
    insert into
      sim_network_state (
        sim_id,
        account_id,
        last_seen,
        last_registration,
        imei,
        imeisv,
        previous_imei,
        imei_changed_at,
        mcc,
        mnc,
        rat,
        location,
        updated_at,
        barred_at,
        barred_reason,
        zone_key,
        last_activity_at,
        silence_check_at,
        silent_since,
        total_bytes,
        cycle_start,
        cycle_bytes,
        usage_cycle_start,
        usage_cycle_bytes
      )
    select
      sim_id,
      account_id,
      last_seen,
      last_registration,
      imei,
      imeisv,
      previous_imei,
      imei_changed_at,
      mcc,
      mnc,
      rat,
      location,
      updated_at,
      barred_at,
      barred_reason,
      zone_key,
      last_activity_at,
      silence_check_at,
      silent_since,
      total_bytes,
      cycle_start,
      cycle_bytes,
      usage_cycle_start,
      usage_cycle_bytes
    from
      jsonb_to_recordset($4::jsonb) as t (
        sim_id uuid,
        account_id uuid,
        last_seen timestamptz,
        last_registration jsonb,
        imei text,
        imeisv text,
        previous_imei text,
        imei_changed_at timestamptz,
        mcc text,
        mnc text,
        rat text,
        location jsonb,
        updated_at timestamptz,
        barred_at timestamptz,
        barred_reason text,
        zone_key text,
        last_activity_at timestamptz,
        silence_check_at timestamptz,
        silent_since timestamptz,
        total_bytes bigint,
        cycle_start date,
        cycle_bytes bigint,
        usage_cycle_start date,
        usage_cycle_bytes bigint
      )
    order by
      sim_id
    on conflict (sim_id) do update
    set
      account_id = excluded.account_id,
      last_seen = excluded.last_seen,
      last_registration = excluded.last_registration,
      imei = excluded.imei,
      imeisv = excluded.imeisv,
      previous_imei = excluded.previous_imei,
      imei_changed_at = excluded.imei_changed_at,
      mcc = excluded.mcc,
      mnc = excluded.mnc,
      rat = excluded.rat,
      location = excluded.location,
      updated_at = excluded.updated_at,
      barred_at = excluded.barred_at,
      barred_reason = excluded.barred_reason,
      zone_key = excluded.zone_key,
      last_activity_at = excluded.last_activity_at,
      silence_check_at = excluded.silence_check_at,
      silent_since = excluded.silent_since,
      total_bytes = excluded.total_bytes,
      cycle_start = excluded.cycle_start,
      cycle_bytes = excluded.cycle_bytes,
      usage_cycle_start = excluded.usage_cycle_start,
      usage_cycle_bytes = excluded.usage_cycle_bytes
  ),
  unknown as (
    insert into
      unknown_imsis (
        imsi,
        first_seen,
        last_seen,
        last_source,
        last_plmn,
        occurrences
      )
    select
      imsi,
      first,
      last,
      source,
      plmn,
      count
    from
      jsonb_to_recordset($5::jsonb) as t (
        imsi text,
        source text,
        plmn text,
        first timestamptz,
        last timestamptz,
        count integer
      )
    order by
      imsi
    on conflict (imsi) do update
    set
      last_seen = greatest(unknown_imsis.last_seen, excluded.last_seen),
      occurrences = unknown_imsis.occurrences + excluded.occurrences,
      last_source = excluded.last_source,
      last_plmn = coalesce(excluded.last_plmn, unknown_imsis.last_plmn)
  )
select
  1;

-- sessionsRepo.closeAfterGatewayRestart
-- $1 = "closed"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "NAS-Reboot"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "open"
-- $7 = "2026-12-01T00:00:00.000Z"
update "data_sessions"
set
  "status" = $1,
  "ended_at" = $2,
  "terminate_cause" = $3,
  "last_update_at" = $4
where
  "client_id" = $5
  and "status" = $6
  and "started_at" <= $7;

-- sessionsRepo.openIds (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
select
  "id"
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2;

-- sessionsRepo.openIds (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "4711"
select
  "id"
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2
  and "client_id" = $3
  and "acct_session_id" = $4;

-- sessionsRepo.latestOpen
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
-- $3 = 1
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2
order by
  "last_update_at" desc
limit
  $3;

-- sessionsRepo.pageForSim (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = 51
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
order by
  "started_at" desc,
  "id" desc
limit
  $3;

-- sessionsRepo.pageForSim (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000003"
-- $6 = 51
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and (
    "started_at" < $3
    or (
      "started_at" = $4
      and "id" < $5
    )
  )
order by
  "started_at" desc,
  "id" desc
limit
  $6;

-- sessionsRepo.timelineForSim (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = 50
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
order by
  "started_at" desc
limit
  $3;

-- sessionsRepo.timelineForSim (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 50
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "data_sessions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and "started_at" < $3
order by
  "started_at" desc
limit
  $4;

-- sessionsRepo.startedSince
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 200
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "started_at" >= $2
order by
  "started_at" desc
limit
  $3;

-- sessionsRepo.startsSince
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 200
select
  "started_at"
from
  "data_sessions"
where
  "sim_id" = $1
  and "started_at" >= $2
order by
  "started_at" desc
limit
  $3;

-- sessionsRepo.openStartedBefore
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "open"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 200
select
  *
from
  "data_sessions"
where
  "sim_id" = $1
  and "status" = $2
  and "started_at" < $3
order by
  "started_at" desc
limit
  $4;

-- sessionsRepo.firstStartedAfter
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  "started_at",
  "apn"
from
  "data_sessions"
where
  "sim_id" = $1
  and "started_at" > $2
order by
  "started_at"
limit
  $3;

-- sessionsRepo.firstTrafficAfter
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  "last_traffic_at"
from
  "data_sessions"
where
  "sim_id" = $1
  and "last_traffic_at" > $2
order by
  "last_traffic_at"
limit
  $3;
