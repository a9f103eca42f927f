import { describe, expect, it } from "vitest";
import { TABLE_OWNERS } from "../../src/db/ownership.js";
import { sourceFiles, tableUses } from "./code-reader.js";

/**
 * The house rules of docs/architecture.md, read off the code: a module queries only its own tables
 * (src/db/ownership.ts says whose each is), every query sits in a repository (`*.repo.ts`), and the
 * account path is read only by the tenancy module.
 */
const owner = (table: string) => TABLE_OWNERS[table as keyof typeof TABLE_OWNERS];

/** The tenancy module writes the subtree subqueries every other module uses. */
const isRepository = (path: string) =>
  path.endsWith(".repo.ts") ||
  path.startsWith("src/modules/tenancy/") ||
  path.startsWith("src/db/");

describe("module ownership of tables", () => {
  const files = sourceFiles();

  it("lets a module query only the tables it owns", () => {
    const foreign: Record<string, string[]> = {};
    const outsideModules: string[] = [];
    for (const f of files) {
      for (const use of tableUses(f.text)) {
        if (f.module === null) {
          if (!f.path.startsWith("src/db/"))
            outsideModules.push(`${f.path}:${use.line} ${use.table}`);
          continue;
        }
        if (owner(use.table) === f.module) continue;
        const tables = (foreign[f.path] ??= []);
        if (!tables.includes(use.table)) tables.push(use.table);
      }
    }
    for (const k of Object.keys(foreign)) foreign[k]!.sort();
    expect(outsideModules, "queries outside src/modules and src/db").toEqual([]);
    expect(foreign, "file → other modules' tables it queries (src/db/ownership.ts)").toEqual({});
  });

  it("keeps every query in a repository", () => {
    const outside = files
      .filter((f) => f.module !== null && !isRepository(f.path) && tableUses(f.text).length > 0)
      .map((f) => f.path)
      .sort();
    expect(outside, "files that run queries but are not *.repo.ts").toEqual([]);
  });

  it("reads the account path only in the accounts and tenancy modules", () => {
    const readers = files
      .filter((f) => f.module !== null && f.module !== "accounts" && f.module !== "tenancy")
      .filter((f) => /accounts\.path|account_scope/.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(readers, "files that read accounts.path").toEqual([]);
  });
});
