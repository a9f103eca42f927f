import { spawn } from "node:child_process";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Iccid } from "../../src/lib/identifiers.js";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { usageBillingRepo } from "../../src/modules/network/usage-billing.shared.repo.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * Usage as billing reads it: data rounded per session (the rate plan's `rounding`) when accounting
 * is recorded, so a billing run only adds daily rows (docs/network.md, "Usage for billing").
 */
let t: TestOtter;
const SECRET = "pgw-usage-secret";
let clientId: string;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let customer: Awaited<ReturnType<typeof buildCustomer>>;
let perMbPlan: { id: string };
let seq = 0;
const KB = 1024;
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-usage", address: "127.0.0.1", secret: SECRET },
    })
  ).body.id;
  cat = await buildCatalog(t);
  customer = await buildCustomer(t);
  await offer(t, cat, customer.account.id);
  const perMb = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `Meter per MB ${seq++}-${Date.now()}`,
      currency: "EUR",
      subscription: { monthlyFeePerSim: 1 },
      zones: [{ zone: cat.home.name, dataPerMB: 0.5 }],
      rounding: "perMB",
    },
  });
  expect(perMb.status, JSON.stringify(perMb.body)).toBe(201);
  perMbPlan = perMb.body;
  await offer(t, { comm: cat.comm, rate: perMbPlan }, customer.account.id);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const simOn = (ratePlan: string) =>
  buildSim(t, {
    accountId: customer.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan,
  });
const usage = async (iccid: string, from: string, to: string) =>
  (
    await t.api("GET", `/api/v1/sims/${iccid}/usage?from=${from}&to=${to}`, {
      key: customer.userKey,
    })
  ).body;

function radclient(packets: string[][]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("radclient", [
      "-x",
      "-r",
      "2",
      "-t",
      "2",
      `127.0.0.1:${t.otter.radiusPort}`,
      "acct",
      SECRET,
    ]);
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("error", (err) => resolve({ code: -1, out: String(err) }));
    child.on("close", (code) => resolve({ code, out }));
    // radclient reads several requests from one input, separated by a blank line.
    child.stdin.end(`${packets.map((p) => p.join("\n")).join("\n\n")}\n`);
  });
}

describe("billed bytes from real RADIUS accounting (radclient → Otter)", () => {
  it("rounds each session up to the KB: ten sessions of 10,241 bytes are billed 110 KB, not 101 KB", async () => {
    const sim = await simOn(cat.rate.id);
    const stops = Array.from({ length: 10 }, (_, i) => [
      "Acct-Status-Type = Stop",
      `Acct-Session-Id = "bill-${sim.imsi}-${i}"`,
      "NAS-IP-Address = 127.0.0.1",
      'Called-Station-Id = "iot.otter.example"',
      `3GPP-IMSI = "${sim.imsi}"`,
      '3GPP-SGSN-MCC-MNC = "20801"',
      "Acct-Input-Octets = 10000",
      "Acct-Output-Octets = 241",
      "Acct-Session-Time = 60",
    ]);
    const sent = await radclient(stops);
    expect(sent.code, sent.out).toBe(0);

    const day = t.clock.now().toISOString().slice(0, 10);
    const u = await usage(sim.iccid, day, day);
    expect(u.items).toEqual([
      expect.objectContaining({
        day,
        zone: { id: cat.home.id, name: cat.home.name },
        bytesUp: 100_000,
        bytesDown: 2_410,
        billedBytes: 110 * KB,
      }),
    ]);
    expect(u.total.billedBytes).toBe(110 * KB);
  });

  it("rounds to the MB on a per-MB plan, and bills nothing more when the Stop repeats", async () => {
    const sim = await simOn(perMbPlan.id);
    const session = [
      `Acct-Session-Id = "mb-${sim.imsi}"`,
      "NAS-IP-Address = 127.0.0.1",
      `3GPP-IMSI = "${sim.imsi}"`,
      '3GPP-SGSN-MCC-MNC = "20801"',
    ];
    const interim = [
      "Acct-Status-Type = Interim-Update",
      ...session,
      "Acct-Input-Octets = 700000",
      "Acct-Session-Time = 600",
    ];
    const stop = [
      "Acct-Status-Type = Stop",
      ...session,
      "Acct-Input-Octets = 1500000",
      "Acct-Session-Time = 1200",
    ];
    expect((await radclient([interim, stop])).code).toBe(0);
    // The gateway resends the Stop (its answer was lost): nothing changes.
    expect((await radclient([stop])).code).toBe(0);
    const day = t.clock.now().toISOString().slice(0, 10);
    const u = await usage(sim.iccid, day, day);
    expect(u.total).toMatchObject({ bytesUp: 1_500_000, billedBytes: 2 * MB });
  });
});

describe("a session split across days", () => {
  it("bills roundUp(total) over its days and zones, whatever the Interim-Updates, and each day's sessions explain its row", async () => {
    const base = new Date("2026-03-10T20:00:00Z");
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(
          fc.record({
            bytes: fc.integer({ min: 0, max: 3 * MB }),
            hours: fc.integer({ min: 1, max: 30 }),
            roaming: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (perMb, steps) => {
          const sim = await simOn(perMb ? perMbPlan.id : cat.rate.id);
          const unit = perMb ? MB : KB;
          const sessionId = `split-${seq++}`;
          let at = base.getTime();
          let total = 0;
          const records: AccountingInput[] = [];
          for (const [i, s] of steps.entries()) {
            at += s.hours * 3_600_000;
            total += s.bytes;
            records.push({
              clientId,
              dedupeKey: `split-${sessionId}-${i}`,
              eventAt: new Date(at),
              record: {},
              status: i === steps.length - 1 ? "stop" : "interim",
              sessionId,
              imsi: sim.imsi,
              bytesUp: total,
              bytesDown: 0,
              // France is priced (home zone); Kenya is not: its usage is kept apart, never dropped.
              serving: s.roaming ? { mcc: "639", mnc: "02" } : { mcc: "208", mnc: "01" },
            });
          }
          for (const r of records) await t.otter.services.signals.recordAccounting([r]);

          const db = t.otter.database.db;
          const range = { accountIds: [customer.account.id], from: "2026-03-01", to: "2026-04-30" };
          const rows = await usageBillingRepo.dailyBySim(db, {
            ...range,
            simIds: [await simId(sim.iccid)],
          });
          const billed = rows.reduce((a, r) => a + r.billed_bytes, 0);
          expect(billed).toBe(total % unit === 0 ? total : total - (total % unit) + unit);
          expect(rows.reduce((a, r) => a + r.bytes_up, 0)).toBe(total);
          for (const row of rows) {
            const sessions = await usageBillingRepo.sessionsOfSimDay(
              db,
              row.sim_id,
              row.day,
              row.zone_key,
            );
            expect(sessions.reduce((a, s) => a + s.billed_bytes, 0)).toBe(row.billed_bytes);
            expect(sessions.every((s) => s.billing_unit === unit)).toBe(true);
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 180_000);
});

describe("aggregates for a billing run", () => {
  it("sums billed bytes per account and zone, and sees only the accounts asked for", async () => {
    const other = await buildCustomer(t);
    await offer(t, cat, other.account.id);
    const theirs = await buildSim(t, {
      accountId: other.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const day = "2026-03-20";
    await t.otter.services.signals.recordAccounting([
      {
        clientId,
        dedupeKey: `other-${seq++}`,
        eventAt: new Date(`${day}T10:00:00Z`),
        record: {},
        status: "stop",
        sessionId: `other-${seq++}`,
        imsi: theirs.imsi,
        bytesUp: 1,
        bytesDown: 0,
        serving: { mcc: "208", mnc: "01" },
      },
    ]);
    const db = t.otter.database.db;
    const theirRange = { accountIds: [other.account.id], from: day, to: day };
    expect(await usageBillingRepo.totalsByAccountZone(db, theirRange)).toEqual([
      {
        account_id: other.account.id,
        zone_key: cat.home.id,
        billed_bytes: KB,
        bytes: 1,
        sms_mo: 0,
        sms_mt: 0,
        sims: 1,
      },
    ]);
    const ours = await usageBillingRepo.totalsBySimZone(db, {
      accountIds: [customer.account.id],
      from: "2026-03-01",
      to: "2026-04-30",
    });
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((r) => r.account_id === customer.account.id)).toBe(true);
  });
});

async function simId(iccid: Iccid): Promise<string> {
  const row = await t.otter.database.db
    .selectFrom("sims")
    .select("id")
    .where("iccid", "=", iccid)
    .executeTakeFirstOrThrow();
  return row.id;
}
