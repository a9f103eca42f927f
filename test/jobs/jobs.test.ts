import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pino from "pino";
import { inTransaction } from "../../src/db/database.js";
import { createJobsService, type JobHandler } from "../../src/modules/jobs/jobs.service.js";
import { TEST_ENGINE } from "../support/engine.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The job runner's contract with the people whose imports and bulk changes it runs: a job finishes
 * once, its closing record commits with its finish, a planned restart is not held against it, and a
 * node whose clock runs ahead cannot take a job another node is still working on.
 */
describe("jobs", () => {
  let t: TestOtter;
  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
  });
  afterAll(() => t.close());

  const runner = () =>
    createJobsService({
      db: t.otter.database.db,
      clock: t.clock,
      engine: t.otter.database.engine,
      logger: pino({ level: "silent" }),
      leaseMs: 60_000,
      accounts: t.otter.services.accounts,
    });
  const principal = () => ({
    userId: "00000000-0000-0000-0000-000000000001",
    name: "Ops Agent",
    accountId: t.rootAccountId,
    accountPath: "/",
    role: "operator_admin" as const,
    apiKeyId: "",
  });
  const jobRow = (id: string) =>
    t.otter.database.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const auditCount = async (entityId: string) =>
    Number(
      (
        await t.otter.database.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("entity_id", "=", entityId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("commits a handler's closing record together with the finish, and only then", async () => {
    const jobs = runner();
    let failFinal = true;
    const handler: JobHandler = {
      kind: "test.closing",
      async run(ctx) {
        await inTransaction(t.otter.database.db, async (tx) => {
          await t.otter.services.audit.record(tx, {
            accountId: ctx.job.account_id,
            actor: { userId: null, name: "system" },
            action: "test.closed",
            entityType: "job",
            entityId: ctx.job.id,
            data: {},
          });
          await ctx.succeed(tx);
          if (failFinal) throw new Error("the node died before the commit");
        });
      },
    };
    jobs.register(handler);
    const job = await jobs.create(t.otter.database.db, {
      principal: principal(),
      accountId: t.rootAccountId,
      kind: handler.kind,
      params: { principal: principal() },
      phase: "run",
    });

    await jobs.runPending();
    // The closing transaction rolled back: no audit record, and the job is not reported succeeded.
    expect(await auditCount(job.id)).toBe(0);
    expect((await jobRow(job.id)).status).toBe("failed");

    failFinal = false;
    const again = await jobs.create(t.otter.database.db, {
      principal: principal(),
      accountId: t.rootAccountId,
      kind: handler.kind,
      params: { principal: principal() },
      phase: "run",
    });
    await jobs.runPending();
    const done = await jobRow(again.id);
    expect(done.status).toBe("succeeded");
    expect(done.finished_at).not.toBeNull();
    expect(await auditCount(again.id)).toBe(1);
  });

  it("resumes a job whose database connection was lost mid-batch instead of failing it", async () => {
    const jobs = createJobsService({
      db: t.otter.database.db,
      clock: t.clock,
      engine: t.otter.database.engine,
      logger: pino({ level: "silent" }),
      leaseMs: 500,
      accounts: t.otter.services.accounts,
    });
    let runs = 0;
    jobs.register({
      kind: "test.failover",
      async run(ctx) {
        runs++;
        await inTransaction(t.otter.database.db, (tx) => ctx.checkpoint(tx, { done: runs }));
        if (runs === 1)
          // What pg reports when the server ends the session (a failover, a restart).
          throw Object.assign(new Error("terminating connection due to administrator command"), {
            code: "57P01",
          });
      },
    });
    const job = await jobs.create(t.otter.database.db, {
      principal: principal(),
      accountId: t.rootAccountId,
      kind: "test.failover",
      params: { principal: principal() },
      phase: "run",
    });
    await jobs.runPending();
    expect(await jobRow(job.id)).toMatchObject({ status: "running", done: 1 });
    // Its lease lapses on the database server's clock, as after a crash; then it resumes.
    await new Promise((r) => setTimeout(r, 700));
    await jobs.runPending();
    expect(await jobRow(job.id)).toMatchObject({ status: "succeeded", done: 2, attempts: 2 });
  });

  it("does not count a graceful pause for a restart as a failed attempt", async () => {
    let release!: () => void;
    const handler: JobHandler = {
      kind: "test.pausable",
      async run(ctx) {
        // Work until the runner is stopped; the next checkpoint hands the job back.
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        await inTransaction(t.otter.database.db, (tx) => ctx.checkpoint(tx, { done: 1 }));
      },
    };
    let id = "";
    // Six planned restarts in a row: more than the five interruptions a job may suffer.
    for (let restart = 0; restart < 6; restart++) {
      const jobs = runner();
      jobs.register(handler);
      if (!id)
        id = (
          await jobs.create(t.otter.database.db, {
            principal: principal(),
            accountId: t.rootAccountId,
            kind: handler.kind,
            params: { principal: principal() },
            phase: "run",
          })
        ).id;
      const running = jobs.runPending();
      await vi.waitFor(() => expect(release).toBeTypeOf("function"));
      jobs.stop();
      release();
      await running;
      release = undefined as unknown as () => void;
      const row = await jobRow(id);
      expect(row).toMatchObject({ status: "running", lease_owner: null, attempts: 0 });
    }
    const finalRunner = runner();
    finalRunner.register({ kind: handler.kind, async run() {} });
    await finalRunner.runPending();
    expect(await jobRow(id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  // Several nodes share a database only on PostgreSQL; PGlite lives in the one process that owns it
  // (and reads that process's clock), so there is no other node's clock to disagree with.
  it.skipIf(TEST_ENGINE === "pglite")(
    "keeps a live lease from a node whose clock runs an hour ahead",
    async () => {
      const first = runner();
      let release!: () => void;
      first.register({
        kind: "test.lease",
        run: () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      });
      const job = await first.create(t.otter.database.db, {
        principal: principal(),
        accountId: t.rootAccountId,
        kind: "test.lease",
        params: { principal: principal() },
        phase: "run",
      });
      const running = first.runPending();
      await vi.waitFor(async () => expect((await jobRow(job.id)).lease_owner).toBe(first.node));

      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3600_000 });
      try {
        const fast = runner();
        let stolen = false;
        fast.register({
          kind: "test.lease",
          async run() {
            stolen = true;
          },
        });
        expect(await fast.runPending()).toBe(0);
        expect(stolen).toBe(false);
      } finally {
        vi.useRealTimers();
      }
      expect((await jobRow(job.id)).lease_owner).toBe(first.node);
      release();
      await running;
      expect((await jobRow(job.id)).status).toBe("succeeded");
    },
  );
  it("ends only the download whose results fail midway; the server goes on answering", async () => {
    const jobs = t.otter.services.jobs;
    jobs.register({
      kind: "test.broken_results",
      async run() {},
      async *results() {
        for (let line = 1; line <= 2000; line++)
          yield {
            line,
            iccid: null,
            outcome: "created",
            field: null,
            code: null,
            message: null,
            account_id: null,
          };
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("the database went away");
      },
    });
    const job = await jobs.create(t.otter.database.db, {
      principal: principal(),
      accountId: t.rootAccountId,
      kind: "test.broken_results",
      params: { principal: principal() },
      phase: "run",
    });
    const res = await fetch(`${t.url}/api/v1/jobs/${job.id}/results.csv`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(res.status).toBe(200);
    // The response is cut off rather than ended as if complete.
    await expect(res.text()).rejects.toThrow();
    expect((await t.api("GET", "/healthz")).status).toBe(200);
    expect((await t.api("GET", `/api/v1/jobs/${job.id}`)).status).toBe(200);
  });
});
