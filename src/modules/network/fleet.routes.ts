import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { page } from "../../http/paging.js";
import { principalOf } from "../../http/principal.js";
import { simDetailOut } from "../sims/sims.schemas.js";
import type { FleetService } from "./fleet.service.js";
import { fleetCountOut, fleetCountQuery, fleetListQuery, fleetSimOut } from "./network.schemas.js";

/**
 * Finding SIMs the way a caller describes them: these routes serve the SIMs module's resources with
 * what the network saw of them (connectivity), so they live here, above both modules.
 */
export const fleetRoutes =
  (s: { fleet: FleetService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["sims"];

    app.get(
      "/api/v1/sims",
      {
        schema: {
          operationId: "listSims",
          tags,
          description:
            "SIMs visible to the caller, filtered (also by any identifier and by connectivity), each with its connectivity now.",
          querystring: fleetListQuery,
          response: { 200: page(fleetSimOut), ...errorResponses },
        },
      },
      async (req) => s.fleet.list(principalOf(req), req.query),
    );

    app.get(
      "/api/v1/sims/count",
      {
        schema: {
          operationId: "countSims",
          tags,
          description:
            "How many SIMs visible to the caller match the filters (those of GET /api/v1/sims), per state, connectivity or plan: one count, no paging.",
          querystring: fleetCountQuery,
          response: { 200: fleetCountOut, ...errorResponses },
        },
      },
      async (req) => s.fleet.count(principalOf(req), req.query),
    );

    app.get(
      "/api/v1/sims/:iccid",
      {
        schema: {
          operationId: "getSim",
          tags,
          description:
            "One SIM by ICCID, IMSI, MSISDN (with or without +) or IMEI (recorded on the SIM or seen by the network). A key that names several SIMs answers 409 SIM_IDENTIFIER_AMBIGUOUS listing them.",
          params: z.object({
            iccid: z
              .string()
              .min(1)
              .max(40)
              .describe("The SIM's ICCID, or its IMSI, MSISDN or the IMEI of its device."),
          }),
          response: { 200: simDetailOut, ...errorResponses },
        },
      },
      async (req) => s.fleet.get(principalOf(req), req.params.iccid),
    );
  };
