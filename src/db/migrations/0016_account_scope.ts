import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * `account_scope`: each account's id and materialised path, the one thing other modules may read to
 * keep a query inside a subtree. The tenancy module (src/modules/tenancy) owns it and builds every
 * subtree filter on it; a plain view, so PostgreSQL inlines it into the query as if `accounts` were
 * joined directly.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE VIEW account_scope AS SELECT id AS account_id, parent_id, path, kind FROM accounts;
  `,
  );
}
