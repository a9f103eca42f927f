import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canCopy, copyInto, copyTextRow, type CopyValue } from "../../src/db/copy.js";
import { inTransaction } from "../../src/db/database.js";
import { TEST_ENGINE } from "../support/engine.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** PostgreSQL's reading of one line of COPY text format (its documented escapes), as a reference. */
function readCopyLine(line: string): (string | null)[] {
  return line.split("\t").map((field) => {
    if (field === "\\N") return null;
    return field.replace(/\\(.)/g, (_, c: string) =>
      c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : c,
    );
  });
}

// Text with the delimiters, the escape and lookalikes of `\N` well represented.
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\\", "\n", "\r", "\t", "N", "\\N", "a", "é", "\u{1F9A6}"),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 20,
});
const value: fc.Arbitrary<string | null> = fc.option(text, { nil: null });

describe("COPY text format", () => {
  it("each row is one line whose fields read back as the values written, NULL apart from any text", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (row) => {
        const out = copyTextRow(row);
        expect(out.endsWith("\n")).toBe(true);
        expect(out.slice(0, -1)).not.toMatch(/[\n\r]/);
        expect(readCopyLine(out.slice(0, -1))).toEqual(row);
      }),
      { numRuns: 2000 },
    );
  });

  it("numbers and booleans are written as PostgreSQL reads them", () => {
    expect(copyTextRow([1, true, false, null, ""])).toBe("1\tt\tf\t\\N\t\n");
  });
});

describe("copyInto", () => {
  let t: TestOtter;
  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
  });
  afterAll(() => t.close());

  it("stores exactly the rows given, in the caller's transaction, on PostgreSQL", async () => {
    const db = t.otter.database.db;
    expect(canCopy(db)).toBe(TEST_ENGINE === "postgres");
    if (!canCopy(db)) return; // PGlite has no COPY FROM STDIN: its callers use INSERT.
    // A table of its own (not TEMP: the pool may run each statement on another connection).
    await sql`CREATE TABLE copy_probe (n int4, a text, b text, flag bool)`.execute(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(value, value, fc.boolean()), { maxLength: 50 }),
        async (rows) => {
          const written: CopyValue[][] = rows.map(([a, b, f], i) => [i, a, b, f]);
          const stored = await inTransaction(db, async (tx) => {
            await sql`DELETE FROM copy_probe`.execute(tx);
            await copyInto(tx, "copy_probe", ["n", "a", "b", "flag"], written);
            return (
              await sql<{ n: number; a: string | null; b: string | null; flag: boolean }>`
            SELECT n, a, b, flag FROM copy_probe ORDER BY n`.execute(tx)
            ).rows;
          });
          expect(stored.map((r) => [r.n, r.a, r.b, r.flag])).toEqual(written);
        },
      ),
      { numRuns: 40 },
    );
    // A row the table refuses rolls the whole transaction back: nothing of it is kept.
    await sql`DELETE FROM copy_probe`.execute(db);
    await expect(
      inTransaction(db, async (tx) => {
        await copyInto(tx, "copy_probe", ["n", "a", "b", "flag"], [[1, "x", null, true]]);
        await copyInto(
          tx,
          "copy_probe",
          ["n", "a", "b", "flag"],
          [["not a number", null, null, false]],
        );
      }),
    ).rejects.toThrow();
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_probe`.execute(db);
    expect(left.rows[0]!.n).toBe(0);
    await sql`DROP TABLE copy_probe`.execute(db);
  });
});
