import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

describe("catalog", () => {
  it("creates zones, plans by zone name, and refers to plans by id or name", async () => {
    const c = await buildCatalog(t);
    const byName = await t.api(
      "GET",
      `/api/v1/communication-plans/${encodeURIComponent(c.comm.name)}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({
      id: c.comm.id,
      name: c.comm.name,
      zones: [{ id: c.home.id, name: c.home.name }],
    });
    const rate = await t.api("GET", `/api/v1/rate-plans/${c.rate.id}`);
    expect(rate.body.currentVersion).toMatchObject({
      version: 1,
      dataLimitBytes: 52428800,
      included: { dataBytes: 10485760 },
      pool: { type: "none" },
    });
    expect(rate.body.currentVersion.zones[0]).toMatchObject({
      zone: { name: c.home.name },
      dataPerMB: 0.5,
    });
  });

  it("refuses a duplicate plan name, an unknown zone and a bad country, naming the field", async () => {
    const c = await buildCatalog(t);
    const dup = await t.api("POST", "/api/v1/communication-plans", {
      body: { name: c.comm.name, apns: [{ name: "a.b" }], rats: ["LTE"], zones: [c.home.id] },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("PLAN_NAME_TAKEN");
    const zone = await t.api("POST", "/api/v1/communication-plans", {
      body: { name: "x-unknown-zone", apns: [{ name: "a.b" }], rats: ["LTE"], zones: ["Atlantis"] },
    });
    expect(zone.status).toBe(400);
    expect(zone.body.error.details[0]).toMatchObject({ field: "zones.0", code: "ZONE_NOT_FOUND" });
    const country = await t.api("POST", "/api/v1/zones", {
      body: { name: "bad", countries: ["XX"] },
    });
    expect(country.status).toBe(400);
    expect(country.body.error.details[0].field).toBe("countries.0");
    const apn = await t.api("POST", "/api/v1/communication-plans", {
      body: { name: "bad apn", apns: [{ name: "-bad..apn" }], rats: ["LTE"], zones: [c.home.id] },
    });
    expect(apn.status).toBe(400);
    expect(apn.body.error.details[0].field).toBe("apns.0.name");
  });

  it("keeps rate plan versions with effective dates", async () => {
    const c = await buildCatalog(t);
    const next = new Date(t.clock.now().getTime() + 30 * 86400_000).toISOString();
    const v2 = await t.api("POST", `/api/v1/rate-plans/${c.rate.id}/versions`, {
      body: {
        effectiveFrom: next,
        subscription: { monthlyFeePerSim: 1.2 },
        zones: [{ zone: c.home.id, dataPerMB: 0.4 }],
      },
    });
    expect(v2.status).toBe(201);
    expect(v2.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(v2.body.currentVersion.version).toBe(1);
    t.clock.advance(31 * 86400_000);
    const later = await t.api("GET", `/api/v1/rate-plans/${c.rate.id}`);
    expect(later.body.currentVersion.version).toBe(2);
    const past = await t.api("POST", `/api/v1/rate-plans/${c.rate.id}/versions`, {
      body: {
        effectiveFrom: "2020-01-01T00:00:00Z",
        subscription: { monthlyFeePerSim: 1 },
        zones: [{ zone: c.home.id, dataPerMB: 1 }],
      },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe("VERSION_NOT_AFTER_PREVIOUS");
  });

  it("warns of bill shock when a communication plan allows a zone the rate plan does not price", async () => {
    const c = await buildCatalog(t);
    const ok = await t.api(
      "GET",
      `/api/v1/catalog/check?communicationPlan=${c.comm.id}&ratePlan=${c.rate.id}`,
    );
    expect(ok.body.warnings).toEqual([]);
    await t.api("PATCH", `/api/v1/communication-plans/${c.comm.id}`, {
      body: { zones: [c.home.id, c.africa.id] },
    });
    const risky = await t.api(
      "GET",
      `/api/v1/catalog/check?communicationPlan=${c.comm.id}&ratePlan=${c.rate.id}`,
    );
    expect(risky.body.warnings).toHaveLength(1);
    expect(risky.body.warnings[0]).toMatchObject({
      code: "BILL_SHOCK_RISK",
      zone: { id: c.africa.id },
    });
    expect(risky.body.warnings[0].message).toContain(c.africa.name);
  });

  it("keeps a zone's description, and clears it with null", async () => {
    const made = await t.api("POST", "/api/v1/zones", {
      body: {
        name: `Baltics ${Date.now()}`,
        countries: ["EE", "LV", "LT"],
        description: "Ferries",
      },
    });
    expect(made.status).toBe(201);
    expect(made.body.description).toBe("Ferries");
    const listed = await t.api("GET", "/api/v1/zones");
    expect(listed.body.items.find((z: { id: string }) => z.id === made.body.id).description).toBe(
      "Ferries",
    );
    const changed = await t.api("PATCH", `/api/v1/zones/${made.body.id}`, {
      body: { description: "Ferries and ports" },
    });
    expect(changed.body).toMatchObject({
      description: "Ferries and ports",
      countries: ["EE", "LV", "LT"],
    });
    const cleared = await t.api("PATCH", `/api/v1/zones/${made.body.id}`, {
      body: { description: null },
    });
    expect(cleared.body.description).toBeNull();
  });

  it("checks one plan against every plan of the other kind, or every pair, when not both are named", async () => {
    const c = await buildCatalog(t);
    await t.api("PATCH", `/api/v1/communication-plans/${c.comm.id}`, {
      body: { zones: [c.home.id, c.africa.id] },
    });
    const oneComm = await t.api("GET", `/api/v1/catalog/check?communicationPlan=${c.comm.id}`);
    expect(oneComm.status).toBe(200);
    expect(oneComm.body.communicationPlan).toEqual({ id: c.comm.id, name: c.comm.name });
    expect(oneComm.body.ratePlan).toBeNull();
    const pair = oneComm.body.pairs.find(
      (p: { ratePlan: { id: string } }) => p.ratePlan.id === c.rate.id,
    );
    expect(pair).toMatchObject({ communicationPlan: { id: c.comm.id }, warnings: 1 });
    expect(
      oneComm.body.warnings.filter(
        (w: { ratePlan: { id: string } }) => w.ratePlan.id === c.rate.id,
      ),
    ).toMatchObject([
      { code: "BILL_SHOCK_RISK", zone: { id: c.africa.id }, communicationPlan: { id: c.comm.id } },
    ]);
    const oneRate = await t.api(
      "GET",
      `/api/v1/catalog/check?ratePlan=${encodeURIComponent(c.rate.name)}`,
    );
    expect(oneRate.body.ratePlan).toEqual({ id: c.rate.id, name: c.rate.name });
    expect(oneRate.body.pairs.map((p: { ratePlan: { id: string } }) => p.ratePlan.id)).toEqual(
      oneRate.body.pairs.map(() => c.rate.id),
    );
    const all = await t.api("GET", "/api/v1/catalog/check");
    expect(all.status).toBe(200);
    const plans = await t.api("GET", "/api/v1/communication-plans");
    const rates = await t.api("GET", "/api/v1/rate-plans");
    expect(all.body.pairs).toHaveLength(plans.body.items.length * rates.body.items.length);
    expect(all.body.warnings.length).toBe(
      all.body.pairs.reduce((n: number, p: { warnings: number }) => n + p.warnings, 0),
    );
    const unknown = await t.api("GET", "/api/v1/catalog/check?ratePlan=No%20such%20plan");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("RATE_PLAN_NOT_FOUND");
  });

  it("refuses to delete a zone in use", async () => {
    const c = await buildCatalog(t);
    const res = await t.api("DELETE", `/api/v1/zones/${c.home.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("ZONE_IN_USE");
  });
});

describe("catalog permissions and tenant isolation", () => {
  it("shows a customer only the plans offered to it, and lets no customer change the catalog", async () => {
    const c = await buildCatalog(t);
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    await offer(t, c, b.account.id);
    const listA = await t.api("GET", "/api/v1/communication-plans", { key: a.adminKey });
    expect(listA.body.items.map((p: { id: string }) => p.id)).not.toContain(c.comm.id);
    expect(
      (await t.api("GET", `/api/v1/communication-plans/${c.comm.id}`, { key: a.adminKey })).status,
    ).toBe(404);
    expect(
      (await t.api("GET", `/api/v1/rate-plans/${c.rate.id}`, { key: a.adminKey })).status,
    ).toBe(404);
    expect(
      (
        await t.api(
          "GET",
          `/api/v1/catalog/check?communicationPlan=${c.comm.id}&ratePlan=${c.rate.id}`,
          { key: a.adminKey },
        )
      ).status,
    ).toBe(404);
    expect((await t.api("GET", `/api/v1/rate-plans/${c.rate.id}`, { key: b.userKey })).status).toBe(
      200,
    );
    // Unnamed plans are the ones the customer can see: A was offered nothing.
    const checkA = await t.api("GET", "/api/v1/catalog/check", { key: a.adminKey });
    expect(checkA.body).toMatchObject({ pairs: [], warnings: [] });
    const checkB = await t.api("GET", "/api/v1/catalog/check", { key: b.userKey });
    expect(checkB.body.pairs).toMatchObject([
      { communicationPlan: { id: c.comm.id }, ratePlan: { id: c.rate.id } },
    ]);
    const listB = await t.api("GET", "/api/v1/rate-plans", { key: b.userKey });
    expect(listB.body.items.map((p: { id: string }) => p.id)).toEqual([c.rate.id]);
    for (const [method, path, body] of [
      ["POST", "/api/v1/zones", { name: "z", countries: ["FR"] }],
      ["PATCH", `/api/v1/zones/${c.home.id}`, { countries: ["FR"] }],
      ["DELETE", `/api/v1/zones/${c.africa.id}`, undefined],
      ["PATCH", `/api/v1/communication-plans/${c.comm.id}`, { rats: ["2G"] }],
      [
        "POST",
        `/api/v1/rate-plans/${c.rate.id}/versions`,
        { subscription: { monthlyFeePerSim: 0 }, zones: [{ zone: c.home.id, dataPerMB: 0 }] },
      ],
      ["POST", `/api/v1/rate-plans/${c.rate.id}/offers`, { accountId: b.account.id }],
      ["GET", `/api/v1/rate-plans/${c.rate.id}/offers`, undefined],
    ] as const) {
      const res = await t.api(method, path, { key: b.adminKey, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const offerToOther = await t.api("POST", `/api/v1/rate-plans/${c.rate.id}/offers`, {
      body: { accountId: "00000000-0000-7000-8000-000000000000" },
    });
    expect(offerToOther.status).toBe(404);
  });
});

describe("plans offered to an account", () => {
  it("lists the plans an account's SIMs may use: offered to it or an ancestor, never another tenant's", async () => {
    const c = await buildCatalog(t);
    const other = await buildCatalog(t);
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    const region = await t.api("POST", "/api/v1/accounts", {
      key: a.adminKey,
      body: { name: "North region", parentId: a.account.id },
    });
    await offer(t, c, a.account.id);
    await offer(t, other, b.account.id);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);
    for (const key of [undefined, a.adminKey]) {
      const forRegion = await t.api(
        "GET",
        `/api/v1/rate-plans?accountId=${region.body.id as string}`,
        { key },
      );
      expect(ids(forRegion)).toEqual([c.rate.id]);
      const forA = await t.api("GET", `/api/v1/communication-plans?accountId=${a.account.id}`, {
        key,
      });
      expect(ids(forA)).toEqual([c.comm.id]);
    }
    // The operator's own account may use every plan.
    const me = await t.api("GET", "/api/v1/users/me");
    const root = me.body.accountPath[0] as string;
    const forRoot = await t.api("GET", `/api/v1/rate-plans?accountId=${root}`);
    expect(ids(forRoot)).toEqual(expect.arrayContaining([c.rate.id, other.rate.id]));
    // Another tenant's account answers as an unknown one.
    for (const accountId of [b.account.id, "00000000-0000-7000-8000-000000000000"]) {
      const res = await t.api("GET", `/api/v1/rate-plans?accountId=${accountId}`, {
        key: a.adminKey,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("ACCOUNT_NOT_FOUND");
    }
  });
});
