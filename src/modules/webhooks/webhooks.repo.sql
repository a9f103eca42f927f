-- The SQL of src/modules/webhooks/webhooks.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- webhooksRepo.insertSubscription
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "https://hooks.example.com/otter"
-- $4 = ["sim.state_changed"]
-- $5 = "41"
-- $6 = "sealed"
-- $7 = null
-- $8 = "active"
-- $9 = "2026-12-01T00:00:00.000Z"
-- $10 = "2026-12-01T00:00:00.000Z"
insert into
  "webhook_subscriptions" (
    "id",
    "account_id",
    "url",
    "events",
    "events_from",
    "secret_sealed",
    "description",
    "status",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
returning
  *;
-- stopped without a row to go on: no result

-- webhooksRepo.findVisible
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  *
from
  "webhook_subscriptions"
where
  "id" = $1
  and "webhook_subscriptions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  );

-- webhooksRepo.listVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  *
from
  "webhook_subscriptions"
where
  "webhook_subscriptions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "id";

-- webhooksRepo.listVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "webhook_subscriptions"
where
  "webhook_subscriptions"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "account_id" = $2
order by
  "id";

-- webhooksRepo.updateSubscription
-- $1 = "paused"
-- $2 = "Paused by Ops."
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "webhook_subscriptions"
set
  "status" = $1,
  "paused_reason" = $2
where
  "id" = $3
returning
  *;
-- stopped without a row to go on: no result

-- webhooksRepo.deleteSubscription
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
delete from "webhook_subscriptions"
where
  "id" = $1;

-- webhooksRepo.allSubscriptions
select
  "id",
  "events",
  "events_from",
  "format",
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "webhook_subscriptions"."account_id"
  ) as "path"
from
  "webhook_subscriptions";

-- webhooksRepo.insertDeliveries
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000004"
-- $4 = "sim.state_changed"
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "queued"
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-02T00:00:00.000Z"
-- $9 = "2026-12-01T00:00:00.000Z"
insert into
  "webhook_deliveries" (
    "id",
    "subscription_id",
    "event_id",
    "event_type",
    "event_created_at",
    "status",
    "next_attempt_at",
    "retry_until",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict ("subscription_id", "event_id") do nothing;

-- webhooksRepo.lockDue
-- $1 = "active"
select
  "id"
from
  "webhook_subscriptions"
where
  "status" = $1;

-- webhooksRepo.lockLapsed
-- $1 = "sending"
select
  "id",
  "subscription_id",
  "attempts",
  "retry_until"
from
  "webhook_deliveries"
where
  "status" = $1
  and "next_attempt_at" <= now()
for update
  skip locked;

-- webhooksRepo.markSending
-- $1 = "sending"
-- $2 = 60
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
update "webhook_deliveries"
set
  "status" = $1,
  "next_attempt_at" = now() + make_interval(secs => $2)
where
  "id" in ($3);

-- webhooksRepo.insertAttempt
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 503
-- $5 = null
-- $6 = 120
insert into
  "webhook_attempts" (
    "id",
    "delivery_id",
    "attempted_at",
    "status_code",
    "error",
    "duration_ms"
  )
values
  ($1, $2, $3, $4, $5, $6);

-- webhooksRepo.finishAttempt
-- $1 = "queued"
-- $2 = 1
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
-- $5 = "sending"
update "webhook_deliveries"
set
  "status" = $1,
  "attempts" = $2,
  "next_attempt_at" = $3
where
  "id" = $4
  and "status" = $5;

-- webhooksRepo.insertAttempts
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = 200
-- $5 = null
-- $6 = 80
insert into
  "webhook_attempts" (
    "id",
    "delivery_id",
    "attempted_at",
    "status_code",
    "error",
    "duration_ms"
  )
values
  ($1, $2, $3, $4, $5, $6);

-- webhooksRepo.finishAttempts
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "delivered"
-- $3 = 1
-- $4 = null
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = 200
-- $7 = null
update webhook_deliveries as d
set
  status = v.status,
  attempts = v.attempts,
  next_attempt_at = v.next_attempt_at,
  delivered_at = coalesce(v.delivered_at, d.delivered_at),
  last_status_code = v.status_code,
  last_error = v.error
from
  (
    values
      (
        $1::uuid,
        $2::text,
        $3::int,
        $4::timestamptz,
        $5::timestamptz,
        $6::int,
        $7::text
      )
  ) as v (
    id,
    status,
    attempts,
    next_attempt_at,
    delivered_at,
    status_code,
    error
  )
where
  d.id = v.id
  and d.status = 'sending';

-- webhooksRepo.recordRound (example 1)
-- $1 = 0
-- $2 = null
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = 0
-- $6 = "2026-11-30T23:59:59.000Z"
update "webhook_subscriptions"
set
  "consecutive_failures" = $1,
  "failing_since" = $2,
  "last_success_at" = $3
where
  "id" = $4
  and (
    "consecutive_failures" <> $5
    or "last_success_at" is null
    or "last_success_at" < $6
  )
returning
  *;

-- webhooksRepo.recordRound (example 2)
-- $1 = 3
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "webhook_subscriptions"
set
  "consecutive_failures" = consecutive_failures + $1,
  "failing_since" = coalesce(failing_since, $2)
where
  "id" = $3
returning
  *;

-- webhooksRepo.findDelivery
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "webhook_deliveries"
where
  "id" = $1
  and "subscription_id" = $2;

-- webhooksRepo.requeue (example 1)
-- $1 = "queued"
-- $2 = 0
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-02T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "sending"
-- $7 = "0190a8a0-0000-7000-8000-000000000003"
update "webhook_deliveries"
set
  "status" = $1,
  "attempts" = $2,
  "next_attempt_at" = $3,
  "retry_until" = $4
where
  "subscription_id" = $5
  and "status" != $6
  and "id" = $7;

-- webhooksRepo.requeue (example 2)
-- $1 = "queued"
-- $2 = 0
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-02T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "sending"
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-01T06:00:00.000Z"
update "webhook_deliveries"
set
  "status" = $1,
  "attempts" = $2,
  "next_attempt_at" = $3,
  "retry_until" = $4
where
  "subscription_id" = $5
  and "status" != $6
  and "event_created_at" >= $7
  and "event_created_at" < $8;

-- webhooksRepo.requeue (example 3)
-- $1 = "queued"
-- $2 = 0
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "2026-12-02T00:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "sending"
-- $7 = "sim.state_changed"
-- $8 = "sim.session_ended"
-- $9 = "2026-12-01T00:00:00.000Z"
-- $10 = "2026-12-01T06:00:00.000Z"
update "webhook_deliveries"
set
  "status" = $1,
  "attempts" = $2,
  "next_attempt_at" = $3,
  "retry_until" = $4
where
  "subscription_id" = $5
  and "status" != $6
  and "event_type" in ($7, $8)
  and "event_created_at" >= $9
  and "event_created_at" < $10;

-- webhooksRepo.failQueuedOutside
-- $1 = "failed"
-- $2 = null
-- $3 = "Not sent: Control Center's push format has no event for it."
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "queued"
-- $6 = "sim.state_changed"
-- $7 = "sim.session_ended"
update "webhook_deliveries"
set
  "status" = $1,
  "next_attempt_at" = $2,
  "last_error" = $3
where
  "subscription_id" = $4
  and "status" = $5
  and "event_type" not in ($6, $7);

-- webhooksRepo.wakeQueued
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "2026-12-02T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "queued"
update "webhook_deliveries"
set
  "next_attempt_at" = $1,
  "retry_until" = $2
where
  "subscription_id" = $3
  and "status" = $4;

-- webhooksRepo.listDeliveries (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = 51
select
  *
from
  "webhook_deliveries"
where
  "subscription_id" = $1
order by
  "id" desc
limit
  $2;

-- webhooksRepo.listDeliveries (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "failed"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = 51
select
  *
from
  "webhook_deliveries"
where
  "subscription_id" = $1
  and "status" = $2
  and "id" < $3
order by
  "id" desc
limit
  $4;

-- webhooksRepo.attemptsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  *
from
  "webhook_attempts"
where
  "delivery_id" in ($1)
order by
  "attempted_at",
  "id";
