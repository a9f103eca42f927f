import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type {
  Case,
  CaseCategory,
  CaseEntryKind,
  CasePriority,
  CaseState,
} from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import { parseIccid, storedForm } from "../../lib/identifiers.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { can, requirePermission } from "../auth/permissions.js";
import {
  type Actor,
  actorOf,
  isOperatorRole,
  type Principal,
  SYSTEM_ACTOR,
} from "../auth/principal.js";
import type { EventsService } from "../events/events.service.js";
import type { SimsService } from "../sims/sims.service.js";
import { inSubtree } from "../tenancy/tenancy.js";
import { canTransition, isOpenState, SYSTEM_REASONS, type SystemReason } from "./case-states.js";
import { type CaseListQuery, type CaseScope, casesRepo } from "./cases.repo.js";
import { deskErrors } from "./desk.errors.js";

/** Flags of an inbound mail that a machine, not the customer, wrote. */
const NOT_THE_CUSTOMERS_WORDS = new Set([
  "auto_reply",
  "bulk",
  "bounce",
  "loop",
  "unparsed",
  "delivery_failure",
  "automatic",
]);

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountsService, "rootAccount" | "requireVisible" | "directory">;
  /** SIMs an automation rule links to the case it opens. */
  sims: Pick<SimsService, "findByIccid">;
  audit: AuditService;
  events: EventsService;
  /** Called in the same transaction after every timeline entry (the SLA projection's recompute). */
  onEntryAppended?: (tx: Executor, caseId: string, kind: CaseEntryKind) => Promise<void>;
}

export interface NewCase {
  accountId: string | null;
  subject: string;
  category?: CaseCategory;
  priority?: CasePriority;
  ownerUserId?: string | null;
  contactIds?: string[];
  requesterEmail?: string | null;
  requesterName?: string | null;
  channel: Case["channel"];
  sourceKey?: string | null;
  reopenedFromCaseId?: string | null;
  /** The first words of the case (the API caller's description); mail cases get their mail entry instead. */
  description?: string | null;
}

export interface NewEntry {
  kind: CaseEntryKind;
  body?: string | null;
  data?: Record<string, unknown>;
  actor: Actor;
  deskMessageId?: string | null;
  consultationId?: string | null;
}

export type { CaseListQuery };

/** The account a case's events and audits are filed under: its customer, or the operator while in triage. */
export const tenantOf = (c: Pick<Case, "account_id" | "operator_id">) =>
  c.account_id ?? c.operator_id;

/**
 * Cases and their timeline. Every change of state, owner, priority, category or account is written
 * as an `event` entry of the append-only timeline in the same transaction as the change, so the SLA
 * clocks (src/modules/desk/sla) can recompute everything from the log.
 */
export function createCasesService(deps: Deps) {
  const { db, clock, events, audit } = deps;

  /**
   * Visible cases: those of accounts in the principal's subtree; triage cases (no account yet) only to
   * the operator's own people.
   */
  const scopeOf = (principal: Principal): CaseScope => ({
    accountPath: principal.accountPath,
    seesTriage: isOperatorRole(principal.role),
  });

  async function requireVisibleCase(
    principal: Principal,
    id: string,
    ex: Executor = db,
    forUpdate = false,
  ): Promise<Case> {
    if (!isUuid(id)) throw deskErrors.caseNotFound(id);
    const c = await casesRepo.findVisible(ex, scopeOf(principal), id, forUpdate);
    if (!c) throw deskErrors.caseNotFound(id);
    return c;
  }

  async function lockCase(tx: Executor, id: string): Promise<Case> {
    const c = await casesRepo.lock(tx, id);
    if (!c) throw deskErrors.caseNotFound(id);
    return c;
  }

  /**
   * The next display number ("Case #1234"). Display numbers only need to be unique and readable, not
   * gap-free: a sequence never blocks, where a counter row would hold its lock until the creating
   * transaction commits and so serialise every inbound mail that opens a case (measured: half the
   * intake rate). A transaction that rolls back leaves a gap. One operator per installation, so one
   * sequence is per operator; the real key stays cases.id (UUIDv7).
   */
  async function nextNumber(tx: Executor): Promise<number> {
    return casesRepo.nextNumber(tx);
  }

  async function appendEntry(tx: Executor, c: Pick<Case, "id">, e: NewEntry): Promise<string> {
    const id = newId();
    const now = clock.now();
    await casesRepo.appendEntry(tx, {
      id,
      case_id: c.id,
      kind: e.kind,
      body: e.body ?? null,
      data: JSON.stringify(e.data ?? {}),
      actor_user_id: e.actor.userId,
      actor_name: e.actor.name,
      desk_message_id: e.deskMessageId ?? null,
      consultation_id: e.consultationId ?? null,
      created_at: now,
    });
    await deps.onEntryAppended?.(tx, c.id, e.kind);
    return id;
  }

  async function createCase(tx: Executor, input: NewCase, actor: Actor): Promise<Case> {
    const operator = await deps.accounts.rootAccount(tx);
    const now = clock.now();
    const row: Case = {
      id: newId(),
      operator_id: operator.id,
      account_id: input.accountId,
      number: await nextNumber(tx),
      subject: input.subject.slice(0, 998),
      category: input.category ?? "other",
      state: "new",
      priority: input.priority ?? "normal",
      owner_user_id: input.ownerUserId ?? null,
      contact_ids: input.contactIds ?? [],
      requester_email: input.requesterEmail ?? null,
      requester_name: input.requesterName ?? null,
      channel: input.channel,
      source_key: input.sourceKey ?? null,
      reopened_from_case_id: input.reopenedFromCaseId ?? null,
      created_at: now,
      updated_at: now,
      resolved_at: null,
      closed_at: null,
    };
    await casesRepo.insert(tx, row);
    await appendEntry(tx, row, {
      kind: "event",
      body: input.description ?? null,
      actor,
      data: {
        type: "created",
        channel: row.channel,
        state: row.state,
        priority: row.priority,
        category: row.category,
        accountId: row.account_id,
        ownerUserId: row.owner_user_id,
        reopenedFromCaseId: row.reopened_from_case_id,
      },
    });
    if (row.owner_user_id) {
      await appendEntry(tx, row, {
        kind: "event",
        actor,
        data: { type: "owner_changed", from: null, to: row.owner_user_id },
      });
    }
    await events.emit(tx, [
      {
        accountId: tenantOf(row),
        type: "case.created",
        subjectId: row.id,
        data: {
          caseId: row.id,
          number: row.number,
          accountId: row.account_id,
          subject: row.subject,
          category: row.category,
          priority: row.priority,
          channel: row.channel,
          reopenedFromCaseId: row.reopened_from_case_id,
        },
      },
    ]);
    return row;
  }

  /** Moves a case to `to`, writing the `event` entry and the domain event. No-op when already there. */
  async function changeState(
    tx: Executor,
    c: Case,
    to: CaseState,
    actor: Actor,
    /** A person's words, or the key of one of Otter's own reasons. */
    why?: string | { system: SystemReason },
  ): Promise<Case> {
    if (c.state === to) return c;
    const reasonCode = typeof why === "object" ? why.system : undefined;
    const reason = reasonCode ? SYSTEM_REASONS[reasonCode] : (why as string | undefined);
    if (!canTransition(c.state, to)) throw deskErrors.invalidTransition(c.number, c.state, to);
    const now = clock.now();
    const patch: Partial<Case> = { state: to, updated_at: now };
    if (to === "resolved") patch.resolved_at = now;
    if (to === "closed") patch.closed_at = now;
    if (c.state === "resolved" && to !== "closed") patch.resolved_at = null;
    await casesRepo.update(tx, c.id, patch);
    await appendEntry(tx, c, {
      kind: "event",
      actor,
      data: {
        type: "state_changed",
        from: c.state,
        to,
        ...(reason ? { reason } : {}),
        ...(reasonCode ? { reasonCode } : {}),
      },
    });
    await events.emit(tx, [
      {
        accountId: tenantOf(c),
        type: "case.state_changed",
        subjectId: c.id,
        data: { caseId: c.id, number: c.number, from: c.state, to, reason: reason ?? null },
      },
    ]);
    return { ...c, ...patch };
  }

  async function requireAgent(ex: Executor, userId: string) {
    const operator = await deps.accounts.rootAccount(ex);
    const u = isUuid(userId)
      ? (await deps.accounts.directory.usersByIds(ex, [userId])).find(
          (x) => x.account_id === operator.id && x.disabled_at === null,
        )
      : undefined;
    if (!u || !isOperatorRole(u.role as Principal["role"])) throw deskErrors.ownerNotAgent(userId);
    return u;
  }

  async function assignOwner(
    tx: Executor,
    c: Case,
    ownerUserId: string | null,
    actor: Actor,
  ): Promise<Case> {
    if (c.owner_user_id === ownerUserId) return c;
    if (ownerUserId) await requireAgent(tx, ownerUserId);
    await casesRepo.update(tx, c.id, { owner_user_id: ownerUserId, updated_at: clock.now() });
    await appendEntry(tx, c, {
      kind: "event",
      actor,
      data: { type: "owner_changed", from: c.owner_user_id, to: ownerUserId },
    });
    return { ...c, owner_user_id: ownerUserId };
  }

  async function assignAccount(
    tx: Executor,
    principal: Principal,
    c: Case,
    accountId: string | null,
  ): Promise<Case> {
    if (c.account_id === accountId) return c;
    if (accountId === null) throw deskErrors.accountRequired();
    await deps.accounts.requireVisible(principal, accountId, tx);
    await casesRepo.update(tx, c.id, { account_id: accountId, updated_at: clock.now() });
    await appendEntry(tx, c, {
      kind: "event",
      actor: actorOf(principal),
      data: { type: "account_changed", from: c.account_id, to: accountId },
    });
    return { ...c, account_id: accountId };
  }

  return {
    requireVisibleCase,
    lockCase,
    createCase,
    appendEntry,
    changeState,
    assignOwner,
    requireAgent,

    /** A case opened through the API: by a customer for its own account, or by an agent for any visible account. */
    async create(
      principal: Principal,
      input: {
        accountId?: string | null;
        subject: string;
        description?: string;
        category?: CaseCategory;
        priority?: CasePriority;
        ownerUserId?: string | null;
        contactIds?: string[];
      },
    ): Promise<Case> {
      requirePermission(principal, "cases:open");
      const agent = can(principal, "cases:work");
      const accountId =
        input.accountId === undefined ? (agent ? null : principal.accountId) : input.accountId;
      if (accountId === null && !agent) throw deskErrors.accountRequired();
      if (input.ownerUserId && !agent) requirePermission(principal, "cases:work");
      const asked = input.ownerUserId === "me" ? principal.userId : input.ownerUserId;
      return inTransaction(db, async (tx) => {
        if (accountId) await deps.accounts.requireVisible(principal, accountId, tx);
        const contactIds = input.contactIds ?? [];
        if (contactIds.length > 0) {
          const found = (
            await deps.accounts.directory.contactsByIds(tx, contactIds.filter(isUuid))
          ).filter((k) => k.account_id === accountId);
          if (found.length !== new Set(contactIds).size) {
            throw validationError(
              "contactIds",
              "CASE_CONTACT_NOT_FOUND",
              "Every contact must be a contact of the case's account.",
            );
          }
        }
        // Left out: an agent owns what it opens; null: unassigned (the queue of `--owner none`).
        const owner =
          asked !== undefined
            ? asked
            : agent && isOperatorRole(principal.role)
              ? principal.userId
              : null;
        if (owner) await requireAgent(tx, owner);
        const c = await createCase(
          tx,
          {
            accountId,
            subject: input.subject,
            category: input.category,
            priority: input.priority,
            ownerUserId: owner,
            contactIds,
            channel: "api",
            description: input.description ?? null,
          },
          actorOf(principal),
        );
        await audit.record(tx, {
          accountId: tenantOf(c),
          actor: actorOf(principal),
          action: "case.create",
          entityType: "case",
          entityId: c.id,
          data: { number: c.number, subject: c.subject },
        });
        return c;
      });
    },

    async list(principal: Principal, q: CaseListQuery) {
      requirePermission(principal, "cases:read");
      if (q.cursor && !isUuid(q.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      const owner = q.owner === "me" ? principal.userId : q.owner;
      const rows = await casesRepo.listVisible(db, scopeOf(principal), { ...q, owner });
      const page = rows.slice(0, q.limit);
      return { rows: page, nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
    },

    /** State, priority, category, owner and (from triage) account, each audited and logged on the timeline. */
    async update(
      principal: Principal,
      id: string,
      patch: {
        state?: CaseState;
        priority?: CasePriority;
        category?: CaseCategory;
        ownerUserId?: string | null;
        accountId?: string | null;
        subject?: string;
        reason?: string;
      },
    ): Promise<Case> {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        let c = await requireVisibleCase(principal, id, tx, true);
        const before = {
          state: c.state,
          priority: c.priority,
          category: c.category,
          owner: c.owner_user_id,
          account: c.account_id,
          subject: c.subject,
        };
        const actor = actorOf(principal);
        if (patch.accountId !== undefined)
          c = await assignAccount(tx, principal, c, patch.accountId);
        if (patch.priority && patch.priority !== c.priority) {
          await casesRepo.update(tx, c.id, { priority: patch.priority });
          await appendEntry(tx, c, {
            kind: "event",
            actor,
            data: { type: "priority_changed", from: c.priority, to: patch.priority },
          });
          c = { ...c, priority: patch.priority };
        }
        if (patch.category && patch.category !== c.category) {
          await casesRepo.update(tx, c.id, { category: patch.category });
          await appendEntry(tx, c, {
            kind: "event",
            actor,
            data: { type: "category_changed", from: c.category, to: patch.category },
          });
          c = { ...c, category: patch.category };
        }
        if (patch.subject && patch.subject !== c.subject) {
          await casesRepo.update(tx, c.id, { subject: patch.subject });
          await appendEntry(tx, c, {
            kind: "event",
            actor,
            data: { type: "subject_changed", from: c.subject, to: patch.subject },
          });
          c = { ...c, subject: patch.subject };
        }
        if (patch.ownerUserId !== undefined) {
          const to = patch.ownerUserId === "me" ? principal.userId : patch.ownerUserId;
          c = await assignOwner(tx, c, to, actor);
        }
        if (patch.state) c = await changeState(tx, c, patch.state, actor, patch.reason);
        const after = {
          state: c.state,
          priority: c.priority,
          category: c.category,
          owner: c.owner_user_id,
          account: c.account_id,
          subject: c.subject,
        };
        const changed = Object.fromEntries(
          Object.entries(after)
            .filter(([k, v]) => (before as Record<string, unknown>)[k] !== v)
            .map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k], to: v }]),
        );
        if (Object.keys(changed).length > 0) {
          await audit.record(tx, {
            accountId: tenantOf(c),
            actor,
            action: "case.update",
            entityType: "case",
            entityId: c.id,
            data: { changed, reason: patch.reason ?? null },
          });
        }
        return c;
      });
    },

    async addNote(principal: Principal, id: string, body: string) {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        const c = await requireVisibleCase(principal, id, tx, true);
        if (c.state === "closed") throw deskErrors.caseClosed(c.number);
        const entryId = await appendEntry(tx, c, { kind: "note", body, actor: actorOf(principal) });
        return { caseId: c.id, entryId };
      });
    },

    /** Automation rules open cases through this; the same rule and event always give the same case. */
    async openCaseFromAutomation(input: {
      accountId: string;
      subject: string;
      body: string;
      category?: string;
      priority?: CasePriority;
      simIccids?: string[];
      source: { ruleId: string; eventId: string };
    }): Promise<{ id: string; number: number }> {
      const sourceKey = `automation:${input.source.ruleId}:${input.source.eventId}`;
      const category =
        (
          [
            "sim_order",
            "platform_howto",
            "billing",
            "technical",
            "plans",
            "products",
            "other",
          ] as const
        ).find((k) => k === input.category) ?? "technical";
      const attempt = () =>
        inTransaction(db, async (tx) => {
          const existing = await casesRepo.findBySourceKey(tx, sourceKey);
          if (existing) return existing;
          const actor: Actor = { userId: null, name: `automation rule ${input.source.ruleId}` };
          const c = await createCase(
            tx,
            {
              accountId: input.accountId,
              subject: input.subject,
              category,
              priority: input.priority,
              channel: "automation",
              sourceKey,
              description: input.body,
            },
            actor,
          );
          const iccids = [...new Set(input.simIccids ?? [])];
          if (iccids.length > 0) {
            // The rule's account or any account below it (a rule on a parent sees its sub-accounts' SIMs).
            const [ruleAccount] = await deps.accounts.directory.accountsByIds(tx, [
              input.accountId,
            ]);
            const sims = [];
            for (const key of iccids) {
              // A key that is not an ICCID as stored names no SIM; it is skipped like an unknown one.
              const iccid = storedForm(parseIccid, key);
              const sim = iccid && (await deps.sims.findByIccid(tx, iccid));
              if (!sim || !ruleAccount) continue;
              const [holder] = await deps.accounts.directory.accountsByIds(tx, [sim.account_id]);
              if (holder && inSubtree(ruleAccount.path, holder.path)) sims.push(sim);
            }
            for (const s of sims) {
              await casesRepo.insertLink(tx, {
                id: newId(),
                case_id: c.id,
                kind: "sim",
                sim_id: s.id,
                linked_account_id: null,
                created_by_user_id: null,
                created_at: clock.now(),
              });
              await appendEntry(tx, c, {
                kind: "event",
                actor,
                data: { type: "linked", sim: s.iccid },
              });
            }
          }
          await audit.record(tx, {
            accountId: input.accountId,
            actor: SYSTEM_ACTOR,
            action: "case.create",
            entityType: "case",
            entityId: c.id,
            data: { number: c.number, source: input.source },
          });
          return { id: c.id, number: c.number };
        });
      try {
        return await attempt();
      } catch (err) {
        // Two nodes handled the same event at once: the unique source_key let one win; answer with its case.
        if ((err as { code?: string }).code === "23505") return attempt();
        throw err;
      }
    },

    /**
     * Opens, in the caller's transaction, the case that carries an onboarding's tasks: the customer's
     * technical contact as requester, the onboarding owner (an operator agent) as owner when known.
     * The same source key always gives the same case, so a re-run opens nothing new.
     */
    async openCaseForOnboarding(
      tx: Executor,
      input: {
        accountId: string;
        subject: string;
        body: string;
        requesterEmail: string;
        requesterName: string | null;
        ownerUserId: string | null;
        onboardingId: string;
      },
    ): Promise<{ id: string; number: number }> {
      const sourceKey = `onboarding:${input.onboardingId}`;
      const existing = await casesRepo.findBySourceKey(tx, sourceKey);
      if (existing) return { id: existing.id, number: existing.number };
      const actor: Actor = { userId: null, name: "onboarding" };
      const c = await createCase(
        tx,
        {
          accountId: input.accountId,
          subject: input.subject,
          category: "technical",
          channel: "automation",
          sourceKey,
          ownerUserId: input.ownerUserId,
          requesterEmail: input.requesterEmail,
          requesterName: input.requesterName,
          description: input.body,
        },
        actor,
      );
      await audit.record(tx, {
        accountId: input.accountId,
        actor: SYSTEM_ACTOR,
        action: "case.create",
        entityType: "case",
        entityId: c.id,
        data: { number: c.number, source: { onboardingId: input.onboardingId } },
      });
      return { id: c.id, number: c.number };
    },

    /** An internal note on a case, in the caller's transaction (a module recording its own work). */
    async addInternalNote(
      tx: Executor,
      caseId: string,
      body: string,
      actor: Actor,
    ): Promise<{ entryId: string }> {
      const c = await lockCase(tx, caseId);
      return { entryId: await appendEntry(tx, c, { kind: "note", body, actor }) };
    },

    /** A case's number, subject and state, for another module that shows the case it opened. */
    async caseSummary(ex: Executor, caseId: string) {
      const c = await casesRepo.findById(ex, caseId);
      return c ? { id: c.id, number: c.number, subject: c.subject, state: c.state } : null;
    },

    /**
     * The customer's own words on a case, oldest first, as plain text (for the clarity check): its
     * genuine inbound mails — not auto-replies, bounces or mail that could not be read — and the
     * description of a case a customer opened itself (an agent's description is the agent's words).
     */
    async customerMessages(ex: Executor, caseId: string): Promise<string[]> {
      const entries = await casesRepo.entriesOf(ex, caseId);
      const operator = (await deps.accounts.rootAccount(ex)).id;
      const words: string[] = [];
      for (const e of entries) {
        if (!e.body) continue;
        const data = (e.data ?? {}) as {
          type?: string;
          flags?: string[];
          deliveryFailure?: boolean;
        };
        if (e.kind === "email_in") {
          const automatic = (data.flags ?? []).some((f) => NOT_THE_CUSTOMERS_WORDS.has(f));
          if (!automatic && !data.deliveryFailure) words.push(e.body);
        } else if (e.kind === "event" && data.type === "created" && e.actor_user_id) {
          const [author] = await deps.accounts.directory.usersByIds(ex, [e.actor_user_id]);
          if (author && author.account_id !== operator) words.push(e.body);
        }
      }
      return words;
    },

    /** Open cases of an account, newest first (caller lookup). */
    async openCasesOf(ex: Executor, accountId: string) {
      return casesRepo.openOf(ex, accountId);
    },

    isOpenState,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
