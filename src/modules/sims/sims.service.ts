import { type Db, type Executor, inTransaction, type Tx } from "../../db/database.js";
import type { Account, Sim } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, forbidden, notFound, OtterError, validationError } from "../../lib/errors.js";
import {
  type Iccid,
  type Imei,
  parseIccid,
  parseImsi,
  parseMsisdn,
  storedForm,
} from "../../lib/identifiers.js";
import { newId } from "../../lib/ids.js";
import { accountSettingsRepo } from "../accounts/account-settings.shared.repo.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import { changesHolder, customerOf, holderView } from "../auth/holder.js";
import { can, requirePermission } from "../auth/permissions.js";
import { type Actor, actorOf, isOperatorRole, type Principal } from "../auth/principal.js";
import { inSubtree } from "../tenancy/tenancy.js";
import { allRead } from "../../lib/all-read.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { EventsService, DomainEvent } from "../events/events.service.js";
import { allowedTargets, checkTransition, CONNECTING, type SimState } from "./sim-lifecycle.js";
import {
  type AccountPaths,
  accountIdsIn,
  presentAudit,
  presentScheduled,
  presentSim,
} from "./sims.presenter.js";
import type { SimFilter } from "./sim-lookup.shared.repo.js";
import { simsRepo as repo } from "./sims.repo.js";
import { simText } from "./sims.messages.js";
import { localeOf, type Message, type ParamValue } from "../../lib/messages/messages.js";
import {
  ACCOUNT_CUSTOM_FIELDS,
  OPERATOR_CUSTOM_FIELDS,
  type SimCreate,
  type SimFilterQuery,
  type SimPatch,
} from "./sims.schemas.js";

const MAX_SCHEDULE_AHEAD_MS = 180 * 24 * 3600 * 1000;
/** A client's "now" may lag Otter's by a little; only dates older than this count as backdated. */
const BACKDATE_TOLERANCE_MS = 60_000;

/** An identifier as a caller gives it, as digits (`+44 7700-900123` → `447700900123`); undefined when it is no number. */
export function identifierDigits(key: string): string | undefined {
  const digits = key.trim().replace(/^\+/, "").replace(/[\s-]/g, "");
  return /^[0-9]{8,20}$/.test(digits) ? digits : undefined;
}

export const simNotFound = (iccid: string) =>
  notFound("SIM_NOT_FOUND", `SIM ${iccid} was not found.`);

/** A change with every reference resolved to a row; what `applyChange` writes. */
export interface ResolvedChange {
  state?: SimState;
  communicationPlan?: { id: string; name: string };
  ratePlan?: { id: string; name: string };
  account?: Pick<Account, "id" | "path" | "kind" | "name">;
  customFields?: Record<string, string | null>;
  overageLimitOverride?: string;
  imei?: Imei | null;
  notes?: string | null;
}

export interface ChangeContext {
  actor: Actor;
  byOperator: boolean;
  reason: string | null;
  effectiveDate: Date;
  jobId?: string | null;
  /** Set when an automation rule makes the change: its events say so, and rules do not fire on them (no loops). */
  automationRuleId?: string;
}

/** The stored form of a scheduled change: ids only, resolved again when it falls due. */
interface StoredChange {
  state?: SimState;
  communicationPlanId?: string;
  ratePlanId?: string;
  accountId?: string;
  customFields?: Record<string, string | null>;
  overageLimitOverride?: string;
  /** Written from a parsed IMEI (`toStored`); read back with the row's JSON. */
  imei?: Imei | null;
  notes?: string | null;
  byOperator: boolean;
}

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "directory">;
  catalog: Pick<
    CatalogService,
    "resolvePlanRef" | "planNames" | "isOffered" | "simPlans" | "rateVersionAt" | "findPlan"
  >;
  events: EventsService;
}

type SimRow = Sim & { account_path: string };
/** A change's warning: the code clients switch on, and the message to render (sims.messages.ts). */
type Warning = { code: string; message: Message };

/**
 * SIMs: identity, lifecycle, plans, ownership and custom fields — every change audited per field,
 * applied now or scheduled for its effective date.
 */
export function createSimsService(deps: Deps) {
  const { db, clock } = deps;
  let testPeriodCursor: string | null = null;

  /**
   * The SIM a request names by ICCID (a path segment, a CSV cell), if the principal may see it. A
   * key that is not an ICCID as Otter stores it names no SIM: 404, like an unknown one, and after
   * the caller's permission check, as before.
   */
  async function requireVisibleSim(
    principal: Principal,
    key: string,
    ex: Executor = db,
    forUpdate = false,
  ): Promise<SimRow> {
    const iccid = storedForm(parseIccid, key);
    if (iccid === undefined) throw simNotFound(key);
    const sim = await repo.findByIccid(ex, iccid, { forUpdate });
    if (!sim || !inSubtree(principal.accountPath, sim.account_path)) throw simNotFound(iccid);
    return sim;
  }

  /** Paths of the given accounts (ids that appear as values in a SIM's history). */
  async function accountPaths(ex: Executor, ids: string[]): Promise<AccountPaths> {
    const accounts = await deps.accounts.directory.accountsByIds(ex, ids);
    return new Map(accounts.map((a) => [a.id, a.path]));
  }

  async function names(ex: Executor, sims: Sim[]) {
    const comm = [
      ...new Set(sims.map((s) => s.communication_plan_id).filter((x): x is string => !!x)),
    ];
    const rate = [...new Set(sims.map((s) => s.rate_plan_id).filter((x): x is string => !!x))];
    return deps.catalog.planNames(ex, { comm, rate });
  }

  /** Turns a request's references (plan names, account ids) into rows, checking what the principal may do. */
  async function resolvePatch(
    principal: Principal,
    ex: Executor,
    patch: Omit<SimPatch, "effectiveDate" | "reason">,
  ): Promise<ResolvedChange> {
    const change: ResolvedChange = {};
    if (patch.state !== undefined) change.state = patch.state;
    if (patch.communicationPlan !== undefined)
      change.communicationPlan = await deps.catalog.resolvePlanRef(
        ex,
        principal,
        "communication",
        patch.communicationPlan,
        "communicationPlan",
      );
    if (patch.ratePlan !== undefined)
      change.ratePlan = await deps.catalog.resolvePlanRef(
        ex,
        principal,
        "rate",
        patch.ratePlan,
        "ratePlan",
      );
    if (patch.accountId !== undefined) {
      try {
        change.account = await deps.accounts.requireVisible(principal, patch.accountId, ex);
      } catch (err) {
        if (err instanceof OtterError && err.kind === "not_found")
          throw validationError(
            "accountId",
            "UNKNOWN_ACCOUNT",
            `Account ${patch.accountId} does not exist.`,
          );
        throw err;
      }
    }
    if (patch.customFields !== undefined) {
      const operatorFields = Object.keys(patch.customFields).filter((k) =>
        OPERATOR_CUSTOM_FIELDS.includes(k),
      );
      if (operatorFields.length > 0 && !isOperatorRole(principal.role)) {
        throw forbidden(`Only the operator can set ${operatorFields.join(", ")}.`);
      }
      change.customFields = Object.fromEntries(
        Object.entries(patch.customFields).filter(
          (e): e is [string, string | null] => e[1] !== undefined,
        ),
      );
    }
    if (patch.overageLimitOverride !== undefined)
      change.overageLimitOverride = patch.overageLimitOverride;
    if (patch.imei !== undefined) change.imei = patch.imei;
    if (patch.notes !== undefined) change.notes = patch.notes;
    return change;
  }

  /**
   * Applies a resolved change to a locked SIM row inside the caller's transaction: checks every rule
   * before writing anything, then writes the row, one audit record per changed field and the domain
   * events. Returns the fields that changed (empty: the SIM already was like that).
   */
  async function applyChange(
    tx: Executor,
    sim: SimRow,
    change: ResolvedChange,
    ctx: ChangeContext,
  ): Promise<{ sim: Sim; changed: string[] }> {
    // `heldBy`: the account the record belongs to when not the one holding the SIM after the change.
    const audit: { field: string; prior: string | null; value: string | null; heldBy?: string }[] =
      [];
    const events: DomainEvent[] = [];
    const set: Partial<Record<keyof Sim, unknown>> = {};
    const targetAccount = change.account ?? null;
    const accountId = targetAccount?.id ?? sim.account_id;

    if (change.state !== undefined && change.state !== sim.state) {
      const check = checkTransition(sim.state as SimState, change.state, {
        byOperator: ctx.byOperator,
      });
      if (!check.ok) {
        if (check.code === "SIM_TRANSITION_OPERATOR_ONLY")
          throw new OtterError("forbidden", check.code, check.reason);
        throw conflict(check.code, check.reason, { from: sim.state, to: change.state });
      }
      set.state = change.state;
      if (change.state === "ACTIVATED" && !sim.date_activated)
        set.date_activated = ctx.effectiveDate;
      audit.push({ field: "state", prior: sim.state, value: change.state });
      events.push({
        accountId,
        type: "sim.state_changed",
        subjectId: sim.iccid,
        data: {
          iccid: sim.iccid,
          from: sim.state,
          to: change.state,
          reason: ctx.reason,
          ...(ctx.automationRuleId && { byRule: ctx.automationRuleId }),
        },
      });
    }

    const planNames = await names(tx, [sim]);
    const commId = change.communicationPlan?.id ?? sim.communication_plan_id;
    const rateId = change.ratePlan?.id ?? sim.rate_plan_id;
    if (change.communicationPlan && change.communicationPlan.id !== sim.communication_plan_id) {
      set.communication_plan_id = change.communicationPlan.id;
      audit.push({
        field: "communicationPlan",
        prior: sim.communication_plan_id
          ? (planNames.comm.get(sim.communication_plan_id) ?? sim.communication_plan_id)
          : null,
        value: change.communicationPlan.name,
      });
    }
    if (change.ratePlan && change.ratePlan.id !== sim.rate_plan_id) {
      set.rate_plan_id = change.ratePlan.id;
      audit.push({
        field: "ratePlan",
        prior: sim.rate_plan_id ? (planNames.rate.get(sim.rate_plan_id) ?? sim.rate_plan_id) : null,
        value: change.ratePlan.name,
      });
    }
    if (set.communication_plan_id || set.rate_plan_id) {
      events.push({
        accountId,
        type: "sim.plan_changed",
        subjectId: sim.iccid,
        data: {
          iccid: sim.iccid,
          communicationPlanId: commId,
          ratePlanId: rateId,
          ...(ctx.automationRuleId && { byRule: ctx.automationRuleId }),
        },
      });
    }

    const handover =
      !!targetAccount &&
      targetAccount.id !== sim.account_id &&
      changesHolder(sim.account_path, targetAccount.path);
    if (targetAccount && targetAccount.id !== sim.account_id) {
      set.account_id = targetAccount.id;
      audit.push({ field: "account", prior: sim.account_id, value: targetAccount.id });
      // The new customer's receivers never learn which customer held the SIM before (the operator's audit trail keeps it).
      const fromAccountId =
        handover && customerOf(targetAccount.path) !== null ? null : sim.account_id;
      events.push({
        accountId: targetAccount.id,
        type: "sim.transferred",
        subjectId: sim.iccid,
        data: { iccid: sim.iccid, fromAccountId, toAccountId: targetAccount.id },
      });
    }

    // Plans must be offered to the account that will hold the SIM (the operator's stock takes any).
    if (set.account_id || set.communication_plan_id || set.rate_plan_id) {
      const holder = targetAccount ?? {
        path: sim.account_path,
        kind:
          sim.account_path.split("/").filter(Boolean).length === 1
            ? ("operator" as const)
            : ("customer" as const),
      };
      for (const [kind, id, field] of [
        ["communication", commId, "communicationPlan"],
        ["rate", rateId, "ratePlan"],
      ] as const) {
        if (id && !(await deps.catalog.isOffered(tx, id, holder))) {
          throw conflict(
            "PLAN_NOT_OFFERED",
            `The ${kind} plan of this SIM is not offered to account ${targetAccount?.id ?? sim.account_id}; offer it first or choose another plan.`,
            [{ field, message: "plan not offered to the account" }],
          );
        }
      }
    }

    if (change.customFields) {
      const current = { ...(sim.custom_fields as Record<string, string>) };
      let touched = false;
      for (const [key, value] of Object.entries(change.customFields)) {
        const prior = current[key] ?? null;
        if (prior === value) continue;
        if (value === null) delete current[key];
        else current[key] = value;
        touched = true;
        audit.push({ field: `customFields.${key}`, prior, value });
      }
      if (touched) set.custom_fields = JSON.stringify(current);
    }
    if (
      change.overageLimitOverride !== undefined &&
      change.overageLimitOverride !== sim.overage_limit_override
    ) {
      set.overage_limit_override = change.overageLimitOverride;
      audit.push({
        field: "overageLimitOverride",
        prior: sim.overage_limit_override,
        value: change.overageLimitOverride,
      });
    }
    if (change.imei !== undefined && change.imei !== sim.imei) {
      set.imei = change.imei;
      audit.push({ field: "imei", prior: sim.imei, value: change.imei });
    }
    if (change.notes !== undefined && change.notes !== sim.notes) {
      set.notes = change.notes;
      audit.push({ field: "notes", prior: sim.notes, value: change.notes });
    }

    if (handover) {
      // The previous customer's own words on the SIM (notes, its custom fields) leave with it; the
      // records of that stay the previous holder's, so the new one sees that they were cleared, not them.
      if (change.notes === undefined && sim.notes !== null) {
        set.notes = null;
        audit.push({ field: "notes", prior: sim.notes, value: null, heldBy: sim.account_id });
      }
      const fields = set.custom_fields
        ? (JSON.parse(set.custom_fields as string) as Record<string, string>)
        : { ...(sim.custom_fields as Record<string, string>) };
      const theirs = Object.keys(sim.custom_fields as Record<string, string>).filter(
        (k) =>
          ACCOUNT_CUSTOM_FIELDS.includes(k) && !(change.customFields && k in change.customFields),
      );
      for (const key of theirs) {
        audit.push({
          field: `customFields.${key}`,
          prior: fields[key] ?? null,
          value: null,
          heldBy: sim.account_id,
        });
        delete fields[key];
      }
      if (theirs.length > 0) set.custom_fields = JSON.stringify(fields);
    }

    if (audit.length === 0) return { sim, changed: [] };
    const now = clock.now();
    if (handover) await endPreviousHolderSchedule(tx, sim, ctx, now);
    const updated = await repo.update(tx, sim.id, { ...set, updated_at: now });
    await repo.insertAudit(
      tx,
      audit.map((a) => ({
        id: newId(),
        sim_id: sim.id,
        account_id: a.heldBy ?? accountId,
        field: a.field,
        prior_value: a.prior,
        value: a.value,
        reason: ctx.reason,
        effective_date: ctx.effectiveDate,
        actor_user_id: ctx.actor.userId,
        actor_name: ctx.actor.name,
        job_id: ctx.jobId ?? null,
        created_at: now,
      })),
    );
    events.push({
      accountId,
      type: "sim.updated",
      subjectId: sim.iccid,
      data: { iccid: sim.iccid, fields: audit.map((a) => a.field) },
    });
    await deps.events.emit(tx, events);
    return { sim: updated, changed: audit.map((a) => a.field) };
  }

  /**
   * Ownership ends at a change of holder: the pending changes the previous customer's users scheduled
   * are cancelled, each with an audit record kept under the previous holder's account (so the new
   * holder sees that and when, not who or why), and never run against the new holder's SIM.
   */
  async function endPreviousHolderSchedule(
    tx: Executor,
    sim: SimRow,
    ctx: ChangeContext,
    now: Date,
  ) {
    const cancelled = await repo.cancelPendingByCustomers(tx, sim.id);
    if (cancelled.length === 0) return;
    await repo.insertAudit(
      tx,
      cancelled.map((c) => ({
        id: newId(),
        sim_id: sim.id,
        account_id: sim.account_id,
        field: "scheduledChange",
        prior_value: c.id,
        value: "cancelled",
        reason: `cancelled: the SIM left the customer that scheduled it before the change was due (${c.effective_date.toISOString()})`,
        effective_date: ctx.effectiveDate,
        actor_user_id: ctx.actor.userId,
        actor_name: ctx.actor.name,
        job_id: ctx.jobId ?? null,
        created_at: now,
      })),
    );
  }

  /**
   * A SIM as its detail shows it. `known` is what `findForLookup` read beside the row: with it,
   * pending changes are read only when there are some, and the plans come from the catalog's
   * memory for the revision read in the same statement.
   */
  async function detail(
    ex: Executor,
    sim: Sim,
    principal: Principal,
    known?: { hasPendingChanges: boolean; catalogRevision: number },
  ) {
    const view = holderView(principal);
    const now = clock.now();
    // The reads are independent: on PostgreSQL they go out together over the pool (a lookup waits
    // for the slowest, not for the sum); a transaction or PGlite runs them one after another.
    const [plans, pending] = await allRead([
      deps.catalog.simPlans(
        ex,
        { communicationPlanId: sim.communication_plan_id, ratePlanId: sim.rate_plan_id },
        now,
        known?.catalogRevision ?? null,
      ),
      known && !known.hasPendingChanges ? [] : repo.pendingChanges(ex, sim.id),
    ]);
    const dataLimitBytes = plans.version?.terms.dataLimitBytes ?? null;
    const paths = await accountPaths(ex, accountIdsIn([], pending));
    return {
      ...presentSim(sim, plans.names),
      usageLimit: {
        dataLimitBytes,
        override: sim.overage_limit_override as "DEFAULT",
        enforced: dataLimitBytes !== null && sim.overage_limit_override === "DEFAULT",
      },
      allowedTransitions: can(principal, "sims:write")
        ? allowedTargets(sim.state as SimState, { byOperator: isOperatorRole(principal.role) })
        : [],
      pendingChanges: pending.map((c) => presentScheduled(c, view, paths)),
      // In English as always (`message`) and in the reader's language (`text`).
      warnings: [
        ...(CONNECTING.has(sim.state as SimState) && !sim.communication_plan_id
          ? [simText.msg("NO_COMMUNICATION_PLAN", { state: sim.state })]
          : []),
        ...plans.warnings.map((w) => ({
          code: w.code,
          params: w.params as Record<string, ParamValue>,
        })),
      ].map((m) => ({
        code: m.code,
        message: simText.legacy(m),
        params: m.params,
        text: simText.text(m, localeOf(principal)),
      })),
    };
  }

  /**
   * The SIM's detail and who holds it (the account's name and path), read in the statement that
   * reads the SIM: one indexed read when the SIM has no pending changes and the catalog is in
   * this node's memory.
   */
  async function getWithHolder(principal: Principal, key: string) {
    requirePermission(principal, "sims:read");
    const iccid = storedForm(parseIccid, key);
    if (iccid === undefined) throw simNotFound(key);
    const sim = await repo.findForLookup(db, iccid);
    if (!sim || !inSubtree(principal.accountPath, sim.account_path)) throw simNotFound(iccid);
    return {
      detail: await detail(db, sim, principal, {
        hasPendingChanges: sim.has_pending_changes,
        catalogRevision: sim.catalog_revision,
      }),
      holder: { id: sim.account_id, name: sim.account_name, path: sim.account_path },
    };
  }

  /**
   * After a change made now, the SIM's pending scheduled changes that it made pointless (everything
   * they would set is already so) are cancelled, with an audit record; those that would undo it are
   * kept and flagged. Returns the warnings for the answer (docs/decisions.md, #12 scheduled changes).
   */
  async function reviewSchedule(
    tx: Tx,
    after: Sim,
    changed: string[],
    ctx: ChangeContext,
  ): Promise<Warning[]> {
    if (changed.length === 0) return [];
    const pending = await repo.pendingChanges(tx, after.id);
    const warnings: Warning[] = [];
    const current: Record<string, unknown> = {
      state: after.state,
      communicationPlanId: after.communication_plan_id,
      ratePlanId: after.rate_plan_id,
      accountId: after.account_id,
      overageLimitOverride: after.overage_limit_override,
      imei: after.imei,
      notes: after.notes,
    };
    const field: Record<string, string> = {
      communicationPlanId: "communicationPlan",
      ratePlanId: "ratePlan",
    };
    const customs = after.custom_fields as Record<string, string>;
    const now = clock.now();
    for (const c of pending) {
      const { byOperator: _b, customFields, ...rest } = c.changes as StoredChange;
      const sets = Object.entries(rest).map(([k, v]) => ({
        name: field[k] ?? (k === "accountId" ? "account" : k),
        same: current[k] === v,
        value: v,
      }));
      for (const [k, v] of Object.entries(customFields ?? {}))
        sets.push({ name: `customFields.${k}`, same: (customs[k] ?? null) === v, value: v });
      const touched = sets.filter((x) => changed.includes(x.name));
      if (touched.length === 0) continue;
      const when = c.effective_date.toISOString();
      if (sets.every((x) => x.same)) {
        await repo.cancelScheduledChange(tx, after.id, c.id);
        await repo.insertAudit(tx, [
          {
            id: newId(),
            sim_id: after.id,
            account_id: after.account_id,
            field: "scheduledChange",
            prior_value: c.id,
            value: "cancelled",
            reason: `cancelled: a change made on ${now.toISOString()} already set what it would have set on ${when}`,
            effective_date: ctx.effectiveDate,
            actor_user_id: ctx.actor.userId,
            actor_name: ctx.actor.name,
            job_id: null,
            created_at: now,
          },
        ]);
        warnings.push({
          code: "SCHEDULED_CHANGE_CANCELLED",
          message: simText.msg("SCHEDULED_CHANGE_CANCELLED", {
            at: when,
            id: c.id,
            fields: touched.map((x) => x.name).join(", "),
          }),
        });
      } else {
        const undo = touched.filter((x) => !x.same);
        if (undo.length === 0) continue;
        warnings.push({
          code: "SCHEDULED_CHANGE_CONFLICTS",
          message: simText.msg("SCHEDULED_CHANGE_CONFLICTS", {
            at: when,
            id: c.id,
            sets: undo.map((x) =>
              simText.msg("SCHEDULED_CHANGE_SETS", { field: x.name, value: String(x.value) }),
            ),
            iccid: after.iccid,
          }),
        });
      }
    }
    return warnings;
  }

  function toStored(change: ResolvedChange, byOperator: boolean): StoredChange {
    return {
      ...(change.state && { state: change.state }),
      ...(change.communicationPlan && { communicationPlanId: change.communicationPlan.id }),
      ...(change.ratePlan && { ratePlanId: change.ratePlan.id }),
      ...(change.account && { accountId: change.account.id }),
      ...(change.customFields && { customFields: change.customFields }),
      ...(change.overageLimitOverride && { overageLimitOverride: change.overageLimitOverride }),
      ...(change.imei !== undefined && { imei: change.imei }),
      ...(change.notes !== undefined && { notes: change.notes }),
      byOperator,
    };
  }

  async function fromStored(ex: Executor, s: StoredChange): Promise<ResolvedChange> {
    const change: ResolvedChange = {};
    if (s.state) change.state = s.state;
    if (s.communicationPlanId) {
      const p = await deps.catalog.findPlan(ex, "communication", s.communicationPlanId);
      if (!p)
        throw validationError(
          "communicationPlan",
          "UNKNOWN_COMMUNICATION_PLAN",
          "The communication plan no longer exists.",
        );
      change.communicationPlan = { id: p.id, name: p.name };
    }
    if (s.ratePlanId) {
      const p = await deps.catalog.findPlan(ex, "rate", s.ratePlanId);
      if (!p)
        throw validationError("ratePlan", "UNKNOWN_RATE_PLAN", "The rate plan no longer exists.");
      change.ratePlan = { id: p.id, name: p.name };
    }
    if (s.accountId) {
      const [a] = await deps.accounts.directory.accountsByIds(ex, [s.accountId]);
      if (!a)
        throw validationError(
          "accountId",
          "UNKNOWN_ACCOUNT",
          "The target account no longer exists.",
        );
      change.account = { id: a.id, path: a.path, kind: a.kind, name: a.name };
    }
    if (s.customFields) change.customFields = s.customFields;
    if (s.overageLimitOverride) change.overageLimitOverride = s.overageLimitOverride;
    if (s.imei !== undefined) change.imei = s.imei;
    if (s.notes !== undefined) change.notes = s.notes;
    return change;
  }

  return {
    requireVisibleSim,
    /** The SIM row, locked for the caller's transaction (for changes Otter makes itself). */
    lockById: (tx: Executor, id: string) => repo.findById(tx, id, { forUpdate: true }),
    /** The SIM row by id, unlocked (for other modules that hold a SIM id from their own rows). */
    findById: (ex: Executor, id: string) => repo.findById(ex, id),
    /**
     * True while the SIM is still with the customer of `accountId` — work queued on that customer's behalf
     * (an SMS, an action's follow-up) stops once the SIM has passed to another holder.
     */
    async stillHeldBy(ex: Executor, simId: string, accountId: string): Promise<boolean> {
      const sim = await repo.findById(ex, simId);
      if (!sim) return false;
      if (sim.account_id === accountId) return true;
      const [asker] = await deps.accounts.directory.accountsByIds(ex, [accountId]);
      return !!asker && !changesHolder(asker.path, sim.account_path);
    },
    /** A SIM by ICCID without a principal, for services that have already decided visibility. */
    findByIccid: (ex: Executor, iccid: Iccid) => repo.findByIccid(ex, iccid),
    resolvePatch,
    applyChange,
    presentMany: async (ex: Executor, sims: Sim[]) => {
      const n = await names(ex, sims);
      return sims.map((s) => presentSim(s, n));
    },

    async get(principal: Principal, key: string) {
      return (await getWithHolder(principal, key)).detail;
    },

    getWithHolder,

    async create(principal: Principal, input: SimCreate) {
      requirePermission(principal, "sims:create");
      return inTransaction(db, async (tx) => {
        const account = input.accountId
          ? await deps.accounts.requireVisible(principal, input.accountId, tx)
          : await deps.accounts.rootAccount(tx);
        const comm = input.communicationPlan
          ? await deps.catalog.resolvePlanRef(
              tx,
              principal,
              "communication",
              input.communicationPlan,
              "communicationPlan",
            )
          : null;
        const rate = input.ratePlan
          ? await deps.catalog.resolvePlanRef(tx, principal, "rate", input.ratePlan, "ratePlan")
          : null;
        for (const [plan, field] of [
          [comm, "communicationPlan"],
          [rate, "ratePlan"],
        ] as const) {
          if (plan && !(await deps.catalog.isOffered(tx, plan.id, account))) {
            throw conflict(
              "PLAN_NOT_OFFERED",
              `Plan "${plan.name}" is not offered to account ${account.id}.`,
              [{ field, message: "plan not offered to the account" }],
            );
          }
        }
        const clash = await repo.findClash(tx, input);
        if (clash) {
          const field =
            clash.iccid === input.iccid ? "iccid" : clash.imsi === input.imsi ? "imsi" : "msisdn";
          throw conflict(
            "SIM_ALREADY_EXISTS",
            `A SIM with this ${field.toUpperCase()} already exists (ICCID ${clash.iccid}).`,
            [{ field, message: "already in use" }],
          );
        }
        const operatorFields = Object.keys(input.customFields ?? {}).filter((k) =>
          OPERATOR_CUSTOM_FIELDS.includes(k),
        );
        if (operatorFields.length && !isOperatorRole(principal.role))
          throw forbidden(`Only the operator can set ${operatorFields.join(", ")}.`);
        const now = clock.now();
        const id = newId();
        await repo.insert(tx, {
          id,
          iccid: input.iccid,
          imsi: input.imsi,
          msisdn: input.msisdn,
          eid: input.eid ?? null,
          imei: input.imei ?? null,
          account_id: account.id,
          state: input.state,
          communication_plan_id: comm?.id ?? null,
          rate_plan_id: rate?.id ?? null,
          custom_fields: JSON.stringify(
            Object.fromEntries(
              Object.entries(input.customFields ?? {}).filter(([, v]) => v !== null),
            ),
          ),
          notes: input.notes ?? null,
          date_activated: input.state === "ACTIVATED" ? now : null,
          created_at: now,
          updated_at: now,
        });
        await repo.insertAudit(tx, [
          {
            id: newId(),
            sim_id: id,
            account_id: account.id,
            field: "created",
            prior_value: null,
            value: input.state,
            reason: null,
            effective_date: now,
            actor_user_id: principal.userId,
            actor_name: principal.name,
            job_id: null,
            created_at: now,
          },
        ]);
        await deps.events.emit(tx, [
          {
            accountId: account.id,
            type: "sim.created",
            subjectId: input.iccid,
            data: { iccid: input.iccid, state: input.state },
          },
        ]);
        return detail(tx, (await repo.findById(tx, id))!, principal);
      });
    },

    /** PATCH: applies now, or schedules for a future effectiveDate (≤ 180 days). */
    async update(principal: Principal, iccid: string, patch: SimPatch) {
      requirePermission(principal, "sims:write");
      const now = clock.now();
      const effective = patch.effectiveDate ? new Date(patch.effectiveDate) : now;
      if (effective.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
        throw validationError(
          "effectiveDate",
          "EFFECTIVE_DATE_TOO_FAR",
          "A change can be scheduled at most 180 days ahead.",
        );
      }
      const { effectiveDate: _e, reason, ...fields } = patch;
      if (Object.keys(fields).length === 0)
        throw validationError("body", "NOTHING_TO_CHANGE", "Give at least one field to change.");
      const ctx: ChangeContext = {
        actor: actorOf(principal),
        byOperator: isOperatorRole(principal.role),
        reason: reason ?? null,
        effectiveDate: effective,
      };
      return inTransaction(db, async (tx) => {
        const sim = await requireVisibleSim(principal, iccid, tx, true);
        const change = await resolvePatch(principal, tx, fields);
        const warnings: Warning[] = [];
        const withWarnings = async (shown: Sim) => {
          const d = await detail(tx, shown, principal);
          // In English as always (`message`) and in the reader's language (`text`).
          const own = warnings.map((w) => ({
            code: w.code,
            message: simText.legacy(w.message),
            params: w.message.params,
            text: simText.text(w.message, localeOf(principal)),
          }));
          return { ...d, warnings: [...own, ...d.warnings] };
        };
        if (effective.getTime() > now.getTime() + 1000) {
          if (change.state && change.state !== sim.state) {
            const check = checkTransition(sim.state as SimState, change.state, {
              byOperator: ctx.byOperator,
            });
            if (!check.ok)
              throw check.code === "SIM_TRANSITION_OPERATOR_ONLY"
                ? new OtterError("forbidden", check.code, check.reason)
                : conflict(check.code, check.reason, { from: sim.state, to: change.state });
          }
          await repo.insertScheduledChange(tx, {
            id: newId(),
            sim_id: sim.id,
            account_id: sim.account_id,
            changes: JSON.stringify(toStored(change, ctx.byOperator)),
            effective_date: effective,
            status: "pending",
            reason: ctx.reason,
            actor_user_id: ctx.actor.userId,
            actor_name: ctx.actor.name,
            created_at: now,
          });
          const plan = change.communicationPlan?.id ?? sim.communication_plan_id;
          if (change.state && CONNECTING.has(change.state) && !plan)
            warnings.push({
              code: "NO_COMMUNICATION_PLAN",
              message: simText.msg("NO_COMMUNICATION_PLAN.scheduled", {
                at: effective.toISOString(),
                state: change.state,
              }),
            });
          return withWarnings(sim);
        }
        // A past date cannot be honoured: the change happens now; the date goes into the audit trail.
        if (effective.getTime() < now.getTime() - BACKDATE_TOLERANCE_MS)
          warnings.push({
            code: "EFFECTIVE_DATE_BACKDATED",
            message: simText.msg("EFFECTIVE_DATE_BACKDATED", {
              effective: effective.toISOString(),
              now: now.toISOString(),
            }),
          });
        const { sim: updated, changed } = await applyChange(tx, sim, change, ctx);
        warnings.push(...(await reviewSchedule(tx, updated, changed, ctx)));
        return withWarnings(updated);
      });
    },

    /**
     * A list or count query's filter, resolved for the principal: the subtree to look in (null: the
     * operator's whole fleet, no subtree filter), plans to ids, identifiers to their stored form.
     * Null when the query can match no SIM (an unknown plan, a key not in the form Otter stores).
     */
    async resolveFilter(
      principal: Principal,
      q: SimFilterQuery,
      ex: Executor = db,
    ): Promise<{ scope: string | null; filter: SimFilter } | null> {
      requirePermission(principal, "sims:read");
      let path = principal.accountPath;
      if (q.accountId) path = (await deps.accounts.requireVisible(principal, q.accountId, ex)).path;
      const scope = path.split("/").filter(Boolean).length > 1 ? path : null;
      if (q.customField && q.customValue === undefined)
        throw validationError(
          "customValue",
          "CUSTOM_VALUE_MISSING",
          "customField needs customValue.",
        );
      if (q.customValue !== undefined && !q.customField)
        throw validationError(
          "customField",
          "CUSTOM_FIELD_MISSING",
          "customValue needs customField.",
        );
      // An empty key filters nothing; one not in the form Otter stores matches no SIM.
      const iccid = q.iccid ? storedForm(parseIccid, q.iccid) : undefined;
      const imsi = q.imsi ? storedForm(parseImsi, q.imsi) : undefined;
      const msisdnKey = q.msisdn ? q.msisdn.replace(/^\+/, "") : undefined;
      const msisdn = msisdnKey ? storedForm(parseMsisdn, msisdnKey) : undefined;
      if ((q.iccid && !iccid) || (q.imsi && !imsi) || (msisdnKey !== undefined && !msisdn))
        return null;
      const filter: SimFilter = { state: q.state, iccid, imsi, msisdn };
      if (q.communicationPlan) {
        const p = await deps.catalog.findPlan(ex, "communication", q.communicationPlan);
        if (!p) return null;
        filter.communicationPlanId = p.id;
      }
      if (q.ratePlan) {
        const p = await deps.catalog.findPlan(ex, "rate", q.ratePlan);
        if (!p) return null;
        filter.ratePlanId = p.id;
      }
      if (q.customField && q.customValue !== undefined)
        filter.customField = { name: q.customField, value: q.customValue };
      if (q.modifiedSince) filter.modifiedSince = new Date(q.modifiedSince);
      return { scope, filter };
    },

    /**
     * The SIMs the principal may see that an identifier as a caller gives it names: an ICCID, IMSI,
     * MSISDN (with or without `+`, spaces, dashes) or IMEI — the one recorded on the SIM, or the
     * device the network saw it in (`seenInDevice`: the ids of those SIMs, found by the network module).
     * Several SIMs can share an IMEI (a device that took another SIM): all are returned, by ICCID.
     */
    async identify(principal: Principal, key: string, seenInDevice: readonly string[] = []) {
      requirePermission(principal, "sims:read");
      const digits = identifierDigits(key);
      if (digits === undefined && seenInDevice.length === 0) return [];
      // The operator's whole fleet needs no subtree filter.
      const scope =
        principal.accountPath.split("/").filter(Boolean).length > 1 ? principal.accountPath : null;
      const rows = await repo.findByIdentifier(db, scope, digits ?? "", seenInDevice);
      return rows.filter((sim) => inSubtree(principal.accountPath, sim.account_path));
    },

    /**
     * The SIMs the principal may see whose ICCID, IMSI, MSISDN or IMEI starts with `digits` (a
     * search as the agent types), at most `limit` per identifier, each once with the identifier it
     * matched first.
     */
    async findByPrefix(principal: Principal, digits: string, limit: number) {
      requirePermission(principal, "sims:read");
      const scope =
        principal.accountPath.split("/").filter(Boolean).length > 1 ? principal.accountPath : null;
      return repo.findByPrefix(db, scope, digits, limit);
    },

    async audit(principal: Principal, iccid: string, opts: { cursor?: string; limit: number }) {
      requirePermission(principal, "sims:read");
      const sim = await requireVisibleSim(principal, iccid);
      const rows = await repo.auditTrail(db, sim.id, {
        after: opts.cursor ? decodeCursor(opts.cursor) : undefined,
        limit: opts.limit + 1,
      });
      const page = rows.slice(0, opts.limit);
      const view = holderView(principal);
      const paths = await accountPaths(db, accountIdsIn(page, []));
      return {
        items: page.map((a) => presentAudit(a, view, paths)),
        nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]!.id) : null,
      };
    },

    async scheduledChanges(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await requireVisibleSim(principal, iccid);
      const rows = await repo.scheduledChanges(db, sim.id);
      const view = holderView(principal);
      const paths = await accountPaths(db, accountIdsIn([], rows));
      return rows.map((c) => presentScheduled(c, view, paths));
    },

    async cancelScheduledChange(principal: Principal, iccid: string, changeId: string) {
      requirePermission(principal, "sims:write");
      await inTransaction(db, async (tx) => {
        const sim = await requireVisibleSim(principal, iccid, tx);
        const res = await repo.cancelScheduledChange(tx, sim.id, changeId);
        if (Number(res.numUpdatedRows) === 0)
          throw notFound(
            "SCHEDULED_CHANGE_NOT_FOUND",
            `No pending change ${changeId} on SIM ${iccid}.`,
          );
        const now = clock.now();
        await repo.insertAudit(tx, [
          {
            id: newId(),
            sim_id: sim.id,
            account_id: sim.account_id,
            field: "scheduledChange",
            prior_value: changeId,
            value: "cancelled",
            reason: "cancelled by hand",
            effective_date: now,
            actor_user_id: principal.userId,
            actor_name: principal.name,
            job_id: null,
            created_at: now,
          },
        ]);
      });
    },

    /**
     * Moves on TEST_READY SIMs whose test period (the rate plan's testReady.maxDays, counted from the
     * SIM's creation) is over, to the account's testReadyThen state; audited as done by `system`.
     */
    async endTestPeriods(limit = 500): Promise<number> {
      const now = clock.now();
      // One page per call, resuming where the last call stopped, so every TEST_READY SIM is reached.
      const candidates = await repo.testReady(db, { after: testPeriodCursor ?? undefined, limit });
      testPeriodCursor = candidates.length === limit ? candidates[candidates.length - 1]!.id : null;
      const thenOf = await accountSettingsRepo.testReadyThen(db, [
        ...new Set(candidates.map((c) => c.account_id)),
      ]);
      let moved = 0;
      for (const c of candidates) {
        const v = await deps.catalog.rateVersionAt(db, c.rate_plan_id!, now);
        if (!v || c.created_at.getTime() + v.terms.testReady.maxDays * 86400_000 > now.getTime())
          continue;
        const to =
          thenOf.get(c.account_id) === "ACTIVATION_READY" ? "ACTIVATION_READY" : "ACTIVATED";
        await inTransaction(db, async (tx) => {
          const sim = await repo.findById(tx, c.id, { forUpdate: true });
          if (!sim || sim.state !== "TEST_READY") return;
          await applyChange(
            tx,
            sim,
            { state: to },
            {
              actor: { userId: null, name: "system" },
              byOperator: true,
              reason: `test period of ${v.terms.testReady.maxDays} days over`,
              effectiveDate: now,
            },
          );
          moved++;
        });
      }
      return moved;
    },

    /**
     * Applies scheduled changes that have fallen due, each in its own transaction. A change that is
     * no longer possible (the SIM moved on meanwhile) is marked failed with the reason, never lost.
     */
    async applyDueChanges(limit = 100): Promise<number> {
      let applied = 0;
      for (;;) {
        const batch = await inTransaction(db, async (tx) => {
          const due = await repo.claimDue(tx, clock.now(), 1);
          const item = due[0];
          if (!item) return 0;
          const sim = await repo.findById(tx, item.sim_id, { forUpdate: true });
          try {
            if (!sim) throw notFound("SIM_NOT_FOUND", "The SIM no longer exists.");
            const stored = item.changes as StoredChange;
            const change = await fromStored(tx, stored);
            await applyChange(tx, sim, change, {
              actor: { userId: item.actor_user_id, name: item.actor_name },
              byOperator: stored.byOperator,
              reason: item.reason,
              effectiveDate: item.effective_date,
            });
            await repo.markChangeApplied(tx, item.id, clock.now());
          } catch (err) {
            if (!(err instanceof OtterError)) throw err;
            await repo.markChangeFailed(tx, item.id, clock.now(), {
              code: err.code,
              message: err.message,
            });
          }
          return 1;
        });
        if (batch === 0) break;
        applied += batch;
        if (applied >= limit) break;
      }
      return applied;
    },
  };
}

export const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
  return id;
}

export type SimsService = ReturnType<typeof createSimsService>;
