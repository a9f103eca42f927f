import type { ExpressionBuilder, ReferenceExpression } from "kysely";
import { expressionBuilder, sql } from "kysely";
import { type Executor, PREPARED, type Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { DB } from "../../db/schema.js";
import type { Iccid, Imsi, Msisdn } from "../../lib/identifiers.js";
import { pathOf, withinSubtree } from "../tenancy/tenancy.js";
import type { SimState } from "./sim-lifecycle.js";

/**
 * Set-based reads of SIMs for the modules that record what the network saw of them (network):
 * one statement per batch, never one per record.
 */
export const simLookupRepo = {
  /**
   * The SIMs with these IMSIs, with their account's path (for the account's usage thresholds), for
   * a batch of RADIUS accounting records or registration events. In the batch's transaction, where
   * a statement marked `PREPARED` is planned for its values (database.ts): a plan made once for any
   * array would not know the batch's size.
   */
  byImsis: async (db: Tx, imsis: readonly Imsi[]) => {
    if (imsis.length === 0) return [];
    return (
      db
        .selectFrom("sims")
        .select((eb) => [
          "sims.id",
          "sims.iccid",
          "sims.imsi",
          "sims.account_id",
          "sims.state",
          "sims.rate_plan_id",
          "sims.communication_plan_id",
          "sims.overage_limit_override",
          pathOf(eb, "sims.account_id").as("account_path"),
        ])
        // One text whatever the batch's size (an array, not a list): parsed once per connection.
        .modifyFront(sql.raw(PREPARED))
        .where("sims.imsi", "=", sql<Imsi>`any(${[...imsis]}::text[])`)
        // Every SIM has an account, so it has a path.
        .$narrowType<{ account_path: string }>()
        .execute()
    );
  },

  /** ICCID, account, state and rate plan of the SIMs with these ids. */
  byIds: async (db: Executor, ids: readonly string[]) => {
    if (ids.length === 0) return [];
    return db
      .selectFrom("sims")
      .select(["sims.id", "sims.iccid", "sims.account_id", "sims.state", "sims.rate_plan_id"])
      .where("sims.id", "in", [...ids])
      .execute();
  },

  /** How many SIMs the accounts of the subtree at `scopePath` hold (an account move's audit record). */
  countWithin: async (db: Executor, scopePath: string) => {
    const row = await db
      .selectFrom("sims")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where((eb) => withinSubtree(eb, "sims.account_id", scopePath))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
};

const sims = expressionBuilder<DB, never>();

/** The identifier columns a search by first digits reads, in the order a match is reported. */
export const PREFIX_COLUMNS = ["iccid", "imsi", "msisdn", "imei"] as const;
export type PrefixColumn = (typeof PREFIX_COLUMNS)[number];

/**
 * The column in "C" order, as the prefix indexes of migration 0024 hold it: a prefix of digits is
 * then the range `[digits, digits + ":")` (":" sorts right after "9"), which an index answers in
 * order and stops after the first few entries. `LIKE 'digits%'` would need the pattern at plan time.
 */
export const inCOrder = (column: string) => sql<string>`${sql.ref(column)} COLLATE "C"`;
export const prefixUpperBound = (digits: string) => `${digits}:`;

/** What a SIM list or count may be filtered by; plans by id and identifiers to SIM ids, resolved by the caller. */
export interface SimFilter {
  state?: string;
  iccid?: Iccid;
  imsi?: Imsi;
  msisdn?: Msisdn;
  /** The SIMs an identifier named (ICCID, IMSI, MSISDN or IMEI), found beforehand. */
  ids?: readonly string[];
  communicationPlanId?: string;
  ratePlanId?: string;
  customField?: { name: string; value: string };
  /** Several custom fields at once, all of which must match (the Control-Center-compatible search). */
  customFields?: readonly { name: string; value: string }[];
  modifiedSince?: Date;
}

/**
 * Subquery: the SIMs of the subtree at `scopePath` (every SIM when null: the operator's whole fleet)
 * that match `filter`, every column. For the network module's lists and counts of SIMs with their
 * connectivity: `db.selectFrom(simsMatching(path, filter).as("s"))`.
 */
export function simsMatching(scopePath: string | null, filter: SimFilter) {
  let q = sims.selectFrom("sims").selectAll("sims");
  if (scopePath !== null) q = q.where((eb) => withinSubtree(eb, "sims.account_id", scopePath));
  if (filter.state) q = q.where("sims.state", "=", filter.state);
  if (filter.iccid) q = q.where("sims.iccid", "=", filter.iccid);
  if (filter.imsi) q = q.where("sims.imsi", "=", filter.imsi);
  if (filter.msisdn !== undefined) q = q.where("sims.msisdn", "=", filter.msisdn);
  if (filter.ids) {
    const ids = [...filter.ids];
    q = q.where((eb) => (ids.length ? eb("sims.id", "in", ids) : eb.val(false)));
  }
  if (filter.communicationPlanId)
    q = q.where("sims.communication_plan_id", "=", filter.communicationPlanId);
  if (filter.ratePlanId) q = q.where("sims.rate_plan_id", "=", filter.ratePlanId);
  if (filter.customField)
    q = q.where(
      sql<string>`sims.custom_fields->>${filter.customField.name}`,
      "=",
      filter.customField.value,
    );
  for (const f of filter.customFields ?? [])
    q = q.where(sql<string>`sims.custom_fields->>${f.name}`, "=", f.value);
  if (filter.modifiedSince) q = q.where("sims.updated_at", ">=", filter.modifiedSince);
  return q;
}

/**
 * Subquery: ids of the SIMs in one of `states` whose account lies in the subtree at `scopePath`, for
 * a where-clause on a table keyed by SIM (`eb("x.sim_id", "in", simIdsWithin(path, states))`).
 */
export const simIdsWithin = (scopePath: string, states: readonly SimState[]) =>
  sims
    .selectFrom("sims")
    .select("sims.id")
    .where("sims.state", "in", [...states])
    .where((eb) => withinSubtree(eb, "sims.account_id", scopePath));

/** Select-expression: the ICCID of the SIM in column `simId`. Alias it: `iccidOf(eb, "x.sim_id").as("iccid")`. */
export function iccidOf<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  // Qualified ("x.sim_id"), as for tenancy's pathOf: a bare column resolves inside the subquery.
  simId: ReferenceExpression<DB, TB> & `${string}.${string}`,
) {
  return sims
    .selectFrom("sims")
    .select("sims.iccid")
    .where("sims.id", "=", eb.ref(simId as never));
}

export const simLookupRepoSql: SqlExamples<typeof simLookupRepo> = {
  byImsis: [[["234150000000001" as Imsi, "234150000000002" as Imsi]]],
  byIds: [[["0190a8a0-0000-7000-8000-000000000001", "0190a8a0-0000-7000-8000-000000000002"]]],
  countWithin: [["/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000002/"]],
};

/**
 * The ids of the SIMs held by these accounts, as a subquery for another module's set-based read
 * (network's first data session among an onboarding's SIMs): never executed here, never a list of ids.
 */
export const simIdsOfAccounts = (accountIds: readonly string[]) =>
  expressionBuilder<DB>()
    .selectFrom("sims")
    .select("sims.id as sim_id")
    .where("sims.account_id", "in", accountIds);

export type SimIdsQuery = ReturnType<typeof simIdsOfAccounts>;
