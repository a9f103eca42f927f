import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { OnboardingService } from "./onboarding.service.js";
import {
  checkOut,
  createdOut,
  idParams,
  ipsecQuery,
  leadTimesOut,
  listOut,
  listQuery,
  onboardingDetailOut,
  onboardingInput,
  taskDoneOut,
  taskParams,
  taskPatch,
} from "./onboarding.schemas.js";

/** Customer onboardings (docs/onboarding.md): feasibility check, provisioning job, tracking. */
export const onboardingRoutes =
  (s: { onboarding: OnboardingService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["onboarding"];

    app.post(
      "/api/v1/onboardings",
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          operationId: "createOnboarding",
          tags,
          description:
            "Checks an onboarding spec for feasibility. With dryRun, answers 200 with every finding (errors block, warnings do not) and writes nothing. Without, a spec with no errors is stored and its provisioning job started (202 with the job id; follow it at GET /api/v1/jobs/{id}); the same spec again, once provisioned, changes nothing. A spec with errors answers 400 ONBOARDING_NOT_FEASIBLE with every error in details. For an onboarding already provisioned, dryRun also answers the plan (what would be created, changed, moved or removed); applying a spec whose plan is not empty needs confirmPlan set to that plan's hash, else 409 ONBOARDING_PLAN_NOT_CONFIRMED with the current plan in details (also when the plan changed since it was shown).",
          body: onboardingInput,
          response: { 200: checkOut, 202: createdOut, ...errorResponses },
        },
      },
      async (req, reply) => {
        const principal = principalOf(req);
        if (req.body.dryRun)
          return reply.code(200).send(await s.onboarding.check(principal, req.body.spec));
        return reply.code(202).send(await s.onboarding.create(principal, req.body));
      },
    );

    app.get(
      "/api/v1/onboardings",
      {
        schema: {
          operationId: "listOnboardings",
          tags,
          description: "Onboardings, newest first, with their state, dates and lead time.",
          querystring: listQuery,
          response: { 200: listOut, ...errorResponses },
        },
      },
      async (req) => s.onboarding.list(principalOf(req), req.query),
    );

    app.get(
      "/api/v1/onboardings/lead-times",
      {
        schema: {
          operationId: "onboardingLeadTimes",
          tags,
          description:
            "Lead times of the onboardings past provisioning: from contract signed to the first SIM online (the first data session of any of its SIMs) and to live, per onboarding, with count, average, median and record (shortest) of each.",
          response: { 200: leadTimesOut, ...errorResponses },
        },
      },
      async (req) => s.onboarding.leadTimes(principalOf(req)),
    );

    app.patch(
      "/api/v1/onboardings/:id/tasks/:taskId",
      {
        schema: {
          operationId: "completeOnboardingTask",
          tags,
          description:
            'Marks one of the onboarding\'s tasks done ({ "state": "done", "note": "…" }); the note is written on the onboarding\'s desk case as an internal note. The last open task done makes the onboarding live. A done task answers 409 ONBOARDING_TASK_DONE.',
          params: taskParams,
          body: taskPatch,
          response: { 200: taskDoneOut, ...errorResponses },
        },
      },
      async (req) =>
        s.onboarding.completeTask(principalOf(req), req.params.id, req.params.taskId, req.body),
    );

    app.get(
      "/api/v1/onboardings/:id",
      {
        schema: {
          operationId: "getOnboarding",
          tags,
          description:
            "One onboarding by id or contract reference, with its spec and services (PSKs masked), its people's tasks and the desk case that carries them.",
          params: idParams,
          response: { 200: onboardingDetailOut, ...errorResponses },
        },
      },
      async (req) => s.onboarding.get(principalOf(req), req.params.id),
    );

    app.get(
      "/api/v1/onboardings/:id/ipsec",
      {
        schema: {
          operationId: "getOnboardingIpsecConfig",
          tags,
          description:
            "The strongSwan swanctl.conf of one end of the onboarding's IPsec tunnel (side operator or customer), generated from its spec, as text/plain. The PSK (sealed at rest under OTTER_SECRET_KEY) is printed, hex-encoded, only for a principal allowed onboarding:secrets (operator admins); for everyone else the secrets section holds a placeholder for the key agreed out of band. A spec without a tunnel answers 400 ONBOARDING_NO_IPSEC; one whose IPsec part is not feasible 400 ONBOARDING_IPSEC_NOT_FEASIBLE.",
          params: idParams,
          querystring: ipsecQuery,
          produces: ["text/plain"],
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const r = await s.onboarding.ipsecConfig(principalOf(req), req.params.id, req.query.side);
        reply.header("content-type", "text/plain; charset=utf-8");
        reply.header(
          "content-disposition",
          `attachment; filename="swanctl-${req.query.side}-${r.reference.replace(/[^A-Za-z0-9._-]/g, "_")}.conf"`,
        );
        return reply.send(r.text);
      },
    );

    app.get(
      "/api/v1/onboardings/:id/tunnel-sheet",
      {
        schema: {
          operationId: "getOnboardingTunnelSheet",
          tags,
          description:
            "The one-page tunnel sheet for the customer, in the customer's language (en, it or sv; English otherwise), as Markdown: gateways, IKE and ESP proposals, traffic selectors, lifetimes, DPD, and the authentication (a PSK is said to be agreed out of band, never printed).",
          params: idParams,
          produces: ["text/markdown"],
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const r = await s.onboarding.tunnelSheet(principalOf(req), req.params.id);
        reply.header("content-type", "text/markdown; charset=utf-8");
        return reply.send(r.text);
      },
    );
  };
