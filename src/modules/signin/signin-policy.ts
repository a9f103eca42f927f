import { createHash, randomBytes } from "node:crypto";

/**
 * The rules of signing in, without I/O: how strong a password must be, how long tokens and
 * sessions live, how a run of failed attempts backs off. docs/sign-in.md states the same numbers.
 */

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused: hashing a megabyte on every attempt would be a cheap denial of service. */
export const MAX_PASSWORD_LENGTH = 256;

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;
/** A new reset mail for the same address within this time is not sent (no mail bombing through the form). */
export const RESET_RESEND_MS = 60_000;

/** A session ends after this long without use, and in any case this long after sign-in. */
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
/** `last_seen_at` is written at most this often per session: no write on every request. */
export const SESSION_TOUCH_MS = 5 * 60_000;

/** Failed attempts allowed before the address is locked. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** A run of failures older than this is forgotten: the count starts again. */
export const FAILURE_MEMORY_MS = 24 * 3600_000;

/**
 * Passwords people choose first that meet the length: refused whatever their case. A short list on
 * purpose: the length rule already refuses most of the usual lists, and a console user sees the
 * reason at once.
 */
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789abc",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "abcdefghijkl",
  "abc123456789",
  "administrator",
  "changeme1234",
  "correcthorsebatterystaple",
  "iloveyou1234",
  "letmein12345",
  "password1234",
  "password12345",
  "password123!",
  "passwordpassword",
  "p@ssw0rd1234",
  "qwerty123456",
  "qwertyuiop12",
  "qwertyuiopasdf",
  "trustno1trustno1",
  "welcome12345",
  "welcome123456",
  "zaq12wsxcde3",
  "otterotterotter",
  "otter1234567",
]);

export type WeakPassword =
  | { reason: "too_short"; message: string }
  | { reason: "too_long"; message: string }
  | { reason: "common"; message: string }
  | { reason: "email"; message: string }
  | { reason: "repetitive"; message: string };

/** Why a password is refused for the user with this e-mail, or null when it is strong enough. */
export function passwordWeakness(password: string, email: string): WeakPassword | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return {
      reason: "too_short",
      message: `must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${length})`,
    };
  if (length > MAX_PASSWORD_LENGTH)
    return {
      reason: "too_long",
      message: `must be at most ${MAX_PASSWORD_LENGTH} characters long`,
    };
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower))
    return { reason: "common", message: "is one of the most common passwords; choose another" };
  const address = email.toLowerCase();
  const local = address.split("@")[0] ?? "";
  if (lower === address || (local.length >= 4 && lower.includes(local)))
    return { reason: "email", message: "must not be or contain your e-mail address" };
  if (new Set(lower).size <= 2)
    return { reason: "repetitive", message: "must not repeat one or two characters" };
  return null;
}

/** How long the address stays locked after its `failures`-th consecutive failure (0: not locked). */
export function lockAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
}

/** A fresh secret for a cookie or a mail link: 256 random bits, URL-safe. */
export const newSecret = () => randomBytes(32).toString("base64url");

/** What is stored of a secret: it is random and long, so a fast hash is enough (as for API keys). */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * The CSRF token of a session, derived from its cookie: the console sends it back in
 * `X-CSRF-Token`. A page of another site cannot read the cookie, so it cannot know the token; the
 * token does not reveal the cookie.
 */
export const csrfTokenOf = (sessionSecret: string) =>
  createHash("sha256").update(`otter-csrf\0${sessionSecret}`).digest("base64url");

/** When a session used at `now` ends: idle time from now, never past its maximum age. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

/** E-mail addresses are compared without case, as the unique index on users does. */
export const normalEmail = (email: string) => email.trim().toLowerCase();
