import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { createOnboardingProvisioner } from "../../src/modules/onboarding/onboarding-provision.js";
import { PROVISION_KIND } from "../../src/modules/onboarding/onboarding.service.js";
import { buildCustomer, buildUser, runJob, uploadCsv } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

const EXAMPLE = readFileSync(
  new URL("../../docs/examples/onboarding.yaml", import.meta.url),
  "utf8",
);
const iccid = (n: number, prefix = "89440000000") => {
  const p = prefix + String(n).padStart(18 - prefix.length, "0");
  return p + luhnCheckDigit(p);
};

let t: TestOtter;
let seq = 0;

/** SIMs in the operator's stock (root account, INVENTORY), imported with the given ICCIDs. */
async function stock(iccids: string[], state = "INVENTORY") {
  const lines = iccids.map((i) => {
    seq++;
    const n = String(seq).padStart(9, "0");
    return `${i},23415${n}0,4477${n},${state}`;
  });
  const res = await uploadCsv(
    t,
    `iccid,imsi,msisdn,state\n${lines.join("\n")}\n`,
    `accountId=${t.rootAccountId}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const job = await runJob(t, res.body.jobId);
  expect(job.status, JSON.stringify(job.errors)).toBe("succeeded");
}

const example = () => parseYaml(EXAMPLE) as Record<string, any>;

beforeAll(async () => {
  t = await startOtter({ OTTER_JOB_LEASE_MS: "500" }, { startWorkers: false });
  for (const [name, countries] of [
    ["EU", ["FR", "IT", "SE", "DE"]],
    ["East Africa", ["KE", "TZ"]],
  ] as const)
    expect((await t.api("POST", "/api/v1/zones", { body: { name, countries } })).status).toBe(201);
  await stock([...Array.from({ length: 99 }, (_, i) => iccid(i + 1)), iccid(100), iccid(101)]);
});
afterAll(async () => {
  await t?.close();
});

describe("onboarding feasibility check", () => {
  it("passes the documented example with only its warnings", async () => {
    const res = await t.api("POST", "/api/v1/onboardings", {
      body: { spec: EXAMPLE, dryRun: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.findings.filter((f: any) => f.severity === "error")).toEqual([]);
    expect(res.body).toMatchObject({
      reference: "CTR-2026-0042",
      feasible: true,
      errors: 0,
      summary: { accounts: 4, sims: 101, privateApns: 1, tunnels: 1 },
    });
    expect(res.body.findings.map((f: any) => [f.path, f.code])).toEqual([
      ["sims[1]", "BILL_SHOCK_RISK"],
    ]);
    expect((await t.api("GET", "/api/v1/onboardings")).body.items).toEqual([]);
  });

  it("lists every problem at once, each with its path", async () => {
    const spec = example();
    spec.reference = "CTR-BAD-1";
    spec.accounts[2].currency = "USD"; // its rate plan prices in EUR
    spec.plans.rate[0].monthlyFeePerSim = -1;
    spec.plans.communication.push({ name: "Ghost", reuse: true });
    spec.sims[0].ratePlan = "Nope";
    spec.sims[0].ranges = [
      { from: iccid(1), to: iccid(60) },
      { from: iccid(50), to: iccid(99) },
      { from: "8944000000000000010", to: iccid(3) }, // bad check digit
      { from: iccid(500), to: iccid(510) }, // not in stock
    ];
    spec.sims[0].quantity = 10;
    spec.services.apns[0].name = "bad_apn!";
    spec.services.apns[0].ipsec = {
      ...spec.services.apns[0].ipsec,
      ikeVersion: 1,
      ikeProposals: ["3des-sha1-modp1024"],
      espProposals: ["aes128-md5"],
      auth: "psk",
      psk: "short",
      customerSubnets: ["10.60.1.0/24"],
    };
    spec.services.apns[0].fixedIps.push({ iccid: iccid(700), ip: "10.61.0.1" });
    spec.accounts.push(
      { key: "loop-a", name: "A", parent: "loop-b" },
      { key: "loop-b", name: "B", parent: "loop-a" },
    );
    spec.dates.requestedGoLive = "2026-01-01";
    spec.people.onboardingOwner = "nobody@otter.local";
    spec.people.technicalContact = "someone@else.example";
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec, dryRun: true } });
    expect(res.status).toBe(200);
    expect(res.body.feasible).toBe(false);
    const got = res.body.findings.map((f: any) => `${f.severity} ${f.path} ${f.code}`);
    for (const want of [
      "error accounts[2].plans.rate[0] PLAN_CURRENCY_MISMATCH",
      "error plans.rate[0].monthlyFeePerSim PRICE_NEGATIVE",
      "error plans.communication[2].name PLAN_UNKNOWN",
      "error sims[0].ratePlan PLAN_UNKNOWN",
      "error sims[0].ranges[1] ICCID_RANGES_OVERLAP",
      "error sims[0].ranges[2].from ICCID_CHECK_DIGIT",
      "error sims[0].ranges[3] SIMS_NOT_IN_STOCK",
      "error sims[0].quantity SIM_QUANTITY_MISMATCH",
      "error services.apns[0].name APN_INVALID",
      "error services.apns[0].ipsec.ikeVersion IPSEC_IKEV1",
      "error services.apns[0].ipsec.ikeProposals[0] IPSEC_WEAK_CIPHER",
      "error services.apns[0].ipsec.ikeProposals[0] IPSEC_WEAK_INTEGRITY",
      "error services.apns[0].ipsec.ikeProposals[0] IPSEC_WEAK_DH_GROUP",
      "error services.apns[0].ipsec.espProposals[0] IPSEC_WEAK_INTEGRITY",
      "error services.apns[0].ipsec.psk IPSEC_PSK_TOO_SHORT",
      "warning services.apns[0].ipsec.auth IPSEC_PSK_AUTH",
      "error services.apns[0].ipsec.customerSubnets[0] APN_POOL_OVERLAP",
      "error dates.requestedGoLive DATES_GO_LIVE_BEFORE_SIGNATURE",
      "error people.onboardingOwner OWNER_UNKNOWN",
      "error people.technicalContact CONTACT_UNKNOWN",
      "error services.apns[0].fixedIps[1].ip FIXED_IP_OUTSIDE_POOL",
      "error services.apns[0].fixedIps[1].iccid FIXED_IP_SIM_NOT_IN_SPEC",
      "error accounts[3].parent ACCOUNT_CYCLE",
      "error accounts[4].parent ACCOUNT_CYCLE",
      "warning sims[1] BILL_SHOCK_RISK",
    ])
      expect(got).toContain(want);
  });

  it("words every finding in the caller's language, keeping the English message", async () => {
    const spec = example();
    spec.reference = "CTR-LANG-1";
    spec.dates.requestedGoLive = "2026-01-01";
    spec.sims[0].ranges = [{ from: iccid(1), to: iccid(1200) }];
    delete spec.sims[0].quantity;
    const ask = (language?: string) =>
      t.api("POST", "/api/v1/onboardings", {
        body: { spec, dryRun: true },
        ...(language && { headers: { "accept-language": language } }),
      });
    const byCode = (res: { body: any }, code: string) =>
      res.body.findings.find((f: any) => f.code === code);
    const [en, it, sv] = await Promise.all([ask(), ask("it"), ask("sv-SE, en;q=0.5")]);
    const english = "Go-live 2026-01-01 is before the contract was signed (2026-02-20).";
    expect(byCode(en, "DATES_GO_LIVE_BEFORE_SIGNATURE")).toMatchObject({
      message: english,
      text: english,
      params: { goLive: "2026-01-01", signed: "2026-02-20" },
    });
    expect(byCode(it, "DATES_GO_LIVE_BEFORE_SIGNATURE")).toMatchObject({
      message: english,
      text: "Il go-live 2026-01-01 è precedente alla firma del contratto (2026-02-20).",
    });
    expect(byCode(sv, "DATES_GO_LIVE_BEFORE_SIGNATURE").text).toBe(
      "Driftstarten 2026-01-01 ligger före avtalets undertecknande (2026-02-20).",
    );
    // The English message as it always was; the counts in the language's own way.
    expect(byCode(en, "SIMS_NOT_IN_STOCK").message).toBe(
      `1099 of the 1200 ICCIDs from ${iccid(1)} to ${iccid(1200)} are not in the operator's stock (root account, state INVENTORY or TEST_READY).`,
    );
    expect(byCode(it, "SIMS_NOT_IN_STOCK").text).toBe(
      `1099 dei 1200 ICCID da ${iccid(1)} a ${iccid(1200)} non sono nel magazzino dell'operatore (account radice, stato INVENTORY o TEST_READY).`,
    );
    expect(byCode(sv, "SIMS_NOT_IN_STOCK").text).toMatch(/^1\s?099 av de 1\s?200 ICCID från /);
    // The bill-shock warning is the catalog's, in the same language.
    expect(byCode(it, "BILL_SHOCK_RISK").text).toContain(
      "Il piano di comunicazione «Collar LTE-M Roaming» consente la zona «East Africa»",
    );
  });

  it("reports shape problems with their paths, and refuses to store an infeasible spec", async () => {
    const spec = example();
    spec.customer.currency = "EURO";
    spec.accounts[0].colour = "blue";
    spec.sims[0].state = "ACTIVE";
    delete spec.customer.legalName;
    const ask = (language: string) =>
      t.api("POST", "/api/v1/onboardings", {
        body: { spec, dryRun: true },
        headers: { "accept-language": language },
      });
    const [dry, it, sv] = await Promise.all([ask("en"), ask("it"), ask("sv")]);
    expect(dry.body.findings.map((f: any) => `${f.path} ${f.code}`)).toEqual(
      expect.arrayContaining([
        "customer.currency SPEC_INVALID_VALUE",
        "accounts[0].colour SPEC_UNKNOWN_FIELD",
        "sims[0].state SPEC_INVALID_VALUE",
        "customer.legalName SPEC_INVALID_TYPE",
      ]),
    );
    // Each finding in the reader's language, none of the validator's English in it; the English
    // `message` stays what API clients have always read.
    const at = (res: { body: any }, path: string) =>
      res.body.findings.find((f: any) => f.path === path);
    const states = '"TEST_READY", "INVENTORY", "ACTIVATION_READY", "ACTIVATED"';
    expect(at(dry, "sims[0].state")).toMatchObject({
      message:
        'Invalid option: expected one of "TEST_READY"|"INVENTORY"|"ACTIVATION_READY"|"ACTIVATED"',
      text: `Expected one of ${states}.`,
    });
    expect(at(it, "sims[0].state")).toMatchObject({
      code: "SPEC_INVALID_VALUE",
      message: at(dry, "sims[0].state").message,
      text: `Atteso uno tra ${states}.`,
    });
    expect(at(sv, "sims[0].state").text).toBe(`Förväntade ett av ${states}.`);
    expect(at(dry, "customer.legalName").message).toBe(
      "Invalid input: expected string, received undefined",
    );
    expect(at(it, "customer.legalName").text).toBe("Campo obbligatorio: serve un testo.");
    expect(at(sv, "customer.legalName").text).toBe("Fältet är obligatoriskt: det behöver en text.");
    expect(at(it, "customer.currency").text).toBe(
      "Atteso un codice di valuta ISO 4217, per esempio EUR.",
    );
    for (const f of [...it.body.findings, ...sv.body.findings])
      expect(f.text).not.toMatch(/Invalid|expected|received|must be/);
    const bad = example();
    bad.reference = "CTR-BAD-2";
    bad.dates.requestedGoLive = "2026-01-01";
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec: bad } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("ONBOARDING_NOT_FEASIBLE");
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ field: "dates.requestedGoLive" }),
    ]);
  });

  it("refuses an APN pool that overlaps another customer's private APN", async () => {
    const other = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: "Other private",
        apns: [{ name: "other.iot", type: "private", ipPool: "10.60.128.0/20" }],
        rats: ["LTE-M"],
        zones: ["EU"],
      },
    });
    expect(other.status).toBe(201);
    const spec = example();
    spec.reference = "CTR-BAD-3";
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec, dryRun: true } });
    expect(res.body.findings).toContainEqual(
      expect.objectContaining({ path: "services.apns[0].ipPool", code: "APN_POOL_OVERLAP" }),
    );
    spec.services.apns[0].name = "other.iot";
    const taken = await t.api("POST", "/api/v1/onboardings", { body: { spec, dryRun: true } });
    expect(taken.body.findings).toContainEqual(
      expect.objectContaining({ path: "services.apns[0].name", code: "APN_TAKEN" }),
    );
    // Out of the way for the provisioning tests below.
    await t.api("PATCH", "/api/v1/communication-plans/Other%20private", {
      body: { apns: [{ name: "other.iot", type: "private", ipPool: "10.99.0.0/20" }] },
    });
  });
});

describe("onboarding provisioning", () => {
  let onboardingId: string;
  let jobId: string;

  it("creates the customer, accounts, plans, offers and agreement, and moves the SIMs with audit rows", async () => {
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec: EXAMPLE } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ created: true, onboarding: { state: "validated" } });
    onboardingId = res.body.onboarding.id;
    jobId = res.body.jobId;
    const job = await runJob(t, jobId);
    expect(job, JSON.stringify(job.failure)).toMatchObject({
      kind: "onboarding.provision",
      status: "succeeded",
      progress: { phase: "done" },
    });
    expect(job.progress.done).toBe(job.progress.total);

    const o = (await t.api("GET", `/api/v1/onboardings/${onboardingId}`)).body;
    expect(o).toMatchObject({ state: "waiting_on_customer", reference: "CTR-2026-0042" });
    expect(o.provisioningAt).not.toBeNull();
    expect(o.report).toMatchObject({ accounts: 4, plansCreated: 4, simsAssigned: 101 });
    expect(o.services[0]).toMatchObject({ name: "savannah.iot", ipPool: "10.60.0.0/16" });
    const customer = (await t.api("GET", `/api/v1/accounts/${o.customerAccountId}`)).body;
    expect(customer).toMatchObject({
      name: "Savannah Wildlife Trust",
      legalName: "Savannah Wildlife Trust Ltd",
      vatNumber: "GB123456789",
      currency: "EUR",
      timeZone: "Africa/Nairobi",
    });
    expect(customer.contacts.map((c: any) => c.role).sort()).toEqual(["billing", "technical"]);
    const children = (await t.api("GET", `/api/v1/accounts?parentId=${o.customerAccountId}`)).body;
    expect(children.items.map((a: any) => a.name).sort()).toEqual(["Kenya", "Tanzania"]);

    const sim = (await t.api("GET", `/api/v1/sims/${iccid(1)}`)).body;
    expect(sim).toMatchObject({ state: "TEST_READY" });
    expect(sim.communicationPlan?.name ?? sim.communicationPlan).toBe("Collar LTE-M");
    const audit = (await t.api("GET", `/api/v1/sims/${iccid(1)}/audit`)).body.items;
    // One audit record for the SIM, naming the job and every field it changed.
    const byJob = audit.filter((a: any) => a.jobId === jobId);
    expect(byJob).toHaveLength(1);
    expect(byJob[0].field).toBe("account,state,communicationPlan,ratePlan");
    expect(byJob[0].changes).toMatchObject({
      account: { from: t.rootAccountId, to: sim.accountId },
      state: { from: "INVENTORY", to: "TEST_READY" },
      communicationPlan: { from: null, to: "Collar LTE-M" },
      ratePlan: { from: null, to: "Collar 10MB Flex" },
    });
    const listed = (await t.api("GET", `/api/v1/sims/${iccid(101)}`)).body;
    expect(listed.state).toBe("INVENTORY");

    const agreement = (
      await t.api("GET", `/api/v1/accounts/${o.customerAccountId}/support-agreement`)
    ).body;
    expect(agreement).toMatchObject({ inherited: false, firstResponse: { high: "PT2H" } });
    const offers = (await t.api("GET", "/api/v1/rate-plans/Collar%20Roaming/offers")).body;
    expect(offers.accounts.map((a: any) => a.name)).toEqual(["Tanzania"]);
  });

  it("changes nothing when the same spec is applied again", async () => {
    const before = (await t.api("GET", `/api/v1/sims/${iccid(1)}/audit`)).body.items.length;
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec: EXAMPLE } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ created: false, jobId: null });
    expect(res.body.onboarding.id).toBe(onboardingId);
    expect((await t.api("GET", `/api/v1/sims/${iccid(1)}/audit`)).body.items.length).toBe(before);
  });

  it("re-runs a changed spec, creating only what is new", async () => {
    const spec = example();
    spec.accounts.push({ key: "serengeti", name: "Serengeti", parent: "tanzania" });
    spec.services.apns[0].ipsec.auth = "psk";
    spec.services.apns[0].ipsec.psk = "k3y-sh4red-with-the-customer-0123456789";
    const plan = (await t.api("POST", "/api/v1/onboardings", { body: { spec, dryRun: true } })).body
      .plan;
    expect(plan.entries.map((e: any) => [e.action, e.path])).toEqual([["create", "accounts[3]"]]);
    const res = await t.api("POST", "/api/v1/onboardings", {
      body: { spec, confirmPlan: plan.hash },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.created).toBe(false);
    const job = await runJob(t, res.body.jobId);
    expect(job.status, JSON.stringify(job.failure)).toBe("succeeded");
    expect(job.counts).toMatchObject({
      created: 1,
      updated: 0,
      // customer, 3 sub-accounts, 4 plans, 4 offers, the agreement, 101 SIMs
      unchanged: 1 + 3 + 4 + 4 + 1 + 101,
    });
    const o = (await t.api("GET", `/api/v1/onboardings/${onboardingId}`)).body;
    expect(o.report).toMatchObject({ accounts: 5, simsAssigned: 101 });
    // The PSK is kept for the tunnel configuration but never shown.
    expect(o.services[0].ipsec.psk).toBe("********");
    expect(o.spec.services.apns[0].ipsec.psk).toBe("********");
    expect(JSON.stringify(o)).not.toContain("k3y-sh4red");
    // At rest it is sealed (OTTER_SECRET_KEY): nothing stored holds it in clear.
    const row = await t.otter.database.db
      .selectFrom("onboardings")
      .select(["spec", "services", "provisioned"])
      .where("id", "=", onboardingId)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain("k3y-sh4red");
    expect(stored).not.toContain(Buffer.from("k3y-sh4red").toString("hex"));
    expect(stored).toContain('"pskSealed":"v1:');
    // Shown back in full only in the swanctl.conf, and only to those allowed onboarding:secrets.
    const hex = Buffer.from("k3y-sh4red-with-the-customer-0123456789").toString("hex");
    const conf = await t.api("GET", `/api/v1/onboardings/${onboardingId}/ipsec?side=operator`);
    expect(conf.body).toContain(`secret = 0x${hex}`);
    const agent = await buildUser(t, t.rootAccountId, "operator_agent");
    const theirs = await t.api("GET", `/api/v1/onboardings/${onboardingId}/ipsec?side=operator`, {
      key: agent.key,
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body).not.toContain(hex);
    expect(theirs.body).toContain("<the PSK agreed out of band>");
    const all = (await t.api("GET", "/api/v1/accounts?limit=200")).body.items;
    expect(all.filter((a: any) => a.name === "Savannah Wildlife Trust")).toHaveLength(1);
  });

  it("seals at startup a PSK that a row stored before sealing holds in clear, and still prints it", async () => {
    const clearKey = "0ld-k3y-stored-in-clear-before-sealing-42";
    const db = t.otter.database.db;
    const read = () =>
      db
        .selectFrom("onboardings")
        .select(["spec", "services", "provisioned"])
        .where("id", "=", onboardingId)
        .executeTakeFirstOrThrow();
    // The row as an Otter before sealing left it: `psk` in clear in the spec, the applied spec and
    // the services.
    const unseal = (tunnel: any) => {
      const { pskSealed: _gone, ...rest } = tunnel;
      return { ...rest, psk: clearKey };
    };
    const row = (await read()) as any;
    const spec = structuredClone(row.spec);
    spec.services.apns[0].ipsec = unseal(spec.services.apns[0].ipsec);
    const provisioned = structuredClone(row.provisioned);
    provisioned.applied.services.apns[0].ipsec = unseal(provisioned.applied.services.apns[0].ipsec);
    const services = structuredClone(row.services);
    services[0].ipsec = unseal(services[0].ipsec);
    await db
      .updateTable("onboardings")
      .set({
        spec: JSON.stringify(spec),
        provisioned: JSON.stringify(provisioned),
        services: JSON.stringify(services),
      })
      .where("id", "=", onboardingId)
      .execute();
    expect(JSON.stringify(await read())).toContain(clearKey);

    // The startup step (buildOtter runs it once the key is loaded) seals it; a second run finds nothing.
    expect(await t.otter.services.onboarding.sealStoredPsks()).toBe(1);
    expect(await t.otter.services.onboarding.sealStoredPsks()).toBe(0);
    const stored = JSON.stringify(await read());
    expect(stored).not.toContain(clearKey);
    expect(stored.match(/"pskSealed":"v1:/g)).toHaveLength(3);
    // Still the tunnel's key: the swanctl.conf of an operator admin carries it.
    const conf = await t.api("GET", `/api/v1/onboardings/${onboardingId}/ipsec?side=customer`);
    expect(conf.status).toBe(200);
    expect(conf.body).toContain(`secret = 0x${Buffer.from(clearKey).toString("hex")}`);
    // And applying the spec again plans nothing: the sealed spec is the same spec.
    const again = example();
    again.accounts.push({ key: "serengeti", name: "Serengeti", parent: "tanzania" });
    again.services.apns[0].ipsec.auth = "psk";
    again.services.apns[0].ipsec.psk = clearKey;
    const plan = await t.api("POST", "/api/v1/onboardings", {
      body: { spec: again, dryRun: true },
    });
    expect(plan.body.plan.entries).toEqual([]);
  });

  it("resumes a run interrupted before its SIM step without doing anything twice", async () => {
    const spec = example();
    spec.reference = "CTR-2026-0043";
    spec.customer.name = "Otter Rescue";
    spec.plans.communication = spec.plans.communication.map((p: any) => ({
      name: p.name,
      reuse: true,
    }));
    spec.plans.rate = spec.plans.rate.map((p: any) => ({ name: p.name, reuse: true }));
    spec.services.apns = [];
    await stock(Array.from({ length: 20 }, (_, i) => iccid(i + 1, "89440000001")));
    spec.sims = [
      {
        ranges: [{ from: iccid(1, "89440000001"), to: iccid(20, "89440000001") }],
        state: "ACTIVATED",
        communicationPlan: "Collar LTE-M",
        ratePlan: "Collar 10MB Flex",
      },
    ];
    delete spec.dates.tunnelWindow;
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const twice = await t.api("POST", "/api/v1/onboardings", { body: { spec } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("ONBOARDING_IN_PROGRESS");
    // The connection dies while the offers step commits: that transaction rolls back, the job
    // keeps its lease until it lapses (as after kill -9), then the next run resumes at the checkpoint.
    const { jobs, accounts, catalog, sla, events, audit, cases } = t.otter.services;
    const deps = {
      db: t.otter.database.db,
      clock: t.clock,
      accounts,
      catalog,
      sla,
      events,
      audit,
      cases,
    };
    const real = createOnboardingProvisioner(deps).handler;
    // Three crashes: after the customer is created (before its record), after the offers are
    // made (before theirs), and in the SIM group's transaction (which rolls the move back).
    const crashAt = [
      (u: { phase?: string }) => u.phase === "accounts",
      (u: { phase?: string }) => u.phase === "agreement",
      (u: { checkpoint?: number }) => u.checkpoint === 1,
    ];
    const seen: number[] = [];
    jobs.register({
      kind: PROVISION_KIND,
      run: (ctx) =>
        real.run({
          ...ctx,
          async checkpoint(tx, u) {
            const i = crashAt.findIndex((at, k) => !seen.includes(k) && at(u));
            if (i >= 0) {
              seen.push(i);
              throw Object.assign(new Error("terminating connection"), { code: "57P01" });
            }
            return ctx.checkpoint(tx, u);
          },
        }),
    });
    const phases: string[] = [];
    for (let run = 0; run < 4; run++) {
      await jobs.runPending();
      const job = (await t.api("GET", `/api/v1/jobs/${res.body.jobId}`)).body;
      phases.push(`${job.status}:${job.progress.phase}`);
      if (job.status !== "running") break;
      await new Promise((r) => setTimeout(r, 700)); // the lease lapses, as after kill -9
    }
    expect(phases).toEqual([
      "running:customer",
      "running:offers",
      "running:sims",
      "succeeded:done",
    ]);
    jobs.register(real);
    const job = (await t.api("GET", `/api/v1/jobs/${res.body.jobId}`)).body;
    expect(job.status, JSON.stringify(job.failure)).toBe("succeeded");
    const o = (await t.api("GET", `/api/v1/onboardings/${res.body.onboarding.id}`)).body;
    // Provisioned: the people's tasks (no tunnel here: shipment and acceptance) are open.
    expect(o.state).toBe("waiting_on_customer");
    expect(o.tasks.map((x: any) => x.kind)).toEqual(["sim_shipment", "acceptance"]);
    const all = (await t.api("GET", "/api/v1/accounts?limit=200")).body.items;
    expect(all.filter((a: any) => a.name === "Otter Rescue")).toHaveLength(1);
    const trail = (await t.api("GET", `/api/v1/sims/${iccid(5, "89440000001")}/audit`)).body.items;
    expect(trail.filter((a: any) => a.jobId === res.body.jobId)).toHaveLength(1);
  });
});

describe("a provisioning run that is refused", () => {
  it("fails the onboarding with the job, naming the reason", async () => {
    expect(
      (await t.api("POST", "/api/v1/zones", { body: { name: "Arctic", countries: ["NO"] } }))
        .status,
    ).toBe(201);
    const spec = example();
    spec.reference = "CTR-2026-0044";
    spec.customer.name = "Polar Bears Ltd";
    spec.customer.plans = { communication: ["Arctic LTE-M"], rate: ["Collar 10MB Flex"] };
    spec.accounts = [];
    spec.plans = {
      communication: [
        { name: "Arctic LTE-M", apns: ["polar.iot"], rats: ["LTE-M"], zones: ["Arctic"] },
      ],
      rate: [{ name: "Collar 10MB Flex", reuse: true }],
    };
    spec.services.apns = [];
    spec.sims = [];
    delete spec.dates.tunnelWindow;
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    // The zone disappears between the check and the run.
    expect((await t.api("DELETE", "/api/v1/zones/Arctic")).status).toBe(204);
    const job = await runJob(t, res.body.jobId);
    expect(job.status).toBe("failed");
    const o = (await t.api("GET", `/api/v1/onboardings/${res.body.onboarding.id}`)).body;
    expect(o.state).toBe("failed");
    expect(o.failedAt).not.toBeNull();
    expect(o.report.failure.code).toBe(job.failure.code);
  });
});

describe("onboarding tenancy", () => {
  it("refuses customer keys on every onboarding route", async () => {
    const c = await buildCustomer(t);
    for (const key of [c.adminKey, c.userKey]) {
      expect((await t.api("GET", "/api/v1/onboardings", { key })).status).toBe(403);
      const list = await t.api("POST", "/api/v1/onboardings", {
        key,
        body: { spec: EXAMPLE, dryRun: true },
      });
      expect(list.status).toBe(403);
      expect((await t.api("GET", "/api/v1/onboardings/CTR-2026-0042", { key })).status).toBe(403);
      for (const path of ["ipsec?side=customer", "tunnel-sheet"])
        expect(
          (await t.api("GET", `/api/v1/onboardings/CTR-2026-0042/${path}`, { key })).status,
        ).toBe(403);
    }
  });
});

describe("the IPsec tunnel of an onboarding", () => {
  it("answers each end's swanctl.conf and the customer's tunnel sheet as text", async () => {
    const op = await t.api("GET", "/api/v1/onboardings/CTR-2026-0042/ipsec?side=operator");
    expect(op.status).toBe(200);
    expect(op.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(op.body).toContain("local_addrs = 198.51.100.1");
    expect(op.body).toContain("remote_ts = 192.168.10.0/24");
    const cust = await t.api("GET", "/api/v1/onboardings/CTR-2026-0042/ipsec?side=customer");
    expect(cust.body).toContain("local_addrs = 203.0.113.10");
    expect(cust.body).toContain("start_action = trap");

    const bad = await t.api("GET", "/api/v1/onboardings/CTR-2026-0042/ipsec?side=both");
    expect(bad.status).toBe(400);
    const missing = await t.api("GET", "/api/v1/onboardings/CTR-NONE/tunnel-sheet");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("ONBOARDING_NOT_FOUND");

    const sheet = await t.api("GET", "/api/v1/onboardings/CTR-2026-0042/tunnel-sheet");
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(sheet.body).toContain(
      "| IKE proposals | aes256-sha256-modp2048, aes256gcm16-prfsha384-ecp384 |",
    );
    // The operator is named as its root account is, not as "the operator".
    const root = await t.api("GET", `/api/v1/accounts/${t.rootAccountId}`);
    expect(sheet.body).toContain(
      `The tunnel between ${root.body.name} and Savannah Wildlife Trust`,
    );
  });
});
