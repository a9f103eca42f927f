import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Reads of the zone table for the modules that place SIMs in zones (network). */
export const zoneLookupRepo = {
  /** Every zone: a batch of network signals matches each serving network against them in memory. */
  all: (db: Executor) => db.selectFrom("zones").selectAll().execute(),

  /** Id and name of the zones with these ids, ordered by name (as the database collates it). */
  namesByIds: async (db: Executor, ids: readonly string[]) => {
    if (ids.length === 0) return [];
    return db
      .selectFrom("zones")
      .select(["zones.id", "zones.name"])
      .where("zones.id", "in", [...ids])
      .orderBy("zones.name")
      .execute();
  },
};

export const zoneLookupRepoSql: SqlExamples<typeof zoneLookupRepo> = {
  all: [[]],
  namesByIds: [[["0190a8a0-0000-7000-8000-000000000001", "0190a8a0-0000-7000-8000-000000000002"]]],
};
