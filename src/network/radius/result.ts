/** What every decoder at the RADIUS edge returns instead of throwing. */
export type Result<T, R extends string = string> =
  { ok: true; value: T } | { ok: false; reason: R; detail: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <R extends string>(
  reason: R,
  detail: string,
): { ok: false; reason: R; detail: string } => ({
  ok: false,
  reason,
  detail,
});
