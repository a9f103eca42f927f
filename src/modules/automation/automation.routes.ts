import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { AutomationService } from "./automation.service.js";
import {
  createRuleInput,
  firingsPage,
  firingsQuery,
  listRulesQuery,
  ruleIdParams,
  ruleList,
  ruleOut,
  updateRuleInput,
} from "./automation.schemas.js";

/** Automation rules and their firing log (docs/automation.md). */
export const automationRoutes =
  (s: { automation: AutomationService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["automation"];

    app.post(
      "/api/v1/automation-rules",
      {
        schema: {
          operationId: "createAutomationRule",
          tags,
          summary:
            "A rule: when a trigger fires for a SIM of the account's subtree and the conditions hold, run the actions",
          body: createRuleInput,
          response: { 201: ruleOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.automation.create(principalOf(req), req.body)),
    );

    app.get(
      "/api/v1/automation-rules",
      {
        schema: {
          operationId: "listAutomationRules",
          tags,
          summary: "Automation rules of your subtree",
          querystring: listRulesQuery,
          response: { 200: ruleList, ...errorResponses },
        },
      },
      async (req) => s.automation.list(principalOf(req), req.query.accountId),
    );

    app.get(
      "/api/v1/automation-rules/:id",
      {
        schema: {
          operationId: "getAutomationRule",
          tags,
          summary: "One automation rule",
          params: ruleIdParams,
          response: { 200: ruleOut, ...errorResponses },
        },
      },
      async (req) => s.automation.get(principalOf(req), req.params.id),
    );

    app.patch(
      "/api/v1/automation-rules/:id",
      {
        schema: {
          operationId: "updateAutomationRule",
          tags,
          summary: "Enable, disable or edit a rule",
          params: ruleIdParams,
          body: updateRuleInput,
          response: { 200: ruleOut, ...errorResponses },
        },
      },
      async (req) => s.automation.update(principalOf(req), req.params.id, req.body),
    );

    app.delete(
      "/api/v1/automation-rules/:id",
      {
        schema: {
          operationId: "deleteAutomationRule",
          tags,
          summary: "Delete a rule and its firing log",
          params: ruleIdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.automation.remove(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/automation-rules/:id/firings",
      {
        schema: {
          operationId: "listAutomationRuleFirings",
          tags,
          summary: "The rule's firing log, newest first, with each action's result",
          params: ruleIdParams,
          querystring: firingsQuery,
          response: { 200: firingsPage, ...errorResponses },
        },
      },
      async (req) => s.automation.firings(principalOf(req), req.params.id, req.query),
    );
  };
