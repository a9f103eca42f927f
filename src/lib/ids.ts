import { v7 } from "uuid";

/**
 * Entity keys are application-generated UUIDv7: time-ordered (cheap to index, usable as a cursor)
 * and free of any global sequence, so Otter can later run on a sharded PostgreSQL.
 */
export type IdGenerator = () => string;
export const newId: IdGenerator = () => v7();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);
