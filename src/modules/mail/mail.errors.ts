import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The mail module's error catalogue; codes are stable and listed in docs/mail.md. */
export const mailErrors = {
  notFound: (id: string) => notFound("MAIL_NOT_FOUND", `Mail message ${id} was not found.`),
  notRetryable: (id: string, status: string) =>
    conflict(
      "MAIL_NOT_RETRYABLE",
      `Mail message ${id} is ${status}; only failed messages (or messages waiting for a relay, once one is configured) can be retried.`,
      { status },
    ),
  relayNotConfigured: () =>
    conflict(
      "MAIL_RELAY_NOT_CONFIGURED",
      "No SMTP relay is configured (OTTER_SMTP_RELAY), so Otter cannot send this message; it stays where it is.",
    ),
  noRecipient: () =>
    validationError("to", "MAIL_NO_RECIPIENT", "A message needs at least one recipient."),
  attachmentNotFound: (id: string, n: number) =>
    notFound("MAIL_ATTACHMENT_NOT_FOUND", `Mail message ${id} has no attachment ${n}.`),
  badAttachment: (problem: string) =>
    validationError("attachments", "MAIL_INVALID_ATTACHMENT", problem),
  attachmentsTooLarge: (bytes: number, max: number) =>
    validationError(
      "attachments",
      "MAIL_ATTACHMENTS_TOO_LARGE",
      `The attachments add up to ${bytes} bytes; a message carries at most ${max}.`,
    ),
  badHeaders: (problems: string[]) =>
    validationError("headers", "MAIL_INVALID_HEADER", problems.join(" ")),
};
