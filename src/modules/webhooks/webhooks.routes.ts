import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { WebhooksService } from "./webhooks.service.js";
import {
  createWebhookInput,
  deliveriesPage,
  deliveriesQuery,
  deliveryIdParams,
  deliveryOut,
  listWebhooksQuery,
  replayRangeInput,
  replayRangeOut,
  updateWebhookInput,
  webhookIdParams,
  webhookList,
  webhookOut,
} from "./webhooks.schemas.js";

/** Webhook subscriptions, their delivery log, and replays (docs/webhooks.md). */
export const webhooksRoutes =
  (s: { webhooks: WebhooksService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["webhooks"];

    app.post(
      "/api/v1/webhooks",
      {
        schema: {
          operationId: "createWebhook",
          tags,
          summary: "Subscribe a URL to events of an account's subtree",
          body: createWebhookInput,
          response: { 201: webhookOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.webhooks.create(principalOf(req), req.body)),
    );

    app.get(
      "/api/v1/webhooks",
      {
        schema: {
          operationId: "listWebhooks",
          tags,
          summary: "Webhook subscriptions of your subtree",
          querystring: listWebhooksQuery,
          response: { 200: webhookList, ...errorResponses },
        },
      },
      async (req) => s.webhooks.list(principalOf(req), req.query.accountId),
    );

    app.get(
      "/api/v1/webhooks/:id",
      {
        schema: {
          operationId: "getWebhook",
          tags,
          summary: "One webhook subscription",
          params: webhookIdParams,
          response: { 200: webhookOut, ...errorResponses },
        },
      },
      async (req) => s.webhooks.get(principalOf(req), req.params.id),
    );

    app.patch(
      "/api/v1/webhooks/:id",
      {
        schema: {
          operationId: "updateWebhook",
          tags,
          summary: "Change URL or events, rotate the secret, pause or resume",
          params: webhookIdParams,
          body: updateWebhookInput,
          response: { 200: webhookOut, ...errorResponses },
        },
      },
      async (req) => s.webhooks.update(principalOf(req), req.params.id, req.body),
    );

    app.delete(
      "/api/v1/webhooks/:id",
      {
        schema: {
          operationId: "deleteWebhook",
          tags,
          summary: "Delete a subscription and its delivery log",
          params: webhookIdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.webhooks.remove(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/webhooks/:id/deliveries",
      {
        schema: {
          operationId: "listWebhookDeliveries",
          tags,
          summary: "The delivery log, newest first, with every attempt and status code",
          params: webhookIdParams,
          querystring: deliveriesQuery,
          response: { 200: deliveriesPage, ...errorResponses },
        },
      },
      async (req) => s.webhooks.listDeliveries(principalOf(req), req.params.id, req.query),
    );

    app.post(
      "/api/v1/webhooks/:id/deliveries/:deliveryId/replay",
      {
        schema: {
          operationId: "replayWebhookDelivery",
          tags,
          summary: "Queue one delivery for a new attempt now",
          params: deliveryIdParams,
          response: { 202: deliveryOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send(
            await s.webhooks.replayDelivery(principalOf(req), req.params.id, req.params.deliveryId),
          ),
    );

    app.post(
      "/api/v1/webhooks/:id/replay",
      {
        schema: {
          operationId: "replayWebhookRange",
          tags,
          summary: "Queue again the deliveries of the events of a time range",
          params: webhookIdParams,
          body: replayRangeInput,
          response: { 202: replayRangeOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send(await s.webhooks.replayRange(principalOf(req), req.params.id, req.body)),
    );
  };
