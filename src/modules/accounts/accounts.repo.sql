-- The SQL of src/modules/accounts/accounts.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- accountsRepo.findById
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "accounts"
where
  "id" = $1;

-- accountsRepo.lockKeys
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id"
from
  "accounts"
where
  "id" in ($1, $2)
for key share;

-- accountsRepo.findRoot
select
  *
from
  "accounts"
where
  "parent_id" is null;

-- accountsRepo.listSubtree (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = 51
select
  *
from
  "accounts"
where
  "path" like $1
order by
  "id"
limit
  $2;

-- accountsRepo.listSubtree (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = 51
select
  *
from
  "accounts"
where
  "path" like $1
  and "parent_id" = $2
  and "id" > $3
order by
  "id"
limit
  $4;

-- accountsRepo.customersNamed
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = "customer"
-- $3 = "%giraffe%"
-- $4 = "giraffe"
-- $5 = 6
select
  "accounts"."id",
  "accounts"."name",
  "parent"."name" as "parent_name"
from
  "accounts"
  left join "accounts" as "parent" on "parent"."id" = "accounts"."parent_id"
where
  "accounts"."path" like $1
  and "accounts"."kind" = $2
  and "accounts"."name" ilike $3
order by
  strpos(lower(accounts.name), lower($4)),
  "accounts"."name",
  "accounts"."id"
limit
  $5;

-- accountsRepo.insertAccount
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/"
-- $4 = "customer"
-- $5 = "Acme Logistics"
-- $6 = "EUR"
-- $7 = "en"
-- $8 = "Europe/Berlin"
-- $9 = "ACTIVATED"
-- $10 = "2026-12-01T00:00:00.000Z"
-- $11 = "2026-12-01T00:00:00.000Z"
insert into
  "accounts" (
    "id",
    "parent_id",
    "path",
    "kind",
    "name",
    "currency",
    "language",
    "time_zone",
    "test_ready_then",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- accountsRepo.updateAccount
-- $1 = "Acme Logistics GmbH"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "accounts"
set
  "name" = $1,
  "updated_at" = $2
where
  "id" = $3;

-- accountsRepo.lockById (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "accounts"
where
  "id" = $1
for update;

-- accountsRepo.lockById (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "accounts"
where
  "id" = $1
for share;

-- accountsRepo.lockSubtree
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
select
  "id"
from
  "accounts"
where
  "path" like $1
order by
  "id"
for update;

-- accountsRepo.moveSubtree
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000006/0190a8a0-0000-7000-8000-000000000002/"
-- $2 = 76
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "0190a8a0-0000-7000-8000-000000000006"
-- $5 = "2026-12-01T00:00:00.000Z"
-- $6 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
update "accounts"
set
  "path" = $1 || substr("path", $2),
  "parent_id" = case
    when "id" = $3 then $4
    else "parent_id"
  end,
  "updated_at" = $5
where
  "path" like $6;

-- accountsRepo.accountsByIds
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "name",
  "path",
  "kind",
  "time_zone"
from
  "accounts"
where
  "id" in ($1, $2)
order by
  "id";

-- accountsRepo.accountsByName
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "name"
from
  "accounts"
where
  "id" in ($1, $2)
order by
  "name";

-- accountsRepo.childrenNamed
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "savannah wildlife trust"
select
  *
from
  "accounts"
where
  "parent_id" = $1
  and lower("name") = $2
order by
  "created_at";

-- accountsRepo.listContacts
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  *
from
  "contacts"
where
  "account_id" = $1
order by
  "id";

-- accountsRepo.insertContacts
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "Dana Fleet"
-- $4 = "dana@acme.example"
-- $5 = "+4930123456"
-- $6 = "de"
-- $7 = "technical"
-- $8 = "2026-12-01T00:00:00.000Z"
insert into
  "contacts" (
    "id",
    "account_id",
    "name",
    "email",
    "phone",
    "language",
    "role",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8);

-- accountsRepo.deleteContact
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
delete from "contacts"
where
  "id" = $1
  and "account_id" = $2;

-- accountsRepo.contactEmails
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "email"
from
  "contacts"
where
  "account_id" = $1
  and "email" is not null;

-- accountsRepo.contactsByIds
-- $1 = "0190a8a0-0000-7000-8000-000000000005"
select
  "id",
  "account_id",
  "name",
  "email",
  "phone",
  "language"
from
  "contacts"
where
  "id" in ($1)
order by
  "id";

-- accountsRepo.contactsByEmail (example 1)
-- $1 = "dana@acme.example"
select
  "id",
  "account_id",
  "name",
  "email",
  "phone",
  "language"
from
  "contacts"
where
  lower("email") = $1
order by
  "id";

-- accountsRepo.contactsByEmail (example 2)
-- $1 = "dana@acme.example"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "account_id",
  "name",
  "email",
  "phone",
  "language"
from
  "contacts"
where
  lower("email") = $1
  and "account_id" = $2
order by
  "id";

-- accountsRepo.contactsByPhoneTail
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = 7
-- $3 = "0123456"
-- $4 = 20
select
  "contacts"."id",
  "contacts"."account_id",
  "contacts"."name",
  "contacts"."email",
  "contacts"."phone",
  "accounts"."name" as "account_name"
from
  "contacts"
  inner join "accounts" on "accounts"."id" = "contacts"."account_id"
where
  "accounts"."path" like $1
  and right(
    regexp_replace(coalesce(contacts.phone, ''), '[^0-9]', '', 'g'),
    $2
  ) = $3
order by
  "contacts"."id"
limit
  $4;

-- accountsRepo.findUserById
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "users".*,
  "accounts"."path" as "account_path"
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  "users"."id" = $1;

-- accountsRepo.findUserByEmail
-- $1 = "dana@acme.example"
select
  *
from
  "users"
where
  lower("email") = $1;

-- accountsRepo.listUsers (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
select
  "users".*
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  "accounts"."path" like $1
order by
  "users"."id";

-- accountsRepo.listUsers (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/%"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "users".*
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  "accounts"."path" like $1
  and "users"."account_id" = $2
order by
  "users"."id";

-- accountsRepo.insertUser
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "dana@acme.example"
-- $4 = "Dana Fleet"
-- $5 = "customer_admin"
-- $6 = "2026-12-01T00:00:00.000Z"
insert into
  "users" (
    "id",
    "account_id",
    "email",
    "name",
    "role",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6);

-- accountsRepo.enabledUserContact
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "name",
  "email"
from
  "users"
where
  "id" = $1
  and "disabled_at" is null;

-- accountsRepo.adminEmails
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "customer_admin"
-- $3 = "operator_admin"
select
  "email"
from
  "users"
where
  "account_id" = $1
  and "role" in ($2, $3)
  and "disabled_at" is null;

-- accountsRepo.usersByIds
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "id",
  "account_id",
  "name",
  "email",
  "role",
  "disabled_at"
from
  "users"
where
  "id" in ($1)
order by
  "id";

-- accountsRepo.usersByEmail (example 1)
-- $1 = "dana@acme.example"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
select
  "users"."id",
  "users"."account_id",
  "users"."name",
  "users"."email",
  "users"."role",
  "users"."disabled_at"
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  lower("users"."email") = $1
  and "users"."account_id" = $2
order by
  "users"."id";

-- accountsRepo.usersByEmail (example 2)
-- $1 = "dana@acme.example"
-- $2 = "customer"
select
  "users"."id",
  "users"."account_id",
  "users"."name",
  "users"."email",
  "users"."role",
  "users"."disabled_at"
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  lower("users"."email") = $1
  and "accounts"."kind" = $2
order by
  "users"."id";

-- accountsRepo.findPrincipalByKeyHash
-- $1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
select
  "api_keys"."id" as "api_key_id",
  "users"."id" as "user_id",
  "users"."name",
  "users"."email",
  "users"."role",
  "accounts"."id" as "account_id",
  "accounts"."path" as "account_path",
  coalesce("users"."language", "accounts"."language") as "language",
  coalesce("users"."time_zone", "accounts"."time_zone") as "time_zone"
from
  "api_keys"
  inner join "users" on "users"."id" = "api_keys"."user_id"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  "api_keys"."key_hash" = $1
  and "api_keys"."revoked_at" is null
  and "users"."disabled_at" is null;

-- accountsRepo.findPrincipalByUserId
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "users"."id" as "user_id",
  "users"."name",
  "users"."email",
  "users"."role",
  "accounts"."id" as "account_id",
  "accounts"."path" as "account_path",
  coalesce("users"."language", "accounts"."language") as "language",
  coalesce("users"."time_zone", "accounts"."time_zone") as "time_zone"
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  "users"."id" = $1
  and "users"."disabled_at" is null;

-- accountsRepo.userLanguage
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  coalesce("users"."language", "accounts"."language") as "language"
from
  "users"
  inner join "accounts" on "accounts"."id" = "users"."account_id"
where
  "users"."id" = $1;

-- accountsRepo.updateUserPreferences
-- $1 = "it"
-- $2 = "Europe/Rome"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
update "users"
set
  "language" = $1,
  "time_zone" = $2
where
  "id" = $3;

-- accountsRepo.touchApiKey
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "0190a8a0-0000-7000-8000-000000000004"
-- $3 = "2026-12-01T00:00:00.000Z"
update "api_keys"
set
  "last_used_at" = $1
where
  "id" = $2
  and (
    "last_used_at" is null
    or "last_used_at" < $3
  );

-- accountsRepo.insertApiKey
-- $1 = "0190a8a0-0000-7000-8000-000000000004"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
-- $5 = "otk_3f9a"
-- $6 = "fleet dashboard"
-- $7 = "2026-12-01T00:00:00.000Z"
insert into
  "api_keys" (
    "id",
    "user_id",
    "account_id",
    "key_hash",
    "prefix",
    "name",
    "created_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7);

-- accountsRepo.revokeApiKey
-- $1 = "2026-12-01T00:00:00.000Z"
-- $2 = "0190a8a0-0000-7000-8000-000000000004"
-- $3 = "0190a8a0-0000-7000-8000-000000000003"
update "api_keys"
set
  "revoked_at" = $1
where
  "id" = $2
  and "user_id" = $3
  and "revoked_at" is null;

-- accountsRepo.listApiKeys
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  "id",
  "prefix",
  "name",
  "created_at",
  "revoked_at",
  "last_used_at"
from
  "api_keys"
where
  "user_id" = $1
order by
  "id";
