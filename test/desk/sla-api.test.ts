import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

const H = 3_600_000;
const ROME_HOURS = {
  timeZone: "Europe/Rome",
  hours: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((d) => [
      d,
      [
        ["08:00", "12:30"],
        ["13:30", "18:00"],
      ],
    ]),
  ),
  holidays: ["2026-12-25"],
};

let t: TestOtter;
let agentKey: string;
let agentId: string;
let customer: Awaited<ReturnType<typeof buildCustomer>>;

async function openCase(priority: string, subject = `Case ${priority}`) {
  const res = await t.api("POST", "/api/v1/cases", {
    key: agentKey,
    body: { accountId: customer.account.id, subject, priority },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number };
}
const slaOf = async (id: string, key?: string) => {
  const res = await t.api("GET", `/api/v1/cases/${id}`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.sla;
};
const eventsOf = async (type: string, caseId: string) =>
  t.otter.database.db
    .selectFrom("domain_events")
    .selectAll()
    .where("type", "=", type)
    .where("subject_id", "=", caseId)
    .execute();

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  t.clock.set("2026-06-01T07:00:00Z"); // Monday 09:00 in Rome
  const agent = await buildUser(t, t.rootAccountId, "operator_agent");
  agentKey = agent.key;
  agentId = agent.user.id;
  customer = await buildCustomer(t, { timeZone: "America/New_York" });
});
afterAll(async () => {
  await t?.close();
});

describe("support calendar and agreements", () => {
  it("sets the calendar, and refuses a week without hours naming the field, changing nothing", async () => {
    const set = await t.api("PUT", "/api/v1/desk/calendar", { body: ROME_HOURS });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({
      timeZone: "Europe/Rome",
      isDefault: false,
      holidays: ["2026-12-25"],
    });
    const bad = await t.api("PUT", "/api/v1/desk/calendar", {
      body: { timeZone: "Europe/Rome", hours: { mon: [] }, holidays: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("SLA_CALENDAR_NO_HOURS");
    expect(bad.body.error.details[0].field).toBe("hours");
    const zone = await t.api("PUT", "/api/v1/desk/calendar", {
      body: { ...ROME_HOURS, timeZone: "Europe/Atlantis" },
    });
    expect(zone.body.error.code).toBe("SLA_CALENDAR_UNKNOWN_TIME_ZONE");
    const now = await t.api("GET", "/api/v1/desk/calendar", { key: agentKey });
    expect(now.body).toMatchObject({
      timeZone: "Europe/Rome",
      hours: {
        mon: [
          ["08:00", "12:30"],
          ["13:30", "18:00"],
        ],
        sat: [],
      },
    });
  });

  it("keeps calendars and agreements away from customer keys", async () => {
    expect(
      (await t.api("PUT", "/api/v1/desk/calendar", { key: customer.adminKey, body: ROME_HOURS }))
        .status,
    ).toBe(403);
    expect((await t.api("GET", "/api/v1/desk/calendar", { key: customer.adminKey })).status).toBe(
      403,
    );
    const body = { firstResponse: { urgent: "PT1H" }, resolution: {} };
    expect(
      (
        await t.api("PUT", `/api/v1/accounts/${customer.account.id}/support-agreement`, {
          key: customer.adminKey,
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.api("PUT", "/api/v1/desk/default-agreement", { key: agentKey, body })).status,
    ).toBe(403);
  });

  it("sets a customer's agreement; a calendar day as a target is refused naming the field", async () => {
    const bad = await t.api("PUT", `/api/v1/accounts/${customer.account.id}/support-agreement`, {
      body: { firstResponse: { urgent: "P1D" }, resolution: {} },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "SLA_INVALID_TARGET",
      details: [{ field: "firstResponse.urgent" }],
    });
    const ok = await t.api("PUT", `/api/v1/accounts/${customer.account.id}/support-agreement`, {
      body: {
        firstResponse: { urgent: "PT1H", high: "PT2H", normal: "PT4H", low: "PT8H" },
        resolution: { urgent: "PT4H", high: "PT8H", normal: "PT16H", low: "PT40H" },
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // The customer may read its own terms.
    const mine = await t.api("GET", `/api/v1/accounts/${customer.account.id}/support-agreement`, {
      key: customer.userKey,
    });
    expect(mine.body).toMatchObject({
      inherited: false,
      firstResponse: { urgent: "PT1H" },
      resolution: { low: "PT40H" },
    });
  });
});

describe("a case's SLA clocks", () => {
  it("shows time left in UTC and the customer's time zone, goes at risk and breaches with one notice each", async () => {
    const c = await openCase("urgent");
    const sla = await slaOf(c.id);
    expect(sla).toMatchObject({ state: "running", timeZone: "America/New_York" });
    expect(sla.firstResponse).toMatchObject({
      state: "running",
      target: "PT1H",
      remainingMs: H,
      dueAt: "2026-06-01T08:00:00.000Z",
      dueAtLocal: "2026-06-01T04:00:00-04:00",
    });
    // The customer sees the same clocks on its own case.
    expect((await slaOf(c.id, customer.userKey)).firstResponse.dueAt).toBe(
      "2026-06-01T08:00:00.000Z",
    );

    t.clock.advance(50 * 60_000);
    expect((await slaOf(c.id)).firstResponse.state).toBe("at_risk");
    await t.otter.services.sla.runOnce();
    expect(await eventsOf("case.sla_at_risk", c.id)).toHaveLength(1); // first response: 10 min of 60 left
    t.clock.advance(20 * 60_000);
    await t.otter.services.sla.runOnce();
    await t.otter.services.sla.runOnce();
    const breached = await eventsOf("case.sla_breached", c.id);
    expect(breached).toHaveLength(1);
    expect(breached[0]!.data).toMatchObject({
      target: "firstResponse",
      caseId: c.id,
      number: c.number,
    });
    expect((await slaOf(c.id)).firstResponse).toMatchObject({
      state: "breached",
      breachedAt: "2026-06-01T08:00:00.000Z",
    });
  });

  it("stops the first-response clock at the first reply or call, not at an internal note", async () => {
    t.clock.set("2026-06-01T12:00:00Z"); // Monday 14:00 in Rome
    const mailed = await openCase("high", "answered by mail");
    const called = await openCase("high", "answered by phone");
    t.clock.advance(30 * 60_000);
    expect(
      (
        await t.api("POST", `/api/v1/cases/${mailed.id}/notes`, {
          key: agentKey,
          body: { body: "checking the HSS first" },
        })
      ).status,
    ).toBe(201);
    expect((await slaOf(mailed.id)).firstResponse.state).toBe("running");
    const reply = await t.api("POST", `/api/v1/cases/${mailed.id}/replies`, {
      key: agentKey,
      body: { body: "We are on it.", to: ["ops@customer.example"] },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const call = await t.api("POST", `/api/v1/cases/${called.id}/calls`, {
      key: agentKey,
      body: {
        direction: "outbound",
        number: "+39 02 1234 5678",
        durationSeconds: 240,
        summary: "Walked through the APN settings.",
      },
    });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    t.clock.advance(5 * 3_600_000);
    for (const id of [mailed.id, called.id]) {
      const sla = await slaOf(id);
      expect(sla.firstResponse).toMatchObject({
        state: "met",
        elapsedMs: 30 * 60_000,
        stoppedAt: "2026-06-01T12:30:00.000Z",
        dueAt: null,
      });
      expect(sla.resolution.state).toBe("running");
    }
  });

  it("pauses while waiting on the customer and keeps running while waiting on a consultation", async () => {
    t.clock.set("2026-06-02T07:00:00Z");
    const a = await openCase("normal", "waits on the customer");
    const b = await openCase("normal", "waits on the billing team");
    t.clock.advance(H);
    expect(
      (
        await t.api("PATCH", `/api/v1/cases/${a.id}`, {
          key: agentKey,
          body: { state: "waiting_on_customer" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.api("PATCH", `/api/v1/cases/${b.id}`, {
          key: agentKey,
          body: { state: "waiting_on_consultation" },
        })
      ).status,
    ).toBe(200);
    t.clock.advance(2 * H);
    const slaA = await slaOf(a.id);
    const slaB = await slaOf(b.id);
    expect(slaA.resolution).toMatchObject({ state: "paused", elapsedMs: H, dueAt: null });
    expect(slaB.resolution).toMatchObject({ state: "running", elapsedMs: 3 * H });
  });
});

describe("the agent's queue", () => {
  it("orders open cases by breach risk, paused ones last, and only for operator staff", async () => {
    t.clock.set("2026-06-03T07:00:00Z");
    const low = await openCase("low");
    const urgent = await openCase("urgent");
    const high = await openCase("high");
    const q = await t.api("GET", "/api/v1/desk/queue?owner=me", { key: agentKey });
    expect(q.status, JSON.stringify(q.body)).toBe(200);
    const ids = q.body.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(high.id));
    expect(ids.indexOf(high.id)).toBeLessThan(ids.indexOf(low.id));
    // Yesterday's breached urgent case comes first of all; the paused one after every running one.
    const first = q.body.items[0];
    expect(first.sla.state).toBe("breached");
    const paused = q.body.items.findIndex(
      (i: { subject: string }) => i.subject === "waits on the customer",
    );
    expect(
      q.body.items.slice(paused).every((i: { sla: { paused: boolean } }) => i.sla.paused),
    ).toBe(true);
    expect(q.body.total).toBe(q.body.items.length);
    expect((await t.api("GET", `/api/v1/desk/queue?owner=${agentId}`)).body.total).toBe(
      q.body.total,
    );
    expect(
      (await t.api("GET", "/api/v1/desk/queue?owner=me", { key: customer.adminKey })).status,
    ).toBe(403);
    expect(
      (await t.api("GET", "/api/v1/desk/queue?owner=nobody", { key: agentKey })).body.error.code,
    ).toBe("DESK_QUEUE_INVALID_OWNER");
  });

  it("names each case's customer, lists every owner's cases with owner=all and narrows by state", async () => {
    const mine = await openCase("normal", "queue filters");
    const unowned = await t.api("POST", "/api/v1/cases", {
      key: agentKey,
      body: { accountId: customer.account.id, subject: "nobody's yet", ownerUserId: null },
    });
    expect(unowned.status).toBe(201);
    const all = await t.api("GET", "/api/v1/desk/queue?owner=all&limit=1000", { key: agentKey });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const ids = all.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, unowned.body.id]));
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.items.find((i: { id: string }) => i.id === mine.id).accountName).toBe(
      customer.account.name,
    );
    const onlyNew = await t.api("GET", "/api/v1/desk/queue?owner=all&state=new&limit=1000", {
      key: agentKey,
    });
    expect(onlyNew.body.items.every((i: { state: string }) => i.state === "new")).toBe(true);
    expect(onlyNew.body.total).toBe(onlyNew.body.items.length);
    const two = await t.api(
      "GET",
      "/api/v1/desk/queue?owner=all&state=waiting_on_customer&state=new&limit=1000",
      { key: agentKey },
    );
    expect(two.body.total).toBeGreaterThanOrEqual(onlyNew.body.total);
    expect((await t.api("GET", "/api/v1/desk/queue?state=closed", { key: agentKey })).status).toBe(
      400,
    );
  });

  it("recomputes open cases when the calendar changes, leaving the clocks' past as it was", async () => {
    const c = await openCase("normal", "before the holiday");
    t.clock.advance(H);
    const before = await slaOf(c.id);
    expect(before.resolution.elapsedMs).toBe(H);
    // Tomorrow becomes a holiday: the due time moves a day, the hour already counted stays.
    const set = await t.api("PUT", "/api/v1/desk/calendar", {
      body: { ...ROME_HOURS, holidays: ["2026-06-04"] },
    });
    expect(set.body.openCasesToRecompute).toBeGreaterThan(0);
    const after = await slaOf(c.id);
    expect(after.resolution.elapsedMs).toBe(H);
    expect(Date.parse(after.resolution.dueAt)).toBeGreaterThan(Date.parse(before.resolution.dueAt));
    const { recomputed } = await t.otter.services.sla.runOnce();
    expect(recomputed).toBeGreaterThan(0);
    const q = await t.api("GET", "/api/v1/desk/queue?owner=me&limit=1000", { key: agentKey });
    expect(q.body.items.find((i: { id: string }) => i.id === c.id).sla.dueAt).toBe(
      after.resolution.dueAt < after.firstResponse.dueAt
        ? after.resolution.dueAt
        : after.firstResponse.dueAt,
    );
  });
});
