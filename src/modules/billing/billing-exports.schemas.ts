import { z } from "zod";
import { LANGUAGES } from "../../lib/messages/messages.js";

/** An invoice named by its id or by the number printed on it. */
export const invoiceRefParams = z.object({
  id: z
    .union([z.string().uuid(), z.string().regex(/^(INV|CN)-\d{6,}$/)])
    .describe("The invoice's id, or its number (INV-000042, CN-000007)."),
});

export const pdfQuery = z.object({
  language: z
    .enum(LANGUAGES)
    .optional()
    .describe("The document's language; the customer's own (en, it or sv; else en) without it."),
});

const money = z
  .object({
    unit: z.string().describe("ISO 4217 currency code."),
    value: z.string().describe('A decimal string, e.g. "18.50" (exact; never a binary float).'),
  })
  .meta({ id: "Tmf678Money" });

const ref = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string(),
  "@type": z.string(),
  "@referredType": z.string(),
});

export const customerBillOut = z
  .object({
    id: z.string(),
    href: z.string(),
    billNo: z.string().nullable().describe("null for a draft (not yet numbered)."),
    billDate: z.string().nullable().describe("When it was issued; null for a draft."),
    lastUpdate: z.string(),
    category: z.enum(["normal", "creditNote"]),
    runType: z.enum(["onCycle", "offCycle"]),
    state: z
      .enum(["new", "onHold", "sent"])
      .describe("new: a draft; onHold: a draft with flags; sent: issued to the customer."),
    billingPeriod: z.object({
      startDateTime: z.string(),
      endDateTime: z.string(),
      "@type": z.string(),
    }),
    amountDue: money,
    remainingAmount: money,
    taxExcludedAmount: money,
    taxIncludedAmount: money,
    taxItem: z.array(
      z.object({
        taxCategory: z.string(),
        taxRate: z.string().describe("Percent, as a decimal string."),
        taxAmount: money,
        "@type": z.string(),
      }),
    ),
    appliedPayment: z.array(z.unknown()).describe("Always empty: Otter does not record payments."),
    billingAccount: ref,
    billDocument: z.array(
      z.object({ name: z.string(), mimeType: z.string(), url: z.string(), "@type": z.string() }),
    ),
    relatedParty: z.array(ref.extend({ role: z.string() })),
    relatedCustomerBill: z
      .array(
        z.object({
          id: z.string(),
          href: z.string(),
          billNo: z.string().nullable(),
          "@type": z.string(),
        }),
      )
      .optional()
      .describe("On a credit note: the invoice it credits."),
    "@type": z.literal("CustomerBill"),
    "@baseType": z.literal("CustomerBill"),
  })
  .meta({ id: "Tmf678CustomerBill" });

export type PdfQuery = z.infer<typeof pdfQuery>;
