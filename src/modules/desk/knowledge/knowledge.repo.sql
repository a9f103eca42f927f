-- The SQL of src/modules/desk/knowledge/knowledge.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- knowledgeRepo.macros (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 500
select
  *
from
  "desk_macros"
where
  "operator_id" = $1
order by
  "name"
limit
  $2;

-- knowledgeRepo.macros (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "%apn%"
-- $3 = "%apn%"
-- $4 = "roaming"
-- $5 = 500
select
  *
from
  "desk_macros"
where
  "operator_id" = $1
  and (
    "name" ilike $2
    or "body" ilike $3
  )
  and tags @> array[$4]::text[]
order by
  "name"
limit
  $5;

-- knowledgeRepo.findMacro
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "desk_macros"
where
  "id" = $1
  and "operator_id" = $2;

-- knowledgeRepo.insertMacro
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "APN settings"
-- $4 = "Hello {{contact.firstName}},"
-- $5 = ["apn"]
-- $6 = null
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_macros" (
    "id",
    "operator_id",
    "name",
    "body",
    "tags",
    "created_by_user_id",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8);

-- knowledgeRepo.updateMacro
-- $1 = "Hello {{contact.name}},"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "desk_macros"
set
  "body" = $1,
  "updated_at" = $2
where
  "id" = $3;

-- knowledgeRepo.deleteMacro
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
delete from "desk_macros"
where
  "id" = $1;

-- knowledgeRepo.articles (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = 20
select
  "id",
  "title",
  "body",
  "tags",
  "created_at",
  "updated_at"
from
  "desk_articles"
where
  "operator_id" = $1
order by
  "updated_at" desc,
  "id"
limit
  $2;

-- knowledgeRepo.articles (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "apn"
-- $3 = "roaming apn"
-- $4 = "%roaming apn%"
-- $5 = "roaming apn"
-- $6 = 20
select
  "id",
  "title",
  "body",
  "tags",
  "created_at",
  "updated_at"
from
  "desk_articles"
where
  "operator_id" = $1
  and tags @> array[$2]::text[]
  and (
    search @@ websearch_to_tsquery('simple', $3)
    or "title" ilike $4
  )
order by
  ts_rank(search, websearch_to_tsquery('simple', $5)) desc,
  "updated_at" desc,
  "id"
limit
  $6;

-- knowledgeRepo.findArticle
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "id",
  "title",
  "body",
  "tags",
  "created_at",
  "updated_at"
from
  "desk_articles"
where
  "id" = $1
  and "operator_id" = $2;

-- knowledgeRepo.insertArticle
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "Setting the APN"
-- $4 = "Open the modem's settings."
-- $5 = ["apn"]
-- $6 = null
-- $7 = "2026-12-01T00:00:00.000Z"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_articles" (
    "id",
    "operator_id",
    "title",
    "body",
    "tags",
    "created_by_user_id",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8);

-- knowledgeRepo.updateArticle
-- $1 = "Setting the APN on a router"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "desk_articles"
set
  "title" = $1,
  "updated_at" = $2
where
  "id" = $3;

-- knowledgeRepo.deleteArticle
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
delete from "desk_articles"
where
  "id" = $1;
