import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { MailService } from "./mail.service.js";
import {
  enqueuedOut,
  mailIdParams,
  mailMessageOut,
  outboxPage,
  outboxQuery,
  testMailInput,
} from "./mail.schemas.js";

/** The outbox: every message Otter stored for sending, for operators to read, retry and test. */
export const mailRoutes =
  (s: { mail: MailService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["mail"];

    app.get(
      "/api/v1/outbox",
      {
        schema: {
          operationId: "listOutbox",
          tags,
          summary: "List outbound mail, newest first",
          querystring: outboxQuery,
          response: { 200: outboxPage, ...errorResponses },
        },
      },
      async (req) => s.mail.list(principalOf(req), req.query),
    );

    app.post(
      "/api/v1/outbox/test",
      {
        schema: {
          operationId: "sendTestMail",
          tags,
          summary: "Queue a test message to check the relay configuration",
          body: testMailInput,
          response: { 202: enqueuedOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await s.mail.sendTest(principalOf(req), req.body.to)),
    );

    app.get(
      "/api/v1/outbox/:id",
      {
        schema: {
          operationId: "getOutboxMessage",
          tags,
          summary: "One outbound message, with its body",
          params: mailIdParams,
          response: { 200: mailMessageOut, ...errorResponses },
        },
      },
      async (req) => s.mail.get(principalOf(req), req.params.id),
    );

    app.post(
      "/api/v1/outbox/:id/retry",
      {
        schema: {
          operationId: "retryOutboxMessage",
          tags,
          summary: "Queue a failed message for a new round of attempts",
          params: mailIdParams,
          response: { 200: mailMessageOut, ...errorResponses },
        },
      },
      async (req) => s.mail.retry(principalOf(req), req.params.id),
    );
  };
