import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import type { Imsi } from "../../src/lib/identifiers.js";
import { runJob, uploadCsv } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

const EXAMPLE = readFileSync(
  new URL("../../docs/examples/onboarding.yaml", import.meta.url),
  "utf8",
);
const iccid = (n: number) => {
  const p = "89440000000" + String(n).padStart(7, "0");
  return p + luhnCheckDigit(p);
};
const imsiOf = (n: number) => `23415${String(n).padStart(9, "0")}0` as Imsi;

let t: TestOtter;
let id: string;
let caseId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  // The example spec's world: its zones and its 101 SIMs in the operator's stock.
  for (const [name, countries] of [
    ["EU", ["FR", "IT", "SE", "DE"]],
    ["East Africa", ["KE", "TZ"]],
  ] as const)
    expect((await t.api("POST", "/api/v1/zones", { body: { name, countries } })).status).toBe(201);
  const numbers = [...Array.from({ length: 101 }, (_, i) => i + 1)];
  const lines = numbers.map(
    (n) => `${iccid(n)},${imsiOf(n)},4477${String(n).padStart(9, "0")},INVENTORY`,
  );
  const up = await uploadCsv(
    t,
    `iccid,imsi,msisdn,state\n${lines.join("\n")}\n`,
    `accountId=${t.rootAccountId}`,
  );
  expect(up.status, JSON.stringify(up.body)).toBe(202);
  expect((await runJob(t, up.body.jobId)).status).toBe("succeeded");
  // The contract was signed on 2026-02-20; provisioning runs on 2026-03-01.
  const res = await t.api("POST", "/api/v1/onboardings", { body: { spec: EXAMPLE } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  id = res.body.onboarding.id;
  expect((await runJob(t, res.body.jobId)).status).toBe("succeeded");
});
afterAll(async () => {
  await t?.close();
});

describe("onboarding tasks", () => {
  it("opens a desk case for the technical contact and the owner's tasks with their due dates", async () => {
    const o = (await t.api("GET", `/api/v1/onboardings/${id}`)).body;
    expect(o.state).toBe("waiting_on_customer");
    expect(o.case).toMatchObject({
      subject: "Onboarding Savannah Wildlife Trust: tunnel, SIM shipment, acceptance",
      state: "new",
    });
    caseId = o.case.id;
    expect(o.tasks.map((x: any) => [x.title, x.ownerEmail, x.dueOn, x.state, x.caseId])).toEqual([
      [
        "agree the tunnel date with the customer",
        "admin@otter.local",
        "2026-03-09",
        "open",
        caseId,
      ],
      ["ship the SIM cards", "admin@otter.local", "2026-03-15", "open", caseId],
      ["customer acceptance", "admin@otter.local", "2026-03-16", "open", caseId],
    ]);
    const c = (await t.api("GET", `/api/v1/cases/${caseId}`)).body;
    expect(c).toMatchObject({
      requesterEmail: "amani@savannah.example",
      requesterName: "Amani Njoroge",
      accountId: o.customerAccountId,
    });
    // Applying the same spec again opens no second case and doubles no task.
    const again = await t.api("POST", "/api/v1/onboardings", { body: { spec: EXAMPLE } });
    expect(again.body.created).toBe(false);
    expect((await t.api("GET", `/api/v1/onboardings/${id}`)).body.tasks).toHaveLength(3);
  });

  it("refuses a bad patch by field, and an unknown task, changing nothing", async () => {
    const o = (await t.api("GET", `/api/v1/onboardings/${id}`)).body;
    const bad = await t.api("PATCH", `/api/v1/onboardings/${id}/tasks/${o.tasks[0].id}`, {
      body: { state: "open" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain("state");
    const unknown = await t.api(
      "PATCH",
      `/api/v1/onboardings/${id}/tasks/0190a8a0-0000-7000-8000-0000000000ff`,
      { body: { state: "done" } },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("ONBOARDING_TASK_NOT_FOUND");
    const after = (await t.api("GET", `/api/v1/onboardings/${id}`)).body;
    expect(after.tasks.every((x: any) => x.state === "open")).toBe(true);
  });

  it("counts the lead time to the first SIM online from the network's first data session", async () => {
    const before = (await t.api("GET", "/api/v1/onboardings/lead-times")).body;
    expect(before.toFirstSimOnline.count).toBe(0);
    const clientId = (
      await t.api("POST", "/api/v1/network/clients", {
        body: { name: "pgw-1", address: "127.0.0.1", secret: "s3cret-pgw" },
      })
    ).body.id;
    // Two SIMs come online, three and four days after provisioning; the first counts.
    for (const [n, days] of [
      [7, 4],
      [3, 3],
    ] as const) {
      await t.otter.services.signals.recordAccounting([
        {
          clientId,
          dedupeKey: `start-${n}`,
          eventAt: new Date(t.clock.now().getTime() + days * DAY),
          record: {},
          status: "start",
          sessionId: `s-${n}`,
          imsi: imsiOf(n),
        },
      ]);
    }
    const lead = (await t.api("GET", "/api/v1/onboardings/lead-times")).body;
    // Signed 2026-02-20 00:00, provisioned 2026-03-01 09:00, first session 3 days later.
    expect(lead.items).toEqual([
      {
        id,
        reference: "CTR-2026-0042",
        contractSigned: "2026-02-20",
        daysToFirstSimOnline: 12.4,
        daysToLive: null,
      },
    ]);
    expect(lead.toFirstSimOnline).toMatchObject({
      count: 1,
      averageDays: 12.4,
      medianDays: 12.4,
      recordDays: 12.4,
      recordReference: "CTR-2026-0042",
    });
    expect(lead.toLive.count).toBe(0);
    const o = (await t.api("GET", `/api/v1/onboardings/${id}`)).body;
    expect(o.firstSimOnlineAt).toBe("2026-03-04T09:00:00.000Z");
  });

  it("writes each done task on the case as an internal note; the last one makes the onboarding live", async () => {
    const o = (await t.api("GET", `/api/v1/onboardings/${id}`)).body;
    t.clock.set("2026-03-10T12:00:00Z");
    const first = await t.api("PATCH", `/api/v1/onboardings/${id}/tasks/${o.tasks[0].id}`, {
      body: { state: "done", note: "Tunnel on 2026-03-11 at 10:00 EAT, with Amani." },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.task).toMatchObject({
      state: "done",
      note: "Tunnel on 2026-03-11 at 10:00 EAT, with Amani.",
      doneAt: "2026-03-10T12:00:00.000Z",
    });
    expect(first.body.onboarding.state).toBe("waiting_on_customer");
    const c = (await t.api("GET", `/api/v1/cases/${caseId}`)).body;
    const note = c.timeline.find((e: any) => e.kind === "note");
    expect(note.body).toContain("agree the tunnel date with the customer");
    expect(note.body).toContain("Tunnel on 2026-03-11 at 10:00 EAT, with Amani.");

    const twice = await t.api("PATCH", `/api/v1/onboardings/${id}/tasks/${o.tasks[0].id}`, {
      body: { state: "done" },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("ONBOARDING_TASK_DONE");

    await t.api("PATCH", `/api/v1/onboardings/${id}/tasks/${o.tasks[1].id}`, {
      body: { state: "done", note: "101 SIMs shipped by courier." },
    });
    t.clock.set("2026-03-16T08:00:00Z");
    const last = await t.api("PATCH", `/api/v1/onboardings/CTR-2026-0042/tasks/${o.tasks[2].id}`, {
      body: { state: "done" },
    });
    expect(last.body.onboarding).toMatchObject({
      state: "live",
      liveAt: "2026-03-16T08:00:00.000Z",
      leadTimeDays: 24.3,
    });
    const notes = (await t.api("GET", `/api/v1/cases/${caseId}`)).body.timeline.filter(
      (e: any) => e.kind === "note",
    );
    expect(notes).toHaveLength(3);

    const lead = (await t.api("GET", "/api/v1/onboardings/lead-times")).body;
    expect(lead.toLive).toMatchObject({ count: 1, averageDays: 24.3, recordDays: 24.3 });

    // Automation and webhooks see each task done and the move to live.
    const events = await t.otter.database.db
      .selectFrom("domain_events")
      .select(["type", "data"])
      .where("subject_id", "=", id)
      .where("type", "in", ["onboarding.task_done", "onboarding.state_changed"])
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.type).slice(-4)).toEqual([
      "onboarding.task_done",
      "onboarding.task_done",
      "onboarding.task_done",
      "onboarding.state_changed",
    ]);
    expect(events.at(-1)!.data).toMatchObject({ from: "waiting_on_customer", to: "live" });
  });
});
