import type { presentInvoice } from "./billing.presenter.js";

type PresentedInvoice = ReturnType<typeof presentInvoice>;

/** TMF678 Money, with the amount as a decimal string (docs/billing.md, "TMF678 CustomerBill"). */
const money = (value: string, unit: string) => ({ unit, value });

/**
 * An invoice or credit note as a TM Forum TMF678 (Customer Bill Management, v4) `CustomerBill`:
 * the mapping is documented in docs/billing.md. Otter does not record payments, so
 * `appliedPayment` is empty and `remainingAmount` is the amount due.
 */
export function presentCustomerBill(
  inv: PresentedInvoice,
  ctx: {
    baseUrl: string;
    accountName: string;
    creditedNumber: string | null;
    /** The customer, when the invoice bills one of its sub-accounts. */
    customerId?: string | null;
  },
) {
  // Invoiced per sub-account (docs/billing.md): the billing account is the sub-account, the
  // related party still the customer.
  const customerId = ctx.customerId ?? inv.accountId;
  const href = `${ctx.baseUrl}/api/v1/invoices/${inv.id}/tmf678`;
  const draftState: "onHold" | "new" = inv.flags.length > 0 ? "onHold" : "new";
  const state: "sent" | "onHold" | "new" = inv.status === "issued" ? "sent" : draftState;
  return {
    id: inv.id,
    href,
    billNo: inv.number,
    billDate: inv.issuedAt,
    lastUpdate: inv.issuedAt ?? inv.createdAt,
    category: inv.kind === "invoice" ? ("normal" as const) : ("creditNote" as const),
    runType: inv.kind === "invoice" ? ("onCycle" as const) : ("offCycle" as const),
    state,
    billingPeriod: {
      startDateTime: `${inv.cycleStart}T00:00:00`,
      endDateTime: `${inv.cycleEnd}T23:59:59`,
      "@type": "TimePeriod",
    },
    amountDue: money(inv.total, inv.currency),
    remainingAmount: money(inv.total, inv.currency),
    taxExcludedAmount: money(inv.subtotal, inv.currency),
    taxIncludedAmount: money(inv.total, inv.currency),
    taxItem: [
      {
        taxCategory: inv.reverseCharge ? "VAT reverse charge" : "VAT",
        taxRate: inv.vatRate,
        taxAmount: money(inv.vatAmount, inv.currency),
        "@type": "TaxItem",
      },
    ],
    appliedPayment: [],
    billingAccount: {
      id: inv.accountId,
      href: `${ctx.baseUrl}/api/v1/accounts/${inv.accountId}`,
      name: inv.subAccount?.name ?? ctx.accountName,
      "@type": "BillingAccountRef",
      "@referredType": "BillingAccount",
    },
    billDocument: [
      {
        name: `${inv.number ?? `draft-${inv.id}`}.pdf`,
        mimeType: "application/pdf",
        url: `${ctx.baseUrl}/api/v1/invoices/${inv.id}/pdf`,
        "@type": "AttachmentRef",
      },
    ],
    relatedParty: [
      {
        id: customerId,
        href: `${ctx.baseUrl}/api/v1/accounts/${customerId}`,
        name: ctx.accountName,
        role: "customer",
        "@type": "RelatedParty",
        "@referredType": "Organization",
      },
    ],
    ...(inv.creditedInvoiceId && {
      relatedCustomerBill: [
        {
          id: inv.creditedInvoiceId,
          href: `${ctx.baseUrl}/api/v1/invoices/${inv.creditedInvoiceId}/tmf678`,
          billNo: ctx.creditedNumber,
          "@type": "CustomerBillRef",
        },
      ],
    }),
    "@type": "CustomerBill" as const,
    "@baseType": "CustomerBill" as const,
  };
}
