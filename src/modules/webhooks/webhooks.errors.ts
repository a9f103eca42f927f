import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The webhooks module's error catalogue; codes are stable and listed in docs/errors.md. */
export const webhookErrors = {
  notFound: (id: string) =>
    notFound("WEBHOOK_NOT_FOUND", `Webhook subscription ${id} was not found.`),
  deliveryNotFound: (id: string) =>
    notFound("WEBHOOK_DELIVERY_NOT_FOUND", `Webhook delivery ${id} was not found.`),
  deliveryInFlight: (id: string) =>
    conflict(
      "WEBHOOK_DELIVERY_IN_FLIGHT",
      `Webhook delivery ${id} is being sent right now; replay it once the attempt has ended.`,
    ),
  urlCredentials: () =>
    validationError(
      "url",
      "WEBHOOK_URL_CREDENTIALS",
      "`url` must not carry a user name or password; authenticate requests with the Otter-Signature header.",
    ),
  /** One answer for every refused host (private, loopback, reserved, or not resolving): nothing about internal names leaks. */
  urlNotPublic: (detail: string | null) =>
    validationError(
      "url",
      "WEBHOOK_URL_NOT_PUBLIC",
      detail
        ? `\`url\` is refused: ${detail}`
        : "`url` must name a host that resolves to public internet addresses only; private, loopback, link-local and reserved addresses, and hosts that do not resolve, are refused.",
    ),
  badRange: () => validationError("to", "WEBHOOK_INVALID_RANGE", "`to` must be after `from`."),
};
