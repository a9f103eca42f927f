import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Queries of the invoice exports: the detail an invoice keeps of the SIMs and usage it rated. */
export const billingExportsRepo = {
  /** The next SIMs with rated usage on the invoice, by SIM id (the rated-usage CSV pages by SIM). */
  simsWithUsage: async (
    db: Executor,
    invoiceId: string,
    page: { after?: string; limit: number },
  ) => {
    let q = db
      .selectFrom("invoice_sim_usage")
      .select("sim_id")
      .distinct()
      .where("invoice_id", "=", invoiceId);
    if (page.after) q = q.where("sim_id", ">", page.after);
    return (await q.orderBy("sim_id").limit(page.limit).execute()).map((r) => r.sim_id);
  },

  /** What the invoice rated of these SIMs: per SIM, zone and test-or-not, with the plan and account. */
  usageOfSims: async (db: Executor, invoiceId: string, simIds: readonly string[]) => {
    if (simIds.length === 0) return [];
    return db
      .selectFrom("invoice_sim_usage")
      .select(["sim_id", "account_id", "rate_plan_id", "zone_key", "zone_id", "test"])
      .where("invoice_id", "=", invoiceId)
      .where("sim_id", "in", [...simIds])
      .orderBy("sim_id")
      .orderBy("zone_key")
      .execute();
  },

  /** The day each of these SIMs was first activated in the cycle (null: before it, or never). */
  activationsOf: async (db: Executor, invoiceId: string, simIds: readonly string[]) => {
    if (simIds.length === 0) return [];
    return db
      .selectFrom("invoice_sims")
      .select(["sim_id", "activated_on"])
      .where("invoice_id", "=", invoiceId)
      .where("sim_id", "in", [...simIds])
      .execute();
  },
};

const INVOICE = "0190a8a0-0000-7000-8000-000000000010";
const SIM = "0190a8a0-0000-7000-8000-000000000001";

export const billingExportsRepoSql: SqlExamples<typeof billingExportsRepo> = {
  simsWithUsage: [
    [INVOICE, { limit: 500 }],
    [INVOICE, { after: SIM, limit: 500 }],
  ],
  usageOfSims: [[INVOICE, [SIM]]],
  activationsOf: [[INVOICE, [SIM]]],
};
