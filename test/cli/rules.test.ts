import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

let t: TestOtter;
let dir: string;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  dir = await mkdtemp(join(tmpdir(), "otter-rules-"));
});
afterAll(async () => {
  await t?.close();
});

const otter = (args: string[], key: string) =>
  runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: key });

describe("otter rules", () => {
  it("creates a rule from a file, lists it, disables it; a refused rule prints the code and the field", async () => {
    const c = await buildCustomer(t);
    const file = join(dir, "rule.json");
    await writeFile(
      file,
      JSON.stringify({
        name: "Collar lost",
        trigger: { type: "no_session", rhythmMultiple: 3 },
        actions: [{ type: "email" }, { type: "webhook" }],
      }),
    );
    const created = await otter(["rules", "create", "--file", file], c.adminKey);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const id = /\(([0-9a-f-]{36})\)/.exec(created.stdout)![1]!;
    expect(created.stdout).toContain('Rule "Collar lost" created');

    const list = await otter(["rules", "list"], c.userKey);
    expect(list.stdout).toMatch(
      new RegExp(`Collar lost\\s+yes\\s+no_session 3× rhythm\\s+email, webhook\\s+${id}`),
    );

    const off = await otter(["rules", "disable", id], c.adminKey);
    expect(off.stdout).toContain('Rule "Collar lost" is disabled.');
    expect(
      (await t.api("GET", `/api/v1/automation-rules/${id}`, { key: c.adminKey })).body.enabled,
    ).toBe(false);

    await writeFile(
      file,
      JSON.stringify({
        name: "bad",
        trigger: { type: "no_session" },
        actions: [{ type: "email" }],
      }),
    );
    const bad = await otter(["rules", "create", "--file", file], c.adminKey);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error VALIDATION_FAILED: /m);
    expect(bad.stderr).toMatch(/trigger\.hours: .*\[NO_SESSION_NEEDS_ONE_LIMIT\]/);

    await writeFile(file, "{ not json");
    expect((await otter(["rules", "create", "--file", file], c.adminKey)).stderr).toMatch(
      /^error MALFORMED_JSON: /m,
    );
    expect(
      (await otter(["rules", "create", "--file", join(dir, "missing.json")], c.adminKey)).stderr,
    ).toMatch(/^error FILE_UNREADABLE: .*ENOENT/m);
  });
});
