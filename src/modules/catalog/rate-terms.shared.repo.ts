import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/**
 * Subquery: every version of every rate plan with the plan's name and its rule for a SIM's change
 * to the plan (`planChange`: `nextCycle`, the default, or `immediate`). Billing resolves the plans
 * named in SIMs' audit trails with it (the trail names a plan by its name, or by its id).
 */
export const planChangeRules = (): RawBuilder<{
  rate_plan_id: string;
  name: string;
  version: number;
  effective_from: Date;
  plan_change: string;
}> => sql`
  SELECT v.rate_plan_id, p.name, v.version, v.effective_from,
    coalesce(v.terms->>'planChange', 'nextCycle') AS plan_change
  FROM rate_plan_versions v JOIN rate_plans p ON p.id = v.rate_plan_id`;

/** Rate plans and every version of them, for billing's rating (versions never change once made). */
export const rateTermsRepo = {
  plansByIds: async (db: Executor, ids: readonly string[]) => {
    if (ids.length === 0) return [];
    return db
      .selectFrom("rate_plans")
      .select(["rate_plans.id", "rate_plans.name", "rate_plans.currency"])
      .where("rate_plans.id", "in", [...ids])
      .execute();
  },
  versionsOf: async (db: Executor, ids: readonly string[]) => {
    if (ids.length === 0) return [];
    return db
      .selectFrom("rate_plan_versions")
      .select([
        "rate_plan_versions.rate_plan_id",
        "rate_plan_versions.version",
        "rate_plan_versions.effective_from",
        "rate_plan_versions.terms",
      ])
      .where("rate_plan_versions.rate_plan_id", "in", [...ids])
      .orderBy("rate_plan_versions.rate_plan_id")
      .orderBy("rate_plan_versions.version")
      .execute();
  },
};

const PLAN = "0190a8a0-0000-7000-8000-000000000002";
export const rateTermsRepoSql: SqlExamples<typeof rateTermsRepo> = {
  plansByIds: [[[PLAN]]],
  versionsOf: [[[PLAN]]],
};
