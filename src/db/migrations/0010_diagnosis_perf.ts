import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Reads of the diagnosis and of the actions' follow-up (bench/diagnosis.bench.ts):
 * - a SIM's sessions still open from before the diagnosis window (a session hung for days) are
 *   found without reading every session the SIM ever had;
 * - the follow-up looks again at actions reported still silent in the last day (late proof).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE INDEX data_sessions_sim_open_idx ON data_sessions (sim_id, started_at DESC) WHERE status = 'open';
    CREATE INDEX sim_actions_silent_idx ON sim_actions (completed_at) WHERE status = 'still_silent';
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
