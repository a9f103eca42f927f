import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { scopeAccounts } from "../tenancy/tenancy.js";

/**
 * What billing reads of SIMs: their state over time, from the SIM audit trail, as segments of whole
 * days in the customer's time zone. Lent as a subquery (`stateSegments`) so that billing joins it
 * with usage and its own tables in one set-based statement, never one SIM at a time.
 *
 * A day belongs to the state the SIM ends it in: activated on the 16th, the 16th is an activated
 * day; deactivated on the 21st, the 21st is not (reference/iot-plans.md, worked example 1).
 */
export interface StateSegment {
  sim_id: string;
  account_id: string;
  iccid: string;
  rate_plan_id: string;
  /** The local day of the SIM's first activation, if any. */
  activated_on: string | null;
  /** Inclusive; the first segment starts on the day the SIM was created. */
  from_day: string;
  /** Exclusive; 'infinity' for the state the SIM is in now. */
  to_day: string;
  state: string;
  /** The segment before the SIM's first state change: usage before its creation day falls in it. */
  first: boolean;
}

/**
 * Subquery: the state segments of the SIMs with a rate plan in the subtree at `scopePath` (with
 * `alone`, on that account itself only), days counted in `timeZone`. The state before the first
 * recorded change is that change's prior value.
 */
export const stateSegments = (
  scopePath: string,
  timeZone: string,
  alone = false,
): RawBuilder<StateSegment> => sql<StateSegment>`
  WITH scoped AS (
    SELECT s.id, s.account_id, s.iccid, s.rate_plan_id, s.state, s.created_at, s.date_activated
    FROM sims s
    WHERE s.rate_plan_id IS NOT NULL AND s.account_id IN (${scopeAccounts(scopePath, alone)})
  ),
  changes AS (
    SELECT a.sim_id, (a.effective_date AT TIME ZONE ${timeZone})::date AS day, a.value, a.prior_value,
      row_number() OVER w AS k,
      lead((a.effective_date AT TIME ZONE ${timeZone})::date) OVER w AS next_day
    FROM sim_audit a JOIN scoped ON scoped.id = a.sim_id
    WHERE a.field = 'state'
    WINDOW w AS (PARTITION BY a.sim_id ORDER BY a.effective_date, a.id)
  )
  SELECT s.id AS sim_id, s.account_id, s.iccid, s.rate_plan_id,
    (s.date_activated AT TIME ZONE ${timeZone})::date AS activated_on,
    (s.created_at AT TIME ZONE ${timeZone})::date AS from_day,
    coalesce(c.day, 'infinity'::date) AS to_day,
    coalesce(c.prior_value, s.state) AS state,
    true AS first
  FROM scoped s LEFT JOIN changes c ON c.sim_id = s.id AND c.k = 1
  UNION ALL
  SELECT s.id, s.account_id, s.iccid, s.rate_plan_id,
    (s.date_activated AT TIME ZONE ${timeZone})::date,
    c.day, coalesce(c.next_day, 'infinity'::date), c.value, false
  FROM changes c JOIN scoped s ON s.id = c.sim_id`;

/** A change of a SIM's rate plan in its audit trail: the plans as the trail names them (name or id). */
export interface RatePlanChange {
  sim_id: string;
  at: Date;
  id: string;
  /** The local day of the change in `timeZone`. */
  day: string;
  prior_ref: string | null;
  new_ref: string | null;
}

/**
 * Subquery: the rate plan changes of the SIMs with a rate plan in the subtree at `scopePath`, from
 * the SIM audit trail — a record of the field `ratePlan`, or a set-based record whose `changes` hold
 * `ratePlan` (migration 0032). With `alone`, of the SIMs on the account at `scopePath` itself only.
 */
export const ratePlanChanges = (
  scopePath: string,
  timeZone: string,
  alone = false,
): RawBuilder<RatePlanChange> =>
  sql<RatePlanChange>`
  SELECT a.sim_id, a.effective_date AS at, a.id,
    (a.effective_date AT TIME ZONE ${timeZone})::date AS day,
    coalesce(a.prior_value, a.changes->'ratePlan'->>'from') AS prior_ref,
    coalesce(a.value, a.changes->'ratePlan'->>'to') AS new_ref
  FROM sim_audit a
  WHERE (a.field = 'ratePlan' OR a.changes ? 'ratePlan')
    AND a.sim_id IN (SELECT s.id FROM sims s
      WHERE s.rate_plan_id IS NOT NULL AND s.account_id IN (${scopeAccounts(scopePath, alone)}))`;

/**
 * Subquery: the ids of the SIMs with a rate plan in the subtree at `scopePath` (with `alone`, on
 * that account itself only): the SIMs a run rates.
 */
export const ratedSimIds = (scopePath: string, alone = false): RawBuilder<{ id: string }> =>
  sql<{ id: string }>`
  SELECT s.id FROM sims s
  WHERE s.rate_plan_id IS NOT NULL AND s.account_id IN (${scopeAccounts(scopePath, alone)})`;

/** Reads for billing that run on their own. */
export const simBillingRepo = {
  /**
   * The rate plans of the SIMs in the subtree (with `alone`, on the account itself only): a billing
   * run loads their versions.
   */
  ratePlansInSubtree: async (db: Executor, scopePath: string, alone = false): Promise<string[]> => {
    const rows = await db
      .selectFrom("sims")
      .select("sims.rate_plan_id")
      .distinct()
      .where("sims.rate_plan_id", "is not", null)
      .where("sims.account_id", "in", scopeAccounts(scopePath, alone))
      .execute();
    return rows.map((r) => r.rate_plan_id!);
  },
};

export const simBillingRepoSql: SqlExamples<typeof simBillingRepo> = {
  ratePlansInSubtree: [
    ["/0190a8a0-0000-7000-8000-000000000001/"],
    ["/0190a8a0-0000-7000-8000-000000000001/", true],
  ],
};
