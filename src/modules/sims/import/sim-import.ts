import type { Db, Executor } from "../../../db/database.js";
import { DigitKeyIndex } from "../../../lib/digit-key-index.js";
import { inTransaction } from "../../../db/database.js";
import type { Account } from "../../../db/schema.js";
import type { Clock } from "../../../lib/clock.js";
import { type CsvItem, csvRecords } from "../../../lib/csv.js";
import { OtterError, validationError } from "../../../lib/errors.js";
import { isUuid, newId } from "../../../lib/ids.js";
import type { AccountsService } from "../../accounts/accounts.service.js";
import type { AuditService } from "../../audit/audit.service.js";
import { requirePermission } from "../../auth/permissions.js";
import { type Principal } from "../../auth/principal.js";
import { inSubtree } from "../../tenancy/tenancy.js";
import type { CatalogService } from "../../catalog/catalog.service.js";
import type { EventsService } from "../../events/events.service.js";
import {
  JobCancelled,
  type JobContext,
  type JobHandler,
  type JobsService,
  type ResultRow,
} from "../../jobs/jobs.service.js";
import { jobRowsRepo } from "../../jobs/job-rows.shared.repo.js";
import type { JobCounts } from "../../jobs/jobs.schemas.js";
import { simsRepo } from "../sims.repo.js";
import { parseHeader, type SimDraft, validateRow } from "./sim-csv.js";

export const IMPORT_KIND = "sims.import";
const CHUNK_BYTES = 1024 * 1024;
const HEADER_MAX_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

export interface ImportParams {
  accountId: string | null;
  skipInvalid: boolean;
  dryRun: boolean;
  delimiter: "," | ";";
  columns: string[];
}

interface Deps {
  db: Db;
  clock: Clock;
  jobs: JobsService;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount">;
  catalog: Pick<CatalogService, "findPlanFor" | "isOffered">;
  audit: AuditService;
  events: EventsService;
  maxUploadBytes: number;
  batchSize: number;
  onRows?: (outcome: string, n: number) => void;
}

interface Ready {
  line: number;
  draft: SimDraft;
  accountId: string;
  accountPath: string;
  commId: string | null;
  rateId: string | null;
}

interface RowOutcome {
  line: number;
  iccid: string | null;
  /** The account the row concerns (null = the job's own): a reader sees only rows of their subtree. */
  accountId: string | null;
  outcome: "failed" | "unchanged";
  field?: string;
  code?: string;
  message?: string;
}

/**
 * Importing SIMs from CSV. The upload is streamed into the job's stored chunks (so a restart can
 * resume it), then the job validates the whole file — every bad row reported with its line — and
 * only then writes, in batches whose transaction also moves the job's checkpoint.
 */
export function createSimImport(deps: Deps) {
  const { db, clock, jobs } = deps;

  async function* chunks(jobId: string): AsyncGenerator<Buffer> {
    let next = 0;
    for (;;) {
      const rows = await jobRowsRepo.uploadChunks(db, jobId, next, 8);
      if (rows.length === 0) return;
      for (const r of rows) yield Buffer.from(r.data);
      next = rows[rows.length - 1]!.seq + 1;
    }
  }

  /**
   * Records of the stored file with their physical line numbers (the header is line 1); a line that
   * is not valid CSV comes as a malformed item at its line, and the lines after it are still read.
   */
  function records(jobId: string, delimiter: string): AsyncIterable<CsvItem> {
    return csvRecords(chunks(jobId), { delimiter, fromLine: 2 });
  }

  /** Resolves accounts and plans named by rows, with caches: a million rows name few of them. */
  function resolver(ex: Executor, principal: Principal, defaultAccountId: string | null) {
    const accounts = new Map<string, Account | null>();
    const plans = new Map<string, { id: string; name: string } | null>();
    const offered = new Map<string, boolean>();
    const account = async (id: string) => {
      if (!accounts.has(id)) {
        accounts.set(
          id,
          await deps.accounts.requireVisible(principal, id, ex).catch((e) => {
            if (e instanceof OtterError && e.kind === "not_found") return null;
            throw e;
          }),
        );
      }
      return accounts.get(id)!;
    };
    const plan = async (kind: "communication" | "rate", ref: string) => {
      const key = `${kind}:${ref}`;
      if (!plans.has(key)) {
        // A plan the importer may not see is "unknown", never "not offered" (docs/permissions.md).
        const p = await deps.catalog.findPlanFor(ex, principal, kind, ref);
        plans.set(key, p ? { id: p.id, name: p.name } : null);
      }
      return plans.get(key)!;
    };
    const isOffered = async (planId: string, acct: Account) => {
      const key = `${planId}:${acct.id}`;
      if (!offered.has(key)) offered.set(key, await deps.catalog.isOffered(ex, planId, acct));
      return offered.get(key)!;
    };
    /**
     * The account a row is about, for who may read its result: the account it names if the job's
     * creator can see it, else the job's own account (null), whose readers saw the file's author.
     */
    const accountOf = async (ref: string | null | undefined): Promise<string | null> => {
      const id = ref?.trim() || defaultAccountId;
      return id && isUuid(id) ? ((await account(id))?.id ?? null) : null;
    };
    const resolve = async (line: number, draft: SimDraft): Promise<Ready | RowOutcome> => {
      const failed = (
        field: string,
        code: string,
        message: string,
        accountId: string | null = null,
      ): RowOutcome => ({
        line,
        iccid: draft.iccid,
        accountId,
        outcome: "failed",
        field,
        code,
        message,
      });
      const accountId = draft.account ?? defaultAccountId;
      if (!accountId)
        return failed(
          "account",
          "ACCOUNT_MISSING",
          "The row names no account and the import has no default accountId.",
        );
      const acct = await account(accountId);
      if (!acct)
        return failed("account", "ACCOUNT_NOT_FOUND", `Account ${accountId} does not exist.`);
      let commId: string | null = null;
      let rateId: string | null = null;
      for (const [kind, ref, field] of [
        ["communication", draft.communicationPlan, "communicationPlan"],
        ["rate", draft.ratePlan, "ratePlan"],
      ] as const) {
        if (!ref) continue;
        const p = await plan(kind, ref);
        if (!p)
          return failed(
            field,
            kind === "rate" ? "UNKNOWN_RATE_PLAN" : "UNKNOWN_COMMUNICATION_PLAN",
            `${kind === "rate" ? "Rate" : "Communication"} plan "${ref}" does not exist.`,
            acct.id,
          );
        if (!(await isOffered(p.id, acct)))
          return failed(
            field,
            "PLAN_NOT_OFFERED",
            `Plan "${p.name}" is not offered to account ${acct.id}.`,
            acct.id,
          );
        if (kind === "communication") commId = p.id;
        else rateId = p.id;
      }
      return { line, draft, accountId: acct.id, accountPath: acct.path, commId, rateId };
    };
    return { resolve, accountOf };
  }

  /** Compares rows with SIMs already stored: identical → unchanged, conflicting → failed, else new. */
  async function checkExisting(
    ex: Executor,
    batch: Ready[],
  ): Promise<{ fresh: Ready[]; outcomes: RowOutcome[] }> {
    if (batch.length === 0) return { fresh: [], outcomes: [] };
    const existing = await simsRepo.findHoldingAny(ex, {
      iccids: batch.map((r) => r.draft.iccid),
      imsis: batch.map((r) => r.draft.imsi),
      msisdns: batch.map((r) => r.draft.msisdn),
    });
    if (existing.length === 0) return { fresh: batch, outcomes: [] };
    const byIccid = new Map(existing.map((s) => [s.iccid, s]));
    const byImsi = new Map(existing.map((s) => [s.imsi, s]));
    const byMsisdn = new Map(existing.map((s) => [s.msisdn, s]));
    const fresh: Ready[] = [];
    const outcomes: RowOutcome[] = [];
    for (const r of batch) {
      const d = r.draft;
      // A row's result is read by the row account's users: it names another SIM only if they may see it.
      const shown = (sim: { account_path: string }) => inSubtree(r.accountPath, sim.account_path);
      const same = byIccid.get(d.iccid);
      if (same) {
        const diffs: string[] = [];
        if (same.imsi !== d.imsi) diffs.push("imsi");
        if (same.msisdn !== d.msisdn) diffs.push("msisdn");
        if (d.eid && same.eid !== d.eid) diffs.push("eid");
        if (d.imei && same.imei !== d.imei) diffs.push("imei");
        if (same.account_id !== r.accountId) diffs.push("account");
        if (r.commId && same.communication_plan_id !== r.commId) diffs.push("communicationPlan");
        if (r.rateId && same.rate_plan_id !== r.rateId) diffs.push("ratePlan");
        if (d.stateGiven && same.state !== d.state) diffs.push("state");
        const cf = same.custom_fields as Record<string, string>;
        for (const [k, v] of Object.entries(d.customFields)) if (cf[k] !== v) diffs.push(k);
        const row = { line: r.line, iccid: d.iccid, accountId: r.accountId };
        outcomes.push(
          diffs.length === 0
            ? { ...row, outcome: "unchanged" }
            : !shown(same)
              ? {
                  ...row,
                  outcome: "failed",
                  field: "account",
                  code: "ICCID_EXISTS_WITH_DIFFERENT_DATA",
                  message: `ICCID ${d.iccid} already exists in another account; an import does not move SIMs.`,
                }
              : {
                  ...row,
                  outcome: "failed",
                  field: diffs[0]!,
                  code: "ICCID_EXISTS_WITH_DIFFERENT_DATA",
                  message: `ICCID ${d.iccid} already exists with different ${diffs.join(", ")}; change existing SIMs with PATCH or a bulk change, not an import.`,
                },
        );
        continue;
      }
      const owner = (sim: { iccid: string; account_path: string }) =>
        shown(sim) ? `SIM ${sim.iccid}` : "a SIM of another account";
      const imsiOwner = byImsi.get(d.imsi);
      if (imsiOwner) {
        outcomes.push({
          line: r.line,
          iccid: d.iccid,
          accountId: r.accountId,
          outcome: "failed",
          field: "imsi",
          code: "IMSI_IN_USE",
          message: `IMSI ${d.imsi} already belongs to ${owner(imsiOwner)}.`,
        });
        continue;
      }
      const msisdnOwner = byMsisdn.get(d.msisdn);
      if (msisdnOwner) {
        outcomes.push({
          line: r.line,
          iccid: d.iccid,
          accountId: r.accountId,
          outcome: "failed",
          field: "msisdn",
          code: "MSISDN_IN_USE",
          message: `MSISDN ${d.msisdn} already belongs to ${owner(msisdnOwner)}.`,
        });
        continue;
      }
      fresh.push(r);
    }
    return { fresh, outcomes };
  }

  /** Pass 1: validates every row, stores each failed or unchanged row's outcome. */
  async function validate(ctx: JobContext, params: ImportParams): Promise<JobCounts> {
    const { job } = ctx;
    await jobRowsRepo.clear(db, job.id);
    const { resolve, accountOf } = resolver(db, ctx.principal, params.accountId);
    const accountAt = params.columns.indexOf("account");
    // Compact exact indexes (about 40 bytes a key): a million-row file keeps three for the whole pass.
    const seenIccid = new DigitKeyIndex(Math.max(1024, job.total));
    const seenImsi = new DigitKeyIndex(Math.max(1024, job.total));
    const seenMsisdn = new DigitKeyIndex(Math.max(1024, job.total));
    let pending: Ready[] = [];
    let outcomes: RowOutcome[] = [];
    const counts: JobCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    let rows = 0;

    const flush = async () => {
      const { fresh, outcomes: found } = await checkExisting(db, pending);
      counts.created += fresh.length;
      outcomes.push(...found);
      pending = [];
      for (const o of outcomes) counts[o.outcome]++;
      await inTransaction(db, async (tx) => {
        await jobRowsRepo.insertOutcomes(tx, job.id, outcomes);
        await ctx.checkpoint(tx, {
          phase: "validate",
          done: rows,
          total: Math.max(rows, job.total),
          errorCount: counts.failed,
        });
      });
      outcomes = [];
      if (await ctx.cancelRequested()) throw new JobCancelled();
    };

    for await (const { line, record, malformed } of records(job.id, params.delimiter)) {
      rows++;
      if (malformed) {
        // Nothing of a line that is not valid CSV can be trusted, its account included.
        outcomes.push({
          line,
          iccid: null,
          accountId: null,
          outcome: "failed",
          field: "row",
          ...malformed,
        });
        if (outcomes.length >= deps.batchSize) await flush();
        continue;
      }
      const r = validateRow(record, params.columns);
      if (!r.ok) {
        const iccid = record[params.columns.indexOf("iccid")]?.trim();
        const accountId = await accountOf(accountAt < 0 ? null : record[accountAt]);
        outcomes.push({
          line,
          iccid: iccid && !iccid.includes("\u0000") ? iccid : null,
          accountId,
          outcome: "failed",
          field: r.field,
          code: r.code,
          message: r.message,
        });
      } else {
        const d = r.draft;
        const dup = seenIccid.get(d.iccid) ?? seenImsi.get(d.imsi) ?? seenMsisdn.get(d.msisdn);
        if (dup !== undefined) {
          const field = seenIccid.has(d.iccid) ? "iccid" : seenImsi.has(d.imsi) ? "imsi" : "msisdn";
          outcomes.push({
            line,
            iccid: d.iccid,
            accountId: await accountOf(d.account),
            outcome: "failed",
            field,
            code: "DUPLICATE_IN_FILE",
            message: `The ${field.toUpperCase()} of this row already appears on line ${dup}.`,
          });
        } else {
          seenIccid.setIfAbsent(d.iccid, line);
          seenImsi.setIfAbsent(d.imsi, line);
          seenMsisdn.setIfAbsent(d.msisdn, line);
          const resolved = await resolve(line, d);
          if ("outcome" in resolved) outcomes.push(resolved);
          else pending.push(resolved);
        }
      }
      if (pending.length >= deps.batchSize || outcomes.length >= deps.batchSize) await flush();
    }
    await flush();
    if (rows === 0)
      throw validationError("file", "IMPORT_NO_ROWS", "The file has a header but no rows.");
    return counts;
  }

  /** Pass 2: writes new SIMs in batches, resuming after the last committed checkpoint. */
  async function apply(ctx: JobContext, params: ImportParams, base: JobCounts) {
    const { job } = ctx;
    const skip = new Set(await jobRowsRepo.storedLines(db, job.id));
    const { resolve } = resolver(db, ctx.principal, params.accountId);
    const counts = { ...base };
    let done = job.phase === "apply" ? job.done : 0;
    const startAfter = job.phase === "apply" ? job.checkpoint : 0;
    let batch: Ready[] = [];
    let lastLine = startAfter;
    let seenInBatch = 0;

    const write = async () => {
      if (seenInBatch === 0) return;
      const rows = batch;
      // Counters change only after the commit: a transaction retried on a serialization failure runs again.
      const next = await inTransaction(db, async (tx) => {
        const inserted = new Set<string>();
        if (rows.length > 0) {
          const stored = await simsRepo.insertImported(
            tx,
            job.id,
            clock.now(),
            rows.map((r) => ({
              id: newId(),
              iccid: r.draft.iccid,
              imsi: r.draft.imsi,
              msisdn: r.draft.msisdn,
              eid: r.draft.eid,
              imei: r.draft.imei,
              accountId: r.accountId,
              state: r.draft.state,
              communicationPlanId: r.commId,
              ratePlanId: r.rateId,
              customFields: JSON.stringify(r.draft.customFields),
            })),
          );
          for (const iccid of stored) inserted.add(iccid);
        }
        // Rows that met a SIM stored after validation (another import, a single create) are failed, not lost.
        const late = rows
          .filter((r) => !inserted.has(r.draft.iccid))
          .map((r): RowOutcome => ({
            line: r.line,
            iccid: r.draft.iccid,
            accountId: r.accountId,
            outcome: "failed",
            field: "iccid",
            code: "SIM_CREATED_MEANWHILE",
            message: `A SIM with this ICCID, IMSI or MSISDN was stored after the file was validated.`,
          }));
        await jobRowsRepo.insertOutcomes(tx, job.id, late);
        const after = {
          created: counts.created + inserted.size,
          failed: counts.failed + late.length,
          done: done + seenInBatch,
        };
        await ctx.checkpoint(tx, {
          phase: "apply",
          checkpoint: lastLine,
          done: after.done,
          counts: { created: after.created, failed: after.failed },
          errorCount: after.failed,
        });
        return after;
      });
      counts.created = next.created;
      counts.failed = next.failed;
      done = next.done;
      deps.onRows?.("created", rows.length);
      batch = [];
      seenInBatch = 0;
      if (await ctx.cancelRequested()) throw new JobCancelled();
    };

    for await (const { line, record } of records(job.id, params.delimiter)) {
      if (line <= startAfter) continue;
      lastLine = line;
      seenInBatch++;
      if (!skip.has(line)) {
        // A malformed line was stored as failed during validation, so it is always in skip.
        if (!record)
          throw new OtterError(
            "internal",
            "IMPORT_FILE_CHANGED",
            `Line ${line} no longer validates.`,
          );
        const r = validateRow(record, params.columns);
        if (!r.ok)
          throw new OtterError(
            "internal",
            "IMPORT_FILE_CHANGED",
            `Line ${line} no longer validates.`,
          );
        const resolved = await resolve(line, r.draft);
        if ("outcome" in resolved) {
          await jobRowsRepo.insertOutcomes(db, job.id, [resolved]);
          counts.failed++;
        } else batch.push(resolved);
      }
      if (seenInBatch >= deps.batchSize) await write();
    }
    await write();
    return counts;
  }

  const handler: JobHandler = {
    kind: IMPORT_KIND,
    /**
     * One result per data line of the file, in line order: stored outcomes (malformed lines among
     * them), and what happened to the others; each with the account it concerns.
     */
    async *results(job): AsyncGenerator<ResultRow> {
      const params = job.params as ImportParams;
      if (!params.columns) return;
      const stored = await jobRowsRepo.rows(db, job.id);
      const { accountOf } = resolver(
        db,
        (job.params as { principal: Principal }).principal,
        params.accountId,
      );
      const iccidAt = params.columns.indexOf("iccid");
      const accountAt = params.columns.indexOf("account");
      let next = 0;
      for await (const { line, record } of records(job.id, params.delimiter)) {
        while (next < stored.length && stored[next]!.line < line) yield stored[next++]!;
        if (next < stored.length && stored[next]!.line === line) {
          yield stored[next++]!;
          continue;
        }
        const outcome = params.dryRun
          ? job.status === "succeeded"
            ? "would_create"
            : "pending"
          : line <= job.checkpoint
            ? "created"
            : job.status === "failed"
              ? "not_applied"
              : job.status === "cancelled"
                ? "not_applied"
                : "pending";
        const iccid = record?.[iccidAt]?.trim() ?? null;
        const accountId = record ? await accountOf(accountAt < 0 ? null : record[accountAt]) : null;
        yield {
          line,
          iccid,
          outcome,
          field: null,
          code: null,
          message: null,
          account_id: accountId,
        };
      }
      while (next < stored.length) yield stored[next++]!;
    },
    async run(ctx) {
      const params = ctx.job.params as ImportParams;
      let counts: JobCounts;
      if (ctx.job.phase === "validate") {
        counts = await validate(ctx, params);
        if (counts.failed > 0 && !params.skipInvalid) {
          await inTransaction(db, (tx) =>
            ctx.checkpoint(tx, { counts: { ...counts, created: 0 }, errorCount: counts.failed }),
          );
          throw new OtterError(
            "validation",
            "IMPORT_INVALID_ROWS",
            `${counts.failed} row(s) are invalid; nothing was imported. Fix them, or import again with skipInvalid to apply the valid rows.`,
          );
        }
        if (params.dryRun) {
          await inTransaction(db, (tx) =>
            ctx.checkpoint(tx, { counts, errorCount: counts.failed }),
          );
          return;
        }
        const base = { ...counts, created: 0 };
        await inTransaction(db, (tx) =>
          ctx.checkpoint(tx, { phase: "apply", done: 0, checkpoint: 0, counts: base }),
        );
        ctx.job.phase = "apply";
        ctx.job.done = 0;
        ctx.job.checkpoint = 0;
        counts = await apply(ctx, params, base);
      } else {
        counts = await apply(ctx, params, {
          created: 0,
          updated: 0,
          unchanged: 0,
          failed: 0,
          ...(ctx.job.counts as Partial<JobCounts>),
        });
      }
      await inTransaction(db, async (tx) => {
        await deps.audit.record(tx, {
          accountId: ctx.job.account_id,
          actor: { userId: ctx.principal.userId, name: ctx.principal.name },
          action: "sims.imported",
          entityType: "job",
          entityId: ctx.job.id,
          data: { fileName: ctx.job.file_name, counts },
        });
        await deps.events.emit(tx, [
          {
            accountId: ctx.job.account_id,
            type: "sims.imported",
            subjectId: ctx.job.id,
            data: { jobId: ctx.job.id, counts },
          },
        ]);
        await ctx.succeed(tx);
      });
    },
  };

  return {
    handler,

    /**
     * Streams an upload into a new job. The header is checked as soon as it arrives, so a file
     * with a wrong header is refused (400) before the rest is read; nothing is kept of a refused upload.
     */
    async receiveUpload(
      principal: Principal,
      body: AsyncIterable<Buffer>,
      opts: { accountId?: string; skipInvalid: boolean; dryRun: boolean; fileName?: string },
    ): Promise<string> {
      requirePermission(principal, "sims:create");
      let jobAccount = principal.accountId;
      if (opts.accountId) {
        try {
          const acct = await deps.accounts.requireVisible(principal, opts.accountId);
          jobAccount = acct.id;
        } catch (err) {
          if (err instanceof OtterError && err.kind === "not_found")
            throw validationError(
              "accountId",
              "UNKNOWN_ACCOUNT",
              `Account ${opts.accountId} does not exist.`,
            );
          throw err;
        }
      }
      const job = await jobs.create(db, {
        principal,
        accountId: jobAccount,
        kind: IMPORT_KIND,
        phase: "upload",
        fileName: opts.fileName ?? null,
        params: {
          accountId: opts.accountId ?? null,
          skipInvalid: opts.skipInvalid,
          dryRun: opts.dryRun,
        },
      });
      let seq = 0;
      let bytes = 0;
      let newlines = 0;
      let lastByte = NEWLINE;
      let head: Buffer | null = Buffer.alloc(0);
      let header: { delimiter: "," | ";"; columns: string[] } | null = null;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const checkHeader = (text: string) => {
        const h = parseHeader(text);
        if (!h.ok)
          throw new OtterError("validation", h.code, h.message, [
            { line: 1, field: h.field, code: h.code, message: h.message },
          ]);
        if (!h.columns.includes("account") && !opts.accountId) {
          throw new OtterError(
            "validation",
            "IMPORT_ACCOUNT_MISSING",
            "Give the default account as ?accountId=… or an account column in the file.",
            [{ field: "accountId", message: "required without an account column" }],
          );
        }
        header = h;
      };
      const flush = async () => {
        if (pendingBytes === 0) return;
        await jobRowsRepo.insertUploadChunk(
          db,
          job.id,
          seq++,
          Buffer.concat(pending, pendingBytes),
        );
        pending = [];
        pendingBytes = 0;
      };
      try {
        for await (const raw of body) {
          const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
          bytes += chunk.length;
          if (bytes > deps.maxUploadBytes)
            throw new OtterError(
              "too_large",
              "UPLOAD_TOO_LARGE",
              `The upload is larger than ${deps.maxUploadBytes} bytes.`,
            );
          if (head) {
            head = Buffer.concat([head, chunk]);
            const nl = head.indexOf(NEWLINE);
            if (nl >= 0 || head.length > HEADER_MAX_BYTES) {
              checkHeader(head.subarray(0, nl >= 0 ? nl : head.length).toString("utf8"));
              head = null;
            }
          }
          for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1))
            newlines++;
          lastByte = chunk[chunk.length - 1]!;
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= CHUNK_BYTES) await flush();
        }
        if (bytes === 0) throw validationError("file", "IMPORT_EMPTY_FILE", "The file is empty.");
        if (head) checkHeader(head.toString("utf8"));
        await flush();
        const rows = newlines + (lastByte === NEWLINE ? 0 : 1) - 1;
        if (rows <= 0)
          throw validationError("file", "IMPORT_NO_ROWS", "The file has a header but no rows.");
        await jobs.release(job.id, {
          phase: "validate",
          uploadBytes: bytes,
          total: rows,
          params: { ...(job.params as object), ...header! },
        });
        return job.id;
      } catch (err) {
        await jobs.discard(job.id);
        throw err;
      }
    },
  };
}

export type SimImport = ReturnType<typeof createSimImport>;
