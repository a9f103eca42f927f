import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * SMS to devices: the SMS centres (SMSCs) Otter binds to over SMPP, registered by the operator like
 * HSS endpoints, and every SMS Otter sends, stored before it is submitted so that nothing is lost
 * when a node stops: a claim that lapses is submitted again (at least once). `message_ids` holds
 * the SMSC's id of each segment (submit_sm_resp) so a delivery receipt finds its SMS.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE sms_centres (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      name text NOT NULL UNIQUE,
      host text NOT NULL,
      port integer NOT NULL,
      system_id text NOT NULL,
      password_sealed text NOT NULL,
      system_type text NOT NULL DEFAULT '',
      source_address text NOT NULL,
      imsi_prefixes text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE sms_messages (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      sim_id uuid NOT NULL,
      sim_action_id uuid,
      sms_centre_id uuid NOT NULL,
      msisdn text NOT NULL,
      purpose text NOT NULL,
      encoding text NOT NULL,
      data_coding integer NOT NULL,
      esm_class integer NOT NULL,
      segments text[] NOT NULL,
      status text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      message_ids text[] NOT NULL DEFAULT '{}',
      receipts jsonb NOT NULL DEFAULT '[]',
      last_error text,
      submitted_at timestamptz,
      delivered_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX sms_messages_due_idx ON sms_messages (next_attempt_at) WHERE status IN ('queued', 'submitting');
    CREATE INDEX sms_messages_action_idx ON sms_messages (sim_action_id);
    CREATE INDEX sms_messages_sim_idx ON sms_messages (sim_id, id);
    CREATE INDEX sms_messages_ids_idx ON sms_messages USING gin (message_ids);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
