import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { pdfText } from "../support/pdf-text.js";
import { addDailyUsage, flexCatalog, runBilling } from "./billing-support.js";

/**
 * Invoices per sub-account (docs/billing.md, "Invoices per sub-account"): a customer whose billing
 * profile says `perSubAccount` gets one invoice per direct sub-account (its subtree's SIMs, its own
 * pools) and one for the SIMs on its own account — which together bill what one invoice would.
 */
const MB = 1024 * 1024;

let t: TestOtter;
let seq = 0;

beforeAll(async () => {
  t = await startOtter();
  t.clock.set("2026-09-01T08:00:00Z");
  const put = await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(() => t?.close());

type Plans = Awaited<ReturnType<typeof flexCatalog>>;

interface Invoice {
  id: string;
  accountId: string;
  status: string;
  number: string | null;
  scope: "subtree" | "account";
  subAccount: { id: string; name: string } | null;
  subtotal: string;
  total: string;
  lines: { n: number; kind: string; amount: string }[];
}

/** A 10 MB per-SIM plan without a pool, over the catalog's two zones. */
async function perSimPlan(plans: Plans) {
  const res = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `Tracker 10MB ${Date.now().toString(36)}${seq++}`,
      currency: "EUR",
      effectiveFrom: "2026-01-01T00:00:00Z",
      subscription: { monthlyFeePerSim: 1.5 },
      included: { dataBytes: 10 * MB },
      zones: [
        { zone: plans.home.name, dataPerMB: 0.5 },
        { zone: plans.roam.name, dataPerMB: 2 },
      ],
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

/**
 * A customer with two sub-accounts (North, South) and SIMs on its own account, all activated in
 * September on `rate`, with November usage: own 3 MB + 12 MB home, North 25 MB home and 1 MB
 * roaming over two SIMs, South 4 MB home.
 */
async function customerWithSubAccounts(plans: Plans, rate: { id: string; name: string }) {
  t.clock.set("2026-09-01T08:00:00Z");
  const c = await buildCustomer(t, { currency: "EUR" });
  await offer(t, { comm: plans.comm, rate }, c.account.id);
  const put = await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
    body: { cycle: "calendar", country: "IT", contactEmail: "ap@customer.example" },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const north = await buildAccount(t, { name: `North ${seq++}`, parentId: c.account.id });
  const south = await buildAccount(t, { name: `South ${seq++}`, parentId: c.account.id });
  const sim = async (accountId: string) =>
    buildSim(t, {
      accountId,
      communicationPlan: plans.comm.name,
      ratePlan: rate.name,
      state: "ACTIVATED",
    });
  const sims = {
    own: [await sim(c.account.id), await sim(c.account.id)],
    north: [await sim(north.id), await sim(north.id)],
    south: [await sim(south.id)],
  };
  const home = plans.home.id as string;
  await addDailyUsage(t, sims.own[0]!, "2026-11-03", home, 3 * MB);
  await addDailyUsage(t, sims.own[1]!, "2026-11-03", home, 12 * MB);
  await addDailyUsage(t, sims.north[0]!, "2026-11-05", home, 14 * MB);
  await addDailyUsage(t, sims.north[1]!, "2026-11-06", home, 11 * MB);
  await addDailyUsage(t, sims.north[1]!, "2026-11-07", plans.roam.id as string, 1 * MB);
  await addDailyUsage(t, sims.south[0]!, "2026-11-08", home, 4 * MB);
  return { c, north, south, sims };
}

async function setPerSubAccount(accountId: string, on: boolean) {
  const put = await t.api("PUT", `/api/v1/accounts/${accountId}/billing-profile`, {
    body: {
      cycle: "calendar",
      country: "IT",
      contactEmail: "ap@customer.example",
      perSubAccount: on,
    },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
}

/** The customer's invoices and its sub-accounts', each with its lines, by account. */
async function invoicesOf(accountId: string): Promise<Invoice[]> {
  const list = await t.api("GET", `/api/v1/invoices?accountId=${accountId}&limit=100`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const out: Invoice[] = [];
  for (const item of list.body.items as { id: string; kind: string }[])
    if (item.kind === "invoice") out.push((await t.api("GET", `/api/v1/invoices/${item.id}`)).body);
  return out;
}

/** The ICCIDs an invoice bills. */
async function iccidsOn(invoiceId: string) {
  const rows = await t.otter.database.db
    .selectFrom("invoice_sims")
    .select("iccid")
    .where("invoice_id", "=", invoiceId)
    .orderBy("iccid")
    .execute();
  return rows.map((r) => r.iccid);
}

const sorted = (xs: { iccid: string }[]) => xs.map((x) => x.iccid).sort();
const sum = (xs: string[]) => xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0) / 100;

describe("invoices per sub-account", () => {
  it("bills each sub-account and the customer's own SIMs apart, adding up to one invoice's total when there is no pool", async () => {
    const plans = await flexCatalog(t);
    const rate = await perSimPlan(plans);
    const { c, north, south, sims } = await customerWithSubAccounts(plans, rate);
    t.clock.set("2026-12-01T06:00:00Z");

    await runBilling(t, "2026-11", c.account.id);
    const whole = await invoicesOf(c.account.id);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toMatchObject({ accountId: c.account.id, scope: "subtree", subAccount: null });
    // 5 SIMs × 1.50 = 7.50; own 2 MB over at 0.50 = 1.00; North 4 MB + 1 MB over = 2.50 and
    // 1 MB roaming at 2 = 2.00.
    expect(whole[0]!.subtotal).toBe("13.00");

    await setPerSubAccount(c.account.id, true);
    await runBilling(t, "2026-11", c.account.id);
    const split = await invoicesOf(c.account.id);
    expect(split).toHaveLength(3);
    const by = new Map(split.map((i) => [i.accountId, i]));
    const own = by.get(c.account.id)!;
    const n = by.get(north.id)!;
    const s = by.get(south.id)!;
    expect(own).toMatchObject({ scope: "account", subAccount: null, subtotal: "4.00" });
    expect(n).toMatchObject({
      scope: "subtree",
      subAccount: { id: north.id, name: north.name },
      subtotal: "7.50",
    });
    expect(s).toMatchObject({ subAccount: { id: south.id, name: south.name }, subtotal: "1.50" });
    expect(sum(split.map((i) => i.subtotal))).toBe(Number(whole[0]!.subtotal));
    expect(await iccidsOn(own.id)).toEqual(sorted(sims.own));
    expect(await iccidsOn(n.id)).toEqual(sorted(sims.north));
    expect(await iccidsOn(s.id)).toEqual(sorted(sims.south));

    // The exports name the sub-account: the lines as CSV, the TMF678 CustomerBill.
    const csv = await t.api("GET", `/api/v1/invoices/${n.id}/lines.csv`);
    expect(csv.body.split("\n")[1].endsWith(`,${north.name}`)).toBe(true);
    const bill = await t.api("GET", `/api/v1/invoices/${n.id}/tmf678`);
    expect(bill.body.billingAccount).toMatchObject({ id: north.id, name: north.name });
    expect(bill.body.relatedParty[0]).toMatchObject({ id: c.account.id, role: "customer" });

    // Turned off again before anything is issued: one invoice, the sub-accounts' drafts gone.
    await setPerSubAccount(c.account.id, false);
    await runBilling(t, "2026-11", c.account.id);
    const again = await invoicesOf(c.account.id);
    expect(again.map((i) => [i.accountId, i.subtotal])).toEqual([[c.account.id, "13.00"]]);
  });

  it("gives each invoice its own flexible pool: the contributions of its own SIMs", async () => {
    const plans = await flexCatalog(t);
    const { c, north, south } = await customerWithSubAccounts(plans, plans.rate);
    await setPerSubAccount(c.account.id, true);
    t.clock.set("2026-12-01T06:00:00Z");
    await runBilling(t, "2026-11", c.account.id);
    const by = new Map((await invoicesOf(c.account.id)).map((i) => [i.accountId, i]));
    const pool = async (invoiceId: string) => {
      const line = (await t.otter.database.db
        .selectFrom("invoice_lines")
        .select(["amount", "explanation"])
        .where("invoice_id", "=", invoiceId)
        .where("kind", "=", "pool")
        .executeTakeFirst())!;
      const facts = (line.explanation as { facts: Record<string, number> }).facts;
      return { poolBytes: Number(facts.poolBytes), homeBytes: Number(facts.homeBytes) };
    };
    expect(await pool(by.get(c.account.id)!.id)).toEqual({
      poolBytes: 20 * MB,
      homeBytes: 15 * MB,
    });
    expect(await pool(by.get(north.id)!.id)).toEqual({ poolBytes: 20 * MB, homeBytes: 25 * MB });
    expect(await pool(by.get(south.id)!.id)).toEqual({ poolBytes: 10 * MB, homeBytes: 4 * MB });
    // North's 5 MB beyond its own pool are billed there (2.50, with 2.00 roaming and 3.00 fees),
    // though the customer's SIMs together (50 MB pool, 44 MB used) would have had room.
    expect(by.get(north.id)!.subtotal).toBe("7.50");
    expect(by.get(c.account.id)!.subtotal).toBe("3.00");
    expect(by.get(south.id)!.subtotal).toBe("1.50");
  });

  it("issues each invoice once with its own number; a run after issue changes nothing, whatever the profile says", async () => {
    const plans = await flexCatalog(t);
    const rate = await perSimPlan(plans);
    const { c, north } = await customerWithSubAccounts(plans, rate);
    await setPerSubAccount(c.account.id, true);
    t.clock.set("2026-12-01T06:00:00Z");
    await runBilling(t, "2026-11", c.account.id);
    const drafts = await invoicesOf(c.account.id);
    const numbers: string[] = [];
    for (const d of drafts) {
      const issued = await t.api("POST", `/api/v1/invoices/${d.id}/issue`);
      expect(issued.status, JSON.stringify(issued.body)).toBe(200);
      expect(issued.body.subAccount).toEqual(d.subAccount);
      numbers.push(issued.body.number);
    }
    expect(new Set(numbers).size).toBe(3);

    const job = await runBilling(t, "2026-11", c.account.id);
    expect(job.counts).toMatchObject({ unchanged: 1 });
    await setPerSubAccount(c.account.id, false);
    await runBilling(t, "2026-11", c.account.id);
    const after = await invoicesOf(c.account.id);
    expect(after.map((i) => [i.id, i.status, i.number]).sort()).toEqual(
      drafts.map((d, k) => [d.id, "issued", numbers[k]]).sort(),
    );

    // The mail goes to North's own billing contact once it has one, else to the customer's.
    const mailNorth = async () =>
      t.api("POST", `/api/v1/invoices/${after.find((i) => i.accountId === north.id)!.id}/mail`);
    expect((await mailNorth()).body.to).toBe("ap@customer.example");
    const putNorth = await t.api("PUT", `/api/v1/accounts/${north.id}/billing-profile`, {
      body: { cycle: "calendar", country: "IT", contactEmail: "north@customer.example" },
    });
    expect(putNorth.status).toBe(200);
    expect((await mailNorth()).body.to).toBe("north@customer.example");
  });

  it("bills late usage on the sub-account's next invoice and compares a sub-account's cycles", async () => {
    const plans = await flexCatalog(t);
    const rate = await perSimPlan(plans);
    const { c, north, south, sims } = await customerWithSubAccounts(plans, rate);
    await setPerSubAccount(c.account.id, true);
    t.clock.set("2026-12-01T06:00:00Z");
    await runBilling(t, "2026-11", c.account.id);
    for (const d of await invoicesOf(c.account.id))
      expect((await t.api("POST", `/api/v1/invoices/${d.id}/issue`)).status).toBe(200);

    // 2 MB more for North in November, recorded after the run; and December usage.
    await addDailyUsage(t, sims.north[0]!, "2026-11-20", plans.home.id as string, 2 * MB);
    await addDailyUsage(t, sims.north[0]!, "2026-12-04", plans.home.id as string, 1 * MB);
    t.clock.set("2027-01-01T06:00:00Z");
    await runBilling(t, "2026-12", c.account.id);
    const december = (await invoicesOf(c.account.id)).filter((i) => i.status === "draft");
    const by = new Map(december.map((i) => [i.accountId, i]));
    expect(by.get(north.id)!.lines.filter((l) => l.kind === "late_usage")).toEqual([
      expect.objectContaining({ amount: "1.00" }),
    ]);
    expect(by.get(south.id)!.lines.some((l) => l.kind === "late_usage")).toBe(false);
    expect(by.get(c.account.id)!.lines.some((l) => l.kind === "late_usage")).toBe(false);

    const compare = await t.api(
      "GET",
      `/api/v1/accounts/${north.id}/billing/compare?from=2026-11&to=2026-12`,
    );
    expect(compare.status, JSON.stringify(compare.body)).toBe(200);
    expect(compare.body.from.total).toBe(
      (await invoicesOf(north.id)).find((i) => i.status === "issued")!.total,
    );
    expect(compare.body.to.invoiceId).toBe(by.get(north.id)!.id);
  });

  it("projects the cycle to date of a sub-account's own invoice and of a SIM on it", async () => {
    const plans = await flexCatalog(t);
    const { c, north, sims } = await customerWithSubAccounts(plans, plans.rate);
    await setPerSubAccount(c.account.id, true);
    t.clock.set("2026-11-16T12:00:00Z");
    const own = await t.api("GET", `/api/v1/accounts/${c.account.id}/billing/cycle-to-date`);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const northToDate = await t.api("GET", `/api/v1/accounts/${north.id}/billing/cycle-to-date`);
    expect(northToDate.status, JSON.stringify(northToDate.body)).toBe(200);
    // Fees for the cycle: two SIMs on each.
    const fees = (b: { lines: { kind: string; projected: string }[] }) =>
      b.lines.find((l) => l.kind === "subscription")!.projected;
    expect(fees(own.body)).toBe("3.00");
    expect(fees(northToDate.body)).toBe("3.00");
    const sim = await t.api("GET", `/api/v1/sims/${sims.north[1]!.iccid}/billing/cycle-to-date`);
    expect(sim.status, JSON.stringify(sim.body)).toBe(200);
    expect(sim.body.accountId).toBe(north.id);
    // North's pool: its two SIMs' 10 MB each.
    expect(sim.body.allowance.pool.bytes).toBe(20 * MB);
  });

  it("names the sub-account on the PDF, and says what the customer's own invoice covers", async () => {
    const plans = await flexCatalog(t);
    const { c, north } = await customerWithSubAccounts(plans, plans.rate);
    await setPerSubAccount(c.account.id, true);
    t.clock.set("2026-12-01T06:00:00Z");
    await runBilling(t, "2026-11", c.account.id);
    const by = new Map((await invoicesOf(c.account.id)).map((i) => [i.accountId, i]));
    const n = by.get(north.id)!;
    const own = by.get(c.account.id)!;
    const pdf = await fetch(`${t.url}/api/v1/invoices/${n.id}/pdf?language=en`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text;
    expect(text).toContain("Sub-account");
    expect(text).toContain(north.name);
    const ownPdf = await fetch(`${t.url}/api/v1/invoices/${own.id}/pdf?language=en`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    const ownText = (await pdfText(new Uint8Array(await ownPdf.arrayBuffer()))).text;
    expect(ownText.replace(/\s+/g, " ")).toContain(
      "Covers SIMs on the main account (sub-accounts are invoiced separately)",
    );
  });
});
