import { z } from "zod";
import { meOut } from "../accounts/accounts.schemas.js";
import { MAX_PASSWORD_LENGTH } from "./signin-policy.js";

const email = z.string().email().max(320);
/** Strength is checked by the service (it needs the user's address); here only what bounds the work. */
const password = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH * 4);

export const signInInput = z.object({ email, password }).strict();
export const signInOut = z.object({
  user: meOut,
  /** Send it back as `X-CSRF-Token` on every change made with the session cookie. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const passwordResetInput = z.object({ email }).strict();
export const passwordResetOut = z.object({ message: z.string() });

export const setPasswordInput = z.object({ token: z.string().min(1).max(200), password }).strict();
export const setPasswordOut = z.object({ email: z.string() });

export const sessionOut = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});

export const invitationOut = z.object({
  userId: z.string(),
  email: z.string(),
  expiresAt: z.string(),
});

export type SignInInput = z.infer<typeof signInInput>;
export type SetPasswordInput = z.infer<typeof setPasswordInput>;
