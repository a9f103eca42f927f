/**
 * Billing cycles and days, pure. A cycle is a half-open range of local dates [start, end) in the
 * customer's time zone: calendar (the 1st to the 1st) or anniversary (anchor day to anchor day;
 * the anchor is at most 28, so every month has it).
 */
export interface Cycle {
  start: string;
  /** Exclusive. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The cycle that starts in `period` (YYYY-MM). */
export function cycleStartingIn(
  period: string,
  profile: { cycle: "calendar" | "anniversary"; anchorDay: number },
): Cycle {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const day = profile.cycle === "calendar" ? 1 : profile.anchorDay;
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return { start: `${y}-${pad(m)}-${pad(day)}`, end: `${ny}-${pad(nm)}-${pad(day)}` };
}

/** The cycle containing the local date `day`. */
export function cycleContaining(
  day: string,
  profile: { cycle: "calendar" | "anniversary"; anchorDay: number },
): Cycle {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const anchor = profile.cycle === "calendar" ? 1 : profile.anchorDay;
  if (d >= anchor) return cycleStartingIn(`${y}-${pad(m)}`, profile);
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  return cycleStartingIn(`${py}-${pad(pm)}`, profile);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in a time zone (YYYY-MM-DD). */
export function localDay(at: Date, timeZone: string): string {
  // Building a formatter costs far more than using one: the RADIUS fold asks for every record.
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, f);
  }
  return f.format(at);
}

/** How a customer's cycles run: its billing profile's cycle, in its account's time zone. */
export interface CycleRule {
  cycle: "calendar" | "anniversary";
  anchorDay: number;
  timeZone: string;
}

/** The cycle an instant falls in, for a customer's cycle rule (days counted in its time zone). */
export const cycleAt = (at: Date, rule: CycleRule): Cycle =>
  cycleContaining(localDay(at, rule.timeZone), rule);

/** The day before an ISO date (an exclusive end shown as the cycle's last day). */
export function dayBefore(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The days of [start, end) each version is in force on: a version takes effect on the local day of
 * its effectiveFrom (the day it ends in force); the first version also covers any earlier days.
 */
export function versionDays<T extends { version: number; effective_from: Date }>(
  versions: T[],
  cycle: Cycle,
  timeZone: string,
): { version: T; fromDay: string; toDay: string }[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const out: { version: T; fromDay: string; toDay: string }[] = [];
  sorted.forEach((v, i) => {
    const from = i === 0 ? cycle.start : localDay(v.effective_from, timeZone);
    const next = sorted[i + 1];
    const to = next ? localDay(next.effective_from, timeZone) : cycle.end;
    const fromDay = from < cycle.start ? cycle.start : from;
    const toDay = to > cycle.end ? cycle.end : to;
    if (fromDay < toDay) out.push({ version: v, fromDay, toDay });
  });
  return out;
}
