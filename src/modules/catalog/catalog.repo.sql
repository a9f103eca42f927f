-- The SQL of src/modules/catalog/catalog.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- catalogRepo.findZone (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "zones"
where
  "id" = $1;

-- catalogRepo.findZone (example 2)
-- $1 = "Europe"
select
  *
from
  "zones"
where
  "name" = $1;

-- catalogRepo.zonesByIds
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "zones"
where
  "id" in ($1);

-- catalogRepo.listZones
select
  *
from
  "zones"
order by
  "name";

-- catalogRepo.insertZone
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "Europe"
-- $4 = "EU roaming"
-- $5 = ["DE","FR"]
-- $6 = ["26201"]
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "zones" (
    "id",
    "account_id",
    "name",
    "description",
    "countries",
    "plmns",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8);

-- catalogRepo.updateZone
-- $1 = "Europe"
-- $2 = ["DE"]
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000001"
update "zones"
set
  "name" = $1,
  "countries" = $2,
  "updated_at" = $3
where
  "id" = $4;

-- catalogRepo.deleteZone
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
delete from "zones"
where
  "id" = $1;

-- catalogRepo.offerToAny
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
select
  "plan_id"
from
  "plan_offers"
where
  "plan_id" = $1
  and "account_id" in ($2);

-- catalogRepo.visibleOffer
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
select
  "plan_offers"."plan_id"
from
  "plan_offers"
where
  "plan_offers"."plan_id" = $1
  and (
    "plan_offers"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        $2 like account_scope.path || '%'
    )
    or "plan_offers"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $3
    )
  );

-- catalogRepo.visiblePlanIds
-- $1 = "rate"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/%"
select distinct
  "plan_offers"."plan_id"
from
  "plan_offers"
where
  "plan_offers"."plan_kind" = $1
  and (
    "plan_offers"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        $2 like account_scope.path || '%'
    )
    or "plan_offers"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $3
    )
  );

-- catalogRepo.offeredPlanIds
-- $1 = "communication"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
select distinct
  "plan_offers"."plan_id"
from
  "plan_offers"
where
  "plan_offers"."plan_kind" = $1
  and "plan_offers"."account_id" in ($2, $3);

-- catalogRepo.insertOffer
-- $1 = "communication"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
-- $4 = "2026-12-01T00:00:00.000Z"
insert into
  "plan_offers" (
    "plan_kind",
    "plan_id",
    "account_id",
    "created_at"
  )
values
  ($1, $2, $3, $4)
on conflict ("plan_id", "account_id") do nothing;

-- catalogRepo.deleteOffer
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
delete from "plan_offers"
where
  "plan_id" = $1
  and "account_id" = $2;

-- catalogRepo.offersOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "account_id",
  "created_at"
from
  "plan_offers"
where
  "plan_id" = $1;
