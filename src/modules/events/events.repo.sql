-- The SQL of src/modules/events/events.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- eventsRepo.insertEvents (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "sim.created"
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
-- $5 = "{\"iccid\":\"89440000000000000001\",\"state\":\"INVENTORY\"}"
-- $6 = "2026-12-01T00:00:00.000Z"
insert into
  "domain_events" (
    "id",
    "account_id",
    "type",
    "subject_id",
    "data",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6);

-- eventsRepo.insertEvents (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "sim.created"
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
-- $5 = "{\"iccid\":\"89440000000000000001\",\"state\":\"INVENTORY\"}"
-- $6 = "2026-12-01T00:00:00.000Z"
-- $7 = "webhooks"
-- $8 = "0190a8a0-0000-7000-8000-000000000001"
-- $9 = "automation"
-- $10 = "0190a8a0-0000-7000-8000-000000000001"
with
  "e" as (
    insert into
      "domain_events" (
        "id",
        "account_id",
        "type",
        "subject_id",
        "data",
        "created_at"
      )
    values
      ($1, $2, $3, $4, $5, $6)
  )
insert into
  "event_queue" ("consumer", "event_id")
values
  ($7, $8),
  ($9, $10);

-- eventsRepo.claimQueued
-- $1 = "webhooks"
-- $2 = 500
select
  "event_queue"."seq",
  "domain_events"."id",
  "domain_events"."type",
  "domain_events"."subject_id",
  "domain_events"."account_id",
  "domain_events"."data",
  "domain_events"."created_at",
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "domain_events"."account_id"
  ) as "path"
from
  "event_queue"
  inner join "domain_events" on "domain_events"."id" = "event_queue"."event_id"
where
  "event_queue"."consumer" = $1
order by
  "event_queue"."seq"
limit
  $2
for update of
  "event_queue" skip locked;

-- eventsRepo.dequeue
-- $1 = "webhooks"
-- $2 = 41
-- $3 = 42
delete from "event_queue"
where
  "consumer" = $1
  and "seq" in ($2, $3);

-- eventsRepo.lastPosition
select
  case
    when is_called then last_value
    else 0
  end as pos
from
  event_queue_seq_seq;
-- stopped without a row to go on: Cannot read properties of undefined (reading 'pos')

-- eventsRepo.backlog
-- $1 = "automation"
select
  count(*) as "n"
from
  "event_queue"
where
  "consumer" = $1;
-- stopped without a row to go on: no result

-- eventsRepo.payloads
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "id",
  "account_id",
  "data"
from
  "domain_events"
where
  "id" in ($1);
