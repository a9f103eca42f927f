import { describe, expect, it } from "vitest";
import { pdfText } from "../../../test/support/pdf-text.js";
import { formatMoney, type InvoiceDocument, printable, renderInvoicePdf } from "./invoice-pdf.js";

const base: InvoiceDocument = {
  language: "it",
  kind: "invoice",
  draft: false,
  number: "INV-000042",
  issuedOn: "2026-12-02",
  createdAt: new Date("2026-12-02T09:30:00Z"),
  cycleStart: "2026-11-01",
  cycleEnd: "2026-11-30",
  creditsNumber: null,
  currency: "EUR",
  supplier: {
    name: "Otter Telecom S.r.l.",
    address: ["Via Roma 1", "00100 Roma"],
    vatNumber: "IT01234567890",
  },
  customer: {
    name: "Savannah Wildlife Trust",
    address: ["Kenyatta Avenue 5", "Nairobi"],
    vatNumber: "DE123456789",
    contactName: "Accounts payable",
  },
  lines: [
    {
      n: 1,
      description: "Tracker: canoni mensili",
      quantity: "2.166667",
      unit: "mesi-SIM",
      unitPrice: "1.5",
      amount: "3.25",
    },
    {
      n: 2,
      description: "Tracker: dati in Zona 2",
      quantity: "617.28",
      unit: "MB",
      unitPrice: "2",
      amount: "1234.56",
    },
  ],
  subtotal: "1237.81",
  vatRate: "22",
  vatAmount: "272.32",
  total: "1510.13",
  vatStatement: "IVA al 22% (Italia).",
};

describe("the invoice as a PDF", () => {
  it("shows the parties, every line and the totals in the customer's language and format", async () => {
    const { text, pages } = await pdfText(await renderInvoicePdf(base));
    expect(pages).toHaveLength(1);
    expect(text).toContain("Fattura INV-000042");
    expect(text).toContain("Savannah Wildlife Trust");
    expect(text).toContain("Partita IVA DE123456789");
    expect(text).toContain("1.234,56 €");
    expect(text).toContain("1.510,13 €");
    expect(text).toContain("2,166667 mesi-SIM");
    expect(text).toContain("1 novembre 2026 – 30 novembre 2026");
    expect(text).toContain("Imponibile");
    expect(text).toContain("arrotondata");
    expect(text).not.toContain("BOZZA");
  });

  it("is the same bytes every time for the same invoice", async () => {
    const a = await renderInvoicePdf(base);
    const b = await renderInvoicePdf(base);
    expect(a.equals(b)).toBe(true);
  });

  it("watermarks a draft and runs long invoices over several numbered pages", async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({ ...base.lines[0]!, n: i + 1 }));
    const { pages } = await pdfText(
      await renderInvoicePdf({ ...base, language: "en", draft: true, number: null, lines }),
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain("DRAFT");
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    }
    expect(pages.join("\n")).toContain("80. Tracker");
  });

  it("writes amounts from decimal strings exactly and text the standard font can show", () => {
    expect(formatMoney("12345678901234.57", "EUR", "en")).toBe("€12,345,678,901,234.57");
    expect(formatMoney("-1.22", "SEK", "sv")).toBe("\u22121,22\u00a0kr");
    expect(printable("Łódź Zoë −1,22")).toBe("?ódz Zoë -1,22");
  });
});
