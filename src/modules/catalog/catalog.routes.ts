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
  checkOut,
  checkQuery,
  ref,
  zoneInput,
  zoneOut,
  zonePatch,
} from "./catalog.schemas.js";

const refParams = z.object({ ref: ref.describe("The id or the unique name.") });
const offersOut = z.object({
  plan: z.object({ id: z.string(), name: z.string() }),
  accounts: z.array(z.object({ id: z.string(), name: z.string(), offeredAt: z.string() })),
});
const listQuery = z.object({
  accountId: z
    .string()
    .uuid()
    .optional()
    .describe("Only the plans this account's SIMs may use: offered to it or to an ancestor."),
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
          summary: "Create a zone (countries and optional networks)",
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
          summary: "List every zone",
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
          summary: "Get a zone by id or name",
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
          summary: "Change a zone's name, description, countries or networks",
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
          summary: "Delete a zone no plan uses",
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
          summary: "Create a communication plan (what a SIM may do)",
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
          summary: "List the communication plans you can see",
          tags,
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(communicationPlanOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await c.listCommunicationPlans(principalOf(req), req.query) }),
    );
    app.get(
      "/api/v1/communication-plans/:ref",
      {
        schema: {
          operationId: "getCommunicationPlan",
          summary: "Get a communication plan by id or name",
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
          summary: "Change a communication plan",
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
          summary: "Create a rate plan with its first version",
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
          summary: "List the rate plans you can see",
          tags,
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(ratePlanOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await c.listRatePlans(principalOf(req), req.query) }),
    );
    app.get(
      "/api/v1/rate-plans/:ref",
      {
        schema: {
          operationId: "getRatePlan",
          summary: "Get a rate plan by id or name, with its versions",
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
          summary: "Add a rate plan version taking effect at a date",
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
            summary: `List the accounts a ${kind} plan is offered to`,
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
            summary: `Offer a ${kind} plan to an account`,
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
            summary: `Withdraw a ${kind} plan from an account`,
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
          summary: "Check plans for bill-shock risk",
          tags,
          description:
            "Bill-shock check: zones the communication plan allows that the rate plan does not price.",
          querystring: checkQuery,
          response: { 200: checkOut, ...errorResponses },
        },
      },
      async (req) => c.check(principalOf(req), req.query),
    );
  };
