import { hash, verify } from "@node-rs/argon2";
import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";
import type { MailService } from "../mail/mail.service.js";
import { signinErrors } from "./signin.errors.js";
import { invitationMail, resetMail } from "./signin-mail.js";
import { signinRepo as repo } from "./signin.repo.js";
import type { SetPasswordInput, SignInInput } from "./signin.schemas.js";
import {
  csrfTokenOf,
  FAILURE_MEMORY_MS,
  hashSecret,
  INVITATION_TTL_MS,
  lockAfter,
  newSecret,
  normalEmail,
  passwordWeakness,
  RESET_RESEND_MS,
  RESET_TTL_MS,
  SESSION_TOUCH_MS,
  sessionExpiry,
} from "./signin-policy.js";

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountsService, "directory" | "requireVisibleUser" | "principalOfUser" | "me">;
  mail: Pick<MailService, "enqueue">;
  audit: Pick<AuditService, "record">;
  /** Where people open Otter (OTTER_PUBLIC_URL): the links in mails start with it. */
  publicUrl: () => string;
}

/** Where a sign-in comes from, as shown in the list of one's sessions. */
export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

/**
 * Argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP minimum). A hash
 * stores its own parameters, so raising them later still verifies the old ones.
 */
const hashPassword = (password: string) => hash(password);

/**
 * People sign in with their e-mail address and a password they set through a one-time link
 * (invitation or reset mail); a session is a random secret in a cookie, stored hashed. Failed
 * attempts are counted per address and back off (signin-policy.ts).
 */
export function createSigninService(deps: Deps) {
  const { db, clock, accounts } = deps;
  // Verifying against a real hash when the address is unknown takes as long as a wrong password.
  let decoy: Promise<string> | null = null;
  const decoyHash = () => (decoy ??= hashPassword(newSecret()));

  const link = (path: string, token: string) =>
    `${deps.publicUrl().replace(/\/+$/, "")}${path}#token=${encodeURIComponent(token)}`;

  async function recordFailure(email: string): Promise<number> {
    const now = clock.now();
    return inTransaction(db, async (tx) => {
      const before = await repo.lockFailures(tx, email);
      const forgotten =
        !before || now.getTime() - before.last_failure_at.getTime() > FAILURE_MEMORY_MS;
      const failures = forgotten ? 1 : before.failures + 1;
      const lockMs = lockAfter(failures);
      await repo.saveFailures(tx, {
        email,
        failures,
        last_failure_at: now,
        locked_until: lockMs > 0 ? new Date(now.getTime() + lockMs) : null,
      });
      return lockMs;
    });
  }

  return {
    /** Checks the password; on success opens a session and answers its cookie secret once. */
    async signIn(input: SignInInput, client: ClientInfo) {
      const email = normalEmail(input.email);
      const now = clock.now();
      const failures = await repo.failuresOf(db, email);
      if (failures?.locked_until && failures.locked_until > now)
        throw signinErrors.locked(failures.locked_until.getTime() - now.getTime());

      const user = await accounts.directory.userByEmail(db, email);
      const stored = user && !user.disabled_at ? await repo.passwordOf(db, user.id) : undefined;
      const matches = await verify(stored?.password_hash ?? (await decoyHash()), input.password);
      if (!user || !stored || !matches) {
        const lockMs = await recordFailure(email);
        if (lockMs > 0) throw signinErrors.locked(lockMs);
        throw signinErrors.invalidCredentials();
      }

      const secret = newSecret();
      const sessionId = newId();
      const expiresAt = sessionExpiry(now, now);
      await inTransaction(db, async (tx) => {
        if (failures) await repo.clearFailures(tx, email);
        await repo.insertSession(tx, {
          id: sessionId,
          user_id: user.id,
          account_id: user.account_id,
          token_hash: hashSecret(secret),
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          user_agent: client.userAgent?.slice(0, 300) ?? null,
          ip: client.ip,
        });
        await deps.audit.record(tx, {
          accountId: user.account_id,
          actor: { userId: user.id, name: user.name || user.email },
          action: "user.signed_in",
          entityType: "user",
          entityId: user.id,
          data: { sessionId, ip: client.ip },
        });
      });
      const principal = await accounts.principalOfUser(user.id, sessionId);
      return {
        secret,
        csrfToken: csrfTokenOf(secret),
        expiresAt: expiresAt.toISOString(),
        user: await accounts.me(principal!),
      };
    },

    /** The principal behind a session cookie, or null when the session has ended. */
    async authenticate(secret: string): Promise<Principal | null> {
      const now = clock.now();
      const session = await repo.liveSessionByHash(db, hashSecret(secret), now);
      if (!session) return null;
      const principal = await accounts.principalOfUser(session.user_id, session.id);
      if (!principal) return null;
      if (now.getTime() - session.last_seen_at.getTime() >= SESSION_TOUCH_MS)
        await repo.touchSession(db, session.id, now, sessionExpiry(session.created_at, now));
      return principal;
    },

    csrfTokenOf,

    async signOut(principal: Principal) {
      if (!principal.sessionId) throw signinErrors.notASession();
      await repo.revokeSession(db, principal.userId, principal.sessionId, clock.now());
    },

    /** One's own live sessions, newest first (also asked with an API key: the key's user's). */
    async listSessions(principal: Principal) {
      const rows = await repo.liveSessionsOf(db, principal.userId, clock.now());
      return rows.map((s) => ({
        id: s.id,
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        userAgent: s.user_agent,
        ip: s.ip,
        current: s.id === principal.sessionId,
      }));
    },

    async revokeSession(principal: Principal, sessionId: string) {
      const res = await repo.revokeSession(db, principal.userId, sessionId, clock.now());
      if (Number(res.numUpdatedRows) === 0) throw signinErrors.sessionNotFound(sessionId);
    },

    /**
     * Mails the user a one-time link to set their password (a new invitation replaces an unused
     * one). The link is never answered here: only the mailbox owner gets it.
     */
    async invite(principal: Principal, userId: string) {
      requirePermission(principal, "users:write");
      return inTransaction(db, async (tx) => {
        const user = await accounts.requireVisibleUser(principal, userId, tx);
        if (user.disabled_at) throw signinErrors.userDisabled();
        const now = clock.now();
        const token = newSecret();
        const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
        await repo.useAllTokens(tx, user.id, now);
        await repo.insertToken(tx, {
          id: newId(),
          user_id: user.id,
          account_id: user.account_id,
          purpose: "invitation",
          token_hash: hashSecret(token),
          created_at: now,
          expires_at: expiresAt,
        });
        const language = await accounts.directory.userLanguage(tx, user.id);
        await deps.mail.enqueue(tx, {
          accountId: user.account_id,
          to: [user.email],
          ...invitationMail(language, {
            name: user.name,
            inviter: principal.name,
            email: user.email,
            link: link("/set-password", token),
            until: `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
          }),
          purpose: "user_invitation",
        });
        await deps.audit.record(tx, {
          accountId: user.account_id,
          actor: actorOf(principal),
          action: "user.invited",
          entityType: "user",
          entityId: user.id,
          data: { email: user.email, expiresAt: expiresAt.toISOString() },
        });
        return { userId: user.id, email: user.email, expiresAt: expiresAt.toISOString() };
      });
    },

    /**
     * The first start's way into the console: a one-time link for the operator admin that Otter has
     * just created, printed on the terminal by `otter serve` (there is no mailbox to send it to yet).
     * Only the process that created the admin calls this; no route leads here.
     */
    async firstSignInLink(userId: string): Promise<{ link: string; expiresAt: string }> {
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const token = newSecret();
        const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
        const [user] = await accounts.directory.usersByIds(tx, [userId]);
        if (!user) throw new Error(`firstSignInLink: no user ${userId}`);
        await repo.useAllTokens(tx, user.id, now);
        await repo.insertToken(tx, {
          id: newId(),
          user_id: user.id,
          account_id: user.account_id,
          purpose: "invitation",
          token_hash: hashSecret(token),
          created_at: now,
          expires_at: expiresAt,
        });
        return { link: link("/set-password", token), expiresAt: expiresAt.toISOString() };
      });
    },

    /**
     * Mails a reset link when the address belongs to an enabled user; answers the same either way,
     * so the form tells nobody which addresses exist.
     */
    async requestReset(emailGiven: string): Promise<void> {
      const user = await accounts.directory.userByEmail(db, normalEmail(emailGiven));
      if (!user || user.disabled_at) return;
      await inTransaction(db, async (tx) => {
        const now = clock.now();
        const latest = await repo.latestUnusedToken(tx, user.id, "reset");
        if (latest && now.getTime() - latest.created_at.getTime() < RESET_RESEND_MS) return;
        const token = newSecret();
        const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
        await repo.useAllTokens(tx, user.id, now);
        await repo.insertToken(tx, {
          id: newId(),
          user_id: user.id,
          account_id: user.account_id,
          purpose: "reset",
          token_hash: hashSecret(token),
          created_at: now,
          expires_at: expiresAt,
        });
        const language = await accounts.directory.userLanguage(tx, user.id);
        await deps.mail.enqueue(tx, {
          accountId: user.account_id,
          to: [user.email],
          ...resetMail(language, { name: user.name, link: link("/reset-password", token) }),
          purpose: "password_reset",
        });
      });
    },

    /**
     * Sets the password with a one-time token from an invitation or reset mail. Every other token
     * and every open session of the user end: whoever held the old password is signed out.
     */
    async setPassword(input: SetPasswordInput) {
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const token = await repo.lockToken(tx, hashSecret(input.token));
        if (!token || token.used_at || token.expires_at <= now) throw signinErrors.tokenInvalid();
        const [user] = await accounts.directory.usersByIds(tx, [token.user_id]);
        if (!user || user.disabled_at) throw signinErrors.tokenInvalid();
        const weak = passwordWeakness(input.password, user.email);
        if (weak) throw signinErrors.weakPassword(weak);
        await repo.setPassword(tx, {
          user_id: user.id,
          account_id: user.account_id,
          hash: await hashPassword(input.password),
          at: now,
        });
        await repo.useAllTokens(tx, user.id, now);
        await repo.revokeAllSessions(tx, user.id, now);
        await repo.clearFailures(tx, normalEmail(user.email));
        await deps.audit.record(tx, {
          accountId: user.account_id,
          actor: { userId: user.id, name: user.name || user.email },
          action: token.purpose === "invitation" ? "user.password_set" : "user.password_reset",
          entityType: "user",
          entityId: user.id,
          data: {},
        });
        return { email: user.email };
      });
    },
  };
}

export type SigninService = ReturnType<typeof createSigninService>;
