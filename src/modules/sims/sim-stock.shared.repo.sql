-- The SQL of src/modules/sims/sim-stock.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simStockRepo.countRanges
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $3 = ["0.0"]
-- $4 = ["89440000000000000001"]
-- $5 = ["89440000000000099998"]
select
  r.key,
  count(s.id) filter (
    where
      s.account_id = $1::uuid
      and s.state in ('INVENTORY', 'TEST_READY')
  )::int as in_stock,
  count(s.id) filter (
    where
      s.account_id = any ($2::uuid[])
  )::int as held
from
  unnest($3::text[], $4::text[], $5::text[]) as r (key, lo, hi)
  left join sims s on s.iccid >= r.lo
  and s.iccid <= r.hi
  and length(s.iccid) = length(r.lo)
group by
  r.key;

-- simStockRepo.countList
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $5 = ["89440000000000000001"]
select
  count(s.id) filter (
    where
      s.account_id = $1::uuid
      and s.state in ('INVENTORY', 'TEST_READY')
  )::int as in_stock,
  count(s.id) filter (
    where
      s.account_id = any ($2::uuid[])
  )::int as held,
  (
    array_agg(
      l.iccid
      order by
        l.iccid
    ) filter (
      where
        s.id is null
        or not (
          (
            s.account_id = $3::uuid
            and s.state in ('INVENTORY', 'TEST_READY')
          )
          or s.account_id = any ($4::uuid[])
        )
    )
  ) [1:5] as missing
from
  (
    select distinct
      iccid
    from
      unnest($5::text[]) as u (iccid)
  ) l
  left join sims s on s.iccid = l.iccid;

-- simStockRepo.countStock
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  count(*)::int as n
from
  sims
where
  account_id = $1::uuid
  and state in ('INVENTORY', 'TEST_READY');

-- simStockRepo.assign
-- $1 = ["89440000000000000001"]
-- $2 = ["89440000000000099998"]
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = []
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "0190a8a0-0000-7000-8000-000000000003"
-- $7 = "TEST_READY"
-- $8 = "0190a8a0-0000-7000-8000-000000000004"
-- $9 = "0190a8a0-0000-7000-8000-000000000005"
-- $10 = "TEST_READY"
-- $11 = "2026-12-01T00:00:00.000Z"
-- $12 = "2026-12-01T00:00:00.000Z"
-- $13 = "0190a8a0-0000-7000-8000-000000000002"
-- $14 = 1796083200000
-- $15 = 1796083200000
-- $16 = "0190a8a0-0000-7000-8000-000000000003"
-- $17 = "onboarding CTR-1"
-- $18 = "2026-12-01T00:00:00.000Z"
-- $19 = "0190a8a0-0000-7000-8000-000000000007"
-- $20 = "Ops"
-- $21 = "0190a8a0-0000-7000-8000-000000000006"
-- $22 = "2026-12-01T00:00:00.000Z"
-- $23 = "0190a8a0-0000-7000-8000-000000000003"
-- $24 = "TEST_READY"
-- $25 = "Collar LTE-M"
-- $26 = "Tracker 10MB Flex"
-- $27 = "0190a8a0-0000-7000-8000-000000000006"
with
  picked as (
    select
      s.id
    from
      unnest($1::text[], $2::text[]) as r (lo, hi)
      join sims s on s.iccid >= r.lo
      and s.iccid <= r.hi
      and length(s.iccid) = length(r.lo)
    where
      s.account_id = $3::uuid
      and s.state in ('INVENTORY', 'TEST_READY')
    union
    select
      s.id
    from
      sims s
    where
      s.iccid = any ($4::text[])
      and s.account_id = $5::uuid
      and s.state in ('INVENTORY', 'TEST_READY')
  ),
  prior as (
    select
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id
    from
      sims s
      join picked p on p.id = s.id
  ),
  moved as (
    update sims s
    set
      account_id = $6::uuid,
      state = $7,
      communication_plan_id = $8::uuid,
      rate_plan_id = $9::uuid,
      date_activated = case
        when $10 = 'ACTIVATED' then coalesce(s.date_activated, $11::timestamptz)
        else s.date_activated
      end,
      updated_at = $12::timestamptz
    from
      prior p
      -- Checked again on the row being updated: a SIM taken from stock meanwhile is left alone.
    where
      s.id = p.id
      and s.account_id = $13::uuid
      and s.state in ('INVENTORY', 'TEST_READY')
    returning
      s.id,
      p.account_id as prior_account,
      p.state as prior_state,
      p.communication_plan_id as prior_comm,
      p.rate_plan_id as prior_rate
  ),
  audited as (
    insert into
      sim_audit (
        id,
        sim_id,
        account_id,
        field,
        prior_value,
        value,
        reason,
        effective_date,
        actor_user_id,
        actor_name,
        job_id,
        created_at
      )
    select
      (
        substr(lpad(to_hex($14::bigint), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex($15::bigint), 12, '0'), 9, 4) || '-7' || substr(h.h, 1, 3) || '-' || substr(
          '89ab',
          (('x' || substr(h.h, 4, 1))::bit(4)::int % 4) + 1,
          1
        ) || substr(h.h, 5, 3) || '-' || substr(h.h, 8, 12)
      )::uuid,
      m.id,
      $16::uuid,
      v.field,
      v.prior,
      v.value,
      $17,
      $18::timestamptz,
      $19::uuid,
      $20,
      $21::uuid,
      $22::timestamptz
    from
      moved m
      cross join lateral (
        values
          ('account', m.prior_account::text, $23::text),
          ('state', m.prior_state, $24::text),
          (
            'communicationPlan',
            m.prior_comm::text,
            $25::text
          ),
          ('ratePlan', m.prior_rate::text, $26::text)
      ) as v (field, prior, value)
      cross join lateral (
        select
          md5($27 || m.id::text || v.field) as h
      ) h
    where
      v.prior is distinct from v.value
  )
select
  count(*)::int as moved
from
  moved;

-- simStockRepo.countToMove
-- $1 = ["89440000000000000001"]
-- $2 = ["89440000000000099998"]
-- $3 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = null
-- $7 = null
-- $8 = null
-- $9 = null
-- $10 = null
-- $11 = null
-- $12 = ["89440000000000000001"]
-- $13 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $14 = "0190a8a0-0000-7000-8000-000000000002"
-- $15 = "0190a8a0-0000-7000-8000-000000000002"
-- $16 = null
-- $17 = null
-- $18 = null
-- $19 = null
-- $20 = null
-- $21 = null
with
  picked as (
    select
      s.id
    from
      unnest($1::text[], $2::text[]) as r (lo, hi)
      join sims s on s.iccid >= r.lo
      and s.iccid <= r.hi
      and length(s.iccid) = length(r.lo)
    where
      s.account_id = any ($3::uuid[])
      and (
        (
          $4::uuid is not null
          and s.account_id is distinct from $5::uuid
        )
        or (
          $6::text is not null
          and s.state is distinct from $7::text
        )
        or (
          $8::uuid is not null
          and s.communication_plan_id is distinct from $9::uuid
        )
        or (
          $10::uuid is not null
          and s.rate_plan_id is distinct from $11::uuid
        )
      )
    union
    select
      s.id
    from
      sims s
    where
      s.iccid = any ($12::text[])
      and s.account_id = any ($13::uuid[])
      and (
        (
          $14::uuid is not null
          and s.account_id is distinct from $15::uuid
        )
        or (
          $16::text is not null
          and s.state is distinct from $17::text
        )
        or (
          $18::uuid is not null
          and s.communication_plan_id is distinct from $19::uuid
        )
        or (
          $20::uuid is not null
          and s.rate_plan_id is distinct from $21::uuid
        )
      )
  )
select
  count(*)::int as n,
  (
    array_agg(
      s.iccid
      order by
        s.iccid
    )
  ) [1:3] as examples
from
  sims s
  join picked p on p.id = s.id;

-- simStockRepo.move
-- $1 = ["89440000000000000001"]
-- $2 = ["89440000000000099998"]
-- $3 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = null
-- $7 = null
-- $8 = null
-- $9 = null
-- $10 = "0190a8a0-0000-7000-8000-000000000005"
-- $11 = "0190a8a0-0000-7000-8000-000000000005"
-- $12 = []
-- $13 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $14 = "0190a8a0-0000-7000-8000-000000000002"
-- $15 = "0190a8a0-0000-7000-8000-000000000002"
-- $16 = null
-- $17 = null
-- $18 = null
-- $19 = null
-- $20 = "0190a8a0-0000-7000-8000-000000000005"
-- $21 = "0190a8a0-0000-7000-8000-000000000005"
-- $22 = "0190a8a0-0000-7000-8000-000000000002"
-- $23 = null
-- $24 = null
-- $25 = "0190a8a0-0000-7000-8000-000000000005"
-- $26 = "2026-12-01T00:00:00.000Z"
-- $27 = ["0190a8a0-0000-7000-8000-000000000003"]
-- $28 = 1796083200000
-- $29 = 1796083200000
-- $30 = "onboarding CTR-1"
-- $31 = "2026-12-01T00:00:00.000Z"
-- $32 = "0190a8a0-0000-7000-8000-000000000007"
-- $33 = "Ops"
-- $34 = "0190a8a0-0000-7000-8000-000000000006"
-- $35 = "2026-12-01T00:00:00.000Z"
-- $36 = "0190a8a0-0000-7000-8000-000000000002"
-- $37 = null
-- $38 = null
-- $39 = "Tracker 10MB Flex"
-- $40 = "0190a8a0-0000-7000-8000-000000000006"
with
  picked as (
    select
      s.id
    from
      unnest($1::text[], $2::text[]) as r (lo, hi)
      join sims s on s.iccid >= r.lo
      and s.iccid <= r.hi
      and length(s.iccid) = length(r.lo)
    where
      s.account_id = any ($3::uuid[])
      and (
        (
          $4::uuid is not null
          and s.account_id is distinct from $5::uuid
        )
        or (
          $6::text is not null
          and s.state is distinct from $7::text
        )
        or (
          $8::uuid is not null
          and s.communication_plan_id is distinct from $9::uuid
        )
        or (
          $10::uuid is not null
          and s.rate_plan_id is distinct from $11::uuid
        )
      )
    union
    select
      s.id
    from
      sims s
    where
      s.iccid = any ($12::text[])
      and s.account_id = any ($13::uuid[])
      and (
        (
          $14::uuid is not null
          and s.account_id is distinct from $15::uuid
        )
        or (
          $16::text is not null
          and s.state is distinct from $17::text
        )
        or (
          $18::uuid is not null
          and s.communication_plan_id is distinct from $19::uuid
        )
        or (
          $20::uuid is not null
          and s.rate_plan_id is distinct from $21::uuid
        )
      )
  ),
  prior as (
    select
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id
    from
      sims s
      join picked p on p.id = s.id
  ),
  moved as (
    update sims s
    set
      account_id = coalesce($22::uuid, s.account_id),
      state = coalesce($23::text, s.state),
      communication_plan_id = coalesce($24::uuid, s.communication_plan_id),
      rate_plan_id = coalesce($25::uuid, s.rate_plan_id),
      updated_at = $26::timestamptz
    from
      prior p
    where
      s.id = p.id
      and s.account_id = any ($27::uuid[])
    returning
      s.id,
      s.account_id as new_account,
      p.account_id as prior_account,
      p.state as prior_state,
      p.communication_plan_id as prior_comm,
      p.rate_plan_id as prior_rate
  ),
  audited as (
    insert into
      sim_audit (
        id,
        sim_id,
        account_id,
        field,
        prior_value,
        value,
        reason,
        effective_date,
        actor_user_id,
        actor_name,
        job_id,
        created_at
      )
    select
      (
        substr(lpad(to_hex($28::bigint), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex($29::bigint), 12, '0'), 9, 4) || '-7' || substr(h.h, 1, 3) || '-' || substr(
          '89ab',
          (('x' || substr(h.h, 4, 1))::bit(4)::int % 4) + 1,
          1
        ) || substr(h.h, 5, 3) || '-' || substr(h.h, 8, 12)
      )::uuid,
      mv.id,
      mv.new_account,
      v.field,
      v.prior,
      v.value,
      $30,
      $31::timestamptz,
      $32::uuid,
      $33,
      $34::uuid,
      $35::timestamptz
    from
      moved mv
      cross join lateral (
        values
          ('account', mv.prior_account::text, $36::text),
          ('state', mv.prior_state, $37::text),
          (
            'communicationPlan',
            mv.prior_comm::text,
            $38::text
          ),
          ('ratePlan', mv.prior_rate::text, $39::text)
      ) as v (field, prior, value)
      cross join lateral (
        select
          md5($40 || mv.id::text || v.field) as h
      ) h
    where
      v.value is not null
      and v.prior is distinct from v.value
  )
select
  count(*)::int as moved
from
  moved;
