import { conflict, notFound, validationError } from "../../lib/errors.js";
import { CC_MAPPED_EVENT_TYPES } from "./cc-push.js";

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
  ccEventNotMapped: (types: string[]) =>
    validationError(
      "events",
      "WEBHOOK_EVENT_NOT_IN_CC_FORMAT",
      `\`events\` names ${types.join(", ")}, which Control Center's push format has no event for. A subscription with format "controlcenter" takes ${CC_MAPPED_EVENT_TYPES.join(", ")}, or "*" for all of them.`,
    ),
  deliveryNotInCcFormat: (deliveryId: string, type: string) =>
    validationError(
      "deliveryId",
      "WEBHOOK_EVENT_NOT_IN_CC_FORMAT",
      `Delivery ${deliveryId} is of ${type}, which Control Center's push format has no event for; this subscription sends Control Center's format.`,
    ),
  ccDataFormatWithoutCc: () =>
    validationError(
      "ccDataFormat",
      "WEBHOOK_CC_DATA_FORMAT_WITHOUT_CC",
      '`ccDataFormat` applies only to subscriptions with format "controlcenter"; leave it out, or set `format` to "controlcenter".',
    ),
};
