import { type PGlite, parse, protocol, type QueryOptions } from "@electric-sql/pglite";

const { serialize } = protocol;

/**
 * PGlite's `query`, with the reads marked `PREPARED` (database.ts) parsed once under a name and then
 * only bound and executed. PGlite's own `query` parses every statement unnamed, so PostgreSQL plans
 * it again at each execution, and it sends parse, describe, bind, describe, execute and sync as six
 * calls into WebAssembly. For the SIM lookup by ICCID that was 0.36 ms at p50 against 0.06 ms named
 * (docs/benchmarks.md): PostgreSQL keeps one generic plan for it after five executions, as on a
 * server. Hand-written over PGlite's protocol calls, because PGlite has no named statements.
 *
 * Only this top-level `query` is adapted, and only for a marked `select` whose parameters are text,
 * numbers or nulls; everything else goes to PGlite's own `query` as before. Kysely runs a
 * transaction's statements on PGlite's transaction object, not here, so the RADIUS batches stay
 * unnamed and planned for their values, as on PostgreSQL (test/network/accounting-prepared.test.ts).
 */
export function prepareMarkedReads(pglite: PGlite, nameOf: (text: string) => string | undefined) {
  const query = pglite.query.bind(pglite);
  const parsed = new Set<string>();
  const named = async (name: string, text: string, params: unknown[], options?: QueryOptions) => {
    await pglite._checkReady();
    // The two locks PGlite's own `query` takes: after any open transaction, one statement at a time.
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        if (!parsed.has(name)) {
          const parseOnce = Buffer.concat([serialize.parse({ name, text }), serialize.sync()]);
          await pglite.execProtocol(parseOnce, { syncToFs: false });
          parsed.add(name);
        }
        const values = params.map((v) => (v === null ? null : String(v)));
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
      }),
    );
  };
  pglite.query = ((text: string, params?: unknown[], options?: QueryOptions) => {
    const name = nameOf(text);
    return name &&
      /^select\b/i.test(text) &&
      !options?.blob &&
      (params ?? []).every((v) => v === null || typeof v === "string" || typeof v === "number")
      ? named(name, text, params ?? [], options)
      : query(text, params, options);
  }) as typeof pglite.query;
}
