import type { Account, Invoice, InvoiceLine } from "../../db/schema.js";
import { dayBefore } from "./billing-cycle.js";
import { vatFor } from "./vat.js";

/** Rows → API output for billing, in one place. */
export function presentLine(l: InvoiceLine) {
  return {
    n: l.n,
    kind: l.kind,
    description: l.description,
    ratePlanId: l.rate_plan_id,
    planVersion: l.plan_version,
    zoneId: l.zone_id,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unit_price,
    amount: l.amount,
    flags: l.flags as string[],
  };
}

/** The sub-account an invoice names (docs/billing.md, "Invoices per sub-account"), as issued. */
export function subAccountOf(i: Pick<Invoice, "customer">) {
  const sub = (i.customer as { subAccount?: { id: string; name: string; customerId: string } })
    .subAccount;
  return sub ? { id: sub.id, name: sub.name, customerId: sub.customerId } : null;
}

export function presentInvoice(i: Invoice, lines: InvoiceLine[]) {
  return {
    id: i.id,
    kind: i.kind,
    status: i.status,
    number: i.number_text,
    accountId: i.account_id,
    subAccount: subAccountOf(i),
    scope: i.scope as "subtree" | "account",
    cycleStart: i.cycle_start,
    cycleEnd: dayBefore(i.cycle_end),
    currency: i.currency,
    timeZone: i.time_zone,
    customer: i.customer as Record<string, unknown>,
    subtotal: i.subtotal,
    vatRate: i.vat_rate,
    vatAmount: i.vat_amount,
    total: i.total,
    reverseCharge: i.reverse_charge,
    notes: i.notes as string[],
    flags: i.flags as string[],
    creditedInvoiceId: i.credited_invoice_id,
    createdAt: i.created_at.toISOString(),
    issuedAt: i.issued_at?.toISOString() ?? null,
    lines: lines.map(presentLine),
  };
}

export function presentProfile(
  account: Account,
  row: {
    cycle: "calendar" | "anniversary";
    anchor_day: number;
    country: string;
    contact_name: string | null;
    contact_email: string | null;
    per_sub_account: boolean;
  } | null,
  operatorCountry: string | null,
) {
  const vat = vatFor({
    operatorCountry: operatorCountry ?? "",
    customerCountry: row?.country ?? "",
    customerVatNumber: account.vat_number,
  });
  return {
    accountId: account.id,
    cycle: row?.cycle ?? "calendar",
    anchorDay: row?.anchor_day ?? 1,
    country: row?.country ?? null,
    contactName: row?.contact_name ?? null,
    contactEmail: row?.contact_email ?? null,
    perSubAccount: row?.per_sub_account ?? false,
    configured: row !== null,
    fromAccount: {
      legalName: account.legal_name,
      vatNumber: account.vat_number,
      currency: account.currency,
      timeZone: account.time_zone,
      language: account.language,
      billingAddress: account.billing_address ?? null,
    },
    vat,
  };
}
