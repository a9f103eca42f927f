import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Webhooks: subscriptions per account, one delivery per (subscription, domain event), every HTTP
 * attempt logged, and the dispatcher's cursor over `domain_events`. The cursor starts after the
 * events that exist when the table is created: subscriptions only receive events newer than themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      url text NOT NULL,
      events text[] NOT NULL,
      secret_sealed text NOT NULL,
      description text,
      status text NOT NULL CHECK (status IN ('active','paused')),
      paused_reason text,
      consecutive_failures integer NOT NULL DEFAULT 0,
      failing_since timestamptz,
      last_success_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX webhook_subscriptions_account_idx ON webhook_subscriptions (account_id);

    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      event_created_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('queued','sending','delivered','failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      retry_until timestamptz NOT NULL,
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz,
      UNIQUE (subscription_id, event_id)
    );
    CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status IN ('queued','sending');
    CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, id);
    CREATE INDEX webhook_deliveries_event_time_idx ON webhook_deliveries (subscription_id, event_created_at);

    CREATE TABLE webhook_attempts (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
      attempted_at timestamptz NOT NULL,
      status_code integer,
      error text,
      duration_ms integer NOT NULL
    );
    CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at);

    CREATE TABLE webhook_cursor (
      id integer PRIMARY KEY CHECK (id = 1),
      last_event_id uuid NOT NULL
    );
    INSERT INTO webhook_cursor (id, last_event_id)
      VALUES (1, coalesce((SELECT id FROM domain_events ORDER BY id DESC LIMIT 1), '00000000-0000-0000-0000-000000000000'));
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
