import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Invoices per sub-account (docs/billing.md, "Invoices per sub-account"): an invoice bills its
 * account's whole subtree (`subtree`, every invoice so far), or the SIMs held on the account itself
 * and none of its sub-accounts' (`account`: the customer's own invoice when its sub-accounts are
 * invoiced apart). A billing run reads it to keep a cycle already issued one way from being billed
 * again the other way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE invoices ADD COLUMN scope text NOT NULL DEFAULT 'subtree'
      CHECK (scope IN ('subtree','account'));
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
