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
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
-- $5 = "TEST_READY"
-- $6 = "0190a8a0-0000-7000-8000-000000000004"
-- $7 = "0190a8a0-0000-7000-8000-000000000005"
-- $8 = "TEST_READY"
-- $9 = "2026-12-01T00:00:00.000Z"
-- $10 = "2026-12-01T00:00:00.000Z"
-- $11 = "0190a8a0-0000-7000-8000-000000000002"
-- $12 = "01a22ee6b000"
-- $13 = "0190a8a0-0000-7000-8000-000000000003"
-- $14 = "onboarding CTR-1"
-- $15 = "2026-12-01T00:00:00.000Z"
-- $16 = "0190a8a0-0000-7000-8000-000000000007"
-- $17 = "Ops"
-- $18 = "0190a8a0-0000-7000-8000-000000000006"
-- $19 = "2026-12-01T00:00:00.000Z"
-- $20 = "0190a8a0-0000-7000-8000-000000000006"
-- $21 = "0190a8a0-0000-7000-8000-000000000003"
-- $22 = "0190a8a0-0000-7000-8000-000000000003"
-- $23 = "TEST_READY"
-- $24 = "TEST_READY"
-- $25 = "0190a8a0-0000-7000-8000-000000000004"
-- $26 = "0190a8a0-0000-7000-8000-000000000004"
-- $27 = "0190a8a0-0000-7000-8000-000000000005"
-- $28 = "0190a8a0-0000-7000-8000-000000000005"
-- $29 = "0190a8a0-0000-7000-8000-000000000003"
-- $30 = "0190a8a0-0000-7000-8000-000000000003"
-- $31 = "0190a8a0-0000-7000-8000-000000000003"
-- $32 = "TEST_READY"
-- $33 = "TEST_READY"
-- $34 = "TEST_READY"
-- $35 = "0190a8a0-0000-7000-8000-000000000004"
-- $36 = "0190a8a0-0000-7000-8000-000000000004"
-- $37 = "Collar LTE-M"
-- $38 = "0190a8a0-0000-7000-8000-000000000005"
-- $39 = "0190a8a0-0000-7000-8000-000000000005"
-- $40 = "Tracker 10MB Flex"
with
  picked as (
    select
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id
    from
      unnest($1::text[], $2::text[]) as r (lo, hi)
      join sims s on s.iccid >= r.lo
      and s.iccid <= r.hi
      and length(s.iccid) = length(r.lo)
    where
      s.account_id = $3::uuid
      and s.state in ('INVENTORY', 'TEST_READY')
  ),
  moved as (
    update sims s
    set
      account_id = $4::uuid,
      state = $5,
      communication_plan_id = $6::uuid,
      rate_plan_id = $7::uuid,
      date_activated = case
        when $8 = 'ACTIVATED' then coalesce(s.date_activated, $9::timestamptz)
        else s.date_activated
      end,
      updated_at = $10::timestamptz
    from
      picked p
      -- Checked again on the row being updated: a SIM taken from stock meanwhile is left alone.
    where
      s.id = p.id
      and s.account_id = $11::uuid
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
        changes,
        reason,
        effective_date,
        actor_user_id,
        actor_name,
        job_id,
        created_at
      )
    select
      (
        $12 || '7' || substr(h.h, 1, 3) || '8' || substr(h.h, 4, 15)
      )::uuid,
      mv.id,
      $13::uuid,
      f.fields,
      f.changes,
      $14,
      $15::timestamptz,
      $16::uuid,
      $17,
      $18::uuid,
      $19::timestamptz
    from
      moved mv
      cross join lateral (
        select
          md5($20 || mv.id::text) as h
      ) h
      cross join lateral (
        select
          concat_ws(
            ',',
            case
              when (
                $21::uuid is not null
                and mv.prior_account is distinct from $22::uuid
              ) then 'account'
            end,
            case
              when (
                $23::text is not null
                and mv.prior_state is distinct from $24::text
              ) then 'state'
            end,
            case
              when (
                $25::uuid is not null
                and mv.prior_comm is distinct from $26::uuid
              ) then 'communicationPlan'
            end,
            case
              when (
                $27::uuid is not null
                and mv.prior_rate is distinct from $28::uuid
              ) then 'ratePlan'
            end
          ) as fields,
          jsonb_strip_nulls(
            jsonb_build_object(
              'account',
              case
                when (
                  $29::uuid is not null
                  and mv.prior_account is distinct from $30::uuid
                ) then jsonb_build_object('from', mv.prior_account, 'to', $31::text)
              end,
              'state',
              case
                when (
                  $32::text is not null
                  and mv.prior_state is distinct from $33::text
                ) then jsonb_build_object('from', mv.prior_state, 'to', $34::text)
              end,
              'communicationPlan',
              case
                when (
                  $35::uuid is not null
                  and mv.prior_comm is distinct from $36::uuid
                ) then jsonb_build_object('from', mv.prior_comm, 'to', $37::text)
              end,
              'ratePlan',
              case
                when (
                  $38::uuid is not null
                  and mv.prior_rate is distinct from $39::uuid
                ) then jsonb_build_object('from', mv.prior_rate, 'to', $40::text)
              end
            )
          ) as changes
      ) f
    where
      f.fields <> ''
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
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id,
      s.iccid
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
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id,
      s.iccid
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
      p.iccid
      order by
        p.iccid
    )
  ) [1:3] as examples
from
  picked p;

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
-- $28 = "01a22ee6b000"
-- $29 = "onboarding CTR-1"
-- $30 = "2026-12-01T00:00:00.000Z"
-- $31 = "0190a8a0-0000-7000-8000-000000000007"
-- $32 = "Ops"
-- $33 = "0190a8a0-0000-7000-8000-000000000006"
-- $34 = "2026-12-01T00:00:00.000Z"
-- $35 = "0190a8a0-0000-7000-8000-000000000006"
-- $36 = "0190a8a0-0000-7000-8000-000000000002"
-- $37 = "0190a8a0-0000-7000-8000-000000000002"
-- $38 = null
-- $39 = null
-- $40 = null
-- $41 = null
-- $42 = "0190a8a0-0000-7000-8000-000000000005"
-- $43 = "0190a8a0-0000-7000-8000-000000000005"
-- $44 = "0190a8a0-0000-7000-8000-000000000002"
-- $45 = "0190a8a0-0000-7000-8000-000000000002"
-- $46 = "0190a8a0-0000-7000-8000-000000000002"
-- $47 = null
-- $48 = null
-- $49 = null
-- $50 = null
-- $51 = null
-- $52 = null
-- $53 = "0190a8a0-0000-7000-8000-000000000005"
-- $54 = "0190a8a0-0000-7000-8000-000000000005"
-- $55 = "Tracker 10MB Flex"
with
  picked as (
    select
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id,
      s.iccid
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
      s.id,
      s.account_id,
      s.state,
      s.communication_plan_id,
      s.rate_plan_id,
      s.iccid
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
  moved as (
    update sims s
    set
      account_id = coalesce($22::uuid, s.account_id),
      state = coalesce($23::text, s.state),
      communication_plan_id = coalesce($24::uuid, s.communication_plan_id),
      rate_plan_id = coalesce($25::uuid, s.rate_plan_id),
      updated_at = $26::timestamptz
    from
      picked p
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
        changes,
        reason,
        effective_date,
        actor_user_id,
        actor_name,
        job_id,
        created_at
      )
    select
      (
        $28 || '7' || substr(h.h, 1, 3) || '8' || substr(h.h, 4, 15)
      )::uuid,
      mv.id,
      mv.new_account,
      f.fields,
      f.changes,
      $29,
      $30::timestamptz,
      $31::uuid,
      $32,
      $33::uuid,
      $34::timestamptz
    from
      moved mv
      cross join lateral (
        select
          md5($35 || mv.id::text) as h
      ) h
      cross join lateral (
        select
          concat_ws(
            ',',
            case
              when (
                $36::uuid is not null
                and mv.prior_account is distinct from $37::uuid
              ) then 'account'
            end,
            case
              when (
                $38::text is not null
                and mv.prior_state is distinct from $39::text
              ) then 'state'
            end,
            case
              when (
                $40::uuid is not null
                and mv.prior_comm is distinct from $41::uuid
              ) then 'communicationPlan'
            end,
            case
              when (
                $42::uuid is not null
                and mv.prior_rate is distinct from $43::uuid
              ) then 'ratePlan'
            end
          ) as fields,
          jsonb_strip_nulls(
            jsonb_build_object(
              'account',
              case
                when (
                  $44::uuid is not null
                  and mv.prior_account is distinct from $45::uuid
                ) then jsonb_build_object('from', mv.prior_account, 'to', $46::text)
              end,
              'state',
              case
                when (
                  $47::text is not null
                  and mv.prior_state is distinct from $48::text
                ) then jsonb_build_object('from', mv.prior_state, 'to', $49::text)
              end,
              'communicationPlan',
              case
                when (
                  $50::uuid is not null
                  and mv.prior_comm is distinct from $51::uuid
                ) then jsonb_build_object('from', mv.prior_comm, 'to', $52::text)
              end,
              'ratePlan',
              case
                when (
                  $53::uuid is not null
                  and mv.prior_rate is distinct from $54::uuid
                ) then jsonb_build_object('from', mv.prior_rate, 'to', $55::text)
              end
            )
          ) as changes
      ) f
    where
      f.fields <> ''
  )
select
  count(*)::int as moved
from
  moved;
