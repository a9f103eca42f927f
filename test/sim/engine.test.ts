import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  accountingRequest,
  type AccountingRecord,
  decodeAccounting,
  decodePacket,
  type OutgoingAttribute,
} from "../../src/network/radius/index.js";
import { Simulation } from "../../src/sim/engine.js";
import { startHssServer } from "../../src/sim/hss-server.js";
import {
  decideRegistration,
  type EventSink,
  type PlanProfile,
  type RegistrationEvent,
  type Subscriber,
  type SubscriberDirectory,
} from "../../src/sim/hss.js";
import { scenarioFromText } from "../../src/sim/scenario.js";
import { HOUR } from "./harness.js";

/**
 * The engine without a network: a recording gateway, an HSS directory in memory and an event sink
 * that keeps what it is given. What goes on the wire is decoded with Otter's own codec.
 */
function fakes(directory: SubscriberDirectory | null = null) {
  const records: AccountingRecord[] = [];
  const wire: string[] = [];
  const events: RegistrationEvent[] = [];
  let sent = 0;
  const radius = {
    async send(attributes: readonly OutgoingAttribute[]) {
      const packet = accountingRequest({
        identifier: sent++ % 256,
        secret: "s3cret-s3cret",
        attributes,
      });
      wire.push(packet.toString("hex"));
      const decoded = decodeAccounting(
        (decodePacket(packet) as { ok: true; value: Parameters<typeof decodeAccounting>[0] }).value,
      );
      if (!decoded.ok) throw new Error(decoded.detail);
      records.push(decoded.value);
      return true;
    },
    stats: () => ({
      sent,
      answered: sent,
      retransmitted: 0,
      unanswered: 0,
      inFlight: 0,
      strayResponses: 0,
    }),
  };
  const sink: EventSink = {
    async post(e) {
      events.push(e);
    },
    async flush() {},
    stats: () => ({ posted: events.length, stored: events.length, failed: 0 }),
  };
  return { records, wire, events, deps: { radius, directory, events: sink } };
}

const START = new Date("2026-03-01T06:00:00Z");
const at = (h: number) => START.getTime() + h * HOUR;

const giraffe = (extra = "", seed = "g") =>
  scenarioFromText([
    {
      file: "g.yaml",
      text: `
seed: ${seed}
duration: 12h
network: { apn: default.apn }
devices:
  - name: collar
    iccid: "8944001000000001016"
    imsi: "234150000000101"
    msisdn: "447700900101"
    imei: "356938030001011"
    itinerary:
      - { at: 0h, plmn: "63902", rat: NB-IoT, tac: 2923, eci: 1975297 }
    traffic: { every: 1h, up: 2KB, down: 512, jitter: 0.2, sessionLength: 2m }
${extra}`,
    },
  ]);

const plan = (over: Partial<PlanProfile> = {}): PlanProfile => ({
  id: "p",
  name: "Wildlife",
  apns: [{ name: "wildlife.otter.example" }],
  dataEnabled: true,
  rats: ["NB-IoT", "LTE-M"],
  zones: [{ name: "East Africa", countries: ["KE", "TZ"], plmns: [] }],
  ...over,
});
const subscriber = (state = "ACTIVATED"): Subscriber => ({
  iccid: "8944001000000001016",
  imsi: "234150000000101",
  state,
  communicationPlan: { id: "p", name: "Wildlife" },
});

describe("what the gateway sends", () => {
  it("sends Start and Stop with the 3GPP attributes Otter reads, timestamps in simulated time", async () => {
    const f = fakes({ lookup: async () => ({ subscriber: subscriber(), plan: plan() }) });
    const sim = new Simulation(giraffe(), f.deps, { start: START });
    await sim.begin();
    await sim.advanceTo(at(1.5));
    expect(f.records.map((r) => r.statusType.name)).toEqual([
      "accounting-on",
      "start",
      "stop",
      "start",
      "stop",
    ]);
    const stop = f.records[2]!;
    expect(stop).toMatchObject({
      imsi: "234150000000101",
      userName: "234150000000101",
      callingStationId: "447700900101",
      nasIp: "127.0.0.1",
      framedIp: "100.64.0.1",
      calledStationId: "wildlife.otter.example",
      imeisv: "3569380300010101",
      imei: "356938030001011",
      rat: "NB-IoT",
      ratType: { code: 8 },
      sgsnMccMnc: { mcc: "639", mnc: "02" },
      userLocation: { type: 130, tac: 2923, eci: 1975297, mcc: "639", mnc: "02" },
      eventTimestamp: new Date(at(0) + 120_000),
      sessionTime: 120,
      terminateCause: { code: 1 },
      warnings: [],
    });
    expect(stop.inputOctets).toBeGreaterThan(1500);
    expect(stop.sessionId).toBe(f.records[1]!.sessionId);
    expect(f.records[3]!.sessionId).not.toBe(stop.sessionId);
    expect(f.events).toEqual([
      expect.objectContaining({
        type: "location_update",
        result: "accepted",
        imsi: "234150000000101",
        visitedPlmn: "63902",
        rat: "NB-IoT",
        imei: "356938030001011",
        at: START.toISOString(),
      }),
    ]);
  });

  it("counts volumes beyond 4 GiB in gigawords", async () => {
    const s = scenarioFromText([
      {
        file: "big.yaml",
        text: `
duration: 3h
devices:
  - name: camera
    iccid: "8944001000000001016"
    imsi: "234150000000101"
    msisdn: "447700900101"
    imei: "356938030001011"
    itinerary: [{ plmn: "24007", rat: LTE }]
    traffic: { every: 1h, up: 3GB, down: 1KB, session: long, interim: 1h }
`,
      },
    ]);
    const f = fakes();
    const sim = new Simulation(s, f.deps, { start: START });
    await sim.advanceTo(at(2.5));
    const interims = f.records.filter((r) => r.statusType.name === "interim");
    // The session opens a second after attaching; reports at 0 h, 1 h and 2 h add 3 GiB each.
    expect(interims.map((r) => r.inputOctets)).toEqual([6 * 2 ** 30, 9 * 2 ** 30]);
    expect(interims[1]!.sessionTime).toBe(7200);
  });

  it("plays the same story for the same seed, and another for another seed", async () => {
    const run = async (seed: string) => {
      const f = fakes({ lookup: async () => ({ subscriber: subscriber(), plan: plan() }) });
      const sim = new Simulation(giraffe("", seed), f.deps, { start: START });
      await sim.begin();
      await sim.advanceTo(at(12));
      return f.wire;
    };
    const a = await run("one");
    expect(a.length).toBeGreaterThan(20);
    expect(await run("one")).toEqual(a);
    expect(await run("two")).not.toEqual(a);
  });
});

describe("pacing", () => {
  it("plays at its speed with a line per simulated hour, and never runs ahead of the real clock", async () => {
    const f = fakes();
    const ticks: string[] = [];
    const sim = new Simulation(
      giraffe(),
      { ...f.deps, onTick: (s) => ticks.push(s.simTime) },
      { start: START },
    );
    const began = performance.now();
    await sim.run((12 * 3600) / 0.3); // the 12-hour story in 0.3 s
    expect(performance.now() - began).toBeGreaterThan(250);
    expect(ticks).toHaveLength(12);
    expect(ticks[0]).toBe(new Date(at(1)).toISOString());
    expect(f.records.filter((r) => r.statusType.name === "stop")).toHaveLength(12);

    // A story that would pass the present waits for it: nothing is sent from the future.
    const live = fakes();
    const now = Date.now();
    const ahead = new Simulation(giraffe(), live.deps, { start: new Date(now - 2.5 * HOUR) });
    let caughtUp = 0;
    await ahead.run("max", {
      notAhead: true,
      onCaughtUp: () => {
        caughtUp = Date.now();
        ahead.stop();
      },
    });
    expect(caughtUp).toBeGreaterThan(0);
    expect(live.records.filter((r) => r.statusType.name === "start")).toHaveLength(3);
    expect(live.records.every((r) => r.eventTimestamp!.getTime() <= caughtUp)).toBe(true);
  });
});

describe("faults", () => {
  it("a hung session stays open with Interim-Updates whose counters never move, until a Disconnect-Request", async () => {
    const f = fakes({ lookup: async () => ({ subscriber: subscriber(), plan: plan() }) });
    const sim = new Simulation(giraffe("    faults: [{ at: 3h, kind: hung_session }]"), f.deps, {
      start: START,
    });
    await sim.advanceTo(at(6.5));
    const hung = f.records.filter((r) => r.eventTimestamp!.getTime() >= at(3));
    expect(hung.map((r) => [r.statusType.name, r.inputOctets ?? 0])).toEqual([
      ["start", 0],
      ["interim", 0],
      ["interim", 0],
      ["interim", 0],
    ]);
    const open = sim.openSessions()[0]!;
    expect(open.hung).toBe(true);

    expect(sim.disconnect({ sessionId: open.sessionId, framedIp: "100.64.0.9" })).toEqual({
      ack: false,
      errorCause: 503,
    });
    expect(sim.disconnect({ sessionId: open.sessionId, nasIp: "10.0.0.1" })).toEqual({
      ack: false,
      errorCause: 403,
    });
    expect(sim.disconnect({ userName: "234150000000101" })).toEqual({ ack: true });
    await sim.settle();
    expect(f.records.at(-1)).toMatchObject({
      statusType: { name: "stop" },
      terminateCause: { code: 6, name: "Admin-Reset" },
      eventTimestamp: new Date(at(6.5)),
    });
    await sim.advanceTo(at(8.5));
    const after = f.records.filter((r) => r.eventTimestamp!.getTime() > at(6.5));
    expect(after.map((r) => r.statusType.name)).toEqual(["start", "stop", "start", "stop"]);
    expect(after[1]!.inputOctets).toBeGreaterThan(1500);
  });

  it("power off stops the session and purges; the IMEI changes when the SIM moves to another device", async () => {
    const f = fakes();
    const sim = new Simulation(
      giraffe(`    faults:
      - { at: 2h30m, kind: power_off, for: 2h }
      - { at: 6h30m, kind: imei_change, imei: "356938030001029" }`),
      f.deps,
      { start: START },
    );
    await sim.advanceTo(at(8));
    expect(f.events.map((e) => [e.type, e.at.slice(11, 16), e.imei])).toEqual([
      ["location_update", "06:00", "356938030001011"],
      ["purge", "08:30", "356938030001011"],
      ["location_update", "10:30", "356938030001011"],
      ["location_update", "12:31", "356938030001029"],
    ]);
    const starts = f.records
      .filter((r) => r.statusType.name === "start")
      .map((r) => r.eventTimestamp!.toISOString().slice(11, 16));
    expect(starts).toEqual(["06:00", "07:00", "08:00", "11:00", "12:00", "13:00", "14:00"]);
    expect(f.records.filter((r) => r.statusType.name === "start").at(-1)!.imei).toBe(
      "356938030001029",
    );
  });
});

describe("the HSS's cancel-location endpoint", () => {
  it("acts only on requests signed by Otter, and only once per request id", async () => {
    const cancelled: string[] = [];
    const hss = await startHssServer({
      host: "127.0.0.1",
      port: 0,
      secret: "hss-secret-0123456789",
      cancelLocation: (imsi) => (cancelled.push(imsi), imsi !== "999999999999999"),
    });
    const post = (
      body: object,
      secret = "hss-secret-0123456789",
      t = Math.floor(Date.now() / 1000),
    ) => {
      const text = JSON.stringify(body);
      const v1 = createHmac("sha256", secret).update(`${t}.${text}`).digest("hex");
      return fetch(`${hss.url}/cancel-location`, {
        method: "POST",
        headers: { "content-type": "application/json", "otter-signature": `t=${t},v1=${v1}` },
        body: text,
      }).then((r) => r.status);
    };
    try {
      const req = {
        requestId: "r1",
        imsi: "234150000000101",
        cancellationType: "subscription_withdrawal",
      };
      expect(await post(req, "another-secret-0123456")).toBe(401);
      expect(await post(req, undefined, Math.floor(Date.now() / 1000) - 3600)).toBe(401);
      expect(cancelled).toEqual([]);
      expect(await post(req)).toBe(200);
      expect(await post(req)).toBe(200);
      expect(cancelled).toEqual(["234150000000101"]);
      expect(await post({ ...req, requestId: "r2", imsi: "999999999999999" })).toBe(404);
      expect(await post({ requestId: "r3" })).toBe(400);
      expect(hss.stats()).toEqual({ cancelRequests: 2, refused: 2 });
    } finally {
      await hss.close();
    }
  });
});

describe("the HSS", () => {
  it("decides as a provisioned HSS would, with S6a causes on LTE and MAP causes on 2G/3G", () => {
    const decide = (p: Partial<Parameters<typeof decideRegistration>[0]>) =>
      decideRegistration({
        subscriber: subscriber(),
        plan: plan(),
        visitedPlmn: "63902",
        rat: "NB-IoT",
        ...p,
      });
    expect(decide({})).toEqual({ accepted: true, apn: "wildlife.otter.example" });
    expect(decide({ subscriber: null })).toMatchObject({
      accepted: false,
      cause: 5001,
      causeType: "s6a",
    });
    expect(decide({ subscriber: subscriber("DEACTIVATED") })).toMatchObject({
      accepted: false,
      cause: 5001,
      reason: "SIM is DEACTIVATED",
    });
    expect(decide({ subscriber: subscriber("ACTIVATION_READY") })).toMatchObject({
      accepted: true,
    });
    expect(decide({ plan: null })).toMatchObject({ accepted: false, cause: 5420 });
    expect(decide({ visitedPlmn: "20801", rat: "LTE-M" })).toMatchObject({
      accepted: false,
      cause: 5004,
      reason: "FR is in no zone of plan Wildlife",
    });
    expect(
      decide({
        plan: plan({ zones: [{ name: "Safaricom only", countries: [], plmns: ["63902"] }] }),
      }),
    ).toMatchObject({ accepted: true });
    expect(decide({ rat: "LTE" })).toMatchObject({ accepted: false, cause: 5421 });
    expect(decide({ plan: plan({ dataEnabled: false }) })).toMatchObject({
      accepted: false,
      cause: 5420,
    });
    expect(decide({ rat: "2G", plan: plan({ rats: ["2G"] }), visitedPlmn: "20801" })).toMatchObject(
      { accepted: false, cause: 8, causeType: "map" },
    );
  });

  it("keeps retrying a rejected device, which attaches once Otter's plan allows the country", async () => {
    let zones = [{ name: "Nordics", countries: ["SE", "NO"], plmns: [] as string[] }];
    const f = fakes({ lookup: async () => ({ subscriber: subscriber(), plan: plan({ zones }) }) });
    const sim = new Simulation(giraffe(), f.deps, { start: START });
    await sim.advanceTo(at(2.5));
    expect(f.events.map((e) => e.cause)).toEqual([5004, 5004, 5004]);
    expect(f.records).toEqual([]);
    zones = [...zones, { name: "Africa", countries: ["KE"], plmns: [] }];
    await sim.advanceTo(at(3.5));
    expect(f.events.at(-1)).toMatchObject({
      result: "accepted",
      at: new Date(at(3)).toISOString(),
    });
    expect(f.records.map((r) => r.statusType.name)).toEqual(["start", "stop"]);
    expect(sim.stats().registrations).toMatchObject({
      accepted: 1,
      rejected: 3,
      causes: { "5004": 3 },
    });
  });

  it("cancel location (Otter's reset through the HSS) detaches the device, which attaches again with working data", async () => {
    const f = fakes({ lookup: async () => ({ subscriber: subscriber(), plan: plan() }) });
    const sim = new Simulation(giraffe("    faults: [{ at: 1h, kind: hung_session }]"), f.deps, {
      start: START,
    });
    await sim.advanceTo(at(2));
    expect(sim.cancelLocation("999999999999999")).toBe(false);
    expect(sim.cancelLocation("234150000000101")).toBe(true);
    await sim.settle();
    expect(f.records.at(-1)).toMatchObject({
      statusType: { name: "stop" },
      terminateCause: { code: 6 },
    });
    expect(f.events.at(-1)).toMatchObject({
      type: "cancel_location",
      at: new Date(at(2)).toISOString(),
    });
    await sim.advanceTo(at(3.5));
    expect(f.events.at(-1)).toMatchObject({
      type: "location_update",
      result: "accepted",
      at: new Date(at(2) + 60_000).toISOString(),
    });
    // A new attach is a new PDN connection: the hang is gone and the 3 h report goes through.
    expect(sim.openSessions()).toEqual([]);
    expect(f.records.at(-1)).toMatchObject({
      statusType: { name: "stop" },
      terminateCause: { code: 1 },
      eventTimestamp: new Date(at(3) + 120_000),
    });
    expect(f.records.at(-1)!.inputOctets).toBeGreaterThan(1500);
  });
});
