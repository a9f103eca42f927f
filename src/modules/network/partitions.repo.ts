import { sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** The network tables partitioned by time (migration 0018), with the column each is split by. */
export const PARTITIONED = {
  accounting_records: "received_at",
  registration_events: "received_at",
  usage_daily: "day",
  session_usage_daily: "day",
} as const;
export type PartitionedTable = keyof typeof PARTITIONED;

/** The keys tables that keep deduplication exact across partitions, with the column they hold. */
export const DEDUPE_KEYS = {
  accounting_record_keys: "dedupe_key",
  registration_event_keys: "event_id",
} as const;
export type DedupeKeysTable = keyof typeof DEDUPE_KEYS;

/** A bound of a range partition: a `timestamptz` or `date` literal ('2026-12-01 00:00:00+00', '2026-12-01'). */
type Bound = string;

const defaultOf = (table: PartitionedTable) => sql.table(`${table}_default`);
const columnOf = (table: PartitionedTable) => sql.ref(PARTITIONED[table]);

/**
 * Partition maintenance of the network tables (src/modules/network/partitions.ts): DDL over
 * partitions named `<table>_p<YYYYMM>` or `<table>_p<YYYYMMDD>` and `<table>_default`.
 */
/**
 * Storage parameters of a table's partitions (a partitioned table has none of its own): daily usage is
 * rewritten by every Interim-Update, so its pages keep room for the new row version and the update
 * stays HOT (migration 0017).
 */
const storageOf = (table: PartitionedTable) =>
  table === "usage_daily" || table === "session_usage_daily" ? sql`WITH (fillfactor = 75)` : sql``;

export const partitionsRepo = {
  /**
   * Takes the maintenance lock of `name` until the transaction ends: false when another Otter node
   * holds it (that node does the work). Lock waits inside are bounded, so DDL never queues inserts
   * behind a long read for more than a few seconds; a run that times out is retried on the next.
   */
  tryLock: async (tx: Tx, name: string) => {
    const { rows } = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${`otter.partitions.${name}`})) AS locked`.execute(
      tx,
    );
    if (rows[0]?.locked !== true) return false;
    await sql`SET LOCAL lock_timeout = '5s'`.execute(tx);
    return true;
  },

  /** Names of the table's partitions (its DEFAULT partition included), in name order. */
  partitionNames: async (db: Executor, table: PartitionedTable) => {
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = ${sql.lit(table)}::regclass
      ORDER BY c.relname`.execute(db);
    return rows.map((r) => r.name);
  },

  /** Adds the DEFAULT partition, which takes rows outside every range. */
  createDefault: (tx: Tx, table: PartitionedTable) =>
    sql`CREATE TABLE IF NOT EXISTS ${defaultOf(table)} PARTITION OF ${sql.table(table)} DEFAULT ${storageOf(table)}`.execute(
      tx,
    ),

  /**
   * Adds partition `name` for [from, to). Rows the DEFAULT partition holds in that range move into
   * it first (PostgreSQL refuses the partition otherwise); then it is attached.
   */
  createRange: async (tx: Tx, table: PartitionedTable, name: string, from: Bound, to: Bound) => {
    const part = sql.table(name);
    // The table is locked against readers and writers until the commit. Without it, a row written
    // into the DEFAULT partition between the move and the attach fails the attach, and a statement
    // reading while the partition attaches can miss the rows that just moved (a billing run rated
    // a cycle without its usage). Partitions are made ahead of time, so the lock is rare and short;
    // it waits at most 5 s for a long reader, else this round gives up and the next one retries.
    await sql`SET LOCAL lock_timeout = '5s'`.execute(tx);
    await sql`LOCK TABLE ${sql.table(table)} IN ACCESS EXCLUSIVE MODE`.execute(tx);
    await sql`CREATE TABLE ${part} (LIKE ${sql.table(table)} INCLUDING DEFAULTS) ${storageOf(table)}`.execute(
      tx,
    );
    await sql`
      WITH moved AS (
        DELETE FROM ${defaultOf(table)}
        WHERE ${columnOf(table)} >= ${sql.lit(from)} AND ${columnOf(table)} < ${sql.lit(to)}
        RETURNING *
      )
      INSERT INTO ${part} SELECT * FROM moved`.execute(tx);
    await sql`ALTER TABLE ${sql.table(table)} ATTACH PARTITION ${part}
      FOR VALUES FROM (${sql.lit(from)}) TO (${sql.lit(to)})`.execute(tx);
  },

  /** Drops a whole partition: its rows go without a row-by-row delete. */
  dropPartition: (tx: Tx, name: string) => sql`DROP TABLE ${sql.table(name)}`.execute(tx),

  /**
   * Deletes the DEFAULT partition's rows before `cutoff` (rows that fell outside every range: few,
   * unless partitions were missing for a while). Returns how many went.
   */
  expireDefault: async (tx: Tx, table: PartitionedTable, cutoff: Bound) => {
    const r =
      await sql`DELETE FROM ${defaultOf(table)} WHERE ${columnOf(table)} < ${sql.lit(cutoff)}`.execute(
        tx,
      );
    return Number(r.numAffectedRows ?? 0);
  },

  /** Whether the DEFAULT partition holds any row (an operator should hear of it). */
  defaultHasRows: async (db: Executor, table: PartitionedTable) => {
    const { rows } = await sql<{ any: boolean }>`
      SELECT EXISTS (SELECT 1 FROM ${defaultOf(table)}) AS any`.execute(db);
    return rows[0]?.any === true;
  },

  /** Deletes up to `limit` dedupe keys stored before `before`; returns how many went. */
  pruneKeys: async (tx: Tx, table: DedupeKeysTable, before: Date, limit: number) => {
    const key = sql.ref(DEDUPE_KEYS[table]);
    const r = await sql`
      DELETE FROM ${sql.table(table)} WHERE ${key} IN (
        SELECT ${key} FROM ${sql.table(table)} WHERE received_at < ${before} LIMIT ${limit}
      )`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  },
};

const AT = new Date("2026-12-01T00:00:00Z");

export const partitionsRepoSql: SqlExamples<typeof partitionsRepo> = {
  tryLock: [["accounting_records"]],
  partitionNames: [["accounting_records"]],
  createDefault: [["accounting_records"]],
  createRange: [
    [
      "accounting_records",
      "accounting_records_p20261201",
      "2026-12-01 00:00:00+00",
      "2026-12-02 00:00:00+00",
    ],
    ["usage_daily", "usage_daily_p202612", "2026-12-01", "2027-01-01"],
  ],
  dropPartition: [["accounting_records_p20260901"]],
  expireDefault: [["accounting_records", "2026-09-02 00:00:00+00"]],
  defaultHasRows: [["usage_daily"]],
  pruneKeys: [
    ["accounting_record_keys", AT, 10000],
    ["registration_event_keys", AT, 10000],
  ],
};
