import { inTransaction, type Db, type Executor } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { type IdGenerator, newId } from "../../lib/ids.js";
import {
  type DomainEvent,
  EVENT_SCHEMAS,
  type EventData,
  type EventType,
  isEventType,
} from "./event-types.js";
import { eventsRepo as repo } from "./events.repo.js";

export type { DomainEvent, EventType } from "./event-types.js";

/**
 * Domain events go into the `domain_events` outbox in the same transaction as the change they
 * describe; consumers (automation, webhooks) read them later. Nothing is published before the
 * change commits, and nothing committed goes unpublished.
 *
 * Each consumer has its own queue (`event_queue`), written by the emitting transaction: one row per
 * event the consumer takes. A consumer claims rows with `FOR UPDATE SKIP LOCKED`, handles them in
 * the same transaction and deletes them there, so an event is handled once whatever happens to a
 * node, and an event whose transaction commits late — a long import, a slow disk, a node whose
 * clock is minutes off — is simply claimed when it becomes visible. No clock and no cursor over
 * event ids decides what a consumer has seen (docs/storage.md, "Events").
 */
export interface ConsumedEvent<T extends EventType = EventType> {
  id: string;
  /** Where the event stands in the queues: larger is written later (compare with `position()`). */
  position: bigint;
  type: T;
  subjectId: string;
  accountId: string;
  /** Materialised path of the event's account; null if the account is gone. */
  accountPath: string | null;
  data: EventData<T>;
  createdAt: Date;
}

/** Events of any type, narrowed by `type`. */
export type AnyConsumedEvent = { [T in EventType]: ConsumedEvent<T> }[EventType];

/** Who consumes which event types: declared once, in the composition root. */
export type EventConsumers = Record<string, readonly EventType[]>;

export interface ConsumeOptions {
  /** Events claimed and handled per transaction. */
  batch?: number;
  /** Transactions per call, so one call cannot run for ever under a flood. */
  maxBatches?: number;
}

export function createEventsService(deps: {
  db: Db;
  clock: Clock;
  consumers: EventConsumers;
  ids?: IdGenerator;
}) {
  const ids = deps.ids ?? newId;
  const byType = new Map<EventType, string[]>();
  for (const [consumer, types] of Object.entries(deps.consumers)) {
    for (const t of types) byType.set(t, [...(byType.get(t) ?? []), consumer]);
  }

  return {
    /**
     * Records events in the caller's transaction, each checked against its type's schema, and
     * queues each for the consumers that take its type — one statement.
     */
    async emit(tx: Executor, events: readonly DomainEvent[]): Promise<void> {
      if (events.length === 0) return;
      const now = deps.clock.now();
      const rows = events.map((e) => {
        const parsed = EVENT_SCHEMAS[e.type].safeParse(e.data);
        // A bug in the emitting code, not the caller's input: it fails the change rather than publish a malformed event.
        if (!parsed.success)
          throw new Error(`Event ${e.type} does not match its schema: ${parsed.error.message}`);
        return {
          id: ids(),
          account_id: e.accountId,
          type: e.type,
          subject_id: e.subjectId,
          data: JSON.stringify(parsed.data),
          created_at: now,
        };
      });
      const queued = rows.flatMap((r) =>
        (byType.get(r.type as EventType) ?? []).map((consumer) => ({ consumer, event_id: r.id })),
      );
      await repo.insertEvents(tx, rows, queued);
    },

    /**
     * Hands the consumer's queued events to `handler`, a batch per transaction, in the order they
     * were queued; the batch leaves the queue in the transaction the handler ran in, so a handler
     * that throws leaves it queued for the next call. Several nodes may call this at once: each
     * claims other events (SKIP LOCKED). Returns how many events were handled.
     */
    async consume(
      consumer: string,
      handler: (tx: Executor, events: AnyConsumedEvent[]) => Promise<void>,
      opts: ConsumeOptions = {},
    ): Promise<number> {
      if (!Object.hasOwn(deps.consumers, consumer))
        throw new Error(`Unknown event consumer "${consumer}"`);
      const batch = opts.batch ?? 500;
      let total = 0;
      for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
        const n = await inTransaction(deps.db, async (tx) => {
          const claimed = await repo.claimQueued(tx, consumer, batch);
          if (claimed.length === 0) return 0;
          const events: AnyConsumedEvent[] = [];
          for (const r of claimed) {
            if (!isEventType(r.type)) continue;
            // `emit` checked the data against the type's schema; events stored before the schemas existed are read as they are.
            events.push({
              id: r.id,
              position: BigInt(r.seq),
              type: r.type,
              subjectId: r.subject_id,
              accountId: r.account_id,
              accountPath: r.path ?? null,
              data: r.data as never,
              createdAt: r.created_at,
            } as AnyConsumedEvent);
          }
          await handler(tx, events);
          await repo.dequeue(
            tx,
            consumer,
            claimed.map((r) => r.seq),
          );
          return claimed.length;
        });
        total += n;
        if (n < batch) break;
      }
      return total;
    },

    /**
     * The queues' current position: events emitted from now on stand after it. A subscriber stores
     * it when it is made and takes only later events — the database's order, not a node's clock.
     */
    position: (ex: Executor = deps.db): Promise<string> => repo.lastPosition(ex),

    /** How many events wait for a consumer (tests read it to show a queue drained). */
    backlog: (consumer: string, ex: Executor = deps.db): Promise<number> =>
      repo.backlog(ex, consumer),

    /** The account and data of the given events (a webhook delivery sends them long after the event was consumed). */
    payloads: (ex: Executor, ids: readonly string[]) => repo.payloads(ex, ids),
  };
}
export type EventsService = ReturnType<typeof createEventsService>;
