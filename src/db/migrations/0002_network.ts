import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Network signals: the gateways that send RADIUS accounting, the accounting records themselves
 * (the evidence, deduplicated), data sessions, registration events from the HLR/HSS, per-SIM network
 * state, daily usage per zone, and IMSIs the network reported that Otter does not know.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE network_clients (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL UNIQUE,
      address text NOT NULL,
      secret_sealed text NOT NULL,
      coa_port integer NOT NULL DEFAULT 3799,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE accounting_records (
      id uuid PRIMARY KEY,
      dedupe_key text NOT NULL UNIQUE,
      client_id uuid NOT NULL,
      account_id uuid NOT NULL,
      sim_id uuid,
      imsi text,
      acct_session_id text,
      status text NOT NULL,
      event_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      record jsonb NOT NULL
    );
    CREATE INDEX accounting_records_sim_idx ON accounting_records (sim_id, id);

    CREATE TABLE data_sessions (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      client_id uuid NOT NULL,
      acct_session_id text NOT NULL,
      sim_id uuid,
      imsi text,
      msisdn text,
      charging_id bigint,
      nas_ip text,
      apn text,
      ip text,
      rat text,
      rat_code integer,
      mcc text,
      mnc text,
      location jsonb,
      imeisv text,
      status text NOT NULL CHECK (status IN ('open','closed')),
      started_at timestamptz NOT NULL,
      last_update_at timestamptz NOT NULL,
      ended_at timestamptz,
      bytes_up bigint NOT NULL DEFAULT 0,
      bytes_down bigint NOT NULL DEFAULT 0,
      session_time integer,
      terminate_cause text,
      UNIQUE (client_id, acct_session_id)
    );
    CREATE INDEX data_sessions_sim_idx ON data_sessions (sim_id, started_at DESC);
    CREATE INDEX data_sessions_open_idx ON data_sessions (client_id) WHERE status = 'open';

    CREATE TABLE registration_events (
      id uuid PRIMARY KEY,
      event_id text NOT NULL UNIQUE,
      account_id uuid NOT NULL,
      sim_id uuid,
      imsi text NOT NULL,
      type text NOT NULL,
      result text,
      cause integer,
      cause_type text,
      visited_plmn text,
      rat text,
      imei text,
      at timestamptz NOT NULL,
      received_at timestamptz NOT NULL
    );
    CREATE INDEX registration_events_sim_idx ON registration_events (sim_id, at DESC);

    CREATE TABLE sim_network_state (
      sim_id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      last_seen timestamptz,
      last_registration jsonb,
      imei text,
      imeisv text,
      previous_imei text,
      imei_changed_at timestamptz,
      mcc text,
      mnc text,
      rat text,
      location jsonb,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE usage_daily (
      sim_id uuid NOT NULL,
      day date NOT NULL,
      zone_key text NOT NULL,
      zone_id uuid,
      account_id uuid NOT NULL,
      bytes_up bigint NOT NULL DEFAULT 0,
      bytes_down bigint NOT NULL DEFAULT 0,
      sms_mo integer NOT NULL DEFAULT 0,
      sms_mt integer NOT NULL DEFAULT 0,
      PRIMARY KEY (sim_id, day, zone_key)
    );

    CREATE TABLE unknown_imsis (
      imsi text PRIMARY KEY,
      first_seen timestamptz NOT NULL,
      last_seen timestamptz NOT NULL,
      occurrences integer NOT NULL DEFAULT 1,
      last_source text NOT NULL,
      last_plmn text
    );
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
