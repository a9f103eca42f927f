import { setImmediate } from "node:timers/promises";
import type { Db, Executor } from "../../../db/database.js";
import { inTransaction } from "../../../db/database.js";
import { canCopy } from "../../../db/copy.js";
import type { Account } from "../../../db/schema.js";
import type { Clock } from "../../../lib/clock.js";
import { type CsvItem, csvRecords, plainCsvWatcher } from "../../../lib/csv.js";
import { OtterError, validationError } from "../../../lib/errors.js";
import { isUuid, newId } from "../../../lib/ids.js";
import type { Eid, Iccid, Imei, Imsi, Msisdn } from "../../../lib/identifiers.js";
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
import type { SimState } from "../sim-lifecycle.js";
import { simsRepo } from "../sims.repo.js";
import { parseHeader, type SimDraft, validateRow } from "./sim-csv.js";
import { simImportRepo, type StagedRow } from "./sim-import.repo.js";
import { createDuplicateSieve, type DuplicateSieve } from "./duplicate-sieve.js";
import type { HeapGrowth } from "../../../lib/heap-growth.js";

export const IMPORT_KIND = "sims.import";
const CHUNK_BYTES = 1024 * 1024;
const HEADER_MAX_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
/** Lines parsed between two turns of the event loop while a file is staged. */
const YIELD_EVERY = 256;
/** Stored outcomes read or written per statement after the file is staged. */
const OUTCOME_PAGE = 5000;
/** Distinct (account, plans) combinations whose resolution is kept; a file names few. */
const RESOLVED_CACHE_MAX = 10_000;
/** SQLSTATE of a unique index violation. */
const UNIQUE_VIOLATION = "23505";

export interface ImportParams {
  accountId: string | null;
  skipInvalid: boolean;
  dryRun: boolean;
  delimiter: "," | ";";
  columns: string[];
  /** No double quote and one kind of line end in the file: it is read without csv-parse. */
  plain?: boolean;
}

interface Deps {
  db: Db;
  clock: Clock;
  jobs: JobsService;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "list" | "directory">;
  catalog: Pick<CatalogService, "findPlanFor" | "isOffered" | "keepPlans">;
  audit: AuditService;
  events: EventsService;
  maxUploadBytes: number;
  batchSize: number;
  /** Transactions that create SIMs side by side on PostgreSQL (PGlite has one connection). */
  applyLanes?: number;
  /** Crash tests kill the process here (OTTER_CRASH_POINT); unset, it does nothing. */
  crashPoint?: (name: string) => void;
  /** Keeps the process's garbage small while an import runs (docs/storage.md, "Memory"). */
  heapGrowth?: HeapGrowth;
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

/** What a row's account and plan references resolved to, or why they did not. */
interface Resolved {
  /** The row's account if the importer may see it (also who may read the row's result). */
  accountId: string | null;
  commId: string | null;
  rateId: string | null;
  failure: { field: string; code: string; message: string } | null;
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
 * resume it). The job then reads the file once: each line is checked on its own (CSV, identifier
 * formats, account and plans, through caches) and staged in `sim_import_rows`, a chunk per
 * statement; what needs the whole file — duplicates within it, SIMs already stored — is found by a
 * few set-based statements over the staged rows, every bad row reported with its line. Only then
 * are SIMs created, a range of lines per transaction that also moves the job's checkpoint. Memory
 * stays flat whatever the file's size: one chunk of rows is held at a time.
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
  function records(jobId: string, params: ImportParams): AsyncIterable<CsvItem> {
    const { delimiter, plain } = params;
    return csvRecords(chunks(jobId), { delimiter, fromLine: 2, plain });
  }

  /**
   * Resolves accounts and plans named by rows, with caches: a million rows name few of them, so a
   * row costs a map lookup (`cached`) and only a name not seen yet waits for the database.
   */
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
    // Accounts of the importer's subtree by name (trimmed, any case), read once when a row names one.
    let named: Promise<Map<string, string[]>> | null = null;
    const accountsNamed = async (name: string) => {
      named ??= (async () => {
        const byName = new Map<string, string[]>();
        let cursor: string | undefined;
        do {
          const page = await deps.accounts.list(principal, { cursor, limit: 1000 });
          for (const a of page.items) {
            const key = a.name.trim().toLowerCase();
            byName.set(key, [...(byName.get(key) ?? []), a.id]);
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return byName;
      })();
      return (await named).get(name.trim().toLowerCase()) ?? [];
    };
    /** The account a row's `account` cell names, by id or by name, or why it names none. */
    const accountByRef = async (
      ref: string,
    ): Promise<{ account: Account } | { code: string; message: string }> => {
      if (isUuid(ref)) {
        const acct = await account(ref);
        return acct
          ? { account: acct }
          : { code: "ACCOUNT_NOT_FOUND", message: `Account ${ref} does not exist.` };
      }
      const ids = await accountsNamed(ref);
      if (ids.length === 0)
        return {
          code: "ACCOUNT_NOT_FOUND",
          message: `No account named "${ref}" among the accounts you can see.`,
        };
      if (ids.length > 1)
        return {
          code: "ACCOUNT_AMBIGUOUS",
          message: `${ids.length} accounts are named "${ref}" (${ids.join(", ")}); give the account id.`,
        };
      return { account: (await account(ids[0]!))! };
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
      const given = ref?.trim() || defaultAccountId;
      if (!given || given.length > 200) return null;
      const found = await accountByRef(given);
      return "account" in found ? found.account.id : null;
    };
    const resolve = async (draft: SimDraft): Promise<Resolved> => {
      const failed = (
        field: string,
        code: string,
        message: string,
        accountId: string | null = null,
      ): Resolved => ({ accountId, commId: null, rateId: null, failure: { field, code, message } });
      const ref = draft.account ?? defaultAccountId;
      if (!ref)
        return failed(
          "account",
          "ACCOUNT_MISSING",
          "The row names no account and the import has no default accountId.",
        );
      const found = await accountByRef(ref);
      if (!("account" in found)) return failed("account", found.code, found.message);
      const acct = found.account;
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
      return { accountId: acct.id, commId, rateId, failure: null };
    };
    // A row names its account and plans by a few distinct values: the outcome is cached by them.
    const resolvedBy = new Map<string, Resolved>();
    const resolveCached = (draft: SimDraft): Resolved | Promise<Resolved> => {
      const key = `${draft.account ?? ""}\u0000${draft.communicationPlan ?? ""}\u0000${draft.ratePlan ?? ""}`;
      const hit = resolvedBy.get(key);
      if (hit) return hit;
      return resolve(draft).then((r) => {
        if (resolvedBy.size < RESOLVED_CACHE_MAX) resolvedBy.set(key, r);
        return r;
      });
    };
    const pathOf = async (accountId: string) => (await account(accountId))?.path ?? null;
    return { resolve: resolveCached, accountOf, pathOf };
  }

  /** Compares rows with SIMs already stored: identical → unchanged, conflicting → failed, else new. */
  async function checkExisting(
    ex: Executor,
    batch: Ready[],
    jobId: string,
  ): Promise<{ fresh: Ready[]; outcomes: RowOutcome[]; own: Ready[] }> {
    if (batch.length === 0) return { fresh: [], outcomes: [], own: [] };
    const existing = await simsRepo.findHoldingAny(ex, {
      iccids: batch.map((r) => r.draft.iccid),
      imsis: batch.map((r) => r.draft.imsi),
      msisdns: batch.map((r) => r.draft.msisdn),
    });
    if (existing.length === 0) return { fresh: batch, outcomes: [], own: [] };
    const byIccid = new Map(existing.map((s) => [s.iccid, s]));
    const byImsi = new Map(existing.map((s) => [s.imsi, s]));
    const byMsisdn = new Map(existing.map((s) => [s.msisdn, s]));
    const fresh: Ready[] = [];
    const outcomes: RowOutcome[] = [];
    const own: Ready[] = [];
    for (const r of batch) {
      const d = r.draft;
      // A row's result is read by the row account's users: it names another SIM only if they may see it.
      const shown = (sim: { account_path: string }) => inSubtree(r.accountPath, sim.account_path);
      const same = byIccid.get(d.iccid);
      // This job created it before a crash took the staged rows with it (they are not logged).
      if (same && same.created_by_job_id === jobId) {
        own.push(r);
        continue;
      }
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
    return { fresh, outcomes, own };
  }

  /**
   * Validation, step 1: reads the file once, checks each line on its own and stages the rows that
   * pass; a line that fails is stored as a failed outcome at once. While one chunk is written the
   * next is parsed, so reading and writing overlap on PostgreSQL. Returns how many lines failed.
   */
  async function stage(ctx: JobContext, params: ImportParams, sieve: DuplicateSieve) {
    const { job } = ctx;
    const { resolve, accountOf } = resolver(db, ctx.principal, params.accountId);
    const accountAt = params.columns.indexOf("account");
    const iccidAt = params.columns.indexOf("iccid");
    let rows: StagedRow[] = [];
    let outcomes: RowOutcome[] = [];
    let lines = 0;
    let failed = 0;
    let writing: Promise<void> = Promise.resolve();

    const flush = async () => {
      const chunk = rows;
      const found = outcomes;
      const progress = { phase: "validate", done: lines, total: Math.max(lines, job.total) };
      const errorCount = failed;
      rows = [];
      outcomes = [];
      await writing;
      if (await ctx.cancelRequested()) throw new JobCancelled();
      writing = inTransaction(db, async (tx) => {
        await simImportRepo.stage(tx, job.id, chunk);
        await jobRowsRepo.insertOutcomes(tx, job.id, found);
        await ctx.checkpoint(tx, { ...progress, errorCount });
      });
      // Awaited before the next chunk is written (or at the end); until then, not unhandled.
      writing.catch(() => {});
    };

    for await (const { line, record, malformed } of records(job.id, params)) {
      lines++;
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
        failed++;
      } else {
        const r = validateRow(record, params.columns);
        if (!r.ok) {
          const iccid = record[iccidAt]?.trim();
          outcomes.push({
            line,
            iccid: iccid && !iccid.includes("\u0000") ? iccid : null,
            accountId: await accountOf(accountAt < 0 ? null : record[accountAt]),
            outcome: "failed",
            field: r.field,
            code: r.code,
            message: r.message,
          });
          failed++;
        } else {
          const d = r.draft;
          const resolved = await resolve(d);
          sieve.add(d.iccid, d.imsi, d.msisdn);
          rows.push({
            line,
            id: newId(),
            iccid: d.iccid,
            imsi: d.imsi,
            msisdn: d.msisdn,
            eid: d.eid,
            imei: d.imei,
            accountId: resolved.accountId,
            state: d.state,
            stateGiven: d.stateGiven,
            communicationPlanId: resolved.commId,
            ratePlanId: resolved.rateId,
            customFields: JSON.stringify(d.customFields),
            failure: resolved.failure,
          });
        }
      }
      if (rows.length >= deps.batchSize || outcomes.length >= deps.batchSize) await flush();
      // The records come as promises that are already settled, so parsing alone never lets the
      // event loop read the database's answers: the chunk being written would wait for the parse
      // and the two would take turns instead of overlapping (measured: 9.8 s to stage 1M rows).
      else if (lines % YIELD_EVERY === 0) await setImmediate();
    }
    await flush();
    await writing;
    if (lines === 0)
      throw validationError("file", "IMPORT_NO_ROWS", "The file has a header but no rows.");
    return failed;
  }

  /**
   * Validation, step 2, over the staged rows: duplicates within the file and rows that meet stored
   * SIMs are found in SQL; then each row that will not be created gets its outcome, a page at a
   * time (rows that meet a stored SIM are compared with it here, as unchanged or in conflict).
   */
  async function check(
    ctx: JobContext,
    params: ImportParams,
    failedLines: number,
    sieve: DuplicateSieve,
  ) {
    const { job } = ctx;
    await simImportRepo.markDuplicates(db, job.id, sieve.candidates());
    await simImportRepo.markExisting(db, job.id);
    const { pathOf } = resolver(db, ctx.principal, params.accountId);
    const counts: JobCounts = { created: 0, updated: 0, unchanged: 0, failed: failedLines };
    /** Rows whose SIM this job created in an earlier run (see checkExisting). */
    let created = 0;
    let after = 0;
    for (;;) {
      const page = await simImportRepo.notToCreate(db, job.id, after, OUTCOME_PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.line;
      const outcomes: RowOutcome[] = [];
      const meeting: Ready[] = [];
      for (const s of page) {
        if (s.outcome === "failed") {
          outcomes.push({
            line: s.line,
            iccid: s.iccid,
            accountId: s.account_id,
            outcome: "failed",
            field: s.field ?? undefined,
            code: s.code ?? undefined,
            message: s.message ?? undefined,
          });
          continue;
        }
        meeting.push({
          line: s.line,
          accountId: s.account_id!,
          accountPath: (await pathOf(s.account_id!)) ?? "",
          commId: s.communication_plan_id,
          rateId: s.rate_plan_id,
          draft: {
            iccid: s.iccid as Iccid,
            imsi: s.imsi as Imsi,
            msisdn: s.msisdn as Msisdn,
            eid: s.eid as Eid | null,
            imei: s.imei as Imei | null,
            account: s.account_id,
            communicationPlan: null,
            ratePlan: null,
            state: s.state as SimState,
            stateGiven: s.state_given,
            customFields: s.custom_fields as Record<string, string>,
          },
        });
      }
      const { fresh, outcomes: compared, own } = await checkExisting(db, meeting, job.id);
      if (own.length > 0) {
        await simImportRepo.setOutcome(
          db,
          job.id,
          own.map((r) => r.line),
          "created",
        );
        created += own.length;
      }
      // The stored SIM a row met is gone since: the row is created after all.
      if (fresh.length > 0)
        await simImportRepo.setOutcome(
          db,
          job.id,
          fresh.map((r) => r.line),
          null,
        );
      outcomes.push(...compared);
      outcomes.sort((a, b) => a.line - b.line);
      for (const o of outcomes) counts[o.outcome]++;
      await inTransaction(db, async (tx) => {
        await jobRowsRepo.insertOutcomes(tx, job.id, outcomes);
        await ctx.checkpoint(tx, { errorCount: counts.failed });
      });
    }
    counts.created = created + (await simImportRepo.countToCreate(db, job.id));
    return { counts, alreadyCreated: created };
  }

  async function validate(ctx: JobContext, params: ImportParams) {
    // Validation writes nothing but outcomes and staged rows: after a crash it starts over.
    await jobRowsRepo.clear(db, ctx.job.id);
    await simImportRepo.clear(db, ctx.job.id);
    // What may be repeated within the file is noted as it streams past (duplicate-sieve.ts).
    const sieve = createDuplicateSieve(ctx.job.total);
    const failed = await stage(ctx, params, sieve);
    // The checks join the staged rows with `sims`: planned on fresh statistics of the rows just
    // staged (PGlite has no autovacuum, and PostgreSQL's comes a minute later), the duplicate and
    // existing-SIM checks of 1M rows on PGlite took 5.7 s without, 1.3 s with (docs/benchmarks.md).
    await simImportRepo.analyze(db);
    return check(ctx, params, failed, sieve);
  }

  /**
   * Creates the SIMs of the staged rows, a range of lines per transaction with the checkpoint, from
   * the last committed checkpoint on. A SIM stored meanwhile by someone else (another import, a
   * single create) makes the plain insert fail; that range is then written again skipping the rows
   * whose identifiers are taken, and those are failed with SIM_CREATED_MEANWHILE, never lost.
   *
   * On PostgreSQL `applyLanes` transactions write ranges side by side (each index insert is CPU in
   * the database, and one statement uses one core), so they may commit out of order. Each commit
   * adds its own counts to the job's, under a lock held through the commit so that no two lanes
   * write the counts at once; the checkpoint is the end of the ranges committed without a gap. A
   * resumed job writes again every range after it: a range committed before the crash finds its
   * SIMs stored under the staged ids, creates nothing, counts nothing (its counts were committed
   * with it) and fails no row (`notCreated` looks for the staged id).
   */
  async function apply(ctx: JobContext, base: JobCounts) {
    const { job } = ctx;
    const counts = { ...base };
    const from = job.phase === "apply" ? job.checkpoint : 0;
    // Up to the file's last line even when its last lines were not staged (they failed), so that
    // `done` ends at `total`; ranges with no staged row cost an empty insert.
    const total = Math.max(job.total, (await simImportRepo.lastLine(db, job.id)) - 1);
    const last = total + 1;
    const lanes = canCopy(db) ? Math.max(1, deps.applyLanes ?? 1) : 1;
    let handedOut = from;
    /** End of the ranges committed without a gap, and the first lines of those committed past a gap. */
    let contiguous = from;
    const committedPast = new Set<number>();
    /** Ranges taken and not yet committed, by their first line: what a crash test waits for. */
    const inFlight = new Set<number>();
    let commitTurn: Promise<void> = Promise.resolve();
    /** The end of the range that starts at `start`. */
    const nextEnd = (start: number) => Math.min(last, start + deps.batchSize);
    let stop = false;

    const writeRange = async (lines: { afterLine: number; toLine: number }, skipTaken: boolean) => {
      let release: (() => void) | undefined;
      try {
        return await inTransaction(db, async (tx) => {
          release?.();
          release = undefined;
          // On PGlite the range's accounts and plans are locked once each, and its rows skip the
          // foreign keys' per-row checks (a sixth of the apply there); PostgreSQL checks every row,
          // as a role that is not a superuser must.
          let parentsKept = false;
          if (!canCopy(db)) {
            const parents = await simImportRepo.parentsOf(tx, job.id, lines);
            parentsKept =
              (await deps.accounts.directory.keepAccounts(tx, parents.accounts)) &&
              (await deps.catalog.keepPlans(tx, parents));
          }
          const created = await simImportRepo.createSims(tx, job.id, lines, clock.now(), {
            skipTaken,
            parentsKept,
          });
          const late = skipTaken
            ? (await simImportRepo.notCreated(tx, job.id, lines)).map((r): RowOutcome => ({
                line: r.line,
                iccid: r.iccid,
                accountId: r.account_id,
                outcome: "failed",
                field: "iccid",
                code: "SIM_CREATED_MEANWHILE",
                message: `A SIM with this ICCID, IMSI or MSISDN was stored after the file was validated.`,
              }))
            : [];
          // A range written again after a crash stores (and counts) a late failure once only.
          const failedNow = await jobRowsRepo.insertOutcomes(tx, job.id, late);
          // The job's counts and checkpoint are written by one lane at a time, through its commit.
          const turn = commitTurn;
          commitTurn = new Promise((r) => (release = r));
          await turn;
          let end = contiguous;
          if (lines.afterLine === end) {
            end = lines.toLine;
            while (committedPast.has(end)) end = nextEnd(end);
          }
          // Counters change only after the commit: a transaction retried on a serialization failure runs again.
          const after = { created: counts.created + created, failed: counts.failed + failedNow };
          await ctx.checkpoint(tx, {
            phase: "apply",
            checkpoint: end,
            done: Math.min(total, end - 1),
            counts: after,
            errorCount: after.failed,
          });
          return { after, end, created };
        }).then((r) => {
          counts.created = r.after.created;
          counts.failed = r.after.failed;
          if (r.end === contiguous) committedPast.add(lines.afterLine);
          else {
            for (let a = lines.toLine; a < r.end; a = nextEnd(a)) committedPast.delete(a);
            contiguous = r.end;
          }
          return r.created;
        });
      } finally {
        release?.();
      }
    };
    const lane = async () => {
      while (!stop && handedOut < last) {
        const lines = { afterLine: handedOut, toLine: nextEnd(handedOut) };
        handedOut = lines.toLine;
        inFlight.add(lines.afterLine);
        let created;
        try {
          created = await writeRange(lines, false);
        } catch (err) {
          if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
          created = await writeRange(lines, true);
        }
        inFlight.delete(lines.afterLine);
        deps.onRows?.("created", created);
        // Crash tests stop here when a later range committed before an earlier one.
        if ([...inFlight].some((a) => a < lines.afterLine))
          deps.crashPoint?.("sims.import.apply.out-of-order");
        if (await ctx.cancelRequested()) throw new JobCancelled();
      }
    };
    const results = await Promise.allSettled(
      Array.from({ length: lanes }, () =>
        lane().catch((err: unknown) => {
          stop = true;
          throw err;
        }),
      ),
    );
    const failure = results.find((r) => r.status === "rejected");
    if (failure) throw (failure as PromiseRejectedResult).reason;
    return counts;
  }

  /** Ends the job's staging: its rows are not needed once it has ended, whichever way. */
  async function dropStaged(ctx: JobContext) {
    await simImportRepo.clear(db, ctx.job.id).catch((err: unknown) => {
      ctx.logger.warn({ err }, "the import's staged rows could not be removed");
    });
  }

  async function run(ctx: JobContext) {
    const params = ctx.job.params as ImportParams;
    let counts: JobCounts;
    // A job in apply whose staged rows are gone (staged by an older Otter) is validated again: rows
    // it already created are then unchanged, never created twice.
    if (ctx.job.phase === "apply" && !(await simImportRepo.hasRows(db, ctx.job.id)))
      ctx.job.phase = "validate";
    if (ctx.job.phase === "validate") {
      const validated = await validate(ctx, params);
      counts = validated.counts;
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
        await inTransaction(db, (tx) => ctx.checkpoint(tx, { counts, errorCount: counts.failed }));
        return;
      }
      // SIMs this job created before a crash emptied its staged rows are counted, not written again.
      const base = { ...counts, created: validated.alreadyCreated };
      await inTransaction(db, (tx) =>
        ctx.checkpoint(tx, { phase: "apply", done: 0, checkpoint: 0, counts: base }),
      );
      ctx.job.phase = "apply";
      ctx.job.done = 0;
      ctx.job.checkpoint = 0;
      counts = await apply(ctx, base);
    } else {
      counts = await apply(ctx, {
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
  }

  const handler: JobHandler = {
    kind: IMPORT_KIND,
    /**
     * One result per data line of the file, in line order: stored outcomes (malformed lines among
     * them), and what happened to the others; each with the account it concerns. The stored
     * outcomes are read a page at a time beside the file.
     */
    async *results(job): AsyncGenerator<ResultRow> {
      const params = job.params as ImportParams;
      if (!params.columns) return;
      const { accountOf } = resolver(
        db,
        (job.params as { principal: Principal }).principal,
        params.accountId,
      );
      const iccidAt = params.columns.indexOf("iccid");
      const accountAt = params.columns.indexOf("account");
      let page: ResultRow[] = [];
      let next = 0;
      let more = true;
      const peek = async (): Promise<ResultRow | undefined> => {
        if (next < page.length) return page[next];
        if (!more) return undefined;
        const after = page.length > 0 ? page[page.length - 1]!.line : 0;
        page = await jobRowsRepo.rows(db, job.id, { afterLine: after, limit: OUTCOME_PAGE });
        next = 0;
        more = page.length === OUTCOME_PAGE;
        return page[0];
      };
      for await (const { line, record } of records(job.id, params)) {
        for (let s = await peek(); s && s.line < line; s = await peek()) {
          yield s;
          next++;
        }
        const stored = await peek();
        if (stored && stored.line === line) {
          yield stored;
          next++;
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
      for (let s = await peek(); s; s = await peek()) {
        yield s;
        next++;
      }
    },
    async run(ctx) {
      try {
        await (deps.heapGrowth ? deps.heapGrowth.bounded(() => run(ctx)) : run(ctx));
      } catch (err) {
        // Ended for good (invalid rows, cancelled): the staged rows go. A lost lease or a shutdown
        // hands the job on, and whoever resumes it needs them.
        if (err instanceof JobCancelled || (err instanceof OtterError && err.kind !== "internal"))
          await dropStaged(ctx);
        throw err;
      }
      await dropStaged(ctx);
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
      const plain = plainCsvWatcher();
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
          plain.push(chunk);
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
          params: { ...(job.params as object), ...header!, plain: plain.plain },
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
