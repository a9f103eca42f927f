import type { ExpressionBuilder } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { withinSubtree } from "../tenancy/tenancy.js";

/** One row's outcome as a handler stores it; `accountId` null = the job's own account. */
export interface RowOutcome {
  line: number;
  iccid: string | null;
  accountId: string | null;
  outcome: string;
  field?: string | null;
  code?: string | null;
  message?: string | null;
}

/** Rows per insert statement: well under PostgreSQL's 65535 bind parameters at 8 columns a row. */
const INSERT_CHUNK = 2000;

/**
 * Rows a reader may see: those of the job's own account (account_id null) and those of accounts in
 * the reader's subtree. (The job itself is visible, so its own account is in the subtree.)
 */
const rowVisibleIn = (scopePath: string) => (eb: ExpressionBuilder<DB, "job_rows">) =>
  eb.or([
    eb("job_rows.account_id", "is", null),
    withinSubtree(eb, "job_rows.account_id", scopePath),
  ]);

/**
 * Queries over what a job holds besides its state: the uploaded file's chunks (`job_uploads`) and
 * each row's outcome (`job_rows`). Job handlers (the SIM import and bulk change) call these on the
 * transaction that also moves the job's checkpoint, with whole batches at a time.
 */
export const jobRowsRepo = {
  /** Stores a chunk of an upload in arrival order (`seq` from 0). */
  insertUploadChunk: (db: Executor, jobId: string, seq: number, data: Buffer) =>
    db.insertInto("job_uploads").values({ job_id: jobId, seq, data }).execute(),

  /** Up to `limit` stored chunks of the upload from `fromSeq` on, in order. */
  uploadChunks: (db: Executor, jobId: string, fromSeq: number, limit: number) =>
    db
      .selectFrom("job_uploads")
      .select(["seq", "data"])
      .where("job_id", "=", jobId)
      .where("seq", ">=", fromSeq)
      .orderBy("seq")
      .limit(limit)
      .execute(),

  /** Forgets every row outcome of the job (a pass that starts over). */
  clear: (db: Executor, jobId: string) =>
    db.deleteFrom("job_rows").where("job_id", "=", jobId).execute(),

  /**
   * Stores outcomes, a few thousand rows per statement; a line already stored keeps its first
   * outcome (a resumed batch may store it again). Returns how many were stored, for counts.
   */
  insertOutcomes: async (db: Executor, jobId: string, outcomes: readonly RowOutcome[]) => {
    let stored = 0;
    for (let i = 0; i < outcomes.length; i += INSERT_CHUNK) {
      const res = await db
        .insertInto("job_rows")
        .values(
          outcomes.slice(i, i + INSERT_CHUNK).map((o) => ({
            job_id: jobId,
            line: o.line,
            iccid: o.iccid,
            account_id: o.accountId,
            outcome: o.outcome,
            field: o.field ?? null,
            code: o.code ?? null,
            message: o.message ?? null,
          })),
        )
        .onConflict((oc) => oc.columns(["job_id", "line"]).doNothing())
        .executeTakeFirst();
      stored += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return stored;
  },

  /** Stores the targets of a job as pending rows, each with its line. */
  insertPending: (db: Executor, jobId: string, rows: readonly { line: number; iccid: string }[]) =>
    db
      .insertInto("job_rows")
      .values(
        rows.map((r) => ({ job_id: jobId, line: r.line, iccid: r.iccid, outcome: "pending" })),
      )
      .execute(),

  /** The first `limit` rows still pending, in line order. */
  pending: (db: Executor, jobId: string, limit: number) =>
    db
      .selectFrom("job_rows")
      .select(["line", "iccid"])
      .where("job_id", "=", jobId)
      .where("outcome", "=", "pending")
      .orderBy("line")
      .limit(limit)
      .execute(),

  /** Sets the outcome of one stored row. */
  setOutcome: (
    db: Executor,
    jobId: string,
    line: number,
    o: { outcome: string; field?: string; code?: string; message?: string },
  ) =>
    db
      .updateTable("job_rows")
      .set({
        outcome: o.outcome,
        field: o.field ?? null,
        code: o.code ?? null,
        message: o.message ?? null,
      })
      .where("job_id", "=", jobId)
      .where("line", "=", line)
      .execute(),

  /** The lines that have a stored outcome. */
  storedLines: async (db: Executor, jobId: string) =>
    (await db.selectFrom("job_rows").select("line").where("job_id", "=", jobId).execute()).map(
      (r) => r.line,
    ),

  /** Stored rows in line order: all of them, or a page after `afterLine`. */
  rows: (db: Executor, jobId: string, opts: { afterLine?: number; limit?: number } = {}) => {
    let q = db
      .selectFrom("job_rows")
      .select(["line", "iccid", "outcome", "field", "code", "message", "account_id"])
      .where("job_id", "=", jobId);
    if (opts.afterLine !== undefined) q = q.where("line", ">", opts.afterLine);
    q = q.orderBy("line");
    if (opts.limit !== undefined) q = q.limit(opts.limit);
    return q.execute();
  },

  /** Failed rows a reader in the subtree at `scopePath` may see, in line order. */
  visibleFailures: (
    db: Executor,
    jobId: string,
    scopePath: string,
    opts: { afterLine?: number; limit: number },
  ) => {
    let q = db
      .selectFrom("job_rows")
      .select(["line", "iccid", "field", "code", "message"])
      .where("job_id", "=", jobId)
      .where("outcome", "=", "failed");
    if (opts.afterLine !== undefined) q = q.where("line", ">", opts.afterLine);
    return q.where(rowVisibleIn(scopePath)).orderBy("line").limit(opts.limit).execute();
  },

  /** How many failed rows a reader in the subtree at `scopePath` may not see. */
  hiddenFailureCount: async (db: Executor, jobId: string, scopePath: string) => {
    const r = await db
      .selectFrom("job_rows")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("job_id", "=", jobId)
      .where("outcome", "=", "failed")
      .where((eb) => eb.not(rowVisibleIn(scopePath)(eb)))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};

const JOB = "0190a8a0-0000-7000-8000-000000000001";
const SCOPE = "/0190a8a0-0000-7000-8000-000000000001/";

export const jobRowsRepoSql: SqlExamples<typeof jobRowsRepo> = {
  insertUploadChunk: [[JOB, 0, Buffer.from("iccid,imsi,msisdn\n")]],
  uploadChunks: [[JOB, 0, 8]],
  clear: [[JOB]],
  insertOutcomes: [
    [
      JOB,
      [
        {
          line: 2,
          iccid: "89440000000000000001",
          accountId: "0190a8a0-0000-7000-8000-000000000002",
          outcome: "failed",
          field: "imsi",
          code: "IMSI_IN_USE",
          message: "IMSI 001010000000001 already belongs to SIM 89440000000000000019.",
        },
        { line: 3, iccid: "89440000000000000019", accountId: null, outcome: "unchanged" },
      ],
    ],
  ],
  insertPending: [
    [
      JOB,
      [
        { line: 1, iccid: "89440000000000000001" },
        { line: 2, iccid: "89440000000000000019" },
      ],
    ],
  ],
  pending: [[JOB, 200]],
  setOutcome: [
    [JOB, 1, { outcome: "updated" }],
    [
      JOB,
      2,
      { outcome: "failed", field: "state", code: "SIM_TRANSITION_NOT_ALLOWED", message: "…" },
    ],
  ],
  storedLines: [[JOB]],
  rows: [[JOB], [JOB, { afterLine: 5000, limit: 5000 }]],
  visibleFailures: [
    [JOB, SCOPE, { limit: 100 }],
    [JOB, SCOPE, { afterLine: 120, limit: 101 }],
  ],
  hiddenFailureCount: [[JOB, SCOPE]],
};
