import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * A webhook subscription can ask for Control Center's push format (docs/webhooks.md, "Control
 * Center push format"): `format` says which body Otter sends, `cc_data_format` whether its `data`
 * field is XML or JSON — set exactly when the format is Control Center's. Existing subscriptions
 * keep Otter's own format.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE webhook_subscriptions
      ADD COLUMN format text NOT NULL DEFAULT 'otter' CHECK (format IN ('otter','controlcenter')),
      ADD COLUMN cc_data_format text CHECK (cc_data_format IN ('xml','json'));
    ALTER TABLE webhook_subscriptions
      ADD CONSTRAINT webhook_subscriptions_cc_data_format_set
      CHECK ((format = 'controlcenter') = (cc_data_format IS NOT NULL));
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `ALTER TABLE webhook_subscriptions DROP COLUMN cc_data_format, DROP COLUMN format;`,
  );
}
