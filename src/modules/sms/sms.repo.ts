import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SmsMessagesTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { pathOf, withinSubtree } from "../tenancy/tenancy.js";

/** Queries over `sms_messages` (and the SMS centres they go through). */
export const smsRepo = {
  /**
   * SMS of the subtree at `scopePath` created in `[from, to]` (of one SIM when given), oldest
   * first, a page by offset (the Control-Center-compatible SMS search).
   */
  listVisible: (
    db: Executor,
    scopePath: string,
    q: { from: Date; to: Date; simId?: string },
    page: { offset: number; limit: number },
  ) => {
    let query = db
      .selectFrom("sms_messages")
      .select(["id", "account_id", "created_at"])
      .where((eb) => withinSubtree(eb, "sms_messages.account_id", scopePath))
      .where("created_at", ">=", q.from)
      .where("created_at", "<=", q.to);
    if (q.simId) query = query.where("sim_id", "=", q.simId);
    return query
      .orderBy("created_at")
      .orderBy("id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
  },

  /** One SMS with its account's path (for the subtree check) and its centre's source address. */
  findWithPath: (db: Executor, id: string) =>
    db
      .selectFrom("sms_messages")
      .leftJoin("sms_centres", "sms_centres.id", "sms_messages.sms_centre_id")
      .selectAll("sms_messages")
      .select((eb) => [
        pathOf(eb, "sms_messages.account_id").as("account_path"),
        "sms_centres.source_address",
      ])
      .where("sms_messages.id", "=", id)
      .executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<SmsMessagesTable>) =>
    tx.insertInto("sms_messages").values(row).execute(),

  /**
   * Locks the newest SMS one of whose segments the SMS centre knows as `messageId`, once it has
   * been submitted (a receipt may come back after it was already marked delivered or failed).
   */
  lockByMessageId: (tx: Tx, messageId: string) =>
    tx
      .selectFrom("sms_messages")
      .selectAll()
      .where(sql<boolean>`message_ids @> ARRAY[${messageId}]::text[]`)
      .where("status", "in", ["submitted", "submitting", "delivered", "failed"])
      .orderBy("created_at", "desc")
      .limit(1)
      .forUpdate()
      .executeTakeFirst(),

  /** Stores the receipts of an SMS and what they settled. */
  recordReceipts: (tx: Tx, id: string, patch: Updateable<SmsMessagesTable>) =>
    tx.updateTable("sms_messages").set(patch).where("id", "=", id).execute(),

  /** Records the outcome of a submission, if the SMS is still `submitting` (its claim did not lapse). */
  recordSubmission: (db: Executor, id: string, patch: Updateable<SmsMessagesTable>) =>
    db
      .updateTable("sms_messages")
      .set(patch)
      .where("id", "=", id)
      .where("status", "=", "submitting")
      .execute(),

  /** The SMS sent for a remote action, with its centre's name (null when the centre is gone). */
  findBySimAction: (db: Executor, simActionId: string) =>
    db
      .selectFrom("sms_messages")
      .leftJoin("sms_centres", "sms_centres.id", "sms_messages.sms_centre_id")
      .selectAll("sms_messages")
      .select("sms_centres.name as centre_name")
      .where("sim_action_id", "=", simActionId)
      .executeTakeFirst(),

  /**
   * Claims that lapsed (the node died mid-submit) go back to the queue, due at `now`. Lapsed on
   * the database server's clock, so a node whose clock runs ahead cannot take back a live claim.
   */
  requeueLapsed: (tx: Tx, now: Date) =>
    tx
      .updateTable("sms_messages")
      .set({ status: "queued", next_attempt_at: now })
      .where("status", "=", "submitting")
      .where("next_attempt_at", "<", sql<Date>`now()`)
      .execute(),

  /** Locks up to `limit` due SMS that no other node has locked (`SKIP LOCKED`), oldest due first. */
  lockDue: (tx: Tx, now: Date, limit: number) =>
    tx
      .selectFrom("sms_messages")
      .selectAll()
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  /** Fails a queued SMS that will not be sent, with why. */
  markFailed: (tx: Tx, id: string, at: Date, error: string) =>
    tx
      .updateTable("sms_messages")
      .set({
        status: "failed",
        failed_at: at,
        updated_at: at,
        next_attempt_at: null,
        last_error: error,
      })
      .where("id", "=", id)
      .execute(),

  /**
   * While an SMS is `submitting`, `next_attempt_at` holds the moment its claim lapses, `leaseMs`
   * from now on the database server's clock.
   */
  markSubmitting: (tx: Tx, ids: string[], leaseMs: number, at: Date) =>
    tx
      .updateTable("sms_messages")
      .set({
        status: "submitting",
        next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
        updated_at: at,
      })
      .where("id", "in", ids)
      .execute(),

  /** Fails the SMS submitted before `submittedBefore` that never got a final receipt. */
  failUnreceipted: (db: Executor, submittedBefore: Date, at: Date, error: string) =>
    db
      .updateTable("sms_messages")
      .set({ status: "failed", failed_at: at, updated_at: at, last_error: error })
      .where("status", "=", "submitted")
      .where("submitted_at", "<", submittedBefore)
      .execute(),

  /** The SMS centres that still owe receipts for submitted SMS. */
  centresAwaitingReceipts: async (db: Executor) =>
    (
      await db
        .selectFrom("sms_messages")
        .select("sms_centre_id")
        .distinct()
        .where("status", "=", "submitted")
        .execute()
    ).map((r) => r.sms_centre_id),

  /** The ids of the SMS centres that exist. */
  centreIds: async (db: Executor) =>
    (await db.selectFrom("sms_centres").select("id").execute()).map((c) => c.id),
};

const SMS_ID = "0190a8a0-0000-7000-8000-000000000001";
const AT = new Date("2026-12-01T00:00:00Z");

export const smsRepoSql: SqlExamples<typeof smsRepo> = {
  listVisible: [
    [
      "/0190a8a0-0000-7000-8000-000000000002/",
      { from: AT, to: new Date("2026-12-02T00:00:00Z") },
      { offset: 0, limit: 51 },
    ],
    [
      "/0190a8a0-0000-7000-8000-000000000002/",
      { from: AT, to: AT, simId: "0190a8a0-0000-7000-8000-000000000003" },
      { offset: 50, limit: 51 },
    ],
  ],
  findWithPath: [[SMS_ID]],
  insert: [
    [
      {
        id: SMS_ID,
        account_id: "0190a8a0-0000-7000-8000-000000000002",
        sim_id: "0190a8a0-0000-7000-8000-000000000003",
        sim_action_id: "0190a8a0-0000-7000-8000-000000000004",
        sms_centre_id: "0190a8a0-0000-7000-8000-000000000005",
        msisdn: "447700900001",
        purpose: "wake-up",
        encoding: "gsm7",
        data_coding: 0,
        esm_class: 0,
        segments: ["c8329bfd06"],
        status: "queued",
        next_attempt_at: AT,
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  lockByMessageId: [["5f3a0c21"]],
  recordReceipts: [
    [SMS_ID, { receipts: "[]", status: "delivered", delivered_at: AT, updated_at: AT }],
  ],
  recordSubmission: [
    [
      SMS_ID,
      {
        status: "submitted",
        attempts: 1,
        last_error: null,
        updated_at: AT,
        next_attempt_at: null,
        message_ids: ["5f3a0c21"],
        submitted_at: AT,
      },
    ],
  ],
  findBySimAction: [["0190a8a0-0000-7000-8000-000000000004"]],
  requeueLapsed: [[AT]],
  lockDue: [[AT, 20]],
  markFailed: [
    [SMS_ID, AT, "Not sent: the SIM passed to another customer before the SMS could be sent."],
  ],
  markSubmitting: [[[SMS_ID], 120_000, AT]],
  failUnreceipted: [
    [
      new Date("2026-11-30T00:00:00Z"),
      AT,
      "No delivery receipt from the SMS centre within 24 hours of submission.",
    ],
  ],
  centresAwaitingReceipts: [[]],
  centreIds: [[]],
};
