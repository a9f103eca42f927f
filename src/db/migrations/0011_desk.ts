import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The case desk: support mailboxes, cases with their append-only timeline, links to SIMs and
 * accounts, every mail in or out (raw and parsed), attachments and consultations.
 *
 * Tenancy: `cases.account_id` is the customer; NULL means "not yet known" (the triage queue, seen by
 * operators only). Child rows (entries, links, messages, attachments, consultations) reach their
 * tenant through `case_id`, so assigning a triage case to a customer changes one row and the
 * timeline stays untouched (nothing in it is edited in place).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE desk_mailboxes (
      id uuid PRIMARY KEY,
      address text NOT NULL,
      account_id uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX desk_mailboxes_address_idx ON desk_mailboxes (lower(address));

    -- Display numbers ("Case #1234"): unique and readable, not gap-free, so a sequence (which never
    -- blocks) rather than a counter row whose lock would serialise every transaction opening a case.
    CREATE SEQUENCE desk_case_number_seq;

    CREATE TABLE cases (
      id uuid PRIMARY KEY,
      operator_id uuid NOT NULL REFERENCES accounts(id),
      account_id uuid REFERENCES accounts(id),
      number integer NOT NULL,
      subject text NOT NULL,
      category text NOT NULL CHECK (category IN ('sim_order','platform_howto','billing','technical','plans','products','other')),
      state text NOT NULL CHECK (state IN ('new','open','waiting_on_customer','waiting_on_consultation','resolved','closed')),
      priority text NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
      owner_user_id uuid REFERENCES users(id),
      contact_ids uuid[] NOT NULL DEFAULT '{}',
      requester_email text,
      requester_name text,
      channel text NOT NULL CHECK (channel IN ('email','phone','api','automation')),
      source_key text UNIQUE,
      reopened_from_case_id uuid REFERENCES cases(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      resolved_at timestamptz,
      closed_at timestamptz,
      UNIQUE (operator_id, number)
    );
    CREATE INDEX cases_account_idx ON cases (account_id, id);
    CREATE INDEX cases_triage_idx ON cases (id) WHERE account_id IS NULL;
    CREATE INDEX cases_owner_idx ON cases (owner_user_id, state);
    CREATE INDEX cases_state_idx ON cases (state, id);
    CREATE INDEX cases_requester_idx ON cases (lower(requester_email));

    CREATE TABLE consultations (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      team text,
      address text,
      subject text NOT NULL,
      state text NOT NULL CHECK (state IN ('open','answered','closed')),
      created_by_user_id uuid,
      created_at timestamptz NOT NULL,
      answered_at timestamptz,
      closed_at timestamptz,
      CHECK (team IS NOT NULL OR address IS NOT NULL)
    );
    CREATE INDEX consultations_case_idx ON consultations (case_id, id);

    -- Every mail in or out. message_id is unique: the same mail delivered twice is stored once.
    CREATE TABLE desk_messages (
      id uuid PRIMARY KEY,
      case_id uuid REFERENCES cases(id),
      consultation_id uuid REFERENCES consultations(id),
      mailbox_id uuid REFERENCES desk_mailboxes(id),
      direction text NOT NULL CHECK (direction IN ('in','out')),
      message_id text NOT NULL UNIQUE,
      in_reply_to text,
      references_ids text[] NOT NULL DEFAULT '{}',
      envelope_from text,
      envelope_to text[] NOT NULL DEFAULT '{}',
      from_address text,
      from_name text,
      to_addresses text[] NOT NULL DEFAULT '{}',
      cc_addresses text[] NOT NULL DEFAULT '{}',
      subject text,
      text_body text,
      html_body text,
      headers jsonb NOT NULL DEFAULT '{}',
      raw bytea,
      raw_size integer NOT NULL DEFAULT 0,
      -- auto_reply, bulk, bounce, loop, unparsed, oversize, delivery_failure, automatic
      flags text[] NOT NULL DEFAULT '{}',
      needs_human boolean NOT NULL DEFAULT false,
      -- Outbound only: the platform mail row that carries it, and the send outcome.
      mail_id uuid REFERENCES mail_messages(id),
      send_status text CHECK (send_status IN ('queued','sent','failed','outbox')),
      send_error text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX desk_messages_case_idx ON desk_messages (case_id, id);
    CREATE INDEX desk_messages_mail_idx ON desk_messages (mail_id) WHERE mail_id IS NOT NULL;
    CREATE INDEX desk_messages_auto_idx ON desk_messages (created_at) WHERE 'automatic' = ANY(flags);

    CREATE TABLE desk_attachments (
      id uuid PRIMARY KEY,
      message_id uuid NOT NULL REFERENCES desk_messages(id),
      filename text,
      content_type text NOT NULL,
      content_id text,
      inline boolean NOT NULL DEFAULT false,
      size integer NOT NULL,
      content bytea,
      truncated boolean NOT NULL DEFAULT false
    );
    CREATE INDEX desk_attachments_message_idx ON desk_attachments (message_id);

    -- The append-only timeline: rows are inserted, never updated or deleted.
    CREATE TABLE case_entries (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      kind text NOT NULL CHECK (kind IN ('email_in','email_out','phone','note','consultation','event')),
      body text,
      data jsonb NOT NULL DEFAULT '{}',
      actor_user_id uuid,
      actor_name text NOT NULL,
      desk_message_id uuid REFERENCES desk_messages(id),
      consultation_id uuid REFERENCES consultations(id),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX case_entries_case_idx ON case_entries (case_id, id);

    CREATE TABLE case_links (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      kind text NOT NULL CHECK (kind IN ('sim','account')),
      sim_id uuid REFERENCES sims(id),
      linked_account_id uuid REFERENCES accounts(id),
      created_by_user_id uuid,
      created_at timestamptz NOT NULL,
      CHECK ((kind = 'sim' AND sim_id IS NOT NULL) OR (kind = 'account' AND linked_account_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX case_links_sim_idx ON case_links (case_id, sim_id) WHERE kind = 'sim';
    CREATE UNIQUE INDEX case_links_account_idx ON case_links (case_id, linked_account_id) WHERE kind = 'account';
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
