import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type Driver,
  Kysely,
  PGliteDialect,
  PostgresAdapter,
  PostgresDialect,
  type Transaction,
} from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { DB } from "./schema.js";
import { migrationProvider } from "./migrations/index.js";
import { exclusive } from "./exclusive-driver.js";
import { prepareMarkedStatements } from "./pglite-prepared.js";
import { makePrivateDir } from "../lib/private-dir.js";

/**
 * The only file that knows which engine runs underneath. Everything else sees `Kysely<DB>`.
 * PGlite: one embedded PostgreSQL in-process (a data directory, or memory for tests).
 * PostgreSQL: a pool through `pg`. Both return int8 as a JS number and timestamptz as Date.
 */
export type Engine = "pglite" | "postgres";
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything a repository can run queries on: the root handle or a transaction. */
export type Executor = Kysely<DB>;

/**
 * The adapter of a database reached through `pg` (a PostgreSQL server): it marks the handles, and
 * their transactions, on which `copyInto` may run `COPY … FROM STDIN`.
 */
export class PostgresServerAdapter extends PostgresAdapter {}

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

const INT8 = 20;
const NUMERIC = 1700;
/** `date` columns stay 'YYYY-MM-DD' strings: a calendar day has no time zone to be shifted by. */
const DATE = 1082;
const BYTEA = 17;

/**
 * PGlite's own bytea codec goes byte by byte in JavaScript (`Array.from(bytes).map(toString(16))`
 * one way, `parseInt` per byte pair the other): a 14 MB mail held the event loop for 14 s on insert
 * and 1.5 s on read. Node's hex codec does the same in native code, about a hundred times faster.
 */
const byteaToHex = (v: unknown) => {
  if (!(v instanceof Uint8Array)) throw new Error("bytea parameter must be a Buffer or Uint8Array");
  return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")}`;
};
const hexToBytea = (v: string) => Buffer.from(v.slice(2), "hex");

/**
 * Session settings of every connection to PostgreSQL. Otter's statements are short and indexed:
 * JIT compilation only adds milliseconds to them (a batch of accounting costs far more to compile
 * than to run once its estimate passes `jit_above_cost`).
 */
const PG_SESSION_OPTIONS = "-c jit=off";

/**
 * How every transaction begins on PostgreSQL, in one round trip. The statements marked `PREPARED`
 * are parsed once per connection. In a transaction (the group commit's batches) they are still
 * planned for their values at each execution: a generic plan of the accounting batch, blind to the
 * sizes of its arrays, doubled PostgreSQL's CPU per request (docs/benchmarks.md). Outside one (the
 * SIM lookup by ICCID: one row by a unique key, the same plan for any value) PostgreSQL keeps a
 * generic plan after five executions, and the lookup is no longer planned at every request
 * (0.2–0.3 ms of its 0.3 ms in the database). Unnamed statements are planned for their values
 * either way.
 */
const CUSTOM_PLANS = "set local plan_cache_mode = force_custom_plan";
const BEGIN_WITH_CUSTOM_PLANS = CompiledQuery.raw(`begin; ${CUSTOM_PLANS}`);

/**
 * PostgreSQL's driver, with transactions that plan every statement for its values. Only
 * `beginTransaction` is replaced, on the driver Kysely made; every other method stays Kysely's.
 */
function customPlansInTransactions(driver: Driver): Driver {
  const begin = driver.beginTransaction.bind(driver);
  driver.beginTransaction = async (connection, settings) => {
    if (settings.isolationLevel || settings.accessMode) {
      await begin(connection, settings);
      await connection.executeQuery(CompiledQuery.raw(CUSTOM_PLANS));
    } else await connection.executeQuery(BEGIN_WITH_CUSTOM_PLANS);
  };
  return driver;
}

/**
 * The mark of a statement that runs so often, with the same text, that parsing it once per
 * connection pays (the group commit of RADIUS accounting, the SIM lookup by ICCID): it becomes a
 * named statement, on PostgreSQL and on PGlite (pglite-prepared.ts; outside a transaction only a
 * marked read). Only statements whose text never depends on their input may carry it, since each
 * text is kept by every connection for its lifetime.
 */
export const PREPARED = "/* prepared */";

/** The name of a marked statement on a connection: one per text, so no two texts can collide. */
const preparedNames = new Map<string, string>();
function preparedName(text: string): string | undefined {
  if (!text.slice(0, 32).includes(PREPARED)) return undefined;
  let name = preparedNames.get(text);
  if (!name) {
    name = `otter_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (preparedNames.size < 1000) preparedNames.set(text, name);
  }
  return name;
}

type PgCallback = (err: Error | null, result?: unknown) => void;

/**
 * How this connection's `query` is called by Kysely and the pool:
 * - the statements marked `PREPARED` go as named statements;
 * - a query without a callback is answered through a callback and a promise of Otter's, not through
 *   the promise `pg` makes. With `pg`'s (8.x), each query's objects (its row description, parsers,
 *   result) outlive the young generation: every scavenge of the server's heap promoted about 2 MB
 *   and took 5–12 ms, one every few hundred lookups, the tail of the SIM lookup. Given a callback
 *   at the call, `pg` leaves them to die young (scavenges of 1–1.5 ms, docs/benchmarks.md). Found
 *   by measurement, not from `pg`'s code. Errors keep a stack back to the caller, which Kysely
 *   adds; test/db/pg-query.test.ts holds answers and errors alike on both engines.
 */
function adaptQuery(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, cb?: unknown) => {
    const name = typeof config === "string" ? preparedName(config) : undefined;
    const [c, v] =
      name && Array.isArray(values) ? [{ name, text: config, values }] : [config, values];
    const submittable = typeof (config as { submit?: unknown } | null)?.submit === "function";
    if (cb !== undefined || typeof v === "function" || submittable) return query(c, v, cb);
    return new Promise((resolve, reject) =>
      query(c, v, ((err, result) => (err ? reject(err) : resolve(result))) satisfies PgCallback),
    );
  };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: PG_SESSION_OPTIONS,
    });
    pool.on("error", () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    // A connection the server ends (a failover, a restart, pg_terminate_backend) while a
    // transaction holds it between two statements reports the error on its client, which throws it
    // when nothing listens: it would take the whole process down. The transaction's next statement
    // fails instead, and the pool drops the client when it is released (docs/storage.md).
    pool.on("connect", (client) => {
      client.on("error", () => {});
      adaptQuery(client);
    });
    const dialect = new PostgresDialect({ pool });
    const db = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresServerAdapter(),
        createDriver: () => customPlansInTransactions(dialect.createDriver()),
        createIntrospector: (k) => dialect.createIntrospector(k),
        createQueryCompiler: () => dialect.createQueryCompiler(),
      },
    });
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  const dir = opts.dataDir ?? "memory://";
  const onDisk = !dir.startsWith("memory://");
  // The data directory holds every tenant's data and the secret key: owner only (docs/storage.md).
  // The walk that repairs what is inside runs once PGlite has opened it (PGlite rewrites modes then).
  if (onDisk) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pglite = await PGlite.create(dir, {
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
      [BYTEA]: hexToBytea,
    },
    serializers: { [BYTEA]: byteaToHex },
  });
  // A new cluster arrives 0666 from PGlite, and each start rewrites a few files 0644.
  if (onDisk) makePrivateDir(dir);
  prepareMarkedStatements(pglite, { nameOf: preparedName, customPlans: CUSTOM_PLANS });
  const db = new Kysely<DB>({ dialect: exclusive(new PGliteDialect({ pglite })) });
  return {
    db,
    engine: "pglite",
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      if (onDisk) makePrivateDir(dir);
    },
  };
}

pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: "otter_migrations",
    migrationLockTableName: "otter_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}

/**
 * Whether `err` says the database connection went away (a failover, a restart, a network cut):
 * SQLSTATE class 08, the server shutting the session down (57P01–57P03), or the socket failing.
 * What was running rolled back; the same work may be tried again once the database answers.
 */
export function isConnectionLost(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string") {
    if (code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code)) return true;
    if (["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"].includes(code)) return true;
  }
  return (
    err instanceof Error &&
    /Connection terminated|not queryable|Client was closed|terminating connection/.test(err.message)
  );
}

/**
 * Runs `fn` in a transaction, retrying on serialization failures and deadlocks (SQLSTATE 40001,
 * 40P01), which distributed PostgreSQL engines raise under contention.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code === "40001" || code === "40P01") && attempt < 5) {
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * Math.random()));
        continue;
      }
      throw err;
    }
  }
}
