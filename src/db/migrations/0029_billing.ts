import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Billing (docs/billing.md): a billing profile per customer account (cycle, country, billing
 * contact; currency, time zone, legal name, VAT number and address stay on the account), invoices
 * and credit notes with their lines, the per-SIM facts behind each invoice (kept so that an issued
 * invoice explains itself the same way for ever), and one counter row per operator and series for
 * numbers without gaps — updated in the issuing transaction, never a sequence (a rolled-back
 * sequence value is a gap). Money is stored as decimal text: the driver reads `numeric` as a
 * JavaScript number, which would lose cents.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE billing_profiles (
      account_id uuid PRIMARY KEY REFERENCES accounts(id),
      cycle text NOT NULL CHECK (cycle IN ('calendar','anniversary')),
      anchor_day integer NOT NULL DEFAULT 1 CHECK (anchor_day BETWEEN 1 AND 28),
      country text NOT NULL,
      contact_name text,
      contact_email text,
      per_sub_account boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE invoices (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      operator_account_id uuid NOT NULL REFERENCES accounts(id),
      kind text NOT NULL CHECK (kind IN ('invoice','credit_note')),
      status text NOT NULL CHECK (status IN ('draft','issued')),
      cycle_start date NOT NULL,
      cycle_end date NOT NULL,
      currency text NOT NULL,
      time_zone text NOT NULL,
      customer jsonb NOT NULL,
      subtotal text NOT NULL,
      vat_rate text NOT NULL,
      vat_amount text NOT NULL,
      total text NOT NULL,
      reverse_charge boolean NOT NULL,
      notes jsonb NOT NULL DEFAULT '[]',
      flags jsonb NOT NULL DEFAULT '[]',
      credited_invoice_id uuid REFERENCES invoices(id),
      number integer,
      number_text text,
      run_job_id uuid,
      created_at timestamptz NOT NULL,
      issued_at timestamptz,
      issued_by uuid
    );
    CREATE UNIQUE INDEX invoices_cycle_idx ON invoices (account_id, cycle_start) WHERE kind = 'invoice';
    CREATE UNIQUE INDEX invoices_number_idx ON invoices (operator_account_id, kind, number);
    CREATE INDEX invoices_account_idx ON invoices (account_id, cycle_start DESC);

    CREATE TABLE invoice_lines (
      invoice_id uuid NOT NULL REFERENCES invoices(id),
      n integer NOT NULL,
      account_id uuid NOT NULL,
      kind text NOT NULL,
      description text NOT NULL,
      rate_plan_id uuid,
      plan_version integer,
      zone_id uuid,
      quantity text NOT NULL,
      unit text NOT NULL,
      unit_price text NOT NULL,
      amount text NOT NULL,
      flags jsonb NOT NULL DEFAULT '[]',
      explanation jsonb NOT NULL,
      PRIMARY KEY (invoice_id, n)
    );

    CREATE TABLE invoice_sims (
      invoice_id uuid NOT NULL REFERENCES invoices(id),
      sim_id uuid NOT NULL,
      account_id uuid NOT NULL,
      iccid text NOT NULL,
      rate_plan_id uuid NOT NULL,
      billable_days integer NOT NULL,
      contribution_days integer NOT NULL,
      activated_on date,
      PRIMARY KEY (invoice_id, sim_id)
    );
    CREATE INDEX invoice_sims_plan_idx ON invoice_sims (invoice_id, rate_plan_id, sim_id);

    CREATE TABLE invoice_sim_usage (
      invoice_id uuid NOT NULL REFERENCES invoices(id),
      sim_id uuid NOT NULL,
      account_id uuid NOT NULL,
      rate_plan_id uuid NOT NULL,
      zone_key text NOT NULL,
      zone_id uuid,
      test boolean NOT NULL,
      days integer NOT NULL,
      bytes bigint NOT NULL,
      sms_mo integer NOT NULL,
      sms_mt integer NOT NULL,
      PRIMARY KEY (invoice_id, sim_id, zone_key, test)
    );
    CREATE INDEX invoice_sim_usage_plan_idx ON invoice_sim_usage (invoice_id, rate_plan_id, zone_key, sim_id);

    CREATE TABLE invoice_counters (
      operator_account_id uuid NOT NULL REFERENCES accounts(id),
      series text NOT NULL,
      last_number integer NOT NULL,
      PRIMARY KEY (operator_account_id, series)
    );

    -- A billing run reads one customer's usage at a time (network's usage-billing.shared.repo.ts).
    CREATE INDEX usage_daily_account_day_idx ON usage_daily (account_id, day);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
