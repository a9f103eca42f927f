-- The SQL of src/modules/desk/desk-mail.repo.ts, one section per function and example.
-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.

-- deskMailRepo.mailboxes
select
  "id",
  "address",
  "account_id"
from
  "desk_mailboxes";

-- deskMailRepo.mailboxByAddress
-- $1 = "support@otter.example"
select
  "id"
from
  "desk_mailboxes"
where
  lower("address") = $1;

-- deskMailRepo.visibleMailboxes
-- $1 = "/0190a8a0-0000-7000-8000-000000000004/%"
select
  *
from
  "desk_mailboxes"
where
  (
    "desk_mailboxes"."account_id" is null
    or "desk_mailboxes"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $1
    )
  )
order by
  "desk_mailboxes"."address";

-- deskMailRepo.findVisibleMailbox
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "/0190a8a0-0000-7000-8000-000000000004/%"
select
  *
from
  "desk_mailboxes"
where
  "desk_mailboxes"."id" = $1
  and (
    "desk_mailboxes"."account_id" is null
    or "desk_mailboxes"."account_id" in (
      select
        "account_scope"."account_id"
      from
        "account_scope"
      where
        "account_scope"."path" like $2
    )
  );

-- deskMailRepo.insertMailbox
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
-- $2 = "support@otter.example"
-- $3 = null
-- $4 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_mailboxes" ("id", "address", "account_id", "created_at")
values
  ($1, $2, $3, $4);

-- deskMailRepo.deleteMailbox
-- $1 = null
-- $2 = "0190a8a0-0000-7000-8000-000000000003"
update "desk_messages"
set
  "mailbox_id" = $1
where
  "mailbox_id" = $2;
-- $1 = "0190a8a0-0000-7000-8000-000000000003"
delete from "desk_mailboxes"
where
  "id" = $1;

-- deskMailRepo.firstMailboxAddressOf
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "desk_mailboxes"."address"
from
  "desk_messages"
  inner join "desk_mailboxes" on "desk_mailboxes"."id" = "desk_messages"."mailbox_id"
where
  "desk_messages"."case_id" = $1
order by
  "desk_messages"."id";

-- deskMailRepo.operatorMailboxAddress
select
  "address"
from
  "desk_mailboxes"
where
  "account_id" is null
order by
  "id";

-- deskMailRepo.insertMessage
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = null
-- $4 = null
-- $5 = "out"
-- $6 = "<a1b2c3@mail.example.com>"
-- $7 = null
-- $8 = []
-- $9 = "support@otter.example"
-- $10 = ["ops@example.com"]
-- $11 = []
-- $12 = "Re: SIM 89440000000000000001 has no data [Case #1234]"
-- $13 = "The SIM is attached again."
-- $14 = "{}"
-- $15 = []
-- $16 = "0190a8a0-0000-7000-8000-000000000005"
-- $17 = "queued"
-- $18 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_messages" (
    "id",
    "case_id",
    "consultation_id",
    "mailbox_id",
    "direction",
    "message_id",
    "in_reply_to",
    "references_ids",
    "from_address",
    "to_addresses",
    "cc_addresses",
    "subject",
    "text_body",
    "headers",
    "flags",
    "mail_id",
    "send_status",
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
    $14,
    $15,
    $16,
    $17,
    $18
  );

-- deskMailRepo.insertInbound
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = null
-- $4 = "0190a8a0-0000-7000-8000-000000000003"
-- $5 = "in"
-- $6 = "<a1b2c3@mail.example.com>"
-- $7 = "ops@example.com"
-- $8 = ["support@otter.example"]
-- $9 = "SIM 89440000000000000001 has no data"
-- $10 = "{}"
-- $11 = null
-- $12 = 2048
-- $13 = 1
-- $14 = []
-- $15 = false
-- $16 = "2026-12-01T00:00:00.000Z"
insert into
  "desk_messages" (
    "id",
    "case_id",
    "consultation_id",
    "mailbox_id",
    "direction",
    "message_id",
    "from_address",
    "to_addresses",
    "subject",
    "headers",
    "raw",
    "raw_size",
    "raw_chunks",
    "flags",
    "needs_human",
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
    $14,
    $15,
    $16
  )
on conflict ("message_id") do nothing
returning
  "id";

-- deskMailRepo.insertAttachment
-- $1 = "0190a8a0-0000-7000-8000-000000000006"
-- $2 = "0190a8a0-0000-7000-8000-000000000002"
-- $3 = "trace.pcap"
-- $4 = "application/vnd.tcpdump.pcap"
-- $5 = null
-- $6 = false
-- $7 = 4096
-- $8 = null
-- $9 = 1
-- $10 = false
insert into
  "desk_attachments" (
    "id",
    "message_id",
    "filename",
    "content_type",
    "content_id",
    "inline",
    "size",
    "content",
    "content_chunks",
    "truncated"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- deskMailRepo.findByMessageId
-- $1 = "<a1b2c3@mail.example.com>"
select
  "id",
  "case_id",
  "flags"
from
  "desk_messages"
where
  "message_id" = $1;

-- deskMailRepo.filedWithMessageIds
-- $1 = "<a1b2c3@mail.example.com>"
-- $2 = "<d4e5f6@mail.example.com>"
select
  "message_id",
  "case_id",
  "consultation_id"
from
  "desk_messages"
where
  "message_id" in ($1, $2)
  and "case_id" is not null;

-- deskMailRepo.outboundWithMessageIds
-- $1 = "out"
-- $2 = "<a1b2c3@mail.example.com>"
select
  "id",
  "case_id",
  "message_id",
  "mail_id"
from
  "desk_messages"
where
  "direction" = $1
  and "message_id" in ($2);

-- deskMailRepo.markBounced
-- $1 = "failed"
-- $2 = "Bounced: 550 5.1.1 user unknown"
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "desk_messages"
set
  "send_status" = $1,
  "send_error" = $2
where
  "id" = $3;

-- deskMailRepo.markRequeued
-- $1 = "queued"
-- $2 = null
-- $3 = "0190a8a0-0000-7000-8000-000000000002"
update "desk_messages"
set
  "send_status" = $1,
  "send_error" = $2
where
  "id" = $3;

-- deskMailRepo.automaticSince
-- $1 = "out"
-- $2 = "2026-12-01T00:00:00.000Z"
-- $3 = "automatic"
select
  "case_id",
  "to_addresses"
from
  "desk_messages"
where
  "direction" = $1
  and "created_at" >= $2
  and $3 = any ("flags");

-- deskMailRepo.thread (example 1)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
select
  "message_id",
  "direction"
from
  "desk_messages"
where
  "case_id" = $1
  and "consultation_id" is null
order by
  "id";

-- deskMailRepo.thread (example 2)
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "0190a8a0-0000-7000-8000-000000000007"
select
  "message_id",
  "direction"
from
  "desk_messages"
where
  "case_id" = $1
  and "consultation_id" = $2
order by
  "id";

-- deskMailRepo.lastInboundSender
-- $1 = "0190a8a0-0000-7000-8000-000000000001"
-- $2 = "in"
select
  "from_address"
from
  "desk_messages"
where
  "case_id" = $1
  and "direction" = $2
  and "consultation_id" is null
  and "from_address" is not null
order by
  "id" desc;

-- deskMailRepo.views
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "direction",
  "message_id",
  "from_address",
  "to_addresses",
  "cc_addresses",
  "subject",
  "flags",
  "needs_human",
  "raw_size",
  "send_status",
  "send_error",
  "mail_id"
from
  "desk_messages"
where
  "id" in ($1);

-- deskMailRepo.attachmentsOf
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
select
  "id",
  "message_id",
  "filename",
  "content_type",
  "size",
  "inline",
  "truncated"
from
  "desk_attachments"
where
  "message_id" in ($1)
order by
  "id";

-- deskMailRepo.findOutboundOfCase
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
-- $3 = "out"
select
  "id",
  "mail_id",
  "send_status"
from
  "desk_messages"
where
  "id" = $1
  and "case_id" = $2
  and "direction" = $3;

-- deskMailRepo.rawOfCase
-- $1 = "0190a8a0-0000-7000-8000-000000000002"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "raw",
  "raw_chunks",
  "id"
from
  "desk_messages"
where
  "id" = $1
  and "case_id" = $2;

-- deskMailRepo.attachmentOfCase
-- $1 = "0190a8a0-0000-7000-8000-000000000006"
-- $2 = "0190a8a0-0000-7000-8000-000000000001"
select
  "desk_attachments"."id",
  "desk_attachments"."filename",
  "desk_attachments"."content_type",
  "desk_attachments"."content",
  "desk_attachments"."content_chunks",
  "desk_attachments"."truncated"
from
  "desk_attachments"
  inner join "desk_messages" on "desk_messages"."id" = "desk_attachments"."message_id"
where
  "desk_attachments"."id" = $1
  and "desk_messages"."case_id" = $2;
