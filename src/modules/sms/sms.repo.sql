-- The SQL of src/modules/sms/sms.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- smsRepo.listVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-02T00:00:00.000Z"
-- $4 = 51
-- $5 = 0
select
  "id",
  "account_id",
  "created_at"
from
  "sms_messages"
where
  "sms_messages"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "created_at" >= $2
  and "created_at" <= $3
order by
  "created_at",
  "id"
limit
  $4
offset
  $5;

-- smsRepo.listVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
-- $5 = 51
-- $6 = 50
select
  "id",
  "account_id",
  "created_at"
from
  "sms_messages"
where
  "sms_messages"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "created_at" >= $2
  and "created_at" <= $3
  and "sim_id" = $4
order by
  "created_at",
  "id"
limit
  $5
offset
  $6;

-- smsRepo.findWithPath
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "sms_messages".*,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "sms_messages"."account_id"
  ) as "account_path",
  "sms_centres"."source_address"
from
  "sms_messages"
  left join "sms_centres" on "sms_centres"."id" = "sms_messages"."sms_centre_id"
where
  "sms_messages"."id" = $1;

-- smsRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = "0190a8a0-0000-7000-8000-000000000004"
-- $5 = "0190a8a0-0000-7000-8000-000000000005"
-- $6 = "447700900001"
-- $7 = "wake-up"
-- $8 = "gsm7"
-- $9 = 0
-- $10 = 0
-- $11 = ["c8329bfd06"]
-- $12 = "queued"
-- $13 = "2026-12-01T00:00:00.000Z"
-- $14 = "2026-12-01T00:00:00.000Z"
-- $15 = "2026-12-01T00:00:00.000Z"
insert into
  "sms_messages" (
    "id",
    "account_id",
    "sim_id",
    "sim_action_id",
    "sms_centre_id",
    "msisdn",
    "purpose",
    "encoding",
    "data_coding",
    "esm_class",
    "segments",
    "status",
    "next_attempt_at",
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

-- smsRepo.lockByMessageId
-- $1 = "5f3a0c21"
-- $2 = "submitted"
-- $3 = "submitting"
-- $4 = "delivered"
-- $5 = "failed"
-- $6 = 1
select
  *
from
  "sms_messages"
where
  message_ids @> array[$1]::text[]
  and "status" in ($2, $3, $4, $5)
order by
  "created_at" desc
limit
  $6
for update;

-- smsRepo.recordReceipts
-- $1 = "[]"
-- $2 = "delivered"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
update "sms_messages"
set
  "receipts" = $1,
  "status" = $2,
  "delivered_at" = $3,
  "updated_at" = $4
where
  "id" = $5;

-- smsRepo.recordSubmission
-- $1 = "submitted"
-- $2 = 1
-- $3 = null
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = null
-- $6 = ["5f3a0c21"]
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "0190a8a0-0000-7000-8000-000000000001"
-- $9 = "submitting"
update "sms_messages"
set
  "status" = $1,
  "attempts" = $2,
  "last_error" = $3,
  "updated_at" = $4,
  "next_attempt_at" = $5,
  "message_ids" = $6,
  "submitted_at" = $7
where
  "id" = $8
  and "status" = $9;

-- smsRepo.findBySimAction
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
select
  "sms_messages".*,
  "sms_centres"."name" as "centre_name"
from
  "sms_messages"
  left join "sms_centres" on "sms_centres"."id" = "sms_messages"."sms_centre_id"
where
  "sim_action_id" = $1;

-- smsRepo.requeueLapsed
-- $1 = "queued"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "submitting"
update "sms_messages"
set
  "status" = $1,
  "next_attempt_at" = $2
where
  "status" = $3
  and "next_attempt_at" < now();

-- smsRepo.lockDue
-- $1 = "queued"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 20
select
  *
from
  "sms_messages"
where
  "status" = $1
  and "next_attempt_at" <= $2
order by
  "next_attempt_at"
limit
  $3
for update
  skip locked;

-- smsRepo.markFailed
-- $1 = "failed"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = null
-- $5 = "Not sent: the SIM passed to another customer before the SMS could be sent."
-- $6 = "0190a8a0-0000-7000-8000-000000000001"
update "sms_messages"
set
  "status" = $1,
  "failed_at" = $2,
  "updated_at" = $3,
  "next_attempt_at" = $4,
  "last_error" = $5
where
  "id" = $6;

-- smsRepo.markSubmitting
-- $1 = "submitting"
-- $2 = 120
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
update "sms_messages"
set
  "status" = $1,
  "next_attempt_at" = now() + make_interval(secs => $2),
  "updated_at" = $3
where
  "id" in ($4);

-- smsRepo.failUnreceipted
-- $1 = "failed"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "No delivery receipt from the SMS centre within 24 hours of submission."
-- $5 = "submitted"
-- $6 = "2026-11-30T00:00:00.000Z"
update "sms_messages"
set
  "status" = $1,
  "failed_at" = $2,
  "updated_at" = $3,
  "last_error" = $4
where
  "status" = $5
  and "submitted_at" < $6;

-- smsRepo.centresAwaitingReceipts
-- $1 = "submitted"
select distinct
  "sms_centre_id"
from
  "sms_messages"
where
  "status" = $1;

-- smsRepo.centreIds
select
  "id"
from
  "sms_centres";
