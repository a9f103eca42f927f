import { readFileSync } from "node:fs";
import { InvalidArgumentError } from "commander";
import { CliError } from "./client.js";

/**
 * Parsers of flag values that carry structure (lists, sizes, `key=value` specs). They only turn
 * what was typed into the API's JSON; whether a value is acceptable (a country code, an APN, a
 * price) is Otter's to say, so the CLI answers bad values with the API's own codes.
 */

/** `KE,TZ, UG` → ["KE", "TZ", "UG"]; an empty string is an empty list. */
export function list(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** For repeatable flags: each occurrence adds its value. */
export function collect<T>(parse: (raw: string) => T) {
  return (raw: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(raw)];
}

/**
 * A number as typed; anything else is passed on as typed, so that Otter's answer names the field
 * (`subscription.monthlyFeePerSim: expected number`) as it would for any API client.
 */
export function number(raw: string): number | string {
  const n = Number(raw.trim());
  return raw.trim() !== "" && Number.isFinite(n) ? n : raw;
}

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};

/** `10MB`, `1.5 GB`, `30720` (bytes) → bytes; units are powers of 1024, as Otter prints them. */
export function bytes(raw: string): number | string {
  const m = raw.trim().match(/^(\d+(?:\.\d+)?)\s*([KMGT]?B)?$/i);
  if (!m) return raw;
  return Math.round(Number(m[1]) * UNITS[(m[2] ?? "B").toUpperCase()]!);
}

/**
 * `first,key=value,key=value` → the first part and the pairs. A comma inside a value is kept when
 * what follows it is not `key=`, so `name=Doe, Jane,email=…` reads as the name "Doe, Jane".
 */
export function spec(
  raw: string,
  keys: readonly string[],
  what: string,
): { head: string; pairs: Record<string, string> } {
  const parts = raw.split(new RegExp(`,(?=\\s*(?:${keys.join("|")})=)`));
  const pairs: Record<string, string> = {};
  let head = "";
  for (const [i, part] of parts.entries()) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? "" : part.slice(0, eq).trim();
    if (!keys.includes(key)) {
      if (i === 0) {
        head = part.trim();
        continue;
      }
      throw new InvalidArgumentError(
        `Unknown ${what} field in '${raw}'; expected ${keys.join(", ")}.`,
      );
    }
    pairs[key] = part.slice(eq + 1).trim();
  }
  return { head, pairs };
}

/** A JSON object from a file (`-` reads standard input): the body of an API request. */
export function readJsonObject(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (err) {
    const code =
      (err as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
    throw new CliError(code, `${path}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError("CLI_BAD_FILE", `${path}: not JSON (${(err as Error).message}).`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new CliError("CLI_BAD_FILE", `${path}: expected a JSON object.`);
  return value as Record<string, unknown>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `over` on top of `base`, object by object (flags given on the command line win over a file). */
export function merge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? merge(out[k], v) : v;
  }
  return out;
}
