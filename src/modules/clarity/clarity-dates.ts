import { DateTime } from "luxon";
import type { Lexicon, Resolved } from "./clarity-lexicon.js";
import { withCaseOf } from "./clarity-text.js";

export interface RelativeDate {
  start: number;
  end: number;
  text: string;
  /** The explicit date, with its leading preposition: the suggested replacement. */
  replacement: string;
  /** The explicit date alone, and a second reading when the words allow two. */
  explicit: string;
  alternative?: string;
}

/**
 * Relative dates and times in a reply, each with the explicit date it stands for in the customer's
 * time zone. Hand-written per language rather than chrono-node: chrono's Swedish parser misses
 * "i morgon" and "om två timmar", it takes a fixed UTC offset rather than an IANA zone (so a date
 * across a daylight-saving change comes out an hour off), its first parse costs ~40 ms, and the
 * check must explain the reading it chose ("next Friday" has two). Luxon does the zone arithmetic.
 */
export function relativeDatesIn(
  text: string,
  lexicon: Lexicon,
  now: Date,
  timeZone: string,
): RelativeDate[] {
  // Zone arithmetic is the costly part (Intl per offset lookup): done only once a pattern matches.
  let clock: { zoned: DateTime; today: DateTime } | undefined;
  const at = () => {
    if (!clock) {
      let zoned = DateTime.fromJSDate(now, { zone: timeZone });
      if (!zoned.isValid) zoned = DateTime.fromJSDate(now, { zone: "UTC" });
      // The customer's calendar date, as a date in UTC: day arithmetic without zone lookups.
      clock = { zoned, today: DateTime.utc(zoned.year, zoned.month, zoned.day) };
    }
    return clock;
  };
  const found: RelativeDate[] = [];
  for (const pattern of lexicon.relativeDates) {
    for (const m of text.matchAll(pattern.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      const { zoned, today } = at();
      const r = pattern.resolve(m, today, zoned);
      const explicit = format(lexicon, r, today);
      const lead = m.groups?.prep ?? r.lead ?? lexicon.lead[r.precision];
      const replacement = withCaseOf(m[0], lead ? `${lead} ${explicit}` : explicit);
      const alternative = r.alternative
        ? format(lexicon, { ...r, when: r.alternative }, today)
        : undefined;
      found.push({
        start,
        end,
        text: m[0],
        replacement,
        explicit,
        ...(alternative ? { alternative } : {}),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function format(lexicon: Lexicon, r: Resolved, today: DateTime): string {
  if (r.precision === "time") return lexicon.formatTime(r.when, today);
  if (r.precision === "week") return lexicon.formatWeek(r.when, today);
  return lexicon.formatDay(r.when, today);
}
