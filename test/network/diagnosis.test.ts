import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildCustomer, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
let clientId: string;
let n = 0;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-diag", address: "127.0.0.1", secret: "diag-secret" },
    })
  ).body.id;
});
afterAll(async () => {
  await t?.close();
});
const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `D${n++}`,
  eventAt: t.clock.now(),
  record: {},
  ...r,
});

async function plans(name: string, countries: string[]) {
  const zone = (await t.api("POST", "/api/v1/zones", { body: { name: `${name} zone`, countries } }))
    .body;
  const comm = (
    await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `${name} comm`,
        apns: [{ name: "iot.otter" }],
        rats: ["NB-IoT", "LTE-M"],
        zones: [zone.id],
      },
    })
  ).body;
  const rate = (
    await t.api("POST", "/api/v1/rate-plans", {
      body: {
        name: `${name} rate`,
        currency: "EUR",
        subscription: { monthlyFeePerSim: 1 },
        zones: [{ zone: zone.id, dataPerMB: 0.5 }],
      },
    })
  ).body;
  return { zone, comm, rate };
}

describe("diagnosis of one SIM", () => {
  it("the giraffe: a collar reporting hourly, then a session open but silent for hours → hung, reset", async () => {
    const p = await plans("Kenya", ["KE"]);
    const sim = await buildSim(t, {
      state: "ACTIVATED",
      communicationPlan: p.comm.id,
      ratePlan: p.rate.id,
    });
    await t.api("POST", "/api/v1/network/events", {
      body: {
        id: "g-reg",
        type: "location_update",
        result: "accepted",
        imsi: sim.imsi,
        visitedPlmn: "63902",
        rat: "NB-IoT",
        at: t.clock.now().toISOString(),
      },
    });
    for (let h = 0; h < 6; h++) {
      await t.otter.services.signals.recordAccounting([
        acct({
          status: "start",
          sessionId: `g-${h}`,
          imsi: sim.imsi,
          apn: "iot.otter",
          rat: "NB-IoT",
          serving: { mcc: "639", mnc: "02" },
        }),
      ]);
      t.clock.advance(120_000);
      await t.otter.services.signals.recordAccounting([
        acct({
          status: "stop",
          sessionId: `g-${h}`,
          imsi: sim.imsi,
          bytesUp: 400,
          bytesDown: 80,
          sessionTime: 120,
          serving: { mcc: "639", mnc: "02" },
        }),
      ]);
      t.clock.advance(3600_000 - 120_000);
    }
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "start",
        sessionId: "g-hung",
        imsi: sim.imsi,
        apn: "iot.otter",
        rat: "NB-IoT",
        serving: { mcc: "639", mnc: "02" },
      }),
    ]);
    for (let i = 1; i <= 10; i++) {
      t.clock.advance(30 * 60_000);
      await t.otter.services.signals.recordAccounting([
        acct({
          status: "interim",
          sessionId: "g-hung",
          imsi: sim.imsi,
          bytesUp: 0,
          bytesDown: 0,
          sessionTime: i * 1800,
          serving: { mcc: "639", mnc: "02" },
        }),
      ]);
    }
    const d = await t.api("GET", `/api/v1/sims/${sim.iccid}/diagnosis`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      overall: "fail",
      firstBroken: "data_session",
      actions: [{ action: "reset-connectivity" }],
    });
    expect(d.body.verdict).toMatch(/hung/);
    expect(
      d.body.rungs.map((r: { name: string; status: string }) => `${r.name}:${r.status}`),
    ).toEqual(
      expect.arrayContaining([
        "sim_state:pass",
        "registration:pass",
        "roaming:pass",
        "data_session:fail",
        "traffic:fail",
      ]),
    );
    expect(d.body.dataAsOf).toBe(t.clock.now().toISOString());
    expect(d.body.rhythm.typicalGapSeconds).toBe(3600);
  });

  it("the sea otter: a tag in France on a Nordic-only plan → roaming not allowed, names the plan and the country", async () => {
    const p = await plans("Nordic", ["SE", "NO", "DK", "FI"]);
    const c = await buildCustomer(t);
    for (const [seg, plan] of [
      ["communication-plans", p.comm],
      ["rate-plans", p.rate],
    ] as const)
      await t.api("POST", `/api/v1/${seg}/${plan.id}/offers`, {
        body: { accountId: c.account.id },
      });
    const sim = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: p.comm.id,
      ratePlan: p.rate.id,
    });
    await t.api("POST", "/api/v1/network/events", {
      body: {
        id: "so-1",
        type: "location_update",
        result: "rejected",
        cause: 5004,
        causeType: "s6a",
        imsi: sim.imsi,
        visitedPlmn: "20801",
        rat: "LTE-M",
        at: t.clock.now().toISOString(),
      },
    });
    const d = await t.api("GET", `/api/v1/sims/${sim.iccid}/diagnosis`, { key: c.userKey });
    expect(d.body).toMatchObject({
      firstBroken: "registration",
      actions: [{ action: "change-plan" }],
    });
    expect(d.body.verdict).toContain("roaming is not allowed");
    expect(d.body.verdict).toContain("Nordic comm");
    expect(d.body.verdict).toContain("France");
    const other = await buildCustomer(t);
    expect(
      (await t.api("GET", `/api/v1/sims/${sim.iccid}/diagnosis`, { key: other.adminKey })).status,
    ).toBe(404);
  });
});
