import { ApiError, CliError, ConnectionError } from "./client.js";

/**
 * Output for people and for scripts. Results go to stdout (tables, records, or raw JSON with
 * `--json`); progress, hints and errors go to stderr, so `otter … --json | jq` always sees clean JSON.
 */

export const out = (line = "") => void process.stdout.write(`${line}\n`);
export const note = (line = "") => void process.stderr.write(`${line}\n`);
export const printJson = (value: unknown) => out(JSON.stringify(value, null, 2));

/** Empty values shown as a dash, so columns never collapse. */
export function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "-";
  if (Array.isArray(v)) return v.length ? v.map(show).join(", ") : "-";
  return String(v);
}

export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
  /** Widest value expected, so a table streamed page by page stays aligned. */
  width?: number;
}

/**
 * A plain-text table that can be written in pieces (one API page at a time) without holding every
 * row: widths come from the first piece and the columns' expected widths; the header is written once.
 */
export function tableWriter<T>(columns: Column<T>[], write: (line: string) => void = out) {
  let widths: number[] | null = null;
  const line = (cells: string[]) =>
    write(
      cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths![i]!)))
        .join("  ")
        .trimEnd(),
    );
  return {
    write(rows: T[]) {
      const cells = rows.map((r) => columns.map((c) => show(c.value(r)).replace(/\s+/g, " ")));
      if (!widths) {
        widths = columns.map((c, i) =>
          Math.max(c.header.length, c.width ?? 0, ...cells.map((row) => row[i]!.length)),
        );
        line(columns.map((c) => c.header));
      }
      for (const row of cells) line(row);
    },
    get started() {
      return widths !== null;
    },
  };
}

export function printTable<T>(rows: T[], columns: Column<T>[], empty: string) {
  if (rows.length === 0) return note(empty);
  tableWriter(columns).write(rows);
}

/** A record as aligned "Label  value" lines. */
export function printFields(fields: [label: string, value: unknown][]) {
  const width = Math.max(...fields.map(([l]) => l.length));
  for (const [label, value] of fields) out(`${label.padEnd(width)}  ${show(value)}`);
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return "-";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** Where the API's wording (query parameters, headers) differs from what a CLI user types. */
export const HINTS: Record<string, string> = {
  UNAUTHENTICATED: "pass a valid key with --api-key or the OTTER_API_KEY environment variable.",
  INVALID_API_KEY: "pass a valid key with --api-key or the OTTER_API_KEY environment variable.",
  IMPORT_ACCOUNT_MISSING:
    "give the account with --account <id>, or add an account column to the file.",
  IMPORT_INVALID_ROWS:
    "fix the lines listed, or run the import again with --skip-invalid to import the valid rows.",
};

interface Detail {
  field?: unknown;
  line?: unknown;
  code?: unknown;
  message?: unknown;
}

/** A detail as the headline would say it: `field: message`, or the message alone. */
const headlineOf = (d: Detail) =>
  typeof d.field === "string" && d.field
    ? `${d.field}: ${String(d.message ?? "")}`
    : String(d.message ?? "");

const norm = (text: string) => text.trim().replace(/\.$/, "");

/**
 * Prints any failure as `error CODE: message (request id)` — the API's own code and message — with
 * the field details and a hint where one helps. Returns the exit code.
 */
export function reportError(err: unknown): number {
  if (err instanceof ApiError) {
    const all = Array.isArray(err.details) ? (err.details as Detail[]) : [];
    // A detail that only repeats the headline ("iccid: …" twice) is printed once: its code joins the headline.
    const headline = norm(err.message);
    const repeats = (d: Detail) =>
      d.line === undefined &&
      (norm(String(d.message ?? "")) === headline || norm(headlineOf(d)) === headline);
    const repeated = all.find(repeats);
    const code =
      repeated && typeof repeated.code === "string" && repeated.code !== err.code
        ? ` [${repeated.code}]`
        : "";
    note(
      `error ${err.code}: ${err.message}${code}${err.requestId ? ` (request ${err.requestId})` : ""}`,
    );
    for (const d of all.filter((x) => !repeats(x)).slice(0, 20)) {
      const where = [
        d.line !== undefined ? `line ${String(d.line)}` : "",
        typeof d.field === "string" ? d.field : "",
      ]
        .filter(Boolean)
        .join(" ");
      note(
        `  ${where ? `${where}: ` : ""}${String(d.message ?? "")}${typeof d.code === "string" ? ` [${d.code}]` : ""}`,
      );
    }
    const hint = HINTS[err.code];
    if (hint) note(`hint: ${hint}`);
    return 1;
  }
  if (err instanceof ConnectionError) {
    note(`error UNREACHABLE: ${err.message}`);
    note(
      "hint: is Otter running? Start it with `otter serve`, or point the CLI at a running server with --url (or OTTER_URL).",
    );
    return 1;
  }
  if (err instanceof CliError) {
    note(`error ${err.code}: ${err.message}`);
    return 1;
  }
  note(`error: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.OTTER_DEBUG && err instanceof Error && err.stack) note(err.stack);
  return 1;
}
