import { pipeline, Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { csvWriter } from "../../lib/csv.js";
import { principalOf } from "../../http/principal.js";
import type { JobsService } from "./jobs.service.js";
import { JOB_STATUSES, jobErrorOut, jobOut } from "./jobs.schemas.js";

const idParams = z.object({ id: z.string().uuid() });

export const jobsRoutes =
  (s: { jobs: JobsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["jobs"];

    app.get(
      "/api/v1/jobs",
      {
        schema: {
          operationId: "listJobs",
          tags,
          querystring: z.object({
            status: z.enum(JOB_STATUSES).optional(),
            cursor: z.string().uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ items: z.array(jobOut), nextCursor: z.string().nullable() }),
            ...errorResponses,
          },
        },
      },
      async (req) => s.jobs.list(principalOf(req), req.query),
    );

    app.get(
      "/api/v1/jobs/:id",
      {
        schema: {
          operationId: "getJob",
          tags,
          params: idParams,
          response: { 200: jobOut, ...errorResponses },
        },
      },
      async (req) => s.jobs.get(principalOf(req), req.params.id),
    );

    app.post(
      "/api/v1/jobs/:id/cancel",
      {
        schema: {
          operationId: "cancelJob",
          tags,
          description:
            "A queued job is cancelled at once; a running one stops after its current batch (rows already written stay written and are counted).",
          params: idParams,
          response: { 202: jobOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await s.jobs.cancel(principalOf(req), req.params.id)),
    );

    app.get(
      "/api/v1/jobs/:id/errors",
      {
        schema: {
          operationId: "listJobErrors",
          tags,
          params: idParams,
          querystring: z.object({
            cursor: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(5000).default(1000),
          }),
          response: {
            200: z.object({ items: z.array(jobErrorOut), nextCursor: z.string().nullable() }),
            ...errorResponses,
          },
        },
      },
      async (req) =>
        s.jobs.errors(principalOf(req), req.params.id, {
          afterLine: req.query.cursor,
          limit: req.query.limit,
        }),
    );

    app.get(
      "/api/v1/jobs/:id/results.csv",
      {
        schema: {
          operationId: "downloadJobResults",
          tags,
          description:
            "Every row's outcome as CSV: line, iccid, outcome, field, code, message. A row about an account outside the caller's subtree shows only its line and the outcome other_account. A cell that would start a spreadsheet formula (=, +, -, @, tab, CR; plain numbers excepted) is prefixed with a single quote.",
          params: idParams,
          produces: ["text/csv"],
        } as object,
      },
      async (req, reply) => {
        const { job, rows } = await s.jobs.results(
          principalOf(req),
          (req.params as { id: string }).id,
        );
        const csv = csvWriter(["line", "iccid", "outcome", "field", "code", "message"]);
        // pipeline, not pipe: an error while reading the rows destroys the CSV stream, which ends this
        // response (Fastify logs it and drops the connection) instead of escaping as an uncaught error.
        pipeline(Readable.from(rows), csv, (err) => {
          if (err && err.code !== "ERR_STREAM_PREMATURE_CLOSE")
            req.log.error({ err, jobId: job.id }, "job results stream failed");
        });
        reply.header("content-type", "text/csv; charset=utf-8");
        reply.header("content-disposition", `attachment; filename="job-${job.id}-results.csv"`);
        return reply.send(csv);
      },
    );
  };
