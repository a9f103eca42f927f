-- The SQL of src/modules/billing/late-usage.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- lateUsageRepo.stage
-- $1 = "0190a8a0-0000-7000-8000-000000000011"
-- $2 = "0190a8a0-0000-7000-8000-000000000011"
-- $3 = "0190a8a0-0000-7000-8000-000000000012"
-- $4 = "0190a8a0-0000-7000-8000-000000000010"
-- $5 = "0190a8a0-0000-7000-8000-000000000011"
-- $6 = "0190a8a0-0000-7000-8000-000000000012"
-- $7 = "0190a8a0-0000-7000-8000-000000000011"
insert into
  invoice_late_usage (
    invoice_id,
    for_invoice_id,
    sim_id,
    account_id,
    iccid,
    rate_plan_id,
    zone_key,
    zone_id,
    test,
    days,
    billed_days,
    bytes,
    sms_mo,
    sms_mt
  )
with
  billed as (
    select
      u.sim_id,
      u.account_id,
      u.rate_plan_id,
      u.zone_key,
      u.zone_id,
      u.test,
      u.days,
      u.bytes,
      u.sms_mo,
      u.sms_mt
    from
      invoice_sim_usage u
    where
      u.invoice_id = $1
    union all
    select
      l.sim_id,
      l.account_id,
      l.rate_plan_id,
      l.zone_key,
      l.zone_id,
      l.test,
      l.days,
      l.bytes,
      l.sms_mo,
      l.sms_mt
    from
      invoice_late_usage l
      join invoices i on i.id = l.invoice_id
      and i.status = 'issued'
    where
      l.for_invoice_id = $2
  ),
  was as (
    select
      sim_id,
      rate_plan_id,
      zone_key,
      zone_id,
      test,
      (array_agg(account_id)) [1] as account_id,
      max(days) as days,
      sum(bytes) as bytes,
      sum(sms_mo) as sms_mo,
      sum(sms_mt) as sms_mt
    from
      billed
    group by
      sim_id,
      rate_plan_id,
      zone_key,
      zone_id,
      test
  ),
  cur as (
    select
      *
    from
      invoice_sim_usage
    where
      invoice_id = $3
  )
select
  $4::uuid,
  $5::uuid,
  k.sim_id,
  k.account_id,
  coalesce(
    (
      select
        s.iccid
      from
        invoice_sims s
      where
        s.invoice_id in ($6::uuid, $7::uuid)
        and s.sim_id = k.sim_id
      limit
        1
    ),
    k.sim_id::text
  ),
  k.rate_plan_id,
  k.zone_key,
  k.zone_id,
  k.test,
  k.days,
  k.billed_days,
  k.bytes,
  k.sms_mo,
  k.sms_mt
from
  (
    select
      coalesce(n.sim_id, w.sim_id) as sim_id,
      coalesce(n.account_id, w.account_id) as account_id,
      coalesce(n.rate_plan_id, w.rate_plan_id) as rate_plan_id,
      coalesce(n.zone_key, w.zone_key) as zone_key,
      coalesce(n.zone_id, w.zone_id) as zone_id,
      coalesce(n.test, w.test) as test,
      coalesce(n.days, 0) as days,
      coalesce(w.days, 0) as billed_days,
      coalesce(n.bytes, 0) - coalesce(w.bytes, 0) as bytes,
      coalesce(n.sms_mo, 0) - coalesce(w.sms_mo, 0) as sms_mo,
      coalesce(n.sms_mt, 0) - coalesce(w.sms_mt, 0) as sms_mt
    from
      cur n
      full join was w on w.sim_id = n.sim_id
      and w.rate_plan_id = n.rate_plan_id
      and w.zone_key = n.zone_key
      and w.test = n.test
  ) k
where
  k.bytes <> 0
  or k.sms_mo <> 0
  or k.sms_mt <> 0;

-- lateUsageRepo.pageOf (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000011"
-- $3 = "0190a8a0-0000-7000-8000-000000000010"
-- $4 = "0190a8a0-0000-7000-8000-000000000011"
-- $5 = 51
select
  *
from
  "invoice_late_usage"
where
  "invoice_id" = $1
  and "for_invoice_id" = $2
  and "sim_id" in (
    select distinct
      "sim_id"
    from
      "invoice_late_usage"
    where
      "invoice_id" = $3
      and "for_invoice_id" = $4
    order by
      "sim_id"
    limit
      $5
  )
order by
  "sim_id",
  "zone_key",
  "rate_plan_id",
  "test";

-- lateUsageRepo.pageOf (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000010"
-- $2 = "0190a8a0-0000-7000-8000-000000000011"
-- $3 = "0190a8a0-0000-7000-8000-000000000010"
-- $4 = "0190a8a0-0000-7000-8000-000000000011"
-- $5 = "0190a8a0-0000-7000-8000-000000000004"
-- $6 = 51
select
  *
from
  "invoice_late_usage"
where
  "invoice_id" = $1
  and "for_invoice_id" = $2
  and "sim_id" in (
    select distinct
      "sim_id"
    from
      "invoice_late_usage"
    where
      "invoice_id" = $3
      and "for_invoice_id" = $4
      and "sim_id" > $5
    order by
      "sim_id"
    limit
      $6
  )
order by
  "sim_id",
  "zone_key",
  "rate_plan_id",
  "test";
