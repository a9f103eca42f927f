import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/** Actions Otter takes towards the network (Disconnect-Requests to gateways), queued and followed. */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE network_actions (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      sim_id uuid NOT NULL,
      session_id uuid,
      kind text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued','sending','acked','nak','failed')),
      reason text NOT NULL,
      requested_by text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      result jsonb,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX network_actions_due_idx ON network_actions (next_attempt_at) WHERE status IN ('queued','sending');
    CREATE INDEX network_actions_sim_idx ON network_actions (sim_id, id);
    ALTER TABLE sim_network_state ADD COLUMN barred_at timestamptz;
    ALTER TABLE sim_network_state ADD COLUMN barred_reason text;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
