import { randomBytes } from "node:crypto";
import pino from "pino";
import { v7 } from "uuid";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOtter, type Otter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { inTransaction } from "../../src/db/database.js";
import { ManualClock } from "../../src/lib/clock.js";
import { TEST_ENGINE } from "../support/engine.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startReceiver } from "../webhooks/receiver.js";

/**
 * Domain events reach every consumer (webhooks, automation) exactly once, however late their
 * transaction commits and whatever the clocks of the nodes that wrote them say. Before the event
 * queues, both consumers skipped for ever an event whose transaction committed more than 2 s after
 * it took its id, and every event written by a node whose clock ran behind.
 */
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
const SECRET = "whsec_events_0123456789";
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  t = await startOtter({ OTTER_OUTBOUND_ALLOW: "127.0.0.0/8" }, { startWorkers: false });
  cat = await buildCatalog(t);
});
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});
afterAll(async () => {
  await t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A customer with a SIM, a webhook subscription and an automation rule on its state changes. */
async function watchedSim() {
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  const receiver = await startReceiver(SECRET);
  cleanup.push(receiver.close);
  const sub = await t.api("POST", "/api/v1/webhooks", {
    key: c.adminKey,
    body: { url: receiver.url, events: ["sim.state_changed"], secret: SECRET },
  });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  cleanup.push(() => t.api("DELETE", `/api/v1/webhooks/${sub.body.id}`));
  const rule = await t.api("POST", "/api/v1/automation-rules", {
    key: c.adminKey,
    body: {
      name: "Any state change",
      trigger: { type: "sim_state_changed" },
      actions: [{ type: "webhook" }],
    },
  });
  expect(rule.status, JSON.stringify(rule.body)).toBe(201);
  cleanup.push(() => t.api("DELETE", `/api/v1/automation-rules/${rule.body.id}`));
  return { ...c, sim, receiver, ruleId: rule.body.id as string };
}

const firings = async (ruleId: string) =>
  (await t.api("GET", `/api/v1/automation-rules/${ruleId}/firings`)).body.items as {
    eventId: string;
  }[];

async function consumeOn(...nodes: Otter[]) {
  for (const n of nodes) {
    await n.services.webhooks.runOnce();
    await n.services.automation.runOnce();
  }
}

describe("event consumption", () => {
  it("delivers an event whose transaction commits 10 s after it was written, once, after what committed before it", async () => {
    const w = await watchedSim();
    const events = t.otter.services.events;
    const committed: string[] = [];

    // A transaction writes its event and holds it uncommitted for 10 s (a long import, a slow disk).
    const held = inTransaction(t.otter.database.db, async (tx) => {
      await events.emit(tx, [
        {
          accountId: w.account.id,
          type: "sim.state_changed",
          subjectId: w.sim.iccid,
          data: {
            iccid: w.sim.iccid,
            from: "ACTIVATED",
            to: "DEACTIVATED",
            reason: "held for 10 s",
          },
        },
      ]);
      await sleep(10_000);
    }).then(() => committed.push("held"));

    await sleep(200);
    // Another change commits meanwhile (on PGlite it waits for the held transaction: one connection).
    const quick = await t.api("PATCH", `/api/v1/sims/${w.sim.iccid}`, {
      body: { state: "DEACTIVATED", reason: "committed at once" },
    });
    expect(quick.status).toBe(200);
    committed.push("quick");
    // The consumers keep working while the held transaction is open (on PostgreSQL): nothing may pass it by.
    for (let i = 0; i < 5 && committed.length < 2; i++) {
      await consumeOn(t.otter);
      await sleep(1_500);
    }
    await held;
    await consumeOn(t.otter);
    await consumeOn(t.otter);

    const reasons = w.receiver.received.map((r) => r.json.data.reason);
    expect(reasons.sort()).toEqual(["committed at once", "held for 10 s"]);
    expect(new Set(w.receiver.received.map((r) => r.json.id)).size).toBe(2);
    const fired = await firings(w.ruleId);
    expect(fired).toHaveLength(2);
    expect(new Set(fired.map((f) => f.eventId)).size).toBe(2);
    if (TEST_ENGINE === "postgres") {
      // The held event took its id first, but committed last: it is delivered last.
      expect(committed).toEqual(["quick", "held"]);
      expect(w.receiver.received.map((r) => r.json.data.reason)).toEqual([
        "committed at once",
        "held for 10 s",
      ]);
      expect(w.receiver.received[1]!.json.id < w.receiver.received[0]!.json.id).toBe(true);
    }
    expect(await events.backlog("webhooks")).toBe(0);
    expect(await events.backlog("automation")).toBe(0);
  }, 90_000);

  it("takes every event of two nodes whose clocks are 5 minutes apart, once, whichever node consumes", async () => {
    const w = await watchedSim();
    // A second node on the same database, its clock (and so its event ids) 5 minutes behind.
    const skewMs = 5 * 60_000;
    const config = loadConfig({
      OTTER_HTTP_PORT: "0",
      OTTER_HOST: "127.0.0.1",
      OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
      OTTER_LOG_LEVEL: "silent",
      OTTER_RATE_LIMIT_PER_MINUTE: "0",
      OTTER_RADIUS_PORT: "0",
      OTTER_RADIUS_HOST: "127.0.0.1",
      OTTER_SMTP_PORT: "0",
      OTTER_SMTP_HOST: "127.0.0.1",
      OTTER_OUTBOUND_ALLOW: "127.0.0.0/8",
    });
    const behind = await buildOtter({
      config,
      logger: pino({ level: "silent" }),
      database: t.otter.database,
      startWorkers: false,
      clock: new ManualClock(new Date(t.clock.now().getTime() - skewMs).toISOString()),
      eventIds: () => v7({ msecs: Date.now() - skewMs }),
    });
    const behindUrl = await behind.listen();
    cleanup.push(() => behind.close());
    const change = (url: string, state: string, reason: string) =>
      fetch(`${url}/api/v1/sims/${w.sim.iccid}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${t.adminKey}`, "content-type": "application/json" },
        body: JSON.stringify({ state, reason }),
      }).then((r) => expect(r.status).toBe(200));

    await change(t.url, "DEACTIVATED", "ahead 1");
    await consumeOn(t.otter);
    await change(behindUrl, "ACTIVATED", "behind 1");
    await Promise.all([consumeOn(t.otter), consumeOn(behind)]);
    await change(t.url, "DEACTIVATED", "ahead 2");
    await change(behindUrl, "ACTIVATED", "behind 2");
    await Promise.all([consumeOn(behind), consumeOn(t.otter), consumeOn(behind)]);
    await consumeOn(t.otter, behind);

    const reasons = w.receiver.received.map((r) => r.json.data.reason as string);
    expect(reasons.sort()).toEqual(["ahead 1", "ahead 2", "behind 1", "behind 2"]);
    expect(new Set(w.receiver.received.map((r) => r.json.id)).size).toBe(4);
    const fired = await firings(w.ruleId);
    expect(fired).toHaveLength(4);
    expect(new Set(fired.map((f) => f.eventId)).size).toBe(4);
  }, 90_000);

  it("refuses to publish an event whose data does not match its type's schema, and the change with it", async () => {
    const w = await watchedSim();
    const before = await t.api("GET", `/api/v1/sims/${w.sim.iccid}`);
    await expect(
      inTransaction(t.otter.database.db, async (tx) => {
        await tx
          .updateTable("sims")
          .set({ notes: "changed with a malformed event" })
          .where("iccid", "=", w.sim.iccid)
          .execute();
        await t.otter.services.events.emit(tx, [
          {
            accountId: w.account.id,
            type: "sim.state_changed",
            subjectId: w.sim.iccid,
            data: { iccid: w.sim.iccid, from: "ACTIVATED" } as never,
          },
        ]);
      }),
    ).rejects.toThrow(/sim\.state_changed does not match its schema/);
    const after = await t.api("GET", `/api/v1/sims/${w.sim.iccid}`);
    expect(after.body.notes).toEqual(before.body.notes);
    await consumeOn(t.otter);
    expect(w.receiver.received).toHaveLength(0);
  });
});
