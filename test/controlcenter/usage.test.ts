import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, type CcCredentials } from "./cc-client.js";

const CC_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

describe("Control Center API: usage, sessions, audit, locations, plans, accounts, users, transfer", () => {
  let t: TestOtter;
  let a: Awaited<ReturnType<typeof buildCustomer>>;
  let b: Awaited<ReturnType<typeof buildCustomer>>;
  let asA: CcCredentials;
  let asB: CcCredentials;
  let cat: Awaited<ReturnType<typeof buildCatalog>>;
  let sim: Awaited<ReturnType<typeof buildSim>>;
  let idle: Awaited<ReturnType<typeof buildSim>>;
  let simB: string;
  let clientId: string;
  let n = 0;
  const acct = (
    r: Partial<AccountingInput> & Pick<AccountingInput, "status">,
  ): AccountingInput => ({
    clientId,
    dedupeKey: `CC${n++}`,
    eventAt: t.clock.now(),
    nasIp: "127.0.0.1",
    record: {},
    ...r,
  });

  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    clientId = (
      await t.api("POST", "/api/v1/network/clients", {
        body: { name: "pgw", address: "127.0.0.1", secret: "s3cret-s3cret" },
      })
    ).body.id;
    cat = await buildCatalog(t);
    a = await buildCustomer(t);
    b = await buildCustomer(t);
    await offer(t, cat, a.account.id);
    asA = { username: a.admin.email, apiKey: a.adminKey };
    asB = { username: b.admin.email, apiKey: b.adminKey };
    const plans = { communicationPlan: cat.comm.name, ratePlan: cat.rate.name };
    sim = await buildSim(t, { accountId: a.account.id, state: "ACTIVATED", ...plans });
    idle = await buildSim(t, { accountId: a.account.id, state: "ACTIVATED", ...plans });
    simB = (await buildSim(t, { accountId: b.account.id })).iccid;
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "start",
        sessionId: "cc-1",
        imsi: sim.imsi,
        framedIp: "10.0.0.7",
        serving: { mcc: "208", mnc: "01" },
      }),
    ]);
    t.clock.advance(60_000);
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "interim",
        sessionId: "cc-1",
        imsi: sim.imsi,
        bytesUp: 1_000_000,
        bytesDown: 2_500_000,
        sessionTime: 60,
        serving: { mcc: "208", mnc: "01" },
      }),
    ]);
  });
  afterAll(() => t.close());

  it("ctdUsages: bytes as an integer, 0 (never null) for an unused SIM", async () => {
    const r = await cc(t, "GET", `/devices/${sim.iccid}/ctdUsages`, { as: asA });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      iccid: sim.iccid,
      status: "ACTIVATED",
      ratePlan: cat.rate.name,
      ctdDataUsage: 3_500_000,
      ctdSessionCount: 1,
      overageLimitReached: false,
      overageLimitOverride: "DEFAULT",
    });
    const unused = await cc(t, "GET", `/devices/${idle.iccid}/ctdUsages`, { as: asA });
    expect(unused.body.ctdDataUsage).toBe(0);
  });

  it("sessionInfo: the open session with its IP and APN, dateSessionEnded null; both null if never connected", async () => {
    const r = await cc(t, "GET", `/devices/${sim.iccid}/sessionInfo`, { as: asA });
    expect(r.body).toMatchObject({
      iccid: sim.iccid,
      ipAddress: "10.0.0.7",
      dateSessionEnded: null,
    });
    expect(r.body.dateSessionStarted).toMatch(CC_DATE);
    expect(r.body).toHaveProperty("apn");
    const never = await cc(t, "GET", `/devices/${idle.iccid}/sessionInfo`, { as: asA });
    expect(never.body).toMatchObject({ dateSessionStarted: null, dateSessionEnded: null });
  });

  it("usageInZone: per zone under '<plan>, <version>', bytes as integers, version as a string", async () => {
    const r = await cc(t, "GET", `/devices/${sim.iccid}/usageInZone`, { as: asA });
    expect(r.status).toBe(200);
    expect(r.body.cycleStartDate).toBe("2026-03-01Z");
    const rows = r.body.deviceCycleUsageInZones[`${cat.rate.name}, 1`];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ratePlanVersion: "1", dataUsage: 3_500_000, smsmousage: 0 });
    const old = await cc(t, "GET", `/devices/${sim.iccid}/usageInZone?cycleStartDate=2025-01-01Z`, {
      as: asA,
    });
    expect(old.body.errorCode).toBe("10000032");
  });

  it("/usages by rate plan: zones[].devices[] with usage, paged", async () => {
    const r = await cc(
      t,
      "GET",
      `/usages?ratePlanName=${encodeURIComponent(cat.rate.name)}&cycleStartDate=2026-03-01Z`,
      { as: asA },
    );
    expect(r.status).toBe(200);
    expect(r.body.lastPage).toBe(true);
    const devices = r.body.zones.flatMap((z: { devices: unknown[] }) => z.devices);
    expect(devices).toContainEqual({
      deviceId: sim.iccid,
      usage: expect.objectContaining({ dataUsage: 3_500_000 }),
    });
    expect((await cc(t, "GET", "/usages", { as: asA })).body.errorCode).toBe("10000011");
  });

  it("auditTrails: the device's changes with who and when; daysOfHistory above 365 is 10000049", async () => {
    await cc(t, "PUT", `/devices/${idle.iccid}`, { as: asA, body: { accountCustom1: "gate" } });
    const r = await cc(t, "GET", `/devices/${idle.iccid}/auditTrails?daysOfHistory=7`, { as: asA });
    expect(r.status).toBe(200);
    expect(r.body.lastPage).toBe(true);
    expect(r.body.deviceAuditTrails).toContainEqual(
      expect.objectContaining({ field: "accountCustom1", value: "gate", status: "Executed" }),
    );
    const bad = await cc(t, "GET", `/devices/${idle.iccid}/auditTrails?daysOfHistory=400`, {
      as: asA,
    });
    expect(bad.body.errorCode).toBe("10000049");
  });

  it("locationHistory: where the network saw the device", async () => {
    const r = await cc(t, "GET", `/devices/${sim.iccid}/locationHistory`, { as: asA });
    expect(r.status).toBe(200);
    expect(r.body.simLocations[0]).toMatchObject({
      iccid: sim.iccid,
      servingMcc: "208",
      servingMnc: "01",
    });
    expect(r.body.simLocations[0].dateReceived).toMatch(CC_DATE);
  });

  it("rateplans, accounts and users of the caller's subtree only, with numeric ids as strings", async () => {
    const plans = await cc(t, "GET", "/rateplans", { as: asA });
    expect(plans.status).toBe(200);
    expect(plans.body.ratePlans.map((p: { name: string }) => p.name)).toContain(cat.rate.name);
    const accounts = await cc(t, "GET", "/accounts", { as: asA });
    expect(accounts.body.accounts).toHaveLength(1);
    const mine = accounts.body.accounts[0];
    expect(mine.accountName).toBe(a.account.name);
    expect(mine.accountId).toMatch(/^\d+$/);
    const one = await cc(t, "GET", `/accounts/${mine.accountId}`, { as: asA });
    expect(one.body.accountName).toBe(a.account.name);
    const users = await cc(t, "GET", "/users", { as: asA });
    expect(users.body.users.map((u: { username: string }) => u.username).sort()).toEqual(
      [a.admin.email, a.user.email].sort(),
    );
    const u = users.body.users[0];
    expect(u.userId).toMatch(/^\d+$/);
    expect((await cc(t, "GET", `/users/${u.userId}`, { as: asA })).body.username).toBe(u.username);
    // B sees neither A's account nor A's users.
    expect((await cc(t, "GET", `/accounts/${mine.accountId}`, { as: asB })).body.errorCode).toBe(
      "20000003",
    );
    expect((await cc(t, "GET", `/users/${u.userId}`, { as: asB })).body.errorCode).toBe("20000005");
  });

  it("transferDeviceToAccount runs as an Otter job", async () => {
    const sub = (
      await t.api("POST", "/api/v1/accounts", { body: { name: "Depot", parentId: a.account.id } })
    ).body;
    const accounts = (await cc(t, "GET", "/accounts?pageSize=50", { as: asA })).body.accounts;
    const depot = accounts.find((x: { accountName: string }) => x.accountName === "Depot");
    expect(depot).toBeDefined();
    const r = await cc(t, "POST", "/devices/transferDeviceToAccount", {
      as: asA,
      body: { accountId: Number(depot.accountId), iccids: [idle.iccid] },
    });
    expect(r.status).toBe(202);
    await t.otter.services.jobs.runPending();
    const job = await t.api("GET", `/api/v1/jobs/${r.body.jobId}`, { key: a.adminKey });
    expect(job.body.status).toBe("succeeded");
    const d = (await cc(t, "GET", `/devices/${idle.iccid}`, { as: asA })).body;
    expect(d.customer).toBe("Depot");
    expect(sub.id).toBeDefined();
    // Into another customer's account: not found.
    const foreign = await cc(t, "POST", "/devices/transferDeviceToAccount", {
      as: asB,
      body: { accountId: depot.accountId, iccids: [simB] },
    });
    expect(foreign.body.errorCode).toBe("20000003");
  });

  it("answers 20000001 for another customer's ICCID on every sub-resource", async () => {
    for (const sub of [
      "ctdUsages",
      "sessionInfo",
      "usageInZone",
      "auditTrails",
      "locationHistory",
    ]) {
      const r = await cc(t, "GET", `/devices/${sim.iccid}/${sub}`, { as: asB });
      expect(r.status, sub).toBe(404);
      expect(r.body.errorCode, sub).toBe("20000001");
    }
  });
});
