import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The webhooks module's error catalogue; codes are stable and listed in docs/errors.md. */
export const webhookErrors = {
  notFound: (id: string) => notFound("WEBHOOK_NOT_FOUND", `Webhook subscription ${id} was not found.`),
  deliveryNotFound: (id: string) => notFound("WEBHOOK_DELIVERY_NOT_FOUND", `Webhook delivery ${id} was not found.`),
  deliveryInFlight: (id: string) =>
    conflict("WEBHOOK_DELIVERY_IN_FLIGHT", `Webhook delivery ${id} is being sent right now; replay it once the attempt has ended.`),
  badRange: () => validationError("to", "WEBHOOK_INVALID_RANGE", "`to` must be after `from`."),
};
