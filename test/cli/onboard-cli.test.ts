import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { uploadCsv } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

/** `otter onboard` on the documented example: check, apply with the job followed, list, show. */
const EXAMPLE = "docs/examples/onboarding.yaml";
const iccid = (n: number) => {
  const p = `89440000000${String(n).padStart(7, "0")}`;
  return p + luhnCheckDigit(p);
};

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
  for (const [name, countries] of [
    ["EU", ["FR", "IT"]],
    ["East Africa", ["KE", "TZ"]],
  ] as const)
    await t.api("POST", "/api/v1/zones", { body: { name, countries } });
  const rows = Array.from({ length: 101 }, (_, i) => {
    const n = String(i + 1).padStart(9, "0");
    return `${iccid(i + 1)},23415${n}0,4477${n}`;
  });
  const up = await uploadCsv(
    t,
    `iccid,imsi,msisdn\n${rows.join("\n")}\n`,
    `accountId=${t.rootAccountId}`,
  );
  // The server's own worker runs the import.
  for (let i = 0; i < 600; i++) {
    const job = (await t.api("GET", `/api/v1/jobs/${up.body.jobId}`)).body;
    if (job.status !== "queued" && job.status !== "running") {
      expect(job.status).toBe("succeeded");
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  await t?.close();
});

const otter = (args: string[]) => runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey });

describe("otter onboard", () => {
  it("checks a spec: every finding with its path, exit 1 on errors", async () => {
    const ok = await otter(["onboard", "check", EXAMPLE]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^warning\s+sims\[1\]\s+BILL_SHOCK_RISK/m);
    expect(ok.stderr).toContain("Feasible: 1 warning(s), no error.");

    const bad = join(tmpdir(), `onboarding-bad-${process.pid}.json`);
    writeFileSync(
      bad,
      JSON.stringify({ version: 1, reference: "CTR-X", customer: { name: "X" }, dates: {} }),
    );
    const res = await otter(["onboard", "check", bad]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^error\s+customer\.legalName\s+SPEC_INVALID_TYPE/m);
    expect(res.stdout).toMatch(/^error\s+dates\.contractSigned\s+/m);
    expect(res.stderr).toContain("Not feasible");
  });

  it("applies a spec, follows its job, then lists and shows the onboarding", async () => {
    const res = await otter(["onboard", "apply", EXAMPLE]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain("Onboarding CTR-2026-0042 is waiting_on_customer.");
    const again = await otter(["onboard", "apply", EXAMPLE]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("nothing to do");
    const list = await otter(["onboard", "list"]);
    expect(list.stdout).toMatch(/CTR-2026-0042\s+Savannah Wildlife Trust\s+waiting_on_customer/);
    const show = await otter(["onboard", "show", "CTR-2026-0042"]);
    expect(show.stdout).toMatch(/State\s+waiting_on_customer/);
    expect(show.stdout).toMatch(/Last run\s+4 accounts, 4 plans created, 101 SIMs assigned/);
  });

  it("prints both ends' swanctl.conf and the tunnel sheet of an applied onboarding", async () => {
    const op = await otter(["onboard", "ipsec", "CTR-2026-0042", "--side", "operator"]);
    expect(op.code, op.stderr).toBe(0);
    expect(op.stdout).toContain("local_addrs = 198.51.100.1");
    expect(op.stdout).toContain("local_ts = 10.60.0.0/16");
    const file = join(tmpdir(), `swanctl-customer-${process.pid}.conf`);
    const cust = await otter([
      "onboard",
      "ipsec",
      "CTR-2026-0042",
      "--side",
      "customer",
      "-o",
      file,
    ]);
    expect(cust.code, cust.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("local_ts = 192.168.10.0/24");
    const bad = await otter(["onboard", "ipsec", "CTR-2026-0042", "--side", "both"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Expected one of: operator, customer.");

    const sheet = await otter(["onboard", "tunnel-sheet", "CTR-2026-0042"]);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toContain("# IPsec tunnel sheet: Savannah Wildlife Trust");
    expect(sheet.stdout).toContain("| ESP proposals | aes256gcm16-ecp384 |");
  });
});

describe("otter onboard plan and apply of a changed spec", () => {
  it("prints the plan like terraform and applies it only with --yes when not asked", async () => {
    const changed = join(tmpdir(), `onboarding-changed-${process.pid}.yaml`);
    writeFileSync(
      changed,
      readFileSync(EXAMPLE, "utf8").replace(
        "{ key: kenya, name: Kenya }",
        "{ key: kenya, name: Kenya North }",
      ),
    );
    const plan = await otter(["onboard", "plan", changed]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(
      /^~ change\s+accounts\[0\]\.name\s+account "Kenya": "Kenya" → "Kenya North"$/m,
    );
    expect(plan.stdout).toContain("Plan: 0 to create, 1 to change, 0 to move, 0 to remove.");

    // No terminal to ask: refused without --yes, nothing applied.
    const refused = await otter(["onboard", "apply", changed]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("--yes");
    expect((await otter(["onboard", "plan", changed])).stdout).toContain("1 to change");

    const applied = await otter(["onboard", "apply", changed, "--yes"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("~ change");
    expect(applied.stderr).toContain("Onboarding CTR-2026-0042 is waiting_on_customer.");
    const after = await otter(["onboard", "plan", changed]);
    expect(after.stderr).toContain("No changes");
    expect(after.stdout).toContain("Plan: 0 to create, 0 to change, 0 to move, 0 to remove.");
  });
});

describe("otter onboard tasks and done", () => {
  it("lists the tasks and marks them done; the last one makes the onboarding live", async () => {
    const tasks = await otter(["onboard", "tasks", "CTR-2026-0042"]);
    expect(tasks.code, tasks.stderr).toBe(0);
    expect(tasks.stdout).toMatch(
      /Case #\d+ \(new\): Onboarding Savannah Wildlife Trust: tunnel, SIM shipment, acceptance/,
    );
    expect(tasks.stdout).toMatch(/1\s+tunnel_date\s+agree the tunnel date.*2026-03-09\s+open/);
    const unknown = await otter(["onboard", "done", "CTR-2026-0042", "7"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('has no task "7"');
    const first = await otter(["onboard", "done", "CTR-2026-0042", "1", "--note", "11 March"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("Onboarding CTR-2026-0042 is waiting_on_customer.");
    await otter(["onboard", "done", "CTR-2026-0042", "sim_shipment"]);
    const last = await otter(["onboard", "done", "CTR-2026-0042", "acceptance"]);
    expect(last.stderr).toContain("Done: customer acceptance. Onboarding CTR-2026-0042 is live.");
    const after = await otter(["onboard", "tasks", "CTR-2026-0042"]);
    expect(after.stdout).not.toMatch(/\sopen\s*$/m);
  });
});
