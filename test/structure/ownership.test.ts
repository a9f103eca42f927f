import { describe, expect, it } from "vitest";
import { TABLE_OWNERS } from "../../src/db/ownership.js";
import { sourceFiles, tableUses } from "./code-reader.js";

/**
 * The house rules of docs/architecture.md, read off the code: a module queries only its own tables
 * (src/db/ownership.ts says whose each is), every query sits in a repository (`*.repo.ts`), and the
 * account path is read only by the tenancy module.
 */
const owner = (table: string) => TABLE_OWNERS[table as keyof typeof TABLE_OWNERS];

/**
 * Where a module still reaches into another's tables, file → tables. The list may only shrink:
 * a new entry fails the test, and so does an entry the code no longer needs.
 */
const KNOWN_FOREIGN: Record<string, string[]> = {
  "src/modules/actions/sim-actions.service.ts": ["accounts"],
  "src/modules/audit/audit.service.ts": ["accounts"],
  "src/modules/automation/automation.repo.ts": ["accounts"],
  "src/modules/catalog/catalog.service.ts": ["accounts"],
  "src/modules/events/events.service.ts": ["accounts"],
  "src/modules/jobs/jobs.service.ts": ["accounts"],
  "src/modules/mail/mail.repo.ts": ["accounts"],
  "src/modules/network/network-actions.service.ts": ["accounts"],
  "src/modules/network/network-view.service.ts": ["accounts", "sims", "zones"],
  "src/modules/network/signals.service.ts": ["accounts", "sims", "zones"],
  "src/modules/network/silence-detector.ts": ["sims"],
  "src/modules/sims/bulk/sim-bulk.ts": ["accounts", "job_rows"],
  "src/modules/sims/import/sim-import.ts": ["accounts", "job_rows", "job_uploads", "jobs"],
  "src/modules/sims/sims.repo.ts": ["accounts"],
  "src/modules/sims/sims.service.ts": ["accounts"],
  "src/modules/webhooks/webhooks.repo.ts": ["accounts", "contacts", "domain_events", "users"],
};

/** Files outside a repository that still run queries. May only shrink, like KNOWN_FOREIGN. */
const KNOWN_QUERIES_OUTSIDE_REPOS: string[] = [
  "src/modules/accounts/accounts.service.ts",
  "src/modules/actions/sim-actions.service.ts",
  "src/modules/audit/audit.service.ts",
  "src/modules/catalog/catalog.service.ts",
  "src/modules/events/events.service.ts",
  "src/modules/jobs/jobs.service.ts",
  "src/modules/network/hss-endpoints.service.ts",
  "src/modules/network/network-actions.service.ts",
  "src/modules/network/network-clients.service.ts",
  "src/modules/network/network-view.service.ts",
  "src/modules/network/signals.service.ts",
  "src/modules/network/silence-detector.ts",
  "src/modules/sims/bulk/sim-bulk.ts",
  "src/modules/sims/import/sim-import.ts",
  "src/modules/sims/sims.service.ts",
  "src/modules/sms/sms-centres.service.ts",
  "src/modules/sms/sms.service.ts",
];

/** Files outside accounts and tenancy that still read the account path. May only shrink. */
const KNOWN_PATH_READERS: string[] = [
  "src/modules/actions/sim-actions.service.ts",
  "src/modules/audit/audit.service.ts",
  "src/modules/automation/automation.repo.ts",
  "src/modules/catalog/catalog.service.ts",
  "src/modules/jobs/jobs.service.ts",
  "src/modules/mail/mail.repo.ts",
  "src/modules/network/network-actions.service.ts",
  "src/modules/network/network-view.service.ts",
  "src/modules/network/signals.service.ts",
  "src/modules/sims/bulk/sim-bulk.ts",
  "src/modules/sims/import/sim-import.ts",
  "src/modules/sims/sims.repo.ts",
  "src/modules/sims/sims.service.ts",
  "src/modules/webhooks/webhooks.repo.ts",
];

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
    expect(foreign, "file → other modules' tables it queries (src/db/ownership.ts)").toEqual(
      KNOWN_FOREIGN,
    );
  });

  it("keeps every query in a repository", () => {
    const outside = files
      .filter((f) => f.module !== null && !isRepository(f.path) && tableUses(f.text).length > 0)
      .map((f) => f.path)
      .sort();
    expect(outside, "files that run queries but are not *.repo.ts").toEqual(
      [...KNOWN_QUERIES_OUTSIDE_REPOS].sort(),
    );
  });

  it("reads the account path only in the accounts and tenancy modules", () => {
    const readers = files
      .filter((f) => f.module !== null && f.module !== "accounts" && f.module !== "tenancy")
      .filter((f) => /accounts\.path|account_scope/.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(readers, "files that read accounts.path").toEqual([...KNOWN_PATH_READERS].sort());
  });
});
