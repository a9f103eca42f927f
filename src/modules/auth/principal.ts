import type { Locale } from "../../lib/messages/messages.js";

export const ROLES = [
  "operator_admin",
  "operator_agent",
  "customer_admin",
  "customer_user",
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a user of an account, acting within that account's subtree. */
export interface Principal {
  userId: string;
  name: string;
  accountId: string;
  /** Materialised path of the principal's account, e.g. `/<root>/<customer>/`. */
  accountPath: string;
  role: Role;
  /** The API key the request came with; empty when it came with a session cookie. */
  apiKeyId: string;
  /** The sign-in session the request came with (its cookie), if any. */
  sessionId?: string;
  /**
   * The language and time zone Otter's composed texts are rendered in: a signed-in person's own
   * (else their account's); for an API key, the request's Accept-Language, English without one.
   */
  locale?: Locale;
}

/** Who made a change, as written into audit records. */
export interface Actor {
  userId: string | null;
  name: string;
}

export const actorOf = (p: Principal): Actor => ({ userId: p.userId, name: p.name });
export const SYSTEM_ACTOR: Actor = { userId: null, name: "system" };

export const isOperatorRole = (role: Role) =>
  role === "operator_admin" || role === "operator_agent";

/**
 * Otter itself, reading across all accounts in background work (a follow-up running a diagnosis).
 * Never handed to code that writes: writes by Otter carry SYSTEM_ACTOR in their audit records.
 */
export const SYSTEM_READER: Principal = {
  userId: "00000000-0000-0000-0000-000000000000",
  name: "system",
  accountId: "",
  accountPath: "/",
  role: "operator_agent",
  apiKeyId: "",
};
