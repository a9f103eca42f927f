import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { SmsCentresService } from "./sms-centres.service.js";

// SMPP 3.4 field sizes (C-Octet Strings, terminating NUL excluded): system_id 16, password 9,
// system_type 13, source_addr 21.
const smsCentreIn = z
  .object({
    name: z.string().min(1).max(100),
    host: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:-]+$/, "must be a host name or IP address"),
    port: z.number().int().min(1).max(65535),
    systemId: z.string().min(1).max(15, "SMPP allows at most 15 characters"),
    password: z.string().min(1).max(8, "SMPP allows at most 8 characters"),
    systemType: z.string().max(12, "SMPP allows at most 12 characters").optional(),
    sourceAddress: z
      .string()
      .regex(/^\+?[0-9]{1,20}$/, "must be digits (the number devices see the SMS come from)")
      .transform((s) => s.replace(/^\+/, "")),
    imsiPrefixes: z
      .array(z.string().regex(/^[0-9]{3,15}$/, "must be digits"))
      .max(1000)
      .optional(),
  })
  .strict();
const smsCentreOut = z
  .object({
    id: z.string(),
    name: z.string(),
    host: z.string(),
    port: z.number(),
    systemId: z.string(),
    systemType: z.string(),
    sourceAddress: z.string(),
    imsiPrefixes: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: "SmsCentre" });

export const smsRoutes =
  (s: { smsCentres: SmsCentresService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/network/sms-centres",
      {
        schema: {
          operationId: "createSmsCentre",
          tags: ["network"],
          description:
            "An SMS centre Otter binds to over SMPP 3.4 (bind_transceiver) to send SMS to devices. The password is stored sealed and never returned.",
          body: smsCentreIn,
          response: { 201: smsCentreOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.smsCentres.create(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/network/sms-centres",
      {
        schema: {
          operationId: "listSmsCentres",
          tags: ["network"],
          response: { 200: z.object({ items: z.array(smsCentreOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.smsCentres.list(principalOf(req)) }),
    );
    app.delete(
      "/api/v1/network/sms-centres/:id",
      {
        schema: {
          operationId: "deleteSmsCentre",
          tags: ["network"],
          params: z.object({ id: z.string().uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.smsCentres.remove(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
