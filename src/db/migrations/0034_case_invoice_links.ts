import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * A case links an invoice as it links a SIM or an account: a billing question carries the invoice
 * it is about (linked by an agent, or by itself when the customer's mail names the invoice's
 * number), and the case shows it with its lines and explanations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE case_links ADD COLUMN invoice_id uuid REFERENCES invoices(id);
    ALTER TABLE case_links DROP CONSTRAINT case_links_kind_check;
    ALTER TABLE case_links DROP CONSTRAINT case_links_check;
    ALTER TABLE case_links ADD CONSTRAINT case_links_kind_check CHECK (kind IN ('sim','account','invoice'));
    ALTER TABLE case_links ADD CONSTRAINT case_links_target_check CHECK (
      (kind = 'sim' AND sim_id IS NOT NULL) OR (kind = 'account' AND linked_account_id IS NOT NULL)
      OR (kind = 'invoice' AND invoice_id IS NOT NULL));
    CREATE UNIQUE INDEX case_links_invoice_idx ON case_links (case_id, invoice_id) WHERE kind = 'invoice';
    CREATE INDEX case_links_by_invoice_idx ON case_links (invoice_id) WHERE kind = 'invoice';
  `,
  );
}
