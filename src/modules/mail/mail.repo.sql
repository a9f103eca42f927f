-- The SQL of src/modules/mail/mail.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- mailRepo.insert
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "<0190a8a0-0000-7000-8000-000000000002@otter.example.com>"
-- $4 = "otter@otter.example.com"
-- $5 = ["noc@customer.example.com"]
-- $6 = []
-- $7 = "Otter paused your webhook"
-- $8 = "Hello,"
-- $9 = null
-- $10 = "{}"
-- $11 = "webhook_paused"
-- $12 = "queued"
-- $13 = "2026-12-01T00:00:00.000Z"
-- $14 = "2026-12-01T00:00:00.000Z"
insert into
  "mail_messages" (
    "id",
    "account_id",
    "message_id",
    "from_address",
    "to_addresses",
    "cc_addresses",
    "subject",
    "text_body",
    "html_body",
    "headers",
    "purpose",
    "status",
    "next_attempt_at",
    "created_at"
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
  );

-- mailRepo.insertAttachments
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = 1
-- $3 = "INV-000042.pdf"
-- $4 = "application/pdf"
-- $5 = 4
-- $6 = "<4 bytes>"
insert into
  "mail_attachments" (
    "mail_id",
    "n",
    "filename",
    "content_type",
    "size",
    "content"
  )
values
  ($1, $2, $3, $4, $5, $6);

-- mailRepo.attachmentsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "mail_id",
  "n",
  "filename",
  "content_type",
  "size"
from
  "mail_attachments"
where
  "mail_id" in ($1)
order by
  "mail_id",
  "n";

-- mailRepo.attachmentContentsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "n",
  "filename",
  "content_type",
  "content"
from
  "mail_attachments"
where
  "mail_id" = $1
order by
  "n";

-- mailRepo.findVisibleAttachment
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = 1
-- $3 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  "mail_attachments"."filename",
  "mail_attachments"."content_type",
  "mail_attachments"."content"
from
  "mail_attachments"
  inner join "mail_messages" on "mail_messages"."id" = "mail_attachments"."mail_id"
where
  "mail_attachments"."mail_id" = $1
  and "mail_attachments"."n" = $2
  and "mail_messages"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $3
  );

-- mailRepo.findVisible
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "/0190a8a0-0000-7000-8000-000000000001/%"
select
  *
from
  "mail_messages"
where
  "id" = $1
  and "mail_messages"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $2
  );

-- mailRepo.listVisible (example 1)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = 51
select
  *
from
  "mail_messages"
where
  "mail_messages"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
order by
  "id" desc
limit
  $2;

-- mailRepo.listVisible (example 2)
-- $1 = "/0190a8a0-0000-7000-8000-000000000001/%"
-- $2 = "queued"
-- $3 = "sending"
-- $4 = "outbox"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = 51
select
  *
from
  "mail_messages"
where
  "mail_messages"."account_id" in (
    select
      "account_scope"."account_id"
    from
      "account_scope"
    where
      "account_scope"."path" like $1
  )
  and "status" in ($2, $3, $4)
  and "id" < $5
order by
  "id" desc
limit
  $6;

-- mailRepo.lockDue
-- $1 = "queued"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 20
select
  *
from
  "mail_messages"
where
  "status" = $1
  and "next_attempt_at" <= $2
order by
  "next_attempt_at"
limit
  $3
for update
  skip locked;

-- mailRepo.lockLapsed
-- $1 = "sending"
select
  "id",
  "attempts"
from
  "mail_messages"
where
  "status" = $1
  and "next_attempt_at" <= now()
for update
  skip locked;

-- mailRepo.markSending
-- $1 = "sending"
-- $2 = 600
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "mail_messages"
set
  "status" = $1,
  "next_attempt_at" = now() + make_interval(secs => $2)
where
  "id" in ($3);

-- mailRepo.markSent (example 1)
-- $1 = "sent"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 1
-- $4 = null
-- $5 = null
-- $6 = "0190a8a0-0000-7000-8000-000000000002"
-- $7 = "sending"
update "mail_messages"
set
  "status" = $1,
  "sent_at" = $2,
  "attempts" = $3,
  "next_attempt_at" = $4,
  "last_error" = $5
where
  "id" = $6
  and "status" = $7;

-- mailRepo.markSent (example 2)
-- $1 = "sent"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = 2
-- $4 = null
-- $5 = "250 2.0.0 queued as 4Xk9"
-- $6 = "0190a8a0-0000-7000-8000-000000000002"
-- $7 = "sending"
update "mail_messages"
set
  "status" = $1,
  "sent_at" = $2,
  "attempts" = $3,
  "next_attempt_at" = $4,
  "last_error" = $5
where
  "id" = $6
  and "status" = $7;

-- mailRepo.markAttemptFailed (example 1)
-- $1 = "queued"
-- $2 = 1
-- $3 = "421 try again later"
-- $4 = "2026-12-01T00:01:00.000Z"
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "sending"
update "mail_messages"
set
  "status" = $1,
  "attempts" = $2,
  "last_error" = $3,
  "next_attempt_at" = $4
where
  "id" = $5
  and "status" = $6;

-- mailRepo.markAttemptFailed (example 2)
-- $1 = "failed"
-- $2 = 5
-- $3 = "550 mailbox unavailable"
-- $4 = null
-- $5 = "0190a8a0-0000-7000-8000-000000000002"
-- $6 = "sending"
update "mail_messages"
set
  "status" = $1,
  "attempts" = $2,
  "last_error" = $3,
  "next_attempt_at" = $4
where
  "id" = $5
  and "status" = $6;

-- mailRepo.release
-- $1 = "queued"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
-- $4 = "sending"
update "mail_messages"
set
  "status" = $1,
  "next_attempt_at" = $2
where
  "id" = $3
  and "status" = $4;

-- mailRepo.requeue
-- $1 = "queued"
-- $2 = 0
-- $3 = "2026-12-01T00:00:00.000Z"
-- $4 = "0190a8a0-0000-7000-8000-000000000002"
-- $5 = "failed"
update "mail_messages"
set
  "status" = $1,
  "attempts" = $2,
  "next_attempt_at" = $3
where
  "id" = $4
  and "status" = $5;
