import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  committedSnapshots,
  repoFiles,
  ROOT,
  type RepoSnapshot,
  snapshotRepo,
} from "../../scripts/sql-snapshots.js";
import { TEST_ENGINE } from "../support/engine.js";

/**
 * Repositories in src/modules exported without a `...Sql` object of examples, as `file#repo`.
 * The list may only shrink: a new repository without examples fails the test, and so does an
 * entry whose repository has gained them.
 */
const REPOS_WITHOUT_EXAMPLES: string[] = [];

const FIXTURE = "test/structure/fixtures/fixture.repo.ts";
const STALE = "run npm run db:sql and commit the result";

/** Nothing here reaches a database: the check runs once, in the PGlite pass. */
describe.runIf(TEST_ENGINE === "pglite")("SQL snapshots of the repositories", () => {
  let snapshots: RepoSnapshot[];
  beforeAll(async () => {
    snapshots = [];
    for (const file of repoFiles()) snapshots.push(await snapshotRepo(file));
  });
  const modules = () => snapshots.filter((s) => s.file.startsWith("src/modules/"));

  it("are committed beside each repository and up to date", () => {
    for (const snap of snapshots) {
      const path = join(ROOT, snap.sqlFile);
      if (snap.sql === null) {
        expect(existsSync(path), `${snap.sqlFile} has no examples behind it: ${STALE}`).toBe(false);
        continue;
      }
      expect(existsSync(path), `${snap.sqlFile} is missing: ${STALE}`).toBe(true);
      expect(readFileSync(path, "utf8"), `${snap.sqlFile} is stale: ${STALE}`).toBe(snap.sql);
    }
    const expected = snapshots.filter((s) => s.sql !== null).map((s) => s.sqlFile);
    expect(committedSnapshots(), `a snapshot without its repository: ${STALE}`).toEqual(expected);
  });

  it("cover every function of every repository with an example", () => {
    const missing = modules().flatMap((s) =>
      s.functionsWithoutExamples.map((f) => `${s.file}: ${f}`),
    );
    expect(missing, "add an example to the repository's ...Sql object").toEqual([]);
    const without = modules().flatMap((s) => s.withoutExamples.map((r) => `${s.file}#${r}`));
    expect(
      without.filter((r) => !REPOS_WITHOUT_EXAMPLES.includes(r)),
      "export `xRepoSql: SqlExamples<typeof xRepo>` beside the repository",
    ).toEqual([]);
    expect(
      REPOS_WITHOUT_EXAMPLES.filter((r) => !without.includes(r)),
      "these have examples now (or are gone): delete them from REPOS_WITHOUT_EXAMPLES",
    ).toEqual([]);
  });

  it("record each query with its parameters, and what a function sent before it stopped", () => {
    const fixture = snapshots.find((s) => s.file === FIXTURE)!;
    expect(fixture.functionsWithoutExamples).toEqual(["draftRepo.count"]);
    expect(fixture.sql).toContain('-- fixtureRepo.list (example 2)\n-- $1 = "ACTIVATED"');
    expect(fixture.sql).toMatch(/for update;\n-- stopped without a row to go on/);
  });
});
