import type { Clock } from "../../lib/clock.js";

/**
 * How long a node answers a read from the principal it found for an API key, without asking the
 * database again. A key revoked (or a user changed) through this node is forgotten at once; through
 * another node or in SQL it stops working for reads within this time and for changes at once
 * (docs/decisions.md, "API-key checks kept for a second").
 */
export const KEY_PRINCIPAL_TTL_MS = 1_000;
/** Past this many remembered keys the oldest is dropped (a key is about 300 bytes here). */
const KEPT = 10_000;

/**
 * The principals of API keys seen in the last second, by the key's hash (never the key itself).
 * A read started before `forgetAll()` never stores its answer after it: what a change made
 * through this node undoes cannot come back from a read that raced it.
 */
export function createKeyPrincipals<T>(deps: { clock: Clock; ttlMs?: number }) {
  const ttl = deps.ttlMs ?? KEY_PRINCIPAL_TTL_MS;
  const kept = new Map<string, { at: number; value: T }>();
  let generation = 0;

  return {
    /** The remembered answer for this key hash, if younger than the time to live. */
    get(hash: string): T | undefined {
      const hit = kept.get(hash);
      if (!hit) return undefined;
      // Both ways: a clock set back must not make an old answer look new.
      if (Math.abs(deps.clock.now().getTime() - hit.at) >= ttl) {
        kept.delete(hash);
        return undefined;
      }
      return hit.value;
    },
    /** Reads the answer with `read` and remembers it, unless something was forgotten meanwhile. */
    async load(hash: string, read: () => Promise<T | null>): Promise<T | null> {
      const started = generation;
      const at = deps.clock.now().getTime();
      const value = await read();
      // An unknown or revoked key is never remembered: a new key works on its first request.
      if (value === null || started !== generation) return value;
      if (kept.size >= KEPT) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      kept.delete(hash);
      kept.set(hash, { at, value });
      return value;
    },
    /** Forgets every key: after a change to keys, users or accounts made through this node. */
    forgetAll() {
      generation++;
      kept.clear();
    },
  };
}
