import { describe, expectTypeOf, it } from "vitest";
import type { Db, Executor, Tx } from "../../src/db/database.js";

/**
 * A repository function that must run inside a transaction takes `Tx`; the root handle does not fit
 * there (Kysely's `Transaction` says `isTransaction: true`, the root handle only `boolean`). These
 * assertions are checked by `npx tsc -p tsconfig.json --noEmit`, which covers test/.
 */
declare function lockForUpdate(tx: Tx): Promise<void>;

// Never called: it only has to compile.
export function typeChecks(db: Db, tx: Tx) {
  void lockForUpdate(tx);
  // @ts-expect-error the root handle is not a transaction
  void lockForUpdate(db);
}

describe("transaction type", () => {
  it("keeps the root handle out of functions that take a transaction", () => {
    expectTypeOf<Db>().not.toExtend<Tx>();
    expectTypeOf<Tx>().toExtend<Executor>();
    expectTypeOf<Db>().toExtend<Executor>();
  });
});
