import { conflict, notFound, OtterError, validationError } from "../../lib/errors.js";
import type { WeakPassword } from "./signin-policy.js";

/** The signin module's error catalogue; codes are stable and listed in docs/errors.md. */
export const signinErrors = {
  /** The same answer for an unknown address, a wrong password, a disabled user and one without a password. */
  invalidCredentials: () =>
    new OtterError(
      "unauthenticated",
      "INVALID_CREDENTIALS",
      "The e-mail address or the password is wrong.",
    ),
  locked: (ms: number) => {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return new OtterError(
      "rate_limited",
      "SIGN_IN_LOCKED",
      `Too many failed sign-ins for this address: try again in ${seconds} s.`,
      { retryAfterSeconds: seconds },
    );
  },
  tokenInvalid: () =>
    validationError(
      "token",
      "SIGN_IN_TOKEN_INVALID",
      "This link is unknown, already used or expired: ask for a new one (password reset, or a new invitation from an administrator).",
    ),
  weakPassword: (weak: WeakPassword) =>
    new OtterError("validation", "PASSWORD_TOO_WEAK", `password: ${weak.message}.`, [
      { field: "password", code: "PASSWORD_TOO_WEAK", message: weak.message },
    ]),
  userDisabled: () => conflict("USER_DISABLED", "The user is disabled."),
  notASession: () =>
    validationError(
      "session",
      "NOT_SIGNED_IN",
      "This request did not come with a session cookie; API keys are revoked, not signed out.",
    ),
  sessionNotFound: (id: string) =>
    notFound("SESSION_NOT_FOUND", `Session ${id} was not found or has already ended.`),
};
