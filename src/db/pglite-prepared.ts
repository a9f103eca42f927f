import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Transaction,
} from "@electric-sql/pglite";

const { serialize } = protocol;

/**
 * PGlite's `query`, with the statements marked `PREPARED` (database.ts) parsed once under a name and
 * then only bound and executed. PGlite's own `query` parses every statement unnamed, so PostgreSQL
 * analyses and plans it again at each execution, and it sends parse, describe, bind, describe,
 * execute and sync as six calls into WebAssembly. For the SIM lookup by ICCID that was 0.36 ms at
 * p50 against 0.06 ms named (docs/benchmarks.md). Hand-written over PGlite's protocol calls, because
 * PGlite has no named statements.
 *
 * - **Outside a transaction** (the SIM lookup) a marked `select` is named, and PostgreSQL keeps one
 *   generic plan for it after five executions, as on a server.
 * - **In a transaction** (the RADIUS group commit's batches) every marked statement is named, and
 *   the transaction first sets `plan_cache_mode = force_custom_plan` (once, at its first marked
 *   statement), so they are still planned for their values at each execution, as on PostgreSQL.
 *
 * Parameters are turned into text by PGlite's own serializers for the types PostgreSQL describes
 * for the statement, exactly as PGlite's `query` does. Everything unmarked, and any call with a
 * blob, goes to PGlite's own `query` as before (test/network/accounting-prepared.test.ts).
 */
export function prepareMarkedStatements(
  pglite: PGlite,
  opts: {
    /** A marked statement's name (database.ts), or undefined for any other statement. */
    nameOf: (text: string) => string | undefined;
    /** The setting a transaction runs before its first marked statement: custom plans. */
    customPlans: string;
  },
) {
  const { nameOf } = opts;
  /** The statements parsed on this instance, by name, with their parameters' type OIDs. */
  const parsed = new Map<string, number[]>();
  /** Runs a named statement; the caller holds PGlite's query lock. */
  const run = async (name: string, text: string, params: unknown[], options?: QueryOptions) => {
    let types = parsed.get(name);
    if (!types) {
      const { messages } = await pglite.execProtocol(
        Buffer.concat([
          serialize.parse({ name, text }),
          serialize.describe({ type: "S", name }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      );
      const described = messages.find((m) => m.name === "parameterDescription") as
        { dataTypeIDs: number[] } | undefined;
      types = described?.dataTypeIDs ?? [];
      parsed.set(name, types);
    }
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = pglite.serializers[types[i]!];
      return serializer ? serializer(v) : String(v);
    });
    const { messages } = await pglite.execProtocol(
      Buffer.concat([
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: "P" }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    return parse.parseResults(messages, pglite.parsers, options)[0]!;
  };

  const query = pglite.query.bind(pglite);
  pglite.query = (async (text: string, params?: unknown[], options?: QueryOptions) => {
    const name = nameOf(text);
    if (!name || options?.blob || !/^select\b/i.test(text)) return query(text, params, options);
    await pglite._checkReady();
    // The two locks PGlite's own `query` takes: after any open transaction, one statement at a time.
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(() => run(name, text, params ?? [], options)),
    );
  }) as typeof pglite.query;

  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      let planningSet = false;
      tx.query = (async (text: string, params?: unknown[], options?: QueryOptions) => {
        const name = nameOf(text);
        if (!name || options?.blob) return txQuery(text, params, options);
        if (tx.closed) throw new Error("Transaction is closed");
        if (!planningSet) {
          await tx.exec(opts.customPlans);
          planningSet = true;
        }
        // PGlite's transaction already holds the instance; one statement at a time, as its `query`.
        return pglite._runExclusiveQuery(() => run(name, text, params ?? [], options));
      }) as typeof tx.query;
      return callback(tx);
    })) as typeof pglite.transaction;
}
