import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAccount,
  buildCatalog,
  buildCustomer,
  buildSim,
  offer,
  runJob,
} from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

describe("bulk SIM changes", () => {
  it("activates a list of SIMs, reporting each one's outcome", async () => {
    const a = await buildSim(t);
    const b = await buildSim(t, { state: "ACTIVATED" });
    const c = await buildSim(t, { state: "REPLACED" });
    const res = await t.api("POST", "/api/v1/sims/bulk", {
      body: {
        iccids: [a.iccid, b.iccid, c.iccid, "89440000000000000000"],
        change: { state: "ACTIVATED" },
        reason: "go-live",
      },
    });
    expect(res.status).toBe(202);
    const job = await runJob(t, res.body.jobId);
    expect(job).toMatchObject({
      kind: "sims.bulk_change",
      status: "succeeded",
      counts: { updated: 1, unchanged: 1, failed: 2 },
      progress: { done: 4, total: 4 },
    });
    expect(job.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, "SIM_STATE_FINAL"],
      [4, "SIM_NOT_FOUND"],
    ]);
    expect((await t.api("GET", `/api/v1/sims/${a.iccid}`)).body.state).toBe("ACTIVATED");
    const audit = await t.api("GET", `/api/v1/sims/${a.iccid}/audit`);
    expect(audit.body.items.at(-1)).toMatchObject({
      field: "state",
      value: "ACTIVATED",
      reason: "go-live",
      jobId: res.body.jobId,
    });
    const csv = await t.api("GET", `/api/v1/jobs/${res.body.jobId}/results.csv`);
    expect((csv.body as string).trim().split("\n")).toHaveLength(5);
  });

  it("transfers every SIM matching a filter to a customer, with a dry run first", async () => {
    const cat = await buildCatalog(t);
    const stock = await buildAccount(t);
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    await offer(t, cat, stock.id);
    for (let i = 0; i < 4; i++)
      await buildSim(t, {
        accountId: stock.id,
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
      });
    const body = {
      filter: { accountId: stock.id },
      change: { accountId: c.account.id },
      reason: "order 77",
    };
    const dry = await runJob(
      t,
      (await t.api("POST", "/api/v1/sims/bulk", { body: { ...body, dryRun: true } })).body.jobId,
    );
    expect(dry).toMatchObject({ status: "succeeded", dryRun: true, counts: { updated: 4 } });
    expect((await t.api("GET", "/api/v1/sims", { key: c.userKey })).body.items).toHaveLength(0);
    const real = await runJob(t, (await t.api("POST", "/api/v1/sims/bulk", { body })).body.jobId);
    expect(real.counts.updated).toBe(4);
    expect((await t.api("GET", "/api/v1/sims", { key: c.userKey })).body.items).toHaveLength(4);
  });

  it("refuses a change that cannot work before queuing", async () => {
    const unknown = await t.api("POST", "/api/v1/sims/bulk", {
      body: { iccids: ["1"], change: { ratePlan: "Nope" } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({
      field: "ratePlan",
      code: "UNKNOWN_RATE_PLAN",
    });
    const both = await t.api("POST", "/api/v1/sims/bulk", {
      body: { change: { state: "ACTIVATED" } },
    });
    expect(both.body.error.code).toBe("BULK_TARGET");
  });
});

describe("tenant isolation on bulk changes", () => {
  it("never touches another customer's SIMs, whether listed or filtered", async () => {
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    const simB = await buildSim(t, { accountId: b.account.id, state: "ACTIVATED" });
    const simA = await buildSim(t, { accountId: a.account.id, state: "ACTIVATED" });
    const listed = await runJob(
      t,
      (
        await t.api("POST", "/api/v1/sims/bulk", {
          key: a.adminKey,
          body: { iccids: [simB.iccid, simA.iccid], change: { state: "DEACTIVATED" } },
        })
      ).body.jobId,
      a.adminKey,
    );
    expect(listed.counts).toMatchObject({ updated: 1, failed: 1 });
    expect(listed.errors[0]).toMatchObject({ line: 1, code: "SIM_NOT_FOUND" });
    const filtered = await runJob(
      t,
      (
        await t.api("POST", "/api/v1/sims/bulk", {
          key: a.adminKey,
          body: {
            filter: { state: "ACTIVATED" },
            change: { customFields: { accountCustom1: "x" } },
          },
        })
      ).body.jobId,
      a.adminKey,
    );
    expect(filtered.progress.total).toBe(0);
    const other = await t.api("POST", "/api/v1/sims/bulk", {
      key: a.adminKey,
      body: { filter: { accountId: b.account.id }, change: { state: "DEACTIVATED" } },
    });
    expect(other.status).toBe(404);
    expect((await t.api("GET", `/api/v1/sims/${simB.iccid}`)).body.state).toBe("ACTIVATED");
    expect(
      (
        await t.api("POST", "/api/v1/sims/bulk", {
          key: a.userKey,
          body: { iccids: [simA.iccid], change: { state: "DEACTIVATED" } },
        })
      ).status,
    ).toBe(403);
  });
});
