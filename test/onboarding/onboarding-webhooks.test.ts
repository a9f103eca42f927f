import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { buildCustomer, runJob, uploadCsv } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startReceiver } from "../webhooks/receiver.js";

const EXAMPLE = readFileSync(
  new URL("../../docs/examples/onboarding.yaml", import.meta.url),
  "utf8",
);
const iccid = (n: number) => {
  const p = "89440000000" + String(n).padStart(7, "0");
  return p + luhnCheckDigit(p);
};
const SECRET = "whsec_0123456789abcdef";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  for (const [name, countries] of [
    ["EU", ["FR", "IT", "SE", "DE"]],
    ["East Africa", ["KE", "TZ"]],
  ] as const)
    expect((await t.api("POST", "/api/v1/zones", { body: { name, countries } })).status).toBe(201);
  const lines = Array.from({ length: 101 }, (_, i) => i + 1).map(
    (n) =>
      `${iccid(n)},23415${String(n).padStart(9, "0")}0,4477${String(n).padStart(9, "0")},INVENTORY`,
  );
  const up = await uploadCsv(
    t,
    `iccid,imsi,msisdn,state\n${lines.join("\n")}\n`,
    `accountId=${t.rootAccountId}`,
  );
  expect((await runJob(t, up.body.jobId)).status).toBe("succeeded");
});
afterAll(async () => {
  await t?.close();
});

describe("onboarding events as webhooks", () => {
  it("sends the operator's subscription the onboarding's events, signed; a customer's gets none", async () => {
    const operator = await startReceiver(SECRET);
    const customer = await startReceiver(SECRET);
    try {
      const sub = await t.api("POST", "/api/v1/webhooks", {
        body: {
          url: operator.url,
          secret: SECRET,
          events: [
            "onboarding.created",
            "onboarding.state_changed",
            "onboarding.sims_assigned",
            "onboarding.task_done",
          ],
        },
      });
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      const other = await buildCustomer(t);
      const theirs = await t.api("POST", "/api/v1/webhooks", {
        key: other.adminKey,
        body: { url: customer.url, secret: SECRET, events: ["*"] },
      });
      expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);

      const res = await t.api("POST", "/api/v1/onboardings", { body: { spec: EXAMPLE } });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      expect((await runJob(t, res.body.jobId)).status).toBe("succeeded");
      const o = (await t.api("GET", `/api/v1/onboardings/${res.body.onboarding.id}`)).body;
      const task = o.tasks.find((x: { kind: string }) => x.kind === "sim_shipment");
      const done = await t.api("PATCH", `/api/v1/onboardings/${o.id}/tasks/${task.id}`, {
        body: { state: "done", note: "shipped" },
      });
      expect(done.status).toBe(200);
      await t.otter.services.webhooks.runOnce();
      await t.otter.services.webhooks.runOnce();

      const got = operator.received.map((r) => r.json);
      expect(operator.received.every((r) => r.signatureValid)).toBe(true);
      expect(got.map((e) => e.type)).toEqual(
        expect.arrayContaining([
          "onboarding.created",
          "onboarding.state_changed",
          "onboarding.sims_assigned",
          "onboarding.task_done",
        ]),
      );
      const states = got
        .filter((e) => e.type === "onboarding.state_changed")
        .map((e) => `${e.data.from}→${e.data.to}`);
      expect(states).toContain("provisioning→waiting_on_customer");
      const assigned = got.filter((e) => e.type === "onboarding.sims_assigned");
      expect(assigned.reduce((n, e) => n + (e.data.count as number), 0)).toBe(101);
      expect(assigned.every((e) => e.data.jobId === res.body.jobId)).toBe(true);
      expect(got.find((e) => e.type === "onboarding.task_done")?.data).toMatchObject({
        reference: "CTR-2026-0042",
        kind: "sim_shipment",
        openTasks: 2,
      });
      // Onboardings are the operator's: another customer's "*" subscription never sees them.
      expect(customer.received.filter((r) => r.json.type.startsWith("onboarding."))).toEqual([]);
    } finally {
      await operator.close();
      await customer.close();
    }
  }, 60_000);
});
