import type { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../http/envelope.js";
import { principalOf } from "../../../http/principal.js";
import { OtterError } from "../../../lib/errors.js";
import type { SimImport } from "./sim-import.js";

const CSV_TYPES = ["text/csv", "application/csv"];
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const simImportRoutes =
  (s: { simImport: SimImport }): FastifyPluginAsyncZod =>
  async (app) => {
    // The body stays a stream: files of hundreds of megabytes are never held in memory. Any other
    // type reaches the handler too (this plugin's routes only), which answers how to send the file.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(CSV_TYPES, (_req, payload, done) => done(null, payload));
    app.addContentTypeParser("*", (_req, payload, done) => done(null, payload));

    app.post(
      "/api/v1/sims/imports",
      {
        schema: {
          operationId: "importSims",
          tags: ["sims", "jobs"],
          description:
            "Imports SIMs from a CSV body (content-type text/csv). Header row; required columns iccid, imsi, msisdn; optional eid, imei, account, communicationPlan, ratePlan, state and custom fields. A BOM and `;` separators are accepted. Answers 202 with the job id; follow it at GET /api/v1/jobs/{id}.",
          consumes: CSV_TYPES,
          querystring: z.object({
            accountId: z
              .string()
              .uuid()
              .optional()
              .describe("Default account for rows without an account column."),
            skipInvalid: bool
              .default(false)
              .describe("Apply the valid rows even if some are invalid."),
            dryRun: bool.default(false).describe("Validate only; write nothing."),
          }),
          response: {
            202: z.object({ jobId: z.string() }),
            ...errorResponses,
            413: errorResponses[400],
            415: errorResponses[400],
          },
        },
      },
      async (req, reply) => {
        const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
        if (!CSV_TYPES.includes(type)) {
          reply.header("connection", "close"); // the body is left unread
          throw new OtterError(
            "unsupported_media_type",
            "UNSUPPORTED_MEDIA_TYPE",
            `The import takes a CSV file, sent with content-type text/csv (this request has ${type ? `content-type ${type}` : "no content-type"}); with curl: -H 'content-type: text/csv' --data-binary @sims.csv.`,
          );
        }
        const name = req.headers["x-otter-file-name"];
        try {
          // Not destroyed on an early refusal, so the 4xx answer still reaches the client.
          const body = (req.body as Readable).iterator({ destroyOnReturn: false });
          const jobId = await s.simImport.receiveUpload(principalOf(req), body, {
            accountId: req.query.accountId,
            skipInvalid: req.query.skipInvalid,
            dryRun: req.query.dryRun,
            fileName: typeof name === "string" ? name.slice(0, 255) : undefined,
          });
          return reply.code(202).send({ jobId });
        } catch (err) {
          // Refused mid-upload: the rest of the body is unread, so this connection cannot carry another request.
          if (!req.raw.readableEnded) reply.header("connection", "close");
          throw err;
        }
      },
    );
  };
