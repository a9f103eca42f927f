import { DateTime } from "luxon";
import { type Db, type Executor, inTransaction } from "../../../db/database.js";
import type { Case, CaseEntry } from "../../../db/schema.js";
import type { Clock } from "../../../lib/clock.js";
import { isUuid, newId } from "../../../lib/ids.js";
import type { AccountsService } from "../../accounts/accounts.service.js";
import type { AuditService } from "../../audit/audit.service.js";
import { requirePermission } from "../../auth/permissions.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import type { EventsService } from "../../events/events.service.js";
import {
  addBusinessTime,
  businessTimeBetween,
  type CalendarTimeline,
  DEFAULT_CALENDAR_INPUT,
  formatCalendar,
  parseCalendar,
  type SupportCalendar,
  type SupportCalendarInput,
} from "./calendar.js";
import {
  atRiskThreshold,
  type CaseState,
  computeSlaClock,
  queueKeyOf,
  type SlaClock,
  type SlaEvent,
} from "./clock.js";
import { slaErrors } from "./sla.errors.js";
import { slaRepo } from "./sla.repo.js";
import {
  DEFAULT_TARGETS,
  formatTargets,
  isoHours,
  type Priority,
  parseTargets,
  SLA_TARGETS,
  type SlaTargetName,
  type SlaTargets,
  type SlaTargetsInput,
} from "./targets.js";

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountsService, "rootAccount" | "requireVisible" | "directory">;
  audit: Pick<AuditService, "record">;
  events: Pick<EventsService, "emit">;
}

type CaseRow = Pick<
  Case,
  | "id"
  | "operator_id"
  | "account_id"
  | "owner_user_id"
  | "number"
  | "created_at"
  | "state"
  | "priority"
>;
type EntryRow = Pick<CaseEntry, "case_id" | "kind" | "data" | "created_at" | "id"> & {
  consultation_id?: string | null;
};

/** What an API client sees of one clock. */
export interface SlaClockView {
  state: SlaClock["state"];
  target: string | null;
  elapsedMs: number;
  remainingMs: number | null;
  dueAt: string | null;
  /** `dueAt` in the customer's time zone (ISO 8601 with offset). */
  dueAtLocal: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
  episode: number;
}
export interface SlaView {
  state: SlaClock["state"];
  /** The customer's time zone (its account setting) used for `dueAtLocal`. */
  timeZone: string;
  firstResponse: SlaClockView;
  resolution: SlaClockView;
}

const BATCH = 500;

/**
 * The timeline as SLA events. What counts as a response: an agent's reply mail (`email_out`, not
 * one Otter sent automatically) and a phone call with the customer; notes and consultations are
 * internal and never stop the first-response clock.
 */
export function slaEventsOf(entries: readonly EntryRow[]): SlaEvent[] {
  const out: SlaEvent[] = [];
  for (const e of entries) {
    const d = (typeof e.data === "string" ? JSON.parse(e.data) : (e.data ?? {})) as Record<
      string,
      unknown
    >;
    const at = new Date(e.created_at);
    if (e.kind === "event") {
      if (d.type === "created")
        out.push({
          at,
          kind: "created",
          state: (d.state as CaseState) ?? "new",
          priority: (d.priority as Priority) ?? "normal",
        });
      else if (d.type === "state_changed")
        out.push({ at, kind: "state", state: d.to as CaseState });
      else if (d.type === "priority_changed")
        out.push({ at, kind: "priority", priority: d.to as Priority });
    } else if (e.kind === "email_out") {
      // A mail to another team inside a consultation is internal; an automatic acknowledgement is not an answer.
      if (d.automatic !== true && !e.consultation_id) out.push({ at, kind: "response" });
    } else if (e.kind === "phone") {
      out.push({ at, kind: "response" });
    }
  }
  return out;
}

export function createSlaService(deps: Deps) {
  const { db, clock } = deps;

  // ---- calendar -------------------------------------------------------------------------------

  // Parsed timelines are kept while the operator's versions stay the same: each calendar memoizes
  // its days' open intervals, and that memo is what makes a page of clocks cheap.
  const timelines = new Map<string, { key: string; timeline: CalendarTimeline }>();

  async function calendarTimeline(ex: Executor, operatorId: string): Promise<CalendarTimeline> {
    const rows = await slaRepo.calendars(ex, operatorId);
    const key = rows.map((r) => r.id).join(",");
    const cached = timelines.get(operatorId);
    if (cached && cached.key === key) return cached.timeline;
    const versions: Array<{ from: number; calendar: SupportCalendar }> = [
      { from: -8.64e15, calendar: parseCalendar(DEFAULT_CALENDAR_INPUT) },
    ];
    for (const r of rows) {
      const cal = parseCalendar({
        timeZone: r.time_zone,
        hours: r.hours as SupportCalendarInput["hours"],
        holidays: r.holidays as string[],
      });
      const from = new Date(r.effective_from).getTime();
      // A version from the same instant replaces the earlier one.
      while (versions.length > 1 && versions[versions.length - 1]!.from >= from) versions.pop();
      versions.push({ from, calendar: cal });
    }
    timelines.set(operatorId, { key, timeline: versions });
    return versions;
  }

  async function currentCalendarRow(ex: Executor, operatorId: string, at: Date) {
    return slaRepo.calendarInForce(ex, operatorId, at);
  }

  function presentCalendar(
    row: { time_zone: string; hours: unknown; holidays: unknown; effective_from: Date } | undefined,
    pending?: { time_zone: string; hours: unknown; holidays: unknown; effective_from: Date },
  ) {
    const cal = row
      ? parseCalendar({
          timeZone: row.time_zone,
          hours: row.hours as SupportCalendarInput["hours"],
          holidays: row.holidays as string[],
        })
      : parseCalendar(DEFAULT_CALENDAR_INPUT);
    return {
      ...formatCalendar(cal),
      effectiveFrom: row ? new Date(row.effective_from).toISOString() : null,
      isDefault: !row,
      upcoming: pending
        ? {
            ...formatCalendar(
              parseCalendar({
                timeZone: pending.time_zone,
                hours: pending.hours as SupportCalendarInput["hours"],
                holidays: pending.holidays as string[],
              }),
            ),
            effectiveFrom: new Date(pending.effective_from).toISOString(),
          }
        : null,
    };
  }

  // ---- agreements -----------------------------------------------------------------------------

  /**
   * The targets for a case: the agreement of the nearest account up the tree (the case's customer,
   * then its parents), in the version in force when the case was created; the operator default
   * (an agreement on the operator's account) below that, and Otter's built-in default last.
   */
  async function targetsFor(
    ex: Executor,
    cases: readonly CaseRow[],
  ): Promise<Map<string, { targets: SlaTargets; timeZone: string }>> {
    const accountIds = [
      ...new Set(
        cases.flatMap((c) => [c.account_id, c.operator_id]).filter((x): x is string => !!x),
      ),
    ];
    const accounts = await deps.accounts.directory.accountsByIds(ex, accountIds);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const chain = (accountId: string | null, operatorId: string) => {
      const path = accountId ? byId.get(accountId)?.path : undefined;
      const ids = path ? path.split("/").filter(Boolean).reverse() : [];
      return [...ids, operatorId];
    };
    const allIds = [...new Set(cases.flatMap((c) => chain(c.account_id, c.operator_id)))];
    const agreements = allIds.length ? await slaRepo.agreementsOf(ex, allIds) : [];
    const out = new Map<string, { targets: SlaTargets; timeZone: string }>();
    for (const c of cases) {
      const created = new Date(c.created_at).getTime();
      let targets = DEFAULT_TARGETS;
      for (const id of chain(c.account_id, c.operator_id)) {
        const inForce = agreements
          .filter((a) => a.account_id === id && new Date(a.effective_from).getTime() <= created)
          .pop();
        if (inForce) {
          targets = parseTargets(inForce.targets as SlaTargetsInput);
          break;
        }
      }
      const tz =
        (c.account_id && byId.get(c.account_id)?.time_zone) ||
        byId.get(c.operator_id)?.time_zone ||
        "UTC";
      out.set(c.id, { targets, timeZone: tz });
    }
    return out;
  }

  function presentAgreement(
    accountId: string,
    row: { targets: unknown; effective_from: Date } | undefined,
    inherited: boolean,
  ) {
    const targets = row ? parseTargets(row.targets as SlaTargetsInput) : DEFAULT_TARGETS;
    return {
      accountId,
      ...formatTargets(targets),
      effectiveFrom: row ? new Date(row.effective_from).toISOString() : null,
      inherited,
    };
  }

  async function agreementView(ex: Executor, accountId: string, path: string, operatorId: string) {
    const ids = [...path.split("/").filter(Boolean).reverse(), operatorId];
    const now = clock.now();
    const rows = await slaRepo.agreementsOf(ex, ids, now);
    for (const id of ids) {
      const row = rows.filter((r) => r.account_id === id).pop();
      if (row) return presentAgreement(accountId, row, id !== accountId);
    }
    return presentAgreement(accountId, undefined, true);
  }

  // ---- clocks ---------------------------------------------------------------------------------

  async function loadEntries(
    ex: Executor,
    caseIds: readonly string[],
  ): Promise<Map<string, EntryRow[]>> {
    const map = new Map<string, EntryRow[]>(caseIds.map((id) => [id, []]));
    if (!caseIds.length) return map;
    const rows = await slaRepo.clockEntries(ex, caseIds);
    for (const r of rows) map.get(r.case_id)!.push(r);
    return map;
  }

  async function clocksOf(ex: Executor, cases: readonly CaseRow[], now: Date) {
    const out = new Map<
      string,
      {
        clocks: Record<SlaTargetName, SlaClock>;
        timeZone: string;
        calendar: CalendarTimeline;
        targets: SlaTargets;
      }
    >();
    if (!cases.length) return out;
    const entries = await loadEntries(
      ex,
      cases.map((c) => c.id),
    );
    const targets = await targetsFor(ex, cases);
    const calendars = new Map<string, CalendarTimeline>();
    for (const c of cases) {
      let calendar = calendars.get(c.operator_id);
      if (!calendar)
        calendars.set(c.operator_id, (calendar = await calendarTimeline(ex, c.operator_id)));
      let events = slaEventsOf(entries.get(c.id)!);
      // A case without a "created" entry (written before the desk logged one) starts at created_at.
      if (!events.some((e) => e.kind === "created"))
        events = [
          { at: new Date(c.created_at), kind: "created", state: c.state, priority: c.priority },
          ...events,
        ];
      const t = targets.get(c.id)!;
      out.set(c.id, {
        clocks: computeSlaClock(events, t.targets, calendar, now),
        timeZone: t.timeZone,
        calendar,
        targets: t.targets,
      });
    }
    return out;
  }

  function view(clocks: Record<SlaTargetName, SlaClock>, timeZone: string): SlaView {
    const one = (c: SlaClock): SlaClockView => ({
      state: c.state,
      target: c.targetMs == null ? null : isoHours(c.targetMs),
      elapsedMs: c.elapsedMs,
      remainingMs: c.remainingMs,
      dueAt: c.dueAt?.toISOString() ?? null,
      dueAtLocal: c.dueAt
        ? DateTime.fromJSDate(c.dueAt, { zone: timeZone }).toISO({ suppressMilliseconds: true })
        : null,
      breachedAt: c.breachedAt?.toISOString() ?? null,
      stoppedAt: c.stoppedAt?.toISOString() ?? null,
      episode: c.episode,
    });
    return {
      state: queueKeyOf(clocks).state,
      timeZone,
      firstResponse: one(clocks.firstResponse),
      resolution: one(clocks.resolution),
    };
  }

  /** Recomputes the queue projection of some cases from their timelines (in the caller's transaction). */
  async function refresh(ex: Executor, caseIds: readonly string[]): Promise<void> {
    if (!caseIds.length) return;
    const now = clock.now();
    const cases = await slaRepo.casesForClocks(ex, caseIds);
    const computed = await clocksOf(ex, cases, now);
    const notices = await slaRepo.noticesOf(ex, caseIds);
    const sent = new Set(notices.map((n) => `${n.case_id}|${n.target}|${n.episode}|${n.kind}`));
    const rows = cases.map((c) => {
      const { clocks, calendar } = computed.get(c.id)!;
      const key = queueKeyOf(clocks);
      const open = c.state !== "resolved" && c.state !== "closed";
      let atRiskAt: number | null = null;
      let nextNotice: number | null = null;
      for (const t of SLA_TARGETS) {
        const k = clocks[t];
        if (k.dueAt == null || k.targetMs == null) continue; // only a running clock can cross a line
        const riskAt =
          k.remainingMs! > atRiskThreshold(k.targetMs)
            ? addBusinessTime(calendar, now, k.remainingMs! - atRiskThreshold(k.targetMs)).getTime()
            : now.getTime();
        atRiskAt = atRiskAt == null ? riskAt : Math.min(atRiskAt, riskAt);
        const breachSent = sent.has(`${c.id}|${t}|${k.episode}|breached`);
        const riskSent = sent.has(`${c.id}|${t}|${k.episode}|at_risk`);
        const due = breachSent ? null : riskSent ? k.dueAt.getTime() + 1 : riskAt;
        if (due != null) nextNotice = nextNotice == null ? due : Math.min(nextNotice, due);
      }
      return {
        case_id: c.id,
        account_id: c.account_id,
        owner_user_id: c.owner_user_id,
        open,
        tier: key.tier,
        due_at: key.dueAt,
        remaining_ms: key.remainingMs == null ? null : Math.round(key.remainingMs),
        at_risk_at: atRiskAt == null ? null : new Date(atRiskAt),
        state: key.state,
        clocks: JSON.stringify(clocks),
        next_notice_at: nextNotice == null ? null : new Date(nextNotice),
        stale: false,
        computed_at: now,
      };
    });
    if (!rows.length) return;
    await slaRepo.upsertProjections(ex, rows);
  }

  /** Marks every open case's projection for recomputation (a calendar change); the worker catches up. */
  async function markOpenStale(ex: Executor): Promise<number> {
    return slaRepo.markOpenStale(ex);
  }

  return {
    refresh,
    slaEventsOf,

    /**
     * The projection follows the timeline: entries that can move a clock or the queue (events such as
     * state, priority and owner changes; replies; calls) recompute it. Incoming mail, notes and
     * consultations change no clock, so inbound mail does not pay for it.
     */
    async onEntryAppended(tx: Executor, caseId: string, kind: string): Promise<void> {
      if (kind === "event" || kind === "email_out" || kind === "phone") await refresh(tx, [caseId]);
    },

    /** The SLA of cases the caller has already loaded (and may see), computed live from their timelines. */
    async slaFor(cases: readonly CaseRow[], ex: Executor = db): Promise<Map<string, SlaView>> {
      const computed = await clocksOf(ex, cases, clock.now());
      return new Map([...computed].map(([id, c]) => [id, view(c.clocks, c.timeZone)]));
    },

    /** The same by case id, for a presenter that holds only ids (the caller has checked visibility). */
    async slaForIds(ids: readonly string[], ex: Executor = db): Promise<Map<string, SlaView>> {
      if (!ids.length) return new Map();
      const cases = await slaRepo.casesForClocks(ex, ids);
      const computed = await clocksOf(ex, cases, clock.now());
      return new Map([...computed].map(([id, c]) => [id, view(c.clocks, c.timeZone)]));
    },

    async getCalendar(principal: Principal) {
      requirePermission(principal, "cases:work");
      const operator = await deps.accounts.rootAccount();
      const now = clock.now();
      const row = await currentCalendarRow(db, operator.id, now);
      const pending = await slaRepo.upcomingCalendar(db, operator.id, now);
      return presentCalendar(row, pending);
    },

    /**
     * A new calendar version, in force from `effectiveFrom` (now by default; never in the past, so
     * business time already counted stays as it was counted). Open cases are recomputed.
     */
    async setCalendar(
      principal: Principal,
      input: SupportCalendarInput & { effectiveFrom?: string; reason?: string },
    ) {
      requirePermission(principal, "desk:manage");
      const cal = parseCalendar(input);
      const now = clock.now();
      const from = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
      if (from.getTime() < now.getTime() - 60_000) throw slaErrors.effectiveInPast();
      return inTransaction(db, async (tx) => {
        const operator = await deps.accounts.rootAccount(tx);
        const written = formatCalendar(cal);
        const row = {
          id: newId(),
          operator_id: operator.id,
          time_zone: cal.timeZone,
          hours: JSON.stringify(written.hours),
          holidays: JSON.stringify(written.holidays),
          effective_from: from,
          created_by_user_id: principal.userId,
          created_at: now,
        };
        await slaRepo.insertCalendar(tx, row);
        const stale = await markOpenStale(tx);
        await deps.audit.record(tx, {
          accountId: operator.id,
          actor: actorOf(principal),
          action: "desk.calendar.set",
          entityType: "desk_calendar",
          entityId: row.id,
          data: {
            ...written,
            effectiveFrom: from.toISOString(),
            reason: input.reason ?? null,
            openCasesToRecompute: stale,
          },
        });
        const current = await currentCalendarRow(tx, operator.id, now);
        return {
          ...presentCalendar(
            current,
            from > now ? { ...row, hours: written.hours, holidays: written.holidays } : undefined,
          ),
          openCasesToRecompute: stale,
        };
      });
    },

    async getAgreement(principal: Principal, accountId: string | "default") {
      requirePermission(principal, "cases:read");
      const operator = await deps.accounts.rootAccount();
      if (accountId === "default") {
        requirePermission(principal, "cases:work");
        return agreementView(db, operator.id, operator.path, operator.id);
      }
      if (!isUuid(accountId)) throw slaErrors.accountNotFound(accountId);
      const account = await deps.accounts.requireVisible(principal, accountId);
      return agreementView(db, account.id, account.path, operator.id);
    },

    /**
     * A new agreement version for an account (or the operator default). It applies to cases created
     * from `effectiveFrom` on (now by default); a case keeps the terms it was opened under.
     */
    async setAgreement(
      principal: Principal,
      accountId: string | "default",
      input: SlaTargetsInput & { effectiveFrom?: string; reason?: string },
    ) {
      requirePermission(principal, "desk:manage");
      const targets = parseTargets(input);
      const now = clock.now();
      const from = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
      if (from.getTime() < now.getTime() - 60_000) throw slaErrors.effectiveInPast();
      return inTransaction(db, async (tx) => {
        const operator = await deps.accounts.rootAccount(tx);
        if (accountId !== "default" && !isUuid(accountId))
          throw slaErrors.accountNotFound(accountId);
        const account =
          accountId === "default"
            ? operator
            : await deps.accounts.requireVisible(principal, accountId, tx);
        const row = {
          id: newId(),
          account_id: account.id,
          targets: JSON.stringify(formatTargets(targets)),
          effective_from: from,
          created_by_user_id: principal.userId,
          created_at: now,
        };
        await slaRepo.insertAgreement(tx, row);
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "desk.agreement.set",
          entityType: "desk_agreement",
          entityId: row.id,
          data: {
            ...formatTargets(targets),
            effectiveFrom: from.toISOString(),
            reason: input.reason ?? null,
          },
        });
        return {
          ...presentAgreement(
            account.id,
            { targets: formatTargets(targets), effective_from: from },
            false,
          ),
        };
      });
    },

    /**
     * An agent's queue (or, with owner `none`, the unassigned one): open cases, most pressing first (docs/desk-sla.md). Ordered in
     * SQL on the projection; the clocks of the page are then computed live from the timelines.
     */
    async queue(
      principal: Principal,
      q: { owner: string; limit: number; after?: number; state?: CaseState | CaseState[] },
    ) {
      requirePermission(principal, "cases:work");
      // `none`: the unassigned queue — open cases nobody owns yet (new mail, triage); `all`: everyone's.
      const owner =
        q.owner === "none"
          ? null
          : q.owner === "me"
            ? principal.userId
            : q.owner === "all"
              ? ("all" as const)
              : q.owner;
      if (owner !== null && owner !== "all" && !isUuid(owner)) throw slaErrors.badOwner(q.owner);
      const filter = {
        owner,
        states: q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state],
      };
      const now = clock.now();
      const offset = q.after ?? 0;
      const pageQuery = slaRepo.queuePage(db, filter, offset, q.limit);
      const countQuery = slaRepo.queueCount(db, filter);
      // Two independent reads (an index range and an index-only count): in parallel on PostgreSQL.
      const [rows, total] = await Promise.all([pageQuery, countQuery]);
      const page = rows.slice(0, q.limit);
      // The state and time left as of now, from the projection's instants and the calendar.
      const calendar = page.length ? await calendarTimeline(db, page[0]!.operator_id) : [];
      // The customers' names, in one read of the accounts module's directory.
      const accountIds = [...new Set(page.flatMap((r) => r.account_id ?? []))];
      const names = new Map(
        (accountIds.length ? await deps.accounts.directory.accountsByIds(db, accountIds) : []).map(
          (a) => [a.id, a.name],
        ),
      );
      const items = page.map((r) => {
        const due = r.due_at ? new Date(r.due_at) : null;
        const remainingMs =
          r.tier === 0 && due
            ? due >= now
              ? businessTimeBetween(calendar, now, due)
              : -businessTimeBetween(calendar, due, now)
            : r.remaining_ms == null
              ? null
              : Number(r.remaining_ms);
        let state = r.sla_state;
        if (r.tier === 0 && r.due_at && now >= new Date(r.due_at)) state = "breached";
        else if (
          r.tier === 0 &&
          r.at_risk_at &&
          now >= new Date(r.at_risk_at) &&
          state !== "breached"
        )
          state = "at_risk";
        return {
          id: r.id,
          number: r.number,
          subject: r.subject,
          state: r.state,
          priority: r.priority,
          accountId: r.account_id,
          accountName: (r.account_id && names.get(r.account_id)) || null,
          ownerUserId: r.owner_user_id,
          createdAt: new Date(r.created_at).toISOString(),
          updatedAt: new Date(r.updated_at).toISOString(),
          sla: { state, dueAt: due ? due.toISOString() : null, paused: r.tier === 1, remainingMs },
        };
      });
      return {
        items,
        total: Number(total.n),
        nextAfter: rows.length > q.limit ? offset + q.limit : null,
      };
    },

    /**
     * The worker's round: recompute stale projections (after a calendar change), then send the
     * at-risk and breach notices that are due — each at most once per case, clock and episode.
     */
    async runOnce(): Promise<{ recomputed: number; notices: number }> {
      let recomputed = 0;
      for (;;) {
        const n = await inTransaction(db, async (tx) => {
          const ids = (await slaRepo.lockStale(tx, BATCH)).map((r) => r.case_id);
          await refresh(tx, ids);
          return ids.length;
        });
        recomputed += n;
        if (n < BATCH) break;
      }
      let notices = 0;
      let rounds = 0;
      for (;;) {
        const n = await inTransaction(db, async (tx) => {
          const now = clock.now();
          const ids = (await slaRepo.lockNoticesDue(tx, now, 100)).map((r) => r.case_id);
          if (!ids.length) return 0;
          const cases = await slaRepo.casesForClocks(tx, ids);
          const computed = await clocksOf(tx, cases, now);
          for (const c of cases) {
            const { clocks } = computed.get(c.id)!;
            for (const t of SLA_TARGETS) {
              const k = clocks[t];
              if (k.dueAt == null) continue;
              const kinds: Array<"at_risk" | "breached"> =
                k.state === "breached"
                  ? ["at_risk", "breached"]
                  : k.state === "at_risk"
                    ? ["at_risk"]
                    : [];
              for (const kind of kinds) {
                const inserted = await slaRepo.insertNotice(tx, {
                  case_id: c.id,
                  target: t,
                  episode: k.episode,
                  kind,
                  created_at: now,
                });
                // A clock already breached when first seen gets the breach notice only.
                if (!inserted || (kind === "at_risk" && k.state === "breached")) continue;
                notices += 1;
                await deps.events.emit(tx, [
                  {
                    accountId: c.account_id ?? c.operator_id,
                    type: kind === "breached" ? "case.sla_breached" : "case.sla_at_risk",
                    subjectId: c.id,
                    data: {
                      caseId: c.id,
                      number: c.number,
                      target: t,
                      priority: c.priority,
                      episode: k.episode,
                      dueAt: k.dueAt.toISOString(),
                      remainingMs: k.remainingMs,
                      ownerUserId: c.owner_user_id,
                    },
                  },
                ]);
              }
            }
          }
          await refresh(tx, ids);
          return ids.length;
        });
        if (n < 100 || ++rounds > 50) break;
      }
      return { recomputed, notices };
    },
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
