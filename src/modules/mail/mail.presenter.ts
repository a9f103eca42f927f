import type { MailMessage } from "../../db/schema.js";
import type { MailStatus } from "./mail.repo.js";
import type { OUTBOX_STATUSES } from "./mail.schemas.js";

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The user's word for a stored status: `sending` and `outbox` are both still queued. */
export const outboxStatusOf = (stored: MailStatus): OutboxStatus =>
  stored === "sent" || stored === "failed" ? stored : "queued";

/** The stored statuses a user's word stands for (the outbox filter). */
export const storedStatusesOf = (status: OutboxStatus): MailStatus[] =>
  status === "queued" ? ["queued", "sending", "outbox"] : [status];

/** What `enqueue` answers, in the user's words. */
export const presentEnqueued = (m: { id: string; messageId: string; status: MailStatus }) => ({
  id: m.id,
  messageId: m.messageId,
  status: outboxStatusOf(m.status),
  waitingForRelay: m.status === "outbox",
});

/** An attachment as the outbox lists it: its name, type and size, not its content. */
export interface AttachmentInfo {
  n: number;
  filename: string;
  content_type: string;
  size: number;
}

const presentAttachment = (a: AttachmentInfo) => ({
  n: a.n,
  filename: a.filename,
  contentType: a.content_type,
  size: a.size,
});

/** A message as the outbox list shows it: everything but the body. */
export const presentMailSummary = (m: MailMessage, attachments: AttachmentInfo[] = []) => ({
  id: m.id,
  accountId: m.account_id,
  messageId: m.message_id,
  from: m.from_address,
  to: m.to_addresses,
  cc: m.cc_addresses,
  subject: m.subject,
  purpose: m.purpose,
  status: outboxStatusOf(m.status),
  waitingForRelay: m.status === "outbox",
  attempts: m.attempts,
  // While sending, next_attempt_at is the claim's expiry, not an attempt the user should expect.
  nextAttemptAt: m.status === "queued" ? (m.next_attempt_at?.toISOString() ?? null) : null,
  lastError: m.last_error,
  createdAt: m.created_at.toISOString(),
  sentAt: m.sent_at?.toISOString() ?? null,
  attachments: attachments.map(presentAttachment),
});

export const presentMailMessage = (m: MailMessage, attachments: AttachmentInfo[] = []) => ({
  ...presentMailSummary(m, attachments),
  text: m.text_body,
  html: m.html_body,
  headers: (m.headers ?? {}) as Record<string, string>,
});
