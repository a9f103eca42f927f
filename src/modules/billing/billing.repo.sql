-- The SQL of src/modules/billing/billing.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- billingRepo.findProfile
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  *
from
  "billing_profiles"
where
  "account_id" = $1;

-- billingRepo.upsertProfile
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "calendar"
-- $3 = 1
-- $4 = "IT"
-- $5 = "Accounts payable"
-- $6 = "ap@customer.example"
-- $7 = false
-- $8 = "2026-12-01T00:00:00.000Z"
-- $9 = "2026-12-01T00:00:00.000Z"
insert into
  "billing_profiles" (
    "account_id",
    "cycle",
    "anchor_day",
    "country",
    "contact_name",
    "contact_email",
    "per_sub_account",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict ("account_id") do update
set
  "cycle" = "excluded"."cycle",
  "anchor_day" = "excluded"."anchor_day",
  "country" = "excluded"."country",
  "contact_name" = "excluded"."contact_name",
  "contact_email" = "excluded"."contact_email",
  "per_sub_account" = "excluded"."per_sub_account",
  "updated_at" = "excluded"."updated_at";

-- billingRepo.findInvoice
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  *
from
  "invoices"
where
  "id" = $1;

-- billingRepo.invoicesNumbered
-- $1 = "INV-000042"
-- $2 = "CN-000007"
select
  "id",
  "number_text",
  "account_id"
from
  "invoices"
where
  "number_text" in ($1, $2);

-- billingRepo.lockInvoice
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  *
from
  "invoices"
where
  "id" = $1
for update;

-- billingRepo.invoiceForCycle
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "2026-11-01"
-- $3 = "invoice"
select
  *
from
  "invoices"
where
  "account_id" = $1
  and "cycle_start" = $2
  and "kind" = $3;

-- billingRepo.listVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = 51
-- $3 = 0
select
  *
from
  "invoices"
where
  "invoices"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "cycle_start" desc,
  "created_at" desc,
  "id"
limit
  $2
offset
  $3;

-- billingRepo.listVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $3 = "issued"
-- $4 = 51
-- $5 = 50
select
  *
from
  "invoices"
where
  "invoices"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "invoices"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
  and "status" = $3
order by
  "cycle_start" desc,
  "created_at" desc,
  "id"
limit
  $4
offset
  $5;

-- billingRepo.creditNotesOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  *
from
  "invoices"
where
  "credited_invoice_id" = $1
order by
  "number";

-- billingRepo.deleteDraft
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
delete from "invoice_late_usage"
where
  "invoice_id" = $1;
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
delete from "invoice_sim_usage"
where
  "invoice_id" = $1;
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
delete from "invoice_sims"
where
  "invoice_id" = $1;
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
delete from "invoice_lines"
where
  "invoice_id" = $1;
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "draft"
delete from "invoices"
where
  "id" = $1
  and "status" = $2;

-- billingRepo.insertInvoice
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = "invoice"
-- $5 = "draft"
-- $6 = "2026-11-01"
-- $7 = "2026-12-01"
-- $8 = "EUR"
-- $9 = "Europe/Rome"
-- $10 = "{\"legalName\":\"Savannah Wildlife Trust\"}"
-- $11 = "0.00"
-- $12 = "22"
-- $13 = "0.00"
-- $14 = "0.00"
-- $15 = false
-- $16 = "2026-12-01T00:00:00.000Z"
insert into
  "invoices" (
    "id",
    "account_id",
    "operator_account_id",
    "kind",
    "status",
    "cycle_start",
    "cycle_end",
    "currency",
    "time_zone",
    "customer",
    "subtotal",
    "vat_rate",
    "vat_amount",
    "total",
    "reverse_charge",
    "created_at"
  )
values
  (
    $1,
    $2,
    $3,
    $4,
    $5,
    $6,
    $7,
    $8,
    $9,
    $10,
    $11,
    $12,
    $13,
    $14,
    $15,
    $16
  );

-- billingRepo.updateTotals
-- $1 = "3.25"
-- $2 = "0.72"
-- $3 = "3.97"
-- $4 = "[]"
-- $5 = "[]"
-- $6 = "0190a8a0-0000-7000-8000-000000000010"
update "invoices"
set
  "subtotal" = $1,
  "vat_amount" = $2,
  "total" = $3,
  "flags" = $4,
  "notes" = $5
where
  "id" = $6;

-- billingRepo.insertLines
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = 1
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = "subscription"
-- $5 = "Tracker 10MB Flex: monthly fees"
-- $6 = "0190a8a0-0000-7000-8000-000000000002"
-- $7 = 1
-- $8 = null
-- $9 = "2.166667"
-- $10 = "SIM-month"
-- $11 = "1.5"
-- $12 = "3.25"
-- $13 = "{\"parts\":[]}"
insert into
  "invoice_lines" (
    "invoice_id",
    "n",
    "account_id",
    "kind",
    "description",
    "rate_plan_id",
    "plan_version",
    "zone_id",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "explanation"
  )
values
  (
    $1,
    $2,
    $3,
    $4,
    $5,
    $6,
    $7,
    $8,
    $9,
    $10,
    $11,
    $12,
    $13
  );

-- billingRepo.linesOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  *
from
  "invoice_lines"
where
  "invoice_id" = $1
order by
  "n";

-- billingRepo.lineOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = 1
select
  *
from
  "invoice_lines"
where
  "invoice_id" = $1
  and "n" = $2;

-- billingRepo.nextNumber
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "INV"
-- $3 = 1
insert into
  "invoice_counters" ("operator_account_id", "series", "last_number")
values
  ($1, $2, $3)
on conflict ("operator_account_id", "series") do update
set
  "last_number" = invoice_counters.last_number + 1
returning
  "last_number";
-- stopped without a row to go on: no result

-- billingRepo.markIssued
-- $1 = "issued"
-- $2 = 42
-- $3 = "INV-000042"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000003"
-- $6 = "{}"
-- $7 = "0190a8a0-0000-7000-8000-000000000010"
-- $8 = "draft"
update "invoices"
set
  "status" = $1,
  "number" = $2,
  "number_text" = $3,
  "issued_at" = $4,
  "issued_by" = $5,
  "customer" = $6
where
  "id" = $7
  and "status" = $8;

-- billingRepo.stageSegments
select
  set_config('work_mem', '1GB', true);
drop table if exists billing_run_segments;
drop table if exists billing_run_accounts;
create temp table billing_run_segments (
  invoice_id uuid not null,
  cycle_start date not null,
  cycle_end date not null,
  sim_id uuid not null,
  account_id uuid not null,
  iccid text not null,
  rate_plan_id uuid not null,
  activated_on date,
  from_day date not null,
  to_day date not null,
  state text not null,
  first boolean not null,
  pfrom date not null,
  pto date not null,
  pspan integer not null,
  over_zone uuid,
  over_allowance bigint
) on
commit
drop;
create temp table billing_run_accounts (
  invoice_id uuid not null,
  account_id uuid not null
) on
commit
drop;
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "2026-11-01"
-- $3 = "2026-12-01"
-- $4 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $5 = "Europe/Rome"
-- $6 = "Europe/Rome"
-- $7 = "Europe/Rome"
-- $8 = "Europe/Rome"
-- $9 = "Europe/Rome"
-- $10 = "2026-11-01"
-- $11 = "2026-12-01"
-- $12 = "Europe/Rome"
-- $13 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $14 = "2026-12-01"
-- $15 = "2026-11-01"
-- $16 = "2026-12-01"
-- $17 = "2026-12-01"
-- $18 = "2026-11-01"
-- $19 = "2026-12-01"
-- $20 = "2026-11-01"
insert into
  billing_run_segments
select
  $1::uuid,
  $2::date,
  $3::date,
  seg.sim_id,
  seg.account_id,
  seg.iccid,
  seg.rate_plan_id,
  seg.activated_on,
  seg.from_day,
  seg.to_day,
  seg.state,
  seg.first,
  seg.pfrom,
  seg.pto,
  seg.pspan
from
  (
    with
      seg0 as (
        with
          scoped as (
            select
              s.id,
              s.account_id,
              s.iccid,
              s.rate_plan_id,
              s.state,
              s.created_at,
              s.date_activated
            from
              sims s
            where
              s.rate_plan_id is not null
              and s.account_id in (
                (
                  select
                    "account_scope"."account_id"
                  from
                    "account_scope"
                  where
                    "account_scope"."path" like $4
                )
              )
          ),
          changes as (
            select
              a.sim_id,
              (a.effective_date AT TIME ZONE $5)::date as day,
              a.value,
              a.prior_value,
              row_number() over w as k,
              lead((a.effective_date AT TIME ZONE $6)::date) over w as next_day
            from
              sim_audit a
              join scoped on scoped.id = a.sim_id
            where
              a.field = 'state'
            window
              w as (
                partition by
                  a.sim_id
                order by
                  a.effective_date,
                  a.id
              )
          )
        select
          s.id as sim_id,
          s.account_id,
          s.iccid,
          s.rate_plan_id,
          (s.date_activated AT TIME ZONE $7)::date as activated_on,
          (s.created_at AT TIME ZONE $8)::date as from_day,
          coalesce(c.day, 'infinity'::date) as to_day,
          coalesce(c.prior_value, s.state) as state,
          true as first
        from
          scoped s
          left join changes c on c.sim_id = s.id
          and c.k = 1
        union all
        select
          s.id,
          s.account_id,
          s.iccid,
          s.rate_plan_id,
          (s.date_activated AT TIME ZONE $9)::date,
          c.day,
          coalesce(c.next_day, 'infinity'::date),
          c.value,
          false
        from
          changes c
          join scoped s on s.id = c.sim_id
      ),
      ch as (
        select
          c.sim_id,
          c.at,
          c.id,
          c.day,
          (
            select
              r.rate_plan_id
            from
              (
                select
                  v.rate_plan_id,
                  p.name,
                  v.version,
                  v.effective_from,
                  coalesce(v.terms ->> 'planChange', 'nextCycle') as plan_change
                from
                  rate_plan_versions v
                  join rate_plans p on p.id = v.rate_plan_id
              ) r
            where
              r.rate_plan_id::text = c.prior_ref
              or r.name = c.prior_ref
            limit
              1
          ) as prior_plan,
          n.rate_plan_id as new_plan,
          case
            when c.prior_ref is null
            or n.plan_change = 'immediate'
            or c.day < $10::date then c.day
            else $11::date
          end as eff
        from
          (
            select
              a.sim_id,
              a.effective_date as at,
              a.id,
              (a.effective_date AT TIME ZONE $12)::date as day,
              coalesce(a.prior_value, a.changes -> 'ratePlan' ->> 'from') as prior_ref,
              coalesce(a.value, a.changes -> 'ratePlan' ->> 'to') as new_ref
            from
              sim_audit a
            where
              (
                a.field = 'ratePlan'
                or a.changes ? 'ratePlan'
              )
              and a.sim_id in (
                select
                  s.id
                from
                  sims s
                where
                  s.rate_plan_id is not null
                  and s.account_id in (
                    (
                      select
                        "account_scope"."account_id"
                      from
                        "account_scope"
                      where
                        "account_scope"."path" like $13
                    )
                  )
              )
          ) c
          left join lateral (
            select
              r.rate_plan_id,
              r.plan_change
            from
              (
                select
                  v.rate_plan_id,
                  p.name,
                  v.version,
                  v.effective_from,
                  coalesce(v.terms ->> 'planChange', 'nextCycle') as plan_change
                from
                  rate_plan_versions v
                  join rate_plans p on p.id = v.rate_plan_id
              ) r
            where
              r.rate_plan_id::text = c.new_ref
              or r.name = c.new_ref
            order by
              (r.effective_from <= c.at) desc,
              r.version desc
            limit
              1
          ) n on true
        where
          c.day < $14::date
      ),
      pts as (
        select distinct
          sim_id,
          '-infinity'::date as p
        from
          ch
        union
        select distinct
          sim_id,
          greatest(eff, $15::date)
        from
          ch
        where
          eff < $16::date
      ),
      pseg0 as (
        select
          pts.sim_id,
          pts.p as pfrom,
          coalesce(
            lead(pts.p) over (
              partition by
                pts.sim_id
              order by
                pts.p
            ),
            'infinity'::date
          ) as pto,
          coalesce(
            (
              select
                ch.new_plan
              from
                ch
              where
                ch.sim_id = pts.sim_id
                and ch.eff <= pts.p
              order by
                ch.at desc,
                ch.id desc
              limit
                1
            ),
            (
              select
                ch.prior_plan
              from
                ch
              where
                ch.sim_id = pts.sim_id
              order by
                ch.at,
                ch.id
              limit
                1
            )
          ) as rate_plan_id
        from
          pts
      ),
      pseg as (
        select
          *,
          sum(
            greatest(
              0,
              least(pto, $17::date) - greatest(pfrom, $18::date)
            )
          ) over (
            partition by
              sim_id,
              rate_plan_id
          ) as pspan
        from
          pseg0
      )
    select
      s.sim_id,
      s.account_id,
      s.iccid,
      s.rate_plan_id,
      s.activated_on,
      s.from_day,
      s.to_day,
      s.state,
      s.first,
      '-infinity'::date as pfrom,
      'infinity'::date as pto,
      ($19::date - $20::date) as pspan
    from
      seg0 s
    where
      not exists (
        select
          1
        from
          ch
        where
          ch.sim_id = s.sim_id
      )
    union all
    select
      s.sim_id,
      s.account_id,
      s.iccid,
      ps.rate_plan_id,
      s.activated_on,
      greatest(s.from_day, ps.pfrom),
      least(s.to_day, ps.pto),
      s.state,
      s.first
      and ps.pfrom = '-infinity'::date,
      ps.pfrom,
      ps.pto,
      ps.pspan
    from
      seg0 s
      join pseg ps on ps.sim_id = s.sim_id
      and ps.rate_plan_id is not null
      and ps.pto > s.from_day
      and (
        ps.pfrom < s.to_day
        or (
          s.to_day <= s.from_day
          and ps.pfrom <= s.from_day
        )
      )
  ) seg;
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
insert into
  billing_run_accounts
select
  $1::uuid,
  a.account_id
from
  (
    (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $2
    )
  ) a;
analyze billing_run_segments;
analyze billing_run_accounts;

-- billingRepo.rateSimFacts
-- $1 = ["0190a8a0-0000-7000-8000-000000000010"]
-- $2 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $3 = [1]
-- $4 = ["2026-11-01"]
-- $5 = ["2026-12-01"]
-- $6 = ["ACTIVATED"]
with
  ver as (
    select
      *
    from
      unnest(
        $1::uuid[],
        $2::uuid[],
        $3::int[],
        $4::date[],
        $5::date[]
      ) as t (
        invoice_id,
        rate_plan_id,
        version,
        from_day,
        to_day
      )
  ),
  clip as (
    select
      s.invoice_id,
      s.sim_id,
      s.account_id,
      s.iccid,
      s.rate_plan_id,
      s.activated_on,
      s.pfrom,
      s.pto,
      s.cycle_start,
      s.cycle_end,
      greatest(s.from_day, s.cycle_start) as f,
      least(s.to_day, s.cycle_end) as t
    from
      billing_run_segments s
    where
      s.state = any ($6::text[])
  ),
  per_sim as (
    select
      invoice_id,
      sim_id,
      account_id,
      iccid,
      rate_plan_id,
      cycle_start,
      cycle_end,
      min(activated_on) filter (
        where
          activated_on >= pfrom
          and activated_on < pto
      ) as activated_on,
      sum(greatest(0, t - f)) as billable_days,
      min(f) filter (
        where
          t > f
      ) as first_day,
      least(max(pto), cycle_end) as plan_to
    from
      clip
    group by
      invoice_id,
      sim_id,
      account_id,
      iccid,
      rate_plan_id,
      cycle_start,
      cycle_end
  ),
  ins as (
    insert into
      invoice_sims (
        invoice_id,
        sim_id,
        account_id,
        iccid,
        rate_plan_id,
        billable_days,
        contribution_days,
        activated_on
      )
    select
      invoice_id,
      sim_id,
      account_id,
      iccid,
      rate_plan_id,
      billable_days,
      plan_to - first_day,
      case
        when activated_on >= cycle_start
        and activated_on < cycle_end then activated_on
      end
    from
      per_sim
    where
      billable_days > 0
      -- In the primary key's order: the index grows at its end, not at random pages.
    order by
      invoice_id,
      sim_id
    returning
      invoice_id,
      rate_plan_id,
      contribution_days,
      activated_on
  ),
  days as (
    select
      c.invoice_id,
      c.rate_plan_id,
      v.version,
      c.sim_id,
      sum(least(c.t, v.to_day) - greatest(c.f, v.from_day)) as n
    from
      clip c
      join ver v on v.invoice_id = c.invoice_id
      and v.rate_plan_id = c.rate_plan_id
      and least(c.t, v.to_day) > greatest(c.f, v.from_day)
    group by
      c.invoice_id,
      c.rate_plan_id,
      v.version,
      c.sim_id
  )
select
  'days' as kind,
  invoice_id,
  rate_plan_id,
  version,
  sum(n)::bigint as n,
  count(*)::bigint as sims
from
  days
group by
  invoice_id,
  rate_plan_id,
  version
union all
select
  'first',
  p.invoice_id,
  p.rate_plan_id,
  v.version,
  0::bigint,
  count(*)::bigint
from
  per_sim p
  join ver v on v.invoice_id = p.invoice_id
  and v.rate_plan_id = p.rate_plan_id
  and p.first_day >= v.from_day
  and p.first_day < v.to_day
where
  p.billable_days > 0
group by
  p.invoice_id,
  p.rate_plan_id,
  v.version
union all
select
  'contrib',
  i.invoice_id,
  i.rate_plan_id,
  0,
  sum(i.contribution_days)::bigint,
  count(*)::bigint
from
  ins i
group by
  i.invoice_id,
  i.rate_plan_id
union all
select
  'act',
  i.invoice_id,
  i.rate_plan_id,
  v.version,
  0::bigint,
  count(*)::bigint
from
  ins i
  join ver v on v.invoice_id = i.invoice_id
  and v.rate_plan_id = i.rate_plan_id
  and i.activated_on >= v.from_day
  and i.activated_on < v.to_day
group by
  i.invoice_id,
  i.rate_plan_id,
  v.version;

-- billingRepo.rateUsageFacts
select
  set_config('enable_sort', 'off', true);
-- $1 = ["0190a8a0-0000-7000-8000-000000000010"]
-- $2 = ["0190a8a0-0000-7000-8000-000000000002"]
-- $3 = [30720]
-- $4 = [5]
-- $5 = "2026-11-01"
-- $6 = "2026-12-01"
with
  p as (
    select
      *
    from
      unnest(
        $1::uuid[],
        $2::uuid[],
        $3::bigint[],
        $4::bigint[]
      ) as t (invoice_id, rate_plan_id, test_bytes, test_sms)
  ),
  x as (
    select
      s.invoice_id,
      u.sim_id,
      s.account_id,
      s.rate_plan_id,
      u.zone_key,
      u.zone_id,
      (s.state = 'TEST_READY') as test,
      u.day,
      u.bytes,
      u.sms_mo,
      u.sms_mt,
      case
        when u.zone_id = s.over_zone then u.sim_id
      end as osim,
      case
        when u.zone_id = s.over_zone then u.day
      end as oday,
      case
        when u.zone_id = s.over_zone then s.over_allowance
      end as allowance
    from
      (
        select
          u.sim_id,
          u.account_id,
          u.day,
          u.zone_key,
          u.zone_id,
          u.billed_bytes as bytes,
          u.sms_mo,
          u.sms_mt
        from
          usage_daily u
        where
          u.day >= $5::date
          and u.day < $6::date
      ) u
      join billing_run_accounts a on a.account_id = u.account_id
      join billing_run_segments s on s.sim_id = u.sim_id
      and s.invoice_id = a.invoice_id
      and u.day >= s.cycle_start
      and u.day < s.cycle_end
      and u.day < s.to_day
      and (
        u.day >= s.from_day
        or s.first
      )
  ),
  g as (
    select
      GROUPING(zone_key, day, oday) as gs,
      invoice_id,
      sim_id,
      account_id,
      rate_plan_id,
      zone_key,
      zone_id,
      test,
      day,
      osim,
      oday,
      allowance,
      count(*) as n,
      sum(bytes) as bytes,
      sum(sms_mo) as sms_mo,
      sum(sms_mt) as sms_mt
    from
      x
    group by
      GROUPING SETS (
        (
          invoice_id,
          sim_id,
          account_id,
          rate_plan_id,
          zone_key,
          zone_id,
          test
        ),
        (invoice_id, rate_plan_id, day, zone_id, test),
        (invoice_id, rate_plan_id, osim, oday, allowance)
      )
  ),
  ins as (
    insert into
      invoice_sim_usage (
        invoice_id,
        sim_id,
        account_id,
        rate_plan_id,
        zone_key,
        zone_id,
        test,
        days,
        bytes,
        sms_mo,
        sms_mt
      )
    select
      invoice_id,
      sim_id,
      account_id,
      rate_plan_id,
      zone_key,
      zone_id,
      test,
      n,
      bytes,
      sms_mo,
      sms_mt
    from
      g
    where
      gs = 3
      -- In the SIM index's order: it grows at its end, and the primary key (invoice, plan,
      -- zone, test, SIM) at one end per plan and zone (docs/decisions.md, "Writing the
      -- per-SIM facts").
    order by
      invoice_id,
      sim_id
  ),
  over as (
    select
      invoice_id,
      rate_plan_id,
      oday as day,
      greatest(0, cum - allowance) - greatest(0, cum - bytes - allowance) as over
    from
      (
        select
          g.*,
          sum(g.bytes) over (
            partition by
              g.invoice_id,
              g.osim,
              g.rate_plan_id
            order by
              g.oday
          ) as cum
        from
          g
        where
          gs = 6
          and oday is not null
      ) h
  ),
  tests as (
    select
      invoice_id,
      sim_id,
      rate_plan_id,
      sum(bytes) as tb,
      sum(sms_mo + sms_mt) as ts
    from
      g
    where
      gs = 3
      and test
    group by
      invoice_id,
      sim_id,
      rate_plan_id
  )
select
  'day' as kind,
  invoice_id,
  rate_plan_id,
  day::text as day,
  zone_id,
  bytes::bigint as bytes,
  sms_mo::bigint as sms_mo,
  sms_mt::bigint as sms_mt,
  n::bigint as sims
from
  g
where
  gs = 5
  and not test
union all
select
  'over',
  invoice_id,
  rate_plan_id,
  day::text,
  null,
  sum(over)::bigint,
  0::bigint,
  0::bigint,
  count(*) filter (
    where
      over > 0
  )::bigint
from
  over
group by
  invoice_id,
  rate_plan_id,
  day
union all
select
  'test',
  t.invoice_id,
  t.rate_plan_id,
  null,
  null,
  sum(greatest(0, t.tb - p.test_bytes))::bigint,
  sum(greatest(0, t.ts - p.test_sms))::bigint,
  0::bigint,
  count(*) filter (
    where
      t.tb > p.test_bytes
      or t.ts > p.test_sms
  )::bigint
from
  tests t
  join p on p.invoice_id = t.invoice_id
  and p.rate_plan_id = t.rate_plan_id
group by
  t.invoice_id,
  t.rate_plan_id;
select
  set_config('enable_sort', 'on', true);

-- billingRepo.simsOfPlan (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = 51
select
  *
from
  "invoice_sims"
where
  "invoice_id" = $1
  and "rate_plan_id" = $2
order by
  "sim_id"
limit
  $3;

-- billingRepo.simsOfPlan (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = 51
select
  *
from
  "invoice_sims"
where
  "invoice_id" = $1
  and "rate_plan_id" = $2
  and "sim_id" > $3
order by
  "sim_id"
limit
  $4;

-- billingRepo.usageOfPlan (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = false
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = 51
select
  *
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
  and "rate_plan_id" = $2
  and "zone_key" = $3
  and "test" = $4
  and "zone_id" = $5
order by
  "sim_id"
limit
  $6;

-- billingRepo.usageOfPlan (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "unzoned"
-- $4 = true
-- $5 = "0190a8a0-0000-7000-8000-000000000003"
-- $6 = 51
select
  *
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
  and "rate_plan_id" = $2
  and "zone_key" = $3
  and "test" = $4
  and "zone_id" is null
  and "sim_id" > $5
order by
  "sim_id"
limit
  $6;

-- billingRepo.iccidsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
select
  "sim_id",
  "iccid",
  "contribution_days"
from
  "invoice_sims"
where
  "invoice_id" = $1
  and "sim_id" in ($2);

-- billingRepo.simFactsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "invoice_sims"
where
  "invoice_id" = $1
  and "sim_id" = $2;

-- billingRepo.simUsageOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
  and "sim_id" = $2
order by
  "zone_key";

-- billingRepo.plansOfChanges
-- $1 = "2026-11-01"
-- $2 = "2026-12-01"
-- $3 = "Europe/Rome"
-- $4 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $5 = "2026-12-01"
select distinct
  p as rate_plan_id
from
  (
    select
      c.sim_id,
      c.at,
      c.id,
      c.day,
      (
        select
          r.rate_plan_id
        from
          (
            select
              v.rate_plan_id,
              p.name,
              v.version,
              v.effective_from,
              coalesce(v.terms ->> 'planChange', 'nextCycle') as plan_change
            from
              rate_plan_versions v
              join rate_plans p on p.id = v.rate_plan_id
          ) r
        where
          r.rate_plan_id::text = c.prior_ref
          or r.name = c.prior_ref
        limit
          1
      ) as prior_plan,
      n.rate_plan_id as new_plan,
      case
        when c.prior_ref is null
        or n.plan_change = 'immediate'
        or c.day < $1::date then c.day
        else $2::date
      end as eff
    from
      (
        select
          a.sim_id,
          a.effective_date as at,
          a.id,
          (a.effective_date AT TIME ZONE $3)::date as day,
          coalesce(a.prior_value, a.changes -> 'ratePlan' ->> 'from') as prior_ref,
          coalesce(a.value, a.changes -> 'ratePlan' ->> 'to') as new_ref
        from
          sim_audit a
        where
          (
            a.field = 'ratePlan'
            or a.changes ? 'ratePlan'
          )
          and a.sim_id in (
            select
              s.id
            from
              sims s
            where
              s.rate_plan_id is not null
              and s.account_id in (
                (
                  select
                    "account_scope"."account_id"
                  from
                    "account_scope"
                  where
                    "account_scope"."path" like $4
                )
              )
          )
      ) c
      left join lateral (
        select
          r.rate_plan_id,
          r.plan_change
        from
          (
            select
              v.rate_plan_id,
              p.name,
              v.version,
              v.effective_from,
              coalesce(v.terms ->> 'planChange', 'nextCycle') as plan_change
            from
              rate_plan_versions v
              join rate_plans p on p.id = v.rate_plan_id
          ) r
        where
          r.rate_plan_id::text = c.new_ref
          or r.name = c.new_ref
        order by
          (r.effective_from <= c.at) desc,
          r.version desc
        limit
          1
      ) n on true
    where
      c.day < $5::date
  ) c
  cross join lateral (
    values
      (c.prior_plan),
      (c.new_plan)
  ) v (p)
where
  p is not null;

-- billingRepo.issuedBefore (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $2 = "2026-11-01"
-- $3 = 3
select
  *
from
  (
    select
      i.*,
      row_number() over (
        partition by
          i.account_id
        order by
          i.cycle_start desc
      ) as k
    from
      invoices i
    where
      i.account_id in (
        (
          select
            "account_scope"."account_id"
          from
            "account_scope"
          where
            "account_scope"."path" like $1
        )
      )
      and i.kind = 'invoice'
      and i.status = 'issued'
      and i.cycle_end <= $2::date
  ) i
where
  i.k <= $3
order by
  i.cycle_start desc,
  i.account_id;

-- billingRepo.issuedBefore (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/"
-- $2 = "2026-11-01"
-- $3 = 3
select
  *
from
  (
    select
      i.*,
      row_number() over (
        partition by
          i.account_id
        order by
          i.cycle_start desc
      ) as k
    from
      invoices i
    where
      i.account_id in (
        (
          select
            "account_scope"."account_id"
          from
            "account_scope"
          where
            "account_scope"."path" = $1
        )
      )
      and i.kind = 'invoice'
      and i.status = 'issued'
      and i.cycle_end <= $2::date
  ) i
where
  i.k <= $3
order by
  i.cycle_start desc,
  i.account_id;

-- billingRepo.invoicesOfCycle
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $2 = "2026-11-01"
-- $3 = "invoice"
select
  *
from
  "invoices"
where
  "invoices"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "cycle_start" = $2
  and "kind" = $3
order by
  "account_id";

-- billingRepo.lateLinesFor
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "issued"
select
  "l"."amount",
  "l"."explanation",
  "i"."number_text"
from
  "invoice_lines" as "l"
  inner join "invoices" as "i" on "i"."id" = "l"."invoice_id"
where
  "l"."late_for_invoice_id" = $1
  and "i"."status" = $2
order by
  "i"."number";

-- billingRepo.usageTotalsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  coalesce(sum(bytes), 0)::bigint as "bytes",
  coalesce(sum(sms_mo + sms_mt), 0)::bigint as "sms"
from
  "invoice_sim_usage"
where
  "invoice_id" = $1;
-- stopped without a row to go on: no result

-- billingRepo.usageTotalsNow (example 1)
-- $1 = "2026-10-01"
-- $2 = "2026-11-01"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
-- $4 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
select
  coalesce(sum(u.bytes), 0)::bigint as bytes,
  coalesce(sum(u.sms_mo + u.sms_mt), 0)::bigint as sms
from
  (
    select
      u.sim_id,
      u.day,
      u.zone_key,
      u.zone_id,
      u.billed_bytes as bytes,
      u.sms_mo,
      u.sms_mt
    from
      usage_daily u
    where
      u.day >= $1::date
      and u.day < $2::date
      and u.account_id in (
        (
          select
            "account_scope"."account_id"
          from
            "account_scope"
          where
            "account_scope"."path" like $3
        )
      )
  ) u
where
  u.sim_id in (
    select
      s.id
    from
      sims s
    where
      s.rate_plan_id is not null
      and s.account_id in (
        (
          select
            "account_scope"."account_id"
          from
            "account_scope"
          where
            "account_scope"."path" like $4
        )
      )
  );

-- billingRepo.usageTotalsNow (example 2)
-- $1 = "2026-10-01"
-- $2 = "2026-11-01"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/"
-- $4 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/"
select
  coalesce(sum(u.bytes), 0)::bigint as bytes,
  coalesce(sum(u.sms_mo + u.sms_mt), 0)::bigint as sms
from
  (
    select
      u.sim_id,
      u.day,
      u.zone_key,
      u.zone_id,
      u.billed_bytes as bytes,
      u.sms_mo,
      u.sms_mt
    from
      usage_daily u
    where
      u.day >= $1::date
      and u.day < $2::date
      and u.account_id in (
        (
          select
            "account_scope"."account_id"
          from
            "account_scope"
          where
            "account_scope"."path" = $3
        )
      )
  ) u
where
  u.sim_id in (
    select
      s.id
    from
      sims s
    where
      s.rate_plan_id is not null
      and s.account_id in (
        (
          select
            "account_scope"."account_id"
          from
            "account_scope"
          where
            "account_scope"."path" = $4
        )
      )
  );

-- billingRepo.usageByZone
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  "zone_id",
  "test",
  sum("bytes") as "bytes",
  sum("sms_mo") as "sms_mo",
  sum("sms_mt") as "sms_mt",
  count(distinct "sim_id") as "sims"
from
  "invoice_sim_usage"
where
  "invoice_id" = $1
group by
  "zone_id",
  "test";

-- billingRepo.simCount
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
select
  count(distinct "sim_id") as "sims"
from
  "invoice_sims"
where
  "invoice_id" = $1;
-- stopped without a row to go on: no result
