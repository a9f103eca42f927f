import { SIM_STATES, type SimState } from "../sims/sim-lifecycle.js";
import { OVERAGE_OVERRIDES } from "../sims/sims.schemas.js";
import { ccErrors } from "./controlcenter.errors.js";

/**
 * Control Center's wire format, pure: dates in and out, paging, sparse fields, states — with the
 * tolerance real clients need (reference section 8). No I/O; property-tested.
 */

/** Control Center's largest page; a larger `pageSize` counts as this (docs/control-center.md). */
export const MAX_PAGE_SIZE = 50;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A response date as Control Center writes it: `2016-06-29 00:21:33.339+0000` (UTC). */
export function formatCcDate(d: Date | null | undefined): string | null {
  if (!d) return null;
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.` +
    `${pad(d.getUTCMilliseconds(), 3)}+0000`
  );
}

/** A cycle date as Control Center writes it: `2016-11-10Z`. */
export const formatCycleDate = (day: string) => `${day.slice(0, 10)}Z`;

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|\s\d{2}:?\d{2})?$/i;

/**
 * A request date: `yyyy-MM-ddTHH:mm:ss` with `Z` or an offset (`+00:00`, `+0000`), fractions of a
 * second, or a date alone (`2016-11-10`, `2016-11-10Z`, midnight UTC). A `+` that arrived unencoded
 * in a query string reads as a space (`2016-04-18T17:31:34 00:00`): taken as `+`. No zone: UTC.
 * Null when it is none of these or names no real day.
 */
export function parseCcDate(raw: string): Date | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zoneRaw] = m;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  let offsetMin = 0;
  const zone = zoneRaw?.trim();
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zoneRaw!.startsWith("-") ? -1 : 1;
    const digits = zone.replace(/[+:-]/g, "");
    if (digits.length !== 4) return null;
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 14 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  const [Y, Mo, D, H, Mi, S] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (Mo < 1 || Mo > 12 || D < 1 || D > 31 || H > 23 || Mi > 59 || S > 59) return null;
  const utc = Date.UTC(Y, Mo - 1, D, H, Mi, S, ms);
  const check = new Date(Date.UTC(Y, Mo - 1, D));
  if (check.getUTCMonth() !== Mo - 1 || check.getUTCDate() !== D) return null;
  return new Date(utc - offsetMin * 60_000);
}

/** A required or optional request date; throws Control Center's 10000012 when it is malformed. */
export function requireCcDate(field: string, raw: string): Date {
  const d = parseCcDate(raw);
  if (!d) throw ccErrors.invalidDate(field, raw);
  return d;
}

export interface Paging {
  pageSize: number;
  pageNumber: number;
}

const WHOLE = /^\s*\d{1,9}\s*$/;

/**
 * `pageSize` (default 50; above 50 counts as 50, so a page is never cut short while `lastPage`
 * says false) and `pageNumber` (1-based, default 1). Malformed: 10000006 / 10000007.
 */
export function parsePaging(q: { pageSize?: string; pageNumber?: string }): Paging {
  let pageSize = MAX_PAGE_SIZE;
  if (q.pageSize !== undefined && q.pageSize !== "") {
    if (!WHOLE.test(q.pageSize) || Number(q.pageSize) < 1)
      throw ccErrors.invalidPageSize(q.pageSize);
    pageSize = Math.min(Number(q.pageSize), MAX_PAGE_SIZE);
  }
  let pageNumber = 1;
  if (q.pageNumber !== undefined && q.pageNumber !== "") {
    if (!WHOLE.test(q.pageNumber) || Number(q.pageNumber) < 1)
      throw ccErrors.invalidPageNumber(q.pageNumber);
    pageNumber = Number(q.pageNumber);
  }
  return { pageSize, pageNumber };
}

/**
 * The names a `?fields=` list asks for; null (every field) when absent or naming nothing
 * (`?fields=` or `?fields=,`).
 */
export function parseFields(raw: string | undefined): Set<string> | null {
  if (raw === undefined) return null;
  const names = raw
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  return names.length === 0 ? null : new Set(names);
}

/** Only the asked-for keys of an object (every key when `fields` is null); unknown names are ignored. */
export function pickFields<T extends Record<string, unknown>>(
  obj: T,
  fields: Set<string> | null,
): Partial<T> {
  if (!fields) return obj;
  return Object.fromEntries(Object.entries(obj).filter(([k]) => fields.has(k))) as Partial<T>;
}

/**
 * A SIM status as clients write it: any case, and SOAP's `_NAME` suffix (`ACTIVATED_NAME`).
 * Null when it is no Control Center status.
 */
export function parseCcStatus(raw: string): SimState | null {
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/_NAME$/, "");
  return (SIM_STATES as readonly string[]).includes(s) ? (s as SimState) : null;
}

export type OverageOverride = (typeof OVERAGE_OVERRIDES)[number];
export function parseOverride(raw: string): OverageOverride | null {
  const s = raw.trim().toUpperCase();
  return (OVERAGE_OVERRIDES as readonly string[]).includes(s) ? (s as OverageOverride) : null;
}

/**
 * The first number an Otter UUIDv7 is offered as a Control Center id: its millisecond time × 1024
 * plus the top 10 of its 12 `rand_a` bits — below 2^53 until the year 2248, so a JavaScript client
 * reads it exactly, and roughly in creation order. On a clash the next free number is taken.
 */
export function numericCandidate(uuid: string): number {
  const hex = uuid.replace(/-/g, "");
  const ms = parseInt(hex.slice(0, 12), 16);
  const randA = parseInt(hex.slice(13, 16), 16);
  return ms * 1024 + (randA >> 2) + 1;
}

/** A numeric id as clients send it (a string of digits, or an int64 written as such). */
export function parseNumericId(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,16}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
