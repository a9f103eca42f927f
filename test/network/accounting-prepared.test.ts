import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Executor } from "../../src/db/database.js";
import { migrate, PREPARED } from "../../src/db/database.js";
import type { Iccid, Imsi } from "../../src/lib/identifiers.js";
import { simLookupRepo } from "../../src/modules/sims/sim-lookup.shared.repo.js";
import { simsRepo } from "../../src/modules/sims/sims.repo.js";
import { createTestDatabase } from "../support/engine.js";

/**
 * The statements of the accounting group commit run for every batch with the same text. On both
 * engines each is parsed once per connection and, in the batch's transaction, planned for its
 * values at each execution: a plan made once for any values (a generic plan) doubled PostgreSQL's
 * CPU per request, and parsing the long statements again for every batch cost a fifth of it
 * (docs/benchmarks.md). The SIM lookup by ICCID, outside a transaction, is planned once: its plan
 * is the same for every ICCID, and planning it was most of its time in the database.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());

const IMSIS = ["001010000000001", "001010000000002", "001010000000003"] as Imsi[];

describe("the group commit's statements", () => {
  it("find the same SIMs whatever the number of IMSIs asked for", async () => {
    await database.db.transaction().execute(async (tx) => {
      await expect(simLookupRepo.byImsis(tx, IMSIS)).resolves.toEqual([]);
      await expect(simLookupRepo.byImsis(tx, IMSIS.slice(0, 1))).resolves.toEqual([]);
    });
  });

  const prepared = async (ex: Executor, like: string) =>
    (
      await sql<{ generic_plans: number; custom_plans: number }>`
        SELECT generic_plans, custom_plans FROM pg_prepared_statements
        WHERE statement LIKE ${like}`.execute(ex)
    ).rows;

  it("are parsed once per connection and planned for their values each time", async () => {
    // Two transactions on one connection, as the group commit's lanes run them.
    await database.db.connection().execute(async (conn) => {
      const like = "%any(%::text[])%";
      await conn.transaction().execute((tx) => simLookupRepo.byImsis(tx, IMSIS));
      const [before] = await prepared(conn, like);
      // More executions than PostgreSQL makes custom plans before it considers a generic one,
      // with batches of other sizes: the same text, so the same statement on the connection.
      await conn.transaction().execute(async (tx) => {
        for (const n of [1, 2, 3, 1, 2, 3, 1]) await simLookupRepo.byImsis(tx, IMSIS.slice(0, n));
        // An unmarked statement stays unnamed.
        await sql`SELECT 1`.execute(tx);
      });
      // A transaction begun with an isolation level plans the same way.
      await conn
        .transaction()
        .setIsolationLevel("repeatable read")
        .execute((tx) => simLookupRepo.byImsis(tx, IMSIS));
      expect(await prepared(conn, like)).toEqual([
        { generic_plans: 0, custom_plans: before!.custom_plans + 8 },
      ]);
      expect(await prepared(conn, "%")).toHaveLength(1);
    });
  });

  it("answer in a transaction as unnamed statements do, errors included", async () => {
    const lookup = (ex: Executor) =>
      sql<{ n: number; at: Date; keys: string[] }>`${sql.raw(PREPARED)}
        SELECT count(*)::int AS n, ${new Date("2026-01-02T03:04:05.678Z")}::timestamptz AS at,
               ${["a", "b,c", 'd"e']}::text[] AS keys
          FROM sims WHERE imsi = ANY(${IMSIS}::text[])`.execute(ex);
    await database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 2; i++)
        expect((await lookup(tx)).rows).toEqual([
          { n: 0, at: new Date("2026-01-02T03:04:05.678Z"), keys: ["a", "b,c", 'd"e'] },
        ]);
    });
    const failing = (ex: Executor) =>
      sql`${sql.raw(PREPARED)} SELECT 1 / ${0}::int AS x`.execute(ex);
    await expect(database.db.transaction().execute(failing)).rejects.toMatchObject({
      code: "22012",
    });
    // The transaction rolled back and the connection is usable: the statement answers again.
    await expect(
      database.db.transaction().execute(async (tx) => (await lookup(tx)).rows[0]!.n),
    ).resolves.toBe(0);
    // A statement first parsed in a transaction that rolls back is still there for the next one.
    const fresh = (ex: Executor) =>
      sql<{ x: number }>`${sql.raw(PREPARED)} SELECT ${41}::int + 1 AS x`.execute(ex);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await fresh(tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await expect(
      database.db.transaction().execute(async (tx) => (await fresh(tx)).rows),
    ).resolves.toEqual([{ x: 42 }]);
  });

  it("leave the SIM lookup by ICCID, outside a transaction, one plan for every ICCID", async () => {
    await database.db.connection().execute(async (conn) => {
      const iccids = Array.from({ length: 8 }, (_, i) => `8944000000000000${i}00` as Iccid);
      for (const iccid of iccids)
        await expect(simsRepo.findForLookup(conn, iccid)).resolves.toBeUndefined();
      const [lookup] = await prepared(conn, "%sim_scheduled_changes%");
      // Planned for their values five times, then once for all.
      expect(lookup!.custom_plans).toBe(5);
      expect(lookup!.generic_plans).toBe(3);
    });
  });
});
