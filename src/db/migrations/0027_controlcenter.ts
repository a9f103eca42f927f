import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The Control-Center-compatible API (docs/control-center.md). Control Center clients hold accounts
 * and SMS messages by number (int64), Otter by UUIDv7: `cc_numeric_ids` keeps the one number each
 * Otter id was given, so it stays the same for ever. The number is derived from the UUIDv7 (its
 * millisecond time × 1024 + 10 of its random bits, below 2^53 so JavaScript clients read it
 * exactly); on a clash the next free number is taken. No sequence (docs/storage.md).
 * `cc_idempotency` remembers the `Idempotency-Key` of a device edit for a day, so a retried PUT
 * changes nothing twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE cc_numeric_ids (
      kind text NOT NULL CHECK (kind IN ('account','user','sms')),
      cc_id bigint NOT NULL CHECK (cc_id > 0 AND cc_id < 9007199254740992),
      otter_id uuid NOT NULL,
      account_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (kind, cc_id)
    );
    CREATE UNIQUE INDEX cc_numeric_ids_otter_idx ON cc_numeric_ids (kind, otter_id);
    CREATE TABLE cc_idempotency (
      account_id uuid NOT NULL,
      key text NOT NULL,
      iccid text NOT NULL,
      status smallint NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (account_id, key)
    );
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(db, `DROP TABLE cc_idempotency; DROP TABLE cc_numeric_ids;`);
}
