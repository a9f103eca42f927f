import { afterAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../support/engine.js";
import { processHarness } from "../support/process.js";

/**
 * kill -9 during a billing run: after a restart the run resumes at the first customer not yet
 * committed (the first of the pass that was not) and ends with exactly one draft invoice per
 * customer — on both engines.
 */
const h = processHarness("billing-crash");
const call = h.call;
afterAll(() => h.close());

const json = (body: unknown): RequestInit => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe(`crash during a billing run (${TEST_ENGINE})`, () => {
  it("resumes after kill -9 with one draft per customer, none twice", async () => {
    // Passes of 5 customers, so the run commits between customers and can be caught there.
    const env = {
      OTTER_WORKER_POLL_MS: "50",
      OTTER_JOB_LEASE_MS: "1500",
      OTTER_BILLING_CUSTOMERS_PER_PASS: "5",
    };
    await h.start(env);
    const me = (await call("/api/v1/users/me")).body;
    await call(`/api/v1/accounts/${me.accountId}/billing-profile`, {
      method: "PUT",
      ...json({ cycle: "calendar", country: "IT" }),
    });
    const customers = 40;
    const ids: string[] = [];
    for (let i = 0; i < customers; i++) {
      const a = await call("/api/v1/accounts", {
        method: "POST",
        ...json({ name: `Herd ${i} ${Date.now()}` }),
      });
      expect(a.status).toBe(201);
      ids.push(a.body.id);
      await call(`/api/v1/accounts/${a.body.id}/billing-profile`, {
        method: "PUT",
        ...json({ cycle: "calendar", country: "IT" }),
      });
    }
    const run = await call("/api/v1/billing-runs", {
      method: "POST",
      ...json({ period: "2026-11" }),
    });
    expect(run.status).toBe(202);
    const jobId = run.body.jobId as string;

    let seen = 0;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const job = (await call(`/api/v1/jobs/${jobId}`)).body;
      if (job.status !== "queued" && job.status !== "running") break;
      if (job.progress.done > 0) {
        seen = job.progress.done;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await h.server!.kill("SIGKILL");
    expect(seen, "the run was caught between customers").toBeGreaterThan(0);
    expect(seen).toBeLessThan(customers);

    await h.start(env);
    let job: { status: string; progress: { done: number; total: number } } | null = null;
    for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
      job = (await call(`/api/v1/jobs/${jobId}`)).body;
      if (job!.status !== "running" && job!.status !== "queued") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ status: "succeeded", progress: { done: customers } });
    for (const id of ids) {
      const list = await call(`/api/v1/invoices?accountId=${id}`);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ status: "draft", cycleStart: "2026-11-01" });
    }
  }, 400_000);
});
