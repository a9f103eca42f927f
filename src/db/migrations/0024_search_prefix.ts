import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The console's search box finds a SIM by the first digits of its ICCID, IMSI, MSISDN or IMEI (or
 * the IMEI the network last saw it in) as the agent types. The unique indexes on these columns use
 * the database's collation, which PostgreSQL cannot use for a prefix range unless it is "C"; these
 * are in "C" order, so `col COLLATE "C" >= '8944' AND col COLLATE "C" < '8944:'` ordered by the same
 * expression reads only the first few matching entries, at any fleet size. A customer's search
 * visits each account of its subtree on an (account, identifier) index instead: in the fleet's
 * order, a customer with 20 SIMs among a million would have its matches at the end of the range.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE INDEX sims_iccid_prefix_idx ON sims (iccid COLLATE "C");
    CREATE INDEX sims_imsi_prefix_idx ON sims (imsi COLLATE "C");
    CREATE INDEX sims_msisdn_prefix_idx ON sims (msisdn COLLATE "C") WHERE msisdn IS NOT NULL;
    CREATE INDEX sims_imei_prefix_idx ON sims (imei COLLATE "C") WHERE imei IS NOT NULL;
    CREATE INDEX sims_account_iccid_prefix_idx ON sims (account_id, iccid COLLATE "C");
    CREATE INDEX sims_account_imsi_prefix_idx ON sims (account_id, imsi COLLATE "C");
    CREATE INDEX sims_account_msisdn_prefix_idx ON sims (account_id, msisdn COLLATE "C")
      WHERE msisdn IS NOT NULL;
    CREATE INDEX sims_account_imei_prefix_idx ON sims (account_id, imei COLLATE "C")
      WHERE imei IS NOT NULL;
    CREATE INDEX sim_network_state_imei_prefix_idx ON sim_network_state (imei COLLATE "C")
      WHERE imei IS NOT NULL;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
