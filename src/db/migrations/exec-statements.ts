import { type Kysely, sql } from "kysely";

/**
 * Runs a block of DDL one statement at a time: PGlite's query path (extended protocol) accepts a
 * single statement per call. Statements are separated by a semicolon at the end of a line.
 */
export async function execStatements(db: Kysely<any>, block: string): Promise<void> {
  for (const statement of block.split(/;\s*\n/)) {
    const text = statement.trim();
    if (text) await sql.raw(text).execute(db);
  }
}
