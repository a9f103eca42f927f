import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The billing module's error catalogue; codes are stable and listed in docs/errors.md. */
export const billingErrors = {
  invoiceNotFound: (id: string) => notFound("INVOICE_NOT_FOUND", `Invoice ${id} was not found.`),
  lineNotFound: (id: string, n: number) =>
    notFound("INVOICE_LINE_NOT_FOUND", `Invoice ${id} has no line ${n}.`),
  notDraft: (id: string) =>
    conflict(
      "INVOICE_ALREADY_ISSUED",
      `Invoice ${id} is issued: an issued invoice never changes; correct it with a credit note.`,
    ),
  notIssued: (id: string) =>
    conflict(
      "INVOICE_NOT_ISSUED",
      `Invoice ${id} is a draft: only an issued invoice can be credited or mailed.`,
    ),
  flagged: (id: string, flags: string[]) =>
    conflict(
      "INVOICE_HAS_FLAGS",
      `Invoice ${id} cannot be issued while it is flagged (${flags.join(", ")}): fix the cause (price the zone in a new plan version, complete the billing profile) and run the cycle again.`,
      { flags },
    ),
  creditTooLarge: (total: string, left: string) =>
    validationError(
      "lines",
      "CREDIT_EXCEEDS_INVOICE",
      `The credit note's total ${total} is more than what is left to credit on the invoice (${left}).`,
    ),
  noBillingContact: (accountId: string) =>
    conflict(
      "BILLING_CONTACT_MISSING",
      `Account ${accountId} has no billing contact e-mail in its billing profile.`,
    ),
  badPeriod: (field: string, value: string) =>
    validationError(
      field,
      "BILLING_PERIOD_INVALID",
      `"${value}" is not a billing period: write the month as YYYY-MM, e.g. 2026-11.`,
    ),
  notCustomer: (accountId: string) =>
    validationError(
      "accountId",
      "BILLING_ACCOUNT_NOT_CUSTOMER",
      `Account ${accountId} is not a customer account: invoices go to customers (the operator's children).`,
    ),
};
