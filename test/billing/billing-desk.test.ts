import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer } from "../support/factories.js";
import { billedCustomer, type BilledCustomer } from "./billing-support.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import {
  addContact,
  addMailbox,
  casesFrom,
  deliver,
  getCase,
  msgId,
  rfc822,
} from "../desk/desk-support.js";

/**
 * The desk's billing cases: a case links the invoice it is about (by an agent, or by itself when
 * the customer's mail names the invoice's number), shows it with its lines, and a line's
 * explanation comes as plain text in the customer's language for the reply.
 */
const SUPPORT = "billing@ops.example";

let t: TestOtter;
let seq = 0;

type Customer = Awaited<ReturnType<typeof buildCustomer>>;

async function openCase(c: Customer, body: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/v1/cases", {
    body: {
      accountId: c.account.id,
      subject: "Why is November higher?",
      category: "billing",
      ...body,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number };
}

let a: BilledCustomer;
let b: BilledCustomer;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  a = await billedCustomer(t, { language: "it" });
  b = await billedCustomer(t, { language: "sv" });
  await addMailbox(t, SUPPORT);
}, 300_000);
afterAll(() => t?.close());

const roamLine = (inv: { lines: { kind: string; n: number; amount: string }[] }) =>
  inv.lines.find((l) => l.kind === "zone_data")!;

describe("a billing case and its invoice", () => {
  it("links the customer's invoice and answers it with its lines", async () => {
    const c = await openCase(a.customer);
    const res = await t.api("POST", `/api/v1/cases/${c.id}/links`, {
      body: { invoiceId: a.invoice.id },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const link = res.body.links.find((l: { kind: string }) => l.kind === "invoice");
    expect(link.invoiceId).toBe(a.invoice.id);
    expect(link.invoice.number).toBe(a.invoice.number);
    expect(link.invoice.lines.map((l: { amount: string }) => l.amount)).toEqual(
      a.invoice.lines.map((l: { amount: string }) => l.amount),
    );
    expect(roamLine(link.invoice).amount).toBe("7.00");
    const view = await getCase(t, c.id);
    expect(view.timeline.at(-1).data).toMatchObject({ type: "linked", invoice: a.invoice.number });

    // Linking it again adds nothing; unlinking removes it.
    const again = await t.api("POST", `/api/v1/cases/${c.id}/links`, {
      body: { invoiceId: a.invoice.id },
    });
    expect(again.body.links.filter((l: { kind: string }) => l.kind === "invoice")).toHaveLength(1);
    const del = await t.api("DELETE", `/api/v1/cases/${c.id}/links/${link.id}`);
    expect(del.status).toBe(204);
    expect((await getCase(t, c.id)).links).toEqual([]);
  });

  it("refuses another customer's invoice, and changes nothing", async () => {
    const c = await openCase(a.customer);
    const res = await t.api("POST", `/api/v1/cases/${c.id}/links`, {
      body: { invoiceId: b.invoice.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({
      field: "invoiceId",
      code: "CASE_INVOICE_NOT_OF_CUSTOMER",
    });
    const view = await getCase(t, c.id);
    expect(view.links).toEqual([]);
    expect(view.timeline.some((e: { data: { type?: string } }) => e.data.type === "linked")).toBe(
      false,
    );
    const unknown = await t.api("POST", `/api/v1/cases/${c.id}/links`, {
      body: { invoiceId: "0190a8a0-0000-7000-8000-00000000dead" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("INVOICE_NOT_FOUND");
  });

  it("shows a customer its case's invoice once issued, and a draft to nobody but the operator", async () => {
    const draft = await billedCustomer(t, { language: "en" }, false);
    const c = await openCase(draft.customer);
    const linked = await t.api("POST", `/api/v1/cases/${c.id}/links`, {
      body: { invoiceId: draft.invoice.id },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const asCustomer = await getCase(t, c.id, draft.customer.adminKey);
    expect(asCustomer.links[0]).toMatchObject({ kind: "invoice", invoice: null });
    const other = await t.api("GET", `/api/v1/cases/${c.id}`, { key: b.customer.adminKey });
    expect(other.status).toBe(404);
  });
});

describe("a line's explanation as text for a reply", () => {
  it("speaks the customer's language, with the figures behind the line", async () => {
    const n = roamLine(a.invoice).n;
    const res = await t.api(
      "GET",
      `/api/v1/invoices/${a.invoice.id}/lines/${n}/explanation?format=text`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(res.headers.get("content-language")).toBe("it");
    const text = res.body as string;
    expect(text).toContain(
      `Fattura ${a.invoice.number}, riga ${n}: ${a.planName}: dati in ${a.roamName}`,
    );
    expect(text).toContain("Sono stati usati 3,5 MB");
    expect(text).toContain("3,5 MB × 2,00 € (versione del piano 1) = 7,00 €");
    expect(text).toContain(a.sim.iccid);

    const en = await t.api(
      "GET",
      `/api/v1/invoices/${a.invoice.id}/lines/${n}/explanation?format=text&language=en`,
    );
    expect(en.body).toContain(`3.5 MB were used in ${a.roamName}`);
    expect(en.body).toContain("€7.00");

    const sv = await t.api(
      "GET",
      `/api/v1/invoices/${b.invoice.id}/lines/${roamLine(b.invoice).n}/explanation?format=text`,
    );
    expect(sv.headers.get("content-language")).toBe("sv");
    expect(sv.body).toContain(`3,5 MB användes i ${b.roamName}`);

    // JSON stays the default.
    const json = await t.api("GET", `/api/v1/invoices/${a.invoice.id}/lines/${n}/explanation`);
    expect(json.body.summary).toContain("3.5 MB");
  });

  it("is another customer's only to see", async () => {
    const n = roamLine(a.invoice).n;
    const res = await t.api(
      "GET",
      `/api/v1/invoices/${a.invoice.id}/lines/${n}/explanation?format=text`,
      { key: b.customer.adminKey },
    );
    expect(res.status).toBe(404);
    const bad = await t.api(
      "GET",
      `/api/v1/invoices/${a.invoice.id}/lines/${n}/explanation?format=pdf`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("format");
  });
});

describe("an invoice named in a customer's mail", () => {
  it("is linked to the case the mail opens, which becomes a billing case", async () => {
    const from = `ap${seq++}@customer-a.example`;
    await addContact(t, a.customer.account.id, { name: "Accounts payable", email: from });
    const raw = rfc822(
      {
        From: from,
        To: SUPPORT,
        Subject: "Question about our invoice",
        "Message-ID": msgId(),
      },
      `Hello, why is ${a.invoice.number} higher than last month? And what is ${b.invoice.number}?\n> quoted: INV-999999`,
    );
    await deliver(t, raw, { from, to: [SUPPORT] });
    const [listed] = await casesFrom(t, from);
    const c = await getCase(t, listed.id);
    expect(c.category).toBe("billing");
    const invoices = c.links.filter((l: { kind: string }) => l.kind === "invoice");
    // Only the sender's own customer's invoice: the other customer's number links nothing.
    expect(invoices.map((l: { invoiceId: string }) => l.invoiceId)).toEqual([a.invoice.id]);
    expect(invoices[0].invoice.lines.length).toBeGreaterThan(0);
  });

  it("links nothing for an unknown sender", async () => {
    const from = `stranger${seq++}@elsewhere.example`;
    const raw = rfc822(
      { From: from, To: SUPPORT, Subject: `About ${a.invoice.number}`, "Message-ID": msgId() },
      "Please explain.",
    );
    await deliver(t, raw, { from, to: [SUPPORT] });
    const [listed] = await casesFrom(t, from);
    const c = await getCase(t, listed.id);
    expect(c.links).toEqual([]);
    expect(c.category).toBe("other");
  });
});
