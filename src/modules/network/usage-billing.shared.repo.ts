import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { scopeAccounts } from "../tenancy/tenancy.js";

/**
 * What the network lends billing (docs/network.md, "Usage for billing"): set-based reads of daily
 * usage — billed bytes (rounded per session when recorded), raw bytes, SMS MO/MT — per SIM or per
 * account, per zone and day, and the sessions and SMS behind one SIM's day in a zone, for an
 * invoice line's explanation. Days are UTC calendar days (`usage_daily.day`), both bounds included.
 * `zone_key` is the rate zone's id, or `unzoned` for usage in a network the SIM's rate plan does not
 * price (billing rates it at the fallback or flags it; it is never silently free).
 *
 * Callers pass the accounts they bill (a customer and its sub-accounts); tenancy is theirs.
 */
export interface UsageRange {
  accountIds: readonly string[];
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
}

const sum = (column: string) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::bigint`;
const sumInt = (column: string) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::integer`;

function inRange(db: Executor, r: UsageRange) {
  return db
    .selectFrom("usage_daily as u")
    .where("u.account_id", "in", [...r.accountIds])
    .where("u.day", ">=", r.from)
    .where("u.day", "<=", r.to);
}

/**
 * A billing run's read of usage, lent as a subquery so that billing aggregates the daily rows with the
 * SIMs' states and its own tables in one statement (a run never brings a SIM's days into JavaScript):
 * data as billed, rows found by the holding account (index usage_daily (account_id, day)).
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

/**
 * Subquery: the daily usage rows of the subtree at `scopePath` (with `alone`, of that account itself
 * only) on the days [from, to).
 */
export const usageRows = (
  scopePath: string,
  from: string,
  to: string,
  alone = false,
): RawBuilder<UsageRow> => sql<UsageRow>`
  SELECT u.sim_id, u.day, u.zone_key, u.zone_id, u.billed_bytes AS bytes, u.sms_mo, u.sms_mt
  FROM usage_daily u
  WHERE u.day >= ${from}::date AND u.day < ${to}::date
    AND u.account_id IN (${scopeAccounts(scopePath, alone)})`;

/**
 * Subquery: the daily usage rows of every account on the days [from, to), with the holding account
 * — a billing run's one pass over a cycle's usage for all the customers it rates at once (it joins
 * them by hash to its staged SIM segments; rows of accounts it does not rate fall out there).
 */
export const usageRowsOfDays = (
  from: string,
  to: string,
): RawBuilder<UsageRow & { account_id: string }> => sql<UsageRow & { account_id: string }>`
  SELECT u.sim_id, u.account_id, u.day, u.zone_key, u.zone_id, u.billed_bytes AS bytes, u.sms_mo,
    u.sms_mt
  FROM usage_daily u
  WHERE u.day >= ${from}::date AND u.day < ${to}::date`;

export const usageBillingRepo = {
  /**
   * Daily rows per SIM, day and zone (as stored: one row each), for the accounts and days; with
   * `simIds`, only those SIMs (a billing run pages through its SIMs). Ordered by SIM, day, zone.
   */
  dailyBySim: async (db: Executor, r: UsageRange & { simIds?: readonly string[] }) => {
    if (r.accountIds.length === 0 || r.simIds?.length === 0) return [];
    let q = inRange(db, r).select([
      "u.sim_id",
      "u.account_id",
      "u.day",
      "u.zone_key",
      "u.zone_id",
      "u.billed_bytes",
      "u.bytes_up",
      "u.bytes_down",
      "u.sms_mo",
      "u.sms_mt",
    ]);
    if (r.simIds) q = q.where("u.sim_id", "in", [...r.simIds]);
    return q.orderBy("u.sim_id").orderBy("u.day").orderBy("u.zone_key").execute();
  },

  /** Per SIM and zone over the days: billed and raw bytes, SMS MO/MT, and on how many days. */
  totalsBySimZone: async (db: Executor, r: UsageRange) => {
    if (r.accountIds.length === 0) return [];
    return inRange(db, r)
      .select([
        "u.sim_id",
        "u.account_id",
        "u.zone_key",
        sql<string | null>`(array_agg(u.zone_id))[1]`.as("zone_id"),
        sum("u.billed_bytes").as("billed_bytes"),
        sql<number>`coalesce(sum(u.bytes_up + u.bytes_down), 0)::bigint`.as("bytes"),
        sumInt("u.sms_mo").as("sms_mo"),
        sumInt("u.sms_mt").as("sms_mt"),
        sql<number>`count(*)::integer`.as("days"),
      ])
      .groupBy(["u.sim_id", "u.account_id", "u.zone_key"])
      .orderBy("u.sim_id")
      .orderBy("u.zone_key")
      .execute();
  },

  /** Per account, day and zone: billed and raw bytes, SMS MO/MT, and how many SIMs used any. */
  dailyByAccount: async (db: Executor, r: UsageRange) => {
    if (r.accountIds.length === 0) return [];
    return inRange(db, r)
      .select([
        "u.account_id",
        "u.day",
        "u.zone_key",
        sum("u.billed_bytes").as("billed_bytes"),
        sql<number>`coalesce(sum(u.bytes_up + u.bytes_down), 0)::bigint`.as("bytes"),
        sumInt("u.sms_mo").as("sms_mo"),
        sumInt("u.sms_mt").as("sms_mt"),
        sql<number>`count(DISTINCT u.sim_id)::integer`.as("sims"),
      ])
      .groupBy(["u.account_id", "u.day", "u.zone_key"])
      .orderBy("u.account_id")
      .orderBy("u.day")
      .orderBy("u.zone_key")
      .execute();
  },

  /** Per account and zone over the days (the one aggregate a billing run's floor is measured by). */
  totalsByAccountZone: async (db: Executor, r: UsageRange) => {
    if (r.accountIds.length === 0) return [];
    return inRange(db, r)
      .select([
        "u.account_id",
        "u.zone_key",
        sum("u.billed_bytes").as("billed_bytes"),
        sql<number>`coalesce(sum(u.bytes_up + u.bytes_down), 0)::bigint`.as("bytes"),
        sumInt("u.sms_mo").as("sms_mo"),
        sumInt("u.sms_mt").as("sms_mt"),
        sql<number>`count(DISTINCT u.sim_id)::integer`.as("sims"),
      ])
      .groupBy(["u.account_id", "u.zone_key"])
      .orderBy("u.account_id")
      .orderBy("u.zone_key")
      .execute();
  },

  /**
   * The data sessions behind one SIM's day in a zone, by start: what each added that day in that
   * zone (raw and billed bytes; their billed sum is the day's `billed_bytes`), with the session's
   * own totals and rounding unit. Sessions recorded before migration 0030 have no rows here.
   */
  sessionsOfSimDay: (db: Executor, simId: string, day: string, zoneKey: string) =>
    db
      .selectFrom("session_usage_daily as su")
      .innerJoin("data_sessions as d", "d.id", "su.session_id")
      .select([
        "su.session_id",
        "su.bytes",
        "su.billed_bytes",
        "d.acct_session_id",
        "d.started_at",
        "d.ended_at",
        "d.status",
        "d.apn",
        "d.mcc",
        "d.mnc",
        "d.rat",
        sql<number>`d.bytes_up + d.bytes_down`.as("session_bytes"),
        "d.billing_unit",
      ])
      .where("su.sim_id", "=", simId)
      .where("su.day", "=", day)
      .where("su.zone_key", "=", zoneKey)
      .orderBy("d.started_at")
      .orderBy("su.session_id")
      .execute(),

  /** The SMS counted (and those not counted again) on one SIM's day in a zone, by time. */
  smsOfSimDay: (db: Executor, simId: string, day: string, zoneKey: string) =>
    db
      .selectFrom("sms_usage")
      .select(["id", "source", "record_id", "direction", "message_id", "at", "counted"])
      .where("sim_id", "=", simId)
      .where("day", "=", day)
      .where("zone_key", "=", zoneKey)
      .orderBy("at")
      .orderBy("id")
      .execute(),

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

const SIM = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const ZONE = "0190a8a0-0000-7000-8000-000000000003";
const NOVEMBER = { accountIds: [ACCOUNT], from: "2026-11-01", to: "2026-11-30" };

export const usageBillingRepoSql: SqlExamples<typeof usageBillingRepo> = {
  dailyBySim: [[NOVEMBER], [{ ...NOVEMBER, simIds: [SIM] }]],
  totalsBySimZone: [[NOVEMBER]],
  dailyByAccount: [[NOVEMBER]],
  totalsByAccountZone: [[NOVEMBER]],
  sessionsOfSimDay: [[SIM, "2026-11-16", ZONE]],
  smsOfSimDay: [[SIM, "2026-11-16", ZONE]],
  sessionCounts: [
    [
      ["0190a8a0-0000-7000-8000-000000000002"],
      "0190a8a0-0000-7000-8000-000000000001",
      "2026-11-01",
      "2026-12-01",
    ],
  ],
};
