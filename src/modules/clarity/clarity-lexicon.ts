import { type DateTime, Info } from "luxon";
import type { ClarityLanguage } from "./clarity.types.js";

/** When a relative expression points, and how precisely. */
export interface Resolved {
  when: DateTime;
  precision: "day" | "time" | "week";
  /** A second reading of the same words ("next Friday": this week's or next week's). */
  alternative?: DateTime;
  /** The word to put before the explicit date instead of the language's default ("by" for "within"). */
  lead?: string;
}

export interface RelativeDatePattern {
  /** Global, case-insensitive; may capture `prep` (a preposition kept before the explicit date). */
  re: RegExp;
  resolve(m: RegExpMatchArray, today: DateTime, now: DateTime): Resolved;
}

/** Everything a rule needs to know about one language. */
export interface Lexicon {
  language: ClarityLanguage;
  /** A sentence with more words than this is long. */
  longSentenceWords: number;
  /** Words that open a subordinate clause; three or more in one sentence make it nested. */
  subordinators: ReadonlySet<string>;
  /** Passive constructions (global regexes); the whole match is the span. */
  passive: RegExp[];
  /** A single word that is a passive by its form (Swedish s-passive: "avaktiverades"); tested per word. */
  passiveWord?: RegExp;
  /** Participles that name a state, not an action ("was located"): never passive findings. */
  notPassive: ReadonlySet<string>;
  /** Tested right after a passive construction: it names who acted ("by our team", "da noi", "av oss"). */
  agent: RegExp;
  /** Promises (global regex). */
  promises: RegExp;
  /** A sentence that names a date or a time (a promise in it is dated). */
  dated: RegExp;
  relativeDates: RelativeDatePattern[];
  /** Default words before an explicit date, per precision. */
  lead: Record<Resolved["precision"], string>;
  formatDay(d: DateTime, today: DateTime): string;
  formatTime(d: DateTime, today: DateTime): string;
  formatWeek(d: DateTime, today: DateTime): string;
  /**
   * Words for the same thing: groups of members, each member its forms in a fixed order (en/it:
   * singular, plural; sv: singular, definite singular, plural, definite plural).
   */
  synonyms: string[][][];
  /** Words that say nothing about what a question is about ("could", "please", "tell"). */
  questionNoise: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
}

/** `alternatives` as whole words (JavaScript's `\b` knows only ASCII letters). */
export function words(alternatives: string, flags = "giu"): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);
}

/** Number words up to twelve, and digits, as a count. */
export function countOf(word: string, numbers: Record<string, number>): number {
  const w = word.toLowerCase();
  return /^\d+$/.test(w) ? Number(w) : (numbers[w] ?? 1);
}

/** The first `weekday` (1 = Monday) strictly after `today`; `sameDay` allows today itself. */
export function nextWeekday(today: DateTime, weekday: number, sameDay = false): DateTime {
  let d = (weekday - today.weekday + 7) % 7;
  if (d === 0 && !sameDay) d = 7;
  return today.plus({ days: d });
}

/** A duration from now: minutes and hours give a time, days and weeks a day. */
export function afterDuration(
  now: DateTime,
  today: DateTime,
  n: number,
  unit: "minute" | "hour" | "day" | "week",
): Resolved {
  if (unit === "minute") return { when: now.plus({ minutes: n }), precision: "time" };
  if (unit === "hour") return { when: now.plus({ hours: n }), precision: "time" };
  if (unit === "day") return { when: today.plus({ days: n }), precision: "day" };
  return { when: today.plus({ weeks: n }), precision: "day" };
}

/** The zone's short name in the customer's time ("CET", "GMT+1"). */
export const zoneName = (d: DateTime) =>
  d.setLocale("en-GB").offsetNameShort ?? d.zoneName ?? "UTC";

/**
 * "Tuesday 8 December" from a calendar date, with the weekday and month names of `locale` read
 * once (Intl per formatted date costs more than the rest of the check). The year follows when it
 * is not the current one.
 */
export function dayFormatter(
  locale: string,
  pattern: (weekday: string, day: number, month: string) => string,
) {
  const weekdays = Info.weekdays("long", { locale });
  const months = Info.months("long", { locale, outputCalendar: "gregory" });
  return (d: DateTime, today: DateTime) =>
    pattern(weekdays[d.weekday - 1]!, d.day, months[d.month - 1]!) +
    (d.year === today.year ? "" : ` ${d.year}`);
}

const pad = (n: number) => String(n).padStart(2, "0");
/** "14:05" (or "14.05" with `sep` "."), in the time's own zone. */
export const clockTime = (d: DateTime, sep = ":") => `${pad(d.hour)}${sep}${pad(d.minute)}`;
