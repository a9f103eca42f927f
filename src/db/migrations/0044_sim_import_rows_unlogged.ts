import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * An import's staged rows are not written to the write-ahead log (docs/decisions.md, "An import's
 * staged rows are unlogged"): a third less to write while a file is staged. An unlogged table is
 * emptied when the database recovers from a crash (on PGlite, any kill -9 of Otter): a job that
 * finds its staged rows gone validates the file again, and a row whose SIM it had already created
 * (`sims.created_by_job_id`) is marked `created` (a fourth `outcome`) and counted, not written again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(db, `ALTER TABLE sim_import_rows SET UNLOGGED;`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(db, `ALTER TABLE sim_import_rows SET LOGGED;`);
}
