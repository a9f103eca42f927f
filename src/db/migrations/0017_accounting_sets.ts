import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * RADIUS accounting stored a batch at a time (signals.service.ts, recordAccounting):
 * - `accounting_record_keys` holds the dedupe key of every stored accounting record, so exactness
 *   does not depend on a unique index of `accounting_records` itself (a time-partitioned table can
 *   only have unique indexes that include its partition key). The keys are pruned with the records.
 * - `sim_network_state` keeps the SIM's usage counters — all-time bytes (the test allowance) and the
 *   bytes of the current cycle (calendar month of the traffic: usage thresholds, data limit) — so no
 *   accounting request sums `usage_daily`. Filled here from the usage stored so far.
 * - `fillfactor` leaves room in each page for the row an Interim-Update rewrites, so the update
 *   stays on its page (HOT) and touches no index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE accounting_record_keys (
      dedupe_key text PRIMARY KEY,
      received_at timestamptz NOT NULL
    );
    INSERT INTO accounting_record_keys (dedupe_key, received_at)
      SELECT dedupe_key, received_at FROM accounting_records;
    ALTER TABLE accounting_records DROP CONSTRAINT accounting_records_dedupe_key_key;

    ALTER TABLE sim_network_state ADD COLUMN total_bytes bigint NOT NULL DEFAULT 0;
    ALTER TABLE sim_network_state ADD COLUMN cycle_start date;
    ALTER TABLE sim_network_state ADD COLUMN cycle_bytes bigint NOT NULL DEFAULT 0;
    UPDATE sim_network_state s
       SET total_bytes = u.total, cycle_start = u.cycle_start, cycle_bytes = u.cycle_bytes
      FROM (
        SELECT sim_id,
               sum(bytes_up + bytes_down)::bigint AS total,
               date_trunc('month', max(day))::date AS cycle_start,
               (sum(bytes_up + bytes_down) FILTER (
                  WHERE day >= date_trunc('month', day_max)::date))::bigint AS cycle_bytes
          FROM (SELECT *, max(day) OVER (PARTITION BY sim_id) AS day_max FROM usage_daily) d
         GROUP BY sim_id
      ) u
     WHERE u.sim_id = s.sim_id;

    ALTER TABLE data_sessions SET (fillfactor = 75);
    ALTER TABLE sim_network_state SET (fillfactor = 75);
    ALTER TABLE usage_daily SET (fillfactor = 75);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
