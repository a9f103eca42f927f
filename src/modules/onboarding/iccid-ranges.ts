import { type Iccid, luhnCheckDigit, parseIccid } from "../../lib/identifiers.js";

/**
 * ICCID ranges as a contract writes them: the first and the last ICCID, check digits included.
 * The range holds every ICCID of that length whose payload (the digits before the check digit)
 * lies between the two payloads, each with its own Luhn digit — so a range of N payloads is N
 * SIMs, and "is this stored ICCID in the range" is a text comparison between two same-length
 * strings (what the stock check does in SQL, over the range, never SIM by SIM).
 */
export interface IccidRange {
  from: Iccid;
  to: Iccid;
  /** How many ICCIDs the range holds. */
  size: number;
}

export type RangeParse =
  | { ok: true; range: IccidRange }
  | {
      ok: false;
      field: "from" | "to";
      code: string;
      message: string;
      /** The parameters of its message in onboarding.messages.ts (the code is its code). */
      params: Record<string, string | number>;
    };

const payload = (iccid: string) => BigInt(iccid.slice(0, -1));
/** The parameters of an ICCID that does not parse: itself and its length. */
const bad = (raw: string) => ({ iccid: raw.trim(), digits: raw.trim().length });

export function parseIccidRange(from: string, to: string): RangeParse {
  const a = parseIccid(from);
  if (!a.ok)
    return { ok: false, field: "from", code: a.code, message: a.message, params: bad(from) };
  const b = parseIccid(to);
  if (!b.ok) return { ok: false, field: "to", code: b.code, message: b.message, params: bad(to) };
  if (a.value.length !== b.value.length)
    return {
      ok: false,
      field: "to",
      code: "ICCID_RANGE_LENGTHS",
      message: `ICCIDs ${a.value} and ${b.value} have different lengths; a range is between ICCIDs of one length.`,
      params: { from: a.value, to: b.value },
    };
  const size = payload(b.value) - payload(a.value) + 1n;
  if (size < 1n)
    return {
      ok: false,
      field: "to",
      code: "ICCID_RANGE_REVERSED",
      message: `The range ends (${b.value}) before it starts (${a.value}).`,
      params: { from: a.value, to: b.value },
    };
  if (size > 100_000_000n)
    return {
      ok: false,
      field: "to",
      code: "ICCID_RANGE_TOO_LARGE",
      message: `The range holds ${size} ICCIDs; at most 100,000,000 in one range.`,
      params: { size: Number(size) },
    };
  return { ok: true, range: { from: a.value, to: b.value, size: Number(size) } };
}

/** The i-th ICCID of a range (0-based), check digit included. */
export function iccidAt(range: Pick<IccidRange, "from">, i: number): Iccid {
  const width = range.from.length - 1;
  const p = (payload(range.from) + BigInt(i)).toString().padStart(width, "0");
  return (p + luhnCheckDigit(p)) as Iccid;
}

/** Whether an ICCID falls in a range (same length, between the ends). */
export const inRange = (r: Pick<IccidRange, "from" | "to">, iccid: string) =>
  iccid.length === r.from.length && iccid >= r.from && iccid <= r.to;

/**
 * Pairs of ranges that share ICCIDs, as indexes into `ranges`, each pair once (lower index first).
 * Sorted sweep: O(n log n) plus the overlaps found.
 */
export function overlappingRanges(
  ranges: readonly Pick<IccidRange, "from" | "to">[],
): [number, number][] {
  const order = ranges
    .map((r, i) => ({ r, i }))
    .sort((x, y) =>
      x.r.from.length !== y.r.from.length
        ? x.r.from.length - y.r.from.length
        : x.r.from < y.r.from
          ? -1
          : x.r.from > y.r.from
            ? 1
            : 0,
    );
  const pairs: [number, number][] = [];
  const open: { r: Pick<IccidRange, "from" | "to">; i: number }[] = [];
  for (const cur of order) {
    for (let k = open.length - 1; k >= 0; k--) {
      const o = open[k]!;
      if (o.r.from.length !== cur.r.from.length || o.r.to < cur.r.from) open.splice(k, 1);
    }
    for (const o of open) pairs.push(o.i < cur.i ? [o.i, cur.i] : [cur.i, o.i]);
    open.push(cur);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * A lookup of the range an ICCID falls in, by binary search over the ranges sorted by their first
 * ICCID (for a list of a million ICCIDs against a thousand ranges). With overlapping ranges (an error
 * of their own) it may name one of several.
 */
export function rangeIndex<R extends Pick<IccidRange, "from" | "to">>(ranges: readonly R[]) {
  const sorted = [...ranges].sort((a, b) =>
    a.from.length !== b.from.length ? a.from.length - b.from.length : a.from < b.from ? -1 : 1,
  );
  const before = (a: string, b: string) => a.length < b.length || (a.length === b.length && a <= b);
  return (iccid: string): R | undefined => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (before(sorted[mid]!.from, iccid)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const r = found >= 0 ? sorted[found] : undefined;
    return r && inRange(r, iccid) ? r : undefined;
  };
}
