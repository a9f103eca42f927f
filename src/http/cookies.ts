/**
 * The two cookies of a sign-in session, read and written by hand: Otter needs one cookie header
 * parsed and two cookies set, less than a plugin's worth (RFC 6265 §4.1 and §5.2).
 */
export const SESSION_COOKIE = "otter_session";
/** Readable by the console's script (not HttpOnly): the double-submit copy of the CSRF token. */
export const CSRF_COOKIE = "otter_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** The value of one cookie in a `Cookie` request header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return undefined;
}

export interface CookieOptions {
  /** Sent only over HTTPS: true when OTTER_PUBLIC_URL is https. */
  secure: boolean;
  httpOnly: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/** A `Set-Cookie` value; values are base64url secrets, which need no quoting. */
export function cookieHeader(name: string, value: string, opts: CookieOptions): string {
  return [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${opts.maxAge}`,
    "SameSite=Lax",
    ...(opts.httpOnly ? ["HttpOnly"] : []),
    ...(opts.secure ? ["Secure"] : []),
  ].join("; ");
}
