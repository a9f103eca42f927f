import { expressionBuilder } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";

const scope = expressionBuilder<DB, never>();

/**
 * Select-expression: the catalog's revision (migration 0019), which grows with every committed
 * change to zones, plans, versions and offers. Read it in the same statement as the row that names
 * plans, and the catalog service's memory answers for that row exactly as the database would.
 *
 * @example
 * db.selectFrom("sims").selectAll().select(catalogRevision().as("catalog_revision"))
 */
export const catalogRevision = () =>
  scope.selectFrom("catalog_revision").select("catalog_revision.revision");

/** The revision on its own. */
export const catalogRevisionRepo = {
  current: async (db: Executor) =>
    (await db.selectFrom("catalog_revision").select("revision").executeTakeFirstOrThrow()).revision,
};

export const catalogRevisionRepoSql: SqlExamples<typeof catalogRevisionRepo> = {
  current: [[]],
};
