import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Iccid } from "../../src/lib/identifiers.js";
import { buildCustomer, buildSim, buildUser, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addDailyUsage, flexCatalog, runBilling, type DailyUsageArgs } from "./billing-support.js";
import { runCli } from "../cli/run-cli.js";

/**
 * Billing over HTTP, end to end: profile → run → draft invoice → issue → explain, with the worked
 * examples of reference/iot-plans.md rated from SIM states and daily usage stored in the database.
 */
const KB = 1024;
const MB = 1024 * KB;

let t: TestOtter;

const catalog = () => flexCatalog(t);

async function at(when: string) {
  t.clock.set(when);
}

const usage = (...args: DailyUsageArgs) => addDailyUsage(t, ...args);

/** A data session's share of a day, as the network module records it for explanations. */
async function sessionUsage(
  sim: { iccid: string; accountId: string },
  day: string,
  zoneId: string,
  bytes: number,
) {
  const db = t.otter.database.db;
  const row = await db
    .selectFrom("sims")
    .select("id")
    .where("iccid", "=", sim.iccid as Iccid)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("session_usage_daily")
    .values({
      sim_id: row.id,
      day,
      zone_key: zoneId,
      session_id: randomUUID(),
      zone_id: zoneId,
      account_id: sim.accountId,
      bytes,
      billed_bytes: bytes,
    })
    .execute();
}

async function setState(iccid: string, state: string, when: string) {
  await at(when);
  const res = await t.api("PATCH", `/api/v1/sims/${iccid}`, { body: { state } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const run = (period: string, accountId?: string) => runBilling(t, period, accountId);

async function invoiceOf(accountId: string) {
  const list = await t.api("GET", `/api/v1/invoices?accountId=${accountId}`);
  expect(list.status).toBe(200);
  expect(list.body.items).toHaveLength(1);
  return (await t.api("GET", `/api/v1/invoices/${list.body.items[0].id}`)).body;
}

beforeAll(async () => {
  t = await startOtter();
  await at("2026-10-01T08:00:00Z");
  const put = await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(() => t?.close());

describe("a billing run over the worked examples", () => {
  it("example 1: a flexible pool with SIMs joining and leaving — €3.25 before VAT", async () => {
    await at("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t, { timeZone: "Europe/Rome", currency: "EUR" });
    await offer(t, plans, c.account.id);
    const profile = await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT", contactEmail: "ap@customer.example" },
    });
    expect(profile.body.vat).toMatchObject({ rate: "22", reverseCharge: false });
    const sim = () =>
      buildSim(t, {
        accountId: c.account.id,
        communicationPlan: plans.comm.name,
        ratePlan: plans.rate.name,
      });
    const [a, b, cc] = [await sim(), await sim(), await sim()];
    await setState(a.iccid, "ACTIVATED", "2026-10-02T10:00:00Z");
    await setState(cc.iccid, "ACTIVATED", "2026-10-02T10:00:00Z");
    await setState(b.iccid, "ACTIVATED", "2026-11-16T09:00:00Z"); // 15 of 30 days
    await setState(cc.iccid, "DEACTIVATED", "2026-11-21T09:00:00Z"); // 1–20 November
    await usage(a, "2026-11-05", plans.home.id, 18 * MB);
    await usage(b, "2026-11-20", plans.home.id, 2 * MB);
    await usage(cc, "2026-11-10", plans.home.id, 1 * MB);

    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const inv = await invoiceOf(c.account.id);
    expect(inv).toMatchObject({
      status: "draft",
      cycleStart: "2026-11-01",
      cycleEnd: "2026-11-30",
    });
    const fees = inv.lines.find((l: { kind: string }) => l.kind === "subscription");
    expect(fees.amount).toBe("3.25");
    const pool = inv.lines.find((l: { kind: string }) => l.kind === "pool");
    expect(pool.amount).toBe("0.00");
    expect(inv.subtotal).toBe("3.25");
    // VAT 22% of 3.25 = 0.715 → 0.72 (half-up).
    expect(inv).toMatchObject({ vatRate: "22", vatAmount: "0.72", total: "3.97", flags: [] });

    // The pool line explained: 25 MB pool (10 + 5 + 10), 21 MB used, each SIM's contribution.
    const ex = await t.api("GET", `/api/v1/invoices/${inv.id}/lines/${pool.n}/explanation`);
    expect(ex.status, JSON.stringify(ex.body)).toBe(200);
    expect(ex.body.facts).toMatchObject({ poolMB: "25", homeMB: "21", contributionDays: 75 });
    expect(ex.body.summary).toContain("25 MB");
    expect(ex.body.sims.items).toHaveLength(3);

    // The fee line: the three SIMs' days and shares add up to the line.
    const fx = await t.api("GET", `/api/v1/invoices/${inv.id}/lines/${fees.n}/explanation`);
    const days = fx.body.sims.items.map((s: { billableDays: number }) => s.billableDays).sort();
    expect(days).toEqual([15, 20, 30]);
    expect(fx.body.arithmetic.exact).toBe("3.25");

    // Review, then issue: numbered, immutable; a second run leaves it alone.
    const agent = await buildUser(t, t.rootAccountId, "operator_agent");
    const denied = await t.api("POST", `/api/v1/invoices/${inv.id}/issue`, { key: agent.key });
    expect(denied.status).toBe(403);
    const issued = await t.api("POST", `/api/v1/invoices/${inv.id}/issue`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.number).toMatch(/^INV-\d{6}$/);
    const again = await t.api("POST", `/api/v1/invoices/${inv.id}/issue`);
    expect(again.body.error.code).toBe("INVOICE_ALREADY_ISSUED");
    await usage(a, "2026-11-06", plans.home.id, 50 * MB);
    const rerun = await run("2026-11", c.account.id);
    expect(rerun.counts).toMatchObject({ unchanged: 1 });
    expect((await invoiceOf(c.account.id)).total).toBe("3.97");

    // The customer's admin sees it and has it mailed to the billing contact.
    const seen = await t.api("GET", `/api/v1/invoices/${inv.id}`, { key: c.adminKey });
    expect(seen.status).toBe(200);
    const mailed = await t.api("POST", `/api/v1/invoices/${inv.id}/mail`, { key: c.adminKey });
    expect(mailed.status, JSON.stringify(mailed.body)).toBe(202);
    expect(mailed.body.to).toBe("ap@customer.example");

    // A credit note references it, with its own number.
    const cn = await t.api("POST", `/api/v1/invoices/${inv.id}/credit-notes`, {
      body: { reason: "goodwill", lines: [{ description: "Goodwill", amount: "1.00" }] },
    });
    expect(cn.status, JSON.stringify(cn.body)).toBe(201);
    expect(cn.body).toMatchObject({
      kind: "credit_note",
      creditedInvoiceId: inv.id,
      subtotal: "-1.00",
      vatAmount: "-0.22",
      total: "-1.22",
    });
    expect(cn.body.number).toMatch(/^CN-\d{6}$/);
    // Its notes in the reader's language: the invoice it credits with the reason as typed, then VAT.
    const cnIt = await t.api("GET", `/api/v1/invoices/${cn.body.id}`, {
      headers: { "accept-language": "it" },
    });
    const credited = (await t.api("GET", `/api/v1/invoices/${inv.id}`)).body.number as string;
    expect(credited).toMatch(/^INV-\d{6}$/);
    expect(cnIt.body.notes[0]).toBe(`Credit note for invoice ${credited}: goodwill`);
    expect(cnIt.body.notesText).toEqual([
      `Storna la fattura ${credited}: goodwill`,
      expect.stringMatching(/^IVA al 22% \(Italia\)\.$/),
    ]);
    const tooMuch = await t.api("POST", `/api/v1/invoices/${inv.id}/credit-notes`, {
      body: { reason: "x", lines: [{ description: "Too much", amount: "3.00" }] },
    });
    expect(tooMuch.body.error.code).toBe("CREDIT_EXCEEDS_INVOICE");
  });

  it("example 2: overage and roaming — €18.50, reverse charge for an EU business abroad", async () => {
    await at("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t, { vatNumber: "DE123456789" });
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "DE" },
    });
    const a = await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    await usage(a, "2026-11-03", plans.home.id, 30 * MB);
    await usage(a, "2026-11-07", plans.roam.id, 2253 * KB);
    await usage(a, "2026-11-08", plans.roam.id, 1331 * KB);
    await sessionUsage(a, "2026-11-07", plans.roam.id, 2253 * KB);
    await sessionUsage(a, "2026-11-08", plans.roam.id, 1331 * KB);
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const inv = await invoiceOf(c.account.id);
    const by = (k: string) => inv.lines.find((l: { kind: string }) => l.kind === k);
    expect(by("pool")).toMatchObject({ quantity: "20", amount: "10.00" });
    expect(by("zone_data")).toMatchObject({ quantity: "3.5", amount: "7.00" });
    expect(by("subscription").amount).toBe("1.50");
    expect(inv).toMatchObject({
      subtotal: "18.50",
      vatRate: "0",
      total: "18.50",
      reverseCharge: true,
    });
    expect(inv.notes.join(" ")).toContain("Reverse charge");

    const ex = await t.api(
      "GET",
      `/api/v1/invoices/${inv.id}/lines/${by("zone_data").n}/explanation`,
    );
    expect(ex.body.arithmetic.parts[0]).toMatchObject({ quantity: "3.5", unitPrice: "2" });
    expect(ex.body.sims.items[0]).toMatchObject({
      iccid: a.iccid,
      bytes: 3584 * KB,
      days: 2,
      sessions: 2,
    });
    expect(ex.body.planVersion).toBe(1);

    // The summary in the reader's language; its parameters are the line's figures, raw.
    const exIt = await t.api(
      "GET",
      `/api/v1/invoices/${inv.id}/lines/${by("zone_data").n}/explanation`,
      { headers: { "accept-language": "it" } },
    );
    expect(exIt.body.summary).toBe(ex.body.summary);
    expect(ex.body.summary).toMatch(/^3\.5 MB were used in Zone 2/);
    expect(ex.body.summaryMessage.text).toMatch(/^3\.5 MB were used in Zone 2 .*at €2\.00 per MB/);
    expect(exIt.body.summaryMessage).toMatchObject({
      code: "summary.zone_data",
      params: { bytes: 3584 * KB, price: "2 EUR" },
    });
    expect(exIt.body.summaryMessage.text).toMatch(
      /^Sono stati usati 3,5 MB in Zone 2 [^,]+, che il piano tariffa a 2,00\s€ per MB dal primo byte/,
    );
    // The line itself in the reader's language; `description` stays as it was rated, in English.
    expect(exIt.body.line.description).toBe(ex.body.line.description);
    expect(ex.body.line.descriptionText).toMatch(/: data in Zone 2/);
    expect(exIt.body.line.descriptionText).toMatch(/: dati in Zone 2/);
    const invIt = await t.api("GET", `/api/v1/invoices/${inv.id}`, {
      headers: { "accept-language": "it" },
    });
    const zoneLineIt = (invIt.body.lines as { kind: string; descriptionText: string }[]).find(
      (l) => l.kind === "zone_data",
    )!;
    expect(zoneLineIt.descriptionText).toBe(exIt.body.line.descriptionText);
    const zoneParams = exIt.body.summaryMessage.params as { bytes: number; price: string };
    const [price, currency] = zoneParams.price.split(" ");
    expect(currency).toBe(inv.currency);
    expect(new Decimal(zoneParams.bytes).div(MB).mul(price!).toFixed(2)).toBe(
      by("zone_data").amount,
    );
    // The pool line in Swedish: what the pool held, what was used, what went beyond it at 0.50/MB.
    const poolSv = await t.api(
      "GET",
      `/api/v1/invoices/${inv.id}/lines/${by("pool").n}/explanation`,
      { headers: { "accept-language": "sv" } },
    );
    const pool = poolSv.body.summaryMessage as {
      code: string;
      params: { poolBytes: number; homeBytes: number; overBytes: number };
      text: string;
    };
    expect(pool.code).toBe("summary.pool");
    expect(pool.params).toMatchObject({ poolBytes: 10 * MB, homeBytes: 30 * MB });
    expect(pool.params.overBytes).toBe(pool.params.homeBytes - pool.params.poolBytes);
    expect(new Decimal(pool.params.overBytes).div(MB).mul("0.5").toFixed(2)).toBe(
      by("pool").amount,
    );
    expect(pool.text).toMatch(
      /^Den flexibla poolen rymde 10 MB för Zone 1 [^;]+; 30 MB användes där, 20 MB utöver poolen\.$/,
    );

    // October had the fee only: the comparison says what changed, with its figures.
    await run("2026-10", c.account.id);
    const cmp = await t.api(
      "GET",
      `/api/v1/accounts/${c.account.id}/billing/compare?from=2026-10&to=2026-11`,
    );
    expect(cmp.status, JSON.stringify(cmp.body)).toBe(200);
    const text = cmp.body.sentences.map((x: { text: string }) => x.text).join(" ");
    expect(text).toContain("The total went up by 17.00 EUR");
    expect(text).toContain("3.5 MB more data were used in Zone 2");
    expect(text).toContain("which your plan prices at 2 EUR/MB");
    // The same sentences in the reader's language, money and megabytes as Italian writes them.
    const inItalian = await t.api(
      "GET",
      `/api/v1/accounts/${c.account.id}/billing/compare?from=2026-10&to=2026-11`,
      { headers: { "accept-language": "it" } },
    );
    expect(inItalian.body.sentences.map((x: { text: string }) => x.text).join(" ")).toBe(text);
    const italian = inItalian.body.sentences.map(
      (x: { message: { text: string } }) => x.message.text,
    );
    expect(italian[0]).toMatch(/^Il totale è aumentato di 17,00\s€/);
    expect(italian.join(" ")).toMatch(
      /Sono stati usati 3,5 MB di dati in più in Zone 2[^,]*, che il piano tariffa 2,00\s€\/MB \(0 MB → 3,5 MB\)/,
    );
    expect(inItalian.body.sentences[0].message.code).toBe("compare.total_up");

    // The lines as CSV, for the customer's finance department.
    const csv = await t.api("GET", `/api/v1/invoices/${inv.id}/lines.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe(
      "n,kind,description,quantity,unit,unit_price,amount,currency,flags,sub_account",
    );
    expect(csv.body).toContain(",3.5,MB,2,7.00,EUR,");

    // The same explanation from the CLI, as an agent on the phone reads it.
    const cli = await runCli(["invoices", "explain", inv.id, String(by("zone_data").n)], {
      OTTER_URL: t.url,
      OTTER_API_KEY: t.adminKey,
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("3.5 MB × 2 per MB (version 1) = 7");
    expect(cli.stdout).toContain(a.iccid);
  });

  it("example 4: test usage is free and on no line; the fee counts activated days only", async () => {
    await at("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t);
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const s = await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "TEST_READY",
    });
    await usage(s, "2026-11-04", plans.home.id, 20 * KB, { mo: 2 });
    await setState(s.iccid, "ACTIVATED", "2026-11-11T08:00:00Z");
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const inv = await invoiceOf(c.account.id);
    expect(inv.lines.map((l: { kind: string }) => l.kind).sort()).toEqual(["pool", "subscription"]);
    expect(inv.subtotal).toBe("1.00");
    const pool = inv.lines.find((l: { kind: string }) => l.kind === "pool");
    const ex = await t.api("GET", `/api/v1/invoices/${inv.id}/lines/${pool.n}/explanation`);
    // 10 MB × 20/30 = 6,990,506.67 bytes, rounded up to the whole byte.
    expect(ex.body.facts).toMatchObject({ poolBytes: 6_990_507, homeBytes: 0 });
  });

  it("flags usage in a zone the plan does not price and will not issue until it is fixed", async () => {
    await at("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const elsewhere = (
      await t.api("POST", "/api/v1/zones", {
        body: { name: `Zone 3 ${Date.now()}`, countries: ["US"] },
      })
    ).body;
    const c = await buildCustomer(t);
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const s = await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    await usage(s, "2026-11-09", elsewhere.id, 5 * MB);
    await at("2026-12-01T06:00:00Z");
    await run("2026-11", c.account.id);
    const inv = await invoiceOf(c.account.id);
    expect(inv.flags).toContain("UNPRICED_ZONE");
    const line = inv.lines.find((l: { kind: string }) => l.kind === "unpriced");
    expect(line).toMatchObject({ quantity: "5", flags: ["UNPRICED_ZONE"] });
    const issue = await t.api("POST", `/api/v1/invoices/${inv.id}/issue`);
    expect(issue.status).toBe(409);
    expect(issue.body.error.code).toBe("INVOICE_HAS_FLAGS");
  });

  it("shows the cycle so far and the invoice it is heading for, storing nothing", async () => {
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
    const res = await t.api("GET", `/api/v1/accounts/${c.account.id}/billing/cycle-to-date`, {
      key: c.adminKey,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.cycle).toMatchObject({ start: "2026-11-01", days: 30, elapsedDays: 10 });
    // To date: fee 1.50 (the SIM runs to the cycle's end) + 5 MB over the pool × 0.50 + 1 MB × 2.
    expect(res.body.toDate.subtotal).toBe("6.00");
    // Projected: 45 MB in zone 1 → 35 MB over × 0.50 = 17.50; zone 2 3 MB × 2 = 6.00; fee 1.50.
    expect(res.body.projected.subtotal).toBe("25.00");
    const drafts = await t.api("GET", `/api/v1/invoices?accountId=${c.account.id}`);
    expect(drafts.body.items).toEqual([]);
  });

  it("keeps drafts from customers and answers bad input with a code naming the field", async () => {
    const c = await buildCustomer(t);
    const bad = await t.api("POST", "/api/v1/billing-runs", { body: { period: "2026-13" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("period");
    const profile = await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "XX" },
    });
    expect(profile.status).toBe(400);
    expect(JSON.stringify(profile.body)).toContain("country");
    const drafts = await t.api("GET", "/api/v1/invoices?status=draft", { key: c.adminKey });
    expect(drafts.body.items).toEqual([]);
    const run = await t.api("POST", "/api/v1/billing-runs", {
      key: c.adminKey,
      body: { period: "2026-11" },
    });
    expect(run.status).toBe(403);
  });
});
