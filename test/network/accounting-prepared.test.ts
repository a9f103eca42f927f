import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/database.js";
import type { Imsi } from "../../src/lib/identifiers.js";
import { simLookupRepo } from "../../src/modules/sims/sim-lookup.shared.repo.js";
import { createTestDatabase, TEST_ENGINE } from "../support/engine.js";

/**
 * The statements of the accounting group commit run for every batch with the same text. On
 * PostgreSQL each is parsed once per connection and planned for its values at each execution: a
 * plan made once for any values (a generic plan) doubled PostgreSQL's CPU per request, and parsing
 * the long statements again for every batch cost a fifth of it (docs/benchmarks.md).
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
    await expect(simLookupRepo.byImsis(database.db, IMSIS)).resolves.toEqual([]);
    await expect(simLookupRepo.byImsis(database.db, IMSIS.slice(0, 1))).resolves.toEqual([]);
  });

  it.skipIf(TEST_ENGINE !== "postgres")(
    "are parsed once per connection and planned for their values each time (PostgreSQL)",
    async () => {
      await database.db.connection().execute(async (conn) => {
        const prepared = async () =>
          (
            await sql<{ generic_plans: number; custom_plans: number }>`
              SELECT generic_plans, custom_plans FROM pg_prepared_statements`.execute(conn)
          ).rows;
        await simLookupRepo.byImsis(conn, IMSIS);
        const [before] = await prepared();
        // Batches of other sizes: the same text, so the same statement on the connection.
        for (const n of [1, 2, 3]) await simLookupRepo.byImsis(conn, IMSIS.slice(0, n));
        // An unmarked statement stays unnamed.
        await sql`SELECT 1`.execute(conn);
        expect(await prepared()).toEqual([
          { generic_plans: 0, custom_plans: before!.custom_plans + 3 },
        ]);
      });
    },
  );
});
