-- The SQL of src/modules/network/session-starts.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- sessionStartsRepo.firstStartAmong
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
select
  min(first.started_at) as "first_start"
from
  (
    select
      "sims"."id" as "sim_id"
    from
      "sims"
    where
      "sims"."account_id" in ($1)
  ) as "s"
  inner join lateral (
    select
      "data_sessions"."started_at"
    from
      "data_sessions"
    where
      "data_sessions"."sim_id" = "s"."sim_id"
      and "data_sessions"."started_at" >= $2
    order by
      "data_sessions"."started_at"
    limit
      $3
  ) as "first" on true;
