import type { Insertable } from "kysely";
import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { AutomationFiring, AutomationFiringsTable, AutomationRule } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { OtterError, validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { type Actor, actorOf, type Principal, SYSTEM_READER } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { rhythmOf, silenceLimitMs } from "../network/silence-policy.js";
import type { EventsService } from "../events/events.service.js";
import type { MailService } from "../mail/mail.service.js";
import type { NetworkViewService } from "../network/network-view.service.js";
import type { SimsService } from "../sims/sims.service.js";
import { automationErrors } from "./automation.errors.js";
import { automationRepo as repo } from "./automation.repo.js";
import {
  type ActionInput,
  type Condition,
  type CreateRuleInput,
  poolRuleProblems,
  type TriggerInput,
  type UpdateRuleInput,
} from "./automation.schemas.js";
import { describeFiring } from "./firing-text.js";
import {
  conditionsHold,
  isPoolEvent,
  poolConditionsHold,
  type SimFacts,
  TRIGGER_EVENT,
  triggerMatches,
  triggerOfEvent,
} from "./rule-matcher.js";

/**
 * The port through which a rule opens a case. The case desk implements exactly this, idempotently
 * on `source` (a retried firing gets the case it opened the first time back).
 */
export interface CaseOpener {
  openCaseFromAutomation(input: {
    accountId: string;
    subject: string;
    body: string;
    category?: string;
    priority?: "low" | "normal" | "high" | "urgent";
    simIccids?: string[];
    source: { ruleId: string; eventId: string };
  }): Promise<{ id: string; number: number }>;
}

interface Deps {
  db: Db;
  clock: Clock;
  logger: Pick<Logger, "info" | "warn" | "error">;
  accounts: Pick<AccountsService, "requireVisible" | "noticeAddresses">;
  audit: Pick<AuditService, "record">;
  events: Pick<EventsService, "emit" | "consume" | "position">;
  mail: Pick<MailService, "enqueue">;
  sims: Pick<SimsService, "requireVisibleSim" | "lockById" | "applyChange">;
  catalog: Pick<CatalogService, "resolvePlanRef" | "findPlan">;
  network: Pick<NetworkViewService, "quietSims" | "evidence">;
  /** The case desk, when this Otter has one; without it rules cannot carry `open_case`. */
  cases?: CaseOpener;
}

export interface AutomationRound {
  events: number;
  fired: number;
  ran: number;
  failed: number;
}

const EVENT_BATCH = 500;
const RUN_BATCH = 50;
const QUIET_PAGE = 500;
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const HOUR = 3600_000;
/** A rhythm-relative `no_session` never fires before an hour of silence, however fast the device. */
const MIN_RHYTHM_SILENCE_MS = HOUR;
/**
 * Clock-driven triggers are evaluated at most this often (on Otter's clock): they count hours, and a
 * round reads every quiet SIM of each `no_session` rule's subtree.
 */
export const CLOCK_EVERY_MS = 60_000;
/** Automation's name as an event consumer, and the event types its event-driven triggers listen to. */
export const AUTOMATION_CONSUMER = "automation";
export const AUTOMATION_EVENT_TYPES = Object.values(TRIGGER_EVENT);

type RuleRow = AutomationRule & { account_path: string };
type DueFiring = AutomationFiring & {
  rule_name: string;
  rule_actions: unknown;
  rule_trigger: unknown;
  rule_path: string;
};
type Result = { type: string; ok: boolean } & Record<string, unknown>;

function presentRule(r: AutomationRule) {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    description: r.description,
    enabled: r.enabled,
    trigger: r.trigger as Record<string, unknown>,
    conditions: r.conditions as Record<string, unknown>[],
    actions: r.actions as Record<string, unknown>[],
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function presentFiring(f: AutomationFiring) {
  return {
    id: f.id,
    ruleId: f.rule_id,
    eventId: f.event_id,
    eventType: f.event_type,
    iccid: f.iccid,
    status: f.status,
    attempts: f.attempts,
    results: (f.results as Result[] | null) ?? null,
    data: f.event_data as Record<string, unknown>,
    createdAt: f.created_at.toISOString(),
    finishedAt: f.finished_at?.toISOString() ?? null,
  };
}

const ruleActor = (r: { id: string; name: string }): Actor => ({
  userId: null,
  name: `automation rule "${r.name}" (${r.id})`,
});

/**
 * Automation rules: per account, trigger → conditions → actions. Event-driven triggers are evaluated
 * from the `domain_events` outbox under the rules' own locked cursor; clock-driven ones
 * (`no_session`) on Otter's clock. Every firing is a row unique per (rule, event) or (rule, SIM,
 * silence episode), so a rule fires exactly once for it across restarts and concurrent workers;
 * its actions then run once, in the transaction that marks the firing done.
 */
export function createAutomationService(deps: Deps) {
  const { db, clock, logger } = deps;
  let lastClockRound: number | null = null;

  async function requireVisible(
    principal: Principal,
    id: string,
    ex: Executor = db,
  ): Promise<RuleRow> {
    const r = await repo.findVisible(ex, principal.accountPath, id);
    if (!r) throw automationErrors.notFound(id);
    return r;
  }

  /** Checks references and stores plans by id; refuses what this Otter cannot do. */
  async function normalize(
    principal: Principal,
    tx: Executor,
    accountPath: string,
    input: { conditions?: Condition[]; actions?: ActionInput[] },
  ) {
    const conditions: Condition[] = [];
    for (const [i, c] of (input.conditions ?? []).entries()) {
      if (c.type === "account") {
        const a = await deps.accounts
          .requireVisible(principal, c.accountId, tx)
          .catch((err: unknown) => {
            if (err instanceof OtterError && err.kind === "not_found")
              throw automationErrors.unknownAccount(`conditions.${i}.accountId`, c.accountId);
            throw err;
          });
        if (!a.path.startsWith(accountPath))
          throw automationErrors.conditionAccountOutside(`conditions.${i}.accountId`);
        conditions.push(c);
      } else if (c.type === "communication_plan" || c.type === "rate_plan") {
        const p = await deps.catalog.resolvePlanRef(
          tx,
          principal,
          c.type === "rate_plan" ? "rate" : "communication",
          c.plan,
          `conditions.${i}.plan`,
        );
        conditions.push({ ...c, plan: p.id });
      } else {
        conditions.push(c);
      }
    }
    let actions: ActionInput[] | undefined;
    if (input.actions) {
      actions = [];
      for (const [i, a] of input.actions.entries()) {
        if (a.type === "open_case" && !deps.cases)
          throw automationErrors.caseDeskNotAvailable(`actions.${i}`);
        if (a.type === "change_plan") {
          const comm = a.communicationPlan
            ? await deps.catalog.resolvePlanRef(
                tx,
                principal,
                "communication",
                a.communicationPlan,
                `actions.${i}.communicationPlan`,
              )
            : null;
          const rate = a.ratePlan
            ? await deps.catalog.resolvePlanRef(
                tx,
                principal,
                "rate",
                a.ratePlan,
                `actions.${i}.ratePlan`,
              )
            : null;
          actions.push({
            type: "change_plan",
            ...(comm && { communicationPlan: comm.id }),
            ...(rate && { ratePlan: rate.id }),
          });
        } else {
          actions.push(a);
        }
      }
    }
    return { conditions, actions };
  }

  const usagePercentOf = (t: TriggerInput) => (t.type === "usage_above" ? t.percent : null);

  async function simFacts(
    ex: Executor,
    iccid: string,
  ): Promise<(SimFacts & { id: string; iccid: string }) | null> {
    try {
      const s = await deps.sims.requireVisibleSim(SYSTEM_READER, iccid, ex);
      return {
        id: s.id,
        iccid: s.iccid,
        accountId: s.account_id,
        accountPath: s.account_path,
        state: s.state,
        communicationPlanId: s.communication_plan_id,
        ratePlanId: s.rate_plan_id,
        customFields: (s.custom_fields ?? {}) as Record<string, string>,
      };
    } catch (err) {
      if (err instanceof OtterError && err.kind === "not_found") return null;
      throw err;
    }
  }

  /** Turns queued events into firings; returns how many events it handled and how many firings it made. */
  async function evaluateEvents(): Promise<{ events: number; fired: number }> {
    let fired = 0;
    const events = await deps.events.consume(
      AUTOMATION_CONSUMER,
      async (tx, batch) => {
        const rules = await repo.enabledRules(tx, false);
        const now = clock.now();
        const rows: Insertable<AutomationFiringsTable>[] = [];
        for (const e of batch) {
          if (!e.accountPath || !triggerOfEvent(e.type)) continue;
          const path = e.accountPath;
          const data = e.data as Record<string, unknown>;
          // A rule sees its account's subtree, and only what happened after it was made.
          const candidates = rules.filter(
            (r) =>
              path.startsWith(r.account_path) &&
              e.position > BigInt(r.events_from) &&
              triggerMatches(r.trigger as TriggerInput, e),
          );
          if (candidates.length === 0) continue;
          if (isPoolEvent(e.type)) {
            // A pool is a customer's, per rate plan: no SIM, conditions on the account and the plan.
            const ratePlanId = (data.ratePlan as { id: string }).id;
            for (const r of candidates) {
              if (
                !poolConditionsHold(r.conditions as Condition[], { accountPath: path, ratePlanId })
              )
                continue;
              rows.push({
                id: newId(),
                rule_id: r.id,
                account_id: r.account_id,
                dedupe_key: e.id,
                event_id: e.id,
                event_type: e.type,
                event_data: JSON.stringify(data),
                sim_id: null,
                iccid: null,
                status: "pending",
                created_at: now,
              });
            }
            continue;
          }
          const iccid = typeof data.iccid === "string" ? data.iccid : e.subjectId;
          const sim = await simFacts(tx, iccid);
          for (const r of candidates) {
            if (sim && !conditionsHold(r.conditions as Condition[], sim)) continue;
            if (!sim && (r.conditions as Condition[]).length > 0) continue;
            rows.push({
              id: newId(),
              rule_id: r.id,
              account_id: r.account_id,
              dedupe_key: e.id,
              event_id: e.id,
              event_type: e.type,
              event_data: JSON.stringify(data),
              sim_id: sim?.id ?? null,
              iccid: sim?.iccid ?? iccid,
              status: "pending",
              created_at: now,
            });
          }
        }
        fired += await repo.insertFirings(tx, rows);
      },
      { batch: EVENT_BATCH },
    );
    return { events, fired };
  }

  /**
   * Clock-driven triggers: `no_session` rules fire for SIMs of their subtree silent (no session, no
   * bytes) for longer than the rule allows, once per silence episode — the episode is named by the
   * time of the SIM's last activity, so new activity starts a new one.
   */
  async function evaluateClock(): Promise<number> {
    const now = clock.now();
    let fired = 0;
    for (const r of await repo.enabledRules(db, true)) {
      const t = r.trigger as Extract<TriggerInput, { type: "no_session" }>;
      const fixedMs = t.hours !== undefined ? t.hours * HOUR : null;
      const before = new Date(now.getTime() - (fixedMs ?? MIN_RHYTHM_SILENCE_MS));
      let after: { lastActivityAt: Date; simId: string } | undefined;
      for (;;) {
        const page = await deps.network.quietSims({
          accountPath: r.account_path,
          before,
          after,
          limit: QUIET_PAGE,
        });
        if (page.length === 0) break;
        after = {
          lastActivityAt: page[page.length - 1]!.lastActivityAt,
          simId: page[page.length - 1]!.simId,
        };
        // Silence that began before the rule existed counts too; only episodes already fired for are skipped.
        const done = await repo.firedEpisodes(
          db,
          r.id,
          page.map((q) => ({ simId: q.simId, at: q.lastActivityAt })),
        );
        const rows: Insertable<AutomationFiringsTable>[] = [];
        for (const q of page) {
          if (done.has(`${q.simId}|${q.lastActivityAt.getTime()}`)) continue;
          const quietMs = now.getTime() - q.lastActivityAt.getTime();
          let limitMs = fixedMs;
          let basis = `fixed: ${t.hours} h`;
          if (limitMs === null) {
            const ev = await deps.network.evidence(
              q.simId,
              new Date(now.getTime() - 7 * 24 * HOUR),
            );
            const rhythm = rhythmOf(ev.sessions);
            limitMs = silenceLimitMs(rhythm, t.rhythmMultiple!, MIN_RHYTHM_SILENCE_MS);
            basis = `${t.rhythmMultiple} × usual gap (${rhythm.basis})`;
          }
          if (quietMs < limitMs) continue;
          const sim = await simFacts(db, q.iccid);
          if (!sim || !conditionsHold(r.conditions as Condition[], sim)) continue;
          rows.push({
            id: newId(),
            rule_id: r.id,
            account_id: r.account_id,
            dedupe_key: `no_session:${q.simId}:${q.lastActivityAt.toISOString()}`,
            event_id: null,
            event_type: "sim.no_session",
            sim_id: q.simId,
            iccid: q.iccid,
            episode_at: q.lastActivityAt,
            status: "pending",
            created_at: now,
            event_data: JSON.stringify({
              iccid: q.iccid,
              lastActivityAt: q.lastActivityAt.toISOString(),
              silentForSeconds: Math.round(quietMs / 1000),
              limitSeconds: Math.round(limitMs / 1000),
              basis,
              at: now.toISOString(),
            }),
          });
        }
        // The unique (rule, episode) key settles a race between two nodes: the second insert does nothing.
        fired += await inTransaction(db, (tx) => repo.insertFirings(tx, rows));
        if (page.length < QUIET_PAGE) break;
      }
    }
    return fired;
  }

  async function perform(
    tx: Executor,
    f: DueFiring,
    a: ActionInput,
    opened: Result | null,
  ): Promise<Result> {
    const rule = { id: f.rule_id, name: f.rule_name };
    const data = f.event_data as Record<string, unknown>;
    const what = describeFiring(f.event_type, data);
    switch (a.type) {
      case "webhook": {
        await deps.events.emit(tx, [
          {
            accountId: f.account_id,
            type: "automation.rule_fired",
            subjectId: f.rule_id,
            data: {
              ruleId: f.rule_id,
              ruleName: f.rule_name,
              firingId: f.id,
              trigger: f.rule_trigger,
              iccid: f.iccid,
              summary: what,
              event: { id: f.event_id, type: f.event_type, data },
              firedAt: f.created_at.toISOString(),
            },
          },
        ]);
        return { type: a.type, ok: true, event: "automation.rule_fired" };
      }
      case "email": {
        const to = await deps.accounts.noticeAddresses(tx, f.account_id);
        if (to.length === 0)
          return {
            type: a.type,
            ok: false,
            code: "NO_RECIPIENTS",
            message:
              "The rule's account has no contact with an e-mail address and no administrator.",
          };
        await deps.mail.enqueue(tx, {
          accountId: f.account_id,
          to,
          purpose: "automation_rule",
          subject: `Otter rule "${f.rule_name}": ${what}`,
          text: [
            "Hello,",
            "",
            `Your automation rule "${f.rule_name}" fired: ${what}.`,
            ...(a.note ? ["", a.note] : []),
            "",
            `When: ${f.created_at.toISOString()}`,
            ...(f.iccid
              ? [
                  `SIM: ${f.iccid} (diagnosis: GET /api/v1/sims/${f.iccid}/diagnosis, or: otter diagnose ${f.iccid})`,
                ]
              : []),
            `Every firing of this rule: GET /api/v1/automation-rules/${f.rule_id}/firings`,
            "",
          ].join("\n"),
        });
        return { type: a.type, ok: true, to };
      }
      case "change_state":
      case "change_plan": {
        const sim = f.sim_id ? await deps.sims.lockById(tx, f.sim_id) : undefined;
        if (!sim || !sim.account_path.startsWith(f.rule_path)) {
          return {
            type: a.type,
            ok: false,
            code: "SIM_NOT_IN_RULE_ACCOUNT",
            message: "The SIM no longer belongs to the rule's account.",
          };
        }
        const change =
          a.type === "change_state"
            ? { state: a.state }
            : {
                ...(a.communicationPlan && {
                  communicationPlan: await planById(
                    tx,
                    "communication",
                    a.communicationPlan,
                    "communicationPlan",
                  ),
                }),
                ...(a.ratePlan && { ratePlan: await planById(tx, "rate", a.ratePlan, "ratePlan") }),
              };
        const byOperator = f.rule_path.split("/").filter(Boolean).length === 1;
        const { changed } = await deps.sims.applyChange(tx, sim, change, {
          actor: ruleActor(rule),
          byOperator,
          reason: `automation rule "${f.rule_name}": ${what}`,
          effectiveDate: clock.now(),
          automationRuleId: f.rule_id,
        });
        if (changed.length > 0) {
          await deps.audit.record(tx, {
            accountId: sim.account_id,
            actor: ruleActor(rule),
            action: `automation_rule.${a.type}`,
            entityType: "sim",
            entityId: sim.iccid,
            data: { ruleId: f.rule_id, firingId: f.id, eventId: f.event_id, changed, ...change },
          });
        }
        return { type: a.type, ok: true, changed };
      }
      case "open_case":
        return (
          opened ?? {
            type: a.type,
            ok: false,
            code: "CASE_DESK_NOT_AVAILABLE",
            message: "No case desk is installed.",
          }
        );
      default: {
        const exhaustive: never = a;
        return exhaustive;
      }
    }
  }

  async function planById(tx: Executor, kind: "communication" | "rate", id: string, field: string) {
    const p = await deps.catalog.findPlan(tx, kind, id);
    if (!p)
      throw validationError(
        field,
        kind === "rate" ? "UNKNOWN_RATE_PLAN" : "UNKNOWN_COMMUNICATION_PLAN",
        `The ${kind} plan ${id} no longer exists.`,
      );
    return { id: p.id, name: p.name };
  }

  /** Opens the case outside any transaction (the desk runs its own); the desk is idempotent on source. */
  async function openCase(
    f: DueFiring,
    a: Extract<ActionInput, { type: "open_case" }>,
  ): Promise<Result> {
    if (!deps.cases)
      return {
        type: a.type,
        ok: false,
        code: "CASE_DESK_NOT_AVAILABLE",
        message: "No case desk is installed.",
      };
    const data = f.event_data as Record<string, unknown>;
    const what = describeFiring(f.event_type, data);
    try {
      const c = await deps.cases.openCaseFromAutomation({
        accountId: f.account_id,
        subject: a.subject ?? `${f.rule_name}: ${what}`,
        body: `Opened by automation rule "${f.rule_name}" (${f.rule_id}): ${what}.\n\nWhat the trigger saw:\n${JSON.stringify(data, null, 2)}\n`,
        ...(a.category && { category: a.category }),
        ...(a.priority && { priority: a.priority }),
        ...(f.iccid && { simIccids: [f.iccid] }),
        source: { ruleId: f.rule_id, eventId: f.event_id ?? f.id },
      });
      return { type: a.type, ok: true, caseId: c.id, caseNumber: c.number };
    } catch (err) {
      if (err instanceof OtterError)
        return { type: a.type, ok: false, code: err.code, message: err.message };
      throw err;
    }
  }

  async function runFiring(f: DueFiring): Promise<"done" | "failed" | "skipped"> {
    const actions = f.rule_actions as ActionInput[];
    const opened: (Result | null)[] = [];
    for (const a of actions) opened.push(a.type === "open_case" ? await openCase(f, a) : null);
    return inTransaction(db, async (tx) => {
      const mine = await repo.lockFiring(tx, f.id);
      // Another node took it over after our lease lapsed, or finished it: its run counts, not ours.
      if (!mine || mine.status !== "running" || mine.attempts !== f.attempts)
        return "skipped" as const;
      const results: Result[] = [];
      for (const [i, a] of actions.entries()) {
        try {
          results.push(await perform(tx, f, a, opened[i] ?? null));
        } catch (err) {
          // A rule that cannot apply (a transition not allowed, a plan not offered) is recorded, not retried.
          if (!(err instanceof OtterError)) throw err;
          results.push({ type: a.type, ok: false, code: err.code, message: err.message });
        }
      }
      const status = results.every((r) => r.ok) ? ("done" as const) : ("failed" as const);
      await repo.updateFiring(tx, f.id, {
        status,
        results: JSON.stringify(results),
        finished_at: clock.now(),
        lease_until: null,
      });
      return status;
    });
  }

  /** Runs the actions of due firings; returns how many finished and how many of those failed. */
  async function runDue(limit = RUN_BATCH): Promise<{ ran: number; failed: number }> {
    const now = clock.now();
    const claimed = await inTransaction(db, async (tx) => {
      const due = await repo.lockDue(tx, limit);
      const run: DueFiring[] = [];
      for (const f of due) {
        if (f.attempts >= MAX_ATTEMPTS) {
          await repo.updateFiring(tx, f.id, {
            status: "failed",
            lease_until: null,
            finished_at: now,
            results: JSON.stringify([
              {
                type: "firing",
                ok: false,
                code: "AUTOMATION_GAVE_UP",
                message: `Gave up after ${f.attempts} interrupted attempts.`,
              },
            ]),
          });
          continue;
        }
        await repo.claimFiring(tx, f.id, f.attempts + 1, LEASE_MS);
        run.push({ ...f, status: "running", attempts: f.attempts + 1 });
      }
      return run;
    });
    let ran = 0;
    let failed = 0;
    for (const f of claimed) {
      try {
        const outcome = await runFiring(f);
        if (outcome !== "skipped") ran++;
        if (outcome === "failed") failed++;
      } catch (err) {
        // Unexpected (a database error): the lease lapses and the firing is tried again.
        logger.error(
          { err, firingId: f.id, ruleId: f.rule_id },
          "automation firing failed; it will be retried",
        );
      }
    }
    return { ran, failed };
  }

  return {
    evaluateEvents,
    evaluateClock,
    runDue,

    /** One round of the worker: evaluate new events and the clock, then run what fired. */
    async runOnce(): Promise<AutomationRound> {
      const ev = await evaluateEvents();
      let clockFired = 0;
      const now = clock.now().getTime();
      if (
        lastClockRound === null ||
        now - lastClockRound >= CLOCK_EVERY_MS ||
        now < lastClockRound
      ) {
        lastClockRound = now;
        clockFired = await evaluateClock();
      }
      const run = await runDue();
      return { events: ev.events, fired: ev.fired + clockFired, ran: run.ran, failed: run.failed };
    },

    /**
     * The pool thresholds enabled rules ask for, each with the account whose subtree it watches:
     * billing's pool alerts report these besides the standard ones (`pool.usage_threshold`).
     */
    async poolThresholds(ex: Executor = db) {
      return (await repo.enabledRules(ex, false))
        .filter((r) => r.trigger_type === "pool_usage_above")
        .map((r) => {
          const t = r.trigger as Extract<TriggerInput, { type: "pool_usage_above" }>;
          return {
            accountPath: r.account_path,
            percent: t.percent,
            measure: t.projected ? ("projected" as const) : ("used" as const),
          };
        });
    },

    /** Cycle-usage percentages rules ask the signals service to report (`sim.usage_threshold`). */
    usagePercentsFor: (tx: Executor, accountPath: string) => repo.usagePercentsFor(tx, accountPath),

    async create(principal: Principal, input: CreateRuleInput) {
      requirePermission(principal, "automation:write");
      return inTransaction(db, async (tx) => {
        const account = await deps.accounts.requireVisible(
          principal,
          input.accountId ?? principal.accountId,
          tx,
        );
        const { conditions, actions } = await normalize(principal, tx, account.path, input);
        const now = clock.now();
        const row = await repo.insertRule(tx, {
          id: newId(),
          account_id: account.id,
          name: input.name,
          description: input.description ?? null,
          enabled: input.enabled,
          trigger_type: input.trigger.type,
          trigger: JSON.stringify(input.trigger),
          conditions: JSON.stringify(conditions),
          actions: JSON.stringify(actions),
          usage_percent: usagePercentOf(input.trigger),
          created_by: principal.name,
          events_from: await deps.events.position(tx),
          created_at: now,
          updated_at: now,
        });
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "automation_rule.created",
          entityType: "automation_rule",
          entityId: row.id,
          data: { name: row.name, trigger: input.trigger, conditions, actions },
        });
        return presentRule(row);
      });
    },

    async list(principal: Principal, accountId?: string) {
      requirePermission(principal, "automation:read");
      if (accountId) await deps.accounts.requireVisible(principal, accountId);
      return {
        items: (await repo.listVisible(db, principal.accountPath, accountId)).map(presentRule),
      };
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "automation:read");
      return presentRule(await requireVisible(principal, id));
    },

    async update(principal: Principal, id: string, patch: UpdateRuleInput) {
      requirePermission(principal, "automation:write");
      if (Object.keys(patch).length === 0)
        throw validationError("body", "NOTHING_TO_CHANGE", "Give at least one field to change.");
      return inTransaction(db, async (tx) => {
        const before = await requireVisible(principal, id, tx);
        // A pool trigger and a SIM's conditions or actions cannot meet, whichever side the patch changes.
        const [problem] = poolRuleProblems({
          trigger: patch.trigger ?? (before.trigger as TriggerInput),
          conditions: patch.conditions ?? (before.conditions as Condition[]),
          actions: patch.actions ?? (before.actions as ActionInput[]),
        });
        if (problem) throw validationError(problem.path.join("."), problem.code, problem.message);
        const { conditions, actions } = await normalize(principal, tx, before.account_path, {
          conditions: patch.conditions,
          actions: patch.actions,
        });
        const row = await repo.updateRule(tx, id, {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.enabled !== undefined && { enabled: patch.enabled }),
          ...(patch.trigger !== undefined && {
            trigger: JSON.stringify(patch.trigger),
            trigger_type: patch.trigger.type,
            usage_percent: usagePercentOf(patch.trigger),
          }),
          ...(patch.conditions !== undefined && { conditions: JSON.stringify(conditions) }),
          ...(actions !== undefined && { actions: JSON.stringify(actions) }),
          updated_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: "automation_rule.updated",
          entityType: "automation_rule",
          entityId: id,
          data: { fields: Object.keys(patch), enabled: row.enabled },
        });
        return presentRule(row);
      });
    },

    async remove(principal: Principal, id: string) {
      requirePermission(principal, "automation:write");
      await inTransaction(db, async (tx) => {
        const r = await requireVisible(principal, id, tx);
        await repo.deleteRule(tx, id);
        await deps.audit.record(tx, {
          accountId: r.account_id,
          actor: actorOf(principal),
          action: "automation_rule.deleted",
          entityType: "automation_rule",
          entityId: id,
          data: { name: r.name },
        });
      });
    },

    async firings(principal: Principal, id: string, q: { cursor?: string; limit: number }) {
      requirePermission(principal, "automation:read");
      if (q.cursor && !isUuid(q.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      await requireVisible(principal, id);
      const rows = await repo.listFirings(db, id, { before: q.cursor, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(presentFiring),
        nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
      };
    },
  };
}

export type AutomationService = ReturnType<typeof createAutomationService>;
