import { z } from "zod";
import { type Db, type Executor, inTransaction, type Tx } from "../../../db/database.js";
import type { Clock } from "../../../lib/clock.js";
import { OtterError, validationError } from "../../../lib/errors.js";
import type { AccountsService } from "../../accounts/accounts.service.js";
import type { AuditService } from "../../audit/audit.service.js";
import { requirePermission } from "../../auth/permissions.js";
import { isOperatorRole, type Principal } from "../../auth/principal.js";
import type { CatalogService } from "../../catalog/catalog.service.js";
import {
  JobCancelled,
  type JobContext,
  type JobHandler,
  type JobsService,
} from "../../jobs/jobs.service.js";
import { jobRowsRepo } from "../../jobs/job-rows.shared.repo.js";
import type { JobCounts } from "../../jobs/jobs.schemas.js";
import { SIM_STATES } from "../sim-lifecycle.js";
import { simPatch } from "../sims.schemas.js";
import { simsRepo } from "../sims.repo.js";
import type { SimsService } from "../sims.service.js";

export const BULK_KIND = "sims.bulk_change";
const SELECT_BATCH = 5000;
const APPLY_BATCH = 200;

export const bulkChangeInput = z
  .object({
    iccids: z
      .array(z.string().min(1).max(22))
      .min(1)
      .max(1_000_000)
      .optional()
      .describe("The SIMs to change; or give a filter."),
    filter: z
      .object({
        accountId: z.string().uuid().optional(),
        state: z.enum(SIM_STATES).optional(),
        communicationPlan: z.string().optional(),
        ratePlan: z.string().optional(),
      })
      .strict()
      .optional()
      .describe("All SIMs visible to the caller that match, as they are when the job starts."),
    change: simPatch.omit({ effectiveDate: true, reason: true, imei: true, notes: true }),
    reason: z.string().max(500).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type BulkInput = z.infer<typeof bulkChangeInput>;

interface Deps {
  db: Db;
  clock: Clock;
  jobs: JobsService;
  sims: Pick<SimsService, "requireVisibleSim" | "resolvePatch" | "applyChange">;
  accounts: Pick<AccountsService, "requireVisible">;
  catalog: Pick<CatalogService, "findPlan">;
  audit: AuditService;
}

class DryRunRollback extends Error {
  constructor(readonly changed: string[]) {
    super("dry run");
  }
}

/**
 * Bulk changes (state, plans, account transfer) for a list of ICCIDs or a filter, as a job. The
 * target list is fixed when the job starts; each SIM's change and its recorded outcome commit
 * together, so a resumed job continues exactly where it stopped.
 */
export function createSimBulk(deps: Deps) {
  const { db } = deps;

  async function select(ctx: JobContext, input: BulkInput): Promise<number> {
    const { job, principal } = ctx;
    await jobRowsRepo.clear(db, job.id);
    let line = 0;
    const store = async (iccids: string[]) => {
      if (iccids.length === 0) return;
      await jobRowsRepo.insertPending(
        db,
        job.id,
        iccids.map((iccid) => ({ line: ++line, iccid })),
      );
    };
    if (input.iccids) {
      for (let i = 0; i < input.iccids.length; i += SELECT_BATCH)
        await store(input.iccids.slice(i, i + SELECT_BATCH));
    } else {
      const f = input.filter ?? {};
      const path = f.accountId
        ? (await deps.accounts.requireVisible(principal, f.accountId)).path
        : principal.accountPath;
      const comm = f.communicationPlan
        ? await deps.catalog.findPlan(db, "communication", f.communicationPlan)
        : null;
      const rate = f.ratePlan ? await deps.catalog.findPlan(db, "rate", f.ratePlan) : null;
      if ((f.communicationPlan && !comm) || (f.ratePlan && !rate)) return 0;
      let after: string | null = null;
      for (;;) {
        const rows = await simsRepo.iccidsInSubtree(
          db,
          path,
          { state: f.state, communicationPlanId: comm?.id, ratePlanId: rate?.id },
          { after: after ?? undefined, limit: SELECT_BATCH },
        );
        if (rows.length === 0) break;
        await store(rows.map((r) => r.iccid));
        after = rows[rows.length - 1]!.id;
      }
    }
    await inTransaction(db, (tx) =>
      ctx.checkpoint(tx, { phase: "apply", total: line, done: 0, checkpoint: 0 }),
    );
    return line;
  }

  async function changeOne(
    tx: Executor,
    principal: Principal,
    iccid: string,
    input: BulkInput,
    jobId: string,
  ) {
    const sim = await deps.sims.requireVisibleSim(principal, iccid, tx, true);
    const change = await deps.sims.resolvePatch(principal, tx, input.change);
    const { changed } = await deps.sims.applyChange(tx, sim, change, {
      actor: { userId: principal.userId, name: principal.name },
      byOperator: isOperatorRole(principal.role),
      reason: input.reason ?? null,
      effectiveDate: deps.clock.now(),
      jobId,
    });
    return changed;
  }

  async function apply(ctx: JobContext, input: BulkInput) {
    const { job, principal } = ctx;
    const counts: JobCounts = {
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      ...(job.counts as Partial<JobCounts>),
    };
    let done = job.phase === "apply" ? job.done : 0;
    for (;;) {
      const pending = await jobRowsRepo.pending(db, job.id, APPLY_BATCH);
      if (pending.length === 0) break;
      for (const row of pending) {
        const iccid = row.iccid!;
        let outcome: {
          outcome: "updated" | "unchanged" | "failed";
          field?: string;
          code?: string;
          message?: string;
        };
        // Counters move only once the row's transaction has committed (a retried transaction runs again).
        const record = async (tx: Tx) => {
          const after = { ...counts, [outcome.outcome]: counts[outcome.outcome] + 1 };
          await jobRowsRepo.setOutcome(tx, job.id, row.line, outcome);
          await ctx.checkpoint(tx, {
            done: done + 1,
            checkpoint: row.line,
            counts: after,
            errorCount: after.failed,
          });
        };
        const committed = () => {
          counts[outcome.outcome]++;
          done++;
        };
        try {
          if (input.dryRun) {
            try {
              await inTransaction(db, async (tx) => {
                throw new DryRunRollback(await changeOne(tx, principal, iccid, input, job.id));
              });
            } catch (e) {
              if (!(e instanceof DryRunRollback)) throw e;
              outcome = { outcome: e.changed.length ? "updated" : "unchanged" };
            }
            await inTransaction(db, record);
            committed();
          } else {
            await inTransaction(db, async (tx) => {
              const changed = await changeOne(tx, principal, iccid, input, job.id);
              outcome = { outcome: changed.length ? "updated" : "unchanged" };
              await record(tx);
            });
            committed();
          }
        } catch (err) {
          if (!(err instanceof OtterError)) throw err;
          const field = Array.isArray(err.details) ? err.details[0]?.field : undefined;
          outcome = {
            outcome: "failed",
            field: field ?? "iccid",
            code: err.code,
            message: err.message,
          };
          await inTransaction(db, record);
          committed();
        }
      }
      if (await ctx.cancelRequested()) throw new JobCancelled();
    }
    await inTransaction(db, async (tx) => {
      await deps.audit.record(tx, {
        accountId: job.account_id,
        actor: { userId: principal.userId, name: principal.name },
        action: "sims.bulk_changed",
        entityType: "job",
        entityId: job.id,
        data: { change: input.change, reason: input.reason ?? null, dryRun: input.dryRun, counts },
      });
      await ctx.succeed(tx);
    });
  }

  const handler: JobHandler = {
    kind: BULK_KIND,
    async run(ctx) {
      const input = ctx.job.params as BulkInput;
      if (ctx.job.phase === "select") {
        await select(ctx, input);
        ctx.job.phase = "apply";
        ctx.job.done = 0;
      }
      await apply(ctx, input);
    },
  };

  return {
    handler,
    async start(principal: Principal, input: BulkInput): Promise<string> {
      requirePermission(principal, "sims:write");
      if (!!input.iccids === !!input.filter)
        throw validationError("iccids", "BULK_TARGET", "Give either iccids or filter, not both.");
      if (Object.keys(input.change).length === 0)
        throw validationError("change", "NOTHING_TO_CHANGE", "Give at least one field to change.");
      if (input.filter?.accountId)
        await deps.accounts.requireVisible(principal, input.filter.accountId);
      // Refuse a change that cannot work for any SIM (unknown plan, forbidden field) before queuing.
      await deps.sims.resolvePatch(principal, db, input.change);
      const job = await deps.jobs.create(db, {
        principal,
        accountId: principal.accountId,
        kind: BULK_KIND,
        phase: "select",
        params: input,
        total: input.iccids?.length ?? 0,
      });
      return job.id;
    },
  };
}

export type SimBulk = ReturnType<typeof createSimBulk>;
