import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The clarity check (docs/clarity.md): the operator's glossary of jargon per language, and the
 * check of every reply as it was sent, with its findings and what the agent did about each.
 *
 * - `clarity_glossary_terms`: one term per operator, language and spelling (case-insensitive), with
 *   the plain explanation offered in its place. Shipped terms (`origin = 'shipped'`) are copied from
 *   `src/modules/clarity/clarity-glossary.seed.ts` on the first use of the glossary, not here: a
 *   migration that imported the seed would change meaning whenever the seed does, and the operator
 *   account may not exist yet when migrations run. `clarity_glossary_seeded` records that copy, so a
 *   term the team removed stays removed.
 * - `clarity_reply_checks`: the check the server ran on a reply when it was sent, keyed by the
 *   reply's case entry (the desk's `case_entries.id`; the desk owns replies, this module its check).
 *   `account_id` is the case's tenant (its customer, or the operator for a triage case).
 * - `clarity_reply_findings`: the findings of that check (`decision` `open` or `dismissed`) and the
 *   suggestions the agent accepted in the draft before sending (`accepted`: no longer in the text,
 *   so without a span).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE clarity_glossary_terms (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      language text NOT NULL CHECK (language IN ('en','it','sv')),
      term text NOT NULL CHECK (length(term) BETWEEN 1 AND 100),
      explanation text NOT NULL CHECK (length(explanation) BETWEEN 1 AND 1000),
      origin text NOT NULL CHECK (origin IN ('shipped','team')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by_user_id uuid
    );
    CREATE UNIQUE INDEX clarity_glossary_terms_key
      ON clarity_glossary_terms (account_id, language, lower(term));
    CREATE TABLE clarity_glossary_seeded (
      account_id uuid PRIMARY KEY REFERENCES accounts(id),
      seeded_at timestamptz NOT NULL,
      terms integer NOT NULL
    );
    CREATE TABLE clarity_reply_checks (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      case_id uuid NOT NULL,
      entry_id uuid NOT NULL UNIQUE,
      desk_message_id uuid,
      language text NOT NULL CHECK (language IN ('en','it','sv')),
      formula text NOT NULL CHECK (formula IN ('flesch','gulpease','lix')),
      score double precision NOT NULL,
      sent_by_user_id uuid,
      sent_at timestamptz NOT NULL
    );
    CREATE INDEX clarity_reply_checks_sent_idx ON clarity_reply_checks (sent_at);
    CREATE TABLE clarity_reply_findings (
      id uuid PRIMARY KEY,
      check_id uuid NOT NULL REFERENCES clarity_reply_checks(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      rule text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('info','warning')),
      decision text NOT NULL CHECK (decision IN ('open','dismissed','accepted')),
      span_start integer,
      span_end integer,
      span_text text NOT NULL,
      message text NOT NULL,
      suggestion text,
      decided_by_user_id uuid
    );
    CREATE INDEX clarity_reply_findings_check_idx ON clarity_reply_findings (check_id);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `DROP TABLE clarity_reply_findings; DROP TABLE clarity_reply_checks;
     DROP TABLE clarity_glossary_seeded; DROP TABLE clarity_glossary_terms;`,
  );
}
