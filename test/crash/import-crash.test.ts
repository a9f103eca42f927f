import { afterAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../support/engine.js";
import { simCsv } from "../support/factories.js";
import { processHarness } from "../support/process.js";

/**
 * kill -9 while an import writes: after a restart the job resumes from its last committed
 * checkpoint and ends with every row stored exactly once — on both engines.
 */
const h = processHarness("crash");
const call = h.call;
afterAll(() => h.close());

/** Counts the SIMs of an account through the API, a page at a time. */
async function storedIn(accountId: string) {
  let stored = 0;
  let cursor: string | null = null;
  do {
    const page: { body: { items: { iccid: string }[]; nextCursor: string | null } } = await call(
      `/api/v1/sims?accountId=${accountId}&limit=1000${cursor ? `&cursor=${cursor}` : ""}`,
    );
    stored += page.body.items.length;
    cursor = page.body.nextCursor;
  } while (cursor);
  return stored;
}

/** Creates an account and uploads `rows` new SIMs into it; the job is queued. */
async function startImport(accountName: string, rows: number) {
  const account = await call("/api/v1/accounts", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: accountName }),
  });
  expect(account.status).toBe(201);
  const { csv, sims } = simCsv(rows);
  const up = await call(`/api/v1/sims/imports?accountId=${account.body.id}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: csv,
  });
  expect(up.status).toBe(202);
  return { accountId: account.body.id as string, jobId: up.body.jobId as string, sims };
}

/** Follows a job until it is neither queued nor running (up to 3 minutes) and returns it. */
async function untilEnded(jobId: string) {
  let job: {
    status: string;
    counts: { created: number; failed: number; unchanged: number };
    progress: { done: number };
  } | null = null;
  for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
    job = (await call(`/api/v1/jobs/${jobId}`)).body;
    if (job!.status !== "running" && job!.status !== "queued") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return job;
}

describe(`crash during an import (${TEST_ENGINE})`, () => {
  it("resumes after kill -9 without losing or doubling a row", async () => {
    const env = {
      OTTER_IMPORT_BATCH_SIZE: "50",
      OTTER_WORKER_POLL_MS: "50",
      OTTER_JOB_LEASE_MS: "1500",
    };
    const server = await h.start(env);
    const me = await call("/api/v1/users/me");
    const rows = 20000;
    const { accountId, jobId, sims } = await startImport("Sea otter research", rows);

    // Wait until part of the file is written, then pull the plug.
    let seen = 0;
    let lastSeen: unknown = null;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const job = (await call(`/api/v1/jobs/${jobId}`)).body;
      lastSeen = job;
      if (job.status === "failed") break;
      if (job.progress.phase === "apply" && job.progress.done > 0) {
        seen = job.progress.done;
        break;
      }
      if (job.status === "succeeded") break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await server.kill("SIGKILL");
    expect(
      seen,
      `the job was caught while writing; last seen ${JSON.stringify(lastSeen)}\n${server.output()}`,
    ).toBeGreaterThan(0);
    expect(seen).toBeLessThan(rows);

    await h.start(env); // the harness keeps the restarted node and stops it after the test
    expect(await untilEnded(jobId)).toMatchObject({
      status: "succeeded",
      counts: { created: rows, failed: 0 },
      progress: { done: rows },
    });

    expect(await storedIn(accountId)).toBe(rows);
    const last = await call(`/api/v1/sims/${sims[rows - 1]!.iccid}`);
    expect(last.body).toMatchObject({ imsi: sims[rows - 1]!.imsi, createdByJobId: jobId });
    expect(me.status).toBe(200);
    const audit = await call(`/api/v1/audit-log?entityType=job&entityId=${jobId}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: "sims.imported",
      data: { counts: { created: rows } },
    });
  }, 400_000);

  // On PostgreSQL two transactions write ranges side by side; one may commit after a later one.
  it.runIf(TEST_ENGINE === "postgres")(
    "resumes after kill -9 when a later range committed before an earlier one",
    async () => {
      const env = {
        OTTER_IMPORT_BATCH_SIZE: "50",
        OTTER_IMPORT_APPLY_LANES: "2",
        OTTER_WORKER_POLL_MS: "50",
        OTTER_JOB_LEASE_MS: "1500",
      };
      await h.server?.kill("SIGTERM");
      const doomed = await h.start({ ...env, OTTER_CRASH_POINT: "sims.import.apply.out-of-order" });
      const rows = 20000;
      const { accountId, jobId, sims } = await startImport("Giraffe collars", rows);
      for (const deadline = Date.now() + 120_000; doomed.child.signalCode === null;) {
        expect(Date.now(), doomed.output()).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(doomed.child.signalCode).toBe("SIGKILL");

      await h.start(env);
      expect(await untilEnded(jobId)).toMatchObject({
        status: "succeeded",
        counts: { created: rows, failed: 0, unchanged: 0 },
        progress: { done: rows },
      });
      expect(await storedIn(accountId)).toBe(rows);
      const last = await call(`/api/v1/sims/${sims[rows - 1]!.iccid}`);
      expect(last.body).toMatchObject({ imsi: sims[rows - 1]!.imsi, createdByJobId: jobId });
    },
    400_000,
  );
});
