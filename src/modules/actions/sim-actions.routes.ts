import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { localizedMessage } from "../../http/localized.js";
import { principalOf } from "../../http/principal.js";
import type { HssEndpointsService } from "../network/hss-endpoints.service.js";
import type { SimActionsService } from "./sim-actions.service.js";

const reason = z.string().min(3, "say why: it goes into the audit trail").max(500);
const watchMinutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60)
  .optional()
  .describe(
    "How long Otter watches for the device to come back (default: twice the device's usual reporting gap, at least 30 minutes).",
  );
const actionBody = z.discriminatedUnion("type", [
  z.object({ type: z.literal("reset-connectivity"), reason, watchMinutes }).strict(),
  z.object({ type: z.literal("activate"), reason, watchMinutes }).strict(),
  z
    .object({
      type: z.literal("change-plan"),
      reason,
      communicationPlan: z.string().min(1).optional(),
      ratePlan: z.string().min(1).optional(),
      watchMinutes,
    })
    .strict()
    .refine((b) => b.communicationPlan || b.ratePlan, {
      message: "name a communicationPlan or a ratePlan",
      path: ["communicationPlan"],
    }),
  z
    .object({
      type: z.literal("override-limit"),
      reason,
      override: z.enum(["TEMPORARY_OVERRIDE", "PERMANENT_OVERRIDE", "DEFAULT"]),
      watchMinutes,
    })
    .strict(),
  z
    .object({
      type: z.literal("send-sms"),
      reason,
      text: z
        .string()
        .min(1)
        .max(1000)
        .optional()
        .describe(
          "GSM-7 when the default alphabet carries it, UCS-2 otherwise; concatenated up to 4 segments (docs/sms.md).",
        ),
      payloadHex: z
        .string()
        .min(2)
        .max(2 * 536)
        .regex(/^(?:[0-9a-fA-F]{2})+$/, "must be an even number of hex digits")
        .optional()
        .describe("A binary configuration SMS (data_coding 0x04), at most 536 octets."),
      purpose: z
        .enum(["wake-up", "configuration"])
        .default("wake-up")
        .describe(
          "A wake-up SMS is followed until the device is back online; a configuration SMS until it is delivered.",
        ),
      watchMinutes,
    })
    .strict()
    .refine((b) => (b.text === undefined) !== (b.payloadHex === undefined), {
      message: "give either text or payloadHex",
      path: ["text"],
    }),
]);

const actionOut = z
  .object({
    id: z.string(),
    iccid: z.string(),
    type: z.string(),
    status: z
      .string()
      .describe(
        "watching, back_online or still_silent; a send-sms action is queued, submitted, then delivered (configuration) or watching (wake-up), or failed; cancelled when the SIM passed to another customer while it was watched",
      ),
    reason: z.string(),
    params: z.record(z.string(), z.unknown()),
    requestedBy: z.string(),
    createdAt: z.string(),
    watchUntil: z.string().nullable(),
    completedAt: z.string().nullable(),
    outcome: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("The follow-up: back online at …, or still silent with the next step."),
    outcomeText: z
      .string()
      .nullable()
      .describe("The outcome's summary in the caller's language and time zone."),
    sms: z
      .object({
        id: z.string(),
        status: z.string().describe("queued, submitting, submitted, delivered or failed"),
        purpose: z.string(),
        encoding: z.string().describe("gsm7, ucs2 or binary"),
        segments: z.number(),
        smsCentre: z.string().nullable(),
        attempts: z.number(),
        nextAttemptAt: z.string().nullable(),
        messageIds: z.array(z.string()),
        submittedAt: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        failedAt: z.string().nullable(),
        error: z.string().nullable(),
        receipts: z.array(z.unknown()),
      })
      .nullable()
      .describe("The SMS a send-sms action sent and its delivery (null for other actions)."),
    network: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        status: z.string(),
        reason: z.string(),
        requestedBy: z.string(),
        attempts: z.number(),
        sessionId: z.string().nullable(),
        result: z.unknown(),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    ),
    steps: z
      .array(
        z.object({
          at: z.string(),
          kind: z.string(),
          text: z.string().describe("The step in English."),
          message: localizedMessage.describe("The step in the caller's language and time zone."),
        }),
      )
      .describe(
        "What happened so far, in order, each from a record: the request, the gateway's and the HSS's answers, the SMS, the registration, data session and traffic the network reported after it, the outcome (docs/diagnostics.md).",
      ),
    warnings: z
      .array(z.object({ code: z.string(), message: z.string() }))
      .optional()
      .describe(
        "In the answer to a request only: what the change it made may not achieve (NO_COMMUNICATION_PLAN…).",
      ),
  })
  .meta({ id: "SimAction" });

const hssIn = z
  .object({
    name: z.string().min(1).max(100),
    url: z
      .string()
      .url()
      .regex(/^https?:\/\//, "must be an http(s) URL"),
    secret: z.string().min(16, "must be at least 16 characters").max(256),
    imsiPrefixes: z
      .array(z.string().regex(/^[0-9]{3,15}$/, "must be digits"))
      .max(1000)
      .optional(),
  })
  .strict();
const hssOut = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  imsiPrefixes: z.array(z.string()),
  createdAt: z.string(),
});

export const simActionsRoutes =
  (s: {
    simActions: SimActionsService;
    hssEndpoints: HssEndpointsService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const iccidParams = z.object({ iccid: z.string().min(1).max(22) });
    app.post(
      "/api/v1/sims/:iccid/actions",
      {
        schema: {
          operationId: "requestSimAction",
          tags: ["sims", "actions"],
          description:
            "A remote action, audited and followed: reset-connectivity (Disconnect-Request + HSS cancel-location), activate, change-plan, override-limit, send-sms.",
          params: iccidParams,
          body: actionBody,
          response: { 202: actionOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send(await s.simActions.request(principalOf(req), req.params.iccid, req.body)),
    );
    app.get(
      "/api/v1/sims/:iccid/actions",
      {
        schema: {
          operationId: "listSimActions",
          tags: ["sims", "actions"],
          description:
            'The remote actions requested for the SIM, newest first. Those from another customer\'s time with the SIM show their type, status and times only: who and why as "previous holder", no parameters, outcome or SMS.',
          params: iccidParams,
          response: { 200: z.object({ items: z.array(actionOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.simActions.listForSim(principalOf(req), req.params.iccid) }),
    );
    app.get(
      "/api/v1/actions/:id",
      {
        schema: {
          operationId: "getSimAction",
          tags: ["actions"],
          params: z.object({ id: z.string().uuid() }),
          response: { 200: actionOut, ...errorResponses },
        },
      },
      async (req) => s.simActions.get(principalOf(req), req.params.id),
    );

    app.post(
      "/api/v1/network/hss-endpoints",
      {
        schema: {
          operationId: "createHssEndpoint",
          tags: ["network"],
          description: "Where Otter sends cancel-location requests, signed with Otter-Signature.",
          body: hssIn,
          response: { 201: hssOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.hssEndpoints.create(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/network/hss-endpoints",
      {
        schema: {
          operationId: "listHssEndpoints",
          tags: ["network"],
          response: { 200: z.object({ items: z.array(hssOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.hssEndpoints.list(principalOf(req)) }),
    );
    app.delete(
      "/api/v1/network/hss-endpoints/:id",
      {
        schema: {
          operationId: "deleteHssEndpoint",
          tags: ["network"],
          params: z.object({ id: z.string().uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.hssEndpoints.remove(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
