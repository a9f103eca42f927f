/** Where a plan's page is: /catalog/communication-plans/<id> or /catalog/rate-plans/<id>. */
export const catalogPath = (kind: "communication" | "rate", ref: string) =>
  `/catalog/${kind === "rate" ? "rate-plans" : "communication-plans"}/${encodeURIComponent(ref)}`;

const KIB = 1024;

/**
 * Plan sizes as the CLI writes them (`--included-data 10MB` is 10 × 1024 × 1024 bytes), so the
 * console shows "10 MB" for what the operator typed as 10MB.
 */
export function planBytes(n: number | null | undefined, locale: string): string {
  if (n == null) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= KIB && i < units.length - 1) {
    v /= KIB;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v)} ${units[i]}`;
}

/** A price in the plan's currency, with the precision prices have (up to 4 decimals). */
export function money(n: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: 4,
  }).format(n);
}
