import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { ConfigError, loadConfig } from "../../src/app/config.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { asBrowser, type Signed, signIn, tokenInMail } from "../support/signin.js";
import { startTestRelay, type TestRelay } from "../support/smtp-relay.js";

const PUBLIC = "https://otter.example.com";
const PASSWORD = "giraffe collar 42 in Kenya";

describe("people sign in with a password and a session cookie", () => {
  let relay: TestRelay;
  let t: TestOtter;
  let a: Awaited<ReturnType<typeof buildCustomer>>;
  let b: Awaited<ReturnType<typeof buildCustomer>>;
  let simA: string;
  let simB: string;
  let session: Signed;

  /** Delivers what is due through the relay and answers the newest mail to `to`. */
  async function mailTo(to: string) {
    await t.otter.services.mail.deliverDue();
    const got = relay.received.filter((m) => m.envelope.to.includes(to));
    return got[got.length - 1];
  }

  beforeAll(async () => {
    relay = await startTestRelay();
    t = await startOtter(
      // Otter behind a proxy on loopback (docs/sign-in.md): it believes X-Forwarded-For from there.
      { OTTER_SMTP_RELAY: relay.url, OTTER_PUBLIC_URL: PUBLIC, OTTER_TRUST_PROXY: "127.0.0.1" },
      { startWorkers: false },
    );
    const cat = await buildCatalog(t);
    a = await buildCustomer(t);
    b = await buildCustomer(t);
    await offer(t, cat, a.account.id);
    await offer(t, cat, b.account.id);
    const plans = { communicationPlan: cat.comm.id, ratePlan: cat.rate.id };
    simA = (await buildSim(t, { accountId: a.account.id, ...plans })).iccid;
    simB = (await buildSim(t, { accountId: b.account.id, ...plans })).iccid;
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
  });

  it("gives the admin Otter creates on first start a one-time link into the console", async () => {
    const first = t.otter.bootstrap;
    expect(first.created).toBe(true);
    expect(first.adminEmail).toBe("admin@otter.local");
    expect(first.signIn?.link).toMatch(/^https:\/\/otter\.example\.com\/set-password#token=/);
    const token = tokenInMail(first.signIn!.link);
    const set = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token, password: PASSWORD },
    });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe("admin@otter.local");
    const again = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token, password: `${PASSWORD}!` },
    });
    expect(again.status).toBe(400);
    const admin = await signIn(t, "admin@otter.local", PASSWORD);
    const me = await t.api("GET", "/api/v1/users/me", asBrowser(admin, false));
    expect(me.body.role).toBe("operator_admin");
  });

  it("invites a user by mail through the relay; the one-time link sets a strong password once", async () => {
    const invited = await t.api("POST", `/api/v1/users/${a.user.id}/invitation`, {
      key: a.adminKey,
      body: {},
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({
      userId: a.user.id,
      email: a.user.email,
      expiresAt: "2026-03-08T09:00:00.000Z",
    });
    const mail = await mailTo(a.user.email);
    expect(mail?.parsed.subject).toBe("You are invited to Otter");
    const text = mail!.parsed.text!;
    expect(text).toContain(`${PUBLIC}/set-password#token=`);
    const token = tokenInMail(text);
    expect(JSON.stringify(invited.body)).not.toContain(token);

    // A weak password is refused with the reason, and the link still works afterwards.
    for (const [password, why] of [
      ["short pass", "at least 12 characters"],
      ["Password1234", "most common passwords"],
      [a.user.email, "e-mail address"],
    ] as const) {
      const weak = await t.api("POST", "/api/v1/auth/password", {
        key: null,
        body: { token, password },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe("PASSWORD_TOO_WEAK");
      expect(weak.body.error.details[0]).toMatchObject({ field: "password" });
      expect(weak.body.error.message).toContain(why);
    }
    const set = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token, password: PASSWORD },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email: a.user.email });
    const stored = await t.otter.database.db
      .selectFrom("user_passwords")
      .select("password_hash")
      .where("user_id", "=", a.user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const again = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token, password: `${PASSWORD}!` },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("SIGN_IN_TOKEN_INVALID");

    // Another tenant's administrator cannot invite A's people.
    const foreign = await t.api("POST", `/api/v1/users/${a.user.id}/invitation`, {
      key: b.adminKey,
      body: {},
    });
    expect(foreign.status).toBe(404);
  });

  it("signs in with the e-mail (any case): an HttpOnly, SameSite, Secure cookie that works on the API", async () => {
    const wrong = await t.api("POST", "/api/v1/auth/sign-in", {
      key: null,
      body: { email: a.user.email, password: "not the password at all" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
    const unknown = await t.api("POST", "/api/v1/auth/sign-in", {
      key: null,
      body: { email: "nobody@nowhere.example", password: PASSWORD },
    });
    expect(unknown.body.error).toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: wrong.body.error.message,
    });

    session = await signIn(t, a.user.email.toUpperCase(), PASSWORD);
    const sessionCookie = session.setCookies.find((c) => c.startsWith("otter_session="))!;
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Lax/);
    expect(sessionCookie).toMatch(/; Secure/);
    expect(session.setCookies.find((c) => c.startsWith("otter_csrf="))).not.toMatch(/HttpOnly/);

    const me = await t.api("GET", "/api/v1/users/me", asBrowser(session, false));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: a.user.id,
      email: a.user.email,
      role: "customer_user",
      authenticatedBy: "session",
      language: "en",
      timeZone: "UTC",
      own: { language: null, timeZone: null },
    });
    const byKey = await t.api("GET", "/api/v1/users/me", { key: a.userKey });
    expect(byKey.body).toMatchObject({ id: a.user.id, authenticatedBy: "api_key" });

    // An existing route, with exactly the user's tenancy: B's SIM looks like one that does not exist.
    expect((await t.api("GET", `/api/v1/sims/${simA}`, asBrowser(session, false))).status).toBe(
      200,
    );
    const foreign = await t.api("GET", `/api/v1/sims/${simB}`, asBrowser(session, false));
    const missing = await t.api("GET", "/api/v1/sims/8944000000000000001", asBrowser(session));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe(missing.body.error.code);
  });

  it("refuses a change made with the cookie but without the CSRF token; sets language and time zone with it", async () => {
    const noToken = await t.api("PATCH", "/api/v1/users/me", {
      ...asBrowser(session, false),
      body: { language: "sv" },
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe("CSRF_TOKEN_INVALID");
    const wrongToken = await t.api("PATCH", "/api/v1/users/me", {
      key: null,
      headers: { cookie: session.cookie, "x-csrf-token": "x".repeat(session.csrf.length) },
      body: { language: "sv" },
    });
    expect(wrongToken.body.error.code).toBe("CSRF_TOKEN_INVALID");
    const badZone = await t.api("PATCH", "/api/v1/users/me", {
      ...asBrowser(session),
      body: { timeZone: "Europe/Gotham" },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.details[0].field).toBe("timeZone");
    const ok = await t.api("PATCH", "/api/v1/users/me", {
      ...asBrowser(session),
      body: { language: "sv", timeZone: "Europe/Stockholm" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      language: "sv",
      timeZone: "Europe/Stockholm",
      own: { language: "sv", timeZone: "Europe/Stockholm" },
    });
    // An API key needs no CSRF token.
    const byKey = await t.api("PATCH", "/api/v1/users/me", {
      key: a.userKey,
      body: { timeZone: null },
    });
    expect(byKey.body).toMatchObject({ timeZone: "UTC", own: { timeZone: null } });
  });

  it("lists one's sessions, revokes one elsewhere, signs out", async () => {
    const other = await signIn(t, a.user.email, PASSWORD, {
      "x-forwarded-for": "198.51.100.7",
    });
    const list = await t.api("GET", "/api/v1/auth/sessions", asBrowser(session, false));
    expect(list.body.items).toHaveLength(2);
    const [newest, older] = list.body.items;
    expect(newest).toMatchObject({
      current: false,
      userAgent: "vitest-browser/1.0",
      ip: "198.51.100.7",
    });
    expect(older).toMatchObject({ current: true, ip: "127.0.0.1" });

    const revoked = await t.api("DELETE", `/api/v1/auth/sessions/${newest.id}`, asBrowser(session));
    expect(revoked.status).toBe(204);
    const ended = await t.api("GET", "/api/v1/users/me", asBrowser(other));
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe("SESSION_ENDED");
    // Another user's session is not one's own to revoke.
    const notMine = await t.api("DELETE", `/api/v1/auth/sessions/${older.id}`, {
      key: a.adminKey,
    });
    expect(notMine.body.error.code).toBe("SESSION_NOT_FOUND");

    const byKey = await t.api("POST", "/api/v1/auth/sign-out", { key: a.userKey });
    expect(byKey.body.error.code).toBe("NOT_SIGNED_IN");
    const out = await t.api("POST", "/api/v1/auth/sign-out", asBrowser(session));
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().every((c) => c.includes("Max-Age=0"))).toBe(true);
    expect((await t.api("GET", `/api/v1/sims/${simA}`, asBrowser(session))).status).toBe(401);
  });

  it("locks an address after five failures with a growing Retry-After, the right password included", async () => {
    const attempt = (password: string) =>
      t.api("POST", "/api/v1/auth/sign-in", {
        key: null,
        body: { email: a.user.email, password },
      });
    for (let i = 0; i < 4; i++)
      expect((await attempt(`wrong password ${i}`)).body.error.code).toBe("INVALID_CREDENTIALS");
    const fifth = await attempt("wrong password 4");
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe("SIGN_IN_LOCKED");
    expect(fifth.headers.get("retry-after")).toBe("30");
    const right = await attempt(PASSWORD);
    expect(right.body.error.code).toBe("SIGN_IN_LOCKED");

    t.clock.advance(31_000);
    const sixth = await attempt("wrong password 5");
    expect(sixth.headers.get("retry-after")).toBe("60");
    t.clock.advance(61_000);
    expect((await attempt(PASSWORD)).status).toBe(200);
    // Success forgets the run: the next failure is the first again.
    expect((await attempt("wrong again")).body.error.code).toBe("INVALID_CREDENTIALS");
  });

  it("resets a password by mail: same answer for unknown addresses, single use, expires after an hour", async () => {
    const before = await signIn(t, a.user.email, PASSWORD);
    const sent = relay.received.length;
    const unknown = await t.api("POST", "/api/v1/auth/password-reset", {
      key: null,
      body: { email: "nobody@nowhere.example" },
    });
    expect(unknown.status).toBe(202);
    const known = await t.api("POST", "/api/v1/auth/password-reset", {
      key: null,
      body: { email: a.user.email },
    });
    expect(known.body).toEqual(unknown.body);
    const first = await mailTo(a.user.email);
    expect(relay.received.length).toBe(sent + 1);
    // The user chose Swedish above: Otter writes to them in it.
    expect(first?.parsed.subject).toBe("Återställ ditt lösenord till Otter");
    expect(first!.parsed.text).toContain("Länken fungerar en gång, i en timme.");
    const expired = tokenInMail(first!.parsed.text!);
    expect(first!.parsed.text).toContain(`${PUBLIC}/reset-password#token=`);

    t.clock.advance(61 * 60_000);
    const late = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token: expired, password: "a brand new passphrase" },
    });
    expect(late.body.error.code).toBe("SIGN_IN_TOKEN_INVALID");

    await t.api("POST", "/api/v1/auth/password-reset", {
      key: null,
      body: { email: a.user.email },
    });
    const token = tokenInMail((await mailTo(a.user.email))!.parsed.text!);
    const set = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token, password: "a brand new passphrase" },
    });
    expect(set.status).toBe(200);
    const twice = await t.api("POST", "/api/v1/auth/password", {
      key: null,
      body: { token, password: "another new passphrase" },
    });
    expect(twice.body.error.code).toBe("SIGN_IN_TOKEN_INVALID");
    // Whoever held the old password is signed out; the new one signs in.
    expect((await t.api("GET", "/api/v1/users/me", asBrowser(before))).status).toBe(401);
    await signIn(t, a.user.email, "a brand new passphrase");
  });

  it("reads OTTER_TRUST_PROXY as a switch, a hop count or proxy addresses", () => {
    const trust = (v: string) => loadConfig({ OTTER_TRUST_PROXY: v }).OTTER_TRUST_PROXY;
    expect(trust("false")).toBe(false);
    expect(trust("1")).toBe(1);
    expect(trust("10.0.0.0/24, 127.0.0.1")).toEqual(["10.0.0.0/24", "127.0.0.1"]);
    expect(() => trust("the proxy")).toThrow(ConfigError);
    expect(() => loadConfig({ OTTER_PUBLIC_URL: "otter.example.com" })).toThrow(/OTTER_PUBLIC_URL/);
  });
});
