import { sql } from "kysely";
import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOtter, type Otter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { ManualClock } from "../../src/lib/clock.js";
import {
  type SmsDelivery,
  type SmsMessage,
  type SmscServer,
  startSmscServer,
} from "../../src/sim/smsc-server.js";
import { createTestDatabase } from "../support/engine.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import type { ApiResponse } from "../support/otter.js";

/**
 * Send-SMS over real SMPP (TCP) between Otter's SMPP client and the simulator's SMS centre, with
 * Otter's workers driven by hand and an Otter that restarts on the same database.
 */
const SYSTEM_ID = "otter";
const PASSWORD = "smsc-pw1";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let otter: Otter;
let url: string;
const clock = new ManualClock("2026-03-01T09:00:00Z");
const adminKey = `otk_test_${randomBytes(24).toString("hex")}`;
const secretKey = randomBytes(32).toString("hex");
let smsc: SmscServer | null = null;
let smscPort = 0;
const received: SmsMessage[] = [];
const devices = new Map<string, SmsDelivery>();
let holdReceipts = false;

async function boot() {
  const config = loadConfig({
    OTTER_HTTP_PORT: "0",
    OTTER_HOST: "127.0.0.1",
    OTTER_SECRET_KEY: secretKey,
    OTTER_BOOTSTRAP_API_KEY: adminKey,
    OTTER_LOG_LEVEL: "silent",
    OTTER_RATE_LIMIT_PER_MINUTE: "0",
    OTTER_RADIUS_PORT: "0",
    OTTER_RADIUS_HOST: "127.0.0.1",
    OTTER_SMTP_PORT: "0",
    OTTER_SMTP_HOST: "127.0.0.1",
    OTTER_OUTBOUND_ALLOW: "127.0.0.0/8", // the simulated SMS centre listens on loopback
  });
  otter = await buildOtter({
    config,
    logger: pino({ level: "silent" }),
    clock,
    database,
    startWorkers: false,
  });
  url = await otter.listen();
}

async function api<T = any>(
  method: string,
  path: string,
  opts: { key?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${opts.key ?? adminKey}`,
      ...(opts.body !== undefined && { "content-type": "application/json" }),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body:
      text && (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text,
    headers: res.headers,
  };
}
const t = {
  api: (m: string, p: string, o?: { key?: string; body?: unknown }) => api(m, p, o),
  clock,
} as never;

async function startSmsc() {
  smsc = await startSmscServer({
    host: "127.0.0.1",
    port: smscPort,
    systemId: SYSTEM_ID,
    password: PASSWORD,
    deliver: (sms) => {
      received.push(sms);
      return devices.get(sms.msisdn) ?? "unknown";
    },
    holdReceipts: () => holdReceipts,
  });
  smscPort = smsc.port;
}

/** Runs Otter's SMS worker and follow-up until the action reaches one of `states` (real SMPP round trips). */
async function until(actionId: string, states: string[], ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    await otter.services.sms.deliverDue();
    await otter.services.simActions.followUp();
    const a = (await api("GET", `/api/v1/actions/${actionId}`)).body;
    if (states.includes(a.status)) return a;
    if (Date.now() > deadline)
      throw new Error(`action stayed ${a.status}: ${JSON.stringify(a.sms)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const send = (iccid: string, body: Record<string, unknown>, key?: string) =>
  api("POST", `/api/v1/sims/${iccid}/actions`, {
    body: { type: "send-sms", reason: "customer reports the tracker silent", ...body },
    key,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  await boot();
  await startSmsc();
  const c = await api("POST", "/api/v1/network/sms-centres", {
    body: {
      name: "smsc-1",
      host: "127.0.0.1",
      port: smscPort,
      systemId: SYSTEM_ID,
      password: PASSWORD,
      sourceAddress: "+447700900000",
      imsiPrefixes: ["23415"],
    },
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
});
afterAll(async () => {
  await otter?.close();
  await smsc?.close();
  await database?.close();
});

describe("SMS centres", () => {
  it("are registered by the operator, never show their password, and are refused to customers", async () => {
    const list = await api("GET", "/api/v1/network/sms-centres");
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: "smsc-1",
        host: "127.0.0.1",
        port: smscPort,
        systemId: SYSTEM_ID,
        sourceAddress: "447700900000",
        imsiPrefixes: ["23415"],
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(PASSWORD);
    const dup = await api("POST", "/api/v1/network/sms-centres", {
      body: {
        name: "smsc-1",
        host: "h",
        port: 1,
        systemId: "x",
        password: "y",
        sourceAddress: "1",
      },
    });
    expect(dup.body.error.code).toBe("SMS_CENTRE_NAME_TAKEN");
    const long = await api("POST", "/api/v1/network/sms-centres", {
      body: {
        name: "smsc-2",
        host: "h",
        port: 1,
        systemId: "x",
        password: "123456789",
        sourceAddress: "1",
      },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0]).toMatchObject({ field: "password" });
    const c = await buildCustomer(t);
    expect(
      (
        await api("POST", "/api/v1/network/sms-centres", {
          key: c.adminKey,
          body: {
            name: "mine",
            host: "h",
            port: 1,
            systemId: "x",
            password: "y",
            sourceAddress: "1",
          },
        })
      ).status,
    ).toBe(403);
    expect((await api("GET", "/api/v1/network/sms-centres", { key: c.adminKey })).status).toBe(403);
    expect(
      (await api("DELETE", "/api/v1/network/sms-centres/0190f5a0-0000-7000-8000-000000000000")).body
        .error.code,
    ).toBe("SMS_CENTRE_NOT_FOUND");
  });
});

describe("send-sms over SMPP", () => {
  it("submits, gets the DELIVRD receipt, and reports the delivery on the action; a configuration SMS ends there", async () => {
    const c = await buildCustomer(t);
    const sim = await buildSim(t, { accountId: c.account.id, state: "ACTIVATED" });
    devices.set(sim.msisdn, "delivered");
    const res = await send(
      sim.iccid,
      { payloadHex: "d0a1b2c3", purpose: "configuration", reason: "push the new APN" },
      c.adminKey,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({
      type: "send-sms",
      status: "queued",
      sms: {
        status: "queued",
        encoding: "binary",
        segments: 1,
        smsCentre: "smsc-1",
        messageIds: [],
      },
    });
    const done = await until(res.body.id, ["delivered", "failed"]);
    expect(done.status).toBe("delivered");
    expect(done.sms).toMatchObject({
      status: "delivered",
      attempts: 1,
      error: null,
      receipts: [{ stat: "DELIVRD" }],
    });
    expect(done.sms.messageIds).toHaveLength(1);
    expect(Date.parse(done.sms.submittedAt)).toBeLessThanOrEqual(Date.parse(done.sms.deliveredAt));
    expect(done.outcome.summary).toMatch(/^SMS delivered to the device at /);
    expect(received.at(-1)).toMatchObject({
      msisdn: sim.msisdn,
      from: "447700900000",
      dataCoding: 4,
      text: null,
    });
    expect(received.at(-1)!.payload.toString("hex")).toBe("d0a1b2c3");
    const audit = await api("GET", `/api/v1/audit-log?entityType=sim&entityId=${sim.iccid}`, {
      key: c.adminKey,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: "sim_action.send-sms",
      data: { reason: "push the new APN", purpose: "configuration" },
    });
    // Webhooks and automation hear of it once: one action.completed, with the delivery.
    const completed = await otter.database.db
      .selectFrom("domain_events")
      .select("data")
      .where("type", "=", "action.completed")
      .where("subject_id", "=", res.body.id)
      .execute();
    expect(completed.map((e) => e.data)).toEqual([
      expect.objectContaining({
        actionId: res.body.id,
        type: "send-sms",
        status: "delivered",
        iccid: sim.iccid,
      }),
    ]);
  });

  it("sends a long text as concatenated UCS-2 segments that the device reassembles; a wake-up SMS is then watched", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    devices.set(sim.msisdn, "delivered");
    const text = "Привет, жираф! Пожалуйста, подключись снова. ".repeat(3);
    const res = await send(sim.iccid, { text, watchMinutes: 30 });
    expect(res.body.sms).toMatchObject({ encoding: "ucs2", segments: 3, purpose: "wake-up" });
    const done = await until(res.body.id, ["watching", "failed"]);
    expect(done.sms).toMatchObject({
      status: "delivered",
      receipts: [{ stat: "DELIVRD" }, { stat: "DELIVRD" }, { stat: "DELIVRD" }],
    });
    expect(done.sms.messageIds).toHaveLength(3);
    expect(received.at(-1)).toMatchObject({ msisdn: sim.msisdn, dataCoding: 8, text });
    expect(Date.parse(done.watchUntil) - Date.parse(done.sms.deliveredAt)).toBe(30 * 60_000);
    clock.advance(31 * 60_000);
    await otter.services.simActions.followUp();
    expect((await api("GET", `/api/v1/actions/${res.body.id}`)).body.status).toBe("still_silent");
  });

  it("reports UNDELIV clearly when the device is switched off", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    devices.set(sim.msisdn, "absent");
    const res = await send(sim.iccid, { text: "WAKE" });
    const done = await until(res.body.id, ["failed", "watching"]);
    expect(done.status).toBe("failed");
    expect(done.sms).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/UNDELIV \(err 027\): the device could not be reached/),
    });
    expect(done.outcome.summary).toMatch(/^SMS not delivered: The SMS centre reports UNDELIV/);
  });

  it("refuses what cannot work, with stable codes, and changes nothing", async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, number, string][] = [
      [{ state: "DEACTIVATED" }, { text: "x" }, 409, "ACTION_CANNOT_WORK"],
      [{ state: "ACTIVATED", noMsisdn: true }, { text: "x" }, 409, "SIM_HAS_NO_MSISDN"],
      [
        { state: "ACTIVATED", imsi: "310260000000001" },
        { text: "x" },
        409,
        "SMS_CENTRE_NOT_CONFIGURED",
      ],
      [{ state: "ACTIVATED" }, { text: "a".repeat(700) }, 400, "SMS_TOO_LONG"],
      [{ state: "ACTIVATED" }, { text: "x", payloadHex: "00" }, 400, "VALIDATION_FAILED"],
    ];
    for (const [{ noMsisdn, ...simInput }, body, status, code] of cases) {
      const sim = await buildSim(t, simInput);
      // The API asks every SIM for an MSISDN, but the schema allows data-only SIMs without one.
      if (noMsisdn)
        await otter.database.db
          .updateTable("sims")
          .set({ msisdn: null })
          .where("iccid", "=", sim.iccid)
          .execute();
      const res = await send(sim.iccid, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect((await api("GET", `/api/v1/sims/${sim.iccid}/actions`)).body.items).toEqual([]);
    }
    // A plan without SMS.
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    await api("PATCH", `/api/v1/communication-plans/${cat.comm.id}`, {
      body: { smsEnabled: false },
    });
    const sim = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const res = await send(sim.iccid, { text: "x" });
    expect(res.body.error.code).toBe("SMS_NOT_IN_PLAN");
    // Another tenant's SIM is not found; at most 5 SMS per SIM per hour.
    const other = await buildCustomer(t);
    expect((await send(sim.iccid, { text: "x" }, other.adminKey)).status).toBe(404);
    const busy = await buildSim(t, { state: "ACTIVATED" });
    for (let i = 0; i < 5; i++)
      expect((await send(busy.iccid, { text: `ping ${i}` })).status).toBe(202);
    expect((await send(busy.iccid, { text: "ping 6" })).body.error.code).toBe(
      "ACTION_RATE_LIMITED",
    );
    await until((await api("GET", `/api/v1/sims/${busy.iccid}/actions`)).body.items[0].id, [
      "failed",
      "watching",
    ]);
  });

  it("submits again an SMS whose node died mid-submit (at least once), and shows a refused bind", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    devices.set(sim.msisdn, "delivered");
    const res = await send(sim.iccid, { text: "WAKE", purpose: "configuration" });
    // What a node that died after claiming the SMS leaves behind: a claim, no message id.
    await otter.database.db
      .updateTable("sms_messages")
      .set({ status: "submitting", next_attempt_at: sql<Date>`now() + interval '2 minutes'` })
      .where("sim_action_id", "=", res.body.id)
      .execute();
    await otter.services.sms.deliverDue();
    expect((await api("GET", `/api/v1/actions/${res.body.id}`)).body.sms).toMatchObject({
      status: "submitting",
      attempts: 0,
    });
    // The claim lapses on the database server's clock, not on a node's (which may run ahead).
    clock.advance(2 * 60_000 + 1);
    await otter.services.sms.deliverDue();
    expect((await api("GET", `/api/v1/actions/${res.body.id}`)).body.sms).toMatchObject({
      status: "submitting",
      attempts: 0,
    });
    await otter.database.db
      .updateTable("sms_messages")
      .set({ next_attempt_at: sql<Date>`now() - interval '1 second'` })
      .where("sim_action_id", "=", res.body.id)
      .execute();
    const done = await until(res.body.id, ["delivered", "failed"]);
    expect(done.sms).toMatchObject({ status: "delivered", attempts: 1 });

    // A centre whose password the SMSC does not take: the SMS says why it waits.
    const bad = await api("POST", "/api/v1/network/sms-centres", {
      body: {
        name: "smsc-wrong-pw",
        host: "127.0.0.1",
        port: smscPort,
        systemId: SYSTEM_ID,
        password: "wrong",
        sourceAddress: "4400",
        imsiPrefixes: ["99901"],
      },
    });
    expect(bad.status).toBe(201);
    const stranger = await buildSim(t, { state: "ACTIVATED", imsi: "999010000000001" });
    const r = await send(stranger.iccid, { text: "WAKE" });
    expect(r.body.sms.smsCentre).toBe("smsc-wrong-pw");
    await otter.services.sms.deliverDue();
    expect((await api("GET", `/api/v1/actions/${r.body.id}`)).body.sms).toMatchObject({
      status: "queued",
      attempts: 1,
      error: `SMS centre 127.0.0.1:${smscPort} refused the bind as "otter": ESME_RINVPASWD (0x0000000e).`,
    });
    await api("DELETE", `/api/v1/network/sms-centres/${bad.body.id}`);
  });

  it("fails an SMS whose receipt never comes, a day after submission", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    devices.set(sim.msisdn, "delivered");
    holdReceipts = true;
    try {
      const res = await send(sim.iccid, { text: "WAKE" });
      const submitted = await until(res.body.id, ["submitted"]);
      expect(submitted.sms).toMatchObject({ status: "submitted", receipts: [], deliveredAt: null });
      clock.advance(23 * 3_600_000);
      expect((await until(res.body.id, ["submitted"])).sms.status).toBe("submitted");
      clock.advance(3_600_000 + 1000);
      const failed = await until(res.body.id, ["failed"]);
      expect(failed.outcome.summary).toBe(
        "SMS not delivered: No delivery receipt from the SMS centre within 24 hours of submission: Otter cannot tell whether the device got it.",
      );
    } finally {
      holdReceipts = false;
    }
  });

  it("retries while the SMS centre is down, keeps the SMS across an Otter restart, then fails visibly when it stays down", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    devices.set(sim.msisdn, "delivered");
    await smsc!.close();
    const res = await send(sim.iccid, { text: "WAKE UP" });
    await otter.services.sms.deliverDue();
    let a = (await api("GET", `/api/v1/actions/${res.body.id}`)).body;
    expect(a.sms).toMatchObject({
      status: "queued",
      attempts: 1,
      error: expect.stringMatching(/SMS centre 127\.0\.0\.1:\d+ is unreachable: ECONNREFUSED/),
    });
    clock.advance(30_000);
    await otter.services.sms.deliverDue();
    expect((await api("GET", `/api/v1/actions/${res.body.id}`)).body.sms).toMatchObject({
      status: "queued",
      attempts: 2,
    });

    // Otter stops and starts again on the same database; the SMS centre comes back.
    await otter.close();
    await boot();
    await startSmsc();
    clock.advance(2 * 60_000);
    a = await until(res.body.id, ["watching", "failed"]);
    expect(a.sms).toMatchObject({ status: "delivered", attempts: 3, error: null });
    expect(received.filter((r) => r.msisdn === sim.msisdn)).toHaveLength(1);

    // Down for good: 5 attempts over about 42 minutes, then failed with the reason.
    await smsc!.close();
    await otter.services.sms.close(); // drop the bound link, as the SMSC's outage would
    const next = await send(sim.iccid, { text: "WAKE UP AGAIN" });
    for (let i = 0; i < 6; i++) {
      await otter.services.sms.deliverDue();
      clock.advance(31 * 60_000);
    }
    await otter.services.simActions.followUp();
    const failed = (await api("GET", `/api/v1/actions/${next.body.id}`)).body;
    expect(failed.status).toBe("failed");
    expect(failed.sms).toMatchObject({
      status: "failed",
      attempts: 5,
      error: expect.stringMatching(/unreachable.*Gave up after 5 attempts/),
    });
    expect(failed.outcome.summary).toMatch(
      /^SMS not delivered: SMS centre 127\.0\.0\.1:\d+ is unreachable/,
    );
    await startSmsc();
  });
});
