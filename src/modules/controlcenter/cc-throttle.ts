/**
 * The per-key request limit of the Control-Center-compatible API: a fixed one-second window per
 * key, in this node's memory (each Otter node counts its own requests). Pure apart from the clock
 * it is given; the numbers it returns become the RateLimit-* headers.
 */
export interface ThrottleVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (RateLimit-Reset, Retry-After). */
  resetSeconds: number;
}

const WINDOW_MS = 1000;
/** Keys seen in the last windows; older ones are dropped when the map grows past this. */
const MAX_KEYS = 100_000;

export function createThrottle(limitPerSecond: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();

  return function take(key: string): ThrottleVerdict {
    const t = now();
    const start = t - (t % WINDOW_MS);
    let w = windows.get(key);
    if (!w || w.start !== start) {
      if (windows.size >= MAX_KEYS)
        for (const [k, v] of windows) if (v.start !== start) windows.delete(k);
      w = { start, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    const allowed = w.count <= limitPerSecond;
    return {
      allowed,
      limit: limitPerSecond,
      remaining: Math.max(0, limitPerSecond - w.count),
      resetSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - t) / 1000)),
    };
  };
}
