import { z } from "zod";
import { pageQuery } from "../../http/paging.js";

/**
 * A message's status as the user reads it: queued until it is sent, or failed after the last
 * attempt. (Stored, a queued message is also `sending` while a node talks to the relay, or `outbox`
 * when there is no relay; the latter shows as `waitingForRelay`.)
 */
export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;

const waitingForRelay = z
  .boolean()
  .describe(
    "true: no relay is configured (OTTER_SMTP_RELAY), so Otter keeps the message and does not send it; once a relay is set, retry sends it.",
  );

export const mailIdParams = z.object({ id: z.string().uuid() });

export const mailAttachmentParams = z.object({
  id: z.string().uuid(),
  n: z.coerce.number().int().min(1).max(1000).describe("The attachment's number, from 1."),
});

const attachmentOut = z.object({
  n: z.number().int().describe("Its number, from 1: GET /api/v1/outbox/{id}/attachments/{n}."),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().describe("Bytes."),
});

export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().describe("Only messages in this status."),
  ...pageQuery,
});

export const testMailInput = z
  .object({
    to: z.string().email().describe("Where to send the test message."),
  })
  .strict();

export const mailSummaryOut = z.object({
  id: z.string(),
  accountId: z.string(),
  messageId: z.string().describe("The RFC 5322 Message-ID the message is (or will be) sent with."),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  purpose: z.string().describe("Which part of Otter sent it, e.g. case_reply or relay_test."),
  status: z
    .enum(OUTBOX_STATUSES)
    .describe("queued until it is sent, or failed after the last attempt."),
  waitingForRelay,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attachments: z.array(attachmentOut).describe("Files sent with the message, in order."),
});

export const mailMessageOut = mailSummaryOut.extend({
  text: z.string(),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
});

export const outboxPage = z.object({
  items: z.array(mailSummaryOut).describe("Newest first."),
  nextCursor: z.string().nullable(),
});

export const enqueuedOut = z.object({
  id: z.string(),
  messageId: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  waitingForRelay,
});

export type OutboxQuery = z.infer<typeof outboxQuery>;
