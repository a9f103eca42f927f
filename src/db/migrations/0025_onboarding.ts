import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Customer onboardings (docs/onboarding.md): the spec as given, the findings of its last
 * feasibility check, its state with the time each state was reached (for lead times), the job that
 * provisions it, and what that job has created so far (`provisioned`: the ids of the customer, its
 * accounts and plans), which is also how a re-run recognises its own work. The APN and IPsec
 * service is kept here as data until Otter configures tunnels itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE onboardings (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      reference text NOT NULL,
      customer_name text NOT NULL,
      spec jsonb NOT NULL,
      spec_hash text NOT NULL,
      state text NOT NULL CHECK (state IN ('draft','validated','provisioning','waiting_on_customer','live','failed')),
      findings jsonb NOT NULL DEFAULT '[]',
      job_id uuid,
      customer_account_id uuid REFERENCES accounts(id),
      provisioned jsonb NOT NULL DEFAULT '{}',
      services jsonb NOT NULL DEFAULT '[]',
      report jsonb,
      owner_email text NOT NULL,
      contract_signed date NOT NULL,
      requested_go_live date NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      validated_at timestamptz,
      provisioning_at timestamptz,
      waiting_on_customer_at timestamptz,
      live_at timestamptz,
      failed_at timestamptz,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX onboardings_reference_idx ON onboardings (reference);
    CREATE INDEX onboardings_account_idx ON onboardings (account_id, id);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(db, `DROP TABLE onboardings;`);
}
