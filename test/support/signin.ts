import type { TestOtter } from "./otter.js";

export interface Signed {
  /** The value for a `Cookie` request header. */
  cookie: string;
  csrf: string;
  setCookies: string[];
}

/** The token of the newest one-time link in a mail text (invitation or reset). */
export function tokenInMail(text: string): string {
  const m = text.match(/#token=([A-Za-z0-9_%-]+)/);
  if (!m) throw new Error(`no link with a token in: ${text}`);
  return decodeURIComponent(m[1]!);
}

/**
 * Invites the user with the operator admin's key and sets their password with the link of the
 * invitation, read from the outbox (Otter without a relay keeps mail there).
 */
export async function giveUserPassword(t: TestOtter, userId: string, password: string) {
  const invited = await t.api("POST", `/api/v1/users/${userId}/invitation`, { body: {} });
  if (invited.status !== 201) throw new Error(`invite: ${JSON.stringify(invited.body)}`);
  const list = await t.api("GET", "/api/v1/outbox?limit=20");
  const summary = list.body.items.find(
    (m: { to: string[]; purpose: string }) =>
      m.purpose === "user_invitation" && m.to.includes(invited.body.email),
  );
  const mail = await t.api("GET", `/api/v1/outbox/${summary.id}`);
  const set = await t.api("POST", "/api/v1/auth/password", {
    key: null,
    body: { token: tokenInMail(mail.body.text), password },
  });
  if (set.status !== 200) throw new Error(`set password: ${JSON.stringify(set.body)}`);
}

/** Signs in over HTTP and answers the cookie and CSRF token to send with later requests. */
export async function signIn(
  t: TestOtter,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Signed> {
  const res = await fetch(`${t.url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "vitest-browser/1.0",
      ...headers,
    },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`sign in: ${res.status} ${JSON.stringify(body)}`);
  const setCookies = res.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  return { cookie, csrf: body.csrfToken, setCookies };
}

/** Headers of a request made as a browser with this session (the CSRF token only when asked). */
export const asBrowser = (s: Signed, csrf = true) => ({
  key: null,
  headers: { cookie: s.cookie, ...(csrf ? { "x-csrf-token": s.csrf } : {}) },
});
