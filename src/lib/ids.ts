import { randomBytes } from "node:crypto";
import { v7 } from "uuid";

/**
 * Entity keys are application-generated UUIDv7: time-ordered (cheap to index, usable as a cursor)
 * and free of any global sequence, so Otter can later run on a sharded PostgreSQL.
 */
export type IdGenerator = () => string;

/**
 * UUIDv7 as the `uuid` package lays it out, with two things kept here rather than in `uuid`:
 * - **the random bytes are drawn 64 KiB at a time.** `v7()` without options makes one
 *   `getRandomValues` call per id, about 2 µs; from the pool an id costs 0.3 µs. That call was 2 %
 *   of the RADIUS path's CPU on PGlite (a profile of `npm run bench:radius`), and for an import it
 *   cost more than the rest of a row's checks together. Node's own `randomUUID` pools its bytes
 *   the same way;
 * - **the sequence.** Within one millisecond each id is the previous one plus one, from a random
 *   start, as `v7()` does without options: ids made one after the other sort in the order they
 *   were made. `uuid` keeps that state only for calls without options, and a pool is an option.
 */
export function pooledIdGenerator(): IdGenerator {
  let pool = new Uint8Array(0);
  let at = 0;
  let msecs = -Infinity;
  let seq = 0;
  return () => {
    if (at + 16 > pool.length) {
      pool = randomBytes(64 * 1024);
      at = 0;
    }
    const random = pool.subarray(at, (at += 16));
    const now = Date.now();
    if (now > msecs) {
      msecs = now;
      seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    } else {
      seq = (seq + 1) | 0;
      if (seq === 0) msecs++;
    }
    return v7({ random, msecs, seq });
  };
}

export const newId: IdGenerator = pooledIdGenerator();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);
