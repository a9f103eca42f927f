import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "../cli/run-cli.js";
import { pdfText } from "../support/pdf-text.js";
import { addDailyUsage, flexCatalog, runBilling, type DailyUsageArgs } from "./billing-support.js";

/**
 * Billing cycles over HTTP: usage that arrives after an invoice was issued, rate plans changed
 * mid-cycle, invoices per sub-account and the projection per SIM.
 */
const KB = 1024;
const MB = 1024 * KB;

let t: TestOtter;
let seq = 0;

const catalog = () => flexCatalog(t);

async function at(when: string) {
  t.clock.set(when);
}

const usage = (...args: DailyUsageArgs) => addDailyUsage(t, ...args);

const run = (period: string, accountId?: string) => runBilling(t, period, accountId);

beforeAll(async () => {
  t = await startOtter();
  await at("2026-09-01T08:00:00Z");
  const put = await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(() => t?.close());

const kinds = (inv: { lines: { kind: string }[] }) => inv.lines.map((l) => l.kind);
const byKind = (inv: { lines: { kind: string }[] }, k: string) =>
  inv.lines.filter((l) => l.kind === k) as Record<string, any>[];

async function invoiceFor(accountId: string, cycleStart: string) {
  const list = await t.api("GET", `/api/v1/invoices?accountId=${accountId}`);
  expect(list.status).toBe(200);
  const found = list.body.items.find(
    (i: { cycleStart: string; kind: string }) =>
      i.cycleStart === cycleStart && i.kind === "invoice",
  );
  expect(found, `no invoice for ${cycleStart}`).toBeDefined();
  return (await t.api("GET", `/api/v1/invoices/${found.id}`)).body;
}

async function issue(id: string) {
  const res = await t.api("POST", `/api/v1/invoices/${id}/issue`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { number: string };
}

describe("late usage", () => {
  it("pages the SIMs behind a late line by SIM, in the API and the CLI, their bytes adding up to the line's", async () => {
    await at("2026-09-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t, { timeZone: "Europe/Rome", currency: "EUR", language: "it" });
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const sims: Awaited<ReturnType<typeof buildSim>>[] = [];
    for (let i = 0; i < 3; i++)
      sims.push(
        await buildSim(t, {
          accountId: c.account.id,
          communicationPlan: plans.comm.name,
          ratePlan: plans.rate.name,
          state: "ACTIVATED",
        }),
      );
    await usage(sims[0]!, "2026-10-05", plans.home.id, 40 * MB);
    await at("2026-11-01T06:00:00Z");
    await run("2026-10", c.account.id);
    const { number } = await issue((await invoiceFor(c.account.id, "2026-10-01")).id);

    // Late records for two of the three SIMs, one of them in two zones and with SMS.
    await usage(sims[0]!, "2026-10-06", plans.home.id, 3 * MB);
    await usage(sims[2]!, "2026-10-20", plans.roam.id, 2 * MB, { mo: 4, mt: 1 });
    await usage(sims[2]!, "2026-10-21", plans.home.id, 1 * MB);
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const november = await invoiceFor(c.account.id, "2026-11-01");
    const [late] = byKind(november, "late_usage");
    const path = `/api/v1/invoices/${november.id}/lines/${late!.n}/explanation`;

    const first = await t.api("GET", `${path}?limit=1`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.lateFor).toMatchObject({ number, cycle: { start: "2026-10-01" } });
    const firstSims = new Set(first.body.sims.items.map((s: { iccid: string }) => s.iccid));
    expect(firstSims.size).toBe(1);
    expect(first.body.sims.nextCursor).not.toBeNull();
    const second = await t.api(
      "GET",
      `${path}?limit=1&cursor=${encodeURIComponent(first.body.sims.nextCursor)}`,
    );
    expect(second.body.sims.nextCursor).toBeNull();
    const items = [...first.body.sims.items, ...second.body.sims.items] as {
      iccid: string;
      zoneName: string;
      bytes: number;
      smsMo: number;
      smsMt: number;
    }[];
    expect(new Set(items.map((s) => s.iccid))).toEqual(new Set([sims[0]!.iccid, sims[2]!.iccid]));
    expect(
      items.find((s) => s.iccid === sims[2]!.iccid && s.zoneName === plans.roam.name),
    ).toMatchObject({ bytes: 2 * MB, smsMo: 4, smsMt: 1 });
    // The detail adds up to the line's own figures.
    const facts = first.body.facts as { lateBytes: number; lateSms: number };
    expect(items.reduce((n, s) => n + s.bytes, 0)).toBe(facts.lateBytes);
    expect(items.reduce((n, s) => n + s.smsMo + s.smsMt, 0)).toBe(facts.lateSms);
    expect(facts.lateBytes).toBe(6 * MB);

    // The same page from the CLI: the earlier cycle named, a row per SIM and zone.
    const cli = await runCli(["invoices", "explain", november.id, String(late!.n)], {
      OTTER_URL: t.url,
      OTTER_API_KEY: t.adminKey,
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`Usage of the cycle 2026-10-01 – 2026-10-31, billed on ${number}`);
    const rows = cli.stdout.split("\n").filter((l) => l.startsWith(sims[2]!.iccid));
    expect(rows).toHaveLength(2);
    expect(rows.join("\n")).toContain(plans.roam.name);

    // On the PDF, in the customer's language, the late line names the earlier cycle and invoice.
    const res = await fetch(`${t.url}/api/v1/invoices/${november.id}/pdf`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    const pdf = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s+/g, " ");
    expect(pdf).toContain(
      `Traffico dal 1 ott 2026 al 31 ott 2026 ricevuto dopo l'emissione della fattura ${number}`,
    );
    expect(pdf).toContain("1 traffico tardivo 6,00 €");

    // Another customer cannot read the page.
    const other = await buildCustomer(t);
    const denied = await t.api("GET", path, { key: other.adminKey });
    expect(denied.status).toBe(404);
  });

  it("carries usage recorded after an invoice was issued to the next invoice, once", async () => {
    await at("2026-09-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t, { timeZone: "Europe/Rome", currency: "EUR" });
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const a = await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    // October: 18 MB at home against a 10 MB pool: 8 MB × 0.50 = 4.00, fee 1.50.
    await usage(a, "2026-10-05", plans.home.id, 18 * MB);
    await at("2026-11-01T06:00:00Z");
    await run("2026-10", c.account.id);
    const october = await invoiceFor(c.account.id, "2026-10-01");
    expect(october.subtotal).toBe("5.50");
    const { number } = await issue(october.id);

    // Records for October arrive after it was issued: 2 MB at home and 1 MB in roaming.
    await usage(a, "2026-10-30", plans.home.id, 2 * MB);
    await usage(a, "2026-10-31", plans.roam.id, 1 * MB);
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const november = await invoiceFor(c.account.id, "2026-11-01");
    const [late] = byKind(november, "late_usage");
    // The pool was used up in October: 2 MB × 0.50 = 1.00, and 1 MB × 2.00 = 2.00 in roaming.
    expect(late).toMatchObject({
      description: `Usage from October 2026 received after invoice ${number} was issued`,
      amount: "3.00",
    });
    // November itself: the fee only (no November usage).
    expect(november.subtotal).toBe("4.50");
    const ex = await t.api("GET", `/api/v1/invoices/${november.id}/lines/${late!.n}/explanation`);
    expect(ex.status, JSON.stringify(ex.body)).toBe(200);
    expect(ex.body.facts).toMatchObject({
      lateForInvoice: number,
      lateBytes: 3 * MB,
      lateMB: "3",
      cycleStart: "2026-10-01",
      cycleEnd: "2026-10-31",
    });
    expect(ex.body.arithmetic.parts.map((p: { amount: string }) => p.amount).sort()).toEqual([
      "1",
      "2",
    ]);
    expect(ex.body.arithmetic.exact).toBe("3");
    // The SIM behind it, zone by zone: the late bytes, its days in October now and as billed.
    expect(ex.body.lateFor).toEqual({
      invoiceId: october.id,
      number,
      cycle: { start: "2026-10-01", end: "2026-10-31" },
    });
    expect(ex.body.sims.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          iccid: a.iccid,
          zoneName: plans.home.name,
          plan: plans.rate.name,
          bytes: 2 * MB,
          days: 2,
          daysBilled: 1,
        }),
        expect.objectContaining({
          iccid: a.iccid,
          zoneName: plans.roam.name,
          bytes: 1 * MB,
          days: 1,
          daysBilled: 0,
        }),
      ]),
    );
    expect(ex.body.sims.items).toHaveLength(2);
    expect(ex.body.sims.nextCursor).toBeNull();
    // The issued October invoice is untouched.
    expect((await invoiceFor(c.account.id, "2026-10-01")).subtotal).toBe("5.50");

    // Run again: the same invoice, nothing doubled.
    await run("2026-11", c.account.id);
    const again = await invoiceFor(c.account.id, "2026-11-01");
    expect(byKind(again, "late_usage")).toHaveLength(1);
    expect(again.subtotal).toBe("4.50");
    expect(again.lines.map((l: { amount: string }) => l.amount)).toEqual(
      november.lines.map((l: { amount: string }) => l.amount),
    );

    // November issued; one more October record arrives: December carries only that one.
    const nov = await issue(again.id);
    await usage(a, "2026-10-29", plans.roam.id, 512 * KB);
    await at("2027-01-01T06:00:00Z");
    await run("2026-12", c.account.id);
    const december = await invoiceFor(c.account.id, "2026-12-01");
    const [late2] = byKind(december, "late_usage");
    expect(late2).toMatchObject({ amount: "1.00" });
    const ex2 = await t.api("GET", `/api/v1/invoices/${december.id}/lines/${late2!.n}/explanation`);
    expect(ex2.body.facts).toMatchObject({ lateBytes: 512 * KB, alreadyBilledLate: "3" });
    // Only the record that arrived since November was issued: November's late detail counts as billed.
    expect(ex2.body.sims.items).toEqual([
      expect.objectContaining({
        iccid: a.iccid,
        zoneName: plans.roam.name,
        bytes: 512 * KB,
        days: 2,
        daysBilled: 1,
        smsMo: 0,
        smsMt: 0,
      }),
    ]);
    expect(ex2.body.arithmetic.parts).toContainEqual(
      expect.objectContaining({
        label: `already billed as late usage on ${nov.number}`,
        amount: "-3",
      }),
    );
    await run("2026-12", c.account.id);
    expect(byKind(await invoiceFor(c.account.id, "2026-12-01"), "late_usage")).toHaveLength(1);
    expect(kinds(await invoiceFor(c.account.id, "2026-12-01"))).toContain("subscription");
  });
});

async function secondPlan(
  plans: Awaited<ReturnType<typeof catalog>>,
  name: string,
  terms: { fee: number; poolMB: number; homePerMB: number; planChange?: "immediate" },
) {
  const res = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `${name} ${Date.now().toString(36)}${seq++}`,
      currency: "EUR",
      effectiveFrom: "2026-01-01T00:00:00Z",
      subscription: { monthlyFeePerSim: terms.fee },
      included: { dataBytes: terms.poolMB * MB },
      pool: { type: "flex" },
      zones: [
        { zone: plans.home.name, dataPerMB: terms.homePerMB },
        { zone: plans.roam.name, dataPerMB: 2 },
      ],
      ...(terms.planChange && { planChange: terms.planChange }),
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

async function customerWithSim(plans: Awaited<ReturnType<typeof catalog>>) {
  const c = await buildCustomer(t, { timeZone: "Europe/Rome", currency: "EUR" });
  await offer(t, plans, c.account.id);
  await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  const sim = await buildSim(t, {
    accountId: c.account.id,
    communicationPlan: plans.comm.name,
    ratePlan: plans.rate.name,
    state: "ACTIVATED",
  });
  return { c, sim };
}

async function changePlan(iccid: string, ratePlan: string, when: string) {
  await at(when);
  const res = await t.api("PATCH", `/api/v1/sims/${iccid}`, { body: { ratePlan } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe("a rate plan changed mid-cycle", () => {
  it("is rated split by day when the new plan says immediate", async () => {
    await at("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const big = await secondPlan(plans, "Tracker 20MB Flex", {
      fee: 3,
      poolMB: 20,
      homePerMB: 0.25,
      planChange: "immediate",
    });
    const { c, sim } = await customerWithSim(plans);
    await offer(t, { comm: plans.comm, rate: big }, c.account.id);
    await usage(sim, "2026-11-05", plans.home.id, 7 * MB);
    // On 16 November (Rome) the SIM moves to the 20 MB plan: 1–15 on the old, 16–30 on the new.
    await changePlan(sim.iccid, big.name, "2026-11-16T09:00:00Z");
    await usage(sim, "2026-11-20", plans.home.id, 12 * MB);
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const inv = await invoiceFor(c.account.id, "2026-11-01");
    const line = (plan: string, kind: string) =>
      inv.lines.find(
        (l: { kind: string; description: string }) =>
          l.kind === kind && l.description.startsWith(`${plan}:`),
      );
    // Fees: 1.50 × 15/30 = 0.75 on the old plan, 3.00 × 15/30 = 1.50 on the new.
    expect(line(plans.rate.name, "subscription").amount).toBe("0.75");
    expect(line(big.name, "subscription").amount).toBe("1.50");
    // Pools: 10 MB × 15/30 = 5 MB, 7 MB used → 2 MB × 0.50 = 1.00;
    // 20 MB × 15/30 = 10 MB, 12 MB used → 2 MB × 0.25 = 0.50.
    expect(line(plans.rate.name, "pool")).toMatchObject({ quantity: "2", amount: "1.00" });
    expect(line(big.name, "pool")).toMatchObject({ quantity: "2", amount: "0.50" });
    expect(inv.subtotal).toBe("3.75");
    const pool = line(big.name, "pool");
    const ex = await t.api("GET", `/api/v1/invoices/${inv.id}/lines/${pool.n}/explanation`);
    expect(ex.body.facts).toMatchObject({ poolMB: "10", contributionDays: 15, homeMB: "12" });
    const fees = line(plans.rate.name, "subscription");
    const fx = await t.api("GET", `/api/v1/invoices/${inv.id}/lines/${fees.n}/explanation`);
    expect(fx.body.sims.items).toMatchObject([{ iccid: sim.iccid, billableDays: 15 }]);

    // December: the new plan all month.
    await at("2027-01-01T06:00:00Z");
    await run("2026-12", c.account.id);
    const dec = await invoiceFor(c.account.id, "2026-12-01");
    expect(dec.lines.filter((l: { kind: string }) => l.kind === "subscription")).toMatchObject([
      { description: `${big.name}: monthly fees`, amount: "3.00" },
    ]);
  });

  it("takes effect at the next cycle by default", async () => {
    await at("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const other = await secondPlan(plans, "Tracker 50MB Flex", {
      fee: 5,
      poolMB: 50,
      homePerMB: 0.1,
    });
    const { c, sim } = await customerWithSim(plans);
    await offer(t, { comm: plans.comm, rate: other }, c.account.id);
    await changePlan(sim.iccid, other.name, "2026-11-16T09:00:00Z");
    await usage(sim, "2026-11-20", plans.home.id, 12 * MB);
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const nov = await invoiceFor(c.account.id, "2026-11-01");
    // All November on the old plan: fee 1.50; 12 MB against its 10 MB pool → 2 MB × 0.50 = 1.00.
    expect(nov.lines.map((l: { description: string }) => l.description)).toEqual([
      `${plans.rate.name}: monthly fees`,
      `${plans.rate.name}: data in ${plans.home.name} beyond the flex pool`,
    ]);
    expect(nov.subtotal).toBe("2.50");
    await at("2027-01-01T06:00:00Z");
    await run("2026-12", c.account.id);
    const dec = await invoiceFor(c.account.id, "2026-12-01");
    expect(dec.lines[0]).toMatchObject({
      description: `${other.name}: monthly fees`,
      amount: "5.00",
    });
  });
});

describe("the cycle to date of one SIM", () => {
  it("shows its usage so far and projected, its allowance left and the projected overage", async () => {
    await at("2026-10-20T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t);
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    await at("2026-11-01T08:00:00Z");
    const s = await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    await usage(s, "2026-11-05", plans.home.id, 15 * MB);
    await usage(s, "2026-11-06", plans.roam.id, 1 * MB);
    await at("2026-11-10T12:00:00Z");
    const res = await t.api("GET", `/api/v1/sims/${s.iccid}/billing/cycle-to-date`, {
      key: c.adminKey,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      iccid: s.iccid,
      accountId: c.account.id,
      cycle: { start: "2026-11-01", days: 30, elapsedDays: 10 },
      ratePlan: { id: plans.rate.id },
      // The state it is in today runs to the cycle's end, as fees do in the projection.
      billableDays: 30,
    });
    // 10 of 30 days: usage grows × 3 by the cycle's end.
    expect(res.body.usage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ home: true, bytes: 15 * MB, projectedBytes: 45 * MB }),
        expect.objectContaining({
          home: false,
          bytes: 1 * MB,
          projectedBytes: 3 * MB,
          dataPerMB: "2",
        }),
      ]),
    );
    // Its 10 MB contribution is used up; the pool is this SIM's alone.
    expect(res.body.allowance).toMatchObject({
      type: "flex",
      includedBytes: 10 * MB,
      usedBytes: 15 * MB,
      projectedBytes: 45 * MB,
      leftBytes: 0,
      pool: { bytes: 10 * MB, usedBytes: 15 * MB, projectedUsedBytes: 45 * MB, leftBytes: 0 },
    });
    // (45 − 10) MB × 0.50 = 17.50 at home, 3 MB × 2.00 = 6.00 in roaming.
    expect(res.body.projected).toEqual({ overageAmount: "23.50", flags: [] });
    // Nothing stored.
    const drafts = await t.api("GET", `/api/v1/invoices?accountId=${c.account.id}`);
    expect(drafts.body.items).toEqual([]);

    // Another customer's admin does not see the SIM; an ICCID that is none is a 404 too.
    const other = await buildCustomer(t);
    const hidden = await t.api("GET", `/api/v1/sims/${s.iccid}/billing/cycle-to-date`, {
      key: other.adminKey,
    });
    expect(hidden.status).toBe(404);
    const none = await t.api("GET", "/api/v1/sims/not-an-iccid/billing/cycle-to-date");
    expect(none.status).toBe(404);
  });
});
