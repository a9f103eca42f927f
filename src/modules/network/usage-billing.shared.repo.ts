import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { subtreeAccounts } from "../tenancy/tenancy.js";

/**
 * What billing reads of usage: daily rows per SIM and zone, lent as a subquery so that billing
 * aggregates them in one statement with the SIMs' states and its own tables (set-based: a billing
 * run never brings a SIM's days into JavaScript). Filtered by the account that held the SIM
 * (index usage_daily (account_id, day), migration 0029) and the partitions of the cycle's days.
 */
export interface UsageRow {
  sim_id: string;
  day: string;
  zone_key: string;
  zone_id: string | null;
  /** Data as billed: today the raw bytes up and down. */
  bytes: number;
  sms_mo: number;
  sms_mt: number;
}

/** Subquery: the daily usage rows of the subtree at `scopePath` on the days [from, to). */
export const usageRows = (scopePath: string, from: string, to: string): RawBuilder<UsageRow> =>
  sql<UsageRow>`
  SELECT u.sim_id, u.day, u.zone_key, u.zone_id, u.bytes_up + u.bytes_down AS bytes, u.sms_mo, u.sms_mt
  FROM usage_daily u
  WHERE u.day >= ${from}::date AND u.day < ${to}::date
    AND u.account_id IN (${subtreeAccounts(scopePath)})`;

export const usageBillingRepo = {
  /** Data sessions started in [from, to) per SIM, for the detail of an explained line. */
  sessionCounts: async (db: Executor, simIds: readonly string[], from: Date, to: Date) => {
    if (simIds.length === 0) return [];
    return db
      .selectFrom("data_sessions")
      .select((eb) => ["data_sessions.sim_id", eb.fn.countAll<number>().as("sessions")])
      .where("data_sessions.sim_id", "in", [...simIds])
      .where("data_sessions.started_at", ">=", from)
      .where("data_sessions.started_at", "<", to)
      .groupBy("data_sessions.sim_id")
      .execute();
  },
};

export const usageBillingRepoSql: SqlExamples<typeof usageBillingRepo> = {
  sessionCounts: [
    [
      ["0190a8a0-0000-7000-8000-000000000002"],
      new Date("2026-11-01T00:00:00Z"),
      new Date("2026-12-01T00:00:00Z"),
    ],
  ],
};
