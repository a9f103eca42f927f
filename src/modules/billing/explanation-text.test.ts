import { describe, expect, it } from "vitest";
import { explanationAsText, type LineToExplain } from "./explanation-text.js";

const base: LineToExplain = {
  invoice: {
    kind: "invoice",
    number: "INV-000042",
    currency: "EUR",
    cycleStart: "2026-11-01",
    cycleEnd: "2026-11-30",
    cycleDays: 30,
  },
  line: {
    n: 1,
    kind: "subscription",
    description: "Tracker Flex: monthly fees",
    unit: "SIM-month",
    unitPrice: "1.5",
    amount: "3.25",
    planVersion: 1,
  },
  planName: "Tracker Flex",
  zoneName: null,
  parts: [
    {
      label: "65 SIM-days ÷ 30 days × 1.5 (version 1)",
      quantity: "2.166667",
      unit: "SIM-month",
      unitPrice: "1.5",
      amount: "3.25",
      version: 1,
    },
  ],
  exact: "3.25",
  facts: { sims: 3, simDays: 65, cycleDays: 30 },
  sentence: "65 days in a billable state across the plan's SIMs.",
  sims: [{ iccid: "89440000000000000001", billableDays: 30, share: "1.5" }],
  moreSims: true,
};

describe("an explained line as text for a reply", () => {
  it("states the line, its summary, the arithmetic with its rounding and the SIMs, in English", () => {
    const text = explanationAsText(base, "en");
    expect(text.split("\n")).toEqual([
      "Invoice INV-000042, line 1: Tracker Flex: monthly fees — €3.25",
      "65 days in a billable state across the plan's 3 SIMs, each day at 1/30 of the monthly fee.",
      "Billing cycle: 1 November 2026 – 30 November 2026 (30 days), plan version 1.",
      "",
      "How the amount is made:",
      "  2.166667 SIM-months × €1.50 (plan version 1) = €3.25",
      "  Sum of the parts: €3.25, rounded half-up to 2 decimals: €3.25.",
      "",
      "The first 1 SIMs behind this line:",
      "  89440000000000000001: 30 billable days, €1.50",
    ]);
  });

  it("writes figures the way Swedish writes them, with plain spaces a mail client keeps", () => {
    const text = explanationAsText(base, "sv");
    expect(text).toContain("Faktura INV-000042, rad 1: Tracker Flex: månadsavgifter — 3,25 €");
    expect(text).toContain("2,166667 SIM-månader × 1,50 € (planversion 1) = 3,25 €");
    expect(text).not.toMatch(/[\u00a0\u202f]/);
  });

  it("keeps the stored description and sentence of a line kind it has no words for", () => {
    const text = explanationAsText(
      {
        ...base,
        invoice: { ...base.invoice, number: null },
        line: { ...base.line, kind: "adjustment", description: "Manual adjustment" },
        sentence: "An adjustment agreed with the customer.",
        sims: [],
      },
      "it",
    );
    expect(text.split("\n").slice(0, 2)).toEqual([
      "Bozza di fattura, 1: Manual adjustment — 3,25 €",
      "An adjustment agreed with the customer.",
    ]);
  });

  it("words a late-usage line in the customer's language: the earlier cycle, the invoice, the bytes", () => {
    const text = explanationAsText(
      {
        ...base,
        line: {
          ...base.line,
          kind: "late_usage",
          description: "Usage from October 2026 received after invoice INV-000041 was issued",
          unit: "late usage",
          unitPrice: "3.00",
          amount: "3.00",
          planVersion: null,
        },
        planName: null,
        facts: {
          lateForInvoice: "INV-000041",
          cycleStart: "2026-10-01",
          cycleEnd: "2026-10-31",
          lateBytes: 3 * 1_048_576 + 524_288,
          lateSms: 2,
        },
        sims: [
          {
            iccid: "89440000000000000001",
            zoneName: "Roaming",
            bytes: 3 * 1_048_576 + 524_288,
            smsMo: 2,
            smsMt: 0,
            days: 2,
            daysBilled: 1,
          },
        ],
        moreSims: false,
      },
      "it",
    );
    expect(text.split("\n").slice(-2)).toEqual([
      "Le SIM dietro questa riga:",
      "  89440000000000000001: 3,5 MB e 2 SMS in più in Roaming, usata lì in 2 giorni (1 alla fatturazione)",
    ]);
    expect(text.split("\n").slice(0, 2)).toEqual([
      "Fattura INV-000042, riga 1: Traffico dal 1 ottobre 2026 al 31 ottobre 2026 ricevuto dopo l'emissione della fattura INV-000041 — 3,00 €",
      "3,5 MB e 2 SMS del ciclo 1 ott 2026 – 31 ott 2026 sono stati registrati dopo l'emissione della fattura INV-000041; tariffati con il resto del traffico di quel ciclo, aggiungono 3,00 €.",
    ]);
  });
});
