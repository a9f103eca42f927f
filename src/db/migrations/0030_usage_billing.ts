import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Usage as billing reads it (docs/network.md, "Usage for billing"):
 *
 * - `usage_daily.billed_bytes`: the bytes a SIM is billed for on a day in a zone, rounded per data
 *   session by its rate plan's `rounding` when the usage is recorded. Each accounting record adds
 *   roundUp(session total after) − roundUp(session total before), so a session's rounded total is
 *   exactly the sum of its rows and a billing run only adds daily rows. Rows stored before this
 *   migration get their raw bytes (their sessions cannot be rounded afterwards; never more than used).
 * - `data_sessions.billing_unit`: the rounding unit in bytes (1024 per KB, 1048576 per MB) fixed at
 *   the session's first record from the rate plan version in force then; null for older sessions,
 *   which take the unit in force at their next record.
 * - `session_usage_daily`: the same per session, day and zone — what an invoice line's explanation
 *   lists under a SIM's day. Partitioned by day like `usage_daily` (partition maintenance).
 * - `sms_usage`: every SMS counted into `usage_daily.sms_mo/sms_mt`, once: Otter's own submissions
 *   (source `otter`, one row per segment, record id `<sms id>:<segment>`) and the SMS centre's records
 *   (source `smsc`, the centre's record id). An MT record of the SMS centre whose message id Otter
 *   already counted for the same SIM is kept with `counted = false` (the partial unique index makes
 *   a second count impossible even under concurrent writers).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE usage_daily ADD COLUMN billed_bytes bigint NOT NULL DEFAULT 0;
    UPDATE usage_daily SET billed_bytes = bytes_up + bytes_down;
    ALTER TABLE data_sessions ADD COLUMN billing_unit integer;

    CREATE TABLE session_usage_daily (
      sim_id uuid NOT NULL,
      day date NOT NULL,
      zone_key text NOT NULL,
      session_id uuid NOT NULL,
      zone_id uuid,
      account_id uuid NOT NULL,
      bytes bigint NOT NULL DEFAULT 0,
      billed_bytes bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (sim_id, day, zone_key, session_id)
    ) PARTITION BY RANGE (day);
    CREATE TABLE session_usage_daily_default PARTITION OF session_usage_daily DEFAULT;

    CREATE TABLE sms_usage (
      id uuid PRIMARY KEY,
      source text NOT NULL CHECK (source IN ('otter', 'smsc')),
      record_id text NOT NULL,
      account_id uuid NOT NULL,
      sim_id uuid NOT NULL,
      direction text NOT NULL CHECK (direction IN ('MO', 'MT')),
      message_id text,
      at timestamptz NOT NULL,
      day date NOT NULL,
      zone_key text NOT NULL,
      zone_id uuid,
      counted boolean NOT NULL,
      received_at timestamptz NOT NULL,
      UNIQUE (source, record_id)
    );
    CREATE UNIQUE INDEX sms_usage_counted_message_idx ON sms_usage (sim_id, message_id)
      WHERE counted AND direction = 'MT' AND message_id IS NOT NULL;
    CREATE INDEX sms_usage_sim_day_idx ON sms_usage (sim_id, day);
    `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
