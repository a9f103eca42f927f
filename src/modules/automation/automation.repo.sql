-- The SQL of src/modules/automation/automation.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- automationRepo.insertRule
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "Suspend on 90 % of the plan"
-- $4 = null
-- $5 = true
-- $6 = "usage_above"
-- $7 = "{\"type\":\"usage_above\",\"percent\":90}"
-- $8 = "[]"
-- $9 = "[{\"type\":\"change_state\",\"state\":\"SUSPENDED\"}]"
-- $10 = 90
-- $11 = "Ops"
-- $12 = "41"
-- $13 = "2026-12-01T00:00:00.000Z"
-- $14 = "2026-12-01T00:00:00.000Z"
insert into
  "automation_rules" (
    "id",
    "account_id",
    "name",
    "description",
    "enabled",
    "trigger_type",
    "trigger",
    "conditions",
    "actions",
    "usage_percent",
    "created_by",
    "events_from",
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
    $14
  )
returning
  *;
-- stopped without a row to go on: no result

-- automationRepo.findVisible
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  *,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "automation_rules"."account_id"
  ) as "account_path"
from
  "automation_rules"
where
  "id" = $1
  and "automation_rules"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  );

-- automationRepo.listVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  *
from
  "automation_rules"
where
  "automation_rules"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "id";

-- automationRepo.listVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "automation_rules"
where
  "automation_rules"."account_id" in (
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

-- automationRepo.updateRule
-- $1 = false
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "automation_rules"
set
  "enabled" = $1,
  "updated_at" = $2
where
  "id" = $3
returning
  *;
-- stopped without a row to go on: no result

-- automationRepo.deleteRule
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
delete from "automation_rules"
where
  "id" = $1;

-- automationRepo.enabledRules (example 1)
-- $1 = true
-- $2 = "no_session"
select
  *,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "automation_rules"."account_id"
  ) as "account_path"
from
  "automation_rules"
where
  "enabled" = $1
  and "trigger_type" != $2
order by
  "id";

-- automationRepo.enabledRules (example 2)
-- $1 = true
-- $2 = "no_session"
select
  *,
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "automation_rules"."account_id"
  ) as "account_path"
from
  "automation_rules"
where
  "enabled" = $1
  and "trigger_type" = $2
order by
  "id";

-- automationRepo.usagePercentsFor
-- $1 = true
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000006/"
select distinct
  "usage_percent"
from
  "automation_rules"
where
  "enabled" = $1
  and "usage_percent" is not null
  and "automation_rules"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      $2 like account_scope.path || '%'
  );

-- automationRepo.insertFirings
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = "0190a8a0-0000-7000-8000-000000000004"
-- $5 = "0190a8a0-0000-7000-8000-000000000004"
-- $6 = "sim.state_changed"
-- $7 = "{\"iccid\":\"89440000000000000001\",\"from\":\"ACTIVATED\",\"to\":\"SUSPENDED\"}"
-- $8 = "0190a8a0-0000-7000-8000-000000000005"
-- $9 = "89440000000000000001"
-- $10 = "pending"
-- $11 = "2026-12-01T00:00:00.000Z"
insert into
  "automation_firings" (
    "id",
    "rule_id",
    "account_id",
    "dedupe_key",
    "event_id",
    "event_type",
    "event_data",
    "sim_id",
    "iccid",
    "status",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
on conflict ("rule_id", "dedupe_key") do nothing
returning
  "id";

-- automationRepo.firedEpisodes
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000005"
select
  "sim_id",
  "episode_at"
from
  "automation_firings"
where
  "rule_id" = $1
  and "sim_id" in ($2)
  and "episode_at" is not null;

-- automationRepo.lockDue
-- $1 = "pending"
-- $2 = "running"
-- $3 = 20
select
  "automation_firings".*,
  "automation_rules"."name" as "rule_name",
  "automation_rules"."actions" as "rule_actions",
  "automation_rules"."trigger" as "rule_trigger",
  (
    select
      "account_scope"."path"
    from
      "account_scope"
    where
      "account_scope"."account_id" = "automation_rules"."account_id"
  ) as "rule_path"
from
  "automation_firings"
  inner join "automation_rules" on "automation_rules"."id" = "automation_firings"."rule_id"
where
  (
    "automation_firings"."status" = $1
    or (
      "automation_firings"."status" = $2
      and "automation_firings"."lease_until" <= now()
    )
  )
order by
  "automation_firings"."id"
limit
  $3
for update of
  "automation_firings" skip locked;

-- automationRepo.claimFiring
-- $1 = "running"
-- $2 = 1
-- $3 = 300
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
update "automation_firings"
set
  "status" = $1,
  "attempts" = $2,
  "lease_until" = now() + make_interval(secs => $3)
where
  "id" = $4;

-- automationRepo.lockFiring
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "id",
  "status",
  "attempts"
from
  "automation_firings"
where
  "id" = $1
for update;

-- automationRepo.updateFiring
-- $1 = "done"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = null
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
update "automation_firings"
set
  "status" = $1,
  "finished_at" = $2,
  "lease_until" = $3
where
  "id" = $4;

-- automationRepo.listFirings (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = 51
select
  *
from
  "automation_firings"
where
  "rule_id" = $1
order by
  "id" desc
limit
  $2;

-- automationRepo.listFirings (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = 51
select
  *
from
  "automation_firings"
where
  "rule_id" = $1
  and "id" < $2
order by
  "id" desc
limit
  $3;
