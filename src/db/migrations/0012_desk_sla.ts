import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Desk SLA clocks, saved replies and the knowledge base.
 *
 * Calendars and agreements are versioned (rows are only added): a clock is recomputed with the
 * versions that were in force at the time, so a rule change never rewrites history. `case_sla` is a
 * projection of each case's timeline (recomputed whenever an entry is appended), kept only so the
 * agent's queue can be ordered by breach risk in SQL; the timeline stays the truth.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE desk_calendars (
      id uuid PRIMARY KEY,
      operator_id uuid NOT NULL REFERENCES accounts(id),
      time_zone text NOT NULL,
      hours jsonb NOT NULL,
      holidays jsonb NOT NULL,
      effective_from timestamptz NOT NULL,
      created_by_user_id uuid,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX desk_calendars_operator_idx ON desk_calendars (operator_id, effective_from);

    -- account_id = the operator's root account holds the operator default.
    CREATE TABLE desk_agreements (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      targets jsonb NOT NULL,
      effective_from timestamptz NOT NULL,
      created_by_user_id uuid,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX desk_agreements_account_idx ON desk_agreements (account_id, effective_from);

    CREATE TABLE case_sla (
      case_id uuid PRIMARY KEY REFERENCES cases(id),
      account_id uuid REFERENCES accounts(id),
      owner_user_id uuid,
      open boolean NOT NULL,
      tier smallint NOT NULL,
      due_at timestamptz,
      remaining_ms bigint,
      at_risk_at timestamptz,
      state text NOT NULL,
      clocks jsonb NOT NULL,
      next_notice_at timestamptz,
      stale boolean NOT NULL DEFAULT false,
      computed_at timestamptz NOT NULL
    );
    CREATE INDEX case_sla_queue_idx ON case_sla (owner_user_id, tier, due_at, remaining_ms, case_id) WHERE open;
    CREATE INDEX case_sla_notice_idx ON case_sla (next_notice_at) WHERE next_notice_at IS NOT NULL;
    CREATE INDEX case_sla_stale_idx ON case_sla (case_id) WHERE stale;

    -- One at-risk and one breach notice per case, clock and episode (a reopening is a new episode).
    CREATE TABLE desk_sla_notices (
      case_id uuid NOT NULL REFERENCES cases(id),
      target text NOT NULL CHECK (target IN ('firstResponse','resolution')),
      episode integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('at_risk','breached')),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, target, episode, kind)
    );

    CREATE TABLE desk_macros (
      id uuid PRIMARY KEY,
      operator_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL,
      body text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      created_by_user_id uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX desk_macros_name_idx ON desk_macros (operator_id, lower(name));

    CREATE TABLE desk_articles (
      id uuid PRIMARY KEY,
      operator_id uuid NOT NULL REFERENCES accounts(id),
      title text NOT NULL,
      body text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED,
      created_by_user_id uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX desk_articles_search_idx ON desk_articles USING gin (search);
    CREATE INDEX desk_articles_tags_idx ON desk_articles USING gin (tags);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
