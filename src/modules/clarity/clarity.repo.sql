-- The SQL of src/modules/clarity/clarity.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- clarityRepo.seededAt
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "seeded_at",
  "terms"
from
  "clarity_glossary_seeded"
where
  "account_id" = $1;

-- clarityRepo.markSeeded
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "2026-12-01T09:00:00.000Z"
-- $3 = 42
insert into
  "clarity_glossary_seeded" ("account_id", "seeded_at", "terms")
values
  ($1, $2, $3)
on conflict ("account_id") do nothing;

-- clarityRepo.insertTerms
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "en"
-- $4 = "APN"
-- $5 = "the network name your devices use to reach the internet"
-- $6 = "shipped"
-- $7 = "2026-12-01T09:00:00.000Z"
-- $8 = "2026-12-01T09:00:00.000Z"
insert into
  "clarity_glossary_terms" (
    "id",
    "account_id",
    "language",
    "term",
    "explanation",
    "origin",
    "created_at",
    "updated_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8)
on conflict (account_id, language, lower(term)) do nothing;

-- clarityRepo.terms (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  *
from
  "clarity_glossary_terms"
where
  "account_id" = $1
order by
  "language",
  lower(term);

-- clarityRepo.terms (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "it"
select
  *
from
  "clarity_glossary_terms"
where
  "account_id" = $1
  and "language" = $2
order by
  "language",
  lower(term);

-- clarityRepo.findTerm
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "sv"
-- $3 = "apn"
select
  *
from
  "clarity_glossary_terms"
where
  "account_id" = $1
  and "language" = $2
  and lower(term) = $3;

-- clarityRepo.insertTerm
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "en"
-- $4 = "eDRX"
-- $5 = "a power-saving mode: the device listens for the network only now and then"
-- $6 = "team"
-- $7 = "2026-12-01T09:00:00.000Z"
-- $8 = "2026-12-01T09:00:00.000Z"
-- $9 = "0190a8a0-0000-7000-8000-000000000001"
insert into
  "clarity_glossary_terms" (
    "id",
    "account_id",
    "language",
    "term",
    "explanation",
    "origin",
    "created_at",
    "updated_at",
    "updated_by_user_id"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- clarityRepo.updateTerm
-- $1 = "eDRX"
-- $2 = "power saving"
-- $3 = "team"
-- $4 = "2026-12-01T09:00:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000001"
-- $6 = "0190a8a0-0000-7000-8000-000000000002"
update "clarity_glossary_terms"
set
  "term" = $1,
  "explanation" = $2,
  "origin" = $3,
  "updated_at" = $4,
  "updated_by_user_id" = $5
where
  "id" = $6;

-- clarityRepo.deleteTerm
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
delete from "clarity_glossary_terms"
where
  "id" = $1;

-- clarityRepo.insertCheck
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = null
-- $6 = "en"
-- $7 = "flesch"
-- $8 = 61.2
-- $9 = null
-- $10 = "2026-12-01T09:00:00.000Z"
insert into
  "clarity_reply_checks" (
    "id",
    "account_id",
    "case_id",
    "entry_id",
    "desk_message_id",
    "language",
    "formula",
    "score",
    "sent_by_user_id",
    "sent_at"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- clarityRepo.insertFindings
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
-- $3 = "0190a8a0-0000-7000-8000-000000000001"
-- $4 = "jargon"
-- $5 = "warning"
-- $6 = "dismissed"
-- $7 = 10
-- $8 = 13
-- $9 = "APN"
-- $10 = "APN is jargon"
-- $11 = null
-- $12 = "0190a8a0-0000-7000-8000-000000000001"
insert into
  "clarity_reply_findings" (
    "id",
    "check_id",
    "account_id",
    "rule",
    "severity",
    "decision",
    "span_start",
    "span_end",
    "span_text",
    "message",
    "suggestion",
    "decided_by_user_id"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- clarityRepo.checkOfEntry
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  *
from
  "clarity_reply_checks"
where
  "entry_id" = $1
  and "clarity_reply_checks"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  );

-- clarityRepo.findingsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
select
  *
from
  "clarity_reply_findings"
where
  "check_id" = $1
order by
  "span_start",
  "id";

-- clarityRepo.weeks
-- $1 = "2026-12-01T09:00:00.000Z"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  to_char(
    date_trunc(
      'week',
      clarity_reply_checks.sent_at AT TIME ZONE 'UTC'
    ),
    'YYYY-MM-DD'
  ) as "week",
  count(*)::int as "replies",
  count(*) filter (
    where
      exists (
        select
          1
        from
          clarity_reply_findings f
        where
          f.check_id = clarity_reply_checks.id
          and f.decision <> 'accepted'
      )
  )::int as "with_open"
from
  "clarity_reply_checks"
where
  "clarity_reply_checks"."sent_at" >= $1
  and "clarity_reply_checks"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
group by
  1
order by
  1;

-- clarityRepo.weekRules
-- $1 = "2026-12-01T09:00:00.000Z"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  to_char(
    date_trunc(
      'week',
      clarity_reply_checks.sent_at AT TIME ZONE 'UTC'
    ),
    'YYYY-MM-DD'
  ) as "week",
  "clarity_reply_findings"."rule",
  count(distinct clarity_reply_checks.id) filter (
    where
      clarity_reply_findings.decision <> 'accepted'
  )::int as "open_replies",
  count(*) filter (
    where
      clarity_reply_findings.decision = 'dismissed'
  )::int as "dismissed",
  count(*) filter (
    where
      clarity_reply_findings.decision = 'accepted'
  )::int as "accepted"
from
  "clarity_reply_checks"
  inner join "clarity_reply_findings" on "clarity_reply_findings"."check_id" = "clarity_reply_checks"."id"
where
  "clarity_reply_checks"."sent_at" >= $1
  and "clarity_reply_checks"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  )
group by
  1,
  "clarity_reply_findings"."rule"
order by
  1,
  "clarity_reply_findings"."rule";
