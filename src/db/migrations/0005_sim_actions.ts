import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Remote actions on a SIM taken by a person (reset connectivity, activate, change plan, override the
 * limit), each with who, why, what was sent to the network and the follow-up that proves it worked;
 * and the HSS endpoints that take cancel-location requests. A gateway may reuse an Acct-Session-Id
 * for a later session: the earlier one is then kept as superseded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE hss_endpoints (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      name text NOT NULL UNIQUE,
      url text NOT NULL,
      secret_sealed text NOT NULL,
      imsi_prefixes text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE sim_actions (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      sim_id uuid NOT NULL,
      iccid text NOT NULL,
      type text NOT NULL,
      status text NOT NULL,
      reason text NOT NULL,
      params jsonb NOT NULL,
      requested_by_user uuid,
      requested_by text NOT NULL,
      outcome jsonb,
      watch_until timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      completed_at timestamptz
    );
    CREATE INDEX sim_actions_sim_idx ON sim_actions (sim_id, id);
    CREATE INDEX sim_actions_watch_idx ON sim_actions (watch_until) WHERE status = 'watching';

    ALTER TABLE data_sessions ADD COLUMN superseded boolean NOT NULL DEFAULT false;
    ALTER TABLE data_sessions DROP CONSTRAINT data_sessions_client_id_acct_session_id_key;
    CREATE UNIQUE INDEX data_sessions_current_idx ON data_sessions (client_id, acct_session_id) WHERE NOT superseded;
    ALTER TABLE network_actions ADD COLUMN sim_action_id uuid;
    ALTER TABLE network_actions ADD COLUMN target jsonb;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
