import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { pathOf, withinSubtree } from "../tenancy/tenancy.js";
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from "../../db/schema.js";

export type DeliveryStatus = WebhookDeliveriesTable["status"];

/** Queries over the webhook tables. Every function takes the executor it runs on. */
export const webhooksRepo = {
  insertSubscription: (db: Executor, row: Insertable<WebhookSubscriptionsTable>) =>
    db.insertInto("webhook_subscriptions").values(row).returningAll().executeTakeFirstOrThrow(),

  /** A subscription, if its account lies in the subtree at `path`. */
  findVisible: (db: Executor, path: string, id: string) =>
    db
      .selectFrom("webhook_subscriptions")
      .selectAll()
      .where("id", "=", id)
      .where((eb) => withinSubtree(eb, "webhook_subscriptions.account_id", path))
      .executeTakeFirst(),

  listVisible: (db: Executor, path: string, accountId?: string) => {
    let q = db
      .selectFrom("webhook_subscriptions")
      .selectAll()
      .where((eb) => withinSubtree(eb, "webhook_subscriptions.account_id", path));
    if (accountId) q = q.where("account_id", "=", accountId);
    return q.orderBy("id").execute();
  },

  updateSubscription: (db: Executor, id: string, patch: Updateable<WebhookSubscriptionsTable>) =>
    db
      .updateTable("webhook_subscriptions")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  deleteSubscription: (db: Executor, id: string) =>
    db.deleteFrom("webhook_subscriptions").where("id", "=", id).execute(),

  /** Every subscription with its account's path: few enough to match events against in memory. */
  allSubscriptions: (tx: Executor) =>
    tx
      .selectFrom("webhook_subscriptions")
      .select(["id", "events", "events_from", "format"])
      // Never null: a subscription's account is a foreign key.
      .select((eb) => pathOf(eb, "webhook_subscriptions.account_id").$asScalar().as("path"))
      .execute(),

  insertDeliveries: (tx: Executor, rows: Insertable<WebhookDeliveriesTable>[]) =>
    rows.length === 0
      ? Promise.resolve()
      : tx
          .insertInto("webhook_deliveries")
          .values(rows)
          .onConflict((oc) => oc.columns(["subscription_id", "event_id"]).doNothing())
          .execute()
          .then(() => undefined),

  /**
   * Locks up to `limit` due deliveries of active subscriptions that no other node has locked, with
   * their subscription's URL, sealed secret, account and format. Must run in a transaction that marks them
   * `sending` and commits at once.
   */
  lockDue: async (tx: Executor, now: Date, limit: number) => {
    // Two steps: lock the due ids alone, walking the due index in order (joined in one statement,
    // the planner sorted every queued delivery with its event on disk once a backlog built up),
    // then read what sending needs for those ids (the events' data comes from the events module).
    const active = (
      await tx
        .selectFrom("webhook_subscriptions")
        .select("id")
        .where("status", "=", "active")
        .execute()
    ).map((s) => s.id);
    if (active.length === 0) return [];
    const ids = (
      await tx
        .selectFrom("webhook_deliveries")
        .select("id")
        .where("status", "=", "queued")
        .where("next_attempt_at", "<=", now)
        .where("subscription_id", "in", active)
        .orderBy("next_attempt_at")
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute()
    ).map((d) => d.id);
    if (ids.length === 0) return [];
    return tx
      .selectFrom("webhook_deliveries")
      .innerJoin("webhook_subscriptions as s", "s.id", "webhook_deliveries.subscription_id")
      .selectAll("webhook_deliveries")
      .select([
        "s.url",
        "s.secret_sealed",
        "s.account_id as subscription_account_id",
        "s.format",
        "s.cc_data_format",
      ])
      .where("webhook_deliveries.id", "in", ids)
      .orderBy("webhook_deliveries.next_attempt_at")
      .execute();
  },

  /** Deliveries whose sending node let its claim lapse (crashed mid-send). */
  /** Deliveries whose sending lease ran out, on the database server's clock (node clocks may differ). */
  lockLapsed: (tx: Executor) =>
    tx
      .selectFrom("webhook_deliveries")
      .select(["id", "subscription_id", "attempts", "retry_until"])
      .where("status", "=", "sending")
      .where("next_attempt_at", "<=", sql<Date>`now()`)
      .forUpdate()
      .skipLocked()
      .execute(),

  /** Claims deliveries for sending until the lease ends, on the database server's clock. */
  markSending: (tx: Executor, ids: string[], leaseMs: number) =>
    tx
      .updateTable("webhook_deliveries")
      .set({
        status: "sending",
        next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      .where("id", "in", ids)
      .execute(),

  insertAttempt: (db: Executor, row: Insertable<WebhookAttemptsTable>) =>
    db.insertInto("webhook_attempts").values(row).execute(),

  /** Records the outcome of an attempt on a delivery that is still `sending` (a replay may not overrule it). */
  finishAttempt: (db: Executor, id: string, set: Updateable<WebhookDeliveriesTable>) =>
    db
      .updateTable("webhook_deliveries")
      .set(set)
      .where("id", "=", id)
      .where("status", "=", "sending")
      .executeTakeFirst(),

  insertAttempts: async (db: Executor, rows: Insertable<WebhookAttemptsTable>[]) => {
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto("webhook_attempts")
        .values(rows.slice(i, i + 1000))
        .execute();
  },

  /**
   * Records the outcomes of a round of attempts in one statement (`sending` rows only, as
   * finishAttempt): one `UPDATE … FROM (VALUES …)` instead of one update per delivery.
   */
  finishAttempts: async (
    db: Executor,
    rows: {
      id: string;
      status: "delivered" | "queued" | "failed";
      attempts: number;
      nextAttemptAt: Date | null;
      deliveredAt: Date | null;
      statusCode: number | null;
      error: string | null;
    }[],
  ) => {
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows
        .slice(i, i + 500)
        .map(
          (r) =>
            sql`(${r.id}::uuid, ${r.status}::text, ${r.attempts}::int, ${r.nextAttemptAt}::timestamptz, ${r.deliveredAt}::timestamptz, ${r.statusCode}::int, ${r.error}::text)`,
        );
      await sql`UPDATE webhook_deliveries AS d
        SET status = v.status, attempts = v.attempts, next_attempt_at = v.next_attempt_at, delivered_at = coalesce(v.delivered_at, d.delivered_at),
            last_status_code = v.status_code, last_error = v.error
        FROM (VALUES ${sql.join(values)}) AS v(id, status, attempts, next_attempt_at, delivered_at, status_code, error)
        WHERE d.id = v.id AND d.status = 'sending'`.execute(db);
    }
  },

  /**
   * A round's effect on a subscription's failure streak: after a success, the streak is the failures
   * that came after it; without one, the failures add to the streak. Returns the subscription.
   */
  recordRound: (
    db: Executor,
    subscriptionId: string,
    at: Date,
    r: { succeeded: boolean; failuresAfter: number },
  ) => {
    let q = db
      .updateTable("webhook_subscriptions")
      .set(
        r.succeeded
          ? {
              consecutive_failures: r.failuresAfter,
              failing_since: r.failuresAfter > 0 ? at : null,
              last_success_at: at,
            }
          : {
              consecutive_failures: sql`consecutive_failures + ${r.failuresAfter}`,
              failing_since: sql`coalesce(failing_since, ${at})`,
            },
      )
      .where("id", "=", subscriptionId);
    // A healthy subscription's row is touched at most once a second (last_success_at to the second),
    // so that concurrent rounds do not queue behind each other's lock on it.
    if (r.succeeded && r.failuresAfter === 0) {
      q = q.where((eb) =>
        eb.or([
          eb("consecutive_failures", "<>", 0),
          eb("last_success_at", "is", null),
          eb("last_success_at", "<", new Date(at.getTime() - 1000)),
        ]),
      );
    }
    return q.returningAll().executeTakeFirst();
  },

  findDelivery: (db: Executor, subscriptionId: string, id: string) =>
    db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("id", "=", id)
      .where("subscription_id", "=", subscriptionId)
      .executeTakeFirst(),

  /** Queues deliveries again for a fresh round of attempts starting `at` (not those being sent right now). */
  requeue: (
    db: Executor,
    where: { subscriptionId: string; id?: string; from?: Date; to?: Date; eventTypes?: string[] },
    at: Date,
    retryUntil: Date,
  ) => {
    let q = db
      .updateTable("webhook_deliveries")
      .set({ status: "queued", attempts: 0, next_attempt_at: at, retry_until: retryUntil })
      .where("subscription_id", "=", where.subscriptionId)
      .where("status", "!=", "sending");
    if (where.id) q = q.where("id", "=", where.id);
    if (where.eventTypes) q = q.where("event_type", "in", where.eventTypes);
    if (where.from) q = q.where("event_created_at", ">=", where.from);
    if (where.to) q = q.where("event_created_at", "<", where.to);
    return q.executeTakeFirst();
  },

  /**
   * Ends the waiting deliveries of event types outside `eventTypes` as failed, with `reason` as
   * their last error: a subscription switched to Control Center's format cannot send them.
   */
  failQueuedOutside: (db: Executor, subscriptionId: string, eventTypes: string[], reason: string) =>
    db
      .updateTable("webhook_deliveries")
      .set({ status: "failed", next_attempt_at: null, last_error: reason })
      .where("subscription_id", "=", subscriptionId)
      .where("status", "=", "queued")
      .where("event_type", "not in", eventTypes)
      .executeTakeFirst(),

  /** On resume: what waited while the subscription was paused goes out now, with a fresh retry window. */
  wakeQueued: (db: Executor, subscriptionId: string, at: Date, retryUntil: Date) =>
    db
      .updateTable("webhook_deliveries")
      .set({ next_attempt_at: at, retry_until: retryUntil })
      .where("subscription_id", "=", subscriptionId)
      .where("status", "=", "queued")
      .execute(),

  /** Newest first; `before` is the id of the last delivery of the previous page. */
  listDeliveries: (
    db: Executor,
    subscriptionId: string,
    opts: { status?: DeliveryStatus; before?: string; limit: number },
  ) => {
    let q = db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("subscription_id", "=", subscriptionId);
    if (opts.status) q = q.where("status", "=", opts.status);
    if (opts.before) q = q.where("id", "<", opts.before);
    return q.orderBy("id", "desc").limit(opts.limit).execute();
  },

  attemptsOf: (db: Executor, deliveryIds: string[]) =>
    deliveryIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("webhook_attempts")
          .selectAll()
          .where("delivery_id", "in", deliveryIds)
          .orderBy("attempted_at")
          .orderBy("id")
          .execute(),
};

const ACCOUNT_ID = "0190a8a0-0000-7000-8000-000000000001";
const SUBSCRIPTION_ID = "0190a8a0-0000-7000-8000-000000000002";
const DELIVERY_ID = "0190a8a0-0000-7000-8000-000000000003";
const EVENT_ID = "0190a8a0-0000-7000-8000-000000000004";
const PATH = `/${ACCOUNT_ID}/`;
const AT = new Date("2026-12-01T00:00:00Z");
const RETRY_UNTIL = new Date("2026-12-02T00:00:00Z");

export const webhooksRepoSql: SqlExamples<typeof webhooksRepo> = {
  insertSubscription: [
    [
      {
        id: SUBSCRIPTION_ID,
        account_id: ACCOUNT_ID,
        url: "https://hooks.example.com/otter",
        events: ["sim.state_changed"],
        events_from: "41",
        secret_sealed: "sealed",
        description: null,
        status: "active",
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  findVisible: [[PATH, SUBSCRIPTION_ID]],
  listVisible: [[PATH], [PATH, ACCOUNT_ID]],
  updateSubscription: [[SUBSCRIPTION_ID, { status: "paused", paused_reason: "Paused by Ops." }]],
  deleteSubscription: [[SUBSCRIPTION_ID]],
  allSubscriptions: [[]],
  insertDeliveries: [
    [
      [
        {
          id: DELIVERY_ID,
          subscription_id: SUBSCRIPTION_ID,
          event_id: EVENT_ID,
          event_type: "sim.state_changed",
          event_created_at: AT,
          status: "queued",
          next_attempt_at: AT,
          retry_until: RETRY_UNTIL,
          created_at: AT,
        },
      ],
    ],
  ],
  lockDue: [[AT, 200]],
  lockLapsed: [[]],
  markSending: [[[DELIVERY_ID], 60_000]],
  insertAttempt: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000005",
        delivery_id: DELIVERY_ID,
        attempted_at: AT,
        status_code: 503,
        error: null,
        duration_ms: 120,
      },
    ],
  ],
  finishAttempt: [[DELIVERY_ID, { status: "queued", attempts: 1, next_attempt_at: AT }]],
  insertAttempts: [
    [
      [
        {
          id: "0190a8a0-0000-7000-8000-000000000005",
          delivery_id: DELIVERY_ID,
          attempted_at: AT,
          status_code: 200,
          error: null,
          duration_ms: 80,
        },
      ],
    ],
  ],
  finishAttempts: [
    [
      [
        {
          id: DELIVERY_ID,
          status: "delivered",
          attempts: 1,
          nextAttemptAt: null,
          deliveredAt: AT,
          statusCode: 200,
          error: null,
        },
      ],
    ],
  ],
  recordRound: [
    [SUBSCRIPTION_ID, AT, { succeeded: true, failuresAfter: 0 }],
    [SUBSCRIPTION_ID, AT, { succeeded: false, failuresAfter: 3 }],
  ],
  findDelivery: [[SUBSCRIPTION_ID, DELIVERY_ID]],
  requeue: [
    [{ subscriptionId: SUBSCRIPTION_ID, id: DELIVERY_ID }, AT, RETRY_UNTIL],
    [
      { subscriptionId: SUBSCRIPTION_ID, from: AT, to: new Date("2026-12-01T06:00:00Z") },
      AT,
      RETRY_UNTIL,
    ],
    [
      {
        subscriptionId: SUBSCRIPTION_ID,
        from: AT,
        to: new Date("2026-12-01T06:00:00Z"),
        eventTypes: ["sim.state_changed", "sim.session_ended"],
      },
      AT,
      RETRY_UNTIL,
    ],
  ],
  failQueuedOutside: [
    [
      SUBSCRIPTION_ID,
      ["sim.state_changed", "sim.session_ended"],
      "Not sent: Control Center's push format has no event for it.",
    ],
  ],
  wakeQueued: [[SUBSCRIPTION_ID, AT, RETRY_UNTIL]],
  listDeliveries: [
    [SUBSCRIPTION_ID, { limit: 51 }],
    [SUBSCRIPTION_ID, { status: "failed", before: DELIVERY_ID, limit: 51 }],
  ],
  attemptsOf: [[[DELIVERY_ID]]],
};
