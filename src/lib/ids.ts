import { randomBytes } from "node:crypto";
import { v7 } from "uuid";

/**
 * Entity keys are application-generated UUIDv7: time-ordered (cheap to index, usable as a cursor)
 * and free of any global sequence, so Otter can later run on a sharded PostgreSQL.
 */
export type IdGenerator = () => string;
export const newId: IdGenerator = () => v7();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);

/**
 * An id generator for many ids at once (a file of a million SIMs): the same UUIDv7, but its random
 * bytes are drawn 64 KiB at a time instead of one `getRandomValues` call per id, which cost more
 * than the rest of an import row's checks together.
 */
export function bulkIdGenerator(): IdGenerator {
  let pool = new Uint8Array(0);
  let at = 0;
  const rng = () => {
    if (at + 16 > pool.length) {
      pool = randomBytes(64 * 1024);
      at = 0;
    }
    at += 16;
    return pool.subarray(at - 16, at);
  };
  return () => v7({ rng });
}
