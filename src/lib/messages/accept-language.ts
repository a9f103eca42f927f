import { isLanguage, type Language } from "./messages.js";

/**
 * The language Otter speaks that an `Accept-Language` header prefers (RFC 9110 §12.5.4): the
 * supported primary subtag with the highest weight, the first listed on a tie; null when the header
 * names none of them (or is malformed), so the caller falls back to English.
 */
export function preferredLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  let best: { language: Language; q: number } | null = null;
  for (const part of header.split(",")) {
    const [range, ...attrs] = part.trim().split(";");
    const primary = range?.trim().split("-")[0]?.toLowerCase();
    if (!isLanguage(primary)) continue;
    const qAttr = attrs.map((a) => a.trim()).find((a) => /^q=/i.test(a));
    const q = qAttr ? Number(qAttr.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? null;
}
