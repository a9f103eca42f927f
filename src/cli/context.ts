import { type Command, InvalidArgumentError } from "commander";
import { createClient, type OtterClient } from "./client.js";

/** What every client command needs, from the global options (`--url`, `--api-key`, `--json`). */
export interface CliContext {
  client: OtterClient;
  json: boolean;
}

export function contextOf(cmd: Command): CliContext {
  const o = cmd.optsWithGlobals<{ url: string; apiKey?: string; json?: boolean }>();
  return { client: createClient({ url: o.url, apiKey: o.apiKey }), json: Boolean(o.json) };
}

/** A commander parser for a value from a fixed list, case-insensitive (`activated` → `ACTIVATED`). */
export function oneOf<T extends string>(
  values: readonly T[],
  normalise: (s: string) => string = (s) => s,
) {
  return (raw: string): T => {
    const v = normalise(raw.trim());
    if (!(values as readonly string[]).includes(v))
      throw new InvalidArgumentError(`Expected one of: ${values.join(", ")}.`);
    return v as T;
  };
}

export function positiveInt(max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`Expected a whole number from 1 to ${max}.`);
    return n;
  };
}
