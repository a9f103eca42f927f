import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * Webhooks in Control Center's push format, end to end: a real Otter, network signals through the
 * signals service, and a real HTTP receiver that does what a receiver written for Cisco IoT Control
 * Center does — reads the form, recomputes signature2 from the timestamp and its secret, parses
 * `data` (XML in CC's namespace, or JSON).
 */
const SECRET = "cc-push-shared-secret-0123";
const NS = "http://api.jasperwireless.com/ws/schema";
const MB = 1024 * 1024;

let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let clientId: string;
let n = 0;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-cc-push", address: "127.0.0.1", secret: "gw-secret-cc-push" },
    })
  ).body.id;
});
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});
afterAll(async () => {
  await t?.close();
});

interface Push {
  headers: IncomingHttpHeaders;
  eventId: string | null;
  eventType: string;
  timestamp: string;
  /** signature2 recomputed by the receiver matched. */
  signatureValid: boolean;
  raw: string;
  /** `data` parsed: the XML root's children (with `root` and `ns`), or the JSON object. */
  data: Record<string, unknown>;
}

/** A Control Center push receiver on 127.0.0.1: form body, signature2 over the timestamp, XML or JSON data. */
async function ccReceiver(secret = SECRET) {
  const received: Push[] = [];
  let status = 200;
  const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const timestamp = form.get("timestamp") ?? "";
      const expected = createHmac("sha256", secret).update(timestamp, "utf8").digest();
      const given = Buffer.from(form.get("signature2") ?? "", "base64");
      const raw = form.get("data") ?? "";
      let data: Record<string, unknown>;
      if (raw.startsWith("<")) {
        const [root, body] = Object.entries(xml.parse(raw))[0] as [string, Record<string, unknown>];
        const { "@_xmlns": ns, ...fields } = body;
        data = { root, ns, ...fields };
      } else data = raw ? JSON.parse(raw) : {};
      received.push({
        headers: req.headers,
        eventId: form.get("eventId"),
        eventType: form.get("eventType") ?? "",
        timestamp,
        signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
        raw,
        data,
      });
      res.writeHead(status, { "content-type": "text/plain" }).end("Received push notification");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const r = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`,
    received,
    answer(code: number) {
      status = code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  cleanup.push(r.close);
  return r;
}

const work = async () => {
  await t.otter.services.webhooks.runOnce();
  await t.otter.services.webhooks.runOnce();
};

async function customerWithSim() {
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  return { ...c, sim };
}

async function subscribe(key: string | undefined, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/webhooks", { key, body: { secret: SECRET, ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  cleanup.push(() => t.api("DELETE", `/api/v1/webhooks/${res.body.id}`));
  return res.body as { id: string; format: string; ccDataFormat: string | null; events: string[] };
}

const accounting = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">) =>
  t.otter.services.signals.recordAccounting([
    {
      clientId,
      dedupeKey: `cc-push-${n++}`,
      eventAt: t.clock.now(),
      nasIp: "127.0.0.1",
      record: {},
      ...r,
    },
  ]);

/** Control Center's REST date, `2016-06-29 00:21:33.339+0000`, written independently of Otter's code. */
const restDate = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "+0000");

const changeState = (iccid: string, state: string) =>
  t.api("PATCH", `/api/v1/sims/${iccid}`, { body: { state } });

describe("Control Center push format", () => {
  it("sends every mapped event as CC's form with a valid signature2 and XML data, and nothing else", async () => {
    const c = await customerWithSim();
    const r = await ccReceiver();
    const sub = await subscribe(c.adminKey, {
      url: r.url,
      events: ["*"],
      format: "controlcenter",
    });
    expect(sub).toMatchObject({ format: "controlcenter", ccDataFormat: "xml", events: ["*"] });

    const startedAt = t.clock.now();
    await accounting({
      status: "start",
      sessionId: "cc-1",
      imsi: c.sim.imsi,
      apn: "iot.example",
      framedIp: "10.20.0.7",
      imei: "490154203237518",
      serving: { mcc: "208", mnc: "01" },
    });
    t.clock.advance(60_000);
    // 6 MB of the plan's 10 MB: crosses 50 %.
    await accounting({
      status: "interim",
      sessionId: "cc-1",
      imsi: c.sim.imsi,
      bytesDown: 6 * MB,
      serving: { mcc: "208", mnc: "01" },
    });
    t.clock.advance(60_000);
    const stoppedAt = t.clock.now();
    await accounting({
      status: "stop",
      sessionId: "cc-1",
      imsi: c.sim.imsi,
      bytesDown: 6 * MB,
      sessionTime: 120,
      serving: { mcc: "208", mnc: "01" },
    });
    t.clock.advance(60_000);
    const swappedAt = t.clock.now();
    await accounting({
      status: "start",
      sessionId: "cc-2",
      imsi: c.sim.imsi,
      imei: "356938035643809",
      serving: { mcc: "208", mnc: "01" },
    });
    t.clock.advance(60_000);
    const changedAt = t.clock.now();
    expect((await changeState(c.sim.iccid, "DEACTIVATED")).status).toBe(200);
    await work();

    expect(r.received.every((p) => p.signatureValid)).toBe(true);
    expect(
      r.received.every((p) => p.headers["content-type"] === "application/x-www-form-urlencoded"),
    ).toBe(true);
    expect(r.received.every((p) => p.data.ns === NS)).toBe(true);
    // Zone entered, sim.updated: Control Center has no such push, so none is sent.
    const byType = (type: string) => r.received.filter((p) => p.eventType === type);
    expect(r.received.map((p) => p.eventType).sort()).toEqual([
      "CTD_USAGE",
      "SESSION_START",
      "SESSION_START",
      "SESSION_STOP",
      "SIM_IMEI_CHANGE",
      "SIM_STATE_CHANGE",
    ]);

    const [first, second] = byType("SESSION_START").sort((x, y) =>
      String(x.data.dateSessionStarted).localeCompare(String(y.data.dateSessionStarted)),
    );
    expect(first!.data).toEqual({
      root: "Session",
      ns: NS,
      iccid: c.sim.iccid,
      ipAddress: "10.20.0.7",
      apn: "iot.example",
      dateSessionStarted: startedAt.toISOString(),
    });
    expect(second!.data).toMatchObject({
      iccid: c.sim.iccid,
      dateSessionStarted: swappedAt.toISOString(),
    });
    expect(byType("SESSION_STOP")[0]!.data).toEqual({
      root: "Session",
      ns: NS,
      iccid: c.sim.iccid,
      ipAddress: "10.20.0.7",
      apn: "iot.example",
      dateSessionStarted: startedAt.toISOString(),
      dateSessionEnded: stoppedAt.toISOString(),
    });
    expect(byType("CTD_USAGE")[0]!.data).toEqual({
      root: "CtdUsage",
      ns: NS,
      iccid: c.sim.iccid,
      dataUsage: String(6 * MB),
    });
    expect(byType("SIM_IMEI_CHANGE")[0]!.data).toEqual({
      root: "SimImeiChange",
      ns: NS,
      iccid: c.sim.iccid,
      previousImei: "490154203237518",
      currentImei: "356938035643809",
      dateChanged: swappedAt.toISOString(),
    });
    expect(byType("SIM_STATE_CHANGE")[0]!.data).toEqual({
      root: "SimStateChange",
      ns: NS,
      iccid: c.sim.iccid,
      previousState: "ACTIVATED",
      currentState: "DEACTIVATED",
      dateChanged: changedAt.toISOString(),
    });
    // eventId is the Otter event's id, also in the delivery log.
    const log = (await t.api("GET", `/api/v1/webhooks/${sub.id}/deliveries`, { key: c.userKey }))
      .body.items as { eventId: string; eventType: string; status: string }[];
    expect(log.map((d) => d.eventId).sort()).toEqual(r.received.map((p) => p.eventId).sort());
    expect(log.every((d) => d.status === "delivered")).toBe(true);
    expect(new Set(log.map((d) => d.eventType))).toEqual(
      new Set([
        "sim.session_started",
        "sim.session_ended",
        "sim.usage_threshold",
        "sim.imei_changed",
        "sim.state_changed",
      ]),
    );
  });

  it("sends data as a JSON object with CC's date format when ccDataFormat is json", async () => {
    const c = await customerWithSim();
    const r = await ccReceiver();
    await subscribe(c.adminKey, {
      url: r.url,
      events: ["sim.state_changed", "sim.session_ended"],
      format: "controlcenter",
      ccDataFormat: "json",
    });
    const started = t.clock.now();
    await accounting({ status: "start", sessionId: "cc-j", imsi: c.sim.imsi, apn: "m2m" });
    t.clock.advance(30_000);
    await accounting({ status: "stop", sessionId: "cc-j", imsi: c.sim.imsi, sessionTime: 30 });
    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();

    expect(r.received.every((p) => p.signatureValid)).toBe(true);
    const stop = r.received.find((p) => p.eventType === "SESSION_STOP")!;
    expect(stop.data).toEqual({
      iccid: c.sim.iccid,
      ipAddress: null,
      apn: "m2m",
      dateSessionStarted: restDate(started),
      dateSessionEnded: restDate(t.clock.now()),
    });
    const state = r.received.find((p) => p.eventType === "SIM_STATE_CHANGE")!;
    expect(state.data).toEqual({
      iccid: c.sim.iccid,
      previousState: "ACTIVATED",
      currentState: "DEACTIVATED",
      dateChanged: restDate(t.clock.now()),
    });
    expect(r.received).toHaveLength(2);
  });

  it("retries and replays like any webhook, signing each attempt's own timestamp", async () => {
    const c = await customerWithSim();
    const r = await ccReceiver();
    r.answer(500);
    const sub = await subscribe(c.adminKey, {
      url: r.url,
      events: ["sim.state_changed"],
      format: "controlcenter",
    });
    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    expect(r.received).toHaveLength(1);
    r.answer(200);
    t.clock.advance(30_000);
    await work();
    expect(r.received).toHaveLength(2);
    const [a, b] = r.received;
    expect(a!.eventId).toBe(b!.eventId);
    expect(a!.raw).toBe(b!.raw);
    expect(b!.timestamp).not.toBe(a!.timestamp);
    expect(r.received.every((p) => p.signatureValid)).toBe(true);

    let [d] = (await t.api("GET", `/api/v1/webhooks/${sub.id}/deliveries`)).body.items;
    expect(d).toMatchObject({ status: "delivered", attemptCount: 2, lastStatusCode: 200 });
    expect(d.attempts.map((x: { statusCode: number }) => x.statusCode)).toEqual([500, 200]);

    const replay = await t.api("POST", `/api/v1/webhooks/${sub.id}/deliveries/${d.id}/replay`, {
      key: c.adminKey,
    });
    expect(replay.status, JSON.stringify(replay.body)).toBe(202);
    await work();
    expect(r.received).toHaveLength(3);
    expect(r.received[2]).toMatchObject({ eventId: a!.eventId, raw: a!.raw, signatureValid: true });
    [d] = (await t.api("GET", `/api/v1/webhooks/${sub.id}/deliveries`)).body.items;
    expect(d.status).toBe("delivered");
  });

  it("sends an IMEI change the HSS reports in registration events", async () => {
    const c = await customerWithSim();
    const r = await ccReceiver();
    await subscribe(c.adminKey, {
      url: r.url,
      events: ["sim.imei_changed"],
      format: "controlcenter",
      ccDataFormat: "json",
    });
    const register = (imei: string) =>
      t.api("POST", "/api/v1/network/events", {
        body: {
          id: `cc-reg-${n++}`,
          type: "location_update",
          imsi: c.sim.imsi,
          at: t.clock.now().toISOString(),
          result: "accepted",
          visitedPlmn: "20801",
          imei,
        },
      });
    expect((await register("490154203237518")).status).toBeLessThan(300);
    t.clock.advance(60_000);
    expect((await register("356938035643809")).status).toBeLessThan(300);
    await work();
    expect(r.received).toHaveLength(1);
    expect(r.received[0]).toMatchObject({
      eventType: "SIM_IMEI_CHANGE",
      signatureValid: true,
      data: {
        iccid: c.sim.iccid,
        previousImei: "490154203237518",
        currentImei: "356938035643809",
        dateChanged: restDate(t.clock.now()),
      },
    });
  });

  it("a receiver holding another secret sees signature2 fail", async () => {
    const c = await customerWithSim();
    const r = await ccReceiver("not-the-subscription-secret");
    await subscribe(c.adminKey, { url: r.url, events: ["*"], format: "controlcenter" });
    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.signatureValid).toBe(false);
  });
});

describe("Control Center format: subscriptions", () => {
  it("refuses what the format cannot send with 400 naming the field, and changes nothing", async () => {
    const c = await buildCustomer(t);
    const url = "https://example.com/push";
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { url, events: ["sim.state_changed", "sim.created"], format: "controlcenter" },
        "events",
        "WEBHOOK_EVENT_NOT_IN_CC_FORMAT",
      ],
      [
        { url, events: ["*"], ccDataFormat: "json" },
        "ccDataFormat",
        "WEBHOOK_CC_DATA_FORMAT_WITHOUT_CC",
      ],
      [
        { url, events: ["*"], format: "otter", ccDataFormat: "xml" },
        "ccDataFormat",
        "WEBHOOK_CC_DATA_FORMAT_WITHOUT_CC",
      ],
      [{ url, events: ["*"], format: "soap" }, "format", "VALIDATION_FAILED"],
      [
        { url, events: ["*"], format: "controlcenter", ccDataFormat: "csv" },
        "ccDataFormat",
        "VALIDATION_FAILED",
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.api("POST", "/api/v1/webhooks", {
        key: c.adminKey,
        body: { secret: SECRET, ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      if (code !== "VALIDATION_FAILED") expect(res.body.error.code).toBe(code);
    }
    const refused = await t.api("POST", "/api/v1/webhooks", {
      key: c.adminKey,
      body: { secret: SECRET, url, events: ["sim.zone_entered"], format: "controlcenter" },
    });
    expect(refused.body.error.message).toContain("sim.zone_entered");
    expect(refused.body.error.message).toContain("sim.session_started");
    expect((await t.api("GET", "/api/v1/webhooks", { key: c.adminKey })).body.items).toEqual([]);

    // An Otter-format subscription to sim.created cannot become a Control Center one as it is.
    const sub = await subscribe(c.adminKey, { url, events: ["sim.created"] });
    const patch = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { format: "controlcenter" },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error).toMatchObject({ code: "WEBHOOK_EVENT_NOT_IN_CC_FORMAT" });
    const jsonOnOtter = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { ccDataFormat: "json" },
    });
    expect(jsonOnOtter.body.error).toMatchObject({ code: "WEBHOOK_CC_DATA_FORMAT_WITHOUT_CC" });
    expect(
      (await t.api("GET", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey })).body,
    ).toMatchObject({
      format: "otter",
      ccDataFormat: null,
      events: ["sim.created"],
    });

    // With events it can send, it can; and back.
    const both = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { format: "controlcenter", events: ["sim.session_ended"], ccDataFormat: "json" },
    });
    expect(both.body).toMatchObject({ format: "controlcenter", ccDataFormat: "json" });
    const xml = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { ccDataFormat: "xml" },
    });
    expect(xml.body).toMatchObject({ format: "controlcenter", ccDataFormat: "xml" });
    const back = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { format: "otter" },
    });
    expect(back.body).toMatchObject({ format: "otter", ccDataFormat: null });
  });

  it("switching to the format ends the waiting deliveries it cannot send, and sends the others in CC's form", async () => {
    const c = await customerWithSim();
    const r = await ccReceiver();
    r.answer(503);
    const sub = await subscribe(c.adminKey, {
      url: r.url,
      events: ["sim.state_changed", "sim.updated"],
    });
    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    expect(r.received).toHaveLength(2);
    const patch = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { format: "controlcenter", events: ["sim.state_changed"] },
    });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    const log = (await t.api("GET", `/api/v1/webhooks/${sub.id}/deliveries`)).body.items as any[];
    const updated = log.find((d) => d.eventType === "sim.updated");
    expect(updated).toMatchObject({ status: "failed" });
    expect(updated.lastError).toContain("Control Center");
    const replay = await t.api(
      "POST",
      `/api/v1/webhooks/${sub.id}/deliveries/${updated.id}/replay`,
      { key: c.adminKey },
    );
    expect(replay.status).toBe(400);
    expect(replay.body.error.details[0].field).toBe("deliveryId");

    r.answer(200);
    t.clock.advance(30_000);
    await work();
    expect(r.received).toHaveLength(3);
    expect(r.received[2]).toMatchObject({ eventType: "SIM_STATE_CHANGE", signatureValid: true });
  });
});

describe("Control Center format: isolation (security)", () => {
  it("a customer's CC subscription gets only its own SIMs' events; another customer cannot see or change it", async () => {
    const a = await customerWithSim();
    const b = await customerWithSim();
    const ra = await ccReceiver();
    const subA = await subscribe(a.adminKey, {
      url: ra.url,
      events: ["*"],
      format: "controlcenter",
    });

    await changeState(b.sim.iccid, "DEACTIVATED");
    await accounting({ status: "start", sessionId: "cc-iso-b", imsi: b.sim.imsi });
    await work();
    expect(ra.received).toEqual([]);
    await changeState(a.sim.iccid, "DEACTIVATED");
    await work();
    expect(ra.received.map((p) => [p.eventType, p.data.iccid])).toEqual([
      ["SIM_STATE_CHANGE", a.sim.iccid],
    ]);

    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { format: "otter" }],
      ["PATCH", { ccDataFormat: "json" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await t.api(method, `/api/v1/webhooks/${subA.id}`, { key: b.adminKey, body });
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(404);
    }
    expect(
      (
        await t.api("PATCH", `/api/v1/webhooks/${subA.id}`, {
          key: a.userKey,
          body: { ccDataFormat: "json" },
        })
      ).status,
    ).toBe(403);
    const listB = await t.api("GET", "/api/v1/webhooks", { key: b.adminKey });
    expect(listB.body.items).toEqual([]);
    expect(
      (await t.api("GET", `/api/v1/webhooks/${subA.id}`, { key: a.userKey })).body,
    ).toMatchObject({
      format: "controlcenter",
      ccDataFormat: "xml",
    });
  });
});
