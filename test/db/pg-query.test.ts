import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyInto, canCopy } from "../../src/db/copy.js";
import type { Database } from "../../src/db/database.js";
import { createTestDatabase } from "../support/engine.js";

/**
 * Statements answer through the connection's adapted `query` on PostgreSQL (src/db/database.ts:
 * named statements, and a callback instead of `pg`'s promise): rows, counts, errors with their
 * codes and a stack back to the caller, COPY, and a connection that goes on after an error, on
 * both engines alike.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await sql`CREATE TABLE pg_query_probe (id int PRIMARY KEY, name text NOT NULL)`.execute(
    database.db,
  );
});
afterAll(() => database.close());

describe("a statement on the database", () => {
  it("answers its rows and the number of rows it changed", async () => {
    const inserted = await sql`
      INSERT INTO pg_query_probe VALUES (1, 'giraffe'), (2, 'sea otter')`.execute(database.db);
    expect(inserted.numAffectedRows).toBe(2n);
    const { rows } = await sql<{ id: number; name: string }>`
      SELECT id, name FROM pg_query_probe WHERE id = ANY(${[1, 2]}::int[]) ORDER BY id`.execute(
      database.db,
    );
    expect(rows).toEqual([
      { id: 1, name: "giraffe" },
      { id: 2, name: "sea otter" },
    ]);
  });

  it("fails with the database's code and a stack that leads back to its caller", async () => {
    const error = await sql`INSERT INTO pg_query_probe VALUES (1, 'again')`
      .execute(database.db)
      .then(
        () => null,
        (e: unknown) => e as Error & { code?: string },
      );
    expect(error).toBeInstanceOf(Error);
    expect(error!.code).toBe("23505");
    expect(error!.stack).toContain("pg-query.test.ts");
    // The connection goes on: the next statement, in a transaction, sees the table unchanged.
    const count = await database.db.transaction().execute(async (tx) => {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_query_probe`.execute(tx);
      return rows[0]!.n;
    });
    expect(count).toBe(2);
  });

  it("rolls a failed transaction back, with its error", async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO pg_query_probe VALUES (3, 'lynx')`.execute(tx);
        await sql`INSERT INTO pg_query_probe VALUES (3, 'lynx again')`.execute(tx);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const { rows } = await sql<{ id: number }>`SELECT id FROM pg_query_probe ORDER BY id`.execute(
      database.db,
    );
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it("streams rows with COPY in a transaction (PostgreSQL)", async () => {
    if (!canCopy(database.db)) return;
    await database.db.transaction().execute(async (tx) => {
      await copyInto(
        tx,
        "pg_query_probe",
        ["id", "name"],
        [
          [10, "wolf"],
          [11, "tab\there"],
        ],
      );
      const { rows } = await sql<{ name: string }>`
        SELECT name FROM pg_query_probe WHERE id >= 10 ORDER BY id`.execute(tx);
      expect(rows.map((r) => r.name)).toEqual(["wolf", "tab\there"]);
    });
  });
});
