import type { Clock } from "../../lib/clock.js";

/** At most one `last_used_at` write per key per minute: a busy integration must not write on every request. */
export const KEY_USE_WRITE_INTERVAL_MS = 60_000;
/** Past this many remembered keys, entries older than the interval are dropped (they would write anyway). */
const PRUNE_ABOVE = 10_000;

export interface KeyUseRecorder {
  /** Notes that a key authenticated a request; writes in the background when the key's minute is up. */
  note(keyId: string): void;
  /** Resolves when every write started so far has finished (for a clean shutdown and for tests). */
  settled(): Promise<void>;
}

/**
 * Keeps `lastUsedAt` of API keys without slowing requests down: the write is not awaited by the
 * request, and is throttled per key in this process's memory on the injected clock. Several nodes
 * each write at most once a minute per key; the write never moves the time backwards.
 */
export function createKeyUseRecorder(deps: {
  clock: Clock;
  write: (keyId: string, at: Date) => Promise<void>;
  onError: (err: unknown, keyId: string) => void;
}): KeyUseRecorder {
  const lastWrite = new Map<string, number>();
  const pending = new Set<Promise<void>>();

  function prune(now: number) {
    for (const [id, at] of lastWrite)
      if (Math.abs(now - at) >= KEY_USE_WRITE_INTERVAL_MS) lastWrite.delete(id);
  }

  return {
    note(keyId) {
      const now = deps.clock.now();
      const previous = lastWrite.get(keyId);
      if (previous !== undefined && Math.abs(now.getTime() - previous) < KEY_USE_WRITE_INTERVAL_MS)
        return;
      if (lastWrite.size >= PRUNE_ABOVE) prune(now.getTime());
      lastWrite.set(keyId, now.getTime());
      const write = deps
        .write(keyId, now)
        .catch((err: unknown) => deps.onError(err, keyId))
        .finally(() => pending.delete(write));
      pending.add(write);
    },
    async settled() {
      await Promise.all([...pending]);
    },
  };
}
