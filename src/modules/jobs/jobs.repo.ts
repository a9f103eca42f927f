import { type Insertable, sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { Job, JobsTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { pathOf, withinSubtree } from "../tenancy/tenancy.js";

export type JobStatus = Job["status"];
type Finished = "succeeded" | "failed" | "cancelled";

/** What a handler's batch moves on the job, in the same transaction as the batch. */
export interface CheckpointUpdate {
  phase?: string;
  done?: number;
  total?: number;
  checkpoint?: number;
  /** Merged into the stored counts (`counts || …`), so a batch names only what it moved. */
  counts?: Record<string, number>;
  errorCount?: number;
}

/**
 * Leases are compared across nodes, so they are measured on the database server's clock (`now()`):
 * a node whose clock runs ahead cannot steal a live lease.
 */
const leaseUntil = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

/** Queries over `jobs`: the job itself, its lease and its checkpoint. */
export const jobsRepo = {
  insert: (db: Executor, row: Insertable<JobsTable>) =>
    db.insertInto("jobs").values(row).returningAll().executeTakeFirstOrThrow(),

  /** A job with its account's path (for the subtree check). */
  findWithPath: (db: Executor, id: string) =>
    db
      .selectFrom("jobs")
      .selectAll("jobs")
      .select((eb) => pathOf(eb, "jobs.account_id").as("account_path"))
      .where("jobs.id", "=", id)
      .$narrowType<{ account_path: string }>()
      .executeTakeFirst(),

  /** Jobs of the subtree at `scopePath`, newest first; `before` is the last id of the previous page. */
  listInSubtree: (
    db: Executor,
    scopePath: string,
    opts: { status?: JobStatus; before?: string; limit: number },
  ) => {
    let q = db
      .selectFrom("jobs")
      .selectAll("jobs")
      .where((eb) => withinSubtree(eb, "jobs.account_id", scopePath));
    if (opts.status) q = q.where("jobs.status", "=", opts.status);
    if (opts.before) q = q.where("jobs.id", "<", opts.before);
    return q.orderBy("jobs.id", "desc").limit(opts.limit).execute();
  },

  /** Stores what a job's upload turned out to be (its header, for a CSV). */
  setParams: (db: Executor, id: string, params: Record<string, unknown>) =>
    db
      .updateTable("jobs")
      .set({ params: JSON.stringify(params) })
      .where("id", "=", id)
      .execute(),

  /** Marks an uploaded job ready to run. */
  markUploaded: (
    db: Executor,
    id: string,
    set: { phase: string; uploadBytes: number; total: number },
    now: Date,
  ) =>
    db
      .updateTable("jobs")
      .set({ phase: set.phase, upload_bytes: set.uploadBytes, total: set.total, updated_at: now })
      .where("id", "=", id)
      .execute(),

  /** Removes a job with its uploaded chunks and row outcomes. */
  delete: async (tx: Tx, id: string) => {
    await tx.deleteFrom("job_uploads").where("job_id", "=", id).execute();
    await tx.deleteFrom("job_rows").where("job_id", "=", id).execute();
    await tx.deleteFrom("jobs").where("id", "=", id).execute();
  },

  /**
   * Locks one runnable job no other node has locked: queued and uploaded, or running with a lapsed
   * lease; oldest first.
   */
  lockRunnable: (tx: Tx) => {
    const now = sql<Date>`now()`;
    return tx
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
  },

  /** Gives `node` the lease on a locked job and counts the attempt. */
  lease: (tx: Tx, id: string, node: string, leaseMs: number, now: Date) =>
    tx
      .updateTable("jobs")
      .set({
        status: "running",
        lease_owner: node,
        lease_until: leaseUntil(leaseMs),
        attempts: sql`attempts + 1`,
        started_at: sql`coalesce(started_at, ${now})`,
        updated_at: now,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** Extends the lease while `node` still holds it; no row updated means the lease was lost. */
  renewLease: (db: Executor, id: string, node: string, leaseMs: number) =>
    db
      .updateTable("jobs")
      .set({ lease_until: leaseUntil(leaseMs) })
      .where("id", "=", id)
      .where("lease_owner", "=", node)
      .executeTakeFirst(),

  /** Moves the checkpoint of a job `node` holds; no row updated means the lease was lost. */
  checkpoint: (tx: Tx, id: string, node: string, u: CheckpointUpdate, now: Date) =>
    tx
      .updateTable("jobs")
      .set({
        ...(u.phase !== undefined && { phase: u.phase }),
        ...(u.done !== undefined && { done: u.done }),
        ...(u.total !== undefined && { total: u.total }),
        ...(u.checkpoint !== undefined && { checkpoint: u.checkpoint }),
        ...(u.errorCount !== undefined && { error_count: u.errorCount }),
        ...(u.counts && { counts: sql`counts || ${JSON.stringify(u.counts)}::jsonb` }),
        updated_at: now,
      })
      .where("id", "=", id)
      .where("lease_owner", "=", node)
      .executeTakeFirst(),

  cancelRequested: async (db: Executor, id: string) =>
    (await db.selectFrom("jobs").select("cancel_requested").where("id", "=", id).executeTakeFirst())
      ?.cancel_requested,

  /** Ends a job `node` holds; undefined when the lease was lost meanwhile. */
  finish: (
    tx: Tx,
    id: string,
    node: string,
    status: Finished,
    failure: { code: string; message: string } | undefined,
    now: Date,
  ) =>
    tx
      .updateTable("jobs")
      .set({
        status,
        phase: "done",
        finished_at: now,
        updated_at: now,
        lease_owner: null,
        lease_until: null,
        ...(failure && { failure: JSON.stringify(failure) }),
      })
      .where("id", "=", id)
      .where("lease_owner", "=", node)
      .returningAll()
      .executeTakeFirst(),

  /** Hands a job back without counting the attempt (Otter is stopping; the next node resumes it). */
  handBack: (db: Executor, id: string, node: string) =>
    db
      .updateTable("jobs")
      .set({ lease_owner: null, lease_until: null, attempts: sql`greatest(attempts - 1, 0)` })
      .where("id", "=", id)
      .where("lease_owner", "=", node)
      .execute(),

  /** Cancels a job no node has claimed yet; undefined when one has meanwhile. */
  cancelQueued: (tx: Tx, id: string, now: Date) =>
    tx
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
      .executeTakeFirst(),

  /** Asks a running job to stop at its next checkpoint. */
  requestCancel: (tx: Tx, id: string, now: Date) =>
    tx
      .updateTable("jobs")
      .set({ cancel_requested: true, updated_at: now })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** Fails the uploads still unfinished that were started before `startedBefore`. */
  failUnfinishedUploads: (
    db: Executor,
    failure: { code: string; message: string },
    now: Date,
    opts: { startedBefore?: Date; touch: boolean },
  ) => {
    let q = db
      .updateTable("jobs")
      .set({
        status: "failed",
        phase: "done",
        finished_at: now,
        ...(opts.touch && { updated_at: now }),
        failure: JSON.stringify(failure),
      })
      .where("status", "=", "queued")
      .where("phase", "=", "upload");
    if (opts.startedBefore) q = q.where("created_at", "<", opts.startedBefore);
    return q.execute();
  },

  /** Drops every lease on running jobs (PGlite after a restart: their node was this process). */
  dropRunningLeases: (db: Executor) =>
    db
      .updateTable("jobs")
      .set({ lease_until: null, lease_owner: null })
      .where("status", "=", "running")
      .execute(),
};

const JOB = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const NODE = "otter-1-4242-a1b2c3";
const NOW = new Date("2026-12-01T00:00:00Z");
const UPLOAD_INTERRUPTED = {
  code: "UPLOAD_INTERRUPTED",
  message: "The upload did not finish; upload the file again.",
};

export const jobsRepoSql: SqlExamples<typeof jobsRepo> = {
  insert: [
    [
      {
        id: JOB,
        account_id: ACCOUNT,
        kind: "sims.import",
        status: "queued",
        phase: "upload",
        params: JSON.stringify({ dryRun: false }),
        created_by: "0190a8a0-0000-7000-8000-000000000003",
        file_name: "sims.csv",
        total: 0,
        counts: JSON.stringify({ created: 0, updated: 0, unchanged: 0, failed: 0 }),
        created_at: NOW,
        updated_at: NOW,
      },
    ],
  ],
  findWithPath: [[JOB]],
  listInSubtree: [
    ["/0190a8a0-0000-7000-8000-000000000001/", { limit: 51 }],
    ["/0190a8a0-0000-7000-8000-000000000001/", { status: "running", before: JOB, limit: 51 }],
  ],
  setParams: [[JOB, { dryRun: false, delimiter: ",", columns: ["iccid", "imsi", "msisdn"] }]],
  markUploaded: [[JOB, { phase: "validate", uploadBytes: 1_048_576, total: 20_000 }, NOW]],
  delete: [[JOB]],
  lockRunnable: [[]],
  lease: [[JOB, NODE, 60_000, NOW]],
  renewLease: [[JOB, NODE, 60_000]],
  checkpoint: [
    [JOB, NODE, { phase: "apply", checkpoint: 5000, done: 5000 }, NOW],
    [JOB, NODE, { done: 5000, counts: { created: 4990, failed: 10 }, errorCount: 10 }, NOW],
  ],
  cancelRequested: [[JOB]],
  finish: [
    [JOB, NODE, "succeeded", undefined, NOW],
    [JOB, NODE, "failed", { code: "IMPORT_INVALID_ROWS", message: "3 row(s) are invalid" }, NOW],
  ],
  handBack: [[JOB, NODE]],
  cancelQueued: [[JOB, NOW]],
  requestCancel: [[JOB, NOW]],
  failUnfinishedUploads: [
    [UPLOAD_INTERRUPTED, NOW, { startedBefore: new Date("2026-11-30T23:00:00Z"), touch: true }],
    [UPLOAD_INTERRUPTED, NOW, { touch: false }],
  ],
  dropRunningLeases: [[]],
};
