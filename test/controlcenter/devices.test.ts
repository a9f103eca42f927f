import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, ccDate, type CcCredentials } from "./cc-client.js";

const CC_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

describe("Control Center API: devices", () => {
  let t: TestOtter;
  let a: Awaited<ReturnType<typeof buildCustomer>>;
  let b: Awaited<ReturnType<typeof buildCustomer>>;
  let asA: CcCredentials;
  let cat: Awaited<ReturnType<typeof buildCatalog>>;
  const simsA: string[] = [];
  let simB: string;

  beforeAll(async () => {
    t = await startOtter();
    cat = await buildCatalog(t);
    a = await buildCustomer(t);
    b = await buildCustomer(t);
    await offer(t, cat, a.account.id);
    asA = { username: a.admin.email, apiKey: a.adminKey };
    for (let i = 0; i < 7; i++) {
      t.clock.advance(60_000);
      const sim = await buildSim(t, {
        accountId: a.account.id,
        state: "ACTIVATION_READY",
        communicationPlan: cat.comm.name,
        ratePlan: cat.rate.name,
        customFields: { accountCustom1: i % 2 === 0 ? "pump" : "meter" },
      });
      simsA.push(sim.iccid);
    }
    simB = (await buildSim(t, { accountId: b.account.id })).iccid;
  });
  afterAll(() => t.close());

  it("details every field as a string or null, with Control Center's dates and names", async () => {
    const r = await cc(t, "GET", `/devices/${simsA[0]}`, { as: asA });
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.iccid).toBe(simsA[0]);
    expect(d.status).toBe("ACTIVATION_READY");
    expect(d.ratePlan).toBe(cat.rate.name);
    expect(d.communicationPlan).toBe(cat.comm.name);
    expect(d.accountCustom1).toBe("pump");
    expect(d.dateAdded).toMatch(CC_DATE);
    expect(d.accountId).toMatch(/^\d+$/);
    for (const [k, v] of Object.entries(d))
      expect(v === null || typeof v === "string", `${k} is ${typeof v}`).toBe(true);
    for (const k of [
      "imsi",
      "msisdn",
      "imei",
      "customer",
      "dateActivated",
      "dateUpdated",
      "operatorCustom5",
      "customerCustom5",
      "accountCustom10",
      "simNotes",
      "deviceID",
      "modemID",
      "eid",
      "overageLimitOverride",
    ])
      expect(d).toHaveProperty(k);
  });

  it("answers only the asked-for fields with ?fields=, and every field with an empty list", async () => {
    const some = await cc(t, "GET", `/devices/${simsA[0]}?fields=iccid,status`, { as: asA });
    expect(some.body).toEqual({ iccid: simsA[0], status: "ACTIVATION_READY" });
    const all = await cc(t, "GET", `/devices/${simsA[0]}?fields=,`, { as: asA });
    expect(Object.keys(all.body).length).toBeGreaterThan(30);
  });

  it("details up to 50 devices at once with /bulk/devices/{iccid,iccid}", async () => {
    const r = await cc(t, "GET", `/bulk/devices/${simsA[0]},${simB},${simsA[1]}?fields=iccid`, {
      as: asA,
    });
    expect(r.status).toBe(200);
    expect(r.body.devices).toEqual([{ iccid: simsA[0] }, { iccid: simsA[1] }]);
  });

  it("keeps the same numeric accountId for an account, and filters the search by it", async () => {
    const one = (await cc(t, "GET", `/devices/${simsA[0]}`, { as: asA })).body.accountId;
    const two = (await cc(t, "GET", `/devices/${simsA[1]}`, { as: asA })).body.accountId;
    expect(one).toBe(two);
    const r = await cc(
      t,
      "GET",
      `/devices?modifiedSince=${ccDate("2000-01-01")}&accountId=${Number(one)}`,
      { as: asA },
    );
    expect(r.status).toBe(200);
    expect(r.body.devices.map((d: { iccid: string }) => d.iccid)).toEqual(simsA);
    const empty = await cc(t, "GET", `/devices?modifiedSince=${ccDate("2000-01-01")}&accountId=`, {
      as: asA,
    });
    expect(empty.body.devices).toHaveLength(7);
  });

  it("pages a search by modification date: full pages, lastPage a boolean, pageNumber a number", async () => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const r = await cc(
        t,
        "GET",
        `/devices?modifiedSince=${ccDate("2014-01-01")}&pageSize=3&pageNumber=${page}`,
        { as: asA },
      );
      expect(r.status).toBe(200);
      expect(r.body.pageNumber).toBe(page);
      expect(typeof r.body.lastPage).toBe("boolean");
      seen.push(...r.body.devices.map((d: { iccid: string }) => d.iccid));
      if (r.body.lastPage) break;
      expect(r.body.devices).toHaveLength(3);
    }
    expect(seen).toEqual(simsA);
    // A page asked for out of order answers the same rows.
    const third = await cc(
      t,
      "GET",
      `/devices?modifiedSince=${ccDate("2014-01-01")}&pageSize=3&pageNumber=3`,
      { as: asA },
    );
    expect(third.body.devices.map((d: { iccid: string }) => d.iccid)).toEqual(simsA.slice(6));
  });

  it("clamps pageSize above 50 to 50 and refuses a malformed one", async () => {
    const big = await cc(t, "GET", `/devices?modifiedSince=${ccDate("2014-01-01")}&pageSize=500`, {
      as: asA,
    });
    expect(big.status).toBe(200);
    expect(big.body.lastPage).toBe(true);
    const bad = await cc(t, "GET", `/devices?modifiedSince=${ccDate("2014-01-01")}&pageSize=x`, {
      as: asA,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errorCode).toBe("10000006");
    const badPage = await cc(
      t,
      "GET",
      `/devices?modifiedSince=${ccDate("2014-01-01")}&pageNumber=0`,
      { as: asA },
    );
    expect(badPage.body.errorCode).toBe("10000007");
  });

  it("filters by modifiedSince/modifiedTill, status (any case), custom fields and identifiers", async () => {
    const window = await cc(
      t,
      "GET",
      `/devices?modifiedSince=${ccDate("2026-03-01T09:02:30Z")}&modifiedTill=${ccDate("2026-03-01T09:04:30Z")}`,
      { as: asA },
    );
    expect(window.body.devices.map((d: { iccid: string }) => d.iccid)).toEqual(simsA.slice(2, 4));
    const status = await cc(
      t,
      "GET",
      `/devices?modifiedSince=2014-01-01T00:00:00Z&status=activation_ready`,
      { as: asA },
    );
    expect(status.body.devices).toHaveLength(7);
    const none = await cc(t, "GET", `/devices?modifiedSince=2014-01-01T00:00:00Z&status=RETIRED`, {
      as: asA,
    });
    expect(none.body).toEqual({ devices: [], pageNumber: 1, lastPage: true });
    const custom = await cc(
      t,
      "GET",
      `/devices?modifiedSince=2014-01-01T00:00:00Z&accountCustom1=meter`,
      { as: asA },
    );
    expect(custom.body.devices).toHaveLength(3);
    const byIccid = await cc(
      t,
      "GET",
      `/devices?modifiedSince=2014-01-01T00:00:00Z&iccid=${simsA[4]}`,
      { as: asA },
    );
    expect(byIccid.body.devices).toEqual([
      {
        iccid: simsA[4],
        status: "ACTIVATION_READY",
        ratePlan: cat.rate.name,
        communicationPlan: cat.comm.name,
      },
    ]);
  });

  it("refuses a search without modifiedSince, with a bad date or status, or an unknown filter", async () => {
    expect((await cc(t, "GET", "/devices", { as: asA })).body.errorCode).toBe("10000003");
    expect(
      (await cc(t, "GET", "/devices?modifiedSince=yesterday", { as: asA })).body.errorCode,
    ).toBe("10000012");
    expect(
      (await cc(t, "GET", "/devices?modifiedSince=2014-01-01T00:00:00Z&status=ON", { as: asA }))
        .body.errorCode,
    ).toBe("10000005");
    expect(
      (await cc(t, "GET", "/devices?modifiedSince=2014-01-01T00:00:00Z&colour=red", { as: asA }))
        .body.errorCode,
    ).toBe("10000028");
    expect(
      (await cc(t, "GET", "/devices?modifiedSince=2999-01-01T00:00:00Z", { as: asA })).body
        .errorCode,
    ).toBe("10002119");
  });

  it("edits status, plans and custom fields; answers {iccid}; a repeated PUT changes nothing", async () => {
    const iccid = simsA[1]!;
    const body = {
      status: "ACTIVATED",
      accountCustom2: "north field",
      overageLimitOverride: "TEMPORARY_OVERRIDE",
    };
    const r = await cc(t, "PUT", `/devices/${iccid}`, { as: asA, body });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ iccid });
    const d = (await cc(t, "GET", `/devices/${iccid}`, { as: asA })).body;
    expect(d).toMatchObject({
      status: "ACTIVATED",
      accountCustom2: "north field",
      overageLimitOverride: "TEMPORARY_OVERRIDE",
    });
    const audit1 = (await t.api("GET", `/api/v1/sims/${iccid}/audit`)).body.items.length;
    const again = await cc(t, "PUT", `/devices/${iccid}`, { as: asA, body });
    expect(again.status).toBe(200);
    const audit2 = (await t.api("GET", `/api/v1/sims/${iccid}/audit`)).body.items.length;
    expect(audit2).toBe(audit1);
  });

  it("takes a PUT built from an exported row: every value a string, read-only fields and nulls included", async () => {
    const iccid = simsA[2]!;
    const row = (await cc(t, "GET", `/devices/${iccid}`, { as: asA })).body;
    const r = await cc(t, "PUT", `/devices/${iccid}`, {
      as: asA,
      body: { ...row, accountCustom3: "row 3" },
    });
    expect(r.status).toBe(200);
    expect((await cc(t, "GET", `/devices/${iccid}`, { as: asA })).body.accountCustom3).toBe(
      "row 3",
    );
  });

  it("schedules a change with a future effectiveDate (202) through Otter's scheduled changes", async () => {
    const iccid = simsA[3]!;
    const when = new Date(t.clock.now().getTime() + 3 * 86400_000);
    const r = await cc(t, "PUT", `/devices/${iccid}`, {
      as: asA,
      body: {
        status: "ACTIVATED",
        effectiveDate: when.toISOString().replace(/\.\d{3}Z$/, "+00:00"),
      },
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ iccid });
    const pending = (await t.api("GET", `/api/v1/sims/${iccid}/scheduled-changes`)).body.items;
    expect(pending).toHaveLength(1);
    expect(pending[0].changes).toMatchObject({ state: "ACTIVATED" });
    const far = await cc(t, "PUT", `/devices/${iccid}`, {
      as: asA,
      body: { status: "ACTIVATED", effectiveDate: "2099-01-01T00:00:00+00:00" },
    });
    expect(far.body.errorCode).toBe("10000012");
  });

  it("answers a retried PUT with the same Idempotency-Key as the first, scheduling once", async () => {
    const iccid = simsA[5]!;
    const when = new Date(t.clock.now().getTime() + 5 * 86400_000).toISOString();
    const req = {
      as: asA,
      body: { status: "ACTIVATED", effectiveDate: when },
      headers: { "idempotency-key": "row-42" },
    };
    expect((await cc(t, "PUT", `/devices/${iccid}`, req)).status).toBe(202);
    expect((await cc(t, "PUT", `/devices/${iccid}`, req)).status).toBe(202);
    const pending = (await t.api("GET", `/api/v1/sims/${iccid}/scheduled-changes`)).body.items;
    expect(pending).toHaveLength(1);
  });

  it("refuses bad edits with Control Center's codes and changes nothing", async () => {
    const iccid = simsA[6]!;
    const before = (await cc(t, "GET", `/devices/${iccid}`, { as: asA })).body;
    const cases: [unknown, string][] = [
      [{ status: "SLEEPING" }, "10000005"],
      [{ ratePlan: "No such plan" }, "10000013"],
      [{ communicationPlan: "No such plan" }, "10000014"],
      [{ overageLimitOverride: "ALWAYS" }, "10000016"],
      [{ operatorCustom1: "mine" }, "10000008"],
      [{ customer: "Nobody" }, "10000015"],
      [{ deviceID: "dev-1" }, "10000028"],
      [{ favouriteColour: "red" }, "10000028"],
      [{}, "10000011"],
      [{ status: "TEST_READY" }, "10000029"],
      [{ status: "PURGED" }, "10000005"],
    ];
    for (const [body, code] of cases) {
      const r = await cc(t, "PUT", `/devices/${iccid}`, { as: asA, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.errorCode, JSON.stringify(body)).toBe(code);
    }
    const malformed = await cc(t, "PUT", `/devices/${iccid}`, {
      as: asA,
      raw: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.body.errorCode).toBe("10000023");
    const after = (await cc(t, "GET", `/devices/${iccid}`, { as: asA })).body;
    expect(after).toEqual(before);
  });

  it("moves a device to a customer (a sub-account) by name", async () => {
    const sub = await t.api("POST", "/api/v1/accounts", {
      body: { name: "North depot", parentId: a.account.id },
    });
    expect(sub.status).toBe(201);
    const iccid = simsA[0]!;
    const r = await cc(t, "PUT", `/devices/${iccid}`, {
      as: asA,
      body: { customer: "North depot" },
    });
    expect(r.status).toBe(200);
    const d = (await cc(t, "GET", `/devices/${iccid}`, { as: asA })).body;
    expect(d.customer).toBe("North depot");
  });

  it("never shows or changes another customer's device: 20000001 on every device route", async () => {
    for (const [method, path, body] of [
      ["GET", `/devices/${simB}`, undefined],
      ["PUT", `/devices/${simB}`, { status: "ACTIVATED" }],
    ] as const) {
      const r = await cc(t, method, path, { as: asA, body });
      expect(r.status, path).toBe(404);
      expect(r.body.errorCode).toBe("20000001");
    }
    const search = await cc(t, "GET", `/devices?modifiedSince=2014-01-01T00:00:00Z&iccid=${simB}`, {
      as: asA,
    });
    expect(search.body.devices).toEqual([]);
    const bAccount = (
      await cc(t, "GET", `/devices/${simB}`, {
        as: { username: b.admin.email, apiKey: b.adminKey },
      })
    ).body.accountId;
    const foreign = await cc(
      t,
      "GET",
      `/devices?modifiedSince=2014-01-01T00:00:00Z&accountId=${bAccount}`,
      { as: asA },
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.errorCode).toBe("20000003");
  });
});
