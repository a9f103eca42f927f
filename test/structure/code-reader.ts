import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { TABLE_OWNERS } from "../../src/db/ownership.js";

/**
 * Reads Otter's source as text to find which tables each file queries. Kysely queries name their
 * tables as string literals (`selectFrom("sims")`, `innerJoin("accounts as a", …)`), and raw SQL
 * lives in `sql` template literals; both are found here without running anything.
 */
export const ROOT = new URL("../../", import.meta.url).pathname;

export interface SourceFile {
  /** Path from the repository root, e.g. `src/modules/sims/sims.repo.ts`. */
  path: string;
  /** `sims` for a file under src/modules/sims/, null outside src/modules. */
  module: string | null;
  text: string;
}

export function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")) {
        const path = relative(ROOT, p);
        if (path.startsWith("src/db/migrations/")) continue;
        const m = /^src\/modules\/([^/]+)\//.exec(path);
        out.push({ path, module: m ? m[1]! : null, text: readFileSync(p, "utf8") });
      }
    }
  };
  walk(join(ROOT, "src"));
  return out;
}

const TABLES = new Set(Object.keys(TABLE_OWNERS));
const BUILDER_CALL =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|innerJoinLateral|leftJoinLateral)\(\s*\[?\s*"([a-z_]+)/g;
const SQL_TEMPLATE = /\bsql(?:<[^`]*?>)?`([^`]*)`/g;
const SQL_TABLE = /\b(?:from|join|into|update|table)\s+"?([a-z_]+)"?/gi;

/** A table named by a query in a file, with the line it is on. */
export interface TableUse {
  table: string;
  line: number;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split("\n").length;

/** Comments blanked out (newlines kept, so line numbers hold): examples in JSDoc are not queries. */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`])\/\/[^\n]*/g, "$1");

/** Every use of a known table by a query builder call or inside a `sql` template in the file. */
export function tableUses(source: string): TableUse[] {
  const text = withoutComments(source);
  const uses: TableUse[] = [];
  for (const m of text.matchAll(BUILDER_CALL)) {
    if (TABLES.has(m[2]!)) uses.push({ table: m[2]!, line: lineOf(text, m.index!) });
  }
  for (const m of text.matchAll(SQL_TEMPLATE)) {
    for (const t of m[1]!.matchAll(SQL_TABLE)) {
      if (TABLES.has(t[1]!)) uses.push({ table: t[1]!, line: lineOf(text, m.index! + t.index!) });
    }
  }
  return uses;
}

/** True when the file builds or runs queries at all. */
export const runsQueries = (text: string) => tableUses(text).length > 0;
