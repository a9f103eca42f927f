import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { CatalogService } from "./catalog.service.js";
import {
  communicationPlanInput,
  communicationPlanOut,
  communicationPlanPatch,
  ratePlanInput,
  ratePlanOut,
  rateTermsInput,
  ref,
  warningOut,
  zoneInput,
  zoneOut,
  zonePatch,
} from "./catalog.schemas.js";

const refParams = z.object({ ref: ref.describe("The id or the unique name.") });
const offersOut = z.object({
  plan: z.object({ id: z.string(), name: z.string() }),
  accounts: z.array(z.object({ id: z.string(), name: z.string(), offeredAt: z.string() })),
});
const offerBody = z.object({ accountId: z.string().uuid() }).strict();

export const catalogRoutes =
  (s: { catalog: CatalogService }): FastifyPluginAsyncZod =>
  async (app) => {
    const c = s.catalog;
    const tags = ["catalog"];

    app.post(
      "/api/v1/zones",
      {
        schema: {
          operationId: "createZone",
          tags,
          body: zoneInput,
          response: { 201: zoneOut, ...errorResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await c.createZone(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/zones",
      {
        schema: {
          operationId: "listZones",
          tags,
          response: { 200: z.object({ items: z.array(zoneOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await c.listZones(principalOf(req)) }),
    );
    app.get(
      "/api/v1/zones/:ref",
      {
        schema: {
          operationId: "getZone",
          tags,
          params: refParams,
          response: { 200: zoneOut, ...errorResponses },
        },
      },
      async (req) => c.getZone(principalOf(req), req.params.ref),
    );
    app.patch(
      "/api/v1/zones/:ref",
      {
        schema: {
          operationId: "updateZone",
          tags,
          params: refParams,
          body: zonePatch,
          response: { 200: zoneOut, ...errorResponses },
        },
      },
      async (req) => c.updateZone(principalOf(req), req.params.ref, req.body),
    );
    app.delete(
      "/api/v1/zones/:ref",
      {
        schema: {
          operationId: "deleteZone",
          tags,
          params: refParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await c.deleteZone(principalOf(req), req.params.ref);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/communication-plans",
      {
        schema: {
          operationId: "createCommunicationPlan",
          tags,
          body: communicationPlanInput,
          response: { 201: communicationPlanOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await c.createCommunicationPlan(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/communication-plans",
      {
        schema: {
          operationId: "listCommunicationPlans",
          tags,
          response: { 200: z.object({ items: z.array(communicationPlanOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await c.listCommunicationPlans(principalOf(req)) }),
    );
    app.get(
      "/api/v1/communication-plans/:ref",
      {
        schema: {
          operationId: "getCommunicationPlan",
          tags,
          params: refParams,
          response: { 200: communicationPlanOut, ...errorResponses },
        },
      },
      async (req) => c.getCommunicationPlan(principalOf(req), req.params.ref),
    );
    app.patch(
      "/api/v1/communication-plans/:ref",
      {
        schema: {
          operationId: "updateCommunicationPlan",
          tags,
          params: refParams,
          body: communicationPlanPatch,
          response: { 200: communicationPlanOut, ...errorResponses },
        },
      },
      async (req) => c.updateCommunicationPlan(principalOf(req), req.params.ref, req.body),
    );

    app.post(
      "/api/v1/rate-plans",
      {
        schema: {
          operationId: "createRatePlan",
          tags,
          body: ratePlanInput,
          response: { 201: ratePlanOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await c.createRatePlan(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/rate-plans",
      {
        schema: {
          operationId: "listRatePlans",
          tags,
          response: { 200: z.object({ items: z.array(ratePlanOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await c.listRatePlans(principalOf(req)) }),
    );
    app.get(
      "/api/v1/rate-plans/:ref",
      {
        schema: {
          operationId: "getRatePlan",
          tags,
          params: refParams,
          response: { 200: ratePlanOut, ...errorResponses },
        },
      },
      async (req) => c.getRatePlan(principalOf(req), req.params.ref),
    );
    app.post(
      "/api/v1/rate-plans/:ref/versions",
      {
        schema: {
          operationId: "addRatePlanVersion",
          tags,
          params: refParams,
          body: rateTermsInput,
          response: { 201: ratePlanOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await c.addRatePlanVersion(principalOf(req), req.params.ref, req.body)),
    );

    for (const [kind, segment] of [
      ["communication", "communication-plans"],
      ["rate", "rate-plans"],
    ] as const) {
      const name = kind === "rate" ? "RatePlan" : "CommunicationPlan";
      app.get(
        `/api/v1/${segment}/:ref/offers`,
        {
          schema: {
            operationId: `list${name}Offers`,
            tags,
            params: refParams,
            response: { 200: offersOut, ...errorResponses },
          },
        },
        async (req) => c.listOffers(principalOf(req), kind, req.params.ref),
      );
      app.post(
        `/api/v1/${segment}/:ref/offers`,
        {
          schema: {
            operationId: `offer${name}`,
            tags,
            params: refParams,
            body: offerBody,
            response: { 201: offersOut, ...errorResponses },
          },
        },
        async (req, reply) =>
          reply
            .code(201)
            .send(await c.offer(principalOf(req), kind, req.params.ref, req.body.accountId)),
      );
      app.delete(
        `/api/v1/${segment}/:ref/offers/:accountId`,
        {
          schema: {
            operationId: `withdraw${name}Offer`,
            tags,
            params: refParams.extend({ accountId: z.string().uuid() }),
            response: { 204: z.null(), ...errorResponses },
          },
        },
        async (req, reply) => {
          await c.withdrawOffer(principalOf(req), kind, req.params.ref, req.params.accountId);
          return reply.code(204).send(null);
        },
      );
    }

    app.get(
      "/api/v1/catalog/check",
      {
        schema: {
          operationId: "checkPlanCombination",
          tags,
          description:
            "Bill-shock check: zones the communication plan allows that the rate plan does not price.",
          querystring: z.object({ communicationPlan: ref, ratePlan: ref }),
          response: {
            200: z.object({
              communicationPlan: z.object({ id: z.string(), name: z.string() }),
              ratePlan: z.object({ id: z.string(), name: z.string() }),
              warnings: z.array(warningOut),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => c.check(principalOf(req), req.query.communicationPlan, req.query.ratePlan),
    );
  };
