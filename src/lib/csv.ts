import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { type Stringifier, stringify } from "csv-stringify";

/**
 * A cell a spreadsheet would read as a formula: it begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain number a spreadsheet reads as a value, never a formula: an optional sign, digits and an
 * optional decimal fraction (`-12.50`, `+447700900123`). Exponents (`-1e3`) and thousands separators
 * are not plain numbers here: they are neutralised like any other text.
 */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Makes one CSV cell safe to open in a spreadsheet: a value that would start a formula gets a single
 * quote in front (`=HYPERLINK(…)` → `'=HYPERLINK(…)`), as OWASP advises; every other value, plain
 * numbers included, is returned unchanged. Quoting of separators and quotes is csv-stringify's job.
 *
 * @example csvSafe("=1+1") === "'=1+1"; csvSafe("-12.50") === "-12.50"
 */
export function csvSafe(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/**
 * The one way Otter writes CSV for people to download: csv-stringify with a header row and every
 * text cell passed through `csvSafe`.
 */
export function csvWriter(columns: string[]): Stringifier {
  return stringify({ header: true, columns, cast: { string: (value) => csvSafe(value) } });
}

/** One data line of a CSV file read by `csvRecords`: its values, or why it could not be read. */
export type CsvItem =
  | { line: number; record: string[]; malformed?: undefined }
  | { line: number; record?: undefined; malformed: { code: string; message: string } };

/** The stable code of a line that is not valid CSV (docs/errors.md). */
export const CSV_MALFORMED_ROW = "CSV_MALFORMED_ROW";

const MALFORMED_REASONS: Record<string, string> = {
  INVALID_OPENING_QUOTE:
    'A value has a double quote (") inside it but is not itself quoted: put the whole value in double quotes and write each quote inside it twice ("").',
  CSV_INVALID_CLOSING_QUOTE:
    "A quoted value is followed by other characters before the next separator.",
  CSV_QUOTE_NOT_CLOSED:
    "A quoted value that starts on or before this line is never closed, so the rest of the file was read as part of it.",
};

/**
 * Reads CSV records with their physical line numbers, turning every line that csv-parse cannot read
 * into a `malformed` item at its line instead of an error that ends the whole file: the parser skips
 * the broken record (`skip_records_with_error`) and goes on with the next one. Lines before
 * `fromLine` (the header) are not returned. An error of the source itself (e.g. the database) is
 * thrown as usual.
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer>,
  opts: { delimiter: string; fromLine: number; plain?: boolean },
): AsyncGenerator<CsvItem> {
  if (opts.plain) {
    yield* plainRecords(source, opts);
    return;
  }
  const skipped: { line: number; code: string }[] = [];
  const parser = parse({
    bom: true,
    delimiter: opts.delimiter,
    from_line: opts.fromLine,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const e = err as (Error & { code?: string; lines?: number }) | undefined;
      skipped.push({ line: e?.lines ?? 0, code: e?.code ?? "CSV_INVALID" });
    },
  });
  // pipeline, not pipe: a failing source destroys the parser, so the loop below throws instead of
  // the error going unhandled.
  pipeline(Readable.from(source), parser, () => {});
  let last = opts.fromLine - 1;
  let next = 0;
  const malformed = (at: { line: number; code: string }): CsvItem | null => {
    // A quote left open is found only at the end of the file; it began after the last line read.
    const line = at.code === "CSV_QUOTE_NOT_CLOSED" ? last + 1 : at.line;
    if (line <= last) return null;
    last = line;
    const reason = MALFORMED_REASONS[at.code] ?? `The line is not valid CSV (${at.code}).`;
    return { line, malformed: { code: CSV_MALFORMED_ROW, message: reason } };
  };
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    // Parsing is sequential: every line skipped before this record has been reported by now.
    while (next < skipped.length && skipped[next]!.line < info.lines) {
      const item = malformed(skipped[next++]!);
      if (item) yield item;
    }
    last = Math.max(last, info.lines);
    yield { line: info.lines, record };
  }
  while (next < skipped.length) {
    const item = malformed(skipped[next++]!);
    if (item) yield item;
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Watches the bytes of a file as they arrive and says whether it is *plain*: no double quote, and
 * no carriage return except in a CRLF line end. In such a file every line is one record and every
 * delimiter separates two values, so `csvRecords(…, { plain: true })` can split it directly.
 */
export function plainCsvWatcher() {
  let plain = true;
  let last = -1;
  // csv-parse takes the first line end it meets as the file's: the others must be the same.
  let ending: "lf" | "crlf" | null = null;
  return {
    push(chunk: Buffer) {
      if (!plain || chunk.length === 0) return;
      if (chunk.includes(QUOTE)) plain = false;
      for (let i = chunk.indexOf(CR); plain && i >= 0; i = chunk.indexOf(CR, i + 1))
        if (i < chunk.length - 1 && chunk[i + 1] !== LF) plain = false;
      if (last === CR && chunk[0] !== LF) plain = false;
      for (let i = chunk.indexOf(LF); plain && i >= 0; i = chunk.indexOf(LF, i + 1)) {
        const end = (i > 0 ? chunk[i - 1] : last) === CR ? "crlf" : "lf";
        if (ending !== null && ending !== end) plain = false;
        ending = end;
      }
      last = chunk[chunk.length - 1]!;
    },
    /** Whether the whole file seen so far is plain (a CR at its very end is not). */
    get plain() {
      return plain && last !== CR;
    },
  };
}

/**
 * The records of a plain file (see `plainCsvWatcher`), split by hand: csv-parse gives the same
 * records (same values, same line numbers, empty lines skipped, a BOM dropped) several times more
 * slowly, which a file of millions of lines feels. Any other file goes through csv-parse.
 */
async function* plainRecords(
  source: AsyncIterable<Buffer>,
  opts: { delimiter: string; fromLine: number },
): AsyncGenerator<CsvItem> {
  let carry = "";
  let line = 0;
  let first = true;
  const recordOf = (text: string): CsvItem | null => {
    line++;
    let t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (first) {
      first = false;
      if (t.startsWith("\uFEFF")) t = t.slice(1);
    }
    if (line < opts.fromLine || t.length === 0) return null;
    return { line, record: t.split(opts.delimiter) };
  };
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const lines = text.split("\n");
    carry = lines.pop()!;
    for (const l of lines) {
      const item = recordOf(l);
      if (item) yield item;
    }
  }
  const rest = carry + decoder.decode();
  if (rest.length > 0) {
    const item = recordOf(rest);
    if (item) yield item;
  }
}
