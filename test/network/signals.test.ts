import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import type { Imsi } from "../../src/lib/identifiers.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
let clientId: string;
let seq = 0;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-1", address: "127.0.0.1", secret: "s3cret-pgw" },
    })
  ).body.id;
});
afterAll(async () => {
  await t?.close();
});

const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `k${seq++}`,
  eventAt: t.clock.now(),
  record: {},
  ...r,
});
const record = (...rs: AccountingInput[]) => t.otter.services.signals.recordAccounting(rs);
const events = (body: unknown) => t.api("POST", "/api/v1/network/events", { body });

async function trackedSim(state = "ACTIVATION_READY") {
  const cat = await buildCatalog(t);
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state,
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  return { sim, cat, c };
}

describe("data sessions from accounting", () => {
  it("opens a session, activates an ACTIVATION_READY SIM on its first session, and shows it ONLINE", async () => {
    const { sim, c } = await trackedSim();
    await record(
      acct({
        status: "start",
        sessionId: "s-1",
        imsi: sim.imsi,
        apn: "iot.otter.example",
        framedIp: "10.20.0.7",
        rat: "LTE-M",
        ratCode: 9,
        serving: { mcc: "208", mnc: "01" },
        location: { tac: 4660, eci: 1193046 },
        imeisv: "3548090000000101",
        imei: "354809000000010",
      }),
    );
    const conn = await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`, { key: c.userKey });
    expect(conn.body).toMatchObject({
      state: "ONLINE",
      rat: "LTE-M",
      imei: "354809000000010",
      location: {
        mcc: "208",
        mnc: "01",
        country: "FR",
        network: "Orange",
        tac: 4660,
        eci: 1193046,
      },
    });
    const simNow = await t.api("GET", `/api/v1/sims/${sim.iccid}`);
    expect(simNow.body.state).toBe("ACTIVATED");
    const audit = await t.api("GET", `/api/v1/sims/${sim.iccid}/audit`);
    expect(audit.body.items.at(-1)).toMatchObject({
      field: "state",
      value: "ACTIVATED",
      reason: "first data session",
      actor: { name: "system" },
    });
  });

  it("never lets counters go backwards, counts usage once per delta, and closes on Stop", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    await record(
      acct({
        status: "start",
        sessionId: "s-2",
        imsi: sim.imsi,
        serving: { mcc: "208", mnc: "01" },
      }),
    );
    t.clock.advance(600_000);
    await record(
      acct({
        status: "interim",
        sessionId: "s-2",
        imsi: sim.imsi,
        bytesUp: 1000,
        bytesDown: 5000,
        sessionTime: 600,
        serving: { mcc: "208", mnc: "01" },
      }),
    );
    t.clock.advance(600_000);
    await record(
      acct({
        status: "interim",
        sessionId: "s-2",
        imsi: sim.imsi,
        bytesUp: 3000,
        bytesDown: 9000,
        sessionTime: 1200,
        serving: { mcc: "208", mnc: "01" },
      }),
    );
    // An Interim that was delayed in the network arrives after a newer one.
    await record(
      acct({
        status: "interim",
        sessionId: "s-2",
        imsi: sim.imsi,
        bytesUp: 2000,
        bytesDown: 7000,
        sessionTime: 900,
        eventAt: new Date(t.clock.now().getTime() - 300_000),
        serving: { mcc: "208", mnc: "01" },
      }),
    );
    const stop = acct({
      status: "stop",
      sessionId: "s-2",
      imsi: sim.imsi,
      bytesUp: 3500,
      bytesDown: 9500,
      sessionTime: 1300,
      terminateCause: "User-Request",
      serving: { mcc: "208", mnc: "01" },
    });
    expect(await record(stop)).toEqual(["stored"]);
    expect(await record({ ...stop })).toEqual(["duplicate"]);
    const sessions = await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`);
    expect(sessions.body.items[0]).toMatchObject({
      status: "closed",
      bytesUp: 3500,
      bytesDown: 9500,
      terminateCause: "User-Request",
    });
    const day = t.clock.now().toISOString().slice(0, 10);
    const usage = await t.api("GET", `/api/v1/sims/${sim.iccid}/usage?from=${day}&to=${day}`);
    expect(usage.body.total).toMatchObject({ bytesUp: 3500, bytesDown: 9500 });
    expect(usage.body.items[0].zone.name).toMatch(/^EU /);
  });

  it("keeps usage outside the rate plan's zones apart (unpriced: a bill-shock risk)", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    await record(
      acct({
        status: "stop",
        sessionId: "s-ke",
        imsi: sim.imsi,
        bytesUp: 100,
        bytesDown: 200,
        sessionTime: 60,
        serving: { mcc: "639", mnc: "02" },
      }),
    );
    const day = t.clock.now().toISOString().slice(0, 10);
    const usage = await t.api("GET", `/api/v1/sims/${sim.iccid}/usage?from=${day}&to=${day}`);
    expect(usage.body.items).toEqual([
      expect.objectContaining({ zone: null, bytesUp: 100, bytesDown: 200 }),
    ]);
    const sessions = await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`);
    expect(sessions.body.items[0]).toMatchObject({ status: "closed", mcc: "639", mnc: "02" });
  });

  it("closes every open session of a gateway on Accounting-On", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    await record(acct({ status: "start", sessionId: "s-reboot", imsi: sim.imsi }));
    await record(acct({ status: "accounting-on" }));
    const sessions = await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`);
    expect(sessions.body.items[0]).toMatchObject({
      status: "closed",
      terminateCause: "NAS-Reboot",
    });
  });

  it("keeps IMSIs it does not know, for operators", async () => {
    await record(
      acct({
        status: "start",
        sessionId: "s-stranger",
        // A well-formed IMSI, as the RADIUS decoder yields it, that no SIM has.
        imsi: "999990000000001" as Imsi,
        serving: { mcc: "240", mnc: "07" },
      }),
    );
    const list = await t.api("GET", "/api/v1/network/unknown-imsis");
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          imsi: "999990000000001",
          lastSource: "radius",
          lastPlmn: "24007",
        }),
      ]),
    );
  });
});

describe("registration events", () => {
  it("shows ATTACHED after an accepted update, OFFLINE with the cause after a rejection, and stores an event id once", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    const at = t.clock.now().toISOString();
    const ok = await events({
      id: "hss-1",
      type: "location_update",
      result: "accepted",
      imsi: sim.imsi,
      visitedPlmn: "24007",
      rat: "NB-IoT",
      imei: "490154203237518",
      at,
    });
    expect(ok.body).toMatchObject({
      stored: 1,
      duplicates: 0,
      results: [{ id: "hss-1", status: "stored", iccid: sim.iccid }],
    });
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body).toMatchObject({
      state: "ATTACHED",
      rat: "NB-IoT",
      location: { country: "SE" },
    });
    const again = await events({
      events: [{ id: "hss-1", type: "location_update", result: "accepted", imsi: sim.imsi, at }],
    });
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
    t.clock.advance(60_000);
    await events({
      id: "hss-2",
      type: "location_update",
      result: "rejected",
      cause: 5004,
      causeType: "s6a",
      imsi: sim.imsi,
      visitedPlmn: "20801",
      imei: "356938035643809",
      at: t.clock.now().toISOString(),
    });
    const conn = (await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body;
    expect(conn).toMatchObject({
      state: "OFFLINE",
      imei: "356938035643809",
      previousImei: "490154203237518",
      lastRegistration: { result: "rejected", cause: 5004 },
    });
    expect(conn.reason).toContain("5004");
    const timeline = await t.api("GET", `/api/v1/sims/${sim.iccid}/timeline`);
    expect(timeline.body.items.map((i: { event: { id: string } }) => i.event.id)).toEqual([
      "hss-2",
      "hss-1",
    ]);
  });

  it("goes OFFLINE when nothing is heard for longer than the registration timeout", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    await events({
      id: "hss-quiet",
      type: "location_update",
      result: "accepted",
      imsi: sim.imsi,
      at: t.clock.now().toISOString(),
    });
    t.clock.advance(25 * 3600_000);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body.state).toBe(
      "OFFLINE",
    );
  });

  it("refuses a bad event naming the field, and a bad backfill file naming the line, storing nothing", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    const bad = await events({
      id: "x",
      type: "location_update",
      result: "rejected",
      imsi: sim.imsi,
      at: t.clock.now().toISOString(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("cause");
    const at = t.clock.now().toISOString();
    const lines = [
      JSON.stringify({ id: "bf-1", type: "purge", imsi: sim.imsi, at }),
      "{not json",
      JSON.stringify({ id: "bf-3", type: "location_update", result: "accepted", imsi: "123", at }),
    ].join("\n");
    const res = await t.api("POST", "/api/v1/network/events/import", {
      raw: lines,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { line: number }) => d.line)).toEqual([2, 3]);
    const good = await t.api("POST", "/api/v1/network/events/import", {
      raw: `${lines.split("\n")[0]}\n`,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(good.body).toMatchObject({ stored: 1, lines: 1 });
  });

  it("shows BLOCKED for a SIM whose state forbids connection", async () => {
    const { sim } = await trackedSim("DEACTIVATED");
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body).toMatchObject({
      state: "BLOCKED",
    });
  });
});

describe("network permissions and isolation", () => {
  it("keeps gateways and ingestion to operators, and a customer to its own SIMs", async () => {
    const a = await buildCustomer(t);
    const { sim } = await trackedSim("ACTIVATED");
    expect(
      (
        await t.api("POST", "/api/v1/network/clients", {
          key: a.adminKey,
          body: { name: "x", address: "10.0.0.1", secret: "12345678" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api("POST", "/api/v1/network/events", {
          key: a.adminKey,
          body: { id: "z", type: "purge", imsi: sim.imsi, at: t.clock.now().toISOString() },
        })
      ).status,
    ).toBe(403);
    for (const p of [
      "connectivity",
      "sessions",
      "timeline",
      "usage?from=2026-01-01&to=2026-12-31",
    ]) {
      expect(
        (await t.api("GET", `/api/v1/sims/${sim.iccid}/${p}`, { key: a.adminKey })).status,
        p,
      ).toBe(404);
    }
    const clients = await t.api("GET", "/api/v1/network/clients");
    expect(JSON.stringify(clients.body)).not.toContain("s3cret-pgw");
    const bad = await t.api("POST", "/api/v1/network/clients", {
      body: { name: "bad", address: "10.0.0.0/99", secret: "12345678" },
    });
    expect(bad.body.error.code).toBe("ADDRESS_INVALID");
  });
});

describe("test-ready SIMs", () => {
  it("move on when the test allowance is used up, or when the test period is over", async () => {
    const { sim } = await trackedSim("TEST_READY"); // 30 KB test allowance, 90 days
    await record(
      acct({
        status: "interim",
        sessionId: "tr-1",
        imsi: sim.imsi,
        bytesUp: 10_000,
        bytesDown: 10_000,
        sessionTime: 60,
        serving: { mcc: "208", mnc: "01" },
      }),
    );
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.state).toBe("TEST_READY");
    await record(
      acct({
        status: "stop",
        sessionId: "tr-1",
        imsi: sim.imsi,
        bytesUp: 20_000,
        bytesDown: 20_000,
        sessionTime: 120,
        serving: { mcc: "208", mnc: "01" },
      }),
    );
    const moved = await t.api("GET", `/api/v1/sims/${sim.iccid}/audit`);
    expect(moved.body.items.at(-1)).toMatchObject({
      field: "state",
      priorValue: "TEST_READY",
      value: "ACTIVATED",
      actor: { name: "system" },
    });
    expect(moved.body.items.at(-1).reason).toContain("test allowance");

    const quiet = await trackedSim("TEST_READY");
    expect(await t.otter.services.sims.endTestPeriods()).toBe(0);
    t.clock.advance(91 * 86400_000);
    expect(await t.otter.services.sims.endTestPeriods()).toBeGreaterThanOrEqual(1);
    const after = await t.api("GET", `/api/v1/sims/${quiet.sim.iccid}`);
    expect(after.body.state).toBe("ACTIVATED");
  });
});

describe("edge cases a real network produces", () => {
  it("closes on Accounting-On only the sessions that began before it", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    const on = t.clock.now();
    t.clock.advance(60_000);
    await record(acct({ status: "start", sessionId: "after-reboot", imsi: sim.imsi }));
    await record(acct({ status: "accounting-on", eventAt: on }));
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`)).body.items[0]).toMatchObject({
      status: "open",
    });
  });

  it("starts a new session when a gateway reuses an Acct-Session-Id, and counts both", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    await record(acct({ status: "start", sessionId: "reuse", imsi: sim.imsi }));
    await record(
      acct({ status: "stop", sessionId: "reuse", imsi: sim.imsi, bytesUp: 1000, sessionTime: 60 }),
    );
    t.clock.advance(3600_000);
    await record(acct({ status: "start", sessionId: "reuse", imsi: sim.imsi }));
    await record(
      acct({
        status: "interim",
        sessionId: "reuse",
        imsi: sim.imsi,
        bytesUp: 800,
        sessionTime: 60,
      }),
    );
    const sessions = (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`)).body.items;
    expect(sessions.map((s: { status: string; bytesUp: number }) => [s.status, s.bytesUp])).toEqual(
      [
        ["open", 800],
        ["closed", 1000],
      ],
    );
    const day = t.clock.now().toISOString().slice(0, 10);
    const from = new Date(t.clock.now().getTime() - 86400_000).toISOString().slice(0, 10);
    expect(
      (await t.api("GET", `/api/v1/sims/${sim.iccid}/usage?from=${from}&to=${day}`)).body.total
        .bytesUp,
    ).toBe(1800);
  });

  it("refuses an event from the future and an impossible date", async () => {
    const { sim } = await trackedSim("ACTIVATED");
    const future = await events({
      id: "from-2099",
      type: "purge",
      imsi: sim.imsi,
      at: "2099-01-01T00:00:00Z",
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].field).toBe("at");
    const bad = await t.api("GET", `/api/v1/sims/${sim.iccid}/usage?from=2026-02-30&to=2026-03-01`);
    expect(bad.status).toBe(400);
    const taken = await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-2", address: "10.0.0.2", secret: "12345678" },
    });
    const clash = await t.api("PATCH", `/api/v1/network/clients/${taken.body.id}`, {
      body: { name: "pgw-1" },
    });
    expect(clash.status).toBe(409);
  });
});

describe("network history across a transfer", () => {
  it("shows a customer only the sessions and usage from its own time with the SIM", async () => {
    const { sim, cat, c } = await trackedSim("ACTIVATED");
    await record(
      acct({
        status: "stop",
        sessionId: "before-transfer",
        imsi: sim.imsi,
        bytesUp: 111,
        sessionTime: 10,
        framedIp: "10.9.9.9",
      }),
    );
    const d = await buildCustomer(t);
    await offer(t, cat, d.account.id);
    expect(
      (
        await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
          body: { accountId: d.account.id, reason: "resold" },
        })
      ).status,
    ).toBe(200);
    await record(
      acct({
        status: "stop",
        sessionId: "after-transfer",
        imsi: sim.imsi,
        bytesUp: 222,
        sessionTime: 10,
      }),
    );
    const seen = (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`, { key: d.adminKey }))
      .body.items;
    expect(seen.map((s: { bytesUp: number }) => s.bytesUp)).toEqual([222]);
    const all = (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`)).body.items;
    expect(all).toHaveLength(2);
    expect(
      (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`, { key: c.adminKey })).status,
    ).toBe(404);
  });
});
