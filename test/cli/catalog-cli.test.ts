import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

/**
 * Setting up a customer's catalog from the CLI: the walkthrough of docs/catalog.md, run as written,
 * then the account commands (details, contacts, the tree) and the API's errors as the CLI prints them.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

const otter = (args: string[]) => runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey });

/** The shell blocks of the walkthrough section of docs/catalog.md, in order. */
function walkthroughBlocks(): string[] {
  const doc = readFileSync(`${ROOT}docs/catalog.md`, "utf8");
  const section = doc.split(/^## /m).find((s) => s.startsWith("Walkthrough"))!;
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/**
 * Runs one block in bash with `otter` as the real command (from source). Variables a block assigns
 * (`ACCOUNT=$(…)`) are handed to the blocks after it. `jq` is emulated for `jq -r .field` where the
 * machine has none.
 */
async function runBlock(block: string, vars: Record<string, string>) {
  const assigned = [...block.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);
  const script = [
    "set -euo pipefail",
    `otter() { node --import tsx "${ROOT}src/cli/otter.ts" "$@"; }`,
    'command -v jq >/dev/null || jq() { node -e \'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s)[process.argv[1].slice(1)]))\' "${@: -1}"; }',
    ...Object.entries(vars).map(([k, v]) => `${k}='${v}'`),
    block,
    ...assigned.map((v) => `echo "__var ${v}=\${${v}}"`),
  ].join("\n");
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("OTTER_")) env[k] = v;
  const child = spawn("bash", ["-c", script], {
    cwd: ROOT,
    env: { ...env, OTTER_URL: t.url, OTTER_API_KEY: t.adminKey },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  for (const m of stdout.matchAll(/^__var ([A-Z_]+)=(.*)$/gm)) vars[m[1]!] = m[2]!;
  return { code, stdout: stdout.replace(/^__var .*\n/gm, ""), stderr };
}

describe("docs/catalog.md, run as written", () => {
  it(
    "sets up a customer, its zones, plans, a second rate version and offers",
    { timeout: 480_000 },
    async () => {
      const blocks = walkthroughBlocks();
      expect(blocks.length).toBeGreaterThanOrEqual(6);
      const vars: Record<string, string> = {};
      const outputs = [];
      for (const block of blocks) {
        const r = await runBlock(block, vars);
        expect(r.code, `${block}\n${r.stderr}`).toBe(0);
        outputs.push(r);
        t.clock.advance(60_000); // a person types the next block a minute later
      }
      const account = vars.ACCOUNT!;
      expect(account).toMatch(/^[0-9a-f-]{36}$/);

      const firstCheck = outputs.find((o) => o.stdout.includes("WARNINGS"))!;
      expect(firstCheck.stdout).toMatch(/^Savanna LTE-M\s+Savanna 10MB\s+1$/m);
      expect(firstCheck.stdout).toMatch(
        /^warning BILL_SHOCK_RISK: .*allows zone "Southern Africa", which rate plan "Savanna 10MB" \(version 1\)/m,
      );
      const last = outputs[outputs.length - 1]!;
      expect(last.stdout).toMatch(/^Savanna LTE-M\s+Savanna 10MB\s+0$/m);
      expect(last.stderr).toContain("No bill-shock risk.");

      const got = (await t.api("GET", `/api/v1/accounts/${account}`)).body;
      expect(got).toMatchObject({
        name: "Savanna Trackers",
        legalName: "Savanna Trackers Ltd",
        vatNumber: "KEP051234567X",
        currency: "KES",
        billingAddress: { addressLine1: "Ngong Road 12", city: "Nairobi", country: "KE" },
        contacts: [{ name: "Wanjiru Kamau", phone: "+254 700 000 001", role: "operations" }],
      });
      const zone = (await t.api("GET", "/api/v1/zones/East%20Africa")).body;
      expect(zone).toMatchObject({
        countries: ["KE", "TZ", "UG"],
        description: "Where the herds are",
      });
      const rate = (await t.api("GET", "/api/v1/rate-plans/Savanna%2010MB")).body;
      expect(rate.currentVersion.version).toBe(2);
      expect(rate.currentVersion.zones).toMatchObject([
        { zone: { name: "East Africa" }, dataPerMB: 5 },
        { zone: { name: "Southern Africa" }, dataPerMB: 8, smsMO: 2 },
      ]);
      expect(rate.currentVersion).toMatchObject({
        subscription: { monthlyFeePerSim: 150 },
        included: { dataBytes: 10 * 1024 * 1024 },
        dataLimitBytes: 50 * 1024 * 1024,
      });
      const comm = (await t.api("GET", "/api/v1/communication-plans/Savanna%20LTE-M")).body;
      expect(comm).toMatchObject({
        apns: [{ name: "iot.savanna.example", type: "public" }],
        rats: ["LTE-M", "NB-IoT", "2G"],
        voiceEnabled: false,
        smsEnabled: true,
      });
      for (const seg of ["communication-plans/Savanna%20LTE-M", "rate-plans/Savanna%2010MB"]) {
        const offers = (await t.api("GET", `/api/v1/${seg}/offers`)).body;
        expect(offers.accounts.map((a: { id: string }) => a.id)).toEqual([account]);
      }
    },
  );
});

describe("catalog and account commands", () => {
  it("prints the API's errors, naming the field", { timeout: 120_000 }, async () => {
    const country = await otter(["zones", "create", "Atlantis", "--countries", "KE,XX"]);
    expect(country.code).toBe(1);
    expect(country.stderr).toMatch(/^error VALIDATION_FAILED: countries\.1: must be an ISO 3166/m);

    const zone = await otter([
      ...["plans", "create", "communication", "Nowhere"],
      ...["--apn", "iot.example", "--rats", "LTE", "--zones", "Atlantis"],
    ]);
    expect(zone.code).toBe(1);
    expect(zone.stderr).toMatch(/^error ZONE_NOT_FOUND: Zone "Atlantis" does not exist\./m);

    const fee = await otter([
      ...["plans", "create", "rate", "Free lunch", "--currency", "EUR"],
      ...["--monthly-fee", "cheap", "--price", "Nowhere=1"],
    ]);
    expect(fee.code).toBe(1);
    expect(fee.stderr).toMatch(/^error VALIDATION_FAILED: subscription\.monthlyFeePerSim: /m);
  });

  it("completes a customer record, shows it and draws its tree", { timeout: 120_000 }, async () => {
    const customer = await t.api("POST", "/api/v1/accounts", {
      body: {
        name: "Sea Otter Research",
        billingAddress: { addressLine1: "Quai 3", city: "Brest", country: "FR" },
        contacts: [{ name: "Anne Le Gall", email: "anne@otters.example" }],
      },
    });
    const id = customer.body.id as string;
    const contactId = customer.body.contacts[0].id as string;
    const region = await t.api("POST", "/api/v1/accounts", {
      body: { name: "Brittany", parentId: id },
    });
    await t.api("POST", "/api/v1/accounts", {
      body: { name: "Finistère", parentId: region.body.id },
    });
    await t.api("POST", "/api/v1/accounts", { body: { name: "Normandy", parentId: id } });

    const bad = await otter(["accounts", "update", id, "--vat-number", "FR?12"]);
    expect(bad.code).toBe(1);
    // One line, printed once: the field, what is wrong, and the detail's code.
    expect(bad.stderr).toMatch(/^error VALIDATION_FAILED: vatNumber: .*\[VAT_NUMBER_INVALID\]/m);
    expect(bad.stderr.match(/vatNumber/g)).toHaveLength(1);

    const updated = await otter([
      ...["accounts", "update", id, "--legal-name", "Sea Otter Research SAS"],
      ...["--vat-number", "FR 40 303 265 045", "--postal-code", "29200"],
      ...["--add-contact", "Yann Morvan,email=yann@otters.example,role=billing,language=fr"],
      ...["--remove-contact", contactId],
    ]);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain(`Updated account Sea Otter Research (${id}).`);

    const shown = await otter(["accounts", "get", id]);
    expect(shown.stdout).toMatch(/^Legal name\s+Sea Otter Research SAS$/m);
    expect(shown.stdout).toMatch(/^VAT number\s+FR40303265045$/m);
    expect(shown.stdout).toMatch(/^Billing address\s+Quai 3, 29200 Brest, FR$/m);
    expect(shown.stdout).toMatch(/^\s+Yann Morvan\s+yann@otters\.example\s+-\s+billing\s+fr\s/m);
    expect(shown.stdout).not.toContain("Anne Le Gall");

    const tree = await otter(["accounts", "tree", id]);
    expect(tree.code).toBe(0);
    expect(tree.stdout.trim().split("\n")).toEqual([
      `Sea Otter Research (customer) ${id}`,
      `├── Brittany (customer) ${region.body.id}`,
      expect.stringMatching(/^│ {3}└── Finistère \(customer\) [0-9a-f-]{36}$/),
      expect.stringMatching(/^└── Normandy \(customer\) [0-9a-f-]{36}$/),
    ]);
    // docs/cli.md: with --json, { items: [ { id, name, kind, children } ] }.
    const treeJson = JSON.parse((await otter(["accounts", "tree", id, "--json"])).stdout);
    expect(treeJson.items).toEqual([
      expect.objectContaining({ id, name: "Sea Otter Research", kind: "customer" }),
    ]);
    expect(treeJson.items[0].children.map((c: { name: string }) => c.name)).toEqual([
      "Brittany",
      "Normandy",
    ]);
  });
});
