import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import { OtterError } from "../../lib/errors.js";
import { requirePermission } from "../auth/permissions.js";
import type { NetworkClientsService } from "./network-clients.service.js";
import type { NetworkViewService } from "./network-view.service.js";
import type { NetworkActionsService } from "./network-actions.service.js";
import type { RegistrationEventInput, SignalsService } from "./signals.service.js";
import {
  connectivityOut,
  eventsBody,
  eventsResult,
  networkClientInput,
  networkClientOut,
  networkClientPatch,
  registrationEvent,
  type RegistrationEventBody,
  sessionsOut,
  timelineOut,
  locationsOut,
  unknownImsisOut,
  usageOut,
} from "./network.schemas.js";

const iccidParams = z.object({ iccid: z.string().min(1).max(22) });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-01")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "is not a calendar date",
  );
const NDJSON_TYPES = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];
const MAX_EVENTS_FILE = 256 * 1024 * 1024;

const toInput = (e: RegistrationEventBody): RegistrationEventInput => ({
  ...e,
  at: new Date(e.at),
});

function summarise(results: Awaited<ReturnType<SignalsService["recordRegistrationEvents"]>>) {
  return {
    stored: results.filter((r) => r.status === "stored").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    results,
  };
}

export const networkRoutes =
  (s: {
    networkClients: NetworkClientsService;
    signals: SignalsService;
    networkView: NetworkViewService;
    networkActions: NetworkActionsService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["network"];

    app.post(
      "/api/v1/network/clients",
      {
        schema: {
          operationId: "createNetworkClient",
          tags,
          body: networkClientInput,
          response: { 201: networkClientOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.networkClients.create(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/network/clients",
      {
        schema: {
          operationId: "listNetworkClients",
          tags,
          response: { 200: z.object({ items: z.array(networkClientOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.networkClients.list(principalOf(req)) }),
    );
    app.patch(
      "/api/v1/network/clients/:id",
      {
        schema: {
          operationId: "updateNetworkClient",
          tags,
          params: z.object({ id: z.string().uuid() }),
          body: networkClientPatch,
          response: { 200: networkClientOut, ...errorResponses },
        },
      },
      async (req) => s.networkClients.update(principalOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/network/clients/:id",
      {
        schema: {
          operationId: "deleteNetworkClient",
          tags,
          params: z.object({ id: z.string().uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.networkClients.remove(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/network/events",
      {
        schema: {
          operationId: "postRegistrationEvents",
          tags,
          description:
            "Registration events from the HLR/HSS: one event, or { events: [...] }. Idempotent by event id.",
          body: eventsBody,
          response: { 200: eventsResult, ...errorResponses },
        },
      },
      async (req) => {
        const p = principalOf(req);
        requirePermission(p, "network:ingest");
        const events = "events" in req.body ? req.body.events : [req.body];
        return summarise(await s.signals.recordRegistrationEvents(events.map(toInput)));
      },
    );

    app.register(async (scoped) => {
      scoped.addContentTypeParser(
        NDJSON_TYPES,
        { parseAs: "string", bodyLimit: MAX_EVENTS_FILE },
        (_req, body, done) => done(null, body),
      );
      scoped.post(
        "/api/v1/network/events/import",
        {
          schema: {
            operationId: "importRegistrationEvents",
            tags,
            consumes: NDJSON_TYPES,
            description:
              "Backfill: a JSON-lines file of registration events (content-type application/x-ndjson). The whole file is validated first; any bad line is reported by number and nothing is stored.",
            response: { 200: eventsResult.extend({ lines: z.number() }), ...errorResponses },
          },
        },
        async (req) => {
          const p = principalOf(req);
          requirePermission(p, "network:ingest");
          const lines = String(req.body ?? "").split("\n");
          const events: RegistrationEventInput[] = [];
          const errors: { line: number; field?: string; code: string; message: string }[] = [];
          lines.forEach((text, i) => {
            if (text.trim() === "") return;
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              errors.push({
                line: i + 1,
                code: "MALFORMED_JSON",
                message: "The line is not valid JSON.",
              });
              return;
            }
            const r = registrationEvent.safeParse(json);
            if (!r.success) {
              const issue = r.error.issues[0]!;
              errors.push({
                line: i + 1,
                field: issue.path.join("."),
                code: "EVENT_INVALID",
                message: issue.message,
              });
            } else events.push(toInput(r.data));
          });
          if (errors.length > 0) {
            throw new OtterError(
              "validation",
              "EVENTS_FILE_INVALID",
              `${errors.length} line(s) are invalid; nothing was stored (first: line ${errors[0]!.line}: ${errors[0]!.message}).`,
              errors.slice(0, 1000),
            );
          }
          if (events.length === 0)
            throw new OtterError("validation", "EVENTS_FILE_EMPTY", "The file holds no events.");
          const results: Awaited<ReturnType<SignalsService["recordRegistrationEvents"]>> = [];
          for (let i = 0; i < events.length; i += 1000)
            results.push(...(await s.signals.recordRegistrationEvents(events.slice(i, i + 1000))));
          return { ...summarise(results), lines: events.length };
        },
      );
    });

    app.get(
      "/api/v1/network/unknown-imsis",
      {
        schema: {
          operationId: "listUnknownImsis",
          tags,
          description:
            "IMSIs the network reported that match no SIM; kept for operators, never dropped.",
          querystring: z.object({
            cursor: z.string().max(20).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: { 200: unknownImsisOut, ...errorResponses },
        },
      },
      async (req) => s.networkView.unknownImsis(principalOf(req), req.query),
    );

    const simTags = ["sims", "network"];
    app.get(
      "/api/v1/sims/:iccid/connectivity",
      {
        schema: {
          operationId: "getSimConnectivity",
          tags: simTags,
          params: iccidParams,
          response: { 200: connectivityOut, ...errorResponses },
        },
      },
      async (req) => s.networkView.connectivity(principalOf(req), req.params.iccid),
    );
    app.get(
      "/api/v1/sims/:iccid/sessions",
      {
        schema: {
          operationId: "listSimSessions",
          tags: simTags,
          params: iccidParams,
          querystring: z.object({
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: sessionsOut, ...errorResponses },
        },
      },
      async (req) => s.networkView.sessions(principalOf(req), req.params.iccid, req.query),
    );
    app.get(
      "/api/v1/sims/:iccid/usage",
      {
        schema: {
          operationId: "getSimUsage",
          tags: simTags,
          params: iccidParams,
          querystring: z.object({ from: day, to: day }),
          response: { 200: usageOut, ...errorResponses },
        },
      },
      async (req) =>
        s.networkView.usage(principalOf(req), req.params.iccid, req.query.from, req.query.to),
    );
    app.get(
      "/api/v1/sims/:iccid/network-actions",
      {
        schema: {
          operationId: "listSimNetworkActions",
          tags: simTags,
          description:
            'What Otter asked of the network for this SIM (Disconnect-Requests, cancel-locations) and what the network answered. Those from another customer\'s time with the SIM show who and why as "previous holder", without session or answer.',
          params: iccidParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  kind: z.string(),
                  status: z.string(),
                  reason: z.string(),
                  requestedBy: z.string(),
                  attempts: z.number(),
                  sessionId: z.string().nullable(),
                  result: z.unknown(),
                  createdAt: z.string(),
                  updatedAt: z.string(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => ({
        items: await s.networkActions.listForSim(principalOf(req), req.params.iccid),
      }),
    );

    app.get(
      "/api/v1/sims/:iccid/timeline",
      {
        schema: {
          operationId: "getSimTimeline",
          tags: simTags,
          params: iccidParams,
          querystring: z.object({
            before: z.string().datetime({ offset: true }).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: timelineOut, ...errorResponses },
        },
      },
      async (req) => s.networkView.timeline(principalOf(req), req.params.iccid, req.query),
    );
    app.get(
      "/api/v1/sims/:iccid/locations",
      {
        schema: {
          operationId: "getSimLocations",
          tags: simTags,
          description:
            "Where the SIM was last seen, most recent first: each network (MCC+MNC) and cell from its recent sessions and registrations (the last 200 of each), with the country, and coordinates when a cell-location file is configured and knows the cell.",
          params: iccidParams,
          response: { 200: locationsOut, ...errorResponses },
        },
      },
      async (req) => s.networkView.locations(principalOf(req), req.params.iccid),
    );
  };
