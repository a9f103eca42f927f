import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Event consumption follows commit order: each consumer gets its own queue, written by the
 * transaction that emits the event, instead of a cursor over event ids that had to wait out a
 * "settle" window (an event committed after the window had passed was skipped for ever).
 *
 * `seq` orders a consumer's queue by the time events were written (an identity column, so two
 * nodes whose clocks differ still queue in the order they wrote). A webhook subscription or an
 * automation rule remembers the queue position when it was made (`events_from`), and takes only
 * events queued after it — the database's order, not a node's clock, says what is "after".
 * The events still waiting behind the old cursors move into the queues; the cursors go.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE event_queue (
      consumer text NOT NULL,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      event_id uuid NOT NULL,
      PRIMARY KEY (consumer, seq)
    );

    INSERT INTO event_queue (consumer, event_id)
      SELECT 'webhooks', e.id FROM domain_events e, webhook_cursor c WHERE e.id > c.last_event_id ORDER BY e.id;
    INSERT INTO event_queue (consumer, event_id)
      SELECT 'automation', e.id FROM domain_events e, automation_cursor c WHERE e.id > c.last_event_id ORDER BY e.id;

    ALTER TABLE webhook_subscriptions ADD COLUMN events_from bigint NOT NULL DEFAULT 0;
    ALTER TABLE automation_rules ADD COLUMN events_from bigint NOT NULL DEFAULT 0;

    DROP TABLE webhook_cursor;
    DROP TABLE automation_cursor;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
