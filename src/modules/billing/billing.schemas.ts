import { localizedMessage } from "../../http/localized.js";
import { z } from "zod";
import { pageQuery } from "../../http/paging.js";
import { isCountryCode } from "../../lib/locale.js";

const money = z.string().describe('A decimal amount in the invoice\'s currency, e.g. "18.50".');
const period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month written YYYY-MM, e.g. 2026-11");

export const accountIdParams = z.object({ id: z.string().uuid() });
export const invoiceIdParams = z.object({ id: z.string().uuid() });
export const lineParams = z.object({ id: z.string().uuid(), n: z.coerce.number().int().min(1) });

export const billingProfileInput = z
  .object({
    cycle: z
      .enum(["calendar", "anniversary"])
      .describe(
        "calendar: the 1st to the end of the month; anniversary: from anchorDay to anchorDay.",
      ),
    anchorDay: z.number().int().min(1).max(28).default(1),
    country: z
      .string()
      .refine(isCountryCode, "must be an ISO 3166 country code such as IT")
      .describe("Where the customer is established: decides the VAT."),
    contactName: z.string().min(1).max(200).nullable().default(null),
    contactEmail: z
      .string()
      .email()
      .nullable()
      .default(null)
      .describe("Where invoices are mailed."),
    perSubAccount: z.boolean().default(false),
  })
  .strict();

export const billingProfileOut = z
  .object({
    accountId: z.string(),
    cycle: z.enum(["calendar", "anniversary"]),
    anchorDay: z.number(),
    country: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    perSubAccount: z.boolean(),
    configured: z.boolean().describe("false: no profile stored yet; these are the defaults."),
    fromAccount: z
      .object({
        legalName: z.string().nullable(),
        vatNumber: z.string().nullable(),
        currency: z.string(),
        timeZone: z.string(),
        language: z.string(),
        billingAddress: z.unknown().nullable(),
      })
      .describe(
        "What invoices take from the account itself (PATCH /api/v1/accounts/{id} changes it).",
      ),
    vat: z.object({
      rate: z.string().describe("Percent."),
      reverseCharge: z.boolean(),
      note: z.string(),
    }),
  })
  .meta({ id: "BillingProfile" });

export const billingRunInput = z
  .object({
    period: period.describe(
      "The month whose cycle is billed: each customer's cycle starting in it.",
    ),
    accountId: z
      .string()
      .uuid()
      .optional()
      .describe("Only this customer; all customers without it."),
  })
  .strict();

export const billingRunOut = z.object({
  jobId: z.string(),
  period: z.string(),
});

export const partOut = z.object({
  label: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: money,
  amount: z.string().describe("Exact, before rounding."),
  version: z.number().optional(),
});

export const lineOut = z.object({
  n: z.number(),
  kind: z.string(),
  description: z.string(),
  descriptionText: z
    .string()
    .optional()
    .describe(
      "The line in the reader's language, composed from its kind, plan and zone as the PDF words it (one invoice and a line's explanation); `description` stays as it was rated, in English.",
    ),
  ratePlanId: z.string().nullable(),
  planVersion: z.number().nullable(),
  zoneId: z.string().nullable(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: money,
  amount: money,
  flags: z.array(z.string()),
});

export const invoiceOut = z
  .object({
    id: z.string(),
    kind: z.enum(["invoice", "credit_note"]),
    status: z.enum(["draft", "issued"]),
    number: z.string().nullable(),
    accountId: z
      .string()
      .describe(
        "The account billed: the customer, or one of its sub-accounts when the customer is invoiced per sub-account.",
      ),
    subAccount: z
      .object({
        id: z.string(),
        name: z.string().describe("As it was when the invoice was issued."),
        customerId: z.string().describe("The customer the sub-account belongs to."),
      })
      .nullable()
      .describe(
        "The sub-account this invoice bills (its SIMs and its sub-accounts'), when the customer is invoiced per sub-account; null on the customer's own invoice.",
      ),
    scope: z
      .enum(["subtree", "account"])
      .describe(
        "`subtree`: the SIMs of the account and of all its sub-accounts. `account`: only the SIMs held on the customer's own account — its sub-accounts have invoices of their own.",
      ),
    cycleStart: z.string(),
    cycleEnd: z.string().describe("Inclusive: the cycle's last day."),
    currency: z.string(),
    timeZone: z.string(),
    customer: z.record(z.string(), z.unknown()),
    subtotal: money,
    vatRate: z.string(),
    vatAmount: money,
    total: money,
    reverseCharge: z.boolean(),
    notes: z.array(z.string()),
    notesText: z
      .array(z.string())
      .optional()
      .describe(
        "The notes in the reader's language (GET /api/v1/invoices/{id}): the VAT statement as the PDF states it, and for a credit note first the invoice it credits with the reason as typed; `notes` stays as recorded, in English.",
      ),
    flags: z.array(z.string()),
    creditedInvoiceId: z.string().nullable(),
    createdAt: z.string(),
    issuedAt: z.string().nullable(),
    lines: z.array(lineOut),
  })
  .meta({ id: "Invoice" });

export const invoiceListQuery = z.object({
  accountId: z
    .string()
    .uuid()
    .optional()
    .describe("Only this account's invoices and its sub-accounts'."),
  status: z.enum(["draft", "issued"]).optional(),
  ...pageQuery,
});

export const invoicePage = z.object({
  items: z.array(invoiceOut.omit({ lines: true })),
  nextCursor: z.string().nullable(),
});

export const creditNoteInput = z
  .object({
    reason: z.string().min(1).max(500),
    lines: z
      .array(
        z
          .object({
            description: z.string().min(1).max(300),
            amount: z
              .string()
              .regex(/^\d{1,9}(\.\d{1,4})?$/, "must be a positive decimal such as 12.50")
              .describe("Credited, before VAT."),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

export const mailOut = z.object({ mailId: z.string(), to: z.string() });

export const explanationQuery = z.object({
  ...pageQuery,
  format: z
    .enum(["json", "text"])
    .default("json")
    .describe(
      "`text`: the explanation as plain text for a reply to the customer (text/plain), in `language`.",
    ),
  language: z
    .enum(["en", "it", "sv"])
    .optional()
    .describe("With `format=text`: the language; by default the invoice customer's own."),
});

export const explanationOut = z
  .object({
    invoiceId: z.string(),
    line: lineOut,
    summary: z.string().describe("The line in one or two plain sentences, in English."),
    summaryMessage: localizedMessage.describe(
      "The summary as a message: its code, the line's figures as parameters (byte counts, money as `7.00 EUR`, days), and its text in the caller's language (docs/languages.md).",
    ),
    planVersion: z.number().nullable(),
    cycle: z.object({ start: z.string(), end: z.string(), days: z.number() }),
    arithmetic: z.object({
      parts: z.array(partOut),
      exact: z.string(),
      rounding: z.string(),
      amount: money,
    }),
    facts: z.record(z.string(), z.union([z.string(), z.number()])),
    lateFor: z
      .object({
        invoiceId: z.string(),
        number: z.string().nullable(),
        cycle: z.object({ start: z.string(), end: z.string() }),
      })
      .optional()
      .describe("A late-usage line: the earlier invoice whose cycle the usage belongs to."),
    sims: z.object({
      items: z.array(
        z.object({
          iccid: z.string(),
          plan: z.string().optional().describe("A late-usage line: the rate plan of the row."),
          zoneId: z.string().nullable().optional(),
          zoneName: z
            .string()
            .nullable()
            .optional()
            .describe("A late-usage line: the zone of the row (null: a network in no zone)."),
          test: z.boolean().optional().describe("A late-usage line: test usage before activation."),
          daysBilled: z
            .number()
            .optional()
            .describe(
              "A late-usage line: the days the SIM used the zone in the earlier cycle when it was last billed (`days`: as recorded now).",
            ),
          billableDays: z.number().optional(),
          contributionDays: z.number().optional(),
          activatedOn: z.string().nullable().optional(),
          days: z.number().optional(),
          bytes: z.number().optional(),
          smsMo: z.number().optional(),
          smsMt: z.number().optional(),
          sessions: z.number().optional(),
          share: z
            .string()
            .optional()
            .describe("This SIM's exact share of the line, where it has one."),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  })
  .meta({ id: "InvoiceLineExplanation" });

export const compareQuery = z.object({ from: period, to: period });

export const compareOut = z.object({
  accountId: z.string(),
  from: z.object({ invoiceId: z.string(), cycleStart: z.string(), total: money }),
  to: z.object({ invoiceId: z.string(), cycleStart: z.string(), total: money }),
  sentences: z.array(
    z.object({
      text: z.string().describe("The sentence in English, as it always was."),
      figures: z.record(z.string(), z.union([z.string(), z.number()])),
      message: localizedMessage.describe(
        "The sentence as a message, its text in the caller's language (docs/languages.md).",
      ),
    }),
  ),
});

export const cycleToDateOut = z
  .object({
    accountId: z.string(),
    currency: z.string(),
    cycle: z.object({
      start: z.string(),
      end: z.string().describe("Inclusive."),
      days: z.number(),
      elapsedDays: z.number().describe("Days so far, today included."),
    }),
    toDate: z.object({ subtotal: money, flags: z.array(z.string()) }),
    projected: z.object({
      subtotal: money.describe("The invoice the cycle is heading for, before VAT."),
    }),
    lines: z.array(
      z.object({
        n: z.number(),
        kind: z.string(),
        description: z.string(),
        toDate: money,
        projected: money,
      }),
    ),
  })
  .meta({ id: "CycleToDate" });

export const simIccidParams = z.object({ iccid: z.string().min(1).max(32) });

const bytes = z.number().int().describe("Bytes (1 MB = 1,048,576 bytes).");

export const simCycleToDateOut = z
  .object({
    iccid: z.string(),
    accountId: z.string().describe("The account whose cycle was rated (the SIM's customer)."),
    currency: z.string(),
    cycle: z.object({
      start: z.string(),
      end: z.string().describe("Inclusive."),
      days: z.number(),
      elapsedDays: z.number().describe("Days so far, today included."),
    }),
    ratePlan: z.object({ id: z.string(), name: z.string() }).nullable(),
    billableDays: z
      .number()
      .describe("Billable days in the cycle, the state it is in today running to the cycle's end."),
    usage: z.array(
      z.object({
        zoneId: z.string().nullable(),
        zoneName: z.string().nullable(),
        home: z.boolean().describe("Zone 1, the zone the allowance or pool covers."),
        test: z.boolean(),
        bytes,
        projectedBytes: bytes,
        smsMo: z.number(),
        smsMt: z.number(),
        dataPerMB: money.nullable().describe("Null: the plan does not price the zone."),
      }),
    ),
    allowance: z.object({
      type: z.enum(["none", "flex", "fixed"]),
      includedBytes: bytes.describe(
        "The SIM's own allowance; in a flexible pool, its contribution so far.",
      ),
      usedBytes: bytes,
      projectedBytes: bytes,
      leftBytes: bytes.describe("Of the SIM's own allowance (never below 0)."),
      pool: z
        .object({ bytes, usedBytes: bytes, projectedUsedBytes: bytes, leftBytes: bytes })
        .nullable(),
    }),
    projected: z.object({
      overageAmount: money.describe(
        "Zone-1 data beyond the SIM's own allowance and data in other zones, projected to the cycle's end, at the plan's prices (before VAT). In a pool, other SIMs' unused allowance may cover the zone-1 part.",
      ),
      flags: z.array(z.string()),
    }),
  })
  .meta({ id: "SimCycleToDate" });

export type BillingProfileInput = z.infer<typeof billingProfileInput>;
export type CreditNoteInput = z.infer<typeof creditNoteInput>;
