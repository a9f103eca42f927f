import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Usage alerts that follow each customer's billing cycle (docs/automation.md, docs/billing.md):
 * - `sim_network_state` counts a SIM's data since the start of its customer's current billing cycle
 *   (`usage_cycle_start`, a local date in the customer's time zone) next to the calendar-month counter
 *   the data limit keeps using (`cycle_start`, `cycle_bytes`);
 * - `pool_usage_alerts` remembers each pool threshold reported, one row per customer, rate plan,
 *   cycle, measure (`used` or `projected`) and percent: the insert that succeeds is the one that
 *   emits `pool.usage_threshold`, so a threshold is reported once per cycle across restarts and nodes;
 * - `billing_schedules` is the lease of billing's periodic work (one row per kind of work): the node
 *   whose update moves `due_at` on runs it, the others skip the round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE sim_network_state
      ADD COLUMN usage_cycle_start date,
      ADD COLUMN usage_cycle_bytes bigint NOT NULL DEFAULT 0;

    CREATE TABLE pool_usage_alerts (
      account_id uuid NOT NULL REFERENCES accounts(id),
      rate_plan_id uuid NOT NULL,
      cycle_start date NOT NULL,
      measure text NOT NULL CHECK (measure IN ('used','projected')),
      percent integer NOT NULL,
      pool_bytes bigint NOT NULL,
      used_bytes bigint NOT NULL,
      projected_bytes bigint NOT NULL,
      fired_at timestamptz NOT NULL,
      PRIMARY KEY (account_id, rate_plan_id, cycle_start, measure, percent)
    );

    CREATE TABLE billing_schedules (
      name text PRIMARY KEY,
      due_at timestamptz NOT NULL,
      lease_until timestamptz
    );
    `,
  );
}
