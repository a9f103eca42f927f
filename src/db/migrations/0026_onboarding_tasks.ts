import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The people's tasks of an onboarding (docs/onboarding.md, "Tasks and lead times"): what is left to
 * do once the machine part is provisioned — agree the tunnel date, ship the SIM cards, the
 * customer's acceptance — each with its owner, due date and state, and the desk case that carries
 * them (`onboardings.case_id`, a case of the desk module, opened through its service), and the
 * time its first SIM came online (`first_sim_online_at`, from the network's data sessions, kept once
 * known) for lead times. A task is
 * known by its `kind`, one per onboarding, so a re-run never doubles it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE onboardings ADD COLUMN case_id uuid;
    ALTER TABLE onboardings ADD COLUMN first_sim_online_at timestamptz;
    CREATE TABLE onboarding_tasks (
      id uuid PRIMARY KEY,
      onboarding_id uuid NOT NULL REFERENCES onboardings(id),
      kind text NOT NULL CHECK (kind IN ('tunnel_date','sim_shipment','acceptance')),
      title text NOT NULL,
      owner_email text NOT NULL,
      due_on date NOT NULL,
      state text NOT NULL CHECK (state IN ('open','done')),
      note text,
      done_at timestamptz,
      done_by uuid,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX onboarding_tasks_kind_idx ON onboarding_tasks (onboarding_id, kind);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `DROP TABLE onboarding_tasks; ALTER TABLE onboardings DROP COLUMN case_id, DROP COLUMN first_sim_online_at;`,
  );
}
