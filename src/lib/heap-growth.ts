import v8 from "node:v8";

/**
 * Bounds V8's heap growth while bulk work runs (docs/storage.md, "Memory"). After each full
 * collection V8 sets the next one's threshold at up to four times what stayed alive: right for a
 * node whose live set is large (a RADIUS node's caches), wasteful for an import, which keeps about
 * 60 MB alive while it turns a file into hundreds of MB of garbage — its peak RSS was 440–470 MB.
 * While at least one holder runs, the threshold is `percent` past the live set; when the last one
 * ends, V8's own heuristic is back (`--heap-growing-percent=0`). V8 reads the flag at each
 * collection, so the change needs no restart. `percent` 0 leaves V8's heuristic throughout.
 */
export function createHeapGrowth(percent: number) {
  let holders = 0;
  return {
    async bounded<T>(work: () => Promise<T>): Promise<T> {
      if (percent <= 0) return work();
      if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
      try {
        return await work();
      } finally {
        if (--holders === 0) v8.setFlagsFromString("--heap-growing-percent=0");
      }
    },
    /** How many holders run now (for tests). */
    holders: () => holders,
  };
}

export type HeapGrowth = ReturnType<typeof createHeapGrowth>;
