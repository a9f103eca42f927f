import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The connectivity core: accounts and principals, the catalog, SIMs with their audit and scheduled
 * changes, jobs, the domain-event outbox and outbound mail. Keys are application UUIDv7s; every
 * tenant table carries the owning account id (DESIGN.md, Storage).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE accounts (
      id uuid PRIMARY KEY,
      parent_id uuid REFERENCES accounts(id),
      path text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('operator','customer')),
      name text NOT NULL,
      legal_name text,
      vat_number text,
      currency text NOT NULL DEFAULT 'EUR',
      language text NOT NULL DEFAULT 'en',
      time_zone text NOT NULL DEFAULT 'UTC',
      billing_address jsonb,
      test_ready_then text NOT NULL DEFAULT 'ACTIVATED',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX accounts_path_idx ON accounts (path text_pattern_ops);
    CREATE INDEX accounts_parent_idx ON accounts (parent_id);

    CREATE TABLE contacts (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL,
      email text,
      phone text,
      language text,
      role text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX contacts_account_idx ON contacts (account_id);

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL,
      created_at timestamptz NOT NULL,
      disabled_at timestamptz
    );
    CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
    CREATE INDEX users_account_idx ON users (account_id);

    CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      key_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      name text,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz,
      last_used_at timestamptz
    );
    CREATE INDEX api_keys_user_idx ON api_keys (user_id);

    CREATE TABLE zones (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL UNIQUE,
      countries text[] NOT NULL,
      plmns text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE communication_plans (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL UNIQUE,
      description text,
      apns jsonb NOT NULL,
      data_enabled boolean NOT NULL,
      sms_enabled boolean NOT NULL,
      voice_enabled boolean NOT NULL,
      rats text[] NOT NULL,
      zone_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE rate_plans (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL UNIQUE,
      currency text NOT NULL,
      description text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE rate_plan_versions (
      id uuid PRIMARY KEY,
      rate_plan_id uuid NOT NULL REFERENCES rate_plans(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      version integer NOT NULL,
      effective_from timestamptz NOT NULL,
      terms jsonb NOT NULL,
      zone_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (rate_plan_id, version)
    );

    CREATE TABLE plan_offers (
      plan_kind text NOT NULL CHECK (plan_kind IN ('communication','rate')),
      plan_id uuid NOT NULL,
      account_id uuid NOT NULL REFERENCES accounts(id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (plan_id, account_id)
    );
    CREATE INDEX plan_offers_account_idx ON plan_offers (account_id);

    CREATE TABLE sims (
      id uuid PRIMARY KEY,
      iccid text NOT NULL UNIQUE,
      imsi text NOT NULL UNIQUE,
      msisdn text UNIQUE,
      eid text,
      imei text,
      account_id uuid NOT NULL REFERENCES accounts(id),
      state text NOT NULL,
      communication_plan_id uuid REFERENCES communication_plans(id),
      rate_plan_id uuid REFERENCES rate_plans(id),
      overage_limit_override text NOT NULL DEFAULT 'DEFAULT',
      custom_fields jsonb NOT NULL DEFAULT '{}',
      notes text,
      created_by_job_id uuid,
      date_activated timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX sims_account_idx ON sims (account_id, id);
    CREATE INDEX sims_updated_idx ON sims (updated_at, id);

    CREATE TABLE sim_audit (
      id uuid PRIMARY KEY,
      sim_id uuid NOT NULL,
      account_id uuid NOT NULL,
      field text NOT NULL,
      prior_value text,
      value text,
      reason text,
      effective_date timestamptz NOT NULL,
      actor_user_id uuid,
      actor_name text NOT NULL,
      job_id uuid,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX sim_audit_sim_idx ON sim_audit (sim_id, id);

    CREATE TABLE sim_scheduled_changes (
      id uuid PRIMARY KEY,
      sim_id uuid NOT NULL,
      account_id uuid NOT NULL,
      changes jsonb NOT NULL,
      effective_date timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','applied','failed','cancelled')),
      reason text,
      actor_user_id uuid,
      actor_name text NOT NULL,
      error jsonb,
      created_at timestamptz NOT NULL,
      applied_at timestamptz
    );
    CREATE INDEX sim_scheduled_due_idx ON sim_scheduled_changes (effective_date) WHERE status = 'pending';
    CREATE INDEX sim_scheduled_sim_idx ON sim_scheduled_changes (sim_id);

    CREATE TABLE jobs (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      kind text NOT NULL,
      status text NOT NULL,
      phase text NOT NULL,
      params jsonb NOT NULL,
      created_by uuid NOT NULL,
      file_name text,
      upload_bytes bigint NOT NULL DEFAULT 0,
      total integer NOT NULL DEFAULT 0,
      done integer NOT NULL DEFAULT 0,
      checkpoint integer NOT NULL DEFAULT 0,
      counts jsonb NOT NULL,
      error_count integer NOT NULL DEFAULT 0,
      failure jsonb,
      cancel_requested boolean NOT NULL DEFAULT false,
      lease_owner text,
      lease_until timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX jobs_claim_idx ON jobs (created_at) WHERE status IN ('queued','running');
    CREATE INDEX jobs_account_idx ON jobs (account_id, id);

    CREATE TABLE job_uploads (
      job_id uuid NOT NULL REFERENCES jobs(id),
      seq integer NOT NULL,
      data bytea NOT NULL,
      PRIMARY KEY (job_id, seq)
    );

    CREATE TABLE job_rows (
      job_id uuid NOT NULL REFERENCES jobs(id),
      line integer NOT NULL,
      iccid text,
      outcome text NOT NULL,
      field text,
      code text,
      message text,
      PRIMARY KEY (job_id, line)
    );

    CREATE TABLE audit_log (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      actor_user_id uuid,
      actor_name text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX audit_log_account_idx ON audit_log (account_id, id);
    CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

    CREATE TABLE domain_events (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      type text NOT NULL,
      subject_id text NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX domain_events_account_idx ON domain_events (account_id, id);

    CREATE TABLE mail_messages (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      message_id text NOT NULL UNIQUE,
      from_address text NOT NULL,
      to_addresses text[] NOT NULL,
      cc_addresses text[] NOT NULL DEFAULT '{}',
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text,
      headers jsonb NOT NULL DEFAULT '{}',
      purpose text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued','sending','sent','failed','outbox')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    );
    CREATE INDEX mail_due_idx ON mail_messages (next_attempt_at) WHERE status = 'queued';
    CREATE INDEX mail_account_idx ON mail_messages (account_id, id);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
