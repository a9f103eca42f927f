import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../http/envelope.js";
import { principalOf } from "../../../http/principal.js";
import { bulkChangeInput, type SimBulk } from "./sim-bulk.js";

export const simBulkRoutes =
  (s: { simBulk: SimBulk }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/sims/bulk",
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          operationId: "bulkChangeSims",
          tags: ["sims", "jobs"],
          description:
            "Changes state, plans, custom fields, usage-limit override or account of many SIMs as a job (202 with the job id).",
          body: bulkChangeInput,
          response: { 202: z.object({ jobId: z.string() }), ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(202).send({ jobId: await s.simBulk.start(principalOf(req), req.body) }),
    );
  };
