-- The SQL of src/modules/sims/sims.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simsRepo.findByIccid (example 1)
-- $1 = "89440000000000000001"
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  "sims"."iccid" = $1;

-- simsRepo.findByIccid (example 2)
-- $1 = "89440000000000000001"
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  "sims"."iccid" = $1
for update of
  "sims";

-- simsRepo.findForLookup
-- $1 = "pending"
-- $2 = "89440000000000000001"
select
  /* prepared */
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path",
  exists (
    select
      "sim_scheduled_changes"."id"
    from
      "sim_scheduled_changes"
    where
      "sim_scheduled_changes"."sim_id" = "sims"."id"
      and "sim_scheduled_changes"."status" = $1
  ) as "has_pending_changes",
  (
    select
      "catalog_revision"."revision"
    from
      "catalog_revision"
  ) as "catalog_revision",
  (
    select
      "accounts"."name"
    from
      "accounts"
    where
      "accounts"."id" = "sims"."account_id"
  ) as "account_name"
from
  "sims"
where
  "sims"."iccid" = $2;

-- simsRepo.findById (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  "sims"."id" = $1;

-- simsRepo.findById (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  "sims"."id" = $1
for update of
  "sims";

-- simsRepo.findClash
-- $1 = "89440000000000000001"
-- $2 = "001010000000001"
-- $3 = "447700900001"
select
  "iccid",
  "imsi",
  "msisdn"
from
  "sims"
where
  (
    "iccid" = $1
    or "imsi" = $2
    or "msisdn" = $3
  );

-- simsRepo.findHoldingAny
-- $1 = ["89440000000000000001","89440000000000000019"]
-- $2 = ["001010000000001","001010000000002"]
-- $3 = ["447700900001","447700900002"]
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  (
    "iccid" = any ($1)
    or "imsi" = any ($2)
    or "msisdn" = any ($3)
  );

-- simsRepo.findByIdentifier (example 1)
-- $1 = "001010000000001"
-- $2 = "001010000000001"
-- $3 = "001010000000001"
-- $4 = "001010000000001"
-- $5 = 50
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
from
  "sims"
where
  (
    "sims"."iccid" = $1
    or "sims"."imsi" = $2
    or "sims"."msisdn" = $3
    or "sims"."imei" = $4
  )
order by
  "sims"."iccid"
limit
  $5;

-- simsRepo.findByIdentifier (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "354809000000010"
-- $3 = "354809000000010"
-- $4 = "354809000000010"
-- $5 = "354809000000010"
-- $6 = "0190a8a0-0000-7000-8000-000000000001"
-- $7 = 50
select
  "sims".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sims"."account_id"
  ) as "account_path"
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
  and (
    "sims"."iccid" = $2
    or "sims"."imsi" = $3
    or "sims"."msisdn" = $4
    or "sims"."imei" = $5
    or "sims"."id" in ($6)
  )
order by
  "sims"."iccid"
limit
  $7;

-- simsRepo.findByPrefix (example 1)
-- $1 = "iccid"
-- $2 = "8944"
-- $3 = "8944:"
-- $4 = 9
-- $5 = "imsi"
-- $6 = "8944"
-- $7 = "8944:"
-- $8 = 9
-- $9 = "msisdn"
-- $10 = "8944"
-- $11 = "8944:"
-- $12 = 9
-- $13 = "imei"
-- $14 = "8944"
-- $15 = "8944:"
-- $16 = 9
select
  *
from
  (
    select
      *
    from
      (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $1::text as "matched",
          "sims"."iccid" collate "C" as "key"
        from
          "sims"
        where
          "sims"."iccid" collate "C" >= $2
          and "sims"."iccid" collate "C" < $3
        order by
          "sims"."iccid" collate "C"
        limit
          $4
      ) as "iccid"
  ) as "iccid"
union all
select
  *
from
  (
    select
      *
    from
      (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $5::text as "matched",
          "sims"."imsi" collate "C" as "key"
        from
          "sims"
        where
          "sims"."imsi" collate "C" >= $6
          and "sims"."imsi" collate "C" < $7
        order by
          "sims"."imsi" collate "C"
        limit
          $8
      ) as "imsi"
  ) as "imsi"
union all
select
  *
from
  (
    select
      *
    from
      (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $9::text as "matched",
          "sims"."msisdn" collate "C" as "key"
        from
          "sims"
        where
          "sims"."msisdn" collate "C" >= $10
          and "sims"."msisdn" collate "C" < $11
        order by
          "sims"."msisdn" collate "C"
        limit
          $12
      ) as "msisdn"
  ) as "msisdn"
union all
select
  *
from
  (
    select
      *
    from
      (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $13::text as "matched",
          "sims"."imei" collate "C" as "key"
        from
          "sims"
        where
          "sims"."imei" collate "C" >= $14
          and "sims"."imei" collate "C" < $15
        order by
          "sims"."imei" collate "C"
        limit
          $16
      ) as "imei"
  ) as "imei";

-- simsRepo.findByPrefix (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "iccid"
-- $3 = "23415"
-- $4 = "23415:"
-- $5 = 9
-- $6 = 9
-- $7 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $8 = "imsi"
-- $9 = "23415"
-- $10 = "23415:"
-- $11 = 9
-- $12 = 9
-- $13 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $14 = "msisdn"
-- $15 = "23415"
-- $16 = "23415:"
-- $17 = 9
-- $18 = 9
-- $19 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $20 = "imei"
-- $21 = "23415"
-- $22 = "23415:"
-- $23 = 9
-- $24 = 9
select
  *
from
  (
    select
      "x".*
    from
      (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $1
      ) as "a"
      inner join lateral (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $2::text as "matched",
          "sims"."iccid" collate "C" as "key"
        from
          "sims"
        where
          "sims"."iccid" collate "C" >= $3
          and "sims"."iccid" collate "C" < $4
          and "sims"."account_id" = a.account_id
        order by
          "sims"."iccid" collate "C"
        limit
          $5
      ) as "x" on true
    order by
      "x"."key"
    limit
      $6
  ) as "iccid"
union all
select
  *
from
  (
    select
      "x".*
    from
      (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $7
      ) as "a"
      inner join lateral (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $8::text as "matched",
          "sims"."imsi" collate "C" as "key"
        from
          "sims"
        where
          "sims"."imsi" collate "C" >= $9
          and "sims"."imsi" collate "C" < $10
          and "sims"."account_id" = a.account_id
        order by
          "sims"."imsi" collate "C"
        limit
          $11
      ) as "x" on true
    order by
      "x"."key"
    limit
      $12
  ) as "imsi"
union all
select
  *
from
  (
    select
      "x".*
    from
      (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $13
      ) as "a"
      inner join lateral (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $14::text as "matched",
          "sims"."msisdn" collate "C" as "key"
        from
          "sims"
        where
          "sims"."msisdn" collate "C" >= $15
          and "sims"."msisdn" collate "C" < $16
          and "sims"."account_id" = a.account_id
        order by
          "sims"."msisdn" collate "C"
        limit
          $17
      ) as "x" on true
    order by
      "x"."key"
    limit
      $18
  ) as "msisdn"
union all
select
  *
from
  (
    select
      "x".*
    from
      (
        select
          "account_scope"."account_id"
        from
          "account_scope"
        where
          "account_scope"."path" like $19
      ) as "a"
      inner join lateral (
        select
          "sims"."id",
          "sims"."iccid",
          "sims"."imsi",
          "sims"."msisdn",
          "sims"."imei",
          "sims"."state",
          "sims"."account_id",
          $20::text as "matched",
          "sims"."imei" collate "C" as "key"
        from
          "sims"
        where
          "sims"."imei" collate "C" >= $21
          and "sims"."imei" collate "C" < $22
          and "sims"."account_id" = a.account_id
        order by
          "sims"."imei" collate "C"
        limit
          $23
      ) as "x" on true
    order by
      "x"."key"
    limit
      $24
  ) as "imei";

-- simsRepo.iccidsInSubtree (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = 5000
select
  "sims"."id",
  "sims"."iccid"
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
order by
  "sims"."id"
limit
  $2;

-- simsRepo.iccidsInSubtree (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "ACTIVATED"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
-- $5 = 5000
select
  "sims"."id",
  "sims"."iccid"
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
  and "sims"."state" = $2
  and "sims"."rate_plan_id" = $3
  and "sims"."id" > $4
order by
  "sims"."id"
limit
  $5;

-- simsRepo.testReady (example 1)
-- $1 = "TEST_READY"
-- $2 = 500
select
  "sims"."id",
  "sims"."account_id",
  "sims"."rate_plan_id",
  "sims"."created_at"
from
  "sims"
where
  "sims"."state" = $1
  and "sims"."rate_plan_id" is not null
order by
  "sims"."id"
limit
  $2;

-- simsRepo.testReady (example 2)
-- $1 = "TEST_READY"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = 500
select
  "sims"."id",
  "sims"."account_id",
  "sims"."rate_plan_id",
  "sims"."created_at"
from
  "sims"
where
  "sims"."state" = $1
  and "sims"."rate_plan_id" is not null
  and "sims"."id" > $2
order by
  "sims"."id"
limit
  $3;

-- simsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "89440000000000000001"
-- $3 = "001010000000001"
-- $4 = "447700900001"
-- $5 = null
-- $6 = null
-- $7 = "0190a8a0-0000-7000-8000-000000000002"
-- $8 = "INVENTORY"
-- $9 = "0190a8a0-0000-7000-8000-000000000003"
-- $10 = null
-- $11 = "{}"
-- $12 = null
-- $13 = null
-- $14 = "2026-12-01T00:00:00.000Z"
-- $15 = "2026-12-01T00:00:00.000Z"
insert into
  "sims" (
    "id",
    "iccid",
    "imsi",
    "msisdn",
    "eid",
    "imei",
    "account_id",
    "state",
    "communication_plan_id",
    "rate_plan_id",
    "custom_fields",
    "notes",
    "date_activated",
    "created_at",
    "updated_at"
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
    $15
  );

-- simsRepo.update
-- $1 = "ACTIVATED"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
update "sims"
set
  "state" = $1,
  "date_activated" = $2,
  "updated_at" = $3
where
  "id" = $4
returning
  *;
-- stopped without a row to go on: no result

-- simsRepo.insertAudit
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "state"
-- $5 = "ACTIVATION_READY"
-- $6 = "ACTIVATED"
-- $7 = null
-- $8 = "2026-12-01T00:00:00.000Z"
-- $9 = null
-- $10 = "system"
-- $11 = null
-- $12 = "2026-12-01T00:00:00.000Z"
insert into
  "sim_audit" (
    "id",
    "sim_id",
    "account_id",
    "field",
    "prior_value",
    "value",
    "reason",
    "effective_date",
    "actor_user_id",
    "actor_name",
    "job_id",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- simsRepo.auditTrail (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 51
select
  "sim_audit".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sim_audit"."account_id"
  ) as "account_path"
from
  "sim_audit"
where
  "sim_audit"."sim_id" = $1
order by
  "sim_audit"."id"
limit
  $2;

-- simsRepo.auditTrail (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000004"
-- $3 = 51
select
  "sim_audit".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sim_audit"."account_id"
  ) as "account_path"
from
  "sim_audit"
where
  "sim_audit"."sim_id" = $1
  and "sim_audit"."id" > $2
order by
  "sim_audit"."id"
limit
  $3;

-- simsRepo.insertScheduledChange
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "{\"state\":\"DEACTIVATED\",\"byOperator\":false}"
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "pending"
-- $7 = "end of field trial"
-- $8 = "0190a8a0-0000-7000-8000-000000000006"
-- $9 = "Fleet manager"
-- $10 = "2026-12-01T00:00:00.000Z"
insert into
  "sim_scheduled_changes" (
    "id",
    "sim_id",
    "account_id",
    "changes",
    "effective_date",
    "status",
    "reason",
    "actor_user_id",
    "actor_name",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- simsRepo.pendingChanges
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "pending"
select
  "sim_scheduled_changes".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sim_scheduled_changes"."account_id"
  ) as "account_path"
from
  "sim_scheduled_changes"
where
  "sim_scheduled_changes"."sim_id" = $1
  and "sim_scheduled_changes"."status" = $2
order by
  "sim_scheduled_changes"."effective_date";

-- simsRepo.scheduledChanges
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sim_scheduled_changes".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sim_scheduled_changes"."account_id"
  ) as "account_path"
from
  "sim_scheduled_changes"
where
  "sim_scheduled_changes"."sim_id" = $1
order by
  "sim_scheduled_changes"."id";

-- simsRepo.cancelScheduledChange
-- $1 = "cancelled"
-- $2 = "0190a8a0-0000-7000-8000-000000000004"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = "pending"
update "sim_scheduled_changes"
set
  "status" = $1
where
  "id" = $2
  and "sim_id" = $3
  and "status" = $4;

-- simsRepo.cancelPendingByCustomers
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "pending"
select
  *
from
  "sim_scheduled_changes"
where
  "sim_id" = $1
  and "status" = $2
order by
  "effective_date"
for update;

-- simsRepo.claimDue
-- $1 = "pending"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  *
from
  "sim_scheduled_changes"
where
  "status" = $1
  and "effective_date" <= $2
order by
  "effective_date"
limit
  $3
for update
  skip locked;

-- simsRepo.markChangeApplied
-- $1 = "applied"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000004"
update "sim_scheduled_changes"
set
  "status" = $1,
  "applied_at" = $2
where
  "id" = $3;

-- simsRepo.markChangeFailed
-- $1 = "failed"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "{\"code\":\"SIM_NOT_FOUND\",\"message\":\"The SIM no longer exists.\"}"
-- $4 = "0190a8a0-0000-7000-8000-000000000004"
update "sim_scheduled_changes"
set
  "status" = $1,
  "applied_at" = $2,
  "error" = $3
where
  "id" = $4;
