import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/** When a session last carried traffic: a session open at the gateway but silent is "hung". */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE data_sessions ADD COLUMN last_traffic_at timestamptz;
    UPDATE data_sessions SET last_traffic_at = last_update_at WHERE bytes_up + bytes_down > 0;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
