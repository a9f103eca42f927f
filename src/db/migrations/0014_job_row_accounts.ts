import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The account each job row concerns, so a job's results show a reader only the rows of accounts in
 * the reader's subtree. NULL means the job's own account (every row of older jobs, bulk changes, and
 * import rows whose account could not be resolved).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE job_rows ADD COLUMN account_id uuid REFERENCES accounts(id);
  `,
  );
}
