import type { Insertable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SigninSessionsTable, SigninTokensTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Queries over passwords, sessions, one-time tokens and failed attempts. */
export const signinRepo = {
  passwordOf: (db: Executor, userId: string) =>
    db
      .selectFrom("user_passwords")
      .select("password_hash")
      .where("user_id", "=", userId)
      .executeTakeFirst(),

  setPassword: (tx: Tx, row: { user_id: string; account_id: string; hash: string; at: Date }) =>
    tx
      .insertInto("user_passwords")
      .values({
        user_id: row.user_id,
        account_id: row.account_id,
        password_hash: row.hash,
        set_at: row.at,
      })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({ password_hash: row.hash, set_at: row.at }),
      )
      .execute(),

  /** The run of failures of an address, locked for update (two attempts at once count twice). */
  lockFailures: (tx: Tx, email: string) =>
    tx
      .selectFrom("signin_failures")
      .selectAll()
      .where("email", "=", email)
      .forUpdate()
      .executeTakeFirst(),

  failuresOf: (db: Executor, email: string) =>
    db.selectFrom("signin_failures").selectAll().where("email", "=", email).executeTakeFirst(),

  saveFailures: (
    tx: Tx,
    row: { email: string; failures: number; last_failure_at: Date; locked_until: Date | null },
  ) =>
    tx
      .insertInto("signin_failures")
      .values(row)
      .onConflict((oc) =>
        oc.column("email").doUpdateSet({
          failures: row.failures,
          last_failure_at: row.last_failure_at,
          locked_until: row.locked_until,
        }),
      )
      .execute(),

  clearFailures: (db: Executor, email: string) =>
    db.deleteFrom("signin_failures").where("email", "=", email).execute(),

  insertSession: (db: Executor, row: Insertable<SigninSessionsTable>) =>
    db.insertInto("signin_sessions").values(row).execute(),

  /** A session that is neither revoked nor expired at `now`. */
  liveSessionByHash: (db: Executor, hash: string, now: Date) =>
    db
      .selectFrom("signin_sessions")
      .selectAll()
      .where("token_hash", "=", hash)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst(),

  touchSession: (db: Executor, id: string, at: Date, expiresAt: Date) =>
    db
      .updateTable("signin_sessions")
      .set({ last_seen_at: at, expires_at: expiresAt })
      .where("id", "=", id)
      .where("last_seen_at", "<", at)
      .execute(),

  liveSessionsOf: (db: Executor, userId: string, now: Date) =>
    db
      .selectFrom("signin_sessions")
      .select(["id", "created_at", "last_seen_at", "expires_at", "user_agent", "ip"])
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute(),

  revokeSession: (db: Executor, userId: string, id: string, at: Date) =>
    db
      .updateTable("signin_sessions")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst(),

  revokeAllSessions: (db: Executor, userId: string, at: Date) =>
    db
      .updateTable("signin_sessions")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute(),

  insertToken: (tx: Tx, row: Insertable<SigninTokensTable>) =>
    tx.insertInto("signin_tokens").values(row).execute(),

  /** The token, locked: setting a password with it and marking it used happen once. */
  lockToken: (tx: Tx, hash: string) =>
    tx
      .selectFrom("signin_tokens")
      .selectAll()
      .where("token_hash", "=", hash)
      .forUpdate()
      .executeTakeFirst(),

  /** Ends every unused token of the user: a newer mail or a password just set replaces them. */
  useAllTokens: (tx: Tx, userId: string, at: Date) =>
    tx
      .updateTable("signin_tokens")
      .set({ used_at: at })
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute(),

  latestUnusedToken: (db: Executor, userId: string, purpose: "invitation" | "reset") =>
    db
      .selectFrom("signin_tokens")
      .select(["id", "created_at", "expires_at"])
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst(),
};

const USER = "0190a1b2-0000-7000-8000-000000000001";
const ACCOUNT = "0190a1b2-0000-7000-8000-000000000002";
const SESSION = "0190a1b2-0000-7000-8000-000000000003";
const AT = new Date("2026-03-01T09:00:00Z");
const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

export const signinRepoSql: SqlExamples<typeof signinRepo> = {
  passwordOf: [[USER]],
  setPassword: [[{ user_id: USER, account_id: ACCOUNT, hash: "$argon2id$v=19$…", at: AT }]],
  lockFailures: [["dana@acme.example"]],
  failuresOf: [["dana@acme.example"]],
  saveFailures: [
    [{ email: "dana@acme.example", failures: 5, last_failure_at: AT, locked_until: AT }],
  ],
  clearFailures: [["dana@acme.example"]],
  insertSession: [
    [
      {
        id: SESSION,
        user_id: USER,
        account_id: ACCOUNT,
        token_hash: HASH,
        created_at: AT,
        last_seen_at: AT,
        expires_at: AT,
        user_agent: "Mozilla/5.0",
        ip: "192.0.2.10",
      },
    ],
  ],
  liveSessionByHash: [[HASH, AT]],
  touchSession: [[SESSION, AT, AT]],
  liveSessionsOf: [[USER, AT]],
  revokeSession: [[USER, SESSION, AT]],
  revokeAllSessions: [[USER, AT]],
  insertToken: [
    [
      {
        id: SESSION,
        user_id: USER,
        account_id: ACCOUNT,
        purpose: "invitation",
        token_hash: HASH,
        created_at: AT,
        expires_at: AT,
      },
    ],
  ],
  lockToken: [[HASH]],
  useAllTokens: [[USER, AT]],
  latestUnusedToken: [[USER, "reset"]],
};
