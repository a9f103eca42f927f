import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvSafe, csvWriter } from "./csv.js";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];
const plainNumber = fc
  .tuple(
    fc.constantFrom("", "+", "-"),
    fc.stringMatching(/^\d{1,15}$/),
    fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
  )
  .map(([sign, int, frac]) => `${sign}${int}${frac === undefined ? "" : `.${frac}`}`);

async function written(columns: string[], rows: Record<string, unknown>[]): Promise<string> {
  const csv = csvWriter(columns);
  for (const r of rows) csv.write(r);
  csv.end();
  let out = "";
  for await (const chunk of csv) out += String(chunk);
  return out;
}

describe("csvSafe", () => {
  it("prefixes a single quote to any cell that starts with a formula character and is not a plain number", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRIGGERS), fc.string(), (start, rest) => {
        const value = start + rest;
        fc.pre(!/^[+-]?\d+(\.\d+)?$/.test(value));
        expect(csvSafe(value)).toBe(`'${value}`);
      }),
    );
  });

  it("leaves plain numbers, E.164 numbers among them, as they are", () => {
    fc.assert(
      fc.property(plainNumber, (n) => {
        expect(csvSafe(n)).toBe(n);
      }),
    );
    for (const n of ["-12.50", "+447700900123", "0", "-0.5"]) expect(csvSafe(n)).toBe(n);
  });

  it("leaves every cell that does not start with a formula character unchanged", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        fc.pre(value === "" || !TRIGGERS.includes(value[0]!));
        expect(csvSafe(value)).toBe(value);
      }),
    );
  });

  it("neutralises what only looks numeric, and the classic payloads", () => {
    expect(csvSafe("-1e3")).toBe("'-1e3");
    expect(csvSafe("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvSafe('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(csvSafe("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvSafe("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvSafe("\t=1")).toBe("'\t=1");
  });
});

describe("csvWriter", () => {
  it("writes text cells neutralised and still reads back to the same values behind the quote", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), async (cells) => {
        const columns = cells.map((_, i) => `c${i}`);
        const text = await written(columns, [
          Object.fromEntries(cells.map((c, i) => [`c${i}`, c])),
        ]);
        const [header, row] = parse(text, { relax_column_count: true }) as string[][];
        expect(header).toEqual(columns);
        expect(row).toEqual(cells.map(csvSafe));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps numbers and empty cells as they are", async () => {
    expect(
      await written(["line", "iccid", "code"], [{ line: 3, iccid: null, code: "-12.50" }]),
    ).toBe("line,iccid,code\n3,,-12.50\n");
  });
});
