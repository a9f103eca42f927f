import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

let t: TestOtter;
let dir: string;
let agent: { key: string };
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  dir = mkdtempSync(join(tmpdir(), "otter-clarity-cli-"));
  agent = await buildUser(t, t.rootAccountId, "operator_agent");
});
afterAll(async () => {
  await t?.close();
});

const otter = (args: string[], key: string = agent.key) =>
  runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: key });

describe("otter cases check and otter clarity", () => {
  it("checks a draft in a file against the case, by case number, showing where each finding is", async () => {
    const zoo = await buildCustomer(t, { name: "Zoo Telemetry" });
    const opened = await t.api("POST", "/api/v1/cases", {
      key: agent.key,
      body: { accountId: zoo.account.id, subject: "Collar offline" },
    });
    const file = join(dir, "reply.txt");
    writeFileSync(file, "Hello {{first_name}},\n\nyour collar is online again.\n");
    const r = await otter(["cases", "check", `#${opened.body.number}`, "--file", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Language en, readability flesch /m);
    expect(r.stdout).toMatch(/warning +unfilled_placeholder +1:7 "\{\{first_name\}\}"/);

    const json = await otter(["--json", "cases", "check", opened.body.id, "--file", file]);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toContain("unfilled_placeholder");

    const missing = await otter(["cases", "check", opened.body.id, "--file", join(dir, "nope")]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("FILE_NOT_FOUND");
  });

  it("checks text alone in a chosen language", async () => {
    const file = join(dir, "sv.txt");
    writeFileSync(file, "Hej Dana,\n\nhalsbandet är online igen.\n");
    const r = await otter(["clarity", "check", "--file", file, "--language", "sv"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Language sv, readability lix /m);
    const bad = await otter(["clarity", "check", "--file", file, "--language", "de"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("en, it, sv");
  });

  it("lists, adds, changes and removes glossary terms", async () => {
    const add = await otter([
      "clarity",
      "glossary",
      "add",
      "en",
      "eDRX",
      "a power-saving mode: the device listens for the network only now and then",
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain("Added eDRX (en)");
    const twice = await otter(["clarity", "glossary", "add", "en", "edrx", "again"]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain("CLARITY_TERM_EXISTS");

    const upd = await otter(["clarity", "glossary", "update", "en", "eDRX", "power saving"]);
    expect(upd.code, upd.stderr).toBe(0);
    const list = await otter(["clarity", "glossary", "list", "--language", "en"]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^en +eDRX +team +power saving$/m);
    expect(list.stdout).toMatch(/^en +APN +shipped /m);

    const rm = await otter(["clarity", "glossary", "remove", "en", "eDRX"]);
    expect(rm.code, rm.stderr).toBe(0);
    const after = await otter(["--json", "clarity", "glossary", "list", "--language", "en"]);
    expect(JSON.parse(after.stdout).items.some((x: { term: string }) => x.term === "eDRX")).toBe(
      false,
    );
  });

  it("prints the weekly statistics", async () => {
    const r = await otter(["clarity", "stats", "--weeks", "3"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(4);
    expect(r.stdout).toMatch(/^WEEK +REPLIES +OPEN +SHARE +BY RULE/);
  });
});
