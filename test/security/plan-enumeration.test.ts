import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * A customer must not learn that a plan exists when it is not offered to it: every route where a
 * customer names a plan (by id or by name) answers for such a plan exactly as for one that does not
 * exist — same status, code, message and details, once the reference itself is masked.
 */
let t: TestOtter;
let a: Awaited<ReturnType<typeof buildCustomer>>;
let offered: Awaited<ReturnType<typeof buildCatalog>>;
let hidden: Awaited<ReturnType<typeof buildCatalog>>;
let sim: { iccid: string };
let ruleId: string;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  a = await buildCustomer(t);
  const b = await buildCustomer(t);
  offered = await buildCatalog(t);
  hidden = await buildCatalog(t);
  await offer(t, offered, a.account.id);
  await offer(t, hidden, b.account.id); // in use, just not by A
  sim = await buildSim(t, {
    accountId: a.account.id,
    state: "ACTIVATED",
    communicationPlan: offered.comm.id,
    ratePlan: offered.rate.id,
  });
  const rule = await t.api("POST", "/api/v1/automation-rules", {
    key: a.adminKey,
    body: { name: "watch", trigger: { type: "imei_changed" }, actions: [{ type: "webhook" }] },
  });
  expect(rule.status).toBe(201);
  ruleId = rule.body.id;
});
afterAll(async () => {
  await t?.close();
});

type Kind = "communication" | "rate";
const field = (kind: Kind) => (kind === "rate" ? "ratePlan" : "communicationPlan");
const segment = (kind: Kind) => (kind === "rate" ? "rate-plans" : "communication-plans");
const tomorrow = () => new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString();

/** Every request a customer can make that names a plan, with `ref` in the place of the plan. */
const PROBES: Record<
  string,
  (kind: Kind, ref: string) => [method: string, path: string, body?: unknown]
> = {
  "get plan": (kind, ref) => ["GET", `/api/v1/${segment(kind)}/${encodeURIComponent(ref)}`],
  "bill-shock check": (kind, ref) => [
    "GET",
    `/api/v1/catalog/check?${new URLSearchParams({
      communicationPlan: kind === "communication" ? ref : offered.comm.id,
      ratePlan: kind === "rate" ? ref : offered.rate.id,
    })}`,
  ],
  "change a SIM's plan": (kind, ref) => [
    "PATCH",
    `/api/v1/sims/${sim.iccid}`,
    { [field(kind)]: ref },
  ],
  "schedule a plan change": (kind, ref) => [
    "PATCH",
    `/api/v1/sims/${sim.iccid}`,
    { [field(kind)]: ref, effectiveDate: tomorrow() },
  ],
  "change-plan action": (kind, ref) => [
    "POST",
    `/api/v1/sims/${sim.iccid}/actions`,
    { type: "change-plan", reason: "cheaper", [field(kind)]: ref },
  ],
  "bulk plan change": (kind, ref) => [
    "POST",
    "/api/v1/sims/bulk",
    { iccids: [sim.iccid], change: { [field(kind)]: ref } },
  ],
  "rule condition": (kind, ref) => [
    "POST",
    "/api/v1/automation-rules",
    {
      name: "probe",
      trigger: { type: "imei_changed" },
      conditions: [{ type: kind === "rate" ? "rate_plan" : "communication_plan", plan: ref }],
      actions: [{ type: "webhook" }],
    },
  ],
  "rule change_plan action": (kind, ref) => [
    "POST",
    "/api/v1/automation-rules",
    {
      name: "probe",
      trigger: { type: "imei_changed" },
      actions: [{ type: "change_plan", [field(kind)]: ref }],
    },
  ],
  "rule update": (kind, ref) => [
    "PATCH",
    `/api/v1/automation-rules/${ruleId}`,
    { actions: [{ type: "change_plan", [field(kind)]: ref }] },
  ],
  "list SIMs by plan": (kind, ref) => [
    "GET",
    `/api/v1/sims?${field(kind)}=${encodeURIComponent(ref)}`,
  ],
};

/** The answer with what legitimately differs between two requests masked: the reference and the request id. */
async function answer(
  probe: (kind: Kind, ref: string) => [string, string, unknown?],
  kind: Kind,
  ref: string,
) {
  const [method, path, body] = probe(kind, ref);
  const res = await t.api(method, path, { key: a.adminKey, ...(body !== undefined && { body }) });
  const text = JSON.stringify(res.body).replaceAll(JSON.stringify(ref).slice(1, -1), "<ref>");
  const masked = JSON.parse(text);
  if (masked?.error) delete masked.error.requestId;
  return { status: res.status, body: masked };
}

describe("no enumeration of plans across tenants", () => {
  for (const [name, probe] of Object.entries(PROBES)) {
    for (const kind of ["rate", "communication"] as const) {
      it(`${name} (${kind} plan): a plan not offered answers as an unknown one, by id and by name`, async () => {
        const plan = kind === "rate" ? hidden.rate : hidden.comm;
        const byId = await answer(probe, kind, plan.id);
        const unknownId = await answer(probe, kind, randomUUID());
        expect(byId).toEqual(unknownId);
        const byName = await answer(probe, kind, plan.name);
        const unknownName = await answer(
          probe,
          kind,
          `${plan.name.split(" ")[0]} nowhere ${randomUUID().slice(0, 8)}`,
        );
        expect(byName).toEqual(unknownName);
        if (name !== "list SIMs by plan") expect(byId.status).toBeGreaterThanOrEqual(400);
        expect(JSON.stringify(byId.body)).not.toContain("OFFERED");
      });
    }
  }

  it("leaves the SIM and the rule as they were", async () => {
    const s = await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: a.adminKey });
    expect(s.body).toMatchObject({
      ratePlan: { id: offered.rate.id },
      communicationPlan: { id: offered.comm.id },
      pendingChanges: [],
    });
    const rule = await t.api("GET", `/api/v1/automation-rules/${ruleId}`, { key: a.adminKey });
    expect(rule.body.actions).toEqual([{ type: "webhook" }]);
    const rules = await t.api("GET", "/api/v1/automation-rules", { key: a.adminKey });
    expect(rules.body.items).toHaveLength(1);
  });

  it("still tells the operator precisely that a plan is not offered to the SIM's customer", async () => {
    const res = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { ratePlan: hidden.rate.id },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("PLAN_NOT_OFFERED");
  });
});
