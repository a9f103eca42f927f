-- The SQL of src/modules/network/fleet.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- fleetRepo.page (example 1)
-- $1 = ["TEST_READY","ACTIVATION_READY","ACTIVATED"]
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01"
-- $4 = "{\"0190a8a0-0000-7000-8000-000000000003\":52428800}"
-- $5 = "2026-12-06T10:00:00.000Z"
-- $6 = 101
select
  "f".*
from
  (
    select
      "s".*,
      "n"."silent_since",
      case
        when not (s.state = any ($1::text[])) then 'BLOCKED'
        when s.overage_limit_override = 'DEFAULT'
        and n.barred_at >= $2
        and n.cycle_start = $3::date
        and n.cycle_bytes >= ($4::jsonb ->> s.rate_plan_id::text)::bigint then 'BLOCKED'
        when exists (
          select
            1
          from
            data_sessions d
          where
            d.sim_id = s.id
            and d.status = 'open'
        ) then 'ONLINE'
        when n.last_registration ->> 'type' = 'location_update'
        and n.last_registration ->> 'result' = 'accepted'
        and n.last_seen >= $5 then 'ATTACHED'
        else 'OFFLINE'
      end as "connectivity"
    from
      (
        select
          "sims".*
        from
          "sims"
      ) as "s"
      left join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
  ) as "f"
order by
  "f"."id"
limit
  $6;

-- fleetRepo.page (example 2)
-- $1 = ["TEST_READY","ACTIVATION_READY","ACTIVATED"]
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01"
-- $4 = "{\"0190a8a0-0000-7000-8000-000000000003\":52428800}"
-- $5 = "2026-12-06T10:00:00.000Z"
-- $6 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $7 = "0190a8a0-0000-7000-8000-000000000004"
-- $8 = "0190a8a0-0000-7000-8000-000000000003"
-- $9 = "OFFLINE"
-- $10 = "0190a8a0-0000-7000-8000-000000000004"
-- $11 = 101
select
  "f".*
from
  (
    select
      "s".*,
      "n"."silent_since",
      case
        when not (s.state = any ($1::text[])) then 'BLOCKED'
        when s.overage_limit_override = 'DEFAULT'
        and n.barred_at >= $2
        and n.cycle_start = $3::date
        and n.cycle_bytes >= ($4::jsonb ->> s.rate_plan_id::text)::bigint then 'BLOCKED'
        when exists (
          select
            1
          from
            data_sessions d
          where
            d.sim_id = s.id
            and d.status = 'open'
        ) then 'ONLINE'
        when n.last_registration ->> 'type' = 'location_update'
        and n.last_registration ->> 'result' = 'accepted'
        and n.last_seen >= $5 then 'ATTACHED'
        else 'OFFLINE'
      end as "connectivity"
    from
      (
        select
          "sims".*
        from
          "sims"
        where
          "sims"."account_id" in (
            select
              "account_scope"."account_id"
            from
              "account_scope"
            where
              "account_scope"."path" like $6
          )
          and "sims"."id" in ($7)
          and "sims"."rate_plan_id" = $8
      ) as "s"
      left join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
  ) as "f"
where
  "f"."connectivity" = $9
  and "f"."id" > $10
order by
  "f"."id"
limit
  $11;

-- fleetRepo.page (example 3)
-- $1 = ["TEST_READY","ACTIVATION_READY","ACTIVATED"]
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01"
-- $4 = "{\"0190a8a0-0000-7000-8000-000000000003\":52428800}"
-- $5 = "2026-12-06T10:00:00.000Z"
-- $6 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $7 = 11
select
  "f".*
from
  (
    select
      "s".*,
      "n"."silent_since",
      case
        when not (s.state = any ($1::text[])) then 'BLOCKED'
        when s.overage_limit_override = 'DEFAULT'
        and n.barred_at >= $2
        and n.cycle_start = $3::date
        and n.cycle_bytes >= ($4::jsonb ->> s.rate_plan_id::text)::bigint then 'BLOCKED'
        when exists (
          select
            1
          from
            data_sessions d
          where
            d.sim_id = s.id
            and d.status = 'open'
        ) then 'ONLINE'
        when n.last_registration ->> 'type' = 'location_update'
        and n.last_registration ->> 'result' = 'accepted'
        and n.last_seen >= $5 then 'ATTACHED'
        else 'OFFLINE'
      end as "connectivity"
    from
      (
        select
          "sims".*
        from
          "sims"
        where
          "sims"."account_id" in (
            select
              "account_scope"."account_id"
            from
              "account_scope"
            where
              "account_scope"."path" like $6
          )
      ) as "s"
      left join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
  ) as "f"
where
  "f"."silent_since" is not null
order by
  "f"."id"
limit
  $7;

-- fleetRepo.count (example 1)
-- $1 = ["TEST_READY","ACTIVATION_READY","ACTIVATED"]
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01"
-- $4 = "{\"0190a8a0-0000-7000-8000-000000000003\":52428800}"
-- $5 = "2026-12-06T10:00:00.000Z"
-- $6 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  "f"."connectivity"::text as "key",
  count(*) as "count"
from
  (
    select
      "s".*,
      "n"."silent_since",
      case
        when not (s.state = any ($1::text[])) then 'BLOCKED'
        when s.overage_limit_override = 'DEFAULT'
        and n.barred_at >= $2
        and n.cycle_start = $3::date
        and n.cycle_bytes >= ($4::jsonb ->> s.rate_plan_id::text)::bigint then 'BLOCKED'
        when exists (
          select
            1
          from
            data_sessions d
          where
            d.sim_id = s.id
            and d.status = 'open'
        ) then 'ONLINE'
        when n.last_registration ->> 'type' = 'location_update'
        and n.last_registration ->> 'result' = 'accepted'
        and n.last_seen >= $5 then 'ATTACHED'
        else 'OFFLINE'
      end as "connectivity"
    from
      (
        select
          "sims".*
        from
          "sims"
        where
          "sims"."account_id" in (
            select
              "account_scope"."account_id"
            from
              "account_scope"
            where
              "account_scope"."path" like $6
          )
      ) as "s"
      left join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
  ) as "f"
group by
  "f"."connectivity"
order by
  "count" desc,
  "key";

-- fleetRepo.count (example 2)
-- $1 = ["TEST_READY","ACTIVATION_READY","ACTIVATED"]
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01"
-- $4 = "{\"0190a8a0-0000-7000-8000-000000000003\":52428800}"
-- $5 = "2026-12-06T10:00:00.000Z"
-- $6 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $7 = "accountCustom1"
-- $8 = "pump 7"
-- $9 = "OFFLINE"
select
  "f"."rate_plan_id"::text as "key",
  count(*) as "count"
from
  (
    select
      "s".*,
      "n"."silent_since",
      case
        when not (s.state = any ($1::text[])) then 'BLOCKED'
        when s.overage_limit_override = 'DEFAULT'
        and n.barred_at >= $2
        and n.cycle_start = $3::date
        and n.cycle_bytes >= ($4::jsonb ->> s.rate_plan_id::text)::bigint then 'BLOCKED'
        when exists (
          select
            1
          from
            data_sessions d
          where
            d.sim_id = s.id
            and d.status = 'open'
        ) then 'ONLINE'
        when n.last_registration ->> 'type' = 'location_update'
        and n.last_registration ->> 'result' = 'accepted'
        and n.last_seen >= $5 then 'ATTACHED'
        else 'OFFLINE'
      end as "connectivity"
    from
      (
        select
          "sims".*
        from
          "sims"
        where
          "sims"."account_id" in (
            select
              "account_scope"."account_id"
            from
              "account_scope"
            where
              "account_scope"."path" like $6
          )
          and sims.custom_fields ->> $7 = $8
      ) as "s"
      left join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
  ) as "f"
where
  "f"."connectivity" = $9
group by
  "f"."rate_plan_id"
order by
  "count" desc,
  "key";

-- fleetRepo.count (example 3)
-- $1 = ["TEST_READY","ACTIVATION_READY","ACTIVATED"]
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01"
-- $4 = "{\"0190a8a0-0000-7000-8000-000000000003\":52428800}"
-- $5 = "2026-12-06T10:00:00.000Z"
-- $6 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  "f"."state"::text as "key",
  count(*) as "count"
from
  (
    select
      "s".*,
      "n"."silent_since",
      case
        when not (s.state = any ($1::text[])) then 'BLOCKED'
        when s.overage_limit_override = 'DEFAULT'
        and n.barred_at >= $2
        and n.cycle_start = $3::date
        and n.cycle_bytes >= ($4::jsonb ->> s.rate_plan_id::text)::bigint then 'BLOCKED'
        when exists (
          select
            1
          from
            data_sessions d
          where
            d.sim_id = s.id
            and d.status = 'open'
        ) then 'ONLINE'
        when n.last_registration ->> 'type' = 'location_update'
        and n.last_registration ->> 'result' = 'accepted'
        and n.last_seen >= $5 then 'ATTACHED'
        else 'OFFLINE'
      end as "connectivity"
    from
      (
        select
          "sims".*
        from
          "sims"
        where
          "sims"."account_id" in (
            select
              "account_scope"."account_id"
            from
              "account_scope"
            where
              "account_scope"."path" like $6
          )
      ) as "s"
      left join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
  ) as "f"
where
  "f"."silent_since" is not null
group by
  "f"."state"
order by
  "count" desc,
  "key";

-- fleetRepo.barredRatePlans
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "2026-12-01T00:00:00.000Z"
select distinct
  "s"."rate_plan_id"
from
  (
    select
      "sims".*
    from
      "sims"
    where
      "sims"."account_id" in (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $1
      )
  ) as "s"
  inner join "sim_network_state" as "n" on "n"."sim_id" = "s"."id"
where
  "n"."barred_at" >= $2
  and "s"."rate_plan_id" is not null;

-- fleetRepo.seenWithImeiPrefix (example 1)
-- $1 = "3548090"
-- $2 = "3548090:"
-- $3 = 9
select
  "s"."id",
  "s"."iccid",
  "s"."imsi",
  "s"."msisdn",
  "s"."state",
  "s"."account_id",
  "n"."imei"
from
  "sim_network_state" as "n"
  inner join (
    select
      "sims".*
    from
      "sims"
  ) as "s" on "s"."id" = "n"."sim_id"
where
  "n"."imei" collate "C" >= $1
  and "n"."imei" collate "C" < $2
order by
  "n"."imei" collate "C"
limit
  $3;

-- fleetRepo.seenWithImeiPrefix (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "3548090"
-- $3 = "3548090:"
-- $4 = 9
select
  "s"."id",
  "s"."iccid",
  "s"."imsi",
  "s"."msisdn",
  "s"."state",
  "s"."account_id",
  "n"."imei"
from
  "sim_network_state" as "n"
  inner join (
    select
      "sims".*
    from
      "sims"
    where
      "sims"."account_id" in (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $1
      )
  ) as "s" on "s"."id" = "n"."sim_id"
where
  "n"."imei" collate "C" >= $2
  and "n"."imei" collate "C" < $3
order by
  "n"."imei" collate "C"
limit
  $4;

-- fleetRepo.simIdsSeenWithImei
-- $1 = "354809000000010"
-- $2 = 50
select
  "sim_id"
from
  "sim_network_state"
where
  "imei" = $1
limit
  $2;
