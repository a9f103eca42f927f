/** `<input type="datetime-local">` values read and written in the user's time zone, not the browser's. */

const parts = (d: Date, timeZone: string) => {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(d))
    if (p.type !== "literal") out[p.type] = Number(p.value);
  return out as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
};

/** Milliseconds the zone is ahead of UTC at that instant. */
const offsetAt = (d: Date, timeZone: string) => {
  const p = parts(d, timeZone);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
    (d.getTime() - d.getMilliseconds())
  );
};

/** "2026-03-01T10:00" in `timeZone` → the instant as ISO (UTC). */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  let guess = asUtc - offsetAt(new Date(asUtc), timeZone);
  guess = asUtc - offsetAt(new Date(guess), timeZone);
  return new Date(guess).toISOString();
}

/** An instant → "YYYY-MM-DDTHH:mm" as a wall clock in `timeZone` shows it. */
export function isoToZonedInput(iso: string | Date, timeZone: string): string {
  const p = parts(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
