import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The SIMs behind a late-usage line (docs/billing.md, "Late usage"): per SIM, plan, zone and test
 * flag, the usage of the earlier cycle (`for_invoice_id`) recorded after it was billed — bytes and
 * SMS beyond what that invoice and the late lines issued since carried — with the days the SIM used
 * the zone in that cycle now (`days`) and as last billed (`billed_days`). Written with the draft that
 * carries the line, in the same transaction, and removed with it; the primary key pages it by SIM.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE invoice_late_usage (
      invoice_id uuid NOT NULL REFERENCES invoices (id),
      for_invoice_id uuid NOT NULL REFERENCES invoices (id),
      sim_id uuid NOT NULL,
      account_id uuid NOT NULL,
      iccid text NOT NULL,
      rate_plan_id uuid NOT NULL,
      zone_key text NOT NULL,
      zone_id uuid,
      test boolean NOT NULL,
      days integer NOT NULL,
      billed_days integer NOT NULL,
      bytes bigint NOT NULL,
      sms_mo integer NOT NULL,
      sms_mt integer NOT NULL,
      PRIMARY KEY (invoice_id, for_invoice_id, sim_id, rate_plan_id, zone_key, test)
    );
    CREATE INDEX invoice_late_usage_for_idx ON invoice_late_usage (for_invoice_id);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
