import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Inbound mail stored in pieces. A raw message and each kept attachment are written as rows of at
 * most a few tens of KiB, each in its own short statement, before the transaction that files the mail
 * on a case: on PGlite, whose single connection also answers `/healthz` and RADIUS, no statement
 * holds it for long (one 14 MB bytea insert held it for 14 s). The owner is a desk message (its raw
 * bytes) or a desk attachment (its content); `raw_chunks` / `content_chunks` say how many pieces it has.
 * Mail stored before this migration keeps its bytes inline in `raw` / `content`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE desk_blob_chunks (
      owner_id uuid NOT NULL,
      seq integer NOT NULL,
      bytes bytea NOT NULL,
      PRIMARY KEY (owner_id, seq)
    );
    -- Mail is mostly base64 already: compressing each piece costs time and saves little.
    ALTER TABLE desk_blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
    ALTER TABLE desk_messages ADD COLUMN raw_chunks integer NOT NULL DEFAULT 0;
    ALTER TABLE desk_attachments ADD COLUMN content_chunks integer NOT NULL DEFAULT 0;
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
