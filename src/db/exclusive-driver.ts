import type { DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from "kysely";

/**
 * PGlite is one connection. Kysely's PGlite driver hands that connection to every caller at once:
 * while a transaction is open, a concurrent query from another request runs *inside* it, and the
 * transaction's owner starves everyone else (measured: an API read waited 6 s behind an import).
 * This wrapper makes the connection exclusive and first-come-first-served: a query or a whole
 * transaction holds it, then the next waiter gets it. Code that opens a transaction and then
 * queries through the root handle now waits forever instead of silently mixing transactions —
 * the house rule (build repositories on the transaction) keeps that from happening.
 *
 * PGlite also answers in microtasks, so a busy job never lets the event loop read new sockets; the
 * driver therefore yields to the event loop once every few milliseconds of continuous use.
 */
const MAX_SLICE_MS = 10;
class ExclusiveDriver implements Driver {
  readonly #inner: Driver;
  #held = false;
  readonly #waiters: (() => void)[] = [];

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  #sliceStart = performance.now();

  async acquireConnection(): Promise<DatabaseConnection> {
    if (performance.now() - this.#sliceStart > MAX_SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.#sliceStart = performance.now();
    }
    if (this.#held) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#held = true;
    try {
      return await this.#inner.acquireConnection();
    } catch (err) {
      this.#release();
      throw err;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection);
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#held = false;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }
  savepoint(...args: Parameters<NonNullable<Driver["savepoint"]>>): Promise<void> {
    return this.#inner.savepoint!(...args);
  }
  rollbackToSavepoint(
    ...args: Parameters<NonNullable<Driver["rollbackToSavepoint"]>>
  ): Promise<void> {
    return this.#inner.rollbackToSavepoint!(...args);
  }
  releaseSavepoint(...args: Parameters<NonNullable<Driver["releaseSavepoint"]>>): Promise<void> {
    return this.#inner.releaseSavepoint!(...args);
  }
  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

export function exclusive(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new ExclusiveDriver(dialect.createDriver()),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely types the introspector over any schema
    createIntrospector: (db: Kysely<any>) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
