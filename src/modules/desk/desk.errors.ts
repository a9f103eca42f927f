import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The case desk's error catalogue; codes are stable and listed in docs/errors.md. */
export const deskErrors = {
  /** `ref`: the id the caller gave (the CLI names a case it looked up by number as `#1234`). */
  caseNotFound: (ref: string) => notFound("CASE_NOT_FOUND", `Case ${ref} was not found.`),
  mailboxNotFound: (id: string) =>
    notFound("DESK_MAILBOX_NOT_FOUND", `Support mailbox ${id} was not found.`),
  mailboxExists: (address: string) =>
    conflict("DESK_MAILBOX_EXISTS", `${address} is already a support mailbox.`),
  consultationNotFound: (id: string, caseNumber: number) =>
    notFound("CONSULTATION_NOT_FOUND", `Consultation ${id} was not found on case #${caseNumber}.`),
  consultationClosed: (id: string) =>
    conflict("CONSULTATION_CLOSED", `Consultation ${id} is closed.`),
  messageNotFound: (id: string, caseNumber: number) =>
    notFound("DESK_MESSAGE_NOT_FOUND", `Message ${id} was not found on case #${caseNumber}.`),
  invalidTransition: (caseNumber: number, from: string, to: string) =>
    conflict("CASE_INVALID_TRANSITION", `Case #${caseNumber} cannot go from ${from} to ${to}.`, [
      { field: "state", code: "CASE_INVALID_TRANSITION", message: `Not allowed from ${from}.` },
    ]),
  caseClosed: (caseNumber: number) =>
    conflict("CASE_CLOSED", `Case #${caseNumber} is closed; open a new case instead.`),
  ownerNotAgent: (userId: string) =>
    validationError(
      "ownerUserId",
      "CASE_OWNER_NOT_AGENT",
      `User ${userId} is not an agent of the operator.`,
    ),
  noRecipient: () =>
    validationError(
      "to",
      "CASE_NO_RECIPIENT",
      "The case has no customer e-mail address; give `to`.",
    ),
  accountRequired: () =>
    validationError("accountId", "CASE_ACCOUNT_REQUIRED", "Give the customer account of the case."),
  linkTarget: () =>
    validationError(
      "iccid",
      "CASE_LINK_TARGET",
      "Give exactly one of `iccid`, `accountId` or `invoiceId`.",
    ),
  invoiceNeedsAccount: (caseNumber: number) =>
    validationError(
      "invoiceId",
      "CASE_INVOICE_NEEDS_ACCOUNT",
      `Case #${caseNumber} is in triage: assign it to a customer before linking an invoice.`,
    ),
  invoiceNotOfCustomer: (invoiceId: string, caseNumber: number) =>
    validationError(
      "invoiceId",
      "CASE_INVOICE_NOT_OF_CUSTOMER",
      `Invoice ${invoiceId} is not an invoice of the customer of case #${caseNumber}.`,
    ),
  consultationTarget: () =>
    validationError("team", "CONSULTATION_TARGET", "Give exactly one of `team` or `address`."),
  notRetryable: (id: string, status: string, caseNumber: number) =>
    conflict(
      "CASE_REPLY_NOT_RETRYABLE",
      `Reply ${id} on case #${caseNumber} is ${status}; only a failed reply can be sent again.`,
    ),
};
