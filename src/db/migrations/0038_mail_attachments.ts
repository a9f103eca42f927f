import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Files sent with an outbound message (an invoice's PDF), written in the same transaction as the
 * message and sent with it. `n` numbers them from 1 in the order given; `size` is the content's
 * length in bytes, so the outbox lists them without reading the content.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE mail_attachments (
      mail_id uuid NOT NULL REFERENCES mail_messages (id),
      n integer NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      content bytea NOT NULL,
      PRIMARY KEY (mail_id, n)
    );
    ALTER TABLE mail_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
