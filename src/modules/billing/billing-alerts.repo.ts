import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Queries of billing's usage alerts: customers' cycle rules, pool thresholds reported, the lease. */
export const billingAlertsRepo = {
  /** The billing profiles (cycle, anchor day) of these accounts; an account without one is absent. */
  cycleProfiles: async (db: Executor, accountIds: readonly string[]) => {
    if (accountIds.length === 0) return [];
    return db
      .selectFrom("billing_profiles")
      .select(["account_id", "cycle", "anchor_day"])
      .where("account_id", "in", [...accountIds])
      .execute();
  },

  /**
   * Records a pool threshold as reported for the cycle; true only for the one call that records it
   * (a threshold already reported, by this node or another, answers false).
   */
  recordPoolAlert: async (
    tx: Tx,
    row: {
      account_id: string;
      rate_plan_id: string;
      cycle_start: string;
      measure: "used" | "projected";
      percent: number;
      pool_bytes: number;
      used_bytes: number;
      projected_bytes: number;
      fired_at: Date;
    },
  ) => {
    const r = await tx
      .insertInto("pool_usage_alerts")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["account_id", "rate_plan_id", "cycle_start", "measure", "percent"]).doNothing(),
      )
      .returning("account_id")
      .executeTakeFirst();
    return r !== undefined;
  },

  /**
   * Takes the round of `name` when it is due and no other node holds it: moves its next due time on
   * and leases it for `leaseMs`, in one statement, so exactly one node runs a round. False: not due,
   * or another node has it.
   */
  claimSchedule: async (
    db: Executor,
    name: string,
    now: Date,
    everyMs: number,
    leaseMs: number,
  ) => {
    await db
      .insertInto("billing_schedules")
      .values({ name, due_at: now, lease_until: null })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const r = await db
      .updateTable("billing_schedules")
      .set({
        due_at: new Date(now.getTime() + everyMs),
        lease_until: new Date(now.getTime() + leaseMs),
      })
      .where("name", "=", name)
      .where("due_at", "<=", now)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
      .returning("name")
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Ends a round: the lease is let go (the next round waits for its due time). */
  releaseSchedule: (db: Executor, name: string) =>
    db
      .updateTable("billing_schedules")
      .set({ lease_until: null })
      .where("name", "=", name)
      .execute(),

  /** The pool thresholds reported for a customer (newest cycle first), for tests and support. */
  poolAlertsOf: (db: Executor, accountId: string) =>
    db
      .selectFrom("pool_usage_alerts")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("cycle_start", "desc")
      .orderBy("fired_at")
      .execute(),
};

const ACCOUNT = "0190a8a0-0000-7000-8000-000000000001";
const PLAN = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-11-20T10:00:00Z");

export const billingAlertsRepoSql: SqlExamples<typeof billingAlertsRepo> = {
  cycleProfiles: [[[ACCOUNT, PLAN]]],
  recordPoolAlert: [
    [
      {
        account_id: ACCOUNT,
        rate_plan_id: PLAN,
        cycle_start: "2026-11-01",
        measure: "used",
        percent: 80,
        pool_bytes: 1000,
        used_bytes: 800,
        projected_bytes: 1200,
        fired_at: AT,
      },
    ],
  ],
  claimSchedule: [["pool_alerts", AT, 900_000, 600_000]],
  releaseSchedule: [["pool_alerts"]],
  poolAlertsOf: [[ACCOUNT]],
};
