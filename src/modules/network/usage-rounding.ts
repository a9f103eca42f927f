/**
 * Rounding of data usage per session (reference/iot-plans.md: "per session to the KB (common),
 * sometimes per MB"), applied when usage is recorded so that billing only adds daily rows.
 *
 * A session's records each add `billedIncrement(before, after, unit)`: the rounded total after the
 * record less the rounded total before it. The increments telescope, so however a session is split
 * into Interim-Updates across days and zones, its billed bytes add up to `roundUp(total, unit)`.
 */

/** The rounding units of a rate plan (`rounding` in its terms), in bytes. */
export const ROUNDING_UNITS = { perKB: 1024, perMB: 1024 * 1024 } as const;
export type Rounding = keyof typeof ROUNDING_UNITS;

/** The unit a plan's `rounding` stands for; a plan without one (or no plan) rounds per KB. */
export function roundingUnit(rounding: string | null | undefined): number {
  return rounding === "perMB" ? ROUNDING_UNITS.perMB : ROUNDING_UNITS.perKB;
}

/** `bytes` rounded up to a whole number of `unit`s (0 stays 0). */
export function roundUp(bytes: number, unit: number): number {
  const rest = bytes % unit;
  return rest === 0 ? bytes : bytes - rest + unit;
}

/** What a record that moves a session's total from `before` to `after` adds to its billed bytes. */
export function billedIncrement(before: number, after: number, unit: number): number {
  if (after <= before) return 0;
  return roundUp(after, unit) - roundUp(before, unit);
}
