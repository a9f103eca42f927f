import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { simIdsOfAccounts, type SimIdsQuery } from "../sims/sim-lookup.shared.repo.js";

/**
 * Set-based reads of data sessions for other modules (onboarding's lead times): one statement for
 * a whole set of SIMs (given as the sims module's subquery), an index probe per SIM on
 * data_sessions (sim_id, started_at), never a round trip per SIM.
 */
export const sessionStartsRepo = {
  /** The start of the first data session, at or after `since`, of any of these SIMs; null when none. */
  firstStartAmong: async (db: Executor, sims: SimIdsQuery, since: Date): Promise<Date | null> => {
    const row = await db
      .selectFrom(sims.as("s"))
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom("data_sessions")
            .select("data_sessions.started_at")
            .whereRef("data_sessions.sim_id", "=", "s.sim_id")
            .where("data_sessions.started_at", ">=", since)
            .orderBy("data_sessions.started_at")
            .limit(1)
            .as("first"),
        (join) => join.onTrue(),
      )
      .select(sql<Date | null>`min(first.started_at)`.as("first_start"))
      .executeTakeFirst();
    return row?.first_start ? new Date(row.first_start) : null;
  },
};

export const sessionStartsRepoSql: SqlExamples<typeof sessionStartsRepo> = {
  firstStartAmong: [
    [simIdsOfAccounts(["0190a8a0-0000-7000-8000-000000000002"]), new Date("2026-12-01T00:00:00Z")],
  ],
};
