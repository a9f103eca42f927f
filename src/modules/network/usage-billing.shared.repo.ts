import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { subtreeAccounts } from "../tenancy/tenancy.js";

/**
 * What billing reads of usage: daily rows per SIM and zone, lent as a subquery so that billing
 * aggregates them in one statement with the SIMs' states and its own tables (set-based: a billing
 * run never brings a SIM's days into JavaScript). Data is read as billed (`billed_bytes`, rounded
 * per session when recorded, migration 0030). Rows are found by the account that held the SIM
 * (index usage_daily (account_id, day), migration 0029) within the partitions of the cycle's days.
 */
export interface UsageRow {
  sim_id: string;
  day: string;
  zone_key: string;
  zone_id: string | null;
  /** Data as billed: rounded per session by the rate plan's rounding when recorded (migration 0030). */
  bytes: number;
  sms_mo: number;
  sms_mt: number;
}

/** Subquery: the daily usage rows of the subtree at `scopePath` on the days [from, to). */
export const usageRows = (scopePath: string, from: string, to: string): RawBuilder<UsageRow> =>
  sql<UsageRow>`
  SELECT u.sim_id, u.day, u.zone_key, u.zone_id, u.billed_bytes AS bytes, u.sms_mo, u.sms_mt
  FROM usage_daily u
  WHERE u.day >= ${from}::date AND u.day < ${to}::date
    AND u.account_id IN (${subtreeAccounts(scopePath)})`;

export const usageBillingRepo = {
  /**
   * The data sessions behind each SIM's usage in a zone (null: networks in no zone) on the days
   * [from, to), with their billed bytes, for the detail of an explained line.
   */
  sessionCounts: async (
    db: Executor,
    simIds: readonly string[],
    zoneId: string | null,
    from: string,
    to: string,
  ) => {
    if (simIds.length === 0) return [];
    let q = db
      .selectFrom("session_usage_daily")
      .select((eb) => [
        "session_usage_daily.sim_id",
        eb.fn.count<number>("session_usage_daily.session_id").distinct().as("sessions"),
      ])
      .where("session_usage_daily.sim_id", "in", [...simIds])
      .where("session_usage_daily.day", ">=", from)
      .where("session_usage_daily.day", "<", to);
    q =
      zoneId === null
        ? q.where("session_usage_daily.zone_id", "is", null)
        : q.where("session_usage_daily.zone_id", "=", zoneId);
    return q.groupBy("session_usage_daily.sim_id").execute();
  },
};

export const usageBillingRepoSql: SqlExamples<typeof usageBillingRepo> = {
  sessionCounts: [
    [
      ["0190a8a0-0000-7000-8000-000000000002"],
      "0190a8a0-0000-7000-8000-000000000001",
      "2026-11-01",
      "2026-12-01",
    ],
  ],
};
