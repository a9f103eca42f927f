import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/** The test-period worker looks for TEST_READY SIMs every tick: without this it scanned every SIM. */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE INDEX sims_test_ready_idx ON sims (id) WHERE state = 'TEST_READY';
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
