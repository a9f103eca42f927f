import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Billing cycles (docs/billing.md):
 * - a SIM whose rate plan changed mid-cycle with immediate effect is on an invoice once per plan it
 *   was on, so the per-SIM facts are keyed by plan too;
 * - a late-usage line names the issued invoice whose cycle the usage belongs to
 *   (`late_for_invoice_id`), so a later run knows what was already billed late for that cycle.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE invoice_sims DROP CONSTRAINT invoice_sims_pkey;
    ALTER TABLE invoice_sims ADD PRIMARY KEY (invoice_id, sim_id, rate_plan_id);
    ALTER TABLE invoice_sim_usage DROP CONSTRAINT invoice_sim_usage_pkey;
    ALTER TABLE invoice_sim_usage ADD PRIMARY KEY (invoice_id, sim_id, rate_plan_id, zone_key, test);
    ALTER TABLE invoice_lines ADD COLUMN late_for_invoice_id uuid REFERENCES invoices(id);
    CREATE INDEX invoice_lines_late_idx ON invoice_lines (late_for_invoice_id)
      WHERE late_for_invoice_id IS NOT NULL;
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    DROP INDEX invoice_lines_late_idx;
    ALTER TABLE invoice_lines DROP COLUMN late_for_invoice_id;
    ALTER TABLE invoice_sim_usage DROP CONSTRAINT invoice_sim_usage_pkey;
    ALTER TABLE invoice_sim_usage ADD PRIMARY KEY (invoice_id, sim_id, zone_key, test);
    ALTER TABLE invoice_sims DROP CONSTRAINT invoice_sims_pkey;
    ALTER TABLE invoice_sims ADD PRIMARY KEY (invoice_id, sim_id);
    `,
  );
}
