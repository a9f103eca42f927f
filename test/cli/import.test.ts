import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, simIdentifiers } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

let t: TestOtter;
let dir: string;
beforeAll(async () => {
  t = await startOtter();
  dir = await mkdtemp(join(tmpdir(), "otter-cli-import-"));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const otter = (args: string[]) => runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey });

async function csvFile(name: string, rows: string[][]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, ["iccid,imsi,msisdn", ...rows.map((r) => r.join(","))].join("\n") + "\n");
  return file;
}

const row = () => {
  const s = simIdentifiers();
  return [s.iccid, s.imsi, s.msisdn];
};

/** The same ICCID with a wrong Luhn check digit. */
const badCheckDigit = (iccid: string) => iccid.slice(0, -1) + ((Number(iccid.at(-1)) + 1) % 10);

describe("otter sims import", () => {
  it("uploads a CSV, follows the job and reports the SIMs created", async () => {
    const account = await buildAccount(t);
    const rows = [row(), row(), row()];
    const file = await csvFile("fleet.csv", rows);

    const r = await otter(["sims", "import", file, "--account", account.id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Job [\w-]+ \(sims\.import\) succeeded/m);
    expect(r.stdout).toContain("created 3, updated 0, unchanged 0, failed 0");
    expect(r.stderr).toMatch(/^job [\w-]+: /m); // plain progress lines when not on a terminal

    const listed = await t.api("GET", `/api/v1/sims?accountId=${account.id}`);
    expect(listed.body.items.map((s: { iccid: string }) => s.iccid).sort()).toEqual(
      rows.map((x) => x[0]).sort(),
    );
    const jobs = await t.api("GET", "/api/v1/jobs");
    expect(jobs.body.items[0]).toMatchObject({ fileName: "fleet.csv", status: "succeeded" });
  });

  it("fails on an invalid row, naming its line, and imports nothing", async () => {
    const account = await buildAccount(t);
    const good = row();
    const bad = row();
    bad[0] = badCheckDigit(bad[0]!);
    const file = await csvFile("broken.csv", [good, bad]);

    const r = await otter(["sims", "import", file, "--account", account.id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Job [\w-]+ \(sims\.import\) failed/m);
    expect(r.stdout).toMatch(/^LINE\s+ICCID\s+FIELD\s+CODE\s+MESSAGE$/m);
    expect(r.stdout).toMatch(new RegExp(`^3\\s+${bad[0]}\\s+iccid\\s+ICCID_CHECK_DIGIT\\s`, "m"));
    expect(r.stdout).toMatch(/otter jobs results [\w-]+ -o results\.csv/);
    expect(r.stderr).toMatch(/^error IMPORT_INVALID_ROWS: /m);
    expect(r.stderr).toContain("--skip-invalid");
    expect((await t.api("GET", `/api/v1/sims?accountId=${account.id}`)).body.items).toEqual([]);
  });

  it("with --skip-invalid imports the valid rows, and the results download names every line", async () => {
    const account = await buildAccount(t);
    const good = row();
    const bad = row();
    bad[0] = badCheckDigit(bad[0]!);
    const file = await csvFile("partly.csv", [bad, good]);

    const started = await otter([
      "sims",
      "import",
      file,
      "--account",
      account.id,
      "--skip-invalid",
      "--no-watch",
      "--json",
    ]);
    expect(started.code).toBe(0);
    const { jobId } = JSON.parse(started.stdout) as { jobId: string };

    const watched = await otter(["jobs", "watch", jobId]);
    expect(watched.code).toBe(0);
    expect(watched.stdout).toContain("created 1, updated 0, unchanged 0, failed 1");
    expect(watched.stdout).toMatch(
      new RegExp(`^2\\s+${bad[0]}\\s+iccid\\s+ICCID_CHECK_DIGIT`, "m"),
    );

    const out = join(dir, "results.csv");
    const results = await otter(["jobs", "results", jobId, "-o", out]);
    expect(results.code).toBe(0);
    const csv = await readFile(out, "utf8");
    expect(csv.split("\n")[0]).toBe("line,iccid,outcome,field,code,message");
    expect(csv).toContain(`2,${bad[0]},failed,iccid,ICCID_CHECK_DIGIT,`);
    expect(csv).toContain(`3,${good[0]},created,`);
  });

  it("with --dry-run writes nothing", async () => {
    const account = await buildAccount(t);
    const file = await csvFile("dry.csv", [row(), row()]);
    const r = await otter(["sims", "import", file, "--account", account.id, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dry run: nothing written");
    expect(r.stdout).toContain("would create 2, would update 0, unchanged 0, failed 0");
    expect(r.stdout).not.toMatch(/^\s*created/m);
    expect((await t.api("GET", `/api/v1/sims?accountId=${account.id}`)).body.items).toEqual([]);
  });

  it("reads the CSV from standard input with -", async () => {
    const account = await buildAccount(t);
    const rows = [row(), row()];
    const csv = ["iccid,imsi,msisdn", ...rows.map((r) => r.join(","))].join("\n") + "\n";
    const r = await runCli(
      ["sims", "import", "-", "--account", account.id],
      { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey },
      csv,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("created 2");
    expect((await t.api("GET", `/api/v1/sims?accountId=${account.id}`)).body.items).toHaveLength(2);
  });

  it("reports a missing file and a missing account without starting a job", async () => {
    const missing = await otter(["sims", "import", join(dir, "nope.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error FILE_NOT_FOUND: /m);

    const file = await csvFile("no-account.csv", [row()]);
    const noAccount = await otter(["sims", "import", file]);
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toMatch(/^error IMPORT_ACCOUNT_MISSING: /m);
    expect(noAccount.stderr).toContain("--account");
  });
});
