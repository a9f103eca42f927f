import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { MailService } from "./mail.service.js";
import {
  enqueuedOut,
  mailAttachmentParams,
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

    app.get(
      "/api/v1/outbox/:id/attachments/:n",
      {
        schema: {
          operationId: "getOutboxAttachment",
          tags,
          summary: "An attachment of an outbound message, as it was sent",
          params: mailAttachmentParams,
          produces: ["application/octet-stream"],
          response: { ...errorResponses },
        } as object,
      },
      async (req, reply) => {
        const { id, n } = req.params as { id: string; n: number };
        const a = await s.mail.attachment(principalOf(req), id, n);
        reply.header("content-type", a.content_type);
        reply.header(
          "content-disposition",
          `attachment; filename="${a.filename.replace(/["\\\r\n]/g, "_")}"`,
        );
        return reply.send(a.content);
      },
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
