import { createHmac } from "node:crypto";
import dgram from "node:dgram";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import {
  decodePacket,
  disconnectResponse,
  verifyDisconnectRequest,
} from "../../src/network/radius/index.js";
import { buildCustomer, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** A gateway taking Disconnect-Requests and an HSS taking cancel-location requests, both real sockets. */
let t: TestOtter;
let gateway: dgram.Socket;
let hss: Server;
const SECRET = "gw-secret-123";
const HSS_SECRET = "hss-signing-secret-0123";
const disconnects: Buffer[] = [];
const cancels: { body: any; signatureOk: boolean }[] = [];
let clientId: string;
let n = 0;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  gateway = dgram.createSocket("udp4");
  gateway.on("message", (msg, rinfo) => {
    disconnects.push(msg);
    const p = decodePacket(msg);
    if (p.ok && verifyDisconnectRequest(msg, SECRET))
      gateway.send(disconnectResponse(p.value, SECRET, true), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => gateway.bind(0, "127.0.0.1", () => r()));
  hss = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      const sig = String(req.headers["otter-signature"] ?? "");
      const [, ts, v1] = sig.match(/^t=(\d+),v1=([0-9a-f]+)$/) ?? [];
      const expected = createHmac("sha256", HSS_SECRET).update(`${ts}.${body}`).digest("hex");
      cancels.push({
        body: JSON.parse(body),
        signatureOk: req.url === "/s6a/cancel-location" && v1 === expected,
      });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => hss.listen(0, "127.0.0.1", () => r()));
  const port = (hss.address() as { port: number }).port;
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: {
        name: "pgw-act",
        address: "127.0.0.1",
        secret: SECRET,
        coaPort: gateway.address().port,
      },
    })
  ).body.id;
  const e = await t.api("POST", "/api/v1/network/hss-endpoints", {
    body: { name: "hss-1", url: `http://127.0.0.1:${port}/s6a`, secret: HSS_SECRET },
  });
  expect(e.status).toBe(201);
});
afterAll(async () => {
  gateway?.close();
  hss?.close();
  await t?.close();
});

const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `A${n++}`,
  eventAt: t.clock.now(),
  nasIp: "127.0.0.1",
  record: {},
  ...r,
});
const act = (iccid: string, body: unknown, key?: string) =>
  t.api("POST", `/api/v1/sims/${iccid}/actions`, { body, key });

describe("reset connectivity, proved by the network", () => {
  it("tears the hung session down, withdraws the registration, and reports back online with the new signals", async () => {
    const c = await buildCustomer(t);
    const sim = await buildSim(t, { accountId: c.account.id, state: "ACTIVATED" });
    await t.otter.services.signals.recordAccounting([
      acct({ status: "start", sessionId: "hung-1", imsi: sim.imsi, framedIp: "10.1.1.1" }),
    ]);
    const res = await act(
      sim.iccid,
      { type: "reset-connectivity", reason: "collar silent since 07:00, customer called" },
      c.adminKey,
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      type: "reset-connectivity",
      status: "watching",
      params: { disconnectRequests: 1, cancelLocation: "queued" },
    });
    expect(await t.otter.services.networkActions.deliverDue()).toBe(2);
    expect(verifyDisconnectRequest(disconnects.at(-1)!, SECRET)).toBe(true);
    expect(cancels.at(-1)).toMatchObject({
      signatureOk: true,
      body: { imsi: sim.imsi, cancellationType: "subscription_withdrawal" },
    });
    const sent = await t.api("GET", `/api/v1/actions/${res.body.id}`, { key: c.userKey });
    expect(
      sent.body.network
        .map((a: { kind: string; status: string }) => `${a.kind}:${a.status}`)
        .sort(),
    ).toEqual(["cancel_location:acked", "disconnect:acked"]);
    expect(await t.otter.services.simActions.followUp()).toBe(0);

    t.clock.advance(5 * 60_000);
    await t.api("POST", "/api/v1/network/events", {
      body: {
        id: "re-attach",
        type: "location_update",
        result: "accepted",
        imsi: sim.imsi,
        visitedPlmn: "63902",
        at: t.clock.now().toISOString(),
      },
    });
    await t.otter.services.signals.recordAccounting([
      acct({ status: "start", sessionId: "fresh-1", imsi: sim.imsi, apn: "iot.otter" }),
    ]);
    t.clock.advance(60_000);
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "interim",
        sessionId: "fresh-1",
        imsi: sim.imsi,
        bytesUp: 300,
        sessionTime: 60,
      }),
    ]);
    expect(await t.otter.services.simActions.followUp()).toBe(1);
    const done = await t.api("GET", `/api/v1/actions/${res.body.id}`, { key: c.userKey });
    expect(done.body.status).toBe("back_online");
    expect(done.body.outcome.summary).toMatch(
      /^Back online at .*registered at .* in 63902, new data session at .* on iot\.otter, traffic at/,
    );
    const audit = await t.api("GET", `/api/v1/audit-log?entityType=sim&entityId=${sim.iccid}`, {
      key: c.adminKey,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: "sim_action.reset-connectivity",
      data: { reason: "collar silent since 07:00, customer called" },
    });
  });

  it("says 'still silent' with the next step when nothing comes back in the window", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    const res = await act(sim.iccid, {
      type: "reset-connectivity",
      reason: "no data since yesterday",
      watchMinutes: 20,
    });
    t.clock.advance(21 * 60_000);
    await t.otter.services.simActions.followUp();
    const done = await t.api("GET", `/api/v1/actions/${res.body.id}`);
    expect(done.body.status).toBe("still_silent");
    expect(done.body.outcome.summary).toMatch(/^Still silent after 21 minutes\. Next step: /);
  });

  it("turns 'still silent' into 'back online' when the device's traffic comes after the window, with the times the network reported", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    const res = await act(sim.iccid, {
      type: "reset-connectivity",
      reason: "tag reports every 2 h",
      watchMinutes: 30,
    });
    const watchUntil = res.body.watchUntil as string;
    t.clock.advance(31 * 60_000);
    await t.otter.services.simActions.followUp();
    expect((await t.api("GET", `/api/v1/actions/${res.body.id}`)).body.status).toBe("still_silent");

    // The report comes 90 minutes after the action; Otter looks at the signals' own times.
    t.clock.advance(59 * 60_000);
    await t.otter.services.signals.recordAccounting([
      acct({ status: "start", sessionId: "late-1", imsi: sim.imsi, apn: "iot.otter" }),
    ]);
    const trafficAt = new Date(t.clock.now().getTime() + 60_000).toISOString();
    t.clock.advance(60_000);
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "interim",
        sessionId: "late-1",
        imsi: sim.imsi,
        bytesUp: 300,
        sessionTime: 60,
      }),
    ]);
    expect(await t.otter.services.simActions.followUp()).toBe(1);
    const done = (await t.api("GET", `/api/v1/actions/${res.body.id}`)).body;
    expect(done.status).toBe("back_online");
    const prefix = `Back online at ${trafficAt} (after the watch ended at ${watchUntil}): `;
    expect(done.outcome.summary.slice(0, prefix.length)).toBe(prefix);
    expect(done.outcome.earlier).toMatch(/^Still silent after 31 minutes\./);
    // Proved once: nothing more to do.
    expect(await t.otter.services.simActions.followUp()).toBe(0);
    // Subscribers heard both verdicts, in order: still silent, then back online.
    const completed = await t.otter.database.db
      .selectFrom("domain_events")
      .select("data")
      .where("type", "=", "action.completed")
      .where("subject_id", "=", res.body.id)
      .orderBy("id")
      .execute();
    expect(completed.map((e) => (e.data as { status: string }).status)).toEqual([
      "still_silent",
      "back_online",
    ]);
  });

  it("refuses what cannot work, limits resets per SIM, and keeps tenants apart", async () => {
    const off = await buildSim(t, { state: "DEACTIVATED" });
    const r = await act(off.iccid, { type: "reset-connectivity", reason: "try anyway" });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("ACTION_CANNOT_WORK");
    const sim = await buildSim(t, { state: "ACTIVATED" });
    for (let i = 0; i < 3; i++)
      expect(
        (await act(sim.iccid, { type: "reset-connectivity", reason: `attempt ${i}` })).status,
      ).toBe(202);
    const limited = await act(sim.iccid, { type: "reset-connectivity", reason: "one more" });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("ACTION_RATE_LIMITED");
    const sms = await act(sim.iccid, { type: "send-sms", reason: "wake up", text: "PING" });
    expect(sms.body.error.code).toBe("SMS_CENTRE_NOT_CONFIGURED");
    const lift = await act(sim.iccid, {
      type: "override-limit",
      reason: "customer paid",
      override: "TEMPORARY_OVERRIDE",
    });
    expect(lift.status).toBe(202);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.overageLimitOverride).toBe(
      "TEMPORARY_OVERRIDE",
    );
    const other = await buildCustomer(t);
    expect(
      (await act(sim.iccid, { type: "reset-connectivity", reason: "not yours" }, other.adminKey))
        .status,
    ).toBe(404);
    expect(
      (await t.api("GET", `/api/v1/actions/${lift.body.id}`, { key: other.adminKey })).status,
    ).toBe(404);
    expect(
      (
        await t.api("POST", "/api/v1/network/hss-endpoints", {
          key: other.adminKey,
          body: { name: "x", url: "http://127.0.0.1:1/", secret: "0123456789abcdef" },
        })
      ).status,
    ).toBe(403);
  });
});

describe("barring tells the HSS", () => {
  it("sends a cancel-location to the HSS when a SIM reaches its data limit", async () => {
    const { buildCatalog, offer } = await import("../support/factories.js");
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    const sim = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    await t.otter.services.networkActions.deliverDue(); // what earlier tests left queued
    const before = cancels.length;
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "stop",
        sessionId: "over-1",
        imsi: sim.imsi,
        bytesUp: 60_000_000,
        sessionTime: 60,
        serving: { mcc: "208", mnc: "01" },
      }),
    ]);
    await t.otter.services.networkActions.deliverDue();
    expect(cancels.length).toBe(before + 1);
    expect(cancels.at(-1)).toMatchObject({ signatureOk: true, body: { imsi: sim.imsi } });
    const actions = await t.api("GET", `/api/v1/sims/${sim.iccid}/network-actions`);
    expect(actions.body.items[0]).toMatchObject({
      kind: "cancel_location",
      status: "acked",
      requestedBy: "system",
    });
  });
});
