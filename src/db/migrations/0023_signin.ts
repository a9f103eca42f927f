import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * People sign in (docs/sign-in.md). A user's language and time zone are their own (empty: the
 * account's). Passwords, sessions and one-time tokens belong to the signin module; secrets are
 * stored hashed (argon2id for passwords, SHA-256 for the random session and mail tokens).
 * Failed attempts are counted per e-mail address, also for addresses no user has, so a lockout
 * tells nobody whether an address exists.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    ALTER TABLE users ADD COLUMN language text, ADD COLUMN time_zone text;

    CREATE TABLE user_passwords (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      password_hash text NOT NULL,
      set_at timestamptz NOT NULL
    );

    CREATE TABLE signin_sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      user_agent text,
      ip text
    );
    CREATE INDEX signin_sessions_user_idx ON signin_sessions (user_id, created_at);

    CREATE TABLE signin_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      purpose text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX signin_tokens_user_idx ON signin_tokens (user_id, created_at);

    CREATE TABLE signin_failures (
      email text PRIMARY KEY,
      failures integer NOT NULL,
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz
    );
  `,
  );
}
