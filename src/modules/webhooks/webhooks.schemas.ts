import { z } from "zod";
import { pageQuery } from "../../http/paging.js";
import { CC_DATA_FORMATS, CC_MAPPED_EVENT_TYPES, WEBHOOK_FORMATS } from "./cc-push.js";
import { WEBHOOK_EVENT_TYPES } from "./webhook-events.js";

export const WEBHOOK_STATUSES = ["active", "paused"] as const;
export const DELIVERY_STATUSES = ["queued", "sending", "delivered", "failed"] as const;

const url = z
  .url({ protocol: /^https?$/, error: "Give an http:// or https:// URL." })
  .max(2000)
  .describe("Where Otter POSTs the events (http or https).");
const events = z
  .array(
    z.enum([...WEBHOOK_EVENT_TYPES, "*"], {
      error: `An event type Otter publishes: ${WEBHOOK_EVENT_TYPES.join(", ")}, or "*".`,
    }),
  )
  .min(1)
  .max(50)
  .describe('Event types to receive; "*" for all of them.');
const secret = z
  .string()
  .min(16)
  .max(200)
  .describe(
    "Signs every request (Otter-Signature); at least 16 characters. Stored encrypted and never shown again.",
  );

const format = z
  .enum(WEBHOOK_FORMATS)
  .describe(
    `The body Otter sends: \`otter\` (JSON, Otter-Signature; the default) or \`controlcenter\` (Cisco IoT Control Center's push format: form-encoded eventId, eventType, timestamp, signature2, data), for existing Control Center push receivers. A \`controlcenter\` subscription takes only the event types Control Center has: ${CC_MAPPED_EVENT_TYPES.join(", ")} (or "*" for those).`,
  );
const ccDataFormat = z
  .enum(CC_DATA_FORMATS)
  .describe(
    "For format `controlcenter`: whether `data` is XML (`xml`, Control Center's classic push; the default) or a JSON object (`json`).",
  );

export const webhookIdParams = z.object({ id: z.string().uuid() });
export const deliveryIdParams = z.object({ id: z.string().uuid(), deliveryId: z.string().uuid() });

export const createWebhookInput = z
  .object({
    url,
    events,
    secret,
    format: format.optional(),
    ccDataFormat: ccDataFormat.optional(),
    description: z.string().max(500).optional(),
    accountId: z
      .string()
      .uuid()
      .optional()
      .describe(
        "The account whose events (and its sub-accounts') are sent; the caller's own by default.",
      ),
  })
  .strict();

export const updateWebhookInput = z
  .object({
    url: url.optional(),
    events: events.optional(),
    secret: secret
      .optional()
      .describe("A new secret; requests are signed with it from the next attempt on."),
    format: format.optional(),
    ccDataFormat: ccDataFormat.optional(),
    description: z.string().max(500).nullable().optional(),
    status: z
      .enum(WEBHOOK_STATUSES)
      .optional()
      .describe(
        "`active` resumes a paused subscription (its waiting deliveries go out at once); `paused` holds deliveries.",
      ),
  })
  .strict();

export const listWebhooksQuery = z.object({
  accountId: z
    .string()
    .uuid()
    .optional()
    .describe("Only this account's subscriptions (it must lie in your subtree)."),
});

export const webhookOut = z
  .object({
    id: z.string(),
    accountId: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    format: z.enum(WEBHOOK_FORMATS),
    ccDataFormat: z
      .enum(CC_DATA_FORMATS)
      .nullable()
      .describe("`xml` or `json` for format `controlcenter`; null for `otter`."),
    description: z.string().nullable(),
    status: z.enum(WEBHOOK_STATUSES),
    pausedReason: z.string().nullable().describe("Why Otter paused it, when it did."),
    consecutiveFailures: z.number().int(),
    lastSuccessAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Webhook" });

export const webhookList = z.object({ items: z.array(webhookOut) });

export const deliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  ...pageQuery,
});

export const attemptOut = z.object({
  at: z.string(),
  statusCode: z
    .number()
    .int()
    .nullable()
    .describe("The receiver's HTTP status; null when no answer came."),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const deliveryOut = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    eventId: z.string().describe("The event's id: the body's `id` and the Otter-Event-Id header."),
    eventType: z.string(),
    eventCreatedAt: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attemptCount: z.number().int().describe("Attempts since the delivery was last queued."),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    attempts: z.array(attemptOut).describe("Every attempt, oldest first."),
  })
  .meta({ id: "WebhookDelivery" });

export const deliveriesPage = z.object({
  items: z.array(deliveryOut).describe("Newest first."),
  nextCursor: z.string().nullable(),
});

export const replayRangeInput = z
  .object({
    from: z.iso
      .datetime({ offset: true })
      .describe("Deliveries of events created at or after this moment…"),
    to: z.iso.datetime({ offset: true }).describe("…and before this one."),
  })
  .strict();

export const replayRangeOut = z.object({ requeued: z.number().int() });

export type CreateWebhookInput = z.infer<typeof createWebhookInput>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;
export type DeliveriesQuery = z.infer<typeof deliveriesQuery>;
