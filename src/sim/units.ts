/**
 * Durations and byte sizes as a scenario writes them ("48h", "1h30m", "1.5KB"). Pure; the zod
 * schema in scenario.ts turns a failure into a message naming the field.
 */

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const DURATION_RE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Milliseconds of "48h", "30m", "1h30m", "2d", "15s", "250ms"; a bare number is seconds. Null
 * when the text is not a duration.
 */
export function parseDuration(input: string | number): number | null {
  if (typeof input === "number")
    return Number.isFinite(input) && input >= 0 ? Math.round(input * 1000) : null;
  const s = input.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (!DURATION_RE.test(s)) return null;
  let ms = 0;
  for (const m of s.matchAll(DURATION_PART)) ms += Number(m[1]) * DURATION_UNITS[m[2]!]!;
  return Math.round(ms);
}

/** "1h30m" for 5,400,000 ms: the shortest exact form, for summaries. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [unit, size] of [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
    ["ms", 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("");
}

const BYTE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
};

/** Bytes of 1500, "1500", "1.5KB", "2 MB", "3GB" (binary multiples, as Otter prints them). */
export function parseBytes(input: string | number): number | null {
  if (typeof input === "number") return Number.isSafeInteger(input) && input >= 0 ? input : null;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?b)?$/i.exec(input.trim());
  if (!m) return null;
  const n = Math.round(Number(m[1]) * BYTE_UNITS[(m[2] ?? "b").toLowerCase()]!);
  return Number.isSafeInteger(n) ? n : null;
}
