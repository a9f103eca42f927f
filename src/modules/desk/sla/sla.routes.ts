import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../http/envelope.js";
import { principalOf } from "../../../http/principal.js";
import type { SupportCalendarInput } from "./calendar.js";
import type { SlaService } from "./sla.service.js";
import {
  accountIdParams,
  agreementInput,
  agreementOut,
  calendarInput,
  calendarOut,
  queueOut,
  queueQuery,
} from "./sla.schemas.js";

/** Support calendar, support agreements and the agent's queue (docs/desk-sla.md). */
export const slaRoutes =
  (s: { sla: SlaService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["desk"];

    app.get(
      "/api/v1/desk/calendar",
      {
        schema: {
          operationId: "getDeskCalendar",
          tags,
          summary: "The operator's support hours, time zone and holidays",
          response: { 200: calendarOut, ...errorResponses },
        },
      },
      async (req) => s.sla.getCalendar(principalOf(req)),
    );

    app.put(
      "/api/v1/desk/calendar",
      {
        schema: {
          operationId: "setDeskCalendar",
          tags,
          summary: "Set the support calendar (a new version; open cases are recomputed)",
          body: calendarInput,
          response: { 200: calendarOut, ...errorResponses },
        },
      },
      async (req) =>
        s.sla.setCalendar(
          principalOf(req),
          req.body as SupportCalendarInput & { effectiveFrom?: string; reason?: string },
        ),
    );

    app.get(
      "/api/v1/desk/default-agreement",
      {
        schema: {
          operationId: "getDefaultSupportAgreement",
          tags,
          summary: "The operator's default SLA targets",
          response: { 200: agreementOut, ...errorResponses },
        },
      },
      async (req) => s.sla.getAgreement(principalOf(req), "default"),
    );

    app.put(
      "/api/v1/desk/default-agreement",
      {
        schema: {
          operationId: "setDefaultSupportAgreement",
          tags,
          summary: "Set the operator's default SLA targets",
          body: agreementInput,
          response: { 200: agreementOut, ...errorResponses },
        },
      },
      async (req) => s.sla.setAgreement(principalOf(req), "default", req.body),
    );

    app.get(
      "/api/v1/accounts/:id/support-agreement",
      {
        schema: {
          operationId: "getSupportAgreement",
          tags,
          summary: "The SLA targets that apply to an account's new cases",
          params: accountIdParams,
          response: { 200: agreementOut, ...errorResponses },
        },
      },
      async (req) => s.sla.getAgreement(principalOf(req), req.params.id),
    );

    app.put(
      "/api/v1/accounts/:id/support-agreement",
      {
        schema: {
          operationId: "setSupportAgreement",
          tags,
          summary: "Set a customer's SLA targets (applies to cases created from effectiveFrom on)",
          params: accountIdParams,
          body: agreementInput,
          response: { 200: agreementOut, ...errorResponses },
        },
      },
      async (req) => s.sla.setAgreement(principalOf(req), req.params.id, req.body),
    );

    app.get(
      "/api/v1/desk/queue",
      {
        schema: {
          operationId: "getDeskQueue",
          tags,
          summary: "An agent's open cases, most pressing SLA first",
          querystring: queueQuery,
          response: { 200: queueOut, ...errorResponses },
        },
      },
      async (req) => s.sla.queue(principalOf(req), req.query),
    );
  };
