import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TEST_ENGINE } from "../support/engine.js";
import { processHarness } from "../support/process.js";

/**
 * kill -9 of an `otter serve` just after a confirmed onboarding plan changed a plan's terms and
 * before the job's checkpoint, then again just after the desk agreement's new version (OTTER_CRASH_POINT):
 * each resumed run finds the terms in place and adds no second rate plan version, no second change
 * of the communication plan and no second agreement.
 */
const ENV = { OTTER_WORKER_POLL_MS: "50", OTTER_JOB_LEASE_MS: "1500" };

/** The example spec without SIMs: this test is about the plans. */
function spec() {
  const s = parse(
    readFileSync(new URL("../../docs/examples/onboarding.yaml", import.meta.url), "utf8"),
  );
  s.services.apns[0].fixedIps = [];
  s.sims = [];
  return s;
}

const h = processHarness("onboarding-terms-crash");
afterAll(async () => {
  await h.close();
});

const post = (body: Record<string, unknown>) =>
  h.call("/api/v1/onboardings", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function untilDone(jobId: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const job = (await h.call(`/api/v1/jobs/${jobId}`)).body;
    if (job.status !== "running" && job.status !== "queued") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not end`);
}

/** Waits for the server to kill itself at its crash point. */
async function killedAtCrashPoint(server: NonNullable<typeof h.server>) {
  for (const deadline = Date.now() + 30_000; server.child.signalCode === null;) {
    expect(Date.now(), server.output()).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(server.child.signalCode).toBe("SIGKILL");
}

/** What a user sees of the changed terms: rate versions, recorded changes, desk agreements. */
async function plans() {
  const rate = (await h.call("/api/v1/rate-plans/Collar%20Roaming")).body;
  const comm = (await h.call("/api/v1/communication-plans/Collar%20LTE-M%20Roaming")).body;
  const changes = (
    await h.call(`/api/v1/audit-log?entityId=${comm.id}&action=communication_plan.updated&limit=50`)
  ).body.items;
  const agreements = (await h.call("/api/v1/audit-log?action=desk.agreement.set&limit=50")).body
    .items;
  return {
    fees: rate.versions.map((v: any) => v.subscription.monthlyFeePerSim),
    rats: comm.rats,
    commChanges: changes.length,
    agreements: agreements.length,
  };
}

describe(`kill -9 between a plan's new terms and the checkpoint (${TEST_ENGINE})`, () => {
  it("resumes without a second version or a second change", async () => {
    await h.start(ENV);
    for (const [name, countries] of [
      ["EU", ["FR", "IT", "SE", "DE"]],
      ["East Africa", ["KE", "TZ"]],
    ] as const) {
      const res = await h.call("/api/v1/zones", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, countries }),
      });
      expect(res.status).toBe(201);
    }
    const first = await post({ spec: spec() });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect((await untilDone(first.body.jobId)).status).toBe("succeeded");
    expect(await plans()).toEqual({
      fees: [2],
      rats: ["LTE-M", "NB-IoT"],
      commChanges: 0,
      agreements: 1,
    });

    // New terms for both plans and the desk; the server dies right after the rate plan's version.
    const changed = spec();
    changed.plans.rate[1].monthlyFeePerSim = 2.5;
    changed.plans.communication[1].rats = ["LTE-M"];
    changed.desk.agreement.firstResponse.urgent = "PT30M";
    const dry = await post({ spec: changed, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    await h.server!.kill("SIGTERM");
    const doomed = await h.start({ ...ENV, OTTER_CRASH_POINT: "onboarding.plan-terms.rate" });
    const go = await post({ spec: changed, confirmPlan: dry.body.plan.hash });
    expect(go.status, JSON.stringify(go.body)).toBe(202);
    await killedAtCrashPoint(doomed);
    // Restarted: the job resumes from its checkpoint before the plans; it dies again right after
    // the desk agreement's new version.
    await killedAtCrashPoint(await h.start({ ...ENV, OTTER_CRASH_POINT: "onboarding.agreement" }));

    // Restarted once more: the job resumes before the agreement and ends.
    const after = await h.start(ENV);
    expect(await untilDone(go.body.jobId), after.output()).toMatchObject({ status: "succeeded" });
    expect(await plans()).toEqual({
      fees: [2, 2.5],
      rats: ["LTE-M"],
      commChanges: 1,
      agreements: 2,
    });
    const o = (await h.call("/api/v1/onboardings/CTR-2026-0042")).body;
    expect(o.state).not.toBe("failed");
    const agreement = await h.call(`/api/v1/accounts/${o.customerAccountId}/support-agreement`);
    expect(agreement.body.firstResponse).toMatchObject({ urgent: "PT30M" });

    // The same spec once more changes nothing.
    expect((await post({ spec: changed, dryRun: true })).body.plan.entries).toEqual([]);
    const again = await post({ spec: changed });
    expect(again.body).toMatchObject({ created: false, jobId: null });
    expect(await plans()).toEqual({
      fees: [2, 2.5],
      rats: ["LTE-M"],
      commChanges: 1,
      agreements: 2,
    });
  }, 180_000);
});
