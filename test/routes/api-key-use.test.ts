import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

/** The customer admin's key as the operator sees it in the user's key listing. */
async function lastUsedAt(userId: string): Promise<string | null> {
  // The write does not hold up the request that caused it; wait for it before looking.
  await t.otter.services.accounts.settleKeyUse();
  const res = await t.api("GET", `/api/v1/users/${userId}/api-keys`);
  expect(res.status).toBe(200);
  return res.body.items[0].lastUsedAt;
}

describe("lastUsedAt of API keys", () => {
  it("is empty until the key is used, then kept at most once a minute per key", async () => {
    const c = await buildCustomer(t);
    expect(await lastUsedAt(c.admin.id)).toBeNull();

    const first = t.clock.now().toISOString();
    expect((await t.api("GET", "/api/v1/users/me", { key: c.adminKey })).status).toBe(200);
    expect(await lastUsedAt(c.admin.id)).toBe(first);

    // Within the minute: no new write, the time stays that of the first use.
    t.clock.advance(30_000);
    expect((await t.api("GET", "/api/v1/users/me", { key: c.adminKey })).status).toBe(200);
    t.clock.advance(29_000);
    expect(
      (await t.api("GET", `/api/v1/accounts/${c.account.id}`, { key: c.adminKey })).status,
    ).toBe(200);
    expect(await lastUsedAt(c.admin.id)).toBe(first);

    // Past the minute: the next request records its own time.
    t.clock.advance(2_000);
    const later = t.clock.now().toISOString();
    expect((await t.api("GET", "/api/v1/users/me", { key: c.adminKey })).status).toBe(200);
    expect(await lastUsedAt(c.admin.id)).toBe(later);
  });

  it("is not set by a refused key, and is kept per key", async () => {
    const c = await buildCustomer(t);
    const d = await buildCustomer(t);
    expect((await t.api("GET", "/api/v1/users/me", { key: `${c.adminKey}x` })).status).toBe(401);
    expect((await t.api("GET", "/api/v1/users/me", { key: d.adminKey })).status).toBe(200);
    expect(await lastUsedAt(c.admin.id)).toBeNull();
    expect(await lastUsedAt(d.admin.id)).toBe(t.clock.now().toISOString());
  });
});
