import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { type ExpressionBuilder, sql } from "kysely";
import type { Logger } from "pino";
import { type Db, type Engine, type Executor, inTransaction } from "../../db/database.js";
import type { Selectable } from "kysely";
import type { DB, Job, JobRowsTable } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, OtterError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../auth/permissions.js";
import { type Principal } from "../auth/principal.js";
import { inSubtree } from "../tenancy/tenancy.js";
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
    tx: Executor,
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
  succeed(tx: Executor): Promise<void>;
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

/**
 * Rows a reader may see: those of the job's own account (account_id null) and those of accounts in
 * the reader's subtree. (The job itself is visible, so its own account is in the subtree.)
 */
function rowVisibleTo(principal: Principal) {
  return (eb: ExpressionBuilder<DB, "job_rows">) =>
    eb.or([
      eb("job_rows.account_id", "is", null),
      eb(
        "job_rows.account_id",
        "in",
        eb
          .selectFrom("accounts")
          .select("accounts.id")
          .where("accounts.path", "like", `${principal.accountPath}%`),
      ),
    ]);
}

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
  /** Runs in the transaction that ends a job (e.g. to queue a notice to the person who started it). */
  onFinished?: (tx: Executor, job: Job) => Promise<void>;
}

export function createJobsService(deps: Deps) {
  const { db, clock } = deps;
  const node = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const handlers = new Map<string, JobHandler>();
  let stopping = false;
  /**
   * Leases are operational time, not domain time, and are compared across nodes: they use the
   * database server's clock (`now()`), so a node whose clock runs ahead cannot steal a live lease.
   */
  const leaseUntil = () => sql<Date>`now() + ${deps.leaseMs} * interval '1 millisecond'`;

  async function requireVisibleJob(principal: Principal, id: string, ex: Executor = db) {
    const job = await ex
      .selectFrom("jobs")
      .innerJoin("accounts", "accounts.id", "jobs.account_id")
      .selectAll("jobs")
      .select("accounts.path as account_path")
      .where("jobs.id", "=", id)
      .executeTakeFirst();
    if (!job || !inSubtree(principal.accountPath, job.account_path))
      throw notFound("JOB_NOT_FOUND", `Job ${id} was not found.`);
    return job;
  }

  async function present(ex: Executor, job: Job, reader: Principal): Promise<JobOut> {
    const errors = await ex
      .selectFrom("job_rows")
      .select(["line", "iccid", "field", "code", "message"])
      .where("job_id", "=", job.id)
      .where("outcome", "=", "failed")
      .where(rowVisibleTo(reader))
      .orderBy("line")
      .limit(100)
      .execute();
    const hidden = await ex
      .selectFrom("job_rows")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("job_id", "=", job.id)
      .where("outcome", "=", "failed")
      .where((eb) => eb.not(rowVisibleTo(reader)(eb)))
      .executeTakeFirst();
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
      hiddenErrorCount: Number(hidden?.n ?? 0),
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
    tx: Executor,
    id: string,
    status: "succeeded" | "failed" | "cancelled",
    failure?: { code: string; message: string },
  ): Promise<boolean> {
    const job = await tx
      .updateTable("jobs")
      .set({
        status,
        phase: "done",
        finished_at: clock.now(),
        updated_at: clock.now(),
        lease_owner: null,
        lease_until: null,
        ...(failure && { failure: JSON.stringify(failure) }),
      })
      .where("id", "=", id)
      .where("lease_owner", "=", node)
      .returningAll()
      .executeTakeFirst();
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
      const now = sql<Date>`now()`;
      const candidate = await tx
        .selectFrom("jobs")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "queued"), eb("phase", "!=", "upload")]),
            eb.and([
              eb("status", "=", "running"),
              eb.or([eb("lease_until", "<", now), eb("lease_until", "is", null)]),
            ]),
          ]),
        )
        .orderBy("created_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!candidate) return undefined;
      return tx
        .updateTable("jobs")
        .set({
          status: "running",
          lease_owner: node,
          lease_until: leaseUntil(),
          attempts: sql`attempts + 1`,
          started_at: sql`coalesce(started_at, ${clock.now()})`,
          updated_at: clock.now(),
        })
        .where("id", "=", candidate.id)
        .returningAll()
        .executeTakeFirstOrThrow();
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
        db.updateTable("jobs")
          .set({ lease_until: leaseUntil() })
          .where("id", "=", job.id)
          .where("lease_owner", "=", node)
          .executeTakeFirst()
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
        const res = await tx
          .updateTable("jobs")
          .set({
            ...(u.phase !== undefined && { phase: u.phase }),
            ...(u.done !== undefined && { done: u.done }),
            ...(u.total !== undefined && { total: u.total }),
            ...(u.checkpoint !== undefined && { checkpoint: u.checkpoint }),
            ...(u.errorCount !== undefined && { error_count: u.errorCount }),
            ...(u.counts && { counts: sql`counts || ${JSON.stringify(u.counts)}::jsonb` }),
            updated_at: clock.now(),
          })
          .where("id", "=", job.id)
          .where("lease_owner", "=", node)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new LeaseLost();
      },
      async cancelRequested() {
        const row = await db
          .selectFrom("jobs")
          .select("cancel_requested")
          .where("id", "=", job.id)
          .executeTakeFirst();
        return row?.cancel_requested ?? true;
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
        await db
          .updateTable("jobs")
          .set({ lease_owner: null, lease_until: null, attempts: sql`greatest(attempts - 1, 0)` })
          .where("id", "=", job.id)
          .where("lease_owner", "=", node)
          .execute();
        log.info("job paused for shutdown; it resumes from its last checkpoint");
      } else if (err instanceof LeaseLost) {
        log.warn("job lease lost to another node; stopping here");
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
      return ex
        .insertInto("jobs")
        .values({
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
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Marks an uploaded job ready to run. */
    async release(id: string, set: { phase: string; uploadBytes?: number; total?: number }) {
      await db
        .updateTable("jobs")
        .set({
          phase: set.phase,
          upload_bytes: set.uploadBytes ?? 0,
          total: set.total ?? 0,
          updated_at: clock.now(),
        })
        .where("id", "=", id)
        .execute();
    },

    /** Removes a job whose upload was refused, so the user never sees half a job. */
    async discard(id: string) {
      await inTransaction(db, async (tx) => {
        await tx.deleteFrom("job_uploads").where("job_id", "=", id).execute();
        await tx.deleteFrom("job_rows").where("job_id", "=", id).execute();
        await tx.deleteFrom("jobs").where("id", "=", id).execute();
      });
    },

    async get(principal: Principal, id: string): Promise<JobOut> {
      requirePermission(principal, "jobs:read");
      return present(db, await requireVisibleJob(principal, id), principal);
    },

    async list(principal: Principal, opts: { cursor?: string; limit: number; status?: string }) {
      requirePermission(principal, "jobs:read");
      let q = db
        .selectFrom("jobs")
        .innerJoin("accounts", "accounts.id", "jobs.account_id")
        .selectAll("jobs")
        .where("accounts.path", "like", `${principal.accountPath}%`);
      if (opts.status) q = q.where("jobs.status", "=", opts.status as Job["status"]);
      if (opts.cursor) q = q.where("jobs.id", "<", opts.cursor);
      const rows = await q
        .orderBy("jobs.id", "desc")
        .limit(opts.limit + 1)
        .execute();
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
          (job.status === "queued"
            ? await tx
                .updateTable("jobs")
                .set({
                  status: "cancelled",
                  phase: "done",
                  cancel_requested: true,
                  finished_at: now,
                  updated_at: now,
                })
                .where("id", "=", id)
                .where("status", "=", "queued")
                .returningAll()
                .executeTakeFirst()
            : undefined) ??
          (await tx
            .updateTable("jobs")
            .set({ cancel_requested: true, updated_at: now })
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirstOrThrow());
        return present(tx, updated, principal);
      });
    },

    async errors(principal: Principal, id: string, opts: { afterLine?: number; limit: number }) {
      requirePermission(principal, "jobs:read");
      await requireVisibleJob(principal, id);
      const rows = await db
        .selectFrom("job_rows")
        .select(["line", "iccid", "field", "code", "message"])
        .where("job_id", "=", id)
        .where("outcome", "=", "failed")
        .where("line", ">", opts.afterLine ?? 0)
        .where(rowVisibleTo(principal))
        .orderBy("line")
        .limit(opts.limit + 1)
        .execute();
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
          const rows = await db
            .selectFrom("job_rows")
            .select(["line", "iccid", "outcome", "field", "code", "message", "account_id"])
            .where("job_id", "=", id)
            .where("line", ">", after)
            .orderBy("line")
            .limit(5000)
            .execute();
          if (rows.length === 0) return;
          yield* rows;
          after = rows[rows.length - 1]!.line;
        }
      }
      const paths = new Map<string, string | null>();
      const visible = async (accountId: string | null) => {
        if (accountId === null) return true;
        if (!paths.has(accountId)) {
          const acct = await db
            .selectFrom("accounts")
            .select("path")
            .where("id", "=", accountId)
            .executeTakeFirst();
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
      await db
        .updateTable("jobs")
        .set({
          status: "failed",
          phase: "done",
          finished_at: clock.now(),
          updated_at: clock.now(),
          failure: JSON.stringify({
            code: "UPLOAD_INTERRUPTED",
            message: "The upload did not finish; upload the file again.",
          }),
        })
        .where("status", "=", "queued")
        .where("phase", "=", "upload")
        .where("created_at", "<", new Date(clock.now().getTime() - 3600_000))
        .execute();
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
      await db
        .updateTable("jobs")
        .set({ lease_until: null, lease_owner: null })
        .where("status", "=", "running")
        .execute();
      await db
        .updateTable("jobs")
        .set({
          status: "failed",
          phase: "done",
          finished_at: clock.now(),
          failure: JSON.stringify({
            code: "UPLOAD_INTERRUPTED",
            message: "Otter stopped while the file was being uploaded; upload it again.",
          }),
        })
        .where("status", "=", "queued")
        .where("phase", "=", "upload")
        .execute();
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
