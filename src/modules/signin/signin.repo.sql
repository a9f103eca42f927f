-- The SQL of src/modules/signin/signin.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- signinRepo.passwordOf
-- $1 = "0190a1b2-0000-7000-8000-000000000001"
select
  "password_hash"
from
  "user_passwords"
where
  "user_id" = $1;

-- signinRepo.setPassword
-- $1 = "0190a1b2-0000-7000-8000-000000000001"
-- $2 = "0190a1b2-0000-7000-8000-000000000002"
-- $3 = "$argon2id$v=19$…"
-- $4 = "2026-03-01T09:00:00.000Z"
-- $5 = "$argon2id$v=19$…"
-- $6 = "2026-03-01T09:00:00.000Z"
insert into
  "user_passwords" (
    "user_id",
    "account_id",
    "password_hash",
    "set_at"
  )
values
  ($1, $2, $3, $4)
on conflict ("user_id") do update
set
  "password_hash" = $5,
  "set_at" = $6;

-- signinRepo.lockFailures
-- $1 = "dana@acme.example"
select
  *
from
  "signin_failures"
where
  "email" = $1
for update;

-- signinRepo.failuresOf
-- $1 = "dana@acme.example"
select
  *
from
  "signin_failures"
where
  "email" = $1;

-- signinRepo.saveFailures
-- $1 = "dana@acme.example"
-- $2 = 5
-- $3 = "2026-03-01T09:00:00.000Z"
-- $4 = "2026-03-01T09:00:00.000Z"
-- $5 = 5
-- $6 = "2026-03-01T09:00:00.000Z"
-- $7 = "2026-03-01T09:00:00.000Z"
insert into
  "signin_failures" (
    "email",
    "failures",
    "last_failure_at",
    "locked_until"
  )
values
  ($1, $2, $3, $4)
on conflict ("email") do update
set
  "failures" = $5,
  "last_failure_at" = $6,
  "locked_until" = $7;

-- signinRepo.clearFailures
-- $1 = "dana@acme.example"
delete from "signin_failures"
where
  "email" = $1;

-- signinRepo.insertSession
-- $1 = "0190a1b2-0000-7000-8000-000000000003"
-- $2 = "0190a1b2-0000-7000-8000-000000000001"
-- $3 = "0190a1b2-0000-7000-8000-000000000002"
-- $4 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
-- $5 = "2026-03-01T09:00:00.000Z"
-- $6 = "2026-03-01T09:00:00.000Z"
-- $7 = "2026-03-01T09:00:00.000Z"
-- $8 = "Mozilla/5.0"
-- $9 = "192.0.2.10"
insert into
  "signin_sessions" (
    "id",
    "user_id",
    "account_id",
    "token_hash",
    "created_at",
    "last_seen_at",
    "expires_at",
    "user_agent",
    "ip"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- signinRepo.liveSessionByHash
-- $1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
-- $2 = "2026-03-01T09:00:00.000Z"
select
  *
from
  "signin_sessions"
where
  "token_hash" = $1
  and "revoked_at" is null
  and "expires_at" > $2;

-- signinRepo.touchSession
-- $1 = "2026-03-01T09:00:00.000Z"
-- $2 = "2026-03-01T09:00:00.000Z"
-- $3 = "0190a1b2-0000-7000-8000-000000000003"
-- $4 = "2026-03-01T09:00:00.000Z"
update "signin_sessions"
set
  "last_seen_at" = $1,
  "expires_at" = $2
where
  "id" = $3
  and "last_seen_at" < $4;

-- signinRepo.liveSessionsOf
-- $1 = "0190a1b2-0000-7000-8000-000000000001"
-- $2 = "2026-03-01T09:00:00.000Z"
select
  "id",
  "created_at",
  "last_seen_at",
  "expires_at",
  "user_agent",
  "ip"
from
  "signin_sessions"
where
  "user_id" = $1
  and "revoked_at" is null
  and "expires_at" > $2
order by
  "created_at" desc,
  "id" desc;

-- signinRepo.revokeSession
-- $1 = "2026-03-01T09:00:00.000Z"
-- $2 = "0190a1b2-0000-7000-8000-000000000003"
-- $3 = "0190a1b2-0000-7000-8000-000000000001"
update "signin_sessions"
set
  "revoked_at" = $1
where
  "id" = $2
  and "user_id" = $3
  and "revoked_at" is null;

-- signinRepo.revokeAllSessions
-- $1 = "2026-03-01T09:00:00.000Z"
-- $2 = "0190a1b2-0000-7000-8000-000000000001"
update "signin_sessions"
set
  "revoked_at" = $1
where
  "user_id" = $2
  and "revoked_at" is null;

-- signinRepo.insertToken
-- $1 = "0190a1b2-0000-7000-8000-000000000003"
-- $2 = "0190a1b2-0000-7000-8000-000000000001"
-- $3 = "0190a1b2-0000-7000-8000-000000000002"
-- $4 = "invitation"
-- $5 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
-- $6 = "2026-03-01T09:00:00.000Z"
-- $7 = "2026-03-01T09:00:00.000Z"
insert into
  "signin_tokens" (
    "id",
    "user_id",
    "account_id",
    "purpose",
    "token_hash",
    "created_at",
    "expires_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7);

-- signinRepo.lockToken
-- $1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
select
  *
from
  "signin_tokens"
where
  "token_hash" = $1
for update;

-- signinRepo.useAllTokens
-- $1 = "2026-03-01T09:00:00.000Z"
-- $2 = "0190a1b2-0000-7000-8000-000000000001"
update "signin_tokens"
set
  "used_at" = $1
where
  "user_id" = $2
  and "used_at" is null;

-- signinRepo.latestUnusedToken
-- $1 = "0190a1b2-0000-7000-8000-000000000001"
-- $2 = "reset"
-- $3 = 1
select
  "id",
  "created_at",
  "expires_at"
from
  "signin_tokens"
where
  "user_id" = $1
  and "purpose" = $2
  and "used_at" is null
order by
  "created_at" desc
limit
  $3;
