import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import type { Iccid } from "../../src/lib/identifiers.js";
import { buildOtter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * Usage alerts that follow each customer's billing cycle (docs/automation.md, docs/billing.md): a
 * SIM's `usage_above` counts from the start of its customer's cycle, in the customer's time zone,
 * and pools report the share used and the projection to the cycle's end — on a manual clock, with
 * the network's accounting fed through the signals service and the workers driven by hand.
 */
const MB = 1024 * 1024;
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let clientId: string;
let n = 0;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-alerts", address: "127.0.0.1", secret: "gw-secret-alerts" },
    })
  ).body.id;
  const put = await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(() => t?.close());

const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `alert-${n++}`,
  eventAt: t.clock.now(),
  nasIp: "127.0.0.1",
  record: {},
  serving: { mcc: "208", mnc: "01" },
  ...r,
});

async function createRule(key: string | undefined, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/automation-rules", {
    key,
    body: { name: `rule ${n++}`, actions: [{ type: "webhook" }], ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const firings = async (ruleId: string) =>
  (await t.api("GET", `/api/v1/automation-rules/${ruleId}/firings`)).body.items as any[];

const eventsOf = (type: string, subject: string) =>
  t.otter.database.db
    .selectFrom("domain_events")
    .select(["data"])
    .where("type", "=", type)
    .where("subject_id", "=", subject)
    .orderBy("id")
    .execute()
    .then((rows) => rows.map((r) => r.data as Record<string, any>));

async function customerWithSim(timeZone: string, profile?: Record<string, unknown>) {
  const c = await buildCustomer(t, { timeZone, currency: "EUR" });
  await offer(t, cat, c.account.id);
  if (profile) {
    const put = await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { country: "IT", ...profile },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  return { ...c, sim };
}

describe("usage_above follows the customer's billing cycle", () => {
  it("an anniversary cycle starting at midnight in Rome: once per threshold and cycle, again in the next, not again after a restart", async () => {
    const c = await customerWithSim("Europe/Rome", { cycle: "anniversary", anchorDay: 15 });
    const rule = await createRule(c.adminKey, { trigger: { type: "usage_above", percent: 30 } });
    const interim = (bytesDown: number) =>
      t.otter.services.signals.recordAccounting([
        acct({ status: "interim", sessionId: "rome-1", imsi: c.sim.imsi, bytesDown }),
      ]);

    // 23:00 in Rome on 14 November: the last hour of the cycle that began on 15 October.
    t.clock.set("2026-11-14T22:00:00Z");
    await t.otter.services.signals.recordAccounting([
      acct({ status: "start", sessionId: "rome-1", imsi: c.sim.imsi }),
    ]);
    await interim(9 * MB);
    const first = await eventsOf("sim.usage_threshold", c.sim.iccid);
    expect(first.map((e) => e.thresholdPercent)).toEqual([30, 50, 80]);
    expect(first[0]).toMatchObject({
      cycleStart: "2026-10-15",
      cycleEnd: "2026-11-14",
      timeZone: "Europe/Rome",
      usedBytes: 9 * MB,
    });

    // 00:30 in Rome on 15 November — still 14 November in UTC, the same calendar month: a new cycle.
    t.clock.set("2026-11-14T23:30:00Z");
    await interim(9.5 * MB); // 0.5 MB in the new cycle: below every threshold
    expect(await eventsOf("sim.usage_threshold", c.sim.iccid)).toHaveLength(3);
    await interim(13 * MB); // 4 MB in the new cycle: 30 % of 10 MB
    const all = await eventsOf("sim.usage_threshold", c.sim.iccid);
    expect(all.map((e) => [e.thresholdPercent, e.cycleStart])).toEqual([
      [30, "2026-10-15"],
      [50, "2026-10-15"],
      [80, "2026-10-15"],
      [30, "2026-11-15"],
    ]);
    expect(all[3]).toMatchObject({ cycleEnd: "2026-12-14", usedBytes: 4 * MB });

    // Another Otter node (or this one restarted) on the same database counts on from what is stored.
    const again = await buildOtter({
      config: loadConfig({
        OTTER_HTTP_PORT: "0",
        OTTER_HOST: "127.0.0.1",
        OTTER_SECRET_KEY: "a".repeat(64),
        OTTER_LOG_LEVEL: "silent",
        OTTER_RADIUS_PORT: "0",
        OTTER_SMTP_PORT: "0",
      }),
      logger: pino({ level: "silent" }),
      clock: t.clock,
      database: t.otter.database,
      startWorkers: false,
    });
    try {
      t.clock.set("2026-11-20T10:00:00Z");
      await again.services.signals.recordAccounting([
        acct({ status: "interim", sessionId: "rome-1", imsi: c.sim.imsi, bytesDown: 13.5 * MB }),
      ]);
    } finally {
      await again.close();
    }
    expect(await eventsOf("sim.usage_threshold", c.sim.iccid)).toHaveLength(4);

    await t.otter.services.automation.runOnce();
    const fired = await firings(rule.id);
    expect(fired.map((f) => f.data.cycleStart).sort()).toEqual(["2026-10-15", "2026-11-15"]);
  });

  it("without a billing profile: the calendar month in the customer's own time zone", async () => {
    const c = await customerWithSim("America/New_York");
    // 22:00 on 30 November in New York is already 1 December in UTC: it counts in November.
    t.clock.set("2026-12-01T03:00:00Z");
    await t.otter.services.signals.recordAccounting([
      acct({ status: "start", sessionId: "ny-1", imsi: c.sim.imsi }),
      acct({ status: "interim", sessionId: "ny-1", imsi: c.sim.imsi, bytesDown: 6 * MB }),
    ]);
    const ev = await eventsOf("sim.usage_threshold", c.sim.iccid);
    expect(ev).toMatchObject([
      {
        thresholdPercent: 50,
        cycleStart: "2026-11-01",
        cycleEnd: "2026-11-30",
        timeZone: "America/New_York",
      },
    ]);
  });
});

describe("pool_usage_above", () => {
  async function poolCustomer() {
    t.clock.set("2026-10-01T08:00:00Z");
    const rate = await t.api("POST", "/api/v1/rate-plans", {
      body: {
        name: `Flex pool ${n++}`,
        currency: "EUR",
        effectiveFrom: "2026-01-01T00:00:00Z",
        subscription: { monthlyFeePerSim: 1.5 },
        included: { dataBytes: 10 * MB },
        pool: { type: "flex" },
        zones: [{ zone: cat.home.name, dataPerMB: 0.5 }],
      },
    });
    expect(rate.status, JSON.stringify(rate.body)).toBe(201);
    const plans = { comm: cat.comm, rate: rate.body as { id: string; name: string } };
    const c = await buildCustomer(t, { timeZone: "Europe/Rome", currency: "EUR" });
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const sims = [];
    for (let i = 0; i < 2; i++) {
      const sim = await buildSim(t, {
        accountId: c.account.id,
        communicationPlan: plans.comm.name,
        ratePlan: plans.rate.name,
      });
      const res = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
        body: { state: "ACTIVATED" },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      sims.push(sim);
    }
    return { ...c, plan: plans.rate, sims };
  }

  async function usage(iccid: string, accountId: string, day: string, bytes: number) {
    const db = t.otter.database.db;
    const sim = await db
      .selectFrom("sims")
      .select("id")
      .where("iccid", "=", iccid as Iccid)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("usage_daily")
      .values({
        sim_id: sim.id,
        day,
        zone_key: cat.home.id,
        zone_id: cat.home.id,
        account_id: accountId,
        bytes_up: 0,
        bytes_down: bytes,
        billed_bytes: bytes,
      })
      .execute();
  }

  const alerts = () => t.otter.services.billingAlerts.runOnce();

  it("reports the share of the pool used and the projected overage once per cycle, and again in the next", async () => {
    const c = await poolCustomer();
    const half = await createRule(c.adminKey, {
      trigger: { type: "pool_usage_above", percent: 50 },
      conditions: [{ type: "rate_plan", plan: c.plan.name }],
      actions: [{ type: "webhook" }, { type: "email" }],
    });
    const overage = await createRule(c.adminKey, {
      trigger: { type: "pool_usage_above", percent: 100, projected: true },
    });

    // 10 November in Rome, 12 MB of a 20 MB pool (two SIMs × 10 MB, all month): 60 % used,
    // 12 MB × 30 / 10 days = 36 MB projected, beyond the pool.
    await usage(c.sims[0]!.iccid, c.account.id, "2026-11-05", 12 * MB);
    t.clock.set("2026-11-10T12:00:00Z");
    expect(await alerts()).not.toBeNull();
    const ev = await eventsOf("pool.usage_threshold", c.plan.id);
    expect(ev.map((e) => [e.measure, e.thresholdPercent])).toEqual([
      ["used", 50],
      ["projected", 100],
    ]);
    expect(ev[0]).toMatchObject({
      accountId: c.account.id,
      ratePlan: { id: c.plan.id, name: c.plan.name },
      poolType: "flex",
      poolBytes: 20 * MB,
      usedBytes: 12 * MB,
      projectedBytes: 36 * MB,
      thresholdBytes: 10 * MB,
      cycleStart: "2026-11-01",
      cycleEnd: "2026-11-30",
      cycleDays: 30,
      elapsedDays: 10,
      timeZone: "Europe/Rome",
    });

    // Not due again for 15 minutes; then the same figures report nothing twice, 85 % reports 80.
    expect(await alerts()).toBeNull();
    t.clock.advance(16 * 60_000);
    expect(await alerts()).toMatchObject({ fired: 0 });
    await usage(c.sims[1]!.iccid, c.account.id, "2026-11-10", 5 * MB);
    t.clock.advance(16 * 60_000);
    expect(await alerts()).toMatchObject({ fired: 1 });
    expect(
      (await eventsOf("pool.usage_threshold", c.plan.id)).map((e) => [
        e.measure,
        e.thresholdPercent,
      ]),
    ).toEqual([
      ["used", 50],
      ["projected", 100],
      ["used", 80],
    ]);

    // December: a new cycle, a new pool; 11 MB on its first day is 55 % and fires again.
    await usage(c.sims[0]!.iccid, c.account.id, "2026-12-01", 11 * MB);
    t.clock.set("2026-12-01T20:00:00Z");
    await alerts();
    const dec = (await eventsOf("pool.usage_threshold", c.plan.id)).filter(
      (e) => e.cycleStart === "2026-12-01",
    );
    expect(dec.map((e) => [e.measure, e.thresholdPercent])).toEqual([
      ["used", 50],
      ["projected", 100],
    ]);

    await t.otter.services.automation.runOnce();
    await t.otter.services.automation.runOnce();
    const halfFired = await firings(half.id);
    expect(halfFired.map((f) => f.data.cycleStart).sort()).toEqual(["2026-11-01", "2026-12-01"]);
    expect(halfFired[0]).toMatchObject({ eventType: "pool.usage_threshold", iccid: null });
    expect(halfFired.every((f) => f.status === "done")).toBe(true);
    expect(await firings(overage.id)).toHaveLength(2);
  });

  it("one node runs a round: two at once, one of them does the work", async () => {
    t.clock.advance(60 * 60_000);
    const rounds = await Promise.all([alerts(), alerts()]);
    expect(rounds.filter((r) => r !== null)).toHaveLength(1);
  });

  it("webhook subscriptions may ask for pool.usage_threshold", async () => {
    const res = await t.api("POST", "/api/v1/webhooks", {
      body: {
        url: "http://127.0.0.1:9/hook",
        secret: "whsec_pool_alerts_0123456789",
        events: ["pool.usage_threshold"],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("bad thresholds and pool rules that would need a SIM: 400 with a stable code, nothing stored", async () => {
    const c = await buildCustomer(t);
    const before = (await t.api("GET", "/api/v1/automation-rules", { key: c.adminKey })).body.items
      .length;
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { trigger: { type: "usage_above", percent: 0 } },
        "trigger.percent",
        "INVALID_THRESHOLD_PERCENT",
      ],
      [
        { trigger: { type: "usage_above", percent: 12.5 } },
        "trigger.percent",
        "INVALID_THRESHOLD_PERCENT",
      ],
      [
        { trigger: { type: "pool_usage_above", percent: 1001 } },
        "trigger.percent",
        "INVALID_THRESHOLD_PERCENT",
      ],
      [
        {
          trigger: { type: "pool_usage_above", percent: 80 },
          conditions: [{ type: "sim_state", states: ["ACTIVATED"] }],
        },
        "conditions.0.type",
        "CONDITION_NOT_FOR_POOL_TRIGGER",
      ],
      [
        {
          trigger: { type: "pool_usage_above", percent: 80 },
          actions: [{ type: "change_state", state: "DEACTIVATED" }],
        },
        "actions.0.type",
        "ACTION_NEEDS_A_SIM",
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.api("POST", "/api/v1/automation-rules", {
        key: c.adminKey,
        body: { name: "x", actions: [{ type: "webhook" }], ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const details = res.body.error.details as { field: string; code: string }[];
      expect(details, JSON.stringify(res.body)).toContainEqual(
        expect.objectContaining({ field, code }),
      );
    }
    expect(
      (await t.api("GET", "/api/v1/automation-rules", { key: c.adminKey })).body.items,
    ).toHaveLength(before);

    // An update is checked as the rule will be: a SIM condition added to a pool rule is refused.
    const pool = await createRule(c.adminKey, {
      trigger: { type: "pool_usage_above", percent: 90 },
    });
    const patch = await t.api("PATCH", `/api/v1/automation-rules/${pool.id}`, {
      key: c.adminKey,
      body: { conditions: [{ type: "custom_field", field: "accountCustom1", value: "x" }] },
    });
    expect(patch.status, JSON.stringify(patch.body)).toBe(400);
    expect(patch.body.error).toMatchObject({ code: "CONDITION_NOT_FOR_POOL_TRIGGER" });
    expect(
      (await t.api("GET", `/api/v1/automation-rules/${pool.id}`, { key: c.adminKey })).body
        .conditions,
    ).toEqual([]);
  });
});
