import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * A SIM is found by the IMEI of its device, as a caller gives it: the IMEI recorded on the SIM and
 * the one the network last saw it in. Neither column was indexed, so the lookup scanned every SIM.
 * Lists and counts of SIMs with their connectivity first look for the SIMs barred over their data
 * limit this cycle (few): without an index that read every SIM's network state for every page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE INDEX sims_imei_idx ON sims (imei) WHERE imei IS NOT NULL;
    CREATE INDEX sim_network_state_imei_idx ON sim_network_state (imei) WHERE imei IS NOT NULL;
    CREATE INDEX sim_network_state_barred_idx ON sim_network_state (barred_at)
      WHERE barred_at IS NOT NULL;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
