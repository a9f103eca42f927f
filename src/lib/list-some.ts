/** Errors name at most this many unknown fields: a body with thousands of them must not echo them all. */
export const MAX_LISTED = 20;

/**
 * `"a", "b", "c"` — or the first MAX_LISTED and how many more. Each name is cut at 100 characters,
 * so a long field name cannot swell the answer either.
 *
 * @example listSome(["colour", "size"]) // '"colour", "size"'
 */
export function listSome(
  names: readonly string[],
  format: (name: string) => string = (n) => JSON.stringify(n),
): string {
  const shown = names
    .slice(0, MAX_LISTED)
    .map((n) => format(n.length > 100 ? `${n.slice(0, 100)}…` : n));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}
