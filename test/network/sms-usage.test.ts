import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmsDelivery, type SmscServer, startSmscServer } from "../../src/sim/smsc-server.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * SMS usage (docs/network.md, "SMS usage"): MT counted when Otter's own SMPP submission is accepted
 * by the SMS centre (real SMPP to the simulator's SMS centre), and MO/MT records from the SMS centre
 * through the intake — each SMS counted once into the SIM's daily usage.
 */
let t: TestOtter;
let smsc: SmscServer;
const devices = new Map<string, SmsDelivery>();
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let seq = 0;
const DAY = "2026-03-01";

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  smsc = await startSmscServer({
    host: "127.0.0.1",
    port: 0,
    systemId: "otter",
    password: "smsc-pw1",
    deliver: (sms) => devices.get(sms.msisdn) ?? "unknown",
  });
  const c = await t.api("POST", "/api/v1/network/sms-centres", {
    body: {
      name: "smsc-usage",
      host: "127.0.0.1",
      port: smsc.port,
      systemId: "otter",
      password: "smsc-pw1",
      sourceAddress: "+447700900000",
      imsiPrefixes: ["23415"],
    },
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  cat = await buildCatalog(t);
});
afterAll(async () => {
  await t?.close();
  await smsc?.close();
});

/** A SIM of a new customer, last seen in France (its rate plan's home zone). */
async function simInFrance() {
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  const seen = await t.api("POST", "/api/v1/network/events", {
    body: {
      id: `lu-${sim.imsi}`,
      type: "location_update",
      result: "accepted",
      imsi: sim.imsi,
      visitedPlmn: "20801",
      at: `${DAY}T08:00:00Z`,
    },
  });
  expect(seen.status).toBe(200);
  return { sim, c };
}

const post = (body: unknown, key?: string) =>
  t.api("POST", "/api/v1/network/sms-records", { body, key });
const importFile = (lines: string[], key?: string) =>
  t.api("POST", "/api/v1/network/sms-records/import", {
    raw: lines.join("\n"),
    headers: { "content-type": "application/x-ndjson" },
    key,
  });
const usageOf = async (iccid: string, key?: string) =>
  t.api("GET", `/api/v1/sims/${iccid}/usage?from=${DAY}&to=${DAY}`, { key });
const record = (imsi: string, extra: Record<string, unknown> = {}) => ({
  id: `smsc-${seq++}`,
  direction: "MO",
  imsi,
  at: `${DAY}T10:00:00Z`,
  ...extra,
});

describe("SMS centre records", () => {
  it("count MO and MT into the SIM's day and zone, once per record id however often they are sent", async () => {
    const { sim, c } = await simInFrance();
    const batch = {
      records: [
        record(sim.imsi),
        record(sim.imsi, { direction: "MT", messageId: "ext-1" }),
        record(sim.imsi, { servingPlmn: "63902" }),
      ],
    };
    const first = await post(batch);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ counted: 3, duplicates: 0, alreadyCounted: 0 });
    expect(first.body.results[0]).toMatchObject({ status: "counted", iccid: sim.iccid });
    // The SMS centre retries the same batch (its answer was lost): nothing is counted again.
    const again = await post(batch);
    expect(again.body).toMatchObject({ counted: 0, duplicates: 3 });

    const u = (await usageOf(sim.iccid, c.userKey)).body;
    expect(u.items).toEqual([
      expect.objectContaining({
        zone: { id: cat.home.id, name: cat.home.name },
        smsMo: 1,
        smsMt: 1,
      }),
      // Sent from Kenya, which the rate plan does not price: kept apart, never dropped.
      expect.objectContaining({ zone: null, smsMo: 1, smsMt: 0 }),
    ]);
    expect(u.total).toMatchObject({ smsMo: 2, smsMt: 1 });
  });

  it("refuse a batch with one bad record with a 400 naming the record and field, and count nothing", async () => {
    const { sim } = await simInFrance();
    const res = await post({
      records: [record(sim.imsi), record(sim.imsi, { imsi: "12345" }), record(sim.imsi)],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain("records.1.imsi");
    expect((await usageOf(sim.iccid)).body.items).toEqual([]);
  });

  it("notes records of an IMSI no SIM has as unknown, and counts the others", async () => {
    const { sim } = await simInFrance();
    const res = await post({ records: [record("234159999999990"), record(sim.imsi)] });
    expect(res.body).toMatchObject({ counted: 1, unknownSims: 1 });
  });

  it("are refused to a customer's key, and a customer sees only its own SIMs' SMS", async () => {
    const { sim, c } = await simInFrance();
    const other = await buildCustomer(t);
    const refused = await post({ records: [record(sim.imsi)] }, c.adminKey);
    expect(refused.status).toBe(403);
    const refusedFile = await importFile([JSON.stringify(record(sim.imsi))], c.adminKey);
    expect(refusedFile.status).toBe(403);
    expect((await usageOf(sim.iccid, c.userKey)).body.items).toEqual([]);
    expect((await post({ records: [record(sim.imsi)] })).body.counted).toBe(1);
    expect((await usageOf(sim.iccid, other.adminKey)).status).toBe(404);
  });
});

describe("SMS centre CDR import (JSON lines)", () => {
  it("counts a whole file, and refuses one with a bad line naming the line and field, counting nothing", async () => {
    const { sim } = await simInFrance();
    const bad = await importFile([
      JSON.stringify(record(sim.imsi)),
      JSON.stringify(record(sim.imsi, { direction: "XX" })),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("SMS_RECORDS_FILE_INVALID");
    expect(bad.body.error.details[0]).toMatchObject({ line: 2, field: "direction" });
    expect((await usageOf(sim.iccid)).body.items).toEqual([]);

    const good = await importFile([
      JSON.stringify(record(sim.imsi)),
      "",
      JSON.stringify(record(sim.imsi, { direction: "MT" })),
    ]);
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toMatchObject({ lines: 2, counted: 2 });
    expect((await usageOf(sim.iccid)).body.total).toMatchObject({ smsMo: 1, smsMt: 1 });
    const empty = await importFile([""]);
    expect(empty.body.error.code).toBe("SMS_RECORDS_FILE_EMPTY");
  });
});

describe("MT sent by Otter", () => {
  it("is counted when the SMS centre accepts it, and the SMS centre's own record of it is not counted again", async () => {
    const { sim, c } = await simInFrance();
    devices.set(sim.msisdn, "delivered");
    const res = await t.api("POST", `/api/v1/sims/${sim.iccid}/actions`, {
      body: { type: "send-sms", reason: "wake the tracker", text: "wake up" },
      key: c.adminKey,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    let sms: { status: string; messageIds: string[] } = res.body.sms;
    for (let i = 0; i < 200 && sms.status === "queued"; i++) {
      await t.otter.services.sms.deliverDue();
      sms = (await t.api("GET", `/api/v1/actions/${res.body.id}`)).body.sms;
      if (sms.status === "queued") await new Promise((r) => setTimeout(r, 20));
    }
    expect(sms.messageIds).toHaveLength(1);
    expect((await usageOf(sim.iccid)).body.total).toMatchObject({ smsMt: 1, smsMo: 0 });

    // The SMS centre's CDR of the same SMS carries the message id Otter got back.
    const cdr = await post(
      record(sim.imsi, { direction: "MT", messageId: sms.messageIds[0], at: `${DAY}T09:00:01Z` }),
    );
    expect(cdr.body).toMatchObject({ counted: 0, alreadyCounted: 1 });
    // Running the worker again changes nothing either.
    await t.otter.services.sms.deliverDue();
    expect((await usageOf(sim.iccid)).body.total).toMatchObject({ smsMt: 1 });
  });
});
