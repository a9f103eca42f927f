import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { CaseOpener } from "../../src/modules/automation/automation.service.js";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startReceiver } from "../webhooks/receiver.js";

/**
 * Automation rules end to end: a real Otter on a manual clock, network signals fed through the
 * signals service, the automation worker driven by hand (runOnce), a recorder in the CaseOpener seam
 * for the trigger tests (the last test uses the real desk), and a real webhook receiver.
 */
const HOUR = 3600_000;
const SECRET = "whsec_automation_0123456789";
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let clientId: string;
let n = 0;
const casesOpened: Parameters<CaseOpener["openCaseFromAutomation"]>[0][] = [];
const cases: CaseOpener = {
  async openCaseFromAutomation(input) {
    casesOpened.push(input);
    return { id: `case-${casesOpened.length}`, number: 1000 + casesOpened.length };
  },
};
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false, cases });
  cat = await buildCatalog(t);
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-auto", address: "127.0.0.1", secret: "gw-secret-auto" },
    })
  ).body.id;
});
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});
afterAll(async () => {
  await t?.close();
});

const work = () => t.otter.services.automation.runOnce();
const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `auto-${n++}`,
  eventAt: t.clock.now(),
  nasIp: "127.0.0.1",
  record: {},
  ...r,
});
const accounting = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">) =>
  t.otter.services.signals.recordAccounting([acct(r)]);
const registration = (imsi: string, body: Record<string, unknown>) =>
  t.api("POST", "/api/v1/network/events", {
    body: {
      id: `reg-${n++}`,
      type: "location_update",
      imsi,
      at: t.clock.now().toISOString(),
      ...body,
    },
  });

async function customerWithSim(state = "ACTIVATED") {
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state,
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  return { ...c, sim };
}

async function createRule(key: string | undefined, body: Record<string, unknown>) {
  const res = await t.api("POST", "/api/v1/automation-rules", {
    key,
    body: { name: `rule ${n++}`, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    id: string;
    accountId: string;
    enabled: boolean;
    trigger: Record<string, unknown>;
    actions: Record<string, unknown>[];
  };
}

const firings = async (ruleId: string, key?: string) =>
  (await t.api("GET", `/api/v1/automation-rules/${ruleId}/firings`, { key })).body.items as any[];

/** Domain events of one type about one SIM, straight from the outbox (what webhooks and rules read). */
const eventsOf = (type: string, iccid: string) =>
  t.otter.database.db
    .selectFrom("domain_events")
    .select(["id", "data", "account_id"])
    .where("type", "=", type)
    .where("subject_id", "=", iccid)
    .orderBy("id")
    .execute()
    .then((rows) => rows.map((r) => r.data as Record<string, any>));

async function outboxFor(accountId: string) {
  const res = await t.api("GET", "/api/v1/outbox?limit=200");
  return (
    res.body.items as {
      accountId: string;
      subject: string;
      to: string[];
      purpose: string;
      id: string;
    }[]
  ).filter((m) => m.accountId === accountId && m.purpose === "automation_rule");
}

describe("event-driven triggers fire exactly once and their actions take effect", () => {
  it("sim_state_changed → e-mail to the account's contacts and a signed webhook", async () => {
    const c = await customerWithSim();
    await t.api("POST", `/api/v1/accounts/${c.account.id}/contacts`, {
      body: { name: "Night shift", email: "night@customer.example" },
    });
    const r = await startReceiver(SECRET);
    cleanup.push(r.close);
    const sub = (
      await t.api("POST", "/api/v1/webhooks", {
        key: c.adminKey,
        body: { url: r.url, events: ["automation.rule_fired"], secret: SECRET },
      })
    ).body;
    cleanup.push(() => t.api("DELETE", `/api/v1/webhooks/${sub.id}`));
    const rule = await createRule(c.adminKey, {
      trigger: { type: "sim_state_changed", to: ["DEACTIVATED"] },
      actions: [{ type: "email", note: "Check the herd." }, { type: "webhook" }],
    });

    expect(
      (await t.api("PATCH", `/api/v1/sims/${c.sim.iccid}`, { body: { state: "DEACTIVATED" } }))
        .status,
    ).toBe(200);
    expect((await work()).fired).toBe(1);
    await work();
    await t.otter.services.webhooks.runOnce();

    const log = await firings(rule.id, c.userKey);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      eventType: "sim.state_changed",
      iccid: c.sim.iccid,
      status: "done",
      results: [
        { type: "email", ok: true, to: ["night@customer.example"] },
        { type: "webhook", ok: true },
      ],
    });
    const mails = await outboxFor(c.account.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: ["night@customer.example"],
      subject: expect.stringContaining(
        `SIM ${c.sim.iccid} changed state from ACTIVATED to DEACTIVATED`,
      ),
    });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.signatureValid).toBe(true);
    expect(r.received[0]!.json).toMatchObject({
      type: "automation.rule_fired",
      accountId: c.account.id,
      data: {
        ruleId: rule.id,
        iccid: c.sim.iccid,
        event: { type: "sim.state_changed", data: { from: "ACTIVATED", to: "DEACTIVATED" } },
      },
    });

    // A change to another state does not match the rule's `to`.
    await t.api("PATCH", `/api/v1/sims/${c.sim.iccid}`, { body: { state: "ACTIVATED" } });
    await work();
    expect(await firings(rule.id)).toHaveLength(1);
  });

  it("imei_changed → change_state, audited with the rule as the actor; the rule's own change fires no state rule", async () => {
    const c = await customerWithSim();
    const rule = await createRule(c.adminKey, {
      trigger: { type: "imei_changed" },
      actions: [{ type: "change_state", state: "DEACTIVATED" }],
    });
    const bounce = await createRule(c.adminKey, {
      trigger: { type: "sim_state_changed" },
      actions: [{ type: "change_state", state: "ACTIVATED" }],
    });
    await accounting({
      status: "start",
      sessionId: "imei-1",
      imsi: c.sim.imsi,
      imei: "490154203237518",
    });
    await accounting({
      status: "stop",
      sessionId: "imei-1",
      imsi: c.sim.imsi,
      imei: "490154203237518",
    });
    await work();
    expect(await firings(rule.id)).toHaveLength(0);
    t.clock.advance(60_000);
    await accounting({
      status: "start",
      sessionId: "imei-2",
      imsi: c.sim.imsi,
      imei: "356938035643809",
    });
    await work();
    await work();

    expect((await t.api("GET", `/api/v1/sims/${c.sim.iccid}`, { key: c.userKey })).body.state).toBe(
      "DEACTIVATED",
    );
    expect(await firings(rule.id)).toMatchObject([
      {
        eventType: "sim.imei_changed",
        status: "done",
        results: [{ type: "change_state", ok: true, changed: ["state"] }],
      },
    ]);
    expect(await firings(bounce.id)).toEqual([]);
    const audit = (await t.api("GET", `/api/v1/sims/${c.sim.iccid}/audit`, { key: c.adminKey }))
      .body.items as any[];
    const last = audit.at(-1);
    expect(last).toMatchObject({ field: "state", priorValue: "ACTIVATED", value: "DEACTIVATED" });
    expect(last.actor).toEqual({
      userId: null,
      name: expect.stringMatching(new RegExp(`^automation rule ".+" \\(${rule.id}\\)$`)),
    });
  });

  it("registration_rejected (by cause) → open_case through the case desk port, once", async () => {
    const c = await customerWithSim();
    const rule = await createRule(c.adminKey, {
      trigger: { type: "registration_rejected", causes: [5001] },
      actions: [{ type: "open_case", priority: "high", category: "technical" }],
    });
    await registration(c.sim.imsi, {
      result: "rejected",
      cause: 5004,
      causeType: "s6a",
      visitedPlmn: "20801",
    });
    await work();
    expect(await firings(rule.id)).toEqual([]);
    await registration(c.sim.imsi, {
      result: "rejected",
      cause: 5001,
      causeType: "s6a",
      visitedPlmn: "20801",
    });
    await work();
    await work();
    const log = await firings(rule.id);
    expect(log).toMatchObject([
      {
        eventType: "sim.registration_rejected",
        status: "done",
        results: [{ type: "open_case", ok: true, caseNumber: expect.any(Number) }],
      },
    ]);
    const opened = casesOpened.filter((x) => x.source.ruleId === rule.id);
    expect(opened).toEqual([
      expect.objectContaining({
        accountId: c.account.id,
        priority: "high",
        category: "technical",
        simIccids: [c.sim.iccid],
        source: { ruleId: rule.id, eventId: log[0].eventId },
      }),
    ]);
  });

  it("zone_entered outside the plan → change_plan to a plan that covers it; a zone in the plan does not fire", async () => {
    const c = await customerWithSim();
    const world = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `World ${n++}`,
        apns: [{ name: "iot.otter.example" }],
        rats: ["LTE-M", "NB-IoT", "LTE"],
        zones: [cat.home.name, cat.africa.name],
      },
    });
    expect(world.status).toBe(201);
    await t.api("POST", `/api/v1/communication-plans/${world.body.id}/offers`, {
      body: { accountId: c.account.id },
    });
    const rule = await createRule(c.adminKey, {
      trigger: { type: "zone_entered" },
      actions: [{ type: "change_plan", communicationPlan: world.body.name }],
    });

    await registration(c.sim.imsi, { result: "accepted", visitedPlmn: "20801" });
    await work();
    expect(await firings(rule.id)).toEqual([]);
    const fr = await eventsOf("sim.zone_entered", c.sim.iccid);
    expect(fr).toMatchObject([
      {
        iccid: c.sim.iccid,
        country: "FR",
        plmn: "20801",
        inPlan: true,
        zone: { id: cat.home.id },
        previousZone: null,
      },
    ]);

    t.clock.advance(HOUR);
    await registration(c.sim.imsi, { result: "accepted", visitedPlmn: "63902" });
    await registration(c.sim.imsi, { result: "accepted", visitedPlmn: "63902" });
    await work();
    await work();
    const ke = await eventsOf("sim.zone_entered", c.sim.iccid);
    expect(ke).toHaveLength(2);
    expect(ke[1]).toMatchObject({
      country: "KE",
      inPlan: false,
      zone: { id: cat.africa.id },
      previousZone: { id: cat.home.id },
      previousCountry: "FR",
    });
    expect(await firings(rule.id)).toMatchObject([
      {
        status: "done",
        results: [{ type: "change_plan", ok: true, changed: ["communicationPlan"] }],
      },
    ]);
    expect(
      (await t.api("GET", `/api/v1/sims/${c.sim.iccid}`, { key: c.userKey })).body
        .communicationPlan,
    ).toMatchObject({ id: world.body.id });
  });

  it("usage_above → fires at the rule's own percentage and at a standard one, once per cycle", async () => {
    const c = await customerWithSim();
    const at30 = await createRule(c.adminKey, {
      trigger: { type: "usage_above", percent: 30 },
      actions: [{ type: "webhook" }],
    });
    const at80 = await createRule(c.adminKey, {
      trigger: { type: "usage_above", percent: 80 },
      actions: [{ type: "webhook" }],
    });
    const MB = 1024 * 1024;
    await accounting({
      status: "start",
      sessionId: "use-1",
      imsi: c.sim.imsi,
      serving: { mcc: "208", mnc: "01" },
    });
    await accounting({
      status: "interim",
      sessionId: "use-1",
      imsi: c.sim.imsi,
      bytesDown: 2 * MB,
      serving: { mcc: "208", mnc: "01" },
    });
    await work();
    expect(await firings(at30.id)).toEqual([]);
    await accounting({
      status: "interim",
      sessionId: "use-1",
      imsi: c.sim.imsi,
      bytesDown: 4 * MB,
      serving: { mcc: "208", mnc: "01" },
    });
    await accounting({
      status: "interim",
      sessionId: "use-1",
      imsi: c.sim.imsi,
      bytesDown: 9 * MB,
      serving: { mcc: "208", mnc: "01" },
    });
    await accounting({
      status: "interim",
      sessionId: "use-1",
      imsi: c.sim.imsi,
      bytesDown: 9.5 * MB,
      serving: { mcc: "208", mnc: "01" },
    });
    await work();
    await work();
    const ev = await eventsOf("sim.usage_threshold", c.sim.iccid);
    expect(ev.map((e) => e.thresholdPercent)).toEqual([30, 50, 80]);
    expect(ev[2]).toMatchObject({
      iccid: c.sim.iccid,
      includedBytes: 10 * MB,
      usedBytes: 9 * MB,
      basis: "included",
      thresholdBytes: 8 * MB,
    });
    expect(await firings(at30.id)).toHaveLength(1);
    expect(await firings(at80.id)).toMatchObject([
      { eventType: "sim.usage_threshold", data: { thresholdPercent: 80 } },
    ]);
  });
});

describe("clock-driven no_session and the silence detector", () => {
  it("no_session with fixed hours fires after N hours, not before, and once per silence episode", async () => {
    const c = await customerWithSim();
    const rule = await createRule(c.adminKey, {
      trigger: { type: "no_session", hours: 6 },
      actions: [{ type: "email" }],
    });
    await accounting({ status: "start", sessionId: "q-1", imsi: c.sim.imsi });
    await accounting({ status: "stop", sessionId: "q-1", imsi: c.sim.imsi, bytesUp: 100 });
    t.clock.advance(5 * HOUR);
    await work();
    expect(await firings(rule.id)).toEqual([]);
    t.clock.advance(1.5 * HOUR);
    await work();
    t.clock.advance(3 * HOUR);
    await work();
    const log = await firings(rule.id);
    expect(log).toMatchObject([
      {
        eventType: "sim.no_session",
        eventId: null,
        iccid: c.sim.iccid,
        status: "done",
        data: { silentForSeconds: 6.5 * 3600 },
      },
    ]);
    expect(await outboxFor(c.account.id)).toHaveLength(1);

    // The device speaks again: a new episode, which fires again after another 6 hours.
    await accounting({ status: "start", sessionId: "q-2", imsi: c.sim.imsi });
    t.clock.advance(6 * HOUR + 60_000);
    await work();
    expect(await firings(rule.id)).toHaveLength(2);
  });

  it("no_session relative to the device's rhythm, and sim.silent / sim.back_online once per episode", async () => {
    const c = await customerWithSim();
    const rule = await createRule(c.adminKey, {
      trigger: { type: "no_session", rhythmMultiple: 2 },
      actions: [{ type: "webhook" }],
    });
    for (let i = 0; i < 5; i++) {
      await accounting({ status: "start", sessionId: `hourly-${i}`, imsi: c.sim.imsi });
      await accounting({
        status: "stop",
        sessionId: `hourly-${i}`,
        imsi: c.sim.imsi,
        bytesUp: 500,
      });
      t.clock.advance(HOUR);
    }
    // Last activity an hour ago; the collar reports hourly: 2 gaps → fires after 2 h.
    t.clock.advance(0.5 * HOUR);
    await t.otter.services.silence.runOnce();
    await work();
    expect(await firings(rule.id)).toEqual([]);
    t.clock.advance(HOUR);
    await work();
    expect(await firings(rule.id)).toHaveLength(1);
    expect(await eventsOf("sim.silent", c.sim.iccid)).toEqual([]);

    // The silence detector uses the diagnosis' yardstick: 3 usual gaps, at least 2 h.
    t.clock.advance(HOUR);
    expect(await t.otter.services.silence.runOnce()).toBeGreaterThanOrEqual(1);
    t.clock.advance(5 * HOUR);
    await t.otter.services.silence.runOnce();
    await work();
    const silent = await eventsOf("sim.silent", c.sim.iccid);
    expect(silent).toMatchObject([
      { iccid: c.sim.iccid, usualGapSeconds: 3600, limitSeconds: 3 * 3600 },
    ]);
    expect(await firings(rule.id)).toHaveLength(1);

    await accounting({ status: "start", sessionId: "hourly-back", imsi: c.sim.imsi });
    await accounting({
      status: "interim",
      sessionId: "hourly-back",
      imsi: c.sim.imsi,
      bytesUp: 10,
    });
    const back = await eventsOf("sim.back_online", c.sim.iccid);
    expect(back).toMatchObject([
      { iccid: c.sim.iccid, at: t.clock.now().toISOString(), silentSince: silent[0]!.at },
    ]);
    await t.otter.services.silence.runOnce();
    expect(await eventsOf("sim.silent", c.sim.iccid)).toHaveLength(1);
  });

  it("a deactivated SIM is never called silent", async () => {
    const c = await customerWithSim();
    await accounting({ status: "start", sessionId: "d-1", imsi: c.sim.imsi });
    await t.api("PATCH", `/api/v1/sims/${c.sim.iccid}`, { body: { state: "DEACTIVATED" } });
    t.clock.advance(48 * HOUR);
    await t.otter.services.silence.runOnce();
    expect(await eventsOf("sim.silent", c.sim.iccid)).toEqual([]);
  });
});

describe("action.completed", () => {
  it("is published when a remote action reaches its outcome, with the result", async () => {
    const c = await customerWithSim();
    const res = await t.api("POST", `/api/v1/sims/${c.sim.iccid}/actions`, {
      key: c.adminKey,
      body: { type: "reset-connectivity", reason: "collar silent", watchMinutes: 30 },
    });
    expect(res.status).toBe(202);
    t.clock.advance(60_000);
    await accounting({ status: "start", sessionId: "after-reset", imsi: c.sim.imsi });
    await accounting({
      status: "interim",
      sessionId: "after-reset",
      imsi: c.sim.imsi,
      bytesUp: 42,
    });
    await t.otter.services.simActions.followUp();
    await t.otter.services.simActions.followUp();
    const done = await eventsOf("action.completed", res.body.id);
    expect(done).toMatchObject([
      {
        actionId: res.body.id,
        iccid: c.sim.iccid,
        type: "reset-connectivity",
        status: "back_online",
        outcome: { backOnlineAt: expect.any(String) },
      },
    ]);
  });
});

describe("exactly once, tenants apart", () => {
  it("two workers at once, a crashed worker and a re-read outbox never fire or act twice", async () => {
    const c = await customerWithSim();
    await t.api("POST", `/api/v1/accounts/${c.account.id}/contacts`, {
      body: { name: "Ops", email: "ops@twice.example" },
    });
    const rule = await createRule(c.adminKey, {
      trigger: { type: "sim_state_changed", to: ["DEACTIVATED"] },
      actions: [{ type: "email" }],
    });
    const quiet = await createRule(c.adminKey, {
      trigger: { type: "no_session", hours: 2 },
      actions: [{ type: "email" }],
    });
    await accounting({ status: "start", sessionId: "tw-1", imsi: c.sim.imsi });
    await t.api("PATCH", `/api/v1/sims/${c.sim.iccid}`, { body: { state: "DEACTIVATED" } });
    await t.api("PATCH", `/api/v1/sims/${c.sim.iccid}`, { body: { state: "ACTIVATED" } });
    t.clock.advance(3 * HOUR);

    // A worker claims the firings and dies before running them (its lease is left behind).
    const s = t.otter.services.automation;
    await s.evaluateEvents();
    await s.evaluateClock();
    const db = t.otter.database.db;
    await db
      .updateTable("automation_firings")
      .set({ status: "running", attempts: 1, lease_until: sql<Date>`now() + interval '5 minutes'` })
      .where("rule_id", "in", [rule.id, quiet.id])
      .execute();
    await Promise.all([work(), work()]);
    expect((await firings(rule.id)).map((f) => f.status)).toEqual(["running"]);

    // Leases run on the database server's clock: the dead worker's lease runs out there.
    await db
      .updateTable("automation_firings")
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where("status", "=", "running")
      .execute();
    t.clock.advance(6 * 60_000);
    await Promise.all([work(), work(), work()]);
    // Every event handed to automation again (a queue restored from a backup): the unique firing key holds.
    await db
      .insertInto("event_queue")
      .columns(["consumer", "event_id"])
      .expression(
        db
          .selectFrom("domain_events")
          .select([sql.lit("automation").as("consumer"), "id"])
          .orderBy("id"),
      )
      .execute();
    await Promise.all([work(), work()]);

    expect(await firings(rule.id)).toMatchObject([{ status: "done", attempts: 2 }]);
    expect(await firings(quiet.id)).toMatchObject([{ status: "done" }]);
    expect(await outboxFor(c.account.id)).toHaveLength(2);
  });

  it("another tenant's rules never fire for my SIMs and are never visible", async () => {
    const a = await customerWithSim();
    const b = await customerWithSim();
    const ruleB = await createRule(b.adminKey, {
      trigger: { type: "sim_state_changed" },
      actions: [{ type: "webhook" }],
    });
    const quietB = await createRule(b.adminKey, {
      trigger: { type: "no_session", hours: 1 },
      actions: [{ type: "webhook" }],
    });
    await accounting({ status: "start", sessionId: "ta-1", imsi: a.sim.imsi });
    await accounting({ status: "start", sessionId: "tb-1", imsi: b.sim.imsi });
    await t.api("PATCH", `/api/v1/sims/${a.sim.iccid}`, { body: { state: "DEACTIVATED" } });
    await t.api("PATCH", `/api/v1/sims/${a.sim.iccid}`, { body: { state: "ACTIVATED" } });
    t.clock.advance(2 * HOUR);
    await work();
    expect(await firings(ruleB.id)).toEqual([]);
    // B's quiet rule sees B's quiet SIM, and only it.
    expect((await firings(quietB.id)).map((f) => f.iccid)).toEqual([b.sim.iccid]);
    expect(
      (await t.api("GET", `/api/v1/automation-rules/${ruleB.id}`, { key: a.adminKey })).status,
    ).toBe(404);
    expect(
      (await t.api("GET", "/api/v1/automation-rules", { key: a.adminKey })).body.items,
    ).toEqual([]);
    expect(
      (
        await t.api("PATCH", `/api/v1/automation-rules/${ruleB.id}`, {
          key: a.adminKey,
          body: { enabled: false },
        })
      ).status,
    ).toBe(404);
    // A rule may not reach outside its own subtree through an account condition either.
    const bad = await t.api("POST", "/api/v1/automation-rules", {
      key: a.adminKey,
      body: {
        name: "peek",
        trigger: { type: "imei_changed" },
        conditions: [{ type: "account", accountId: b.account.id }],
        actions: [{ type: "webhook" }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "UNKNOWN_ACCOUNT",
      details: [{ field: "conditions.0.accountId" }],
    });
  });
});

describe("managing rules", () => {
  it("conditions filter, disable stops firing, delete removes, customer users may only read", async () => {
    const c = await customerWithSim();
    const other = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
      customFields: { accountCustom1: "north" },
    });
    const rule = await createRule(c.adminKey, {
      trigger: { type: "sim_state_changed" },
      conditions: [
        { type: "custom_field", field: "accountCustom1", value: "north" },
        { type: "rate_plan", plan: cat.rate.name },
      ],
      actions: [{ type: "webhook" }],
    });
    expect(rule).toMatchObject({ enabled: true });
    expect(
      (await t.api("GET", `/api/v1/automation-rules/${rule.id}`, { key: c.userKey })).body
        .conditions[1],
    ).toEqual({ type: "rate_plan", plan: cat.rate.id });
    await t.api("PATCH", `/api/v1/sims/${c.sim.iccid}`, { body: { state: "DEACTIVATED" } });
    await t.api("PATCH", `/api/v1/sims/${other.iccid}`, { body: { state: "DEACTIVATED" } });
    await work();
    expect((await firings(rule.id)).map((f) => f.iccid)).toEqual([other.iccid]);

    expect(
      (
        await t.api("PATCH", `/api/v1/automation-rules/${rule.id}`, {
          key: c.userKey,
          body: { enabled: false },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api("PATCH", `/api/v1/automation-rules/${rule.id}`, {
          key: c.adminKey,
          body: { enabled: false },
        })
      ).body.enabled,
    ).toBe(false);
    await t.api("PATCH", `/api/v1/sims/${other.iccid}`, { body: { state: "ACTIVATED" } });
    await work();
    expect(await firings(rule.id)).toHaveLength(1);

    expect(
      (await t.api("DELETE", `/api/v1/automation-rules/${rule.id}`, { key: c.adminKey })).status,
    ).toBe(204);
    expect(
      (await t.api("GET", `/api/v1/automation-rules/${rule.id}`, { key: c.adminKey })).status,
    ).toBe(404);
  });

  it("bad rule input: 400 with a code naming the field, and nothing stored", async () => {
    const c = await buildCustomer(t);
    const before = (await t.api("GET", "/api/v1/automation-rules", { key: c.adminKey })).body.items
      .length;
    const cases: [unknown, string, string][] = [
      [
        { name: "x", trigger: { type: "no_session" }, actions: [{ type: "email" }] },
        "trigger.hours",
        "NO_SESSION_NEEDS_ONE_LIMIT",
      ],
      [
        {
          name: "x",
          trigger: { type: "no_session", hours: 2, rhythmMultiple: 3 },
          actions: [{ type: "email" }],
        },
        "trigger.hours",
        "NO_SESSION_NEEDS_ONE_LIMIT",
      ],
      [
        { name: "x", trigger: { type: "teleported" }, actions: [{ type: "email" }] },
        "trigger.type",
        "",
      ],
      [{ name: "x", trigger: { type: "imei_changed" }, actions: [] }, "actions", ""],
      [
        {
          name: "x",
          trigger: { type: "imei_changed" },
          actions: [{ type: "change_state", state: "FLYING" }],
        },
        "actions.0.state",
        "",
      ],
      [
        { name: "x", trigger: { type: "imei_changed" }, actions: [{ type: "change_plan" }] },
        "actions.0.communicationPlan",
        "CHANGE_PLAN_NEEDS_A_PLAN",
      ],
      [
        {
          name: "x",
          trigger: { type: "imei_changed" },
          actions: [{ type: "change_plan", ratePlan: "no such plan" }],
        },
        "actions.0.ratePlan",
        "UNKNOWN_RATE_PLAN",
      ],
      [
        { name: "x", trigger: { type: "usage_above", percent: 0 }, actions: [{ type: "webhook" }] },
        "trigger.percent",
        "",
      ],
      [
        {
          name: "x",
          trigger: { type: "zone_entered", countries: ["France"] },
          actions: [{ type: "webhook" }],
        },
        "trigger.countries.0",
        "",
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.api("POST", "/api/v1/automation-rules", { key: c.adminKey, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const details = res.body.error.details as { field: string; code: string }[];
      expect(
        details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
      if (code) expect([res.body.error.code, ...details.map((d) => d.code)]).toContain(code);
    }
    expect(
      (await t.api("GET", "/api/v1/automation-rules", { key: c.adminKey })).body.items,
    ).toHaveLength(before);
  });
});

describe("with the case desk", () => {
  it("opens one real case per event, linked to the SIM, in the customer's queue; a category the desk does not know is refused", async () => {
    const desk = await startOtter({}, { startWorkers: false });
    try {
      const c = await buildCustomer(desk);
      const deskCat = await buildCatalog(desk);
      await offer(desk, deskCat, c.account.id);
      const sim = await buildSim(desk, {
        accountId: c.account.id,
        state: "ACTIVATED",
        communicationPlan: deskCat.comm.id,
        ratePlan: deskCat.rate.id,
      });
      const wrong = await desk.api("POST", "/api/v1/automation-rules", {
        key: c.adminKey,
        body: {
          name: "cases",
          trigger: { type: "registration_rejected" },
          actions: [{ type: "open_case", category: "connectivity" }],
        },
      });
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(wrong.body.error.details)).toContain("actions.0.category");
      const rule = (
        await desk.api("POST", "/api/v1/automation-rules", {
          key: c.adminKey,
          body: {
            name: "rejected → case",
            trigger: { type: "registration_rejected" },
            actions: [{ type: "open_case", priority: "urgent" }],
          },
        })
      ).body;
      expect(
        (await desk.api("GET", `/api/v1/automation-rules`, { key: c.adminKey })).body.items.map(
          (r: { id: string }) => r.id,
        ),
      ).toEqual([rule.id]);

      await desk.api("POST", "/api/v1/network/events", {
        body: {
          id: "desk-reg-1",
          type: "location_update",
          imsi: sim.imsi,
          at: desk.clock.now().toISOString(),
          result: "rejected",
          cause: 5004,
          causeType: "s6a",
          visitedPlmn: "20801",
        },
      });
      await desk.otter.services.automation.runOnce();
      await desk.otter.services.automation.runOnce();

      const list = (
        await desk.api("GET", `/api/v1/cases?account=${c.account.id}`, { key: c.adminKey })
      ).body.items as any[];
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        priority: "urgent",
        category: "technical",
        accountId: c.account.id,
      });
      const one = (await desk.api("GET", `/api/v1/cases/${list[0].id}`, { key: c.adminKey })).body;
      expect(JSON.stringify(one)).toContain(sim.iccid);
      const log = (
        await desk.api("GET", `/api/v1/automation-rules/${rule.id}/firings`, { key: c.adminKey })
      ).body.items as any[];
      expect(log).toMatchObject([
        { status: "done", results: [{ type: "open_case", ok: true, caseNumber: one.number }] },
      ]);
    } finally {
      await desk.close();
    }
  });
});
