import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvItem, csvRecords, csvSafe, csvWriter, plainCsvWatcher } from "./csv.js";

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

describe("plain files read without csv-parse", () => {
  const collect = async (chunks: Buffer[], opts: { delimiter: string; plain: boolean }) => {
    const out: CsvItem[] = [];
    async function* source() {
      yield* chunks;
    }
    for await (const item of csvRecords(source(), { ...opts, fromLine: 2 })) out.push(item);
    return out;
  };
  /** Splits bytes at the given cut points (anywhere, even inside a UTF-8 character or a CRLF). */
  const cut = (bytes: Buffer, at: number[]) => {
    const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
    const parts: Buffer[] = [];
    let from = 0;
    for (const p of points) {
      parts.push(bytes.subarray(from, p));
      from = p;
    }
    parts.push(bytes.subarray(from));
    return parts;
  };
  const plainText = fc
    .tuple(
      fc.boolean(),
      fc.constantFrom("\n", "\r\n"),
      fc.array(
        fc.array(fc.constantFrom("8", "9", "a", " ", ",", ";", "é", "€", "-"), { maxLength: 12 }),
        { maxLength: 20 },
      ),
      fc.array(fc.constantFrom("1", ",", ";"), { maxLength: 4 }),
    )
    .map(
      ([bom, end, lines, last]) =>
        (bom ? "\uFEFF" : "") + lines.map((l) => l.join("") + end).join("") + last.join(""),
    );

  it("gives the same records and line numbers as csv-parse, however the bytes arrive", async () => {
    await fc.assert(
      fc.asyncProperty(
        plainText,
        fc.constantFrom(",", ";"),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, delimiter, at) => {
          const chunks = cut(Buffer.from(text, "utf8"), at);
          const watcher = plainCsvWatcher();
          for (const c of chunks) watcher.push(c);
          expect(watcher.plain).toBe(true);
          expect(await collect(chunks, { delimiter, plain: true })).toEqual(
            await collect(chunks, { delimiter, plain: false }),
          );
        },
      ),
    );
  });

  it("is not claimed for a file with a double quote or a carriage return outside CRLF", () => {
    for (const chunks of [
      ["iccid,imsi\n", '"1",2\n'],
      ["iccid,imsi\r", "1,2\n"],
      ["iccid,imsi\r1,2\n"],
      ["iccid,imsi\n1,2\r"],
      ["iccid,imsi\r\n", "1,2\n"],
    ]) {
      const watcher = plainCsvWatcher();
      for (const c of chunks) watcher.push(Buffer.from(c));
      expect(watcher.plain, JSON.stringify(chunks)).toBe(false);
    }
    const crlf = plainCsvWatcher();
    for (const c of ["iccid,imsi\r", "\n1,2\r\n"]) crlf.push(Buffer.from(c));
    expect(crlf.plain).toBe(true);
  });
});
