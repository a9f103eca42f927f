import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDuplicateSieve, MAX_CANDIDATES } from "./duplicate-sieve.js";

const digits = (n: number, width: number) => String(n).padStart(width, "0");

describe("the import's duplicate sieve", () => {
  it("names every value that appears on two lines, whatever the stream and the size it expected", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300)), { maxLength: 2000 }),
        fc.integer({ min: 0, max: 5000 }),
        (rows, expected) => {
          const sieve = createDuplicateSieve(expected);
          const lines = rows.map(([a, b, c]) => [
            `8944${digits(a, 16)}`,
            `00101${digits(b, 10)}`,
            `447${digits(c, 9)}`,
          ]);
          for (const [iccid, imsi, msisdn] of lines) sieve.add(iccid!, imsi!, msisdn!);
          const found = sieve.candidates();
          expect(found).not.toBeNull();
          (["iccid", "imsi", "msisdn"] as const).forEach((column, i) => {
            const seen = new Map<string, number>();
            for (const l of lines) seen.set(l[i]!, (seen.get(l[i]!) ?? 0) + 1);
            const repeated = [...seen].filter(([, n]) => n > 1).map(([v]) => v);
            expect(found![column]).toEqual(expect.arrayContaining(repeated));
            // Each candidate is named once, and only values of the file are named.
            expect(new Set(found![column]).size).toBe(found![column].length);
            for (const v of found![column]) expect(seen.has(v)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lets few unrepeated values through when it knows the file's size", () => {
    const rows = 200_000;
    const sieve = createDuplicateSieve(rows);
    for (let i = 0; i < rows; i++)
      sieve.add(`8944${digits(i, 16)}`, `00101${digits(i, 10)}`, `447${digits(i * 7919, 9)}`);
    const found = sieve.candidates()!;
    const named = found.iccid.length + found.imsi.length + found.msisdn.length;
    // About 0.02 % per identifier; the database then finds each on one line only.
    expect(named).toBeLessThan(rows * 3 * 0.001);
  });

  it("says to check every row once it would hold too many candidates", () => {
    // Sized for 10 rows, given 300,000: its bits fill up and nearly every value looks seen.
    const sieve = createDuplicateSieve(10);
    for (let i = 0; i < 300_000; i++)
      sieve.add(`8944${digits(i, 16)}`, `00101${digits(i, 10)}`, `447${digits(i, 9)}`);
    expect(sieve.candidates()).toBeNull();
    expect(MAX_CANDIDATES).toBeLessThan(300_000 * 3);
  });
});
