import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type {
  DeskAttachmentsTable,
  DeskMailboxesTable,
  DeskMessagesTable,
} from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { withinSubtree } from "../tenancy/tenancy.js";

/** Queries over the desk's mail: support mailboxes, messages in and out, and their attachments. */
export const deskMailRepo = {
  // ---- mailboxes ------------------------------------------------------------------------------

  mailboxes: (db: Executor) =>
    db.selectFrom("desk_mailboxes").select(["id", "address", "account_id"]).execute(),

  /** The mailbox with this address, whatever its case (`address` in lower case). */
  mailboxByAddress: (db: Executor, address: string) =>
    db
      .selectFrom("desk_mailboxes")
      .select("id")
      .where((eb) => eb.fn("lower", ["address"]), "=", address)
      .executeTakeFirst(),

  /** Operator-wide mailboxes and those of accounts in the subtree at `scopePath`, by address. */
  visibleMailboxes: (db: Executor, scopePath: string) =>
    db
      .selectFrom("desk_mailboxes")
      .selectAll()
      .where((eb) =>
        eb.or([
          eb("desk_mailboxes.account_id", "is", null),
          withinSubtree(eb, "desk_mailboxes.account_id", scopePath),
        ]),
      )
      .orderBy("desk_mailboxes.address")
      .execute(),

  findVisibleMailbox: (db: Executor, scopePath: string, id: string) =>
    db
      .selectFrom("desk_mailboxes")
      .selectAll()
      .where("desk_mailboxes.id", "=", id)
      .where((eb) =>
        eb.or([
          eb("desk_mailboxes.account_id", "is", null),
          withinSubtree(eb, "desk_mailboxes.account_id", scopePath),
        ]),
      )
      .executeTakeFirst(),

  insertMailbox: (tx: Executor, row: Insertable<DeskMailboxesTable>) =>
    tx.insertInto("desk_mailboxes").values(row).execute(),

  /** Removes a mailbox; its messages keep existing without it. */
  deleteMailbox: async (tx: Executor, id: string) => {
    await tx
      .updateTable("desk_messages")
      .set({ mailbox_id: null })
      .where("mailbox_id", "=", id)
      .execute();
    await tx.deleteFrom("desk_mailboxes").where("id", "=", id).execute();
  },

  /** The support address a case's first mail came through. */
  firstMailboxAddressOf: (db: Executor, caseId: string) =>
    db
      .selectFrom("desk_messages")
      .innerJoin("desk_mailboxes", "desk_mailboxes.id", "desk_messages.mailbox_id")
      .select("desk_mailboxes.address")
      .where("desk_messages.case_id", "=", caseId)
      .orderBy("desk_messages.id")
      .executeTakeFirst(),

  /** The oldest operator-wide mailbox's address. */
  operatorMailboxAddress: (db: Executor) =>
    db
      .selectFrom("desk_mailboxes")
      .select("address")
      .where("account_id", "is", null)
      .orderBy("id")
      .executeTakeFirst(),

  // ---- messages -------------------------------------------------------------------------------

  insertMessage: (tx: Executor, row: Insertable<DeskMessagesTable>) =>
    tx.insertInto("desk_messages").values(row).execute(),

  /** Inserts an inbound message unless one with its Message-ID is stored already; its id, or undefined then. */
  insertInbound: (tx: Executor, row: Insertable<DeskMessagesTable>) =>
    tx
      .insertInto("desk_messages")
      .values(row)
      .onConflict((oc) => oc.column("message_id").doNothing())
      .returning("id")
      .executeTakeFirst(),

  insertAttachment: (tx: Executor, row: Insertable<DeskAttachmentsTable>) =>
    tx.insertInto("desk_attachments").values(row).execute(),

  findByMessageId: (db: Executor, messageId: string) =>
    db
      .selectFrom("desk_messages")
      .select(["id", "case_id", "flags"])
      .where("message_id", "=", messageId)
      .executeTakeFirst(),

  /** Stored messages on a case with one of these Message-IDs (at most 100 looked up). */
  filedWithMessageIds: (db: Executor, messageIds: readonly string[]) =>
    db
      .selectFrom("desk_messages")
      .select(["message_id", "case_id", "consultation_id"])
      .where("message_id", "in", messageIds.slice(0, 100))
      .where("case_id", "is not", null)
      .execute(),

  /** An outbound message with one of these Message-IDs (at most 100 looked up): what a bounce returns. */
  outboundWithMessageIds: (db: Executor, messageIds: readonly string[]) =>
    db
      .selectFrom("desk_messages")
      .select(["id", "case_id", "message_id", "mail_id"])
      .where("direction", "=", "out")
      .where("message_id", "in", messageIds.slice(0, 100))
      .executeTakeFirst(),

  markBounced: (tx: Executor, id: string, error: string) =>
    tx
      .updateTable("desk_messages")
      .set({ send_status: "failed", send_error: error })
      .where("id", "=", id)
      .execute(),

  /** A failed reply queued again. */
  markRequeued: (tx: Executor, id: string) =>
    tx
      .updateTable("desk_messages")
      .set({ send_status: "queued", send_error: null })
      .where("id", "=", id)
      .execute(),

  /** Automatic answers sent since `since`: whom to and on which case (for the caps). */
  automaticSince: (db: Executor, since: Date) =>
    db
      .selectFrom("desk_messages")
      .select(["case_id", "to_addresses"])
      .where("direction", "=", "out")
      .where("created_at", ">=", since)
      .where((eb) => eb(eb.val("automatic"), "=", eb.fn.any("flags")))
      .execute(),

  /** Message-IDs and directions of a case's own thread, or of one consultation's, oldest first. */
  thread: (db: Executor, caseId: string, consultationId: string | null) => {
    let q = db
      .selectFrom("desk_messages")
      .select(["message_id", "direction"])
      .where("case_id", "=", caseId);
    q = consultationId
      ? q.where("consultation_id", "=", consultationId)
      : q.where("consultation_id", "is", null);
    return q.orderBy("id").execute();
  },

  /** The sender of the newest inbound mail on the case itself (not a consultation). */
  lastInboundSender: (db: Executor, caseId: string) =>
    db
      .selectFrom("desk_messages")
      .select("from_address")
      .where("case_id", "=", caseId)
      .where("direction", "=", "in")
      .where("consultation_id", "is", null)
      .where("from_address", "is not", null)
      .orderBy("id", "desc")
      .executeTakeFirst(),

  /** What the timeline shows of some messages; `mail_id` leads to the mail module's delivery. */
  views: (db: Executor, ids: readonly string[]) =>
    db
      .selectFrom("desk_messages")
      .select([
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
        "mail_id",
      ])
      .where("id", "in", [...ids])
      .execute(),

  attachmentsOf: (db: Executor, messageIds: readonly string[]) =>
    db
      .selectFrom("desk_attachments")
      .select(["id", "message_id", "filename", "content_type", "size", "inline", "truncated"])
      .where("message_id", "in", [...messageIds])
      .orderBy("id")
      .execute(),

  findOutboundOfCase: (db: Executor, caseId: string, id: string) =>
    db
      .selectFrom("desk_messages")
      .select(["id", "mail_id", "send_status"])
      .where("id", "=", id)
      .where("case_id", "=", caseId)
      .where("direction", "=", "out")
      .executeTakeFirst(),

  /** The raw message as stored: inline (`raw`) or in `raw_chunks` pieces. */
  rawOfCase: (db: Executor, caseId: string, id: string) =>
    db
      .selectFrom("desk_messages")
      .select(["raw", "raw_chunks", "id"])
      .where("id", "=", id)
      .where("case_id", "=", caseId)
      .executeTakeFirst(),

  /** An attachment of a message on the case: content inline or in `content_chunks` pieces. */
  attachmentOfCase: (db: Executor, caseId: string, id: string) =>
    db
      .selectFrom("desk_attachments")
      .innerJoin("desk_messages", "desk_messages.id", "desk_attachments.message_id")
      .select([
        "desk_attachments.id",
        "desk_attachments.filename",
        "desk_attachments.content_type",
        "desk_attachments.content",
        "desk_attachments.content_chunks",
        "desk_attachments.truncated",
      ])
      .where("desk_attachments.id", "=", id)
      .where("desk_messages.case_id", "=", caseId)
      .executeTakeFirst(),
};

const CASE = "0190a8a0-0000-7000-8000-000000000001";
const MESSAGE = "0190a8a0-0000-7000-8000-000000000002";
const MAILBOX = "0190a8a0-0000-7000-8000-000000000003";
const SCOPE = "/0190a8a0-0000-7000-8000-000000000004/";
const MESSAGE_ID = "<a1b2c3@mail.example.com>";
const AT = new Date("2026-12-01T00:00:00Z");

export const deskMailRepoSql: SqlExamples<typeof deskMailRepo> = {
  mailboxes: [[]],
  mailboxByAddress: [["support@otter.example"]],
  visibleMailboxes: [[SCOPE]],
  findVisibleMailbox: [[SCOPE, MAILBOX]],
  insertMailbox: [
    [{ id: MAILBOX, address: "support@otter.example", account_id: null, created_at: AT }],
  ],
  deleteMailbox: [[MAILBOX]],
  firstMailboxAddressOf: [[CASE]],
  operatorMailboxAddress: [[]],
  insertMessage: [
    [
      {
        id: MESSAGE,
        case_id: CASE,
        consultation_id: null,
        mailbox_id: null,
        direction: "out",
        message_id: MESSAGE_ID,
        in_reply_to: null,
        references_ids: [],
        from_address: "support@otter.example",
        to_addresses: ["ops@example.com"],
        cc_addresses: [],
        subject: "Re: SIM 89440000000000000001 has no data [Case #1234]",
        text_body: "The SIM is attached again.",
        headers: "{}",
        flags: [],
        mail_id: "0190a8a0-0000-7000-8000-000000000005",
        send_status: "queued",
        created_at: AT,
      },
    ],
  ],
  insertInbound: [
    [
      {
        id: MESSAGE,
        case_id: CASE,
        consultation_id: null,
        mailbox_id: MAILBOX,
        direction: "in",
        message_id: MESSAGE_ID,
        from_address: "ops@example.com",
        to_addresses: ["support@otter.example"],
        subject: "SIM 89440000000000000001 has no data",
        headers: "{}",
        raw: null,
        raw_size: 2048,
        raw_chunks: 1,
        flags: [],
        needs_human: false,
        created_at: AT,
      },
    ],
  ],
  insertAttachment: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000006",
        message_id: MESSAGE,
        filename: "trace.pcap",
        content_type: "application/vnd.tcpdump.pcap",
        content_id: null,
        inline: false,
        size: 4096,
        content: null,
        content_chunks: 1,
        truncated: false,
      },
    ],
  ],
  findByMessageId: [[MESSAGE_ID]],
  filedWithMessageIds: [[[MESSAGE_ID, "<d4e5f6@mail.example.com>"]]],
  outboundWithMessageIds: [[[MESSAGE_ID]]],
  markBounced: [[MESSAGE, "Bounced: 550 5.1.1 user unknown"]],
  markRequeued: [[MESSAGE]],
  automaticSince: [[AT]],
  thread: [
    [CASE, null],
    [CASE, "0190a8a0-0000-7000-8000-000000000007"],
  ],
  lastInboundSender: [[CASE]],
  views: [[[MESSAGE]]],
  attachmentsOf: [[[MESSAGE]]],
  findOutboundOfCase: [[CASE, MESSAGE]],
  rawOfCase: [[CASE, MESSAGE]],
  attachmentOfCase: [[CASE, "0190a8a0-0000-7000-8000-000000000006"]],
};
