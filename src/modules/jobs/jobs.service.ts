import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Selectable } from "kysely";
import type { Logger } from "pino";
import {
  type Db,
  type Engine,
  type Executor,
  inTransaction,
  isConnectionLost,
  type Tx,
} from "../../db/database.js";
import type { Job, JobRowsTable } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, OtterError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import { requirePermission } from "../auth/permissions.js";
import { type Principal } from "../auth/principal.js";
import { inSubtree } from "../tenancy/tenancy.js";
import { jobRowsRepo } from "./job-rows.shared.repo.js";
import { type JobStatus, jobsRepo as repo } from "./jobs.repo.js";
import type { JobCounts, JobOut } from "./jobs.schemas.js";

/**
 * Long work (imports, bulk changes) runs as a job: stored first, claimed by one node at a time
 * through a lease (`FOR UPDATE SKIP LOCKED`, renewed by a heartbeat), and written in batches whose
 * transaction also moves the job's checkpoint. A node that dies loses its lease; another node (or
 * the same one after restart) resumes from the checkpoint, so no row is applied twice or lost.
 */
export interface JobContext {
  job: Job;
  /** The principal that created the job, as it was then. */
  principal: Principal;
  /** Ends the run early (throws) if the lease was lost or a cancel was requested. */
  checkpoint(
    tx: Tx,
    update: {
      phase?: string;
      done?: number;
      total?: number;
      checkpoint?: number;
      counts?: Partial<JobCounts>;
      errorCount?: number;
    },
  ): Promise<void>;
  /** Whether a cancel was requested (checked between batches). */
  cancelRequested(): Promise<boolean>;
  /**
   * Marks the job succeeded inside the handler's last transaction, so its closing writes (audit
   * record, domain event) commit together with the finish: a resume can never repeat them.
   */
  succeed(tx: Tx): Promise<void>;
  logger: Logger;
}

export interface JobHandler {
  kind: string;
  run(ctx: JobContext): Promise<void>;
  /**
   * Every row's outcome, in line order, each with the account it concerns (null = the job's own);
   * by default the rows stored in job_rows. The jobs service hides what the reader may not see.
   */
  results?(job: Job): AsyncIterable<ResultRow>;
}

export type ResultRow = Omit<Selectable<JobRowsTable>, "job_id">;

/**
 * What a reader sees of a row about an account outside their subtree: its line and nothing that
 * names the SIM or what happened to it.
 */
export const OTHER_ACCOUNT_OUTCOME = "other_account";

export class JobCancelled extends Error {}
class LeaseLost extends Error {}

const MAX_ATTEMPTS = 5;
const ZERO_COUNTS: JobCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };

interface Deps {
  db: Db;
  clock: Clock;
  engine: Engine;
  logger: Logger;
  leaseMs: number;
  /** Reads the paths of the accounts a job's rows concern, to hide the others' rows from a reader. */
  accounts: Pick<AccountsService, "directory">;
  /** Runs in the transaction that ends a job (e.g. to queue a notice to the person who started it). */
  onFinished?: (tx: Executor, job: Job) => Promise<void>;
}

export function createJobsService(deps: Deps) {
  const { db, clock } = deps;
  const node = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const handlers = new Map<string, JobHandler>();
  let stopping = false;
  let onReady: () => void = () => {};

  async function requireVisibleJob(principal: Principal, id: string, ex: Executor = db) {
    const job = await repo.findWithPath(ex, id);
    if (!job || !inSubtree(principal.accountPath, job.account_path))
      throw notFound("JOB_NOT_FOUND", `Job ${id} was not found.`);
    return job;
  }

  async function present(ex: Executor, job: Job, reader: Principal): Promise<JobOut> {
    const errors = await jobRowsRepo.visibleFailures(ex, job.id, reader.accountPath, {
      limit: 100,
    });
    const hidden = await jobRowsRepo.hiddenFailureCount(ex, job.id, reader.accountPath);
    const params = job.params as { dryRun?: boolean; principal?: { userId: string } };
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      accountId: job.account_id,
      fileName: job.file_name,
      dryRun: params.dryRun ?? false,
      progress: { phase: job.phase, done: job.done, total: job.total },
      counts: { ...ZERO_COUNTS, ...(job.counts as Partial<JobCounts>) },
      errorCount: job.error_count,
      hiddenErrorCount: hidden,
      errors: errors.map((e) => ({
        line: e.line,
        iccid: e.iccid,
        field: e.field,
        code: e.code ?? "INVALID",
        message: e.message ?? "",
      })),
      failure: (job.failure as JobOut["failure"]) ?? null,
      cancelRequested: job.cancel_requested,
      createdBy: job.created_by,
      createdAt: job.created_at.toISOString(),
      startedAt: job.started_at?.toISOString() ?? null,
      finishedAt: job.finished_at?.toISOString() ?? null,
    };
  }

  /** Finishes a job this node holds; false when the lease was lost meanwhile (nothing written). */
  async function finishIn(
    tx: Tx,
    id: string,
    status: "succeeded" | "failed" | "cancelled",
    failure?: { code: string; message: string },
  ): Promise<boolean> {
    const job = await repo.finish(tx, id, node, status, failure, clock.now());
    if (job && deps.onFinished) await deps.onFinished(tx, job);
    return job !== undefined;
  }

  async function finish(
    id: string,
    status: "succeeded" | "failed" | "cancelled",
    failure?: { code: string; message: string },
  ) {
    await inTransaction(db, (tx) => finishIn(tx, id, status, failure));
  }

  /** Claims one runnable job: queued and uploaded, or running with an expired lease. */
  async function claim(): Promise<Job | undefined> {
    return inTransaction(db, async (tx) => {
      const candidate = await repo.lockRunnable(tx);
      if (!candidate) return undefined;
      return repo.lease(tx, candidate.id, node, deps.leaseMs, clock.now());
    });
  }

  async function runJob(job: Job): Promise<void> {
    const log = deps.logger.child({ jobId: job.id, kind: job.kind });
    const handler = handlers.get(job.kind);
    if (!handler)
      return finish(job.id, "failed", {
        code: "JOB_KIND_UNKNOWN",
        message: `No handler for job kind ${job.kind}.`,
      });
    if (job.attempts > MAX_ATTEMPTS) {
      return finish(job.id, "failed", {
        code: "JOB_ATTEMPTS_EXHAUSTED",
        message: `The job was interrupted ${MAX_ATTEMPTS} times and is not retried again.`,
      });
    }
    let lost = false;
    const heartbeat = setInterval(
      () => {
        repo
          .renewLease(db, job.id, node, deps.leaseMs)
          .then((r) => {
            if (Number(r.numUpdatedRows) === 0) lost = true;
          })
          .catch((err) => log.warn({ err }, "job heartbeat failed"));
      },
      Math.max(200, Math.floor(deps.leaseMs / 3)),
    );
    const principal = (job.params as { principal: Principal }).principal;
    let succeeded = false;
    const ctx: JobContext = {
      job,
      principal,
      logger: log,
      async checkpoint(tx, u) {
        if (lost || stopping) throw new LeaseLost();
        const res = await repo.checkpoint(tx, job.id, node, u, clock.now());
        if (Number(res.numUpdatedRows) === 0) throw new LeaseLost();
      },
      async cancelRequested() {
        return (await repo.cancelRequested(db, job.id)) ?? true;
      },
      async succeed(tx) {
        if (!(await finishIn(tx, job.id, "succeeded"))) throw new LeaseLost();
        succeeded = true;
      },
    };
    try {
      await handler.run(ctx);
      if (!succeeded) await finish(job.id, "succeeded");
    } catch (err) {
      if (err instanceof LeaseLost && stopping) {
        // Shutting down: hand the job back at once; whoever starts next resumes from the checkpoint.
        // A graceful pause is not a failed attempt, so it does not count towards MAX_ATTEMPTS.
        await repo.handBack(db, job.id, node);
        log.info("job paused for shutdown; it resumes from its last checkpoint");
      } else if (err instanceof LeaseLost) {
        log.warn("job lease lost to another node; stopping here");
      } else if (isConnectionLost(err)) {
        // The database went away mid-batch (a failover, a restart): the batch rolled back and the
        // checkpoint holds. The job keeps its lease, which lapses as after a crash; then this node
        // or another resumes it, and the interruption counts as one of its attempts.
        log.warn({ err }, "job interrupted: the database connection was lost; it resumes later");
      } else if (err instanceof JobCancelled) {
        await finish(job.id, "cancelled");
      } else if (err instanceof OtterError && err.kind !== "internal") {
        await finish(job.id, "failed", { code: err.code, message: err.message });
      } else {
        log.error({ err }, "job failed");
        await finish(job.id, "failed", {
          code: "INTERNAL",
          message: "The job hit an unexpected error; it is logged with the job id.",
        });
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  return {
    node,
    register(handler: JobHandler) {
      handlers.set(handler.kind, handler);
    },

    async create(
      ex: Executor,
      input: {
        principal: Principal;
        accountId: string;
        kind: string;
        params: Record<string, unknown>;
        phase: string;
        fileName?: string | null;
        total?: number;
      },
    ): Promise<Job> {
      const now = clock.now();
      const { principal } = input;
      return repo.insert(ex, {
        id: newId(),
        account_id: input.accountId,
        kind: input.kind,
        status: "queued",
        phase: input.phase,
        params: JSON.stringify({ ...input.params, principal }),
        created_by: principal.userId,
        file_name: input.fileName ?? null,
        total: input.total ?? 0,
        counts: JSON.stringify(ZERO_COUNTS),
        created_at: now,
        updated_at: now,
      });
    },

    /**
     * Marks an uploaded job ready to run; `params`, when given, replace the stored ones first (what
     * the upload turned out to be, such as a CSV's header).
     */
    async release(
      id: string,
      set: {
        phase: string;
        uploadBytes?: number;
        total?: number;
        params?: Record<string, unknown>;
      },
    ) {
      if (set.params) await repo.setParams(db, id, set.params);
      await repo.markUploaded(
        db,
        id,
        { phase: set.phase, uploadBytes: set.uploadBytes ?? 0, total: set.total ?? 0 },
        clock.now(),
      );
      // This node's worker takes it now rather than at its next poll (others still poll).
      onReady();
    },

    /** Called when a job of this node becomes ready to run (the worker loop's `wake`). */
    onJobReady(fn: () => void) {
      onReady = fn;
    },

    /** Removes a job whose upload was refused, so the user never sees half a job. */
    async discard(id: string) {
      await inTransaction(db, (tx) => repo.delete(tx, id));
    },

    async get(principal: Principal, id: string): Promise<JobOut> {
      requirePermission(principal, "jobs:read");
      return present(db, await requireVisibleJob(principal, id), principal);
    },

    async list(principal: Principal, opts: { cursor?: string; limit: number; status?: string }) {
      requirePermission(principal, "jobs:read");
      const rows = await repo.listInSubtree(db, principal.accountPath, {
        status: opts.status as JobStatus | undefined,
        before: opts.cursor,
        limit: opts.limit + 1,
      });
      const page = rows.slice(0, opts.limit);
      return {
        items: await Promise.all(page.map((j) => present(db, j, principal))),
        nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null,
      };
    },

    async cancel(principal: Principal, id: string): Promise<JobOut> {
      requirePermission(principal, "jobs:cancel");
      return inTransaction(db, async (tx) => {
        const job = await requireVisibleJob(principal, id, tx);
        if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") {
          throw conflict(
            "JOB_ALREADY_FINISHED",
            `Job ${id} has already ${job.status === "cancelled" ? "been cancelled" : job.status}.`,
          );
        }
        const now = clock.now();
        // A job claimed meanwhile is only asked to stop; it ends at its next checkpoint.
        const updated =
          (job.status === "queued" ? await repo.cancelQueued(tx, id, now) : undefined) ??
          (await repo.requestCancel(tx, id, now));
        return present(tx, updated, principal);
      });
    },

    async errors(principal: Principal, id: string, opts: { afterLine?: number; limit: number }) {
      requirePermission(principal, "jobs:read");
      await requireVisibleJob(principal, id);
      const rows = await jobRowsRepo.visibleFailures(db, id, principal.accountPath, {
        afterLine: opts.afterLine ?? 0,
        limit: opts.limit + 1,
      });
      const page = rows.slice(0, opts.limit);
      return {
        items: page.map((e) => ({
          line: e.line,
          iccid: e.iccid,
          field: e.field,
          code: e.code ?? "INVALID",
          message: e.message ?? "",
        })),
        nextCursor: rows.length > opts.limit ? String(page[page.length - 1]!.line) : null,
      };
    },

    requireVisibleJob,

    /**
     * Per-row results of a job, for the CSV download. A row about an account outside the reader's
     * subtree keeps its line but shows only `other_account`.
     */
    async results(
      principal: Principal,
      id: string,
    ): Promise<{ job: Job; rows: AsyncIterable<ResultRow> }> {
      requirePermission(principal, "jobs:read");
      const job = await requireVisibleJob(principal, id);
      const handler = handlers.get(job.kind);
      async function* stored(): AsyncGenerator<ResultRow> {
        let after = 0;
        for (;;) {
          const rows = await jobRowsRepo.rows(db, id, { afterLine: after, limit: 5000 });
          if (rows.length === 0) return;
          yield* rows;
          after = rows[rows.length - 1]!.line;
        }
      }
      const paths = new Map<string, string | null>();
      const visible = async (accountId: string | null) => {
        if (accountId === null) return true;
        if (!paths.has(accountId)) {
          const [acct] = await deps.accounts.directory.accountsByIds(db, [accountId]);
          paths.set(accountId, acct?.path ?? null);
        }
        const path = paths.get(accountId);
        return path != null && inSubtree(principal.accountPath, path);
      };
      async function* forReader(rows: AsyncIterable<ResultRow>): AsyncGenerator<ResultRow> {
        for await (const row of rows) {
          yield (await visible(row.account_id))
            ? row
            : {
                line: row.line,
                iccid: null,
                outcome: OTHER_ACCOUNT_OUTCOME,
                field: null,
                code: null,
                message: null,
                account_id: null,
              };
        }
      }
      return { job, rows: forReader(handler?.results ? handler.results(job) : stored()) };
    },

    /** Runs claimable jobs until none is left (used by the worker loop and by tests). */
    async runPending(): Promise<number> {
      let ran = 0;
      // An upload whose node died mid-stream never becomes runnable; after an hour it is failed so the
      // user sees it (on PGlite recoverAfterRestart does this at once).
      await repo.failUnfinishedUploads(
        db,
        {
          code: "UPLOAD_INTERRUPTED",
          message: "The upload did not finish; upload the file again.",
        },
        clock.now(),
        { startedBefore: new Date(clock.now().getTime() - 3600_000), touch: true },
      );
      while (!stopping) {
        const job = await claim();
        if (!job) return ran;
        await runJob(job);
        ran++;
      }
      return ran;
    },

    /** Stops taking work; a running job stops at its next checkpoint and is handed back. */
    stop() {
      stopping = true;
    },

    /**
     * With PGlite one process owns the data directory, so a job still marked running at start was
     * interrupted by a crash of this very process: take it back at once instead of waiting out its lease.
     */
    async recoverAfterRestart(): Promise<void> {
      if (deps.engine !== "pglite") return;
      await repo.dropRunningLeases(db);
      await repo.failUnfinishedUploads(
        db,
        {
          code: "UPLOAD_INTERRUPTED",
          message: "Otter stopped while the file was being uploaded; upload it again.",
        },
        clock.now(),
        { touch: false },
      );
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
