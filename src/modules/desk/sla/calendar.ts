import { DateTime, IANAZone } from "luxon";
import { validationError } from "../../../lib/errors.js";

/**
 * The operator's support calendar and business-time arithmetic. Pure: no I/O, no clock.
 *
 * Wall-clock math goes through luxon on purpose: converting "Monday 08:00 in Europe/Rome" to an
 * instant must follow the IANA rules on DST days (a 23- or 25-hour day), and luxon is the
 * well-kept library of that field (Intl alone formats instants but cannot go from wall clock to
 * instant). Rules on DST days, documented in docs/desk-sla.md: an opening time that does not exist
 * (inside a spring-forward gap) moves forward to the first wall time that does; an ambiguous one
 * (in a fall-back overlap) is the earlier instant. Business time is real elapsed time inside open
 * hours, so a support day 00:00-24:00 on a fall-back day holds 25 hours.
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The calendar as the operator writes it (API, CLI file). */
export interface SupportCalendarInput {
  timeZone: string;
  /** Per weekday, open intervals as ["HH:MM", "HH:MM"] in the operator's time zone; "24:00" ends a day. */
  hours: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Local dates (YYYY-MM-DD) with no support hours at all. */
  holidays: string[];
}

/** A validated calendar: intervals in minutes after local midnight, sorted, disjoint. */
export interface SupportCalendar {
  readonly timeZone: string;
  readonly hours: Readonly<Record<Weekday, ReadonlyArray<readonly [number, number]>>>;
  readonly holidays: ReadonlySet<string>;
  /** Memo of a local date's open intervals as UTC milliseconds. */
  readonly dayCache: Map<string, Array<[number, number]>>;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(field: string, value: string): number {
  if (!HHMM.test(value)) {
    throw validationError(
      field,
      "SLA_CALENDAR_INVALID_HOURS",
      `${field}: "${value}" is not a time of day HH:MM (00:00-24:00).`,
    );
  }
  const [h, m] = value.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Validates a calendar. Rejects an unknown IANA zone, malformed or overlapping intervals, bad
 * holiday dates, and a week without a single open minute (no clock could ever run on it).
 */
export function parseCalendar(input: SupportCalendarInput): SupportCalendar {
  if (
    typeof input.timeZone !== "string" ||
    !IANAZone.isValidZone(input.timeZone) ||
    /^[+-]|^UTC[+-]/i.test(input.timeZone)
  ) {
    throw validationError(
      "timeZone",
      "SLA_CALENDAR_UNKNOWN_TIME_ZONE",
      `timeZone: "${input.timeZone}" is not an IANA time zone name such as Europe/Rome.`,
    );
  }
  for (const key of Object.keys(input.hours ?? {})) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw validationError(
        `hours.${key}`,
        "SLA_CALENDAR_INVALID_HOURS",
        `hours.${key}: not a weekday; use ${WEEKDAYS.join(", ")}.`,
      );
    }
  }
  const hours = {} as Record<Weekday, Array<readonly [number, number]>>;
  let openMinutes = 0;
  for (const day of WEEKDAYS) {
    const raw = input.hours?.[day] ?? [];
    const intervals = raw.map((pair, i) => {
      const field = `hours.${day}[${i}]`;
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw validationError(
          field,
          "SLA_CALENDAR_INVALID_HOURS",
          `${field}: an interval is ["HH:MM", "HH:MM"].`,
        );
      }
      const start = minutesOf(field, pair[0]);
      const end = minutesOf(field, pair[1]);
      if (end <= start) {
        throw validationError(
          field,
          "SLA_CALENDAR_INVALID_HOURS",
          `${field}: the interval must end after it starts.`,
        );
      }
      return [start, end] as const;
    });
    intervals.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i]![0] < intervals[i - 1]![1]) {
        throw validationError(
          `hours.${day}`,
          "SLA_CALENDAR_INVALID_HOURS",
          `hours.${day}: intervals overlap.`,
        );
      }
    }
    openMinutes += intervals.reduce((s, [a, b]) => s + b - a, 0);
    hours[day] = intervals;
  }
  if (openMinutes === 0) {
    throw validationError(
      "hours",
      "SLA_CALENDAR_NO_HOURS",
      "hours: the week has no support hours; an SLA clock could never run.",
    );
  }
  const holidays = new Set<string>();
  (input.holidays ?? []).forEach((d, i) => {
    if (typeof d !== "string" || !DATE.test(d) || !DateTime.fromISO(d, { zone: "UTC" }).isValid) {
      throw validationError(
        `holidays[${i}]`,
        "SLA_CALENDAR_INVALID_HOLIDAY",
        `holidays[${i}]: "${d}" is not a date YYYY-MM-DD.`,
      );
    }
    holidays.add(d);
  });
  return { timeZone: input.timeZone, hours, holidays, dayCache: new Map() };
}

/** The calendar back in its written form (for GET and the CLI). */
export function formatCalendar(cal: SupportCalendar): SupportCalendarInput {
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const hours: SupportCalendarInput["hours"] = {};
  for (const day of WEEKDAYS) hours[day] = cal.hours[day].map(([a, b]) => [hhmm(a), hhmm(b)]);
  return { timeZone: cal.timeZone, hours, holidays: [...cal.holidays].sort() };
}

const DAY_CACHE_LIMIT = 4096;

/** The open intervals of one local date, as UTC epoch milliseconds, ascending and disjoint. */
function openIntervalsOn(cal: SupportCalendar, local: DateTime): Array<[number, number]> {
  const key = local.toISODate()!;
  const cached = cal.dayCache.get(key);
  if (cached) return cached;
  const out: Array<[number, number]> = [];
  if (!cal.holidays.has(key)) {
    const day = WEEKDAYS[local.weekday - 1]!;
    const at = (minutes: number) =>
      minutes === 24 * 60
        ? local.plus({ days: 1 }).startOf("day").toMillis()
        : DateTime.fromObject(
            {
              year: local.year,
              month: local.month,
              day: local.day,
              hour: Math.floor(minutes / 60),
              minute: minutes % 60,
            },
            { zone: cal.timeZone },
          ).toMillis();
    for (const [a, b] of cal.hours[day]) {
      // On DST days two wall times can map to one instant; keep the intervals disjoint and ordered.
      const start = Math.max(at(a), out.length ? out[out.length - 1]![1] : -Infinity);
      const end = at(b);
      if (end > start) out.push([start, end]);
    }
  }
  if (cal.dayCache.size >= DAY_CACHE_LIMIT) cal.dayCache.clear();
  cal.dayCache.set(key, out);
  return out;
}

/** A calendar's open intervals from `fromMs` on, clipped to start no earlier than it. */
export function* openIntervalsFrom(
  cal: SupportCalendar,
  fromMs: number,
): Generator<[number, number]> {
  let day = DateTime.fromMillis(fromMs, { zone: cal.timeZone }).startOf("day");
  for (;;) {
    for (const [a, b] of openIntervalsOn(cal, day)) {
      if (b <= fromMs) continue;
      yield [Math.max(a, fromMs), b];
    }
    day = day.plus({ days: 1 }).startOf("day");
  }
}

/**
 * A calendar in force over time: each version applies from its `from` instant until the next one.
 * Recomputing an old case with the versions that were in force then keeps history a fact.
 */
export type CalendarTimeline = ReadonlyArray<{ from: number; calendar: SupportCalendar }>;

export function timelineOf(cal: SupportCalendar | CalendarTimeline): CalendarTimeline {
  return "timeZone" in cal ? [{ from: -8.64e15, calendar: cal }] : cal;
}

/** Open intervals across a timeline of calendar versions (sorted by `from`). */
export function* openIntervals(
  cal: SupportCalendar | CalendarTimeline,
  fromMs: number,
): Generator<[number, number]> {
  const versions = timelineOf(cal);
  for (let i = 0; i < versions.length; i++) {
    const until = i + 1 < versions.length ? versions[i + 1]!.from : Infinity;
    if (until <= fromMs) continue;
    const start = Math.max(fromMs, versions[i]!.from);
    for (const [a, b] of openIntervalsFrom(versions[i]!.calendar, start)) {
      if (a >= until) break;
      yield [a, Math.min(b, until)];
      if (b >= until) break;
    }
  }
}

/** Ten years without a single open minute means the calendar cannot serve a clock. */
const SEARCH_LIMIT_MS = 10 * 366 * 86_400_000;
const DAY_MS = 86_400_000;

const toMs = (d: Date | number) => (typeof d === "number" ? d : d.getTime());

/**
 * A calendar's open intervals over a span, materialized once with their running sum of business
 * time, so that business time between two instants is two binary searches instead of a walk over
 * days (the queue computes a page of clocks per request). Extended when a call needs more.
 */
interface Span {
  from: number;
  to: number;
  starts: number[];
  ends: number[];
  cum: number[];
}
const spans = new WeakMap<SupportCalendar, Span>();

function buildSpan(cal: SupportCalendar, from: number, to: number): Span {
  const starts: number[] = [],
    ends: number[] = [],
    cum: number[] = [];
  let total = 0;
  let day = DateTime.fromMillis(from, { zone: cal.timeZone }).startOf("day");
  const end = DateTime.fromMillis(to, { zone: cal.timeZone }).startOf("day").plus({ days: 1 });
  const spanFrom = day.toMillis();
  while (day < end) {
    for (const [a, b] of openIntervalsOn(cal, day)) {
      starts.push(a);
      ends.push(b);
      cum.push(total);
      total += b - a;
    }
    day = day.plus({ days: 1 }).startOf("day");
  }
  cum.push(total);
  return { from: spanFrom, to: end.toMillis(), starts, ends, cum };
}

function spanCovering(cal: SupportCalendar, a: number, b: number): Span {
  const s = spans.get(cal);
  if (s && s.from <= a && b <= s.to) return s;
  const from = Math.min(a, s?.from ?? a) - 7 * DAY_MS;
  const to = Math.max(b, s?.to ?? b) + 60 * DAY_MS;
  const built = buildSpan(cal, from, to);
  spans.set(cal, built);
  return built;
}

/** Business time from the span's start to `t` (t inside the span). */
function cumulativeAt(s: Span, t: number): number {
  // The last interval starting at or before t.
  let lo = 0,
    hi = s.starts.length - 1,
    i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.starts[mid]! <= t) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (i < 0) return 0;
  return s.cum[i]! + Math.min(t, s.ends[i]!) - s.starts[i]!;
}

function betweenIn(cal: SupportCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  const s = spanCovering(cal, a, b);
  return cumulativeAt(s, b) - cumulativeAt(s, a);
}

/** The earliest t ≥ a with `ms` of business time in [a, t], or null if none before `limit`. */
function addIn(cal: SupportCalendar, a: number, ms: number, limit: number): number | null {
  if (ms === 0) return a;
  let s = spanCovering(cal, a, a + DAY_MS);
  for (;;) {
    const target = cumulativeAt(s, a) + ms;
    if (s.cum[s.cum.length - 1]! >= target) {
      // The first interval whose running sum reaches the target.
      let lo = 0,
        hi = s.starts.length - 1,
        i = hi;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (s.cum[mid + 1]! >= target) {
          i = mid;
          hi = mid - 1;
        } else lo = mid + 1;
      }
      const t = s.starts[i]! + (target - s.cum[i]!);
      return t <= limit ? t : null;
    }
    if (s.to >= limit || s.to - a > SEARCH_LIMIT_MS) return null;
    s = spanCovering(cal, a, Math.min(limit, s.to + Math.max(60 * DAY_MS, s.to - s.from)));
  }
}

/**
 * The earliest instant at which `ms` of business time have passed since `start`. With `ms` = 0
 * the start itself; the result can be the closing time of an interval (the next opening is not
 * needed to have spent the time). Additive: add(add(a, x), y) = add(a, x + y).
 */
export function addBusinessTime(
  cal: SupportCalendar | CalendarTimeline,
  start: Date | number,
  ms: number,
): Date {
  const from = toMs(start);
  if (!(ms >= 0) || !Number.isFinite(ms))
    throw new RangeError("addBusinessTime: ms must be a finite number ≥ 0");
  if (ms === 0) return new Date(from);
  const versions = timelineOf(cal);
  let left = ms;
  for (let i = 0; i < versions.length; i++) {
    const until = i + 1 < versions.length ? versions[i + 1]!.from : Infinity;
    if (until <= from) continue;
    const a = Math.max(from, versions[i]!.from);
    if (until === Infinity) {
      const t = addIn(versions[i]!.calendar, a, left, a + SEARCH_LIMIT_MS);
      if (t == null) break;
      return new Date(t);
    }
    const avail = betweenIn(versions[i]!.calendar, a, until);
    if (avail >= left) return new Date(addIn(versions[i]!.calendar, a, left, until)!);
    left -= avail;
  }
  throw new RangeError("addBusinessTime: the calendar has no open hours within ten years");
}

/** Business time between two instants (0 when b ≤ a). */
export function businessTimeBetween(
  cal: SupportCalendar | CalendarTimeline,
  a: Date | number,
  b: Date | number,
): number {
  const from = toMs(a);
  const to = toMs(b);
  if (to <= from) return 0;
  const versions = timelineOf(cal);
  let total = 0;
  for (let i = 0; i < versions.length; i++) {
    const until = i + 1 < versions.length ? versions[i + 1]!.from : Infinity;
    const s = Math.max(from, versions[i]!.from);
    const e = Math.min(to, until);
    if (e > s) total += betweenIn(versions[i]!.calendar, s, e);
  }
  return total;
}

/** Reference implementations walking the intervals one by one; the tests hold the fast ones to them. */
export function businessTimeBetweenByWalking(
  cal: SupportCalendar | CalendarTimeline,
  a: number,
  b: number,
): number {
  if (b <= a) return 0;
  let total = 0;
  for (const [s, e] of openIntervals(cal, a)) {
    if (s >= b) break;
    total += Math.min(e, b) - s;
    if (e >= b) break;
  }
  return total;
}
export function addBusinessTimeByWalking(
  cal: SupportCalendar | CalendarTimeline,
  a: number,
  ms: number,
): number {
  if (ms === 0) return a;
  let left = ms;
  for (const [s, e] of openIntervals(cal, a)) {
    if (e - s >= left) return s + left;
    left -= e - s;
  }
  throw new RangeError("unreachable");
}

/** True when `at` lies inside open support hours. */
export function isOpen(cal: SupportCalendar | CalendarTimeline, at: Date | number): boolean {
  const t = toMs(at);
  const first = openIntervals(cal, t).next();
  return !first.done && first.value[0] <= t;
}

/** The default calendar until the operator sets one: Monday-Friday 09:00-17:00 UTC, no holidays. */
export const DEFAULT_CALENDAR_INPUT: SupportCalendarInput = {
  timeZone: "UTC",
  hours: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
  },
  holidays: [],
};
