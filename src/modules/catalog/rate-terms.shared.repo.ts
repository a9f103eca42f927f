import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

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
