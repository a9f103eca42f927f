import {
  addBusinessTime,
  businessTimeBetween,
  type CalendarTimeline,
  type SupportCalendar,
} from "./calendar.js";
import { type Priority, SLA_TARGETS, type SlaTargetName, type SlaTargets } from "./targets.js";

/**
 * SLA clocks computed from a case's event log — never stored as the truth, so a changed rule can
 * be applied again to the same facts. Pure. The rules (docs/desk-sla.md):
 * - both clocks run from creation while the case is `new`, `open` or `waiting_on_consultation`
 *   (an internal wait is ours), pause while `waiting_on_customer`, stop at `resolved`/`closed`
 *   and run on again when the case is reopened: time already spent is not forgiven, each
 *   reopening starts a new *episode* (for at-risk/breach notices);
 * - the first-response clock also stops for good at the first response: an agent's reply mail or
 *   a phone call with the customer (notes and consultations are internal and do not count);
 * - the target is the current priority's; a priority change that puts the elapsed time over the
 *   new target is a breach at the moment of the change, and a breach, once it happened, stays a
 *   breach (lowering the priority later does not undo it);
 * - at risk: running, not breached, and at most min(20 % of the target, 1 business hour) left.
 */

export const CASE_STATES = [
  "new",
  "open",
  "waiting_on_customer",
  "waiting_on_consultation",
  "resolved",
  "closed",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

type At = Date | number;
export type SlaEvent =
  | { at: At; kind: "created"; state: CaseState; priority: Priority }
  | { at: At; kind: "state"; state: CaseState }
  | { at: At; kind: "priority"; priority: Priority }
  | { at: At; kind: "response" };

export type SlaClockState = "running" | "at_risk" | "paused" | "met" | "breached" | "none";

export interface SlaClock {
  target: SlaTargetName;
  state: SlaClockState;
  /** The target in business ms for the current priority; null = this priority has no such target. */
  targetMs: number | null;
  elapsedMs: number;
  /** Business ms left (negative once breached); null without a target. */
  remainingMs: number | null;
  /** When the clock runs out: set while running (future, or the breach instant once breached). */
  dueAt: Date | null;
  breachedAt: Date | null;
  /** When the clock stopped (response, resolution); null while it can still run. */
  stoppedAt: Date | null;
  /** 1 for the first life of the case, +1 for each reopening. */
  episode: number;
  /** elapsed / target: ≥ 1 is breached; used to rank clocks of different sizes. 0 without a target. */
  risk: number;
}

export const AT_RISK_FRACTION = 0.2;
export const AT_RISK_CAP_MS = 3_600_000;

const RUNNING_STATES: ReadonlySet<CaseState> = new Set(["new", "open", "waiting_on_consultation"]);
const STOPPED_STATES: ReadonlySet<CaseState> = new Set(["resolved", "closed"]);

const ms = (a: At) => (typeof a === "number" ? a : a.getTime());

export function atRiskThreshold(targetMs: number): number {
  return Math.min(targetMs * AT_RISK_FRACTION, AT_RISK_CAP_MS);
}

export function computeSlaClock(
  events: readonly SlaEvent[],
  targets: SlaTargets,
  calendar: SupportCalendar | CalendarTimeline,
  now: At,
): Record<SlaTargetName, SlaClock> {
  const nowMs = ms(now);
  // Stable sort: entries of one instant keep their log order.
  const log = events
    .map((e, i) => ({ e, t: ms(e.at), i }))
    .filter((x) => x.t <= nowMs)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const created = log.find((x) => x.e.kind === "created");

  const result = {} as Record<SlaTargetName, SlaClock>;
  for (const target of SLA_TARGETS) {
    if (!created || created.e.kind !== "created") {
      result[target] = {
        target,
        state: "none",
        targetMs: null,
        elapsedMs: 0,
        remainingMs: null,
        dueAt: null,
        breachedAt: null,
        stoppedAt: null,
        episode: 1,
        risk: 0,
      };
      continue;
    }
    let caseState: CaseState = created.e.state;
    let priority: Priority = created.e.priority;
    let responded = false;
    let episode = 1;
    let elapsed = 0;
    let breachedAt: number | null = null;
    let stoppedAt: number | null = null;
    let cursor = created.t;

    const isStopped = () =>
      STOPPED_STATES.has(caseState) || (target === "firstResponse" && responded);
    const isRunning = () => !isStopped() && RUNNING_STATES.has(caseState);
    const targetMs = () => targets[target][priority];

    const advance = (to: number) => {
      if (to <= cursor) return;
      if (isRunning()) {
        const seg = businessTimeBetween(calendar, cursor, to);
        const t = targetMs();
        if (t != null && breachedAt == null && elapsed + seg > t)
          breachedAt = addBusinessTime(calendar, cursor, t - elapsed).getTime();
        elapsed += seg;
      }
      cursor = to;
    };

    for (const { e, t } of log) {
      if (e === created.e) continue;
      advance(t);
      const wasStopped = isStopped();
      if (e.kind === "state") {
        const reopening = STOPPED_STATES.has(caseState) && !STOPPED_STATES.has(e.state);
        caseState = e.state;
        if (reopening) episode += 1;
      } else if (e.kind === "priority") {
        priority = e.priority;
      } else if (e.kind === "response") {
        responded = true;
      } else if (e.kind === "created") {
        continue; // a second "created" is ignored: a case is created once
      }
      const nowStopped = isStopped();
      if (!wasStopped && nowStopped) stoppedAt = t;
      if (wasStopped && !nowStopped) stoppedAt = null;
      // A priority raised (or a case reopened) past its target is breached at that moment.
      const tm = targetMs();
      if (!nowStopped && tm != null && breachedAt == null && elapsed > tm) breachedAt = t;
    }
    advance(nowMs);

    const tm = targetMs();
    const running = isRunning();
    let state: SlaClockState;
    let dueAt: number | null = null;
    const remaining = tm == null ? null : tm - elapsed;
    if (tm == null) state = "none";
    else if (breachedAt != null) state = "breached";
    else if (isStopped()) state = "met";
    else if (!running) state = "paused";
    else state = remaining! <= atRiskThreshold(tm) ? "at_risk" : "running";
    if (tm != null && running)
      dueAt = breachedAt ?? addBusinessTime(calendar, nowMs, remaining!).getTime();

    result[target] = {
      target,
      state,
      targetMs: tm,
      elapsedMs: elapsed,
      remainingMs: remaining,
      dueAt: dueAt == null ? null : new Date(dueAt),
      breachedAt: breachedAt == null ? null : new Date(breachedAt),
      stoppedAt: stoppedAt == null ? null : new Date(stoppedAt),
      episode,
      risk: tm == null ? 0 : elapsed / tm,
    };
  }
  return result;
}

/**
 * What the agent's queue orders by: the earliest `dueAt` among running clocks (breached ones have
 * a past due time, so they come first, most overdue first); a case whose clocks are all paused
 * comes after every running one, fewest business ms left first; a case with no live clock last.
 */
export interface SlaQueueKey {
  /** 0 running, 1 paused, 2 nothing to count. */
  tier: 0 | 1 | 2;
  dueAt: Date | null;
  remainingMs: number | null;
  /** The most pressing clock state of the case (breached > at_risk > running > paused > met > none). */
  state: SlaClockState;
}

const SEVERITY: Record<SlaClockState, number> = {
  breached: 5,
  at_risk: 4,
  running: 3,
  paused: 2,
  met: 1,
  none: 0,
};

export function queueKeyOf(clocks: Record<SlaTargetName, SlaClock>): SlaQueueKey {
  const all = SLA_TARGETS.map((t) => clocks[t]);
  const live = all.filter((c) => c.stoppedAt == null && c.targetMs != null);
  const running = live.filter((c) => c.dueAt != null);
  const worst = all.reduce(
    (w, c) => (SEVERITY[c.state] > SEVERITY[w] ? c.state : w),
    "none" as SlaClockState,
  );
  // A breached clock that has stopped is history, not pressure: rank the live ones.
  const liveWorst = live.reduce(
    (w, c) => (SEVERITY[c.state] > SEVERITY[w] ? c.state : w),
    "none" as SlaClockState,
  );
  if (running.length) {
    const due = running.reduce(
      (m, c) => (c.dueAt!.getTime() < m ? c.dueAt!.getTime() : m),
      Infinity,
    );
    return {
      tier: 0,
      dueAt: new Date(due),
      remainingMs: Math.min(...running.map((c) => c.remainingMs!)),
      state: liveWorst,
    };
  }
  if (live.length)
    return {
      tier: 1,
      dueAt: null,
      remainingMs: Math.min(...live.map((c) => c.remainingMs!)),
      state: liveWorst,
    };
  return { tier: 2, dueAt: null, remainingMs: null, state: worst };
}
