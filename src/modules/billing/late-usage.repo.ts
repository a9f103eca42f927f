import { sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Queries of late usage's per-SIM detail (docs/billing.md, "Late usage"). */
export const lateUsageRepo = {
  /**
   * Writes the SIMs behind the late line `invoiceId` carries for the cycle of `forInvoiceId`: the
   * earlier cycle rated again into the scratch row `scratchId`, per SIM, plan, zone and test flag,
   * less what `forInvoiceId` was rated on and less the detail of late lines issued for it since.
   * Only rows whose bytes or SMS differ are kept, so their sums are the line's late bytes and SMS.
   */
  stage: async (
    tx: Tx,
    ids: { invoiceId: string; forInvoiceId: string; scratchId: string },
  ): Promise<void> => {
    await sql`
      INSERT INTO invoice_late_usage (invoice_id, for_invoice_id, sim_id, account_id, iccid,
        rate_plan_id, zone_key, zone_id, test, days, billed_days, bytes, sms_mo, sms_mt)
      WITH billed AS (
        SELECT u.sim_id, u.account_id, u.rate_plan_id, u.zone_key, u.zone_id, u.test, u.days,
          u.bytes, u.sms_mo, u.sms_mt
        FROM invoice_sim_usage u WHERE u.invoice_id = ${ids.forInvoiceId}
        UNION ALL
        SELECT l.sim_id, l.account_id, l.rate_plan_id, l.zone_key, l.zone_id, l.test, l.days,
          l.bytes, l.sms_mo, l.sms_mt
        FROM invoice_late_usage l JOIN invoices i ON i.id = l.invoice_id AND i.status = 'issued'
        WHERE l.for_invoice_id = ${ids.forInvoiceId}
      ),
      was AS (
        SELECT sim_id, rate_plan_id, zone_key, zone_id, test, (array_agg(account_id))[1] AS account_id,
          max(days) AS days, sum(bytes) AS bytes, sum(sms_mo) AS sms_mo, sum(sms_mt) AS sms_mt
        FROM billed GROUP BY sim_id, rate_plan_id, zone_key, zone_id, test
      ),
      cur AS (SELECT * FROM invoice_sim_usage WHERE invoice_id = ${ids.scratchId})
      SELECT ${ids.invoiceId}::uuid, ${ids.forInvoiceId}::uuid, k.sim_id, k.account_id,
        coalesce(
          (SELECT s.iccid FROM invoice_sims s
            WHERE s.invoice_id IN (${ids.scratchId}::uuid, ${ids.forInvoiceId}::uuid)
              AND s.sim_id = k.sim_id LIMIT 1),
          k.sim_id::text),
        k.rate_plan_id, k.zone_key, k.zone_id, k.test, k.days, k.billed_days, k.bytes, k.sms_mo,
        k.sms_mt
      FROM (
        SELECT coalesce(n.sim_id, w.sim_id) AS sim_id,
          coalesce(n.account_id, w.account_id) AS account_id,
          coalesce(n.rate_plan_id, w.rate_plan_id) AS rate_plan_id,
          coalesce(n.zone_key, w.zone_key) AS zone_key, coalesce(n.zone_id, w.zone_id) AS zone_id,
          coalesce(n.test, w.test) AS test,
          coalesce(n.days, 0) AS days, coalesce(w.days, 0) AS billed_days,
          coalesce(n.bytes, 0) - coalesce(w.bytes, 0) AS bytes,
          coalesce(n.sms_mo, 0) - coalesce(w.sms_mo, 0) AS sms_mo,
          coalesce(n.sms_mt, 0) - coalesce(w.sms_mt, 0) AS sms_mt
        FROM cur n FULL JOIN was w ON w.sim_id = n.sim_id AND w.rate_plan_id = n.rate_plan_id
          AND w.zone_key = n.zone_key AND w.test = n.test
      ) k
      WHERE k.bytes <> 0 OR k.sms_mo <> 0 OR k.sms_mt <> 0`.execute(tx);
  },

  /**
   * The detail of a late line, a page of SIMs at a time by SIM id: every row of the first `limit`
   * SIMs after `after` (a SIM has a row per plan, zone and test flag).
   */
  pageOf: (
    db: Executor,
    invoiceId: string,
    forInvoiceId: string,
    page: { after?: string; limit: number },
  ) => {
    let sims = db
      .selectFrom("invoice_late_usage")
      .select("sim_id")
      .distinct()
      .where("invoice_id", "=", invoiceId)
      .where("for_invoice_id", "=", forInvoiceId);
    if (page.after) sims = sims.where("sim_id", ">", page.after);
    return db
      .selectFrom("invoice_late_usage")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .where("for_invoice_id", "=", forInvoiceId)
      .where("sim_id", "in", sims.orderBy("sim_id").limit(page.limit))
      .orderBy("sim_id")
      .orderBy("zone_key")
      .orderBy("rate_plan_id")
      .orderBy("test")
      .execute();
  },
};

const ID = "0190a8a0-0000-7000-8000-000000000010";
const PRIOR = "0190a8a0-0000-7000-8000-000000000011";
const SCRATCH = "0190a8a0-0000-7000-8000-000000000012";
const SIM = "0190a8a0-0000-7000-8000-000000000004";

export const lateUsageRepoSql: SqlExamples<typeof lateUsageRepo> = {
  stage: [[{ invoiceId: ID, forInvoiceId: PRIOR, scratchId: SCRATCH }]],
  pageOf: [
    [ID, PRIOR, { limit: 51 }],
    [ID, PRIOR, { after: SIM, limit: 51 }],
  ],
};
