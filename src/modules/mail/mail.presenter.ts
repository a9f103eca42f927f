import type { MailMessage } from "../../db/schema.js";

/** A message as the outbox list shows it: everything but the body. */
export const presentMailSummary = (m: MailMessage) => ({
  id: m.id,
  accountId: m.account_id,
  messageId: m.message_id,
  from: m.from_address,
  to: m.to_addresses,
  cc: m.cc_addresses,
  subject: m.subject,
  purpose: m.purpose,
  status: m.status,
  attempts: m.attempts,
  // While sending, next_attempt_at is the claim's expiry, not an attempt the user should expect.
  nextAttemptAt: m.status === "queued" ? (m.next_attempt_at?.toISOString() ?? null) : null,
  lastError: m.last_error,
  createdAt: m.created_at.toISOString(),
  sentAt: m.sent_at?.toISOString() ?? null,
});

export const presentMailMessage = (m: MailMessage) => ({
  ...presentMailSummary(m),
  text: m.text_body,
  html: m.html_body,
  headers: (m.headers ?? {}) as Record<string, string>,
});
