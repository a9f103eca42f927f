import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { page, pageQuery } from "../../http/paging.js";
import { principalOf } from "../../http/principal.js";
import type { SimsService } from "./sims.service.js";
import { auditOut, pendingChangeOut, simCreate, simDetailOut, simPatch } from "./sims.schemas.js";

const iccidParams = z.object({ iccid: z.string().min(1).max(22).describe("The SIM's ICCID.") });

/** The SIM's own resources; finding, listing and counting SIMs are network/fleet.routes.ts (with connectivity). */
export const simsRoutes =
  (s: { sims: SimsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["sims"];

    app.post(
      "/api/v1/sims",
      {
        schema: {
          operationId: "createSim",
          tags,
          description:
            "Adds one SIM (operator roles). For many SIMs use POST /api/v1/sims/imports.",
          body: simCreate,
          response: { 201: simDetailOut, ...errorResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await s.sims.create(principalOf(req), req.body)),
    );

    app.patch(
      "/api/v1/sims/:iccid",
      {
        schema: {
          operationId: "updateSim",
          tags,
          description:
            "Changes state, plans, account, custom fields, usage-limit override, IMEI or notes. A future effectiveDate schedules the change.",
          params: iccidParams,
          body: simPatch,
          response: { 200: simDetailOut, ...errorResponses },
        },
      },
      async (req) => s.sims.update(principalOf(req), req.params.iccid, req.body),
    );

    app.get(
      "/api/v1/sims/:iccid/audit",
      {
        schema: {
          operationId: "getSimAudit",
          tags,
          description:
            'Every change to the SIM, per field, with who, why and when. Records from before the SIM came to the caller\'s customer (another customer held it) show who and why as "previous holder" (docs/permissions.md).',
          params: iccidParams,
          querystring: z.object(pageQuery),
          response: { 200: page(auditOut), ...errorResponses },
        },
      },
      async (req) => s.sims.audit(principalOf(req), req.params.iccid, req.query),
    );

    app.get(
      "/api/v1/sims/:iccid/scheduled-changes",
      {
        schema: {
          operationId: "listSimScheduledChanges",
          tags,
          description:
            "Changes scheduled for a future date, pending or done. A transfer to another customer cancels those the previous customer's users scheduled. Records from before the SIM came to the caller's customer (another customer held it) show who and why as \"previous holder\" (docs/permissions.md).",
          params: iccidParams,
          response: { 200: z.object({ items: z.array(pendingChangeOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.sims.scheduledChanges(principalOf(req), req.params.iccid) }),
    );

    app.delete(
      "/api/v1/sims/:iccid/scheduled-changes/:changeId",
      {
        schema: {
          operationId: "cancelSimScheduledChange",
          tags,
          params: iccidParams.extend({ changeId: z.string().uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.sims.cancelScheduledChange(principalOf(req), req.params.iccid, req.params.changeId);
        return reply.code(204).send(null);
      },
    );
  };
