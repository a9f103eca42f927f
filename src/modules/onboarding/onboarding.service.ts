import { createHash } from "node:crypto";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import { isUuid } from "../../lib/ids.js";
import type { Onboarding } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import { can, requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { CasesService } from "../desk/cases.service.js";
import type { EventsService } from "../events/events.service.js";
import { sessionStartsRepo } from "../network/session-starts.shared.repo.js";
import type { JobsService } from "../jobs/jobs.service.js";
import { simIdsOfAccounts } from "../sims/sim-lookup.shared.repo.js";
import { simStockRepo } from "../sims/sim-stock.shared.repo.js";
import {
  checkFeasibility,
  type Facts,
  type Finding,
  type PlanFacts,
  specRefs,
  type SpecRefs,
} from "./feasibility.js";
import { swanctlConf, tunnelSheet, type TunnelSide } from "./ipsec-config.js";
import {
  computePlan,
  emptyPlan,
  type OnboardingPlan,
  planDirectives,
  termsChanged,
} from "./onboarding-plan.js";
import type { OnboardingSpec } from "./onboarding-spec.js";
import { onboardingErrors } from "./onboarding.errors.js";
import { onboardingText } from "./onboarding.messages.js";
import { type Locale, localeOf } from "../../lib/messages/messages.js";
import {
  daysBetween,
  presentFinding,
  presentOnboarding,
  presentOnboardingDetail,
  presentPlan,
  presentTask,
  signedMs,
} from "./onboarding.presenter.js";
import { setOnboardingState } from "./onboarding-tasks.js";
import { onboardingRepo as repo } from "./onboarding.repo.js";
import type { CheckOut, OnboardingInput } from "./onboarding.schemas.js";
import { parseSpec } from "./spec-parse.js";
import { holdsClearPsk, openPsks, sealPsks, sealServicePsks } from "./psk-seal.js";
import type { SecretBox } from "../../lib/secret-box.js";

export const PROVISION_KIND = "onboarding.provision";

/** What a provisioning run has created so far (the `provisioned` column), by step. */
export interface Provisioned {
  customer?: string;
  /** Sub-account key → account id. */
  accounts?: Record<string, string>;
  /** Plans this onboarding created, by name → id. */
  plans?: { communication?: Record<string, string>; rate?: Record<string, string> };
  /** SIM group index → SIMs moved by this onboarding. */
  sims?: Record<string, number>;
  /**
   * The spec the last successful run applied: what a changed spec is planned against, so that a
   * confirmed plan whose run failed is planned again in full, not against its own spec.
   */
  applied?: OnboardingSpec;
}

/** What a new spec is planned against: the last spec applied in full, else the stored one. */
export const basisOf = (o: Onboarding) =>
  ((o.provisioned as Provisioned | null)?.applied ?? o.spec) as OnboardingSpec;

interface Deps {
  db: Db;
  clock: Clock;
  jobs: Pick<JobsService, "create" | "requireVisibleJob">;
  accounts: Pick<AccountsService, "rootAccount" | "directory" | "get">;
  catalog: Pick<CatalogService, "zonesByName" | "privateApns" | "planFacts" | "findPlan">;
  events: Pick<EventsService, "emit">;
  /** The desk: the case that carries the tasks, and the notes written on it. */
  cases: Pick<CasesService, "addInternalNote" | "caseSummary">;
  /** Seals the tunnels' PSKs at rest (OTTER_SECRET_KEY). */
  secrets: SecretBox;
}

const hashOf = (spec: OnboardingSpec) =>
  createHash("sha256").update(JSON.stringify(spec)).digest("hex");

function summaryOf(spec: OnboardingSpec): NonNullable<CheckOut["summary"]> {
  const sims = specRefs(spec);
  const count = (list: { reuse: boolean }[]) => ({
    create: list.filter((p) => !p.reuse).length,
    reuse: list.filter((p) => p.reuse).length,
  });
  return {
    accounts: 1 + spec.accounts.length,
    communicationPlans: count(spec.plans.communication),
    ratePlans: count(spec.plans.rate),
    sims:
      sims.ranges.reduce((n, r) => n + r.range.size, 0) +
      sims.lists.reduce((n, l) => n + new Set(l.iccids).size, 0),
    privateApns: spec.services.apns.length,
    tunnels: spec.services.apns.filter((a) => a.ipsec).length,
  };
}

/**
 * Onboardings: a spec checked for feasibility (every problem at once, nothing written), then
 * stored and provisioned by one job (onboarding-provision.ts). Operator work: customer keys have
 * no permission here.
 */
export function createOnboardingService(deps: Deps) {
  const { db, clock } = deps;

  /** The facts the feasibility rules need, in a few set-based reads. */
  async function loadFacts(
    ex: Executor,
    spec: OnboardingSpec,
    refs: SpecRefs,
    existing: Onboarding | undefined,
  ): Promise<Facts> {
    const root = await deps.accounts.rootAccount(ex);
    const done = (existing?.provisioned ?? {}) as Provisioned;
    const heldBy = [
      ...(done.customer ? [done.customer] : []),
      ...Object.values(done.accounts ?? {}),
    ];
    const now = clock.now();
    const plans = {
      communication: new Map<string, PlanFacts>(),
      rate: new Map<string, PlanFacts>(),
    };
    for (const kind of ["communication", "rate"] as const)
      for (const name of refs.planNames[kind]) {
        const f = await deps.catalog.planFacts(ex, kind, name, now);
        if (f) plans[kind].set(name, { ...f, ours: done.plans?.[kind]?.[name] === f.id });
      }
    const ownPlanIds = new Set(
      Object.values(done.plans?.communication ?? {}).concat(Object.values(done.plans?.rate ?? {})),
    );
    const apnsInUse = (await deps.catalog.privateApns(ex))
      .filter((a) => !ownPlanIds.has(a.planId))
      .map((a) => ({
        apn: a.apn,
        ipPool: a.ipPool,
        usedBy: onboardingText.msg("usedBy.plan", { name: a.planName }),
      }));
    for (const other of await repo.servicesOfOthers(ex, spec.reference))
      for (const s of other.services as { name: string; ipPool: string }[])
        apnsInUse.push({
          apn: s.name,
          ipPool: s.ipPool,
          usedBy: onboardingText.msg("usedBy.onboarding", { reference: other.reference }),
        });
    const counted = await simStockRepo.countRanges(
      ex,
      root.id,
      refs.ranges.map((r) => ({
        key: `${r.group}.${r.index}`,
        from: r.range.from,
        to: r.range.to,
      })),
      heldBy,
    );
    const listStock: Facts["listStock"] = new Map();
    for (const l of refs.lists) {
      const c = await simStockRepo.countList(ex, root.id, l.iccids, heldBy);
      listStock.set(l.group, { inStock: c.in_stock, ours: c.held, missing: c.missing ?? [] });
    }
    const owner = await deps.accounts.directory.userByEmail(ex, spec.people.onboardingOwner);
    const sameName = await deps.accounts.directory.childrenNamed(ex, root.id, spec.customer.name);
    return {
      zones: await deps.catalog.zonesByName(ex),
      plans,
      owner: owner ? { role: owner.role, disabled: owner.disabled_at !== null } : null,
      apnsInUse,
      rangeStock: new Map(counted.map((c) => [c.key, { inStock: c.in_stock, ours: c.held }])),
      listStock,
      totalStock: await simStockRepo.countStock(ex, root.id),
      sameNameAccount: sameName.some((a) => a.id !== done.customer),
    };
  }

  async function check(
    input: unknown,
  ): Promise<{ spec: OnboardingSpec | null; findings: Finding[]; existing?: Onboarding }> {
    const parsed = parseSpec(input);
    if (!parsed.ok) return { spec: null, findings: parsed.findings };
    const spec = parsed.spec;
    const existing = await repo.findByReference(db, spec.reference);
    const refs = specRefs(spec);
    const facts = await loadFacts(db, spec, refs, existing);
    return { spec, findings: checkFeasibility(spec, facts, refs), existing };
  }

  /**
   * The plan of a spec against an onboarding an earlier run provisioned (empty for a new
   * onboarding, or one no run has provisioned anything of yet).
   */
  async function planOf(
    principal: Principal,
    spec: OnboardingSpec,
    existing: Onboarding | undefined,
  ): Promise<OnboardingPlan> {
    const done = (existing?.provisioned ?? {}) as Provisioned;
    if (!existing || !done.customer) return emptyPlan();
    const root = await deps.accounts.rootAccount();
    return computePlan(deps, db, principal, basisOf(existing), spec, done, root.id);
  }

  /**
   * The onboarding with the start of its first SIM's first data session (since provisioning began),
   * looked up set-based in the network's sessions while unknown and kept once found.
   */
  async function withFirstOnline(o: Onboarding): Promise<Onboarding> {
    if (o.first_sim_online_at || !o.provisioning_at) return o;
    if (o.state !== "waiting_on_customer" && o.state !== "live") return o;
    const done = o.provisioned as Provisioned;
    const accountIds = [
      ...(done.customer ? [done.customer] : []),
      ...Object.values(done.accounts ?? {}),
    ];
    if (accountIds.length === 0) return o;
    const first = await sessionStartsRepo.firstStartAmong(
      db,
      simIdsOfAccounts(accountIds),
      o.provisioning_at,
    );
    if (!first) return o;
    return inTransaction(db, (tx) => repo.update(tx, o.id, { first_sim_online_at: first }));
  }

  const checkOut = (
    spec: OnboardingSpec | null,
    findings: Finding[],
    locale: Locale,
  ): Omit<CheckOut, "plan"> => {
    const errors = findings.filter((f) => f.severity === "error").length;
    return {
      reference: spec?.reference ?? null,
      feasible: spec !== null && errors === 0,
      errors,
      warnings: findings.length - errors,
      findings: findings.map((f) => presentFinding(f, locale)),
      summary: spec ? summaryOf(spec) : null,
    };
  };

  async function find(idOrReference: string): Promise<Onboarding> {
    const row = /^[0-9a-f-]{36}$/i.test(idOrReference)
      ? await repo.findById(db, idOrReference)
      : await repo.findByReference(db, idOrReference);
    if (!row) throw onboardingErrors.notFound(idOrReference);
    return row;
  }

  return {
    /** The feasibility check alone: every finding, nothing written. */
    async check(principal: Principal, spec: unknown): Promise<CheckOut> {
      requirePermission(principal, "onboarding:write");
      const r = await check(spec);
      const locale = localeOf(principal);
      const out = checkOut(r.spec, r.findings, locale);
      if (!r.spec || !r.existing || out.errors > 0) return out;
      return { ...out, plan: presentPlan(await planOf(principal, r.spec, r.existing), locale) };
    },

    /**
     * Stores a feasible spec and starts its provisioning job. The same spec again, once
     * provisioned, changes nothing; a changed spec or a failed run starts a new run on the same
     * onboarding, which finds what earlier runs created and creates only the rest.
     */
    async create(principal: Principal, input: OnboardingInput) {
      requirePermission(principal, "onboarding:write");
      const { spec, findings, existing } = await check(input.spec);
      if (!spec) throw onboardingErrors.specInvalid(findings);
      if (findings.some((f) => f.severity === "error"))
        throw onboardingErrors.notFeasible(findings);
      const hash = hashOf(spec);
      const warnings = findings.filter((f) => f.severity === "warning");
      // One run at a time: the state alone could be stale after a run that crashed on a bug.
      if (existing?.job_id) {
        const last = await deps.jobs.requireVisibleJob(principal, existing.job_id);
        if (last.status === "queued" || last.status === "running")
          throw onboardingErrors.busy(spec.reference);
      }
      // Planned against the current state: the same spec finds what changed since (an account
      // renamed in the console) and puts it back, as a plan like any other.
      const plan = await planOf(principal, spec, existing);
      if (
        existing &&
        existing.spec_hash === hash &&
        plan.entries.length === 0 &&
        (existing.state === "live" || existing.state === "waiting_on_customer")
      )
        return {
          onboarding: presentOnboarding(existing, localeOf(principal)),
          jobId: null,
          created: false,
          findings: findings.map((f) => presentFinding(f, localeOf(principal))),
          plan: presentPlan(plan, localeOf(principal)),
        };
      // A changed spec is applied only as the plan the user saw: any other plan is refused.
      if (plan.entries.length > 0 && input.confirmPlan !== plan.hash)
        throw onboardingErrors.planNotConfirmed(spec.reference, plan, input.confirmPlan);
      const directives =
        existing && plan.entries.length > 0
          ? {
              ...planDirectives(basisOf(existing), spec),
              terms: termsChanged(
                basisOf(existing),
                spec,
                (existing.provisioned ?? {}) as Provisioned,
              ).map(({ kind, name }) => ({ kind, name })),
            }
          : { moves: [], withdraw: [] };

      const root = await deps.accounts.rootAccount();
      const now = clock.now();
      const id = existing?.id ?? newId();
      const job = await inTransaction(db, async (tx) => {
        const job = await deps.jobs.create(tx, {
          principal,
          accountId: root.id,
          kind: PROVISION_KIND,
          phase: "customer",
          params: {
            onboardingId: id,
            reference: spec.reference,
            ...(plan.entries.length > 0 && { planHash: plan.hash, ...directives }),
          },
        });
        const fields = {
          // The PSKs sealed: the stored spec (and the services and applied spec made from it) never
          // holds one in clear. The hash is of the spec as given, so the same spec stays the same.
          spec: JSON.stringify(sealPsks(spec, deps.secrets)),
          spec_hash: hash,
          customer_name: spec.customer.name,
          findings: JSON.stringify(warnings),
          owner_email: spec.people.onboardingOwner,
          contract_signed: spec.dates.contractSigned,
          requested_go_live: spec.dates.requestedGoLive,
          state: "validated" as const,
          validated_at: now,
          failed_at: null,
          job_id: job.id,
          updated_at: now,
        };
        if (existing) {
          await repo.lock(tx, existing.id);
          await repo.update(tx, existing.id, fields);
        } else {
          await repo.insert(tx, {
            ...fields,
            id,
            account_id: root.id,
            reference: spec.reference,
            created_by: principal.userId,
            created_at: now,
          });
          await deps.events.emit(tx, [
            {
              accountId: root.id,
              type: "onboarding.created",
              subjectId: id,
              data: {
                onboardingId: id,
                reference: spec.reference,
                customerName: spec.customer.name,
              },
            },
          ]);
        }
        return job;
      });
      const stored = (await repo.findById(db, id))!;
      return {
        onboarding: presentOnboarding(stored, localeOf(principal)),
        jobId: job.id,
        created: !existing,
        findings: findings.map((f) => presentFinding(f, localeOf(principal))),
        plan: presentPlan(plan, localeOf(principal)),
      };
    },

    async list(
      principal: Principal,
      q: { state?: Onboarding["state"]; cursor?: string; limit: number },
    ) {
      requirePermission(principal, "onboarding:read");
      const rows = await repo.list(db, { before: q.cursor, limit: q.limit + 1, state: q.state });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((o) => presentOnboarding(o, localeOf(principal))),
        nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
      };
    },

    async get(principal: Principal, idOrReference: string) {
      requirePermission(principal, "onboarding:read");
      const row = await withFirstOnline(await find(idOrReference));
      const deskCase = row.case_id ? await deps.cases.caseSummary(db, row.case_id) : null;
      return presentOnboardingDetail(
        row,
        await repo.tasksOf(db, row.id),
        deskCase,
        localeOf(principal),
      );
    },

    /**
     * One side's swanctl.conf for the onboarding's IPsec tunnel(s). The PSK is in it only for a
     * principal allowed `onboarding:secrets` (the one place it is shown back); for the others its
     * line is a placeholder for the key agreed out of band.
     */
    async ipsecConfig(principal: Principal, idOrReference: string, side: TunnelSide) {
      requirePermission(principal, "onboarding:read");
      const row = await find(idOrReference);
      const spec = openPsks(row.spec as OnboardingSpec, deps.secrets);
      const printPsk = can(principal, "onboarding:secrets");
      return { reference: row.reference, text: swanctlConf(spec, side, { printPsk }) };
    },

    /** The one-page tunnel sheet, in the customer's language. */
    async tunnelSheet(principal: Principal, idOrReference: string) {
      requirePermission(principal, "onboarding:read");
      const row = await find(idOrReference);
      // The operator by its own name (the root account's), in every language.
      const operator = await deps.accounts.rootAccount();
      return {
        reference: row.reference,
        text: tunnelSheet(openPsks(row.spec as OnboardingSpec, deps.secrets), operator.name),
      };
    },

    /**
     * Marks a task done, with an optional note written on the onboarding's case as an internal
     * note. The last open task done makes the onboarding live.
     */
    async completeTask(
      principal: Principal,
      idOrReference: string,
      taskId: string,
      input: { note?: string },
    ) {
      requirePermission(principal, "onboarding:write");
      const found = await find(idOrReference);
      if (!isUuid(taskId)) throw onboardingErrors.taskNotFound(taskId);
      return inTransaction(db, async (tx) => {
        let o = (await repo.lock(tx, found.id))!;
        const task = await repo.lockTask(tx, o.id, taskId);
        if (!task) throw onboardingErrors.taskNotFound(taskId);
        if (task.state === "done") throw onboardingErrors.taskDone(task.title);
        const done = await repo.completeTask(tx, task.id, {
          note: input.note ?? null,
          done_at: clock.now(),
          done_by: principal.userId,
        });
        if (o.case_id)
          await deps.cases.addInternalNote(
            tx,
            o.case_id,
            `Onboarding task done: ${task.title}.${input.note ? `\n\n${input.note}` : ""}`,
            actorOf(principal),
          );
        const open = (await repo.tasksOf(tx, o.id)).filter((t) => t.state === "open").length;
        await deps.events.emit(tx, [
          {
            accountId: o.account_id,
            type: "onboarding.task_done",
            subjectId: o.id,
            data: {
              onboardingId: o.id,
              reference: o.reference,
              taskId: task.id,
              kind: task.kind,
              openTasks: open,
              caseId: o.case_id,
            },
          },
        ]);
        if (open === 0 && o.state === "waiting_on_customer")
          o = await setOnboardingState(deps, tx, o, "live");
        return {
          task: presentTask(done, o.case_id),
          onboarding: presentOnboarding(o, localeOf(principal)),
        };
      });
    },

    /**
     * Startup: seals the PSKs that onboardings stored before sealing existed still hold in clear
     * (the spec, the applied spec, the services), under OTTER_SECRET_KEY. A migration cannot do it:
     * the key is not in the database and migrations do not have it. Row by row, each under its
     * lock; a row sealed already (by another process starting at the same time) is left as it is.
     * Returns how many onboardings were re-sealed.
     */
    async sealStoredPsks(): Promise<number> {
      let sealed = 0;
      for (const { id } of await repo.idsWithClearPsk(db))
        await inTransaction(db, async (tx) => {
          const o = await repo.lock(tx, id);
          if (!o) return;
          const done = (o.provisioned ?? {}) as Provisioned;
          const services = (o.services ?? []) as OnboardingSpec["services"]["apns"];
          if (!holdsClearPsk(o.spec) && !holdsClearPsk(done.applied) && !holdsClearPsk(services))
            return;
          await repo.update(tx, id, {
            spec: JSON.stringify(sealPsks(o.spec as OnboardingSpec, deps.secrets)),
            provisioned: JSON.stringify(
              done.applied ? { ...done, applied: sealPsks(done.applied, deps.secrets) } : done,
            ),
            services: JSON.stringify(sealServicePsks(services, deps.secrets)),
          });
          sealed++;
        });
      return sealed;
    },

    /** Lead times of the onboardings past provisioning: per onboarding and summarised. */
    async leadTimes(principal: Principal) {
      requirePermission(principal, "onboarding:read");
      const rows = [
        ...(await repo.list(db, { limit: 10_000, state: "waiting_on_customer" })),
        ...(await repo.list(db, { limit: 10_000, state: "live" })),
      ];
      const items = [];
      for (const r of rows) {
        const o = await withFirstOnline(r);
        items.push({
          id: o.id,
          reference: o.reference,
          contractSigned: o.contract_signed,
          daysToFirstSimOnline: o.first_sim_online_at
            ? daysBetween(signedMs(o), o.first_sim_online_at)
            : null,
          daysToLive: o.live_at ? daysBetween(signedMs(o), o.live_at) : null,
        });
      }
      items.sort((a, b) => (a.reference < b.reference ? -1 : 1));
      return {
        toFirstSimOnline: statsOf(items, "daysToFirstSimOnline"),
        toLive: statsOf(items, "daysToLive"),
        items,
      };
    },
  };
}

type LeadItem = {
  reference: string;
  daysToFirstSimOnline: number | null;
  daysToLive: number | null;
};

/** Count, average, median and record (shortest, with its reference) of one lead time. */
function statsOf(items: LeadItem[], key: "daysToFirstSimOnline" | "daysToLive") {
  const known = items
    .filter((i) => i[key] !== null)
    .sort((a, b) => (a[key] as number) - (b[key] as number));
  const days = known.map((i) => i[key] as number);
  const n = days.length;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    count: n,
    averageDays: n ? round(days.reduce((a, b) => a + b, 0) / n) : null,
    medianDays: n
      ? round(n % 2 ? days[(n - 1) / 2]! : (days[n / 2 - 1]! + days[n / 2]!) / 2)
      : null,
    recordDays: n ? days[0]! : null,
    recordReference: n ? known[0]!.reference : null,
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
