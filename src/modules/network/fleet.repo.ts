import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import {
  inCOrder,
  prefixUpperBound,
  type SimFilter,
  simsMatching,
} from "../sims/sim-lookup.shared.repo.js";
import type { SimState } from "../sims/sim-lifecycle.js";
import type { ConnectivityState, CountKey } from "./network.types.js";

/**
 * The inputs of the connectivity rule that are not columns: which lifecycle states connect, the
 * current usage cycle, the data limit of each rate plan in force now (for the SIMs Otter barred this
 * cycle), and the oldest accepted registration that still counts as attached.
 */
export interface ConnectivityRule {
  connecting: readonly SimState[];
  cycleStart: string;
  limits: Readonly<Record<string, number>>;
  attachedSince: Date;
}

/**
 * The connectivity of SIM `s` (joined with its `sim_network_state` as `n`), as
 * network-view.service.ts `connectivity` decides it for one SIM: not in a connecting state or over
 * its data limit → BLOCKED; an open data session → ONLINE; an accepted location update within the
 * registration timeout → ATTACHED; else OFFLINE. Over the limit means: barred by Otter this cycle,
 * no override, and the cycle's bytes still at or above the limit of the rate plan in force.
 */
const connectivityOf = (rule: ConnectivityRule) => sql<ConnectivityState>`CASE
    WHEN NOT (s.state = ANY(${[...rule.connecting]}::text[])) THEN 'BLOCKED'
    WHEN s.overage_limit_override = 'DEFAULT'
     AND n.barred_at >= ${new Date(`${rule.cycleStart}T00:00:00Z`)}
     AND n.cycle_start = ${rule.cycleStart}::date
     AND n.cycle_bytes >= (${JSON.stringify(rule.limits)}::jsonb ->> s.rate_plan_id::text)::bigint
      THEN 'BLOCKED'
    WHEN EXISTS (SELECT 1 FROM data_sessions d WHERE d.sim_id = s.id AND d.status = 'open')
      THEN 'ONLINE'
    WHEN n.last_registration ->> 'type' = 'location_update'
     AND n.last_registration ->> 'result' = 'accepted'
     AND n.last_seen >= ${rule.attachedSince}
      THEN 'ATTACHED'
    ELSE 'OFFLINE'
  END`;

/** The SIMs of the subtree at `scopePath` that match `filter`, each with its connectivity. */
const withConnectivity = (
  db: Executor,
  scopePath: string | null,
  filter: SimFilter,
  rule: ConnectivityRule,
) =>
  db
    .selectFrom(simsMatching(scopePath, filter).as("s"))
    .leftJoin("sim_network_state as n", "n.sim_id", "s.id")
    .selectAll("s")
    .select("n.silent_since")
    .select(connectivityOf(rule).as("connectivity"));

/**
 * Lists and counts of SIMs with their connectivity: the SIMs module lends the filtered SIMs
 * (`simsMatching`), this module adds what the network saw of them, in one statement.
 */
export const fleetRepo = {
  /** A page of matching SIMs in id order, each with its connectivity; only those in `connectivity` when given. */
  page: (
    db: Executor,
    scopePath: string | null,
    filter: SimFilter,
    rule: ConnectivityRule,
    opts: { connectivity?: ConnectivityState; silent?: boolean; after?: string; limit: number },
  ) => {
    let q = db.selectFrom(withConnectivity(db, scopePath, filter, rule).as("f")).selectAll("f");
    if (opts.connectivity) q = q.where("f.connectivity", "=", opts.connectivity);
    if (opts.silent !== undefined)
      q = q.where("f.silent_since", opts.silent ? "is not" : "is", null);
    if (opts.after) q = q.where("f.id", ">", opts.after);
    return q.orderBy("f.id").limit(opts.limit).execute();
  },

  /** How many matching SIMs there are per value of `by` (null: no plan), largest group first: one aggregate. */
  count: (
    db: Executor,
    scopePath: string | null,
    filter: SimFilter,
    rule: ConnectivityRule,
    opts: { by: CountKey; connectivity?: ConnectivityState; silent?: boolean },
  ) => {
    const column = {
      state: "f.state",
      connectivity: "f.connectivity",
      ratePlan: "f.rate_plan_id",
      communicationPlan: "f.communication_plan_id",
    } as const;
    let q = db
      .selectFrom(withConnectivity(db, scopePath, filter, rule).as("f"))
      .select((eb) => [
        sql<string | null>`${eb.ref(column[opts.by])}::text`.as("key"),
        eb.fn.countAll<number>().as("count"),
      ]);
    if (opts.connectivity) q = q.where("f.connectivity", "=", opts.connectivity);
    if (opts.silent !== undefined)
      q = q.where("f.silent_since", opts.silent ? "is not" : "is", null);
    return q
      .groupBy(column[opts.by])
      .orderBy("count", "desc")
      .orderBy("key")
      .execute()
      .then((rows) => rows.map((r) => ({ key: r.key, count: Number(r.count) })));
  },

  /** Rate plans of the matching SIMs that Otter barred this cycle: the only ones whose limit the rule needs. */
  barredRatePlans: async (
    db: Executor,
    scopePath: string | null,
    filter: SimFilter,
    cycleStart: string,
  ) => {
    const rows = await db
      .selectFrom(simsMatching(scopePath, filter).as("s"))
      .innerJoin("sim_network_state as n", "n.sim_id", "s.id")
      .select("s.rate_plan_id")
      .distinct()
      .where("n.barred_at", ">=", new Date(`${cycleStart}T00:00:00Z`))
      .where("s.rate_plan_id", "is not", null)
      .execute();
    return rows.map((r) => r.rate_plan_id!);
  },

  /**
   * SIMs of the subtree at `scopePath` (null: all) the network last saw in a device whose IMEI
   * starts with `digits`, at most `limit`, in IMEI order (the prefix index of migration 0024).
   */
  seenWithImeiPrefix: (db: Executor, scopePath: string | null, digits: string, limit: number) =>
    db
      .selectFrom("sim_network_state as n")
      .innerJoin(simsMatching(scopePath, {}).as("s"), "s.id", "n.sim_id")
      .select(["s.id", "s.iccid", "s.imsi", "s.msisdn", "s.state", "s.account_id", "n.imei"])
      .where(inCOrder("n.imei"), ">=", digits)
      .where(inCOrder("n.imei"), "<", prefixUpperBound(digits))
      .orderBy(inCOrder("n.imei"))
      .limit(limit)
      .execute(),

  /** SIMs the network last saw in the device with this IMEI. */
  simIdsSeenWithImei: async (db: Executor, imei: string) => {
    const rows = await db
      .selectFrom("sim_network_state")
      .select("sim_id")
      .where("imei", "=", imei)
      .limit(50)
      .execute();
    return rows.map((r) => r.sim_id);
  },
};

const SCOPE = "/0190a8a0-0000-7000-8000-000000000001/";
const PLAN = "0190a8a0-0000-7000-8000-000000000003";
const SIM = "0190a8a0-0000-7000-8000-000000000004";
const RULE: ConnectivityRule = {
  connecting: ["TEST_READY", "ACTIVATION_READY", "ACTIVATED"],
  cycleStart: "2026-12-01",
  limits: { [PLAN]: 52428800 },
  attachedSince: new Date("2026-12-06T10:00:00Z"),
};

export const fleetRepoSql: SqlExamples<typeof fleetRepo> = {
  page: [
    [null, {}, RULE, { limit: 101 }],
    [
      SCOPE,
      { ratePlanId: PLAN, ids: [SIM] },
      RULE,
      { connectivity: "OFFLINE", after: SIM, limit: 101 },
    ],
    [SCOPE, {}, RULE, { silent: true, limit: 11 }],
  ],
  count: [
    [SCOPE, {}, RULE, { by: "connectivity" }],
    [
      SCOPE,
      { customField: { name: "accountCustom1", value: "pump 7" } },
      RULE,
      { by: "ratePlan", connectivity: "OFFLINE" },
    ],
    [SCOPE, {}, RULE, { by: "state", silent: true }],
  ],
  barredRatePlans: [[SCOPE, {}, "2026-12-01"]],
  seenWithImeiPrefix: [
    [null, "3548090", 9],
    [SCOPE, "3548090", 9],
  ],
  simIdsSeenWithImei: [["354809000000010"]],
};
