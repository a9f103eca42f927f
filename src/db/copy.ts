import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CompiledQuery } from "kysely";
import copyStreams from "pg-copy-streams";
import { PostgresServerAdapter, type Executor, type Tx } from "./database.js";

/** A value of a column written by `copyInto`: null is SQL NULL, booleans are `t` / `f`. */
export type CopyValue = string | number | boolean | null;

/** Rows are sent to the server in pieces of about this many characters. */
const PIECE_CHARS = 256 * 1024;

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * One value in PostgreSQL's COPY text format: `\N` for NULL, and the backslash, line feed,
 * carriage return and tab (the column and row delimiters and the escape itself) escaped.
 */
export function copyTextValue(v: CopyValue): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : v;
}

/** One row in COPY text format, its line end included. */
export function copyTextRow(row: readonly CopyValue[]): string {
  let s = "";
  for (let i = 0; i < row.length; i++) s += (i === 0 ? "" : "\t") + copyTextValue(row[i]!);
  return s + "\n";
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Whether `copyInto` can run on this handle: one opened on a PostgreSQL server (PGlite has no
 * COPY FROM STDIN, and a handle that only compiles SQL has no connection to stream to).
 */
export function canCopy(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresServerAdapter;
}

/**
 * Writes `rows` into `table` with `COPY … FROM STDIN` on the transaction's own connection, so the
 * rows commit or roll back with the rest of the transaction. PostgreSQL only (see `canCopy`).
 *
 * Kysely gives no access to the driver's client: the COPY stream is handed to the connection as
 * the query itself, which `pg` accepts (a submittable query) and queues like any other statement;
 * the transaction's next statement runs once the COPY has ended.
 */
export async function copyInto(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  if (!canCopy(tx)) throw new Error("COPY FROM STDIN needs PostgreSQL");
  const stream = copyStreams.from(
    `COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM STDIN (FORMAT text)`,
  );
  // The connection runs the COPY: `pg` hands the stream back at once, before any row is sent.
  await tx.executeQuery(CompiledQuery.raw(stream as unknown as string, []));
  await pipeline(Readable.from(pieces(rows, columns.length)), stream);
}

function* pieces(rows: Iterable<readonly CopyValue[]>, width: number): Generator<string> {
  let piece = "";
  for (const row of rows) {
    if (row.length !== width) throw new Error(`COPY row has ${row.length} values, not ${width}`);
    piece += copyTextRow(row);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  if (piece.length > 0) yield piece;
}
