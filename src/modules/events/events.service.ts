import type { Executor } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";

/**
 * Domain events go into the `domain_events` outbox in the same transaction as the change they
 * describe; workers (webhooks, automation, rollups) read them later. Nothing is published before
 * the change commits, and nothing committed goes unpublished.
 */
export interface DomainEvent {
  accountId: string;
  type: string;
  subjectId: string;
  data: Record<string, unknown>;
}

export function createEventsService(deps: { clock: Clock }) {
  return {
    async emit(tx: Executor, events: DomainEvent[]): Promise<void> {
      if (events.length === 0) return;
      const now = deps.clock.now();
      await tx
        .insertInto("domain_events")
        .values(
          events.map((e) => ({
            id: newId(),
            account_id: e.accountId,
            type: e.type,
            subject_id: e.subjectId,
            data: JSON.stringify(e.data),
            created_at: now,
          })),
        )
        .execute();
    },
  };
}
export type EventsService = ReturnType<typeof createEventsService>;
