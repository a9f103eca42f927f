import { type Insertable, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { MailAttachmentsTable, MailMessagesTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { withinSubtree } from "../tenancy/tenancy.js";

export type MailStatus = MailMessagesTable["status"];

/** Queries over `mail_messages`. Every function takes the executor it runs on. */
export const mailRepo = {
  insert: (db: Executor, row: Insertable<MailMessagesTable>) =>
    db.insertInto("mail_messages").values(row).execute(),

  insertAttachments: (db: Executor, rows: Insertable<MailAttachmentsTable>[]) =>
    db.insertInto("mail_attachments").values(rows).execute(),

  /** Name, type and size of the attachments of the given messages, in order (not their content). */
  attachmentsOf: (db: Executor, mailIds: readonly string[]) =>
    db
      .selectFrom("mail_attachments")
      .select(["mail_id", "n", "filename", "content_type", "size"])
      .where("mail_id", "in", [...mailIds])
      .orderBy("mail_id")
      .orderBy("n")
      .execute(),

  /** The attachments of a message with their content, for sending. */
  attachmentContentsOf: (db: Executor, mailId: string) =>
    db
      .selectFrom("mail_attachments")
      .select(["n", "filename", "content_type", "content"])
      .where("mail_id", "=", mailId)
      .orderBy("n")
      .execute(),

  /** One attachment with its content, if its message's account lies in the subtree at `path`. */
  findVisibleAttachment: (db: Executor, path: string, mailId: string, n: number) =>
    db
      .selectFrom("mail_attachments")
      .innerJoin("mail_messages", "mail_messages.id", "mail_attachments.mail_id")
      .select([
        "mail_attachments.filename",
        "mail_attachments.content_type",
        "mail_attachments.content",
      ])
      .where("mail_attachments.mail_id", "=", mailId)
      .where("mail_attachments.n", "=", n)
      .where((eb) => withinSubtree(eb, "mail_messages.account_id", path))
      .executeTakeFirst(),

  /** A message, if its account lies in the subtree at `path`. */
  findVisible: (db: Executor, path: string, id: string) =>
    db
      .selectFrom("mail_messages")
      .selectAll()
      .where("id", "=", id)
      .where((eb) => withinSubtree(eb, "mail_messages.account_id", path))
      .executeTakeFirst(),

  /** Newest first; `before` is the id of the last message of the previous page. */
  listVisible: (
    db: Executor,
    path: string,
    opts: { statuses?: MailStatus[]; before?: string; limit: number },
  ) => {
    let q = db
      .selectFrom("mail_messages")
      .selectAll()
      .where((eb) => withinSubtree(eb, "mail_messages.account_id", path));
    if (opts.statuses) q = q.where("status", "in", opts.statuses);
    if (opts.before) q = q.where("id", "<", opts.before);
    return q.orderBy("id", "desc").limit(opts.limit).execute();
  },

  /**
   * Locks up to `limit` due messages that no other node has locked (`SKIP LOCKED`), oldest due first.
   * Must run in a transaction, which should then mark them `sending` and commit at once.
   */
  lockDue: (tx: Executor, now: Date, limit: number) =>
    tx
      .selectFrom("mail_messages")
      .selectAll()
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  /**
   * Messages whose sending node let its claim lapse (crashed mid-send), on the database server's
   * clock: a node whose clock runs ahead cannot take back a message another node is still sending.
   */
  lockLapsed: (tx: Executor) =>
    tx
      .selectFrom("mail_messages")
      .select(["id", "attempts"])
      .where("status", "=", "sending")
      .where("next_attempt_at", "<=", sql<Date>`now()`)
      .forUpdate()
      .skipLocked()
      .execute(),

  /**
   * While a message is `sending`, `next_attempt_at` holds the moment its claim lapses, `leaseMs`
   * from now on the database server's clock.
   */
  markSending: (tx: Executor, ids: string[], leaseMs: number) =>
    tx
      .updateTable("mail_messages")
      .set({
        status: "sending",
        next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      .where("id", "in", ids)
      .execute(),

  markSent: (db: Executor, id: string, at: Date, attempts: number, note: string | null) =>
    db
      .updateTable("mail_messages")
      .set({ status: "sent", sent_at: at, attempts, next_attempt_at: null, last_error: note })
      .where("id", "=", id)
      .where("status", "=", "sending")
      .executeTakeFirst(),

  /** Back to `queued` for another attempt at `nextAttemptAt`, or `failed` when that is null. */
  markAttemptFailed: (
    db: Executor,
    id: string,
    attempts: number,
    error: string,
    nextAttemptAt: Date | null,
    fromStatus: MailStatus = "sending",
  ) =>
    db
      .updateTable("mail_messages")
      .set({
        status: nextAttemptAt ? "queued" : "failed",
        attempts,
        last_error: error,
        next_attempt_at: nextAttemptAt,
      })
      .where("id", "=", id)
      .where("status", "=", fromStatus)
      .executeTakeFirst(),

  /** Hands a claimed message back to the queue without counting an attempt (Otter is stopping). */
  release: (db: Executor, id: string, at: Date) =>
    db
      .updateTable("mail_messages")
      .set({ status: "queued", next_attempt_at: at })
      .where("id", "=", id)
      .where("status", "=", "sending")
      .executeTakeFirst(),

  /** Queues a message again for a fresh round of attempts, if it is still in `from`. */
  requeue: (db: Executor, id: string, from: MailStatus, at: Date) =>
    db
      .updateTable("mail_messages")
      .set({ status: "queued", attempts: 0, next_attempt_at: at })
      .where("id", "=", id)
      .where("status", "=", from)
      .executeTakeFirst(),
};

const ACCOUNT_ID = "0190a8a0-0000-7000-8000-000000000001";
const MAIL_ID = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-12-01T00:00:00Z");

export const mailRepoSql: SqlExamples<typeof mailRepo> = {
  insert: [
    [
      {
        id: MAIL_ID,
        account_id: ACCOUNT_ID,
        message_id: `<${MAIL_ID}@otter.example.com>`,
        from_address: "otter@otter.example.com",
        to_addresses: ["noc@customer.example.com"],
        cc_addresses: [],
        subject: "Otter paused your webhook",
        text_body: "Hello,",
        html_body: null,
        headers: JSON.stringify({}),
        purpose: "webhook_paused",
        status: "queued",
        next_attempt_at: AT,
        created_at: AT,
      },
    ],
  ],
  insertAttachments: [
    [
      [
        {
          mail_id: MAIL_ID,
          n: 1,
          filename: "INV-000042.pdf",
          content_type: "application/pdf",
          size: 4,
          content: Buffer.from("%PDF"),
        },
      ],
    ],
  ],
  attachmentsOf: [[[MAIL_ID]]],
  attachmentContentsOf: [[MAIL_ID]],
  findVisibleAttachment: [[`/${ACCOUNT_ID}/`, MAIL_ID, 1]],
  findVisible: [[`/${ACCOUNT_ID}/`, MAIL_ID]],
  listVisible: [
    [`/${ACCOUNT_ID}/`, { limit: 51 }],
    [`/${ACCOUNT_ID}/`, { statuses: ["queued", "sending", "outbox"], before: MAIL_ID, limit: 51 }],
  ],
  lockDue: [[AT, 20]],
  lockLapsed: [[]],
  markSending: [[[MAIL_ID], 600_000]],
  markSent: [
    [MAIL_ID, AT, 1, null],
    [MAIL_ID, AT, 2, "250 2.0.0 queued as 4Xk9"],
  ],
  markAttemptFailed: [
    [MAIL_ID, 1, "421 try again later", new Date("2026-12-01T00:01:00Z")],
    [MAIL_ID, 5, "550 mailbox unavailable", null],
  ],
  release: [[MAIL_ID, AT]],
  requeue: [[MAIL_ID, "failed", AT]],
};
