import { type Insertable, sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { DomainEventsTable, EventQueueTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { pathOf } from "../tenancy/tenancy.js";

/** Queries over the `domain_events` outbox and the consumers' `event_queue`. */
export const eventsRepo = {
  /**
   * Writes the events and their queue rows in one statement, so no event is ever stored without
   * the queue rows its consumers read it through.
   */
  insertEvents: async (
    tx: Executor,
    events: Insertable<DomainEventsTable>[],
    queued: Insertable<EventQueueTable>[],
  ) => {
    if (queued.length === 0) {
      await tx.insertInto("domain_events").values(events).execute();
      return;
    }
    await tx
      .with("e", (q) => q.insertInto("domain_events").values(events))
      .insertInto("event_queue")
      .values(queued)
      .execute();
  },

  /**
   * Locks up to `limit` of the consumer's queued events that no other node has locked (`SKIP
   * LOCKED`), in queue order, each with its account's path (null when the account is gone).
   */
  claimQueued: (tx: Tx, consumer: string, limit: number) =>
    tx
      .selectFrom("event_queue")
      .innerJoin("domain_events", "domain_events.id", "event_queue.event_id")
      .select([
        "event_queue.seq",
        "domain_events.id",
        "domain_events.type",
        "domain_events.subject_id",
        "domain_events.account_id",
        "domain_events.data",
        "domain_events.created_at",
      ])
      .select((eb) => pathOf(eb, "domain_events.account_id").as("path"))
      .where("event_queue.consumer", "=", consumer)
      .orderBy("event_queue.seq")
      .limit(limit)
      .forUpdate(["event_queue"])
      .skipLocked()
      .execute(),

  /** Takes handled events out of the consumer's queue. */
  dequeue: (tx: Tx, consumer: string, seqs: number[]) =>
    tx
      .deleteFrom("event_queue")
      .where("consumer", "=", consumer)
      .where("seq", "in", seqs)
      .execute(),

  /** The last queue position handed out (0 before the first). */
  lastPosition: async (db: Executor) => {
    const r = await sql<{
      pos: string;
    }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS pos FROM event_queue_seq_seq`.execute(
      db,
    );
    return String(r.rows[0]!.pos);
  },

  /** How many events wait in the consumer's queue. */
  backlog: async (db: Executor, consumer: string) => {
    const r = await db
      .selectFrom("event_queue")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("consumer", "=", consumer)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The account and data of the given events, for consumers that send them on later (webhooks). */
  payloads: (db: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("domain_events")
          .select(["id", "account_id", "data"])
          .where("id", "in", [...ids])
          .execute(),
};

const EVENT_ID = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT_ID = "0190a8a0-0000-7000-8000-000000000002";

export const eventsRepoSql: SqlExamples<typeof eventsRepo> = {
  insertEvents: [
    [
      [
        {
          id: EVENT_ID,
          account_id: ACCOUNT_ID,
          type: "sim.created",
          subject_id: "0190a8a0-0000-7000-8000-000000000003",
          data: JSON.stringify({ iccid: "89440000000000000001", state: "INVENTORY" }),
          created_at: new Date("2026-12-01T00:00:00Z"),
        },
      ],
      [],
    ],
    [
      [
        {
          id: EVENT_ID,
          account_id: ACCOUNT_ID,
          type: "sim.created",
          subject_id: "0190a8a0-0000-7000-8000-000000000003",
          data: JSON.stringify({ iccid: "89440000000000000001", state: "INVENTORY" }),
          created_at: new Date("2026-12-01T00:00:00Z"),
        },
      ],
      [
        { consumer: "webhooks", event_id: EVENT_ID },
        { consumer: "automation", event_id: EVENT_ID },
      ],
    ],
  ],
  claimQueued: [["webhooks", 500]],
  dequeue: [["webhooks", [41, 42]]],
  lastPosition: [[]],
  backlog: [["automation"]],
  payloads: [[[EVENT_ID]]],
};
