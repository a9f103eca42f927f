import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { Db, Engine } from "../db/database.js";
import type { Metrics } from "./metrics.js";

/** Health, metrics and the OpenAPI document: the routes that need no API key. */
export const systemRoutes =
  (deps: { db: Db; metrics: Metrics; engine: Engine; version: string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/healthz",
      {
        schema: {
          operationId: "health",
          tags: ["system"],
          security: [],
          response: {
            200: z.object({ status: z.literal("ok"), engine: z.string(), version: z.string() }),
            503: z.object({ status: z.literal("unavailable"), reason: z.string() }),
          },
        },
      },
      async (_req, reply) => {
        try {
          await sql`select 1`.execute(deps.db);
          return { status: "ok" as const, engine: deps.engine, version: deps.version };
        } catch (err) {
          return reply.code(503).send({
            status: "unavailable" as const,
            reason: `database: ${(err as Error).message}`,
          });
        }
      },
    );

    app.get("/metrics", { schema: { hide: true } as object }, async (_req, reply) => {
      reply.header("content-type", deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    });

    app.get("/api/v1/openapi.json", { schema: { hide: true } as object }, async () =>
      app.swagger(),
    );
  };
