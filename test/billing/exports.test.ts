import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Iccid } from "../../src/lib/identifiers.js";
import { runCli } from "../cli/run-cli.js";
import { buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { pdfText } from "../support/pdf-text.js";
import { startTestRelay, type TestRelay } from "../support/smtp-relay.js";
import { runBilling } from "./billing-support.js";

/**
 * An invoice's exports over HTTP and the CLI: the PDF a customer's finance department files (read
 * back as text by pdf.js), the rated usage behind it as CSV, and the TMF678 CustomerBill.
 */
const KB = 1024;
const MB = 1024 * KB;

let t: TestOtter;
let relay: TestRelay;
let seq = 0;

async function catalog() {
  const u = `${Date.now().toString(36)}${seq++}`;
  const zone = async (name: string, countries: string[]) =>
    (await t.api("POST", "/api/v1/zones", { body: { name, countries } })).body as {
      id: string;
      name: string;
    };
  const home = await zone(`Europa ${u}`, ["IT", "FR"]);
  const roam = await zone(`Turchia ${u}`, ["TR"]);
  const comm = (
    await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `Trackers ${u}`,
        apns: [{ name: "iot.otter.example" }],
        rats: ["LTE-M"],
        zones: [home.name, roam.name],
      },
    })
  ).body;
  const rate = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `Tracker Flex ${u}`,
      currency: "EUR",
      effectiveFrom: "2026-01-01T00:00:00Z",
      subscription: { monthlyFeePerSim: 1.5 },
      included: { dataBytes: 10 * MB },
      pool: { type: "flex" },
      zones: [
        { zone: home.name, dataPerMB: 0.5 },
        { zone: roam.name, dataPerMB: 2 },
      ],
    },
  });
  expect(rate.status, JSON.stringify(rate.body)).toBe(201);
  return { home, roam, comm, rate: rate.body as { id: string; name: string } };
}

async function usage(
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
    .insertInto("usage_daily")
    .values({
      sim_id: row.id,
      day,
      zone_key: zoneId,
      zone_id: zoneId,
      account_id: sim.accountId,
      bytes_up: 1000,
      bytes_down: bytes - 1000,
      billed_bytes: bytes,
      sms_mo: 0,
      sms_mt: 0,
    })
    .execute();
}

async function run(period: string, accountId: string) {
  await runBilling(t, period, accountId);
  const list = await t.api("GET", `/api/v1/invoices?accountId=${accountId}`);
  return (await t.api("GET", `/api/v1/invoices/${list.body.items[0].id}`)).body;
}

/** A download's bytes (the test client reads bodies as text, which would spoil a PDF). */
async function download(path: string, key = t.adminKey) {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${key}` } });
  return {
    status: res.status,
    headers: res.headers,
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

/** An Italian customer with 600 MB in Turkey (€2/MB) and 15 MB at home (pool 10 MB) in November. */
async function italianCustomer() {
  t.clock.set("2026-10-01T08:00:00Z");
  const plans = await catalog();
  const c = await buildCustomer(t, {
    language: "it",
    currency: "EUR",
    timeZone: "Europe/Rome",
    legalName: "Pastori Sardi Riuniti S.p.A.",
    vatNumber: "IT09876543210",
    billingAddress: {
      addressLine1: "Via dei Mille 12",
      city: "Cagliari",
      postalCode: "09100",
      country: "IT",
    },
  });
  await offer(t, plans, c.account.id);
  await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
    body: {
      cycle: "calendar",
      country: "IT",
      contactName: "Ufficio amministrazione",
      contactEmail: "amministrazione@pastori.example",
    },
  });
  const sim = await buildSim(t, {
    accountId: c.account.id,
    communicationPlan: plans.comm.name,
    ratePlan: plans.rate.name,
    state: "ACTIVATED",
  });
  await usage(sim, "2026-11-03", plans.home.id, 15 * MB);
  await usage(sim, "2026-11-07", plans.roam.id, 400 * MB);
  await usage(sim, "2026-11-08", plans.roam.id, 200 * MB);
  t.clock.set("2026-12-01T06:00:00Z");
  const inv = await run("2026-11", c.account.id);
  return { c, plans, sim, inv };
}

let it1: Awaited<ReturnType<typeof italianCustomer>>;

beforeAll(async () => {
  relay = await startTestRelay();
  t = await startOtter({ OTTER_SMTP_RELAY: relay.url }, { startWorkers: false });
  t.clock.set("2026-10-01T08:00:00Z");
  const op = await t.api("PATCH", `/api/v1/accounts/${t.rootAccountId}`, {
    body: {
      legalName: "Otter Connettività S.r.l.",
      vatNumber: "IT01234567890",
      billingAddress: {
        addressLine1: "Corso Italia 1",
        city: "Milano",
        postalCode: "20122",
        country: "IT",
      },
    },
  });
  expect(op.status, JSON.stringify(op.body)).toBe(200);
  await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  it1 = await italianCustomer();
});
afterAll(async () => {
  await t?.close();
  await relay?.close();
});

describe("the invoice as a PDF", () => {
  it("shows an Italian customer its invoice in Italian, with 1.234,56 € amounts; a draft says BOZZA", async () => {
    const { c, inv } = it1;
    // Fee 1.50 + pool overage 5 MB × 0.50 = 2.50 + Turkey 600 MB × 2 = 1,200.00 → 1,204.00; VAT 22%.
    expect(inv).toMatchObject({ subtotal: "1204.00", vatAmount: "264.88", total: "1468.88" });
    const draft = await download(`/api/v1/invoices/${inv.id}/pdf`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get("content-type")).toBe("application/pdf");
    const d = (await pdfText(draft.bytes)).text;
    expect(d).toContain("BOZZA");
    expect(d).toContain("Fattura");

    // Customers do not see drafts, in any format.
    expect((await download(`/api/v1/invoices/${inv.id}/pdf`, c.adminKey)).status).toBe(404);

    const issued = await t.api("POST", `/api/v1/invoices/${inv.id}/issue`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const res = await download(`/api/v1/invoices/${issued.body.number}/pdf`, c.adminKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`${issued.body.number}.pdf`);
    const text = (await pdfText(res.bytes)).text;
    expect(text).not.toContain("BOZZA");
    expect(text).toContain(`Fattura ${issued.body.number}`);
    expect(text).toContain("Otter Connettività S.r.l.");
    expect(text).toContain("Pastori Sardi Riuniti S.p.A.");
    expect(text).toContain("Via dei Mille 12");
    expect(text).toContain("Partita IVA IT09876543210");
    expect(text).toContain("canoni mensili");
    expect(text).toContain("1,50 €");
    expect(text).toContain("2,50 €");
    expect(text).toContain("1.200,00 €");
    expect(text).toContain("Imponibile 1.204,00 €");
    expect(text).toContain("IVA 22% 264,88 €");
    expect(text).toContain("Totale 1.468,88 €");
    expect(text).toContain("1 dicembre 2026"); // issued on the clock's day, in Rome
    expect(text).toMatch(/IVA al 22% \(Italia\)/);
    expect(text).toContain("arrotondata");

    // The same issued invoice gives the same bytes each time (its creation date is its issue time).
    const again = await download(`/api/v1/invoices/${inv.id}/pdf`, c.adminKey);
    expect(Buffer.from(again.bytes).equals(Buffer.from(res.bytes))).toBe(true);

    // Asked in English, the words change and the amounts follow the language.
    const en = (await pdfText((await download(`/api/v1/invoices/${inv.id}/pdf?language=en`)).bytes))
      .text;
    expect(en).toContain("Total €1,468.88");
  });

  it("prints a credit note with the invoice it credits, and Swedish when asked", async () => {
    const { inv } = it1;
    const number = (await t.api("GET", `/api/v1/invoices/${inv.id}`)).body.number as string;
    const cn = await t.api("POST", `/api/v1/invoices/${inv.id}/credit-notes`, {
      body: { reason: "goodwill", lines: [{ description: "Sconto fedeltà", amount: "100.00" }] },
    });
    expect(cn.status, JSON.stringify(cn.body)).toBe(201);
    const text = (await pdfText((await download(`/api/v1/invoices/${cn.body.number}/pdf`)).bytes))
      .text;
    expect(text).toContain(`Nota di credito ${cn.body.number}`);
    expect(text).toContain(`Storna la fattura ${number}`);
    expect(text).toContain("Sconto fedeltà");
    expect(text).toContain("Totale -122,00 €");
    const sv = (await pdfText((await download(`/api/v1/invoices/${inv.id}/pdf?language=sv`)).bytes))
      .text;
    expect(sv).toContain(`Faktura ${number}`);
    expect(sv).toContain("Att betala 1 468,88 €");
    expect(sv).toContain("månadsavgifter");
  });

  it("states the reverse charge for an EU business in another country", async () => {
    t.clock.set("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t, { legalName: "Herdenwacht GmbH", vatNumber: "DE123456789" });
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "DE" },
    });
    await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    t.clock.set("2026-12-01T06:00:00Z");
    const inv = await run("2026-11", c.account.id);
    expect(inv).toMatchObject({ reverseCharge: true, total: "1.50" });
    const text = (await pdfText((await download(`/api/v1/invoices/${inv.id}/pdf`)).bytes)).text;
    expect(text).toContain("Herdenwacht GmbH");
    expect(text).toContain("VAT number DE123456789");
    expect(text).toContain("Reverse charge: VAT to be accounted for by the recipient, DE123456789");
    expect(text).toContain("VAT 0% €0.00");
    expect(text).toContain("Total €1.50");
    expect(text).toContain("DRAFT");
  });

  it("is written to a file by the CLI, the invoice named by its number", async () => {
    const dir = mkdtempSync(join(tmpdir(), "otter-pdf-"));
    const file = join(dir, "invoice.pdf");
    const inv = (await t.api("GET", `/api/v1/invoices/${it1.inv.id}`)).body;
    const cli = await runCli(["invoices", "pdf", inv.number, "-o", file], {
      OTTER_URL: t.url,
      OTTER_API_KEY: it1.c.adminKey,
    });
    expect(cli.code, cli.stderr).toBe(0);
    const text = (await pdfText(readFileSync(file))).text;
    expect(text).toContain(`Fattura ${inv.number}`);
    expect(text).toContain("Totale 1.468,88 €");
    const missing = await runCli(["invoices", "pdf", "INV-999999", "-o", file], {
      OTTER_URL: t.url,
      OTTER_API_KEY: it1.c.adminKey,
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("INVOICE_NOT_FOUND");
  });
});

describe("the rated usage behind an invoice, as CSV", () => {
  it("has a row per SIM, day and zone whose amounts add up to the lines", async () => {
    const { c, inv, sim, plans } = it1;
    const res = await t.api("GET", `/api/v1/invoices/${inv.id}/rated-usage.csv`, {
      key: c.adminKey,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = (res.body as string).trim().split("\n");
    expect(header).toBe(
      "iccid,day,zone,plan,plan_version,test,bytes,rated_bytes,rated_mb,sms_mo,sms_mt,price_per_mb,charged_as,charged_mb,amount,currency,line",
    );
    const cells = rows.map((r) => r.split(","));
    expect(cells).toHaveLength(3);
    const at = (day: string) => cells.find((r) => r[1] === day)!;
    const zoneLine = inv.lines.find((l: { kind: string }) => l.kind === "zone_data");
    const poolLine = inv.lines.find((l: { kind: string }) => l.kind === "pool");
    expect(at("2026-11-03")).toEqual([
      sim.iccid,
      "2026-11-03",
      plans.home.name,
      plans.rate.name,
      "1",
      "no",
      String(15 * MB),
      String(15 * MB),
      "15",
      "0",
      "0",
      "0.5",
      "pool",
      "",
      "",
      "EUR",
      String(poolLine.n),
    ]);
    expect(at("2026-11-07")).toEqual([
      sim.iccid,
      "2026-11-07",
      plans.roam.name,
      plans.rate.name,
      "1",
      "no",
      String(400 * MB),
      String(400 * MB),
      "400",
      "0",
      "0",
      "2",
      "zone",
      "400",
      "800",
      "EUR",
      String(zoneLine.n),
    ]);
    expect(at("2026-11-08")?.slice(12, 15)).toEqual(["zone", "200", "400"]);
    const zoneSum = cells.filter((r) => r[12] === "zone").reduce((n, r) => n + Number(r[14]), 0);
    expect(zoneSum.toFixed(2)).toBe(zoneLine.amount);

    // And from the CLI, to standard output.
    const cli = await runCli(["invoices", "rated-usage", inv.id], {
      OTTER_URL: t.url,
      OTTER_API_KEY: c.adminKey,
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout.trim()).toBe((res.body as string).trim());
  });
});

describe("the invoice as a TMF678 CustomerBill", () => {
  it("maps number, dates, period, amounts and tax as TMF678 names them", async () => {
    const { c, inv } = it1;
    const res = await t.api("GET", `/api/v1/invoices/${inv.id}/tmf678`, { key: c.adminKey });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const issued = (await t.api("GET", `/api/v1/invoices/${inv.id}`)).body;
    expect(res.body).toMatchObject({
      id: inv.id,
      href: `${t.url}/api/v1/invoices/${inv.id}/tmf678`,
      billNo: issued.number,
      billDate: issued.issuedAt,
      state: "sent",
      category: "normal",
      runType: "onCycle",
      billingPeriod: { startDateTime: "2026-11-01T00:00:00", endDateTime: "2026-11-30T23:59:59" },
      amountDue: { unit: "EUR", value: "1468.88" },
      remainingAmount: { unit: "EUR", value: "1468.88" },
      taxExcludedAmount: { unit: "EUR", value: "1204.00" },
      taxIncludedAmount: { unit: "EUR", value: "1468.88" },
      taxItem: [{ taxCategory: "VAT", taxRate: "22", taxAmount: { unit: "EUR", value: "264.88" } }],
      appliedPayment: [],
      billingAccount: { id: c.account.id, name: "Pastori Sardi Riuniti S.p.A." },
      billDocument: [
        { mimeType: "application/pdf", url: `${t.url}/api/v1/invoices/${inv.id}/pdf` },
      ],
      "@type": "CustomerBill",
    });
  });

  it("answers another customer's invoice as not found, in every format", async () => {
    const other = await buildCustomer(t);
    for (const path of ["pdf", "rated-usage.csv", "tmf678"]) {
      const res = await t.api("GET", `/api/v1/invoices/${it1.inv.id}/${path}`, {
        key: other.adminKey,
      });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("INVOICE_NOT_FOUND");
    }
    const bad = await t.api("GET", "/api/v1/invoices/INV-12/pdf");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("id");
    const lang = await t.api("GET", `/api/v1/invoices/${it1.inv.id}/pdf?language=de`);
    expect(lang.status).toBe(400);
    expect(JSON.stringify(lang.body)).toContain("language");
  });
});

describe("the invoice mailed to the billing contact", () => {
  it("carries the PDF in the customer's language, listed in the outbox and downloadable there", async () => {
    const { c, inv } = it1;
    if ((await t.api("GET", `/api/v1/invoices/${inv.id}`)).body.status === "draft")
      await t.api("POST", `/api/v1/invoices/${inv.id}/issue`);
    const number = (await t.api("GET", `/api/v1/invoices/${inv.id}`)).body.number as string;
    // Other notices (the billing run's job) go out first, so the relay holds only the invoice.
    await t.otter.services.mail.deliverDue(100);
    relay.received.length = 0;

    const mailed = await t.api("POST", `/api/v1/invoices/${inv.id}/mail`, { key: c.adminKey });
    expect(mailed.status, JSON.stringify(mailed.body)).toBe(202);
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ sent: 1 });

    expect(relay.received).toHaveLength(1);
    const got = relay.received[0]!;
    expect(got.envelope.to).toEqual(["amministrazione@pastori.example"]);
    expect(got.parsed.text).toContain(number);
    // Written in the customer's language, as the PDF is: number, period, amounts as Italian writes them.
    expect(got.parsed.subject).toBe(`Fattura ${number}, 1 nov 2026 – 30 nov 2026`);
    const body = got.parsed.text!.trim().split("\n");
    expect(body).toEqual([
      "Gentile Ufficio amministrazione,",
      "",
      `in allegato trova la fattura ${number} per il periodo di fatturazione 1 nov 2026 – 30 nov 2026.`,
      "",
      "Imponibile: 1.204,00 €",
      "IVA 22%: 264,88 €",
      "Totale: 1.468,88 €",
      "",
      `Il PDF allegato (${number}.pdf) è il documento da conservare.`,
      "",
      "Cordiali saluti,",
      "Otter Connettività S.r.l.",
    ]);
    expect(got.parsed.text).not.toMatch(/Invoice|Total:|Cycle|Subtotal/);
    expect(got.parsed.attachments).toHaveLength(1);
    const pdf = got.parsed.attachments[0]!;
    expect(pdf.filename).toBe(`${number}.pdf`);
    expect(pdf.contentType).toBe("application/pdf");
    const text = (await pdfText(new Uint8Array(pdf.content))).text;
    expect(text).toContain(`Fattura ${number}`);
    expect(text).toContain("1.468,88 €");

    // The outbox lists it by name and size, and hands back the bytes that were sent.
    const out = await t.api("GET", `/api/v1/outbox/${mailed.body.mailId}`);
    expect(out.body.subject).toBe(got.parsed.subject);
    expect(out.body.text.trim()).toBe(got.parsed.text!.trim());
    expect(out.body.attachments).toEqual([
      { n: 1, filename: `${number}.pdf`, contentType: "application/pdf", size: pdf.size },
    ]);
    const list = await t.api("GET", "/api/v1/outbox");
    const listed = list.body.items.find((m: { id: string }) => m.id === mailed.body.mailId);
    expect(listed.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      `${number}.pdf`,
    ]);
    const file = await download(`/api/v1/outbox/${mailed.body.mailId}/attachments/1`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain(`${number}.pdf`);
    expect(Buffer.from(file.bytes).equals(pdf.content)).toBe(true);
    const missing = await t.api("GET", `/api/v1/outbox/${mailed.body.mailId}/attachments/2`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("MAIL_ATTACHMENT_NOT_FOUND");
  });

  it("names the credited invoice in a credit note's mail, and writes a Swedish customer's mail in Swedish", async () => {
    const { inv } = it1;
    if ((await t.api("GET", `/api/v1/invoices/${inv.id}`)).body.status === "draft")
      await t.api("POST", `/api/v1/invoices/${inv.id}/issue`);
    const number = (await t.api("GET", `/api/v1/invoices/${inv.id}`)).body.number as string;
    const credit = await t.api("POST", `/api/v1/invoices/${inv.id}/credit-notes`, {
      body: { reason: "goodwill", lines: [{ description: "Sconto", amount: "10.00" }] },
    });
    expect(credit.status, JSON.stringify(credit.body)).toBe(201);
    const note = credit.body as { id: string; number: string };
    const mailedNote = await t.api("POST", `/api/v1/invoices/${note.id}/mail`);
    expect(mailedNote.status, JSON.stringify(mailedNote.body)).toBe(202);
    const noteMail = (await t.api("GET", `/api/v1/outbox/${mailedNote.body.mailId}`)).body;
    expect(noteMail.subject).toBe(`Nota di credito ${note.number} per la fattura ${number}`);
    expect(noteMail.text).toContain("Totale stornato: -12,20 €");

    // A Swedish customer without a contact name, reverse charge: its words, its money.
    t.clock.set("2026-10-01T08:00:00Z");
    const plans = await catalog();
    const c = await buildCustomer(t, {
      language: "sv",
      currency: "EUR",
      legalName: "Fjällräven Spårning AB",
      vatNumber: "SE556677889901",
    });
    await offer(t, plans, c.account.id);
    await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
      body: { cycle: "calendar", country: "SE", contactEmail: "faktura@fjall.example" },
    });
    await buildSim(t, {
      accountId: c.account.id,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    t.clock.set("2026-12-01T06:00:00Z");
    const sek = await run("2026-11", c.account.id);
    const issued = await t.api("POST", `/api/v1/invoices/${sek.id}/issue`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const mailed = await t.api("POST", `/api/v1/invoices/${sek.id}/mail`);
    expect(mailed.status, JSON.stringify(mailed.body)).toBe(202);
    const mail = (await t.api("GET", `/api/v1/outbox/${mailed.body.mailId}`)).body;
    expect(mail.to).toEqual(["faktura@fjall.example"]);
    expect(mail.subject).toBe(`Faktura ${issued.body.number}, 1 nov. 2026 – 30 nov. 2026`);
    const lines = (mail.text as string).split("\n");
    expect(lines[0]).toBe("Hej,");
    expect(lines).toContain("Moms: omvänd betalningsskyldighet, mottagaren redovisar momsen");
    expect(lines).toContain(`Att betala: ${issued.body.total.replace(".", ",")} €`);
  });
});
