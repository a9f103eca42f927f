import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startReceiver } from "./receiver.js";

/** Webhooks end to end: a real Otter, a real HTTP receiver, the worker driven by hand on a manual clock. */
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
});
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});
afterAll(async () => {
  await t?.close();
});

const SECRET = "whsec_0123456789abcdef";
const work = () => t.otter.services.webhooks.runOnce();

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

async function receiver() {
  const r = await startReceiver(SECRET);
  cleanup.push(r.close);
  return r;
}

async function subscribe(key: string | undefined, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/webhooks", { key, body: { secret: SECRET, ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // Deleted after the test, so its retries do not run in the next one.
  cleanup.push(() => t.api("DELETE", `/api/v1/webhooks/${res.body.id}`));
  return res.body as {
    id: string;
    url: string;
    events: string[];
    status: string;
    createdAt: string;
  };
}

const changeState = (iccid: string, state: string) =>
  t.api("PATCH", `/api/v1/sims/${iccid}`, { body: { state } });
const deliveries = async (id: string, key?: string) =>
  (await t.api("GET", `/api/v1/webhooks/${id}/deliveries`, { key })).body.items as any[];

describe("webhook delivery", () => {
  it("delivers a SIM state change once, signed, with the documented headers and body", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    const sub = await subscribe(c.adminKey, { url: r.url, events: ["sim.state_changed"] });
    expect(sub).toMatchObject({ url: r.url, events: ["sim.state_changed"], status: "active" });
    expect(JSON.stringify(sub)).not.toContain(SECRET);

    expect((await changeState(c.sim.iccid, "DEACTIVATED")).status).toBe(200);
    await work();
    await work();

    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    expect(got!.signatureValid).toBe(true);
    expect(got!.signedAt).toBe(Math.floor(t.clock.now().getTime() / 1000));
    expect(got!.headers["content-type"]).toBe("application/json");
    expect(got!.headers["otter-event-type"]).toBe("sim.state_changed");
    expect(got!.headers["otter-event-id"]).toBe(got!.json.id);
    expect(got!.json).toEqual({
      id: expect.any(String),
      type: "sim.state_changed",
      createdAt: t.clock.now().toISOString(),
      accountId: c.account.id,
      data: expect.objectContaining({ iccid: c.sim.iccid, from: "ACTIVATED", to: "DEACTIVATED" }),
    });

    const log = await deliveries(sub.id, c.userKey);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      eventId: got!.json.id,
      eventType: "sim.state_changed",
      status: "delivered",
      attemptCount: 1,
      lastStatusCode: 200,
    });
    expect(log[0].attempts).toEqual([expect.objectContaining({ statusCode: 200, error: null })]);
  });

  it("retries a receiver that answers 500 with growing delays, and delivers once it is back", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    r.answer(500);
    const sub = await subscribe(c.adminKey, { url: r.url, events: ["sim.state_changed"] });
    await changeState(c.sim.iccid, "DEACTIVATED");

    await work();
    expect(r.received).toHaveLength(1);
    await work(); // not due yet
    expect(r.received).toHaveLength(1);
    for (const [delay, count] of [
      [30_000, 2],
      [60_000, 3],
      [120_000, 4],
    ] as const) {
      t.clock.advance(delay - 1000);
      await work();
      expect(r.received, `before ${delay} ms`).toHaveLength(count - 1);
      t.clock.advance(1000);
      await work();
      expect(r.received, `after ${delay} ms`).toHaveLength(count);
    }
    let [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: "queued", lastStatusCode: 500, attemptCount: 4 });
    expect(d.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([
      500, 500, 500, 500,
    ]);
    const gaps = d.attempts
      .slice(1)
      .map((a: { at: string }, i: number) => Date.parse(a.at) - Date.parse(d.attempts[i].at));
    expect(gaps).toEqual([30_000, 60_000, 120_000]);
    expect(Date.parse(d.nextAttemptAt) - t.clock.now().getTime()).toBe(240_000);

    r.answer(204);
    t.clock.advance(240_000);
    await work();
    [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: "delivered", lastStatusCode: 204, attemptCount: 5 });
    expect(new Set(r.received.map((x) => x.json.id)).size).toBe(1);
    expect(r.received.every((x) => x.signatureValid)).toBe(true);
    const me = await t.api("GET", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey });
    expect(me.body).toMatchObject({ status: "active", consecutiveFailures: 0 });
  });

  it("logs a receiver that is not listening as an error without a status code", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    await r.close();
    const sub = await subscribe(c.adminKey, { url: r.url, events: ["sim.state_changed"] });
    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    const [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: "queued", lastStatusCode: null });
    expect(d.attempts[0]).toMatchObject({
      statusCode: null,
      error: expect.stringContaining("ECONNREFUSED"),
    });
  });
});

describe("replay", () => {
  it("replays one delivery, and every delivery of a time range", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    const sub = await subscribe(c.adminKey, { url: r.url, events: ["sim.state_changed"] });
    const from = t.clock.now().toISOString();
    await changeState(c.sim.iccid, "DEACTIVATED");
    t.clock.advance(60_000);
    await changeState(c.sim.iccid, "ACTIVATED");
    t.clock.advance(60_000);
    const to = t.clock.now().toISOString();
    await changeState(c.sim.iccid, "DEACTIVATED"); // outside the range
    await work();
    expect(r.received).toHaveLength(3);

    const [newest] = await deliveries(sub.id);
    const one = await t.api("POST", `/api/v1/webhooks/${sub.id}/deliveries/${newest.id}/replay`, {
      key: c.adminKey,
    });
    expect(one.status).toBe(202);
    expect(one.body).toMatchObject({ id: newest.id, status: "queued", attemptCount: 0 });
    await work();
    expect(r.received).toHaveLength(4);
    expect(r.received[3]!.json.id).toBe(newest.eventId);

    const range = await t.api("POST", `/api/v1/webhooks/${sub.id}/replay`, {
      key: c.adminKey,
      body: { from, to },
    });
    expect(range.status).toBe(202);
    expect(range.body).toEqual({ requeued: 2 });
    await work();
    expect(r.received).toHaveLength(6);
    expect(
      r.received
        .slice(4)
        .map((x) => x.json.data.to)
        .sort(),
    ).toEqual(["ACTIVATED", "DEACTIVATED"]);
    expect(r.received.slice(4).every((x) => x.json.id !== newest.eventId)).toBe(true);

    const log = await deliveries(sub.id);
    expect(log.map((d) => d.attempts.length)).toEqual([2, 2, 2]);

    const inverted = await t.api("POST", `/api/v1/webhooks/${sub.id}/replay`, {
      key: c.adminKey,
      body: { from: to, to: from },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.code).toBe("WEBHOOK_INVALID_RANGE");
    const unknown = await t.api("POST", `/api/v1/webhooks/${sub.id}/deliveries/${sub.id}/replay`, {
      key: c.adminKey,
    });
    expect(unknown.status).toBe(404);
    expect(
      (
        await t.api("POST", `/api/v1/webhooks/${sub.id}/deliveries/${newest.id}/replay`, {
          key: c.userKey,
        })
      ).status,
    ).toBe(403);
  });
});

describe("isolation (security)", () => {
  it("sends a customer only its own subtree's events; the operator's root subscription receives all", async () => {
    const a = await customerWithSim();
    const b = await customerWithSim();
    const ra = await receiver();
    const rb = await receiver();
    const rop = await receiver();
    const subA = await subscribe(a.adminKey, { url: ra.url, events: ["*"] });
    const subB = await subscribe(b.adminKey, { url: rb.url, events: ["*"] });
    await subscribe(undefined, { url: rop.url, events: ["sim.state_changed"] });

    // "*": a state change also publishes sim.updated; both are B's alone.
    const seen = (r: typeof ra) =>
      r.received.map((x) => `${x.json.type} ${x.json.accountId} ${String(x.json.data.iccid)}`);
    await changeState(b.sim.iccid, "DEACTIVATED");
    await work();
    expect(ra.received).toHaveLength(0);
    expect(seen(rb).sort()).toEqual([
      `sim.state_changed ${b.account.id} ${b.sim.iccid}`,
      `sim.updated ${b.account.id} ${b.sim.iccid}`,
    ]);
    expect(seen(rop)).toEqual([`sim.state_changed ${b.account.id} ${b.sim.iccid}`]);

    await changeState(a.sim.iccid, "DEACTIVATED");
    await work();
    expect(seen(ra).sort()).toEqual([
      `sim.state_changed ${a.account.id} ${a.sim.iccid}`,
      `sim.updated ${a.account.id} ${a.sim.iccid}`,
    ]);
    expect(rb.received).toHaveLength(2);
    expect(seen(rop)).toEqual([
      `sim.state_changed ${b.account.id} ${b.sim.iccid}`,
      `sim.state_changed ${a.account.id} ${a.sim.iccid}`,
    ]);

    // A cannot reach B's subscription, nor subscribe to B's account.
    expect((await t.api("GET", `/api/v1/webhooks/${subB.id}`, { key: a.adminKey })).status).toBe(
      404,
    );
    expect(
      (await t.api("GET", `/api/v1/webhooks/${subB.id}/deliveries`, { key: a.adminKey })).status,
    ).toBe(404);
    const intrude = await t.api("POST", "/api/v1/webhooks", {
      key: a.adminKey,
      body: { url: ra.url, events: ["*"], secret: SECRET, accountId: b.account.id },
    });
    expect(intrude.status).toBe(404);
    const listA = await t.api("GET", "/api/v1/webhooks", { key: a.userKey });
    expect(listA.body.items.map((s: { id: string }) => s.id)).toEqual([subA.id]);
    // A customer user reads but does not change.
    expect(
      (
        await t.api("POST", "/api/v1/webhooks", {
          key: a.userKey,
          body: { url: ra.url, events: ["*"], secret: SECRET },
        })
      ).status,
    ).toBe(403);
  });
});

describe("a subscription that keeps failing", () => {
  it("is paused after a day of failures and its owner is told by mail; resuming sends what waited", async () => {
    const c = await customerWithSim();
    await t.api("POST", `/api/v1/accounts/${c.account.id}/contacts`, {
      body: { name: "Integrations", email: "hooks@customer.example" },
    });
    const r = await receiver();
    r.answer(503);
    const sub = await subscribe(c.adminKey, { url: r.url, events: ["sim.state_changed"] });
    await changeState(c.sim.iccid, "DEACTIVATED");

    const start = t.clock.now().getTime();
    await work();
    while (t.clock.now().getTime() - start < 25 * 3600_000) {
      t.clock.advance(30 * 60_000);
      await work();
    }
    const after = (await t.api("GET", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey })).body;
    expect(after.status).toBe("paused");
    expect(after.pausedReason).toContain("HTTP 503");
    expect(after.consecutiveFailures).toBeGreaterThanOrEqual(20);
    const [d] = await deliveries(sub.id);
    expect(d.status).toBe("failed");
    expect(d.attempts.length).toBeGreaterThanOrEqual(20);
    expect(Date.parse(d.attempts.at(-1).at) - Date.parse(d.attempts[0].at)).toBeGreaterThanOrEqual(
      24 * 3600_000,
    );

    const outbox = (await t.api("GET", "/api/v1/outbox")).body.items as {
      purpose: string;
      to: string[];
      subject: string;
      accountId: string;
    }[];
    const notice = outbox.filter(
      (m) => m.purpose === "webhook_paused" && m.accountId === c.account.id,
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({
      to: ["hooks@customer.example"],
      subject: expect.stringContaining(r.url),
    });

    // While paused, new events wait; resuming sends them at once.
    const before = r.received.length;
    await changeState(c.sim.iccid, "ACTIVATED");
    await work();
    expect(r.received).toHaveLength(before);
    r.answer(200);
    const resumed = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { status: "active" },
    });
    expect(resumed.body).toMatchObject({
      status: "active",
      pausedReason: null,
      consecutiveFailures: 0,
    });
    await work();
    expect(r.received).toHaveLength(before + 1);
    expect(r.received.at(-1)!.json.data.to).toBe("ACTIVATED");
  });
});

describe("subscriptions", () => {
  it("refuses bad input with 400 naming the field", async () => {
    const c = await buildCustomer(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ url: "ftp://example.com/hook", events: ["*"], secret: SECRET }, "url"],
      [{ url: "not a url", events: ["*"], secret: SECRET }, "url"],
      [{ url: "https://example.com/hook", events: ["*"], secret: "short" }, "secret"],
      [{ url: "https://example.com/hook", events: ["sim.exploded"], secret: SECRET }, "events"],
      [{ url: "https://example.com/hook", events: [], secret: SECRET }, "events"],
    ];
    for (const [body, field] of cases) {
      const res = await t.api("POST", "/api/v1/webhooks", { key: c.adminKey, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.error.details.map((d: { field: string }) => d.field.split(".")[0]),
        JSON.stringify(res.body),
      ).toContain(field);
    }
  });

  it("lists, changes, rotates the secret of and deletes a subscription", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    const sub = await subscribe(c.adminKey, {
      url: "https://example.com/old",
      events: ["sim.plan_changed"],
      description: "ERP",
    });
    const newSecret = "rotated_secret_0123456789";
    const patched = await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { url: r.url, events: ["sim.state_changed", "sim.session_started"], secret: newSecret },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      url: r.url,
      events: ["sim.state_changed", "sim.session_started"],
      description: "ERP",
    });
    expect(JSON.stringify(patched.body)).not.toContain(newSecret);
    expect(
      (await t.api("PATCH", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey, body: {} })).status,
    ).toBe(400);

    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.signatureValid).toBe(false); // the receiver still holds the old secret…
    const { createHmac } = await import("node:crypto");
    const [, ts, v1] = /t=(\d+),v1=([0-9a-f]+)/.exec(
      r.received[0]!.headers["otter-signature"] as string,
    )!;
    expect(
      createHmac("sha256", newSecret).update(`${ts}.${r.received[0]!.body}`).digest("hex"),
    ).toBe(v1); // …Otter signs with the new one

    const list = await t.api("GET", `/api/v1/webhooks?accountId=${c.account.id}`);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([sub.id]);
    expect((await t.api("DELETE", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey })).status).toBe(
      204,
    );
    expect((await t.api("GET", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey })).status).toBe(
      404,
    );
  });
});
