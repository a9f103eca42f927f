import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { localizedMessage } from "../../http/localized.js";
import { principalOf } from "../../http/principal.js";
import { LANGUAGES } from "../../lib/messages/messages.js";
import type { DiagnosticsService } from "./diagnostics.service.js";
import { RUNGS } from "./ladder.js";

const fix = z.object({
  action: z.enum([
    "activate",
    "change-plan",
    "override-limit",
    "reset-connectivity",
    "send-sms",
    "check-device",
  ]),
  description: z.string(),
  descriptionMessage: localizedMessage,
});
export const diagnosisOut = z
  .object({
    iccid: z.string(),
    verdict: z
      .string()
      .describe("One sentence a customer understands: the first broken rung and the next step."),
    verdictText: z
      .string()
      .describe("The verdict in the caller's language and time zone (`language`)."),
    verdictMessages: z.array(localizedMessage).describe("The verdict's sentences, in order."),
    language: z.enum(LANGUAGES).describe("The language of every `text` in this answer."),
    overall: z.enum(["ok", "warn", "fail"]),
    firstBroken: z.enum(RUNGS).nullable(),
    checkedAt: z.string(),
    dataAsOf: z
      .string()
      .nullable()
      .describe("Time of the newest network signal the diagnosis rests on."),
    rhythm: z.object({
      typicalGapSeconds: z.number().nullable(),
      basis: z.string(),
      lastSessionAt: z.string().nullable().describe("Start of the newest data session seen."),
    }),
    rungs: z.array(
      z.object({
        name: z.enum(RUNGS),
        status: z.enum(["pass", "warn", "fail", "skipped"]),
        summary: z.string(),
        summaryMessage: localizedMessage,
        evidence: z.array(
          z.object({
            kind: z.string(),
            at: z.string().optional(),
            detail: z.string(),
            detailMessage: localizedMessage,
          }),
        ),
        fix: fix.optional(),
        causeIn: z.enum(RUNGS).optional(),
      }),
    ),
    actions: z.array(fix),
    watching: z
      .array(
        z.object({
          actionId: z.string(),
          type: z.string(),
          requestedAt: z.string(),
          watchUntil: z.string().nullable(),
        }),
      )
      .describe(
        "Remote actions whose proof Otter is still waiting for; they are not recommended again meanwhile.",
      ),
  })
  .meta({ id: "Diagnosis" });

export const diagnosticsRoutes =
  (s: { diagnostics: DiagnosticsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/sims/:iccid/diagnosis",
      {
        schema: {
          operationId: "diagnoseSim",
          tags: ["sims", "diagnostics"],
          description:
            "Walks the ladder SIM state → limits → registration → roaming → data session → traffic → device; each rung with its evidence and fix.",
          params: z.object({ iccid: z.string().min(1).max(22) }),
          response: { 200: diagnosisOut, ...errorResponses },
        },
      },
      async (req) => s.diagnostics.diagnose(principalOf(req), req.params.iccid),
    );
  };
