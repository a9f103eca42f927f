import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * A zone's description: what the operator means by it ("EU roaming without Switzerland", "the
 * customer's own private network in Kenya"), shown wherever the zone is listed. The API accepted it
 * from the start and dropped it; now it is kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(db, `ALTER TABLE zones ADD COLUMN description text;`);
}
