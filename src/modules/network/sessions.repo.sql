-- The SQL of src/modules/network/sessions.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- sessionsRepo.storeNewRecords
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = ["10.0.0.1|4711|interim|1733011200"]
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = ["0"]
-- $5 = ["0190a8a0-0000-7000-8000-000000000004"]
-- $6 = ["10.0.0.1|4711|interim|1733011200"]
-- $7 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $8 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $9 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $10 = ["234150000000001"]
-- $11 = ["4711"]
-- $12 = ["interim"]
-- $13 = ["2026-12-01T00:00:00.000Z"]
-- $14 = ["{}"]
/* prepared:accounting_store */
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
      on (t.dedupe_key) t.id,
      t.dedupe_key,
      t.client_id,
      t.account_id,
      t.sim_id,
      t.imsi,
      t.acct_session_id,
      t.status,
      t.event_at,
      $3::timestamptz,
      t.record
    from
      (
        select
          u.ord::integer as ord,
          u.id::uuid as id,
          u.dedupe_key::text as dedupe_key,
          u.client_id::uuid as client_id,
          u.account_id::uuid as account_id,
          u.sim_id::uuid as sim_id,
          u.imsi::text as imsi,
          u.acct_session_id::text as acct_session_id,
          u.status::text as status,
          u.event_at::timestamptz as event_at,
          u.record::jsonb as record
        from
          unnest(
            $4::text[],
            $5::text[],
            $6::text[],
            $7::text[],
            $8::text[],
            $9::text[],
            $10::text[],
            $11::text[],
            $12::text[],
            $13::text[],
            $14::text[]
          ) as u (
            ord,
            id,
            dedupe_key,
            client_id,
            account_id,
            sim_id,
            imsi,
            acct_session_id,
            status,
            event_at,
            record
          )
      ) as t
      join fresh using (dedupe_key)
    order by
      t.dedupe_key,
      t.ord
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
/* prepared:accounting_lock */
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
-- $4 = ["0"]
-- $5 = ["0190a8a0-0000-7000-8000-000000000004"]
-- $6 = ["10.0.0.1|4711|interim|1733011200"]
-- $7 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $8 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $9 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $10 = ["234150000000001"]
-- $11 = ["4711"]
-- $12 = ["interim"]
-- $13 = ["2026-12-01T00:00:00.000Z"]
-- $14 = ["{}"]
-- $15 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $16 = ["4711"]
-- $17 = ["0190a8a0-0000-7000-8000-000000000001"]
/* prepared:accounting_store_lock */
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
      on (t.dedupe_key) t.id,
      t.dedupe_key,
      t.client_id,
      t.account_id,
      t.sim_id,
      t.imsi,
      t.acct_session_id,
      t.status,
      t.event_at,
      $3::timestamptz,
      t.record
    from
      (
        select
          u.ord::integer as ord,
          u.id::uuid as id,
          u.dedupe_key::text as dedupe_key,
          u.client_id::uuid as client_id,
          u.account_id::uuid as account_id,
          u.sim_id::uuid as sim_id,
          u.imsi::text as imsi,
          u.acct_session_id::text as acct_session_id,
          u.status::text as status,
          u.event_at::timestamptz as event_at,
          u.record::jsonb as record
        from
          unnest(
            $4::text[],
            $5::text[],
            $6::text[],
            $7::text[],
            $8::text[],
            $9::text[],
            $10::text[],
            $11::text[],
            $12::text[],
            $13::text[],
            $14::text[]
          ) as u (
            ord,
            id,
            dedupe_key,
            client_id,
            account_id,
            sim_id,
            imsi,
            acct_session_id,
            status,
            event_at,
            record
          )
      ) as t
      join fresh using (dedupe_key)
    order by
      t.dedupe_key,
      t.ord
    returning
      1
  ),
  s as (
    select
      d.*
    from
      data_sessions d
      join unnest($15::uuid[], $16::text[]) as k (client_id, acct_session_id) on d.client_id = k.client_id
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
      sim_id = any ($17::uuid[])
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
-- $1 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $2 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $3 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $4 = ["4711"]
-- $5 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $6 = ["234150000000001"]
-- $7 = [null]
-- $8 = [null]
-- $9 = ["10.0.0.1"]
-- $10 = ["iot.example"]
-- $11 = ["100.64.0.1"]
-- $12 = ["LTE"]
-- $13 = ["6"]
-- $14 = ["234"]
-- $15 = ["15"]
-- $16 = [null]
-- $17 = [null]
-- $18 = ["open"]
-- $19 = ["2026-12-01T00:00:00.000Z"]
-- $20 = ["2026-12-01T00:00:00.000Z"]
-- $21 = [null]
-- $22 = ["1200"]
-- $23 = ["3400"]
-- $24 = ["60"]
-- $25 = [null]
-- $26 = ["2026-12-01T00:00:00.000Z"]
-- $27 = ["false"]
-- $28 = ["1024"]
-- $29 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $30 = ["2026-12-01"]
-- $31 = ["unzoned"]
-- $32 = [null]
-- $33 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $34 = ["1200"]
-- $35 = ["3400"]
-- $36 = ["5120"]
-- $37 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $38 = ["2026-12-01"]
-- $39 = ["unzoned"]
-- $40 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $41 = [null]
-- $42 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $43 = ["4600"]
-- $44 = ["5120"]
-- $45 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $46 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $47 = ["2026-12-01T00:00:00.000Z"]
-- $48 = [null]
-- $49 = ["356938035643809"]
-- $50 = [null]
-- $51 = [null]
-- $52 = [null]
-- $53 = ["234"]
-- $54 = ["15"]
-- $55 = ["LTE"]
-- $56 = [null]
-- $57 = ["2026-12-01T00:00:00.000Z"]
-- $58 = [null]
-- $59 = [null]
-- $60 = ["23415|zone:0190a8a0-0000-7000-8000-000000000003"]
-- $61 = ["2026-12-01T00:00:00.000Z"]
-- $62 = ["2026-12-01T00:00:00.000Z"]
-- $63 = [null]
-- $64 = ["4600"]
-- $65 = ["2026-12-01"]
-- $66 = ["4600"]
-- $67 = ["234150000000009"]
-- $68 = ["radius"]
-- $69 = ["23415"]
-- $70 = ["2026-12-01T00:00:00.000Z"]
-- $71 = ["2026-12-01T00:00:00.000Z"]
-- $72 = ["2"]
/* prepared:accounting_save */
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
      (
        select
          u.id::uuid as id,
          u.account_id::uuid as account_id,
          u.client_id::uuid as client_id,
          u.acct_session_id::text as acct_session_id,
          u.sim_id::uuid as sim_id,
          u.imsi::text as imsi,
          u.msisdn::text as msisdn,
          u.charging_id::bigint as charging_id,
          u.nas_ip::text as nas_ip,
          u.apn::text as apn,
          u.ip::text as ip,
          u.rat::text as rat,
          u.rat_code::integer as rat_code,
          u.mcc::text as mcc,
          u.mnc::text as mnc,
          u.location::jsonb as location,
          u.imeisv::text as imeisv,
          u.status::text as status,
          u.started_at::timestamptz as started_at,
          u.last_update_at::timestamptz as last_update_at,
          u.ended_at::timestamptz as ended_at,
          u.bytes_up::bigint as bytes_up,
          u.bytes_down::bigint as bytes_down,
          u.session_time::integer as session_time,
          u.terminate_cause::text as terminate_cause,
          u.last_traffic_at::timestamptz as last_traffic_at,
          u.superseded::boolean as superseded,
          u.billing_unit::integer as billing_unit
        from
          unnest(
            $1::text[],
            $2::text[],
            $3::text[],
            $4::text[],
            $5::text[],
            $6::text[],
            $7::text[],
            $8::text[],
            $9::text[],
            $10::text[],
            $11::text[],
            $12::text[],
            $13::text[],
            $14::text[],
            $15::text[],
            $16::text[],
            $17::text[],
            $18::text[],
            $19::text[],
            $20::text[],
            $21::text[],
            $22::text[],
            $23::text[],
            $24::text[],
            $25::text[],
            $26::text[],
            $27::text[],
            $28::text[]
          ) as u (
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
      ) as t
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
      (
        select
          u.sim_id::uuid as sim_id,
          u.day::date as day,
          u.zone_key::text as zone_key,
          u.zone_id::uuid as zone_id,
          u.account_id::uuid as account_id,
          u.bytes_up::bigint as bytes_up,
          u.bytes_down::bigint as bytes_down,
          u.billed_bytes::bigint as billed_bytes
        from
          unnest(
            $29::text[],
            $30::text[],
            $31::text[],
            $32::text[],
            $33::text[],
            $34::text[],
            $35::text[],
            $36::text[]
          ) as u (
            sim_id,
            day,
            zone_key,
            zone_id,
            account_id,
            bytes_up,
            bytes_down,
            billed_bytes
          )
      ) as t
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
      (
        select
          u.sim_id::uuid as sim_id,
          u.day::date as day,
          u.zone_key::text as zone_key,
          u.session_id::uuid as session_id,
          u.zone_id::uuid as zone_id,
          u.account_id::uuid as account_id,
          u.bytes::bigint as bytes,
          u.billed_bytes::bigint as billed_bytes
        from
          unnest(
            $37::text[],
            $38::text[],
            $39::text[],
            $40::text[],
            $41::text[],
            $42::text[],
            $43::text[],
            $44::text[]
          ) as u (
            sim_id,
            day,
            zone_key,
            session_id,
            zone_id,
            account_id,
            bytes,
            billed_bytes
          )
      ) as t
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
        cycle_bytes
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
      cycle_bytes
    from
      (
        select
          u.sim_id::uuid as sim_id,
          u.account_id::uuid as account_id,
          u.last_seen::timestamptz as last_seen,
          u.last_registration::jsonb as last_registration,
          u.imei::text as imei,
          u.imeisv::text as imeisv,
          u.previous_imei::text as previous_imei,
          u.imei_changed_at::timestamptz as imei_changed_at,
          u.mcc::text as mcc,
          u.mnc::text as mnc,
          u.rat::text as rat,
          u.location::jsonb as location,
          u.updated_at::timestamptz as updated_at,
          u.barred_at::timestamptz as barred_at,
          u.barred_reason::text as barred_reason,
          u.zone_key::text as zone_key,
          u.last_activity_at::timestamptz as last_activity_at,
          u.silence_check_at::timestamptz as silence_check_at,
          u.silent_since::timestamptz as silent_since,
          u.total_bytes::bigint as total_bytes,
          u.cycle_start::date as cycle_start,
          u.cycle_bytes::bigint as cycle_bytes
        from
          unnest(
            $45::text[],
            $46::text[],
            $47::text[],
            $48::text[],
            $49::text[],
            $50::text[],
            $51::text[],
            $52::text[],
            $53::text[],
            $54::text[],
            $55::text[],
            $56::text[],
            $57::text[],
            $58::text[],
            $59::text[],
            $60::text[],
            $61::text[],
            $62::text[],
            $63::text[],
            $64::text[],
            $65::text[],
            $66::text[]
          ) as u (
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
            cycle_bytes
          )
      ) as t
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
      cycle_bytes = excluded.cycle_bytes
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
      (
        select
          u.imsi::text as imsi,
          u.source::text as source,
          u.plmn::text as plmn,
          u.first::timestamptz as first,
          u.last::timestamptz as last,
          u.count::integer as count
        from
          unnest(
            $67::text[],
            $68::text[],
            $69::text[],
            $70::text[],
            $71::text[],
            $72::text[]
          ) as u (imsi, source, plmn, first, last, count)
      ) as t
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
-- $1 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $2 = ["0190a8a0-0000-7000-8000-000000000005"]
-- $3 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $4 = ["4711"]
-- $5 = ["0190a8a0-0000-7000-8000-000000000001"]
-- $6 = ["234150000000001"]
-- $7 = [null]
-- $8 = [null]
-- $9 = ["10.0.0.1"]
-- $10 = ["iot.example"]
-- $11 = ["100.64.0.1"]
-- $12 = ["LTE"]
-- $13 = ["6"]
-- $14 = ["234"]
-- $15 = ["15"]
-- $16 = [null]
-- $17 = [null]
-- $18 = ["open"]
-- $19 = ["2026-12-01T00:00:00.000Z"]
-- $20 = ["2026-12-01T00:00:00.000Z"]
-- $21 = [null]
-- $22 = ["1200"]
-- $23 = ["3400"]
-- $24 = ["60"]
-- $25 = [null]
-- $26 = ["2026-12-01T00:00:00.000Z"]
-- $27 = ["false"]
-- $28 = ["1024"]
-- $29 = []
-- $30 = []
-- $31 = []
-- $32 = []
-- $33 = []
-- $34 = []
-- $35 = []
-- $36 = []
-- $37 = []
-- $38 = []
-- $39 = []
-- $40 = []
-- $41 = []
-- $42 = []
-- $43 = []
-- $44 = []
-- $45 = []
-- $46 = []
-- $47 = []
-- $48 = []
-- $49 = []
-- $50 = []
-- $51 = []
-- $52 = []
-- $53 = []
-- $54 = []
-- $55 = []
-- $56 = []
-- $57 = []
-- $58 = []
-- $59 = []
-- $60 = []
-- $61 = []
-- $62 = []
-- $63 = []
-- $64 = []
-- $65 = []
-- $66 = []
-- $67 = []
-- $68 = []
-- $69 = []
-- $70 = []
-- $71 = []
-- $72 = []
/* prepared:accounting_save */
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
      (
        select
          u.id::uuid as id,
          u.account_id::uuid as account_id,
          u.client_id::uuid as client_id,
          u.acct_session_id::text as acct_session_id,
          u.sim_id::uuid as sim_id,
          u.imsi::text as imsi,
          u.msisdn::text as msisdn,
          u.charging_id::bigint as charging_id,
          u.nas_ip::text as nas_ip,
          u.apn::text as apn,
          u.ip::text as ip,
          u.rat::text as rat,
          u.rat_code::integer as rat_code,
          u.mcc::text as mcc,
          u.mnc::text as mnc,
          u.location::jsonb as location,
          u.imeisv::text as imeisv,
          u.status::text as status,
          u.started_at::timestamptz as started_at,
          u.last_update_at::timestamptz as last_update_at,
          u.ended_at::timestamptz as ended_at,
          u.bytes_up::bigint as bytes_up,
          u.bytes_down::bigint as bytes_down,
          u.session_time::integer as session_time,
          u.terminate_cause::text as terminate_cause,
          u.last_traffic_at::timestamptz as last_traffic_at,
          u.superseded::boolean as superseded,
          u.billing_unit::integer as billing_unit
        from
          unnest(
            $1::text[],
            $2::text[],
            $3::text[],
            $4::text[],
            $5::text[],
            $6::text[],
            $7::text[],
            $8::text[],
            $9::text[],
            $10::text[],
            $11::text[],
            $12::text[],
            $13::text[],
            $14::text[],
            $15::text[],
            $16::text[],
            $17::text[],
            $18::text[],
            $19::text[],
            $20::text[],
            $21::text[],
            $22::text[],
            $23::text[],
            $24::text[],
            $25::text[],
            $26::text[],
            $27::text[],
            $28::text[]
          ) as u (
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
      ) as t
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
      (
        select
          u.sim_id::uuid as sim_id,
          u.day::date as day,
          u.zone_key::text as zone_key,
          u.zone_id::uuid as zone_id,
          u.account_id::uuid as account_id,
          u.bytes_up::bigint as bytes_up,
          u.bytes_down::bigint as bytes_down,
          u.billed_bytes::bigint as billed_bytes
        from
          unnest(
            $29::text[],
            $30::text[],
            $31::text[],
            $32::text[],
            $33::text[],
            $34::text[],
            $35::text[],
            $36::text[]
          ) as u (
            sim_id,
            day,
            zone_key,
            zone_id,
            account_id,
            bytes_up,
            bytes_down,
            billed_bytes
          )
      ) as t
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
      (
        select
          u.sim_id::uuid as sim_id,
          u.day::date as day,
          u.zone_key::text as zone_key,
          u.session_id::uuid as session_id,
          u.zone_id::uuid as zone_id,
          u.account_id::uuid as account_id,
          u.bytes::bigint as bytes,
          u.billed_bytes::bigint as billed_bytes
        from
          unnest(
            $37::text[],
            $38::text[],
            $39::text[],
            $40::text[],
            $41::text[],
            $42::text[],
            $43::text[],
            $44::text[]
          ) as u (
            sim_id,
            day,
            zone_key,
            session_id,
            zone_id,
            account_id,
            bytes,
            billed_bytes
          )
      ) as t
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
        cycle_bytes
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
      cycle_bytes
    from
      (
        select
          u.sim_id::uuid as sim_id,
          u.account_id::uuid as account_id,
          u.last_seen::timestamptz as last_seen,
          u.last_registration::jsonb as last_registration,
          u.imei::text as imei,
          u.imeisv::text as imeisv,
          u.previous_imei::text as previous_imei,
          u.imei_changed_at::timestamptz as imei_changed_at,
          u.mcc::text as mcc,
          u.mnc::text as mnc,
          u.rat::text as rat,
          u.location::jsonb as location,
          u.updated_at::timestamptz as updated_at,
          u.barred_at::timestamptz as barred_at,
          u.barred_reason::text as barred_reason,
          u.zone_key::text as zone_key,
          u.last_activity_at::timestamptz as last_activity_at,
          u.silence_check_at::timestamptz as silence_check_at,
          u.silent_since::timestamptz as silent_since,
          u.total_bytes::bigint as total_bytes,
          u.cycle_start::date as cycle_start,
          u.cycle_bytes::bigint as cycle_bytes
        from
          unnest(
            $45::text[],
            $46::text[],
            $47::text[],
            $48::text[],
            $49::text[],
            $50::text[],
            $51::text[],
            $52::text[],
            $53::text[],
            $54::text[],
            $55::text[],
            $56::text[],
            $57::text[],
            $58::text[],
            $59::text[],
            $60::text[],
            $61::text[],
            $62::text[],
            $63::text[],
            $64::text[],
            $65::text[],
            $66::text[]
          ) as u (
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
            cycle_bytes
          )
      ) as t
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
      cycle_bytes = excluded.cycle_bytes
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
      (
        select
          u.imsi::text as imsi,
          u.source::text as source,
          u.plmn::text as plmn,
          u.first::timestamptz as first,
          u.last::timestamptz as last,
          u.count::integer as count
        from
          unnest(
            $67::text[],
            $68::text[],
            $69::text[],
            $70::text[],
            $71::text[],
            $72::text[]
          ) as u (imsi, source, plmn, first, last, count)
      ) as t
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
