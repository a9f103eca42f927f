import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { buildUser, runJob, uploadCsv } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** Changing a provisioned onboarding: the plan, its confirmation by hash, and its application. */
const EXAMPLE = readFileSync(
  new URL("../../docs/examples/onboarding.yaml", import.meta.url),
  "utf8",
);
const iccid = (n: number) => {
  const p = `89440000000${String(n).padStart(7, "0")}`;
  return p + luhnCheckDigit(p);
};
const example = () => parseYaml(EXAMPLE) as Record<string, any>;

let t: TestOtter;
let customerId: string;
/** The spec the last test applied, for the next to change. */
let lastApplied: Record<string, any>;

const post = (body: Record<string, unknown>) => t.api("POST", "/api/v1/onboardings", { body });
const accountNamed = async (name: string) => {
  const all = (await t.api("GET", "/api/v1/accounts?limit=200")).body.items;
  return all.find((a: any) => a.name === name);
};

/** The example with a renamed sub-account, its first SIM group moved and a new rate plan. */
function changed() {
  const spec = example();
  spec.accounts[0].name = "Kenya North";
  spec.sims[0].account = "tanzania";
  spec.plans.rate.push({
    name: "Collar 50MB",
    currency: "EUR",
    monthlyFeePerSim: 3,
    includedDataMB: 50,
    zones: [{ zone: "EU", dataPerMB: 0.3 }],
  });
  return spec;
}

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  for (const [name, countries] of [
    ["EU", ["FR", "IT"]],
    ["East Africa", ["KE", "TZ"]],
  ] as const)
    expect((await t.api("POST", "/api/v1/zones", { body: { name, countries } })).status).toBe(201);
  const rows = Array.from({ length: 101 }, (_, i) => {
    const n = String(i + 1).padStart(9, "0");
    return `${iccid(i + 1)},23415${n}0,4477${n}`;
  });
  const up = await uploadCsv(
    t,
    `iccid,imsi,msisdn\n${rows.join("\n")}\n`,
    `accountId=${t.rootAccountId}`,
  );
  expect((await runJob(t, up.body.jobId)).status).toBe("succeeded");
  const res = await post({ spec: EXAMPLE });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const job = await runJob(t, res.body.jobId);
  expect(job.status, JSON.stringify(job.failure)).toBe("succeeded");
  customerId = (await t.api("GET", "/api/v1/onboardings/CTR-2026-0042")).body.customerAccountId;
});
afterAll(async () => {
  await t?.close();
});

describe("the plan of a changed onboarding spec", () => {
  it("is empty for the spec already applied", async () => {
    const res = await post({ spec: EXAMPLE, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({
      entries: [],
      summary: { create: 0, change: 0, move: 0, remove: 0 },
    });
  });

  it("lists exactly the rename, the new rate plan and the SIMs to move", async () => {
    const res = await post({ spec: changed(), dryRun: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.feasible).toBe(true);
    const entries = res.body.plan.entries;
    expect(entries.map((e: any) => [e.action, e.path])).toEqual([
      ["change", "accounts[0].name"],
      ["create", "plans.rate[2]"],
      ["move", "sims[0]"],
    ]);
    expect(entries[0]).toMatchObject({ before: "Kenya", after: "Kenya North" });
    expect(entries[2]).toMatchObject({
      before: { account: "masai-mara" },
      after: { account: "tanzania" },
      count: 99,
      examples: [iccid(1), iccid(2), iccid(3)],
    });
    expect(res.body.plan.summary).toEqual({ create: 1, change: 1, move: 1, remove: 0 });

    // In the reader's language, with the same hash: the plan is the same whoever reads it.
    const it = await t.api("POST", "/api/v1/onboardings", {
      body: { spec: changed(), dryRun: true },
      headers: { "accept-language": "it" },
    });
    expect(it.body.plan.hash).toBe(res.body.plan.hash);
    expect(it.body.plan.entries.map((e: any) => e.objectMessage.text)).toEqual([
      "account «Kenya»",
      "piano tariffario «Collar 50MB»",
      "gruppo di SIM 0",
    ]);
    expect(entries[0].object).toBe('account "Kenya"');
  });

  it("is not applied without its hash, nor with the hash of another plan", async () => {
    const sim = async () => (await t.api("GET", `/api/v1/sims/${iccid(1)}`)).body;
    const simBefore = await sim();
    const bare = await post({ spec: changed() });
    expect(bare.status).toBe(409);
    expect(bare.body.error.code).toBe("ONBOARDING_PLAN_NOT_CONFIRMED");
    expect(bare.body.error.details.plan).toHaveLength(3);

    // The hash the user saw was for a smaller change: the plan is different now.
    const smaller = example();
    smaller.accounts[0].name = "Kenya North";
    const seen = (await post({ spec: smaller, dryRun: true })).body.plan.hash;
    const stale = await post({ spec: changed(), confirmPlan: seen });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("ONBOARDING_PLAN_NOT_CONFIRMED");
    expect(stale.body.error.details.planHash).not.toBe(seen);

    expect(await accountNamed("Kenya North")).toBeUndefined();
    expect((await sim()).accountId).toBe(simBefore.accountId);
    expect((await t.api("GET", "/api/v1/rate-plans/Collar%2050MB")).status).toBe(404);
  });

  it("applies the confirmed plan: renamed, created, SIMs moved with audit rows naming the job", async () => {
    const plan = (await post({ spec: changed(), dryRun: true })).body.plan;
    const res = await post({ spec: changed(), confirmPlan: plan.hash });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.plan.hash).toBe(plan.hash);
    const job = await runJob(t, res.body.jobId);
    expect(job.status, JSON.stringify(job.failure)).toBe("succeeded");

    const kenya = await accountNamed("Kenya North");
    expect(kenya).toMatchObject({ parentId: customerId });
    expect(await accountNamed("Kenya")).toBeUndefined();
    expect((await t.api("GET", "/api/v1/rate-plans/Collar%2050MB")).status).toBe(200);
    const tanzania = await accountNamed("Tanzania");
    for (const n of [1, 50, 99]) {
      const sim = (await t.api("GET", `/api/v1/sims/${iccid(n)}`)).body;
      expect(sim.accountId).toBe(tanzania.id);
      expect(sim.state).toBe("TEST_READY");
    }
    const audit = (await t.api("GET", `/api/v1/sims/${iccid(1)}/audit`)).body.items;
    const moved = audit.filter((a: any) => a.jobId === res.body.jobId);
    expect(moved.map((a: any) => a.field)).toEqual(["account"]);
    expect(moved[0].changes.account.to).toBe(tanzania.id);

    // Applied: the same spec again has nothing left to plan, and applying it changes nothing.
    expect((await post({ spec: changed(), dryRun: true })).body.plan.entries).toEqual([]);
    const again = await post({ spec: changed() });
    expect(again.status).toBe(202);
    expect(again.body.jobId).toBeNull();
  });

  it("plans the same spec against the current state: an account renamed in the console is renamed back", async () => {
    const tanzania = await accountNamed("Tanzania");
    const patched = await t.api("PATCH", `/api/v1/accounts/${tanzania.id}`, {
      body: { name: "Tanzania (old)" },
    });
    expect(patched.status).toBe(200);
    const plan = (await post({ spec: changed(), dryRun: true })).body.plan;
    expect(plan.entries).toEqual([
      {
        action: "change",
        path: "accounts[2].name",
        object: 'account "Tanzania (old)"',
        objectMessage: {
          code: "plan.account",
          params: { name: "Tanzania (old)" },
          text: 'account "Tanzania (old)"',
        },
        before: "Tanzania (old)",
        after: "Tanzania",
      },
    ]);
    expect((await post({ spec: changed() })).status).toBe(409);
    const res = await post({ spec: changed(), confirmPlan: plan.hash });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await runJob(t, res.body.jobId)).status).toBe("succeeded");
    expect((await t.api("GET", `/api/v1/accounts/${tanzania.id}`)).body.name).toBe("Tanzania");
  });

  it("changes the customer's VAT number, compared as the accounts service stores it", async () => {
    const spec = changed();
    spec.customer.vatNumber = "gb 987.6543-21";
    const plan = (await post({ spec, dryRun: true })).body.plan;
    expect(plan.entries).toEqual([
      {
        action: "change",
        path: "customer.vatNumber",
        object: 'account "Savannah Wildlife Trust"',
        objectMessage: {
          code: "plan.account",
          params: { name: "Savannah Wildlife Trust" },
          text: 'account "Savannah Wildlife Trust"',
        },
        before: "GB123456789",
        after: "GB987654321",
      },
    ]);
    const res = await post({ spec, confirmPlan: plan.hash });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await runJob(t, res.body.jobId)).status).toBe("succeeded");
    expect((await t.api("GET", `/api/v1/accounts/${customerId}`)).body.vatNumber).toBe(
      "GB987654321",
    );
    expect((await post({ spec, dryRun: true })).body.plan.entries).toEqual([]);
  });

  it("covers terms, contacts, the billing address, a new parent and what left the spec", async () => {
    const spec = changed();
    spec.customer.vatNumber = "gb 987.6543-21";
    spec.customer.billingAddress.city = "Nakuru";
    spec.customer.contacts = [
      { ...spec.customer.contacts[0], phone: "+254 700 000 009" },
      { name: "Juma Otieno", email: "juma@savannah.example", role: "commercial" },
    ];
    spec.accounts[1].parent = "tanzania"; // Masai Mara, under Kenya until now
    spec.plans.rate[1].monthlyFeePerSim = 2.5; // Collar Roaming, created by this onboarding
    spec.sims[0].ranges = [{ from: iccid(1), to: iccid(49) }];
    spec.sims[0].quantity = 49;
    const dry = await post({ spec, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    const plan = dry.body.plan;
    expect(plan.entries.map((e: any) => [e.action, e.path])).toEqual([
      ["change", "customer.billingAddress"],
      ["change", "customer.contacts[0]"],
      ["create", "customer.contacts[1]"],
      ["remove", "customer.contacts"],
      ["move", "accounts[1].parent"],
      ["change", "plans.rate[1]"],
      ["remove", "sims[0]"],
    ]);
    const at = (path: string, action: string) =>
      plan.entries.find((e: any) => e.path === path && e.action === action);
    expect(at("customer.billingAddress", "change")).toMatchObject({
      before: { city: "Nairobi" },
      after: { city: "Nakuru" },
    });
    expect(at("customer.contacts", "remove")).toMatchObject({
      before: { name: "Grace Wanjiru", email: "billing@savannah.example" },
    });
    expect(at("accounts[1].parent", "move")).toMatchObject({ before: "kenya", after: "tanzania" });
    expect(at("plans.rate[1]", "change")).toMatchObject({
      before: { monthlyFeePerSim: 2 },
      after: { monthlyFeePerSim: 2.5 },
    });
    expect(at("sims[0]", "remove")).toMatchObject({
      count: 50,
      examples: [iccid(50), iccid(51), iccid(52)],
    });
    expect(plan.summary).toEqual({ create: 1, change: 3, move: 1, remove: 2 });

    const versionsBefore = (await t.api("GET", "/api/v1/rate-plans/Collar%20Roaming")).body.versions
      .length;
    t.clock.advance(60_000); // the new version takes effect after the first (same test clock)
    const res = await post({ spec, confirmPlan: plan.hash });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const job = await runJob(t, res.body.jobId);
    expect(job.status, JSON.stringify(job.failure)).toBe("succeeded");

    const customer = (await t.api("GET", `/api/v1/accounts/${customerId}`)).body;
    expect(customer.billingAddress).toMatchObject({ city: "Nakuru" });
    const contacts = (await t.api("GET", `/api/v1/accounts/${customerId}/contacts`)).body.items;
    expect(contacts.map((c: any) => [c.email, c.phone]).sort()).toEqual([
      ["amani@savannah.example", "+254 700 000 009"],
      ["juma@savannah.example", null],
    ]);
    // Terms: a new version from now; the earlier one stays as it was billed.
    const roaming = (await t.api("GET", "/api/v1/rate-plans/Collar%20Roaming")).body;
    expect(roaming.versions).toHaveLength(versionsBefore + 1);
    expect(roaming.versions.at(-1).subscription.monthlyFeePerSim).toBe(2.5);
    expect(roaming.versions.at(-2).subscription.monthlyFeePerSim).toBe(2);
    // Reported, not applied: the SIMs that left stay where they are. Applied: the new parent.
    const tanzania = await accountNamed("Tanzania");
    expect((await t.api("GET", `/api/v1/sims/${iccid(60)}`)).body.accountId).toBe(tanzania.id);
    expect((await accountNamed("Masai Mara")).parentId).toBe(tanzania.id);
    // Applied: nothing left to plan.
    expect((await post({ spec, dryRun: true })).body.plan.entries).toEqual([]);
    lastApplied = spec;
  });

  it("moves a sub-account back under its old parent with its SIMs, once", async () => {
    // First the SIMs of group 0 go to Masai Mara (under Tanzania since the last run).
    const spec = structuredClone(lastApplied);
    spec.sims[0].account = "masai-mara";
    const first = await post({ spec, dryRun: true });
    const go = await post({ spec, confirmPlan: first.body.plan.hash });
    expect(go.status, JSON.stringify(go.body)).toBe(202);
    expect((await runJob(t, go.body.jobId)).status).toBe("succeeded");
    const mara = await accountNamed("Masai Mara");
    expect((await t.api("GET", `/api/v1/sims/${iccid(1)}`)).body.accountId).toBe(mara.id);
    const kenya = await accountNamed("Kenya North");
    const tanzania = await accountNamed("Tanzania");
    const kenyaUser = await buildUser(t, kenya.id, "customer_user");
    const tanzaniaUser = await buildUser(t, tanzania.id, "customer_user");
    const maraUser = await buildUser(t, mara.id, "customer_user");
    const sees = async (key: string) =>
      (await t.api("GET", `/api/v1/sims/${iccid(1)}`, { key })).status === 200;
    expect([await sees(kenyaUser.key), await sees(tanzaniaUser.key)]).toEqual([false, true]);

    // Then Masai Mara goes back under Kenya: the plan shows the move, and only it.
    spec.accounts[1].parent = "kenya";
    const dry = await post({ spec, dryRun: true });
    expect(dry.body.plan.entries).toMatchObject([
      {
        action: "move",
        path: "accounts[1].parent",
        object: 'account "Masai Mara"',
        before: "tanzania",
        after: "kenya",
      },
    ]);
    const res = await post({ spec, confirmPlan: dry.body.plan.hash });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const job = await runJob(t, res.body.jobId);
    expect(job.status, JSON.stringify(job.failure)).toBe("succeeded");

    expect((await accountNamed("Masai Mara")).parentId).toBe(kenya.id);
    expect((await t.api("GET", `/api/v1/sims/${iccid(1)}`)).body.accountId).toBe(mara.id);
    expect([await sees(kenyaUser.key), await sees(tanzaniaUser.key)]).toEqual([true, false]);
    expect(await sees(maraUser.key)).toBe(true);
    const audit = await t.api("GET", `/api/v1/audit-log?accountId=${mara.id}&action=account.moved`);
    expect(audit.body.items[0].data).toMatchObject({
      fromParentId: tanzania.id,
      toParentId: kenya.id,
      sims: 49,
    });
    const moves = audit.body.items.length;

    // Once: the same spec again plans nothing and moves nothing.
    expect((await post({ spec, dryRun: true })).body.plan.entries).toEqual([]);
    const again = await post({ spec });
    expect(again.body.jobId).toBeNull();
    const after = await t.api("GET", `/api/v1/audit-log?accountId=${mara.id}&action=account.moved`);
    expect(after.body.items).toHaveLength(moves);
    lastApplied = spec;
  });

  it("puts back a sub-account moved in the console, as a plan like any other", async () => {
    const kenya = await accountNamed("Kenya North");
    const tanzania = await accountNamed("Tanzania");
    const mara = await accountNamed("Masai Mara");
    const moved = await t.api("POST", `/api/v1/accounts/${mara.id}/move`, {
      body: { parentId: tanzania.id },
    });
    expect(moved.status).toBe(200);
    const dry = await post({ spec: lastApplied, dryRun: true });
    expect(dry.body.plan.entries.map((e: any) => [e.action, e.path, e.before, e.after])).toEqual([
      ["move", "accounts[1].parent", "tanzania", "kenya"],
    ]);
    const res = await post({ spec: lastApplied, confirmPlan: dry.body.plan.hash });
    expect((await runJob(t, res.body.jobId)).status).toBe("succeeded");
    expect((await accountNamed("Masai Mara")).parentId).toBe(kenya.id);
  });
});
