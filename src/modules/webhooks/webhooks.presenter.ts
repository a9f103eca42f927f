import type { WebhookAttempt, WebhookDelivery, WebhookSubscription } from "../../db/schema.js";

/** A subscription as the API shows it: never its secret. */
export const presentWebhook = (s: WebhookSubscription) => ({
  id: s.id,
  accountId: s.account_id,
  url: s.url,
  events: s.events,
  format: s.format,
  ccDataFormat: s.cc_data_format,
  description: s.description,
  status: s.status,
  pausedReason: s.paused_reason,
  consecutiveFailures: s.consecutive_failures,
  lastSuccessAt: s.last_success_at?.toISOString() ?? null,
  createdAt: s.created_at.toISOString(),
  updatedAt: s.updated_at.toISOString(),
});

export const presentDelivery = (d: WebhookDelivery, attempts: WebhookAttempt[]) => ({
  id: d.id,
  webhookId: d.subscription_id,
  eventId: d.event_id,
  eventType: d.event_type,
  eventCreatedAt: d.event_created_at.toISOString(),
  status: d.status,
  attemptCount: d.attempts,
  // While sending, next_attempt_at is the claim's expiry, not an attempt the user should expect.
  nextAttemptAt: d.status === "queued" ? (d.next_attempt_at?.toISOString() ?? null) : null,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  createdAt: d.created_at.toISOString(),
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  attempts: attempts.map((a) => ({
    at: a.attempted_at.toISOString(),
    statusCode: a.status_code,
    error: a.error,
    durationMs: a.duration_ms,
  })),
});
