-- The SQL of src/modules/sims/sim-modified.shared.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- simModifiedRepo.page (example 1)
-- $1 = "2026-01-01T00:00:00.000Z"
-- $2 = 51
select
  "s"."id",
  "s"."iccid",
  "s"."state",
  "s"."communication_plan_id",
  "s"."rate_plan_id",
  s.updated_at::text as "updated_key"
from
  (
    select
      "sims".*
    from
      "sims"
    where
      "sims"."updated_at" >= $1
  ) as "s"
order by
  "s"."updated_at",
  "s"."id"
limit
  $2;

-- simModifiedRepo.page (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "ACTIVATED"
-- $3 = "2026-01-01T00:00:00.000Z"
-- $4 = "2026-12-01T00:00:00.000Z"
-- $5 = "2026-03-01 09:00:00.123456+00"
-- $6 = "0190a8a0-0000-7000-8000-000000000004"
-- $7 = 51
select
  "s"."id",
  "s"."iccid",
  "s"."state",
  "s"."communication_plan_id",
  "s"."rate_plan_id",
  s.updated_at::text as "updated_key"
from
  (
    select
      "sims".*
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
      and "sims"."updated_at" >= $3
  ) as "s"
where
  "s"."updated_at" <= $4
  and (s.updated_at, s.id) > ($5::timestamptz, $6::uuid)
order by
  "s"."updated_at",
  "s"."id"
limit
  $7;

-- simModifiedRepo.page (example 3)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "2026-01-01T00:00:00.000Z"
-- $3 = 51
-- $4 = 950
select
  "s"."id",
  "s"."iccid",
  "s"."state",
  "s"."communication_plan_id",
  "s"."rate_plan_id",
  s.updated_at::text as "updated_key"
from
  (
    select
      "sims".*
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
      and "sims"."updated_at" >= $2
  ) as "s"
order by
  "s"."updated_at",
  "s"."id"
limit
  $3
offset
  $4;

-- simModifiedRepo.anchors (example 1)
-- $1 = "2026-01-01T00:00:00.000Z"
-- $2 = 1
-- $3 = 499
-- $4 = "2026-01-01T00:00:00.000Z"
-- $5 = 1
-- $6 = 499
-- $7 = 40
with recursive
  a (updated_at, id, n) as (
    select
      f.updated_at,
      f.id,
      1
    from
      (
        (
          select
            "s"."updated_at",
            "s"."id"
          from
            (
              select
                "sims".*
              from
                "sims"
              where
                "sims"."updated_at" >= $1
            ) as "s"
          order by
            "s"."updated_at",
            "s"."id"
          limit
            $2
          offset
            $3
        )
      ) f
    union all
    select
      x.updated_at,
      x.id,
      a.n + 1
    from
      a
      cross join lateral (
        (
          select
            "s"."updated_at",
            "s"."id"
          from
            (
              select
                "sims".*
              from
                "sims"
              where
                "sims"."updated_at" >= $4
            ) as "s"
          where
            (s.updated_at, s.id) > (a.updated_at, a.id)
          order by
            "s"."updated_at",
            "s"."id"
          limit
            $5
          offset
            $6
        )
      ) x
    where
      a.n < $7
  )
select
  a.updated_at::text as updated_key,
  a.id
from
  a
order by
  a.n;

-- simModifiedRepo.anchors (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "ACTIVATED"
-- $3 = "2026-01-01T00:00:00.000Z"
-- $4 = "2026-03-01 09:00:00.123456+00"
-- $5 = "0190a8a0-0000-7000-8000-000000000004"
-- $6 = 1
-- $7 = 499
-- $8 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $9 = "ACTIVATED"
-- $10 = "2026-01-01T00:00:00.000Z"
-- $11 = 1
-- $12 = 499
-- $13 = 40
with recursive
  a (updated_at, id, n) as (
    select
      f.updated_at,
      f.id,
      1
    from
      (
        (
          select
            "s"."updated_at",
            "s"."id"
          from
            (
              select
                "sims".*
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
                and "sims"."updated_at" >= $3
            ) as "s"
          where
            (s.updated_at, s.id) > ($4::timestamptz, $5::uuid)
          order by
            "s"."updated_at",
            "s"."id"
          limit
            $6
          offset
            $7
        )
      ) f
    union all
    select
      x.updated_at,
      x.id,
      a.n + 1
    from
      a
      cross join lateral (
        (
          select
            "s"."updated_at",
            "s"."id"
          from
            (
              select
                "sims".*
              from
                "sims"
              where
                "sims"."account_id" in (
                  select
                    "account_scope"."account_id"
                  from
                    "account_scope"
                  where
                    "account_scope"."path" like $8
                )
                and "sims"."state" = $9
                and "sims"."updated_at" >= $10
            ) as "s"
          where
            (s.updated_at, s.id) > (a.updated_at, a.id)
          order by
            "s"."updated_at",
            "s"."id"
          limit
            $11
          offset
            $12
        )
      ) x
    where
      a.n < $13
  )
select
  a.updated_at::text as updated_key,
  a.id
from
  a
order by
  a.n;
