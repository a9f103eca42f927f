/**
 * The SQL each repository function sends, written into a committed `.sql` file beside its
 * repository (`sims.repo.ts` → `sims.repo.sql`) so that a changed query shows in review, as Immich
 * does. `npm run db:sql` writes the files; test/structure/sql-snapshots.test.ts fails when one is
 * stale or missing, or when a repository function has no example.
 *
 * Each function is called with the arguments of its `xRepoSql` examples (src/db/sql-examples.ts)
 * on a Kysely that compiles PostgreSQL but sends nothing: every query answers with no rows. A
 * function that needs a row may stop after its first query; what it sent until then is recorded.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type CompiledQuery,
  type DatabaseConnection,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import type { DB } from "../src/db/schema.js";
import { format } from "sql-formatter";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Where repositories live; the fixture proves the machinery in test/structure. */
export const REPO_DIRS = ["src/modules", "test/structure/fixtures"];

export interface RepoSnapshot {
  /** The repository file, relative to the project root. */
  file: string;
  /** Its `.sql` snapshot, relative to the project root. */
  sqlFile: string;
  /** The snapshot's text; null when no repository in the file has examples. */
  sql: string | null;
  /** Repository objects exported without a `...Sql` object of examples. */
  withoutExamples: string[];
  /** `xRepo.fn` of each function whose examples are empty. */
  functionsWithoutExamples: string[];
}

/** Every `*.repo.ts` below the repository folders, relative to the project root, sorted. */
export function repoFiles(dirs = REPO_DIRS): string[] {
  return dirs
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".repo.ts"))
        .map((f) => join(dir, f)),
    )
    .sort();
}

/** A Kysely that compiles PostgreSQL and records each query instead of sending it. */
function recordingDb(sent: CompiledQuery[]): Kysely<DB> {
  const connection: DatabaseConnection = {
    async executeQuery(query) {
      sent.push(query);
      return { rows: [] };
    },
    // eslint-disable-next-line require-yield -- no rows to stream
    async *streamQuery(query) {
      sent.push(query);
    },
  };
  class RecordingDriver extends DummyDriver {
    override async acquireConnection() {
      return connection;
    }
  }
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** A parameter as a reader wants to see it: dates in ISO form, bytes by their length. */
function showParameter(value: unknown): string {
  return (
    JSON.stringify(value, function (key, v: unknown) {
      const raw = (this as Record<string, unknown>)[key];
      if (raw instanceof Date) return raw.toISOString();
      if (raw instanceof Uint8Array) return `<${raw.byteLength} bytes>`;
      if (typeof v === "bigint") return `${v}n`;
      return v;
    }) ?? String(value)
  );
}

function showQuery(query: CompiledQuery): string {
  const params = query.parameters.map((p, i) => `-- $${i + 1} = ${showParameter(p)}`);
  return [
    ...params,
    `${format(query.sql, { language: "postgresql", keywordCase: "lower" })};`,
  ].join("\n");
}

type RepoFunction = (executor: unknown, ...args: unknown[]) => unknown;

const isRepo = (name: string, value: unknown): value is Record<string, RepoFunction> =>
  name.endsWith("Repo") &&
  typeof value === "object" &&
  value !== null &&
  Object.values(value).every((v) => typeof v === "function");

/** The snapshot of one repository file: imports it and calls each function with its examples. */
export async function snapshotRepo(file: string): Promise<RepoSnapshot> {
  const mod = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
  const sqlFile = file.replace(/\.ts$/, ".sql");
  const sections: string[] = [];
  const withoutExamples: string[] = [];
  const functionsWithoutExamples: string[] = [];

  for (const [name, repo] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b))) {
    if (!isRepo(name, repo)) continue;
    const examples = mod[`${name}Sql`] as Record<string, unknown[][] | undefined> | undefined;
    if (!examples) {
      withoutExamples.push(name);
      continue;
    }
    for (const [fn, call] of Object.entries(repo)) {
      const list = examples[fn] ?? [];
      if (list.length === 0) functionsWithoutExamples.push(`${name}.${fn}`);
      for (const [i, args] of list.entries()) {
        const sent: CompiledQuery[] = [];
        let stopped: string | null = null;
        try {
          await recordingDb(sent)
            .transaction()
            .execute((tx) => Promise.resolve(call(tx, ...args)));
        } catch (err) {
          stopped = err instanceof Error ? err.message.split("\n")[0]! : String(err);
        }
        const title = list.length > 1 ? `${name}.${fn} (example ${i + 1})` : `${name}.${fn}`;
        sections.push(
          [
            `-- ${title}`,
            ...(sent.length ? sent.map(showQuery) : ["-- (no query)"]),
            ...(stopped ? [`-- stopped without a row to go on: ${stopped}`] : []),
          ].join("\n"),
        );
      }
    }
  }
  const header =
    `-- The SQL of ${relative(join(ROOT, "."), join(ROOT, file))}, one section per function and` +
    ` example.\n-- Written by npm run db:sql (scripts/write-sql-snapshots.ts): do not edit.`;
  return {
    file,
    sqlFile,
    sql: sections.length ? `${header}\n\n${sections.join("\n\n")}\n` : null,
    withoutExamples,
    functionsWithoutExamples,
  };
}

/** Committed `.repo.sql` files below the repository folders, relative to the project root. */
export function committedSnapshots(dirs = REPO_DIRS): string[] {
  return dirs
    .flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".repo.sql"))
        .map((f) => join(dir, f)),
    )
    .sort();
}
