import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The rows of a SIM import file while its job runs: each line that passed the per-line checks,
 * already parsed, with the id its SIM will get and the account and plans it resolved to. Validation
 * runs over this table in SQL (duplicates in the file, SIMs already stored) and the apply phase
 * inserts from it, a range of lines per transaction. A job's rows are deleted when it ends.
 *
 * `outcome` is null for a row still to be created; `failed` (with field, code, message) or
 * `existing` (it meets a stored SIM; its outcome is in job_rows) for a row that is not applied.
 * No foreign keys: a key check per row would cost as much as the row, and the job owns the rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE sim_import_rows (
      job_id uuid NOT NULL,
      line integer NOT NULL,
      id uuid NOT NULL,
      iccid text NOT NULL,
      imsi text NOT NULL,
      msisdn text NOT NULL,
      eid text,
      imei text,
      account_id uuid,
      state text NOT NULL,
      state_given boolean NOT NULL,
      communication_plan_id uuid,
      rate_plan_id uuid,
      custom_fields jsonb NOT NULL,
      outcome text,
      field text,
      code text,
      message text,
      PRIMARY KEY (job_id, line)
    );
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
