import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import { searchOut, searchQuery } from "./search.schemas.js";
import type { SearchService } from "./search.service.js";

export const searchRoutes =
  (s: { search: SearchService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/search",
      {
        schema: {
          operationId: "search",
          tags: ["sims", "accounts"],
          description:
            "Search as you type: SIMs whose ICCID, IMSI, MSISDN, IMEI or network-seen IMEI starts with q (3 digits or more) and customer accounts whose name contains q (2 characters or more, any case), both within the caller's subtree.",
          querystring: searchQuery,
          response: { 200: searchOut, ...errorResponses },
        },
      },
      async (req) => s.search.search(principalOf(req), req.query.q, req.query.limit),
    );
  };
