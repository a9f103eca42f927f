import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Billing's per-SIM facts are written faster (docs/decisions.md, "Writing the per-SIM facts"):
 * - the facts lose their foreign key to the invoice: they are written in the transaction that
 *   creates the draft, and removed with it (billingRepo.deleteDraft), so the per-row check bought
 *   nothing and cost a fifth of a run's writing;
 * - `invoice_sim_usage` is keyed in the order an explanation pages it (invoice, plan, zone, test,
 *   SIM), which takes the place of `invoice_sim_usage_plan_idx`; the SIM's own look-ups (the
 *   rated-usage CSV, one SIM's usage) use a narrow index (invoice, SIM).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE invoice_sim_usage DROP CONSTRAINT invoice_sim_usage_invoice_id_fkey;
    ALTER TABLE invoice_sims DROP CONSTRAINT invoice_sims_invoice_id_fkey;
    ALTER TABLE invoice_sim_usage DROP CONSTRAINT invoice_sim_usage_pkey;
    DROP INDEX invoice_sim_usage_plan_idx;
    ALTER TABLE invoice_sim_usage ADD PRIMARY KEY (invoice_id, rate_plan_id, zone_key, test, sim_id);
    CREATE INDEX invoice_sim_usage_sim_idx ON invoice_sim_usage (invoice_id, sim_id);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    DROP INDEX invoice_sim_usage_sim_idx;
    ALTER TABLE invoice_sim_usage DROP CONSTRAINT invoice_sim_usage_pkey;
    ALTER TABLE invoice_sim_usage ADD PRIMARY KEY (invoice_id, sim_id, rate_plan_id, zone_key, test);
    CREATE INDEX invoice_sim_usage_plan_idx ON invoice_sim_usage (invoice_id, rate_plan_id, zone_key, sim_id);
    ALTER TABLE invoice_sims ADD FOREIGN KEY (invoice_id) REFERENCES invoices(id);
    ALTER TABLE invoice_sim_usage ADD FOREIGN KEY (invoice_id) REFERENCES invoices(id);
    `,
  );
}
