import { localizedMessage } from "../../http/localized.js";
import { z } from "zod";

export const ONBOARDING_STATES = [
  "draft",
  "validated",
  "provisioning",
  "waiting_on_customer",
  "live",
  "failed",
] as const;

export const findingOut = z
  .object({
    severity: z.enum(["error", "warning"]),
    path: z.string().describe('Where in the spec, e.g. "accounts[2].plans.rate[0]".'),
    code: z.string(),
    message: z.string().describe("In English, as it always was."),
    params: z
      .record(z.string(), z.unknown())
      .describe("The message's raw values (names, counts, ICCIDs, paths) to format your own way."),
    text: z
      .string()
      .describe(
        "The message in the caller's language (docs/languages.md); findings stored before messages were localized show their English message.",
      ),
  })
  .meta({ id: "OnboardingFinding" });

export const onboardingInput = z
  .object({
    spec: z
      .union([
        z
          .string()
          .max(64 * 1024 * 1024)
          .describe("The spec as YAML or JSON text."),
        z.record(z.string(), z.unknown()).describe("The spec as a JSON object."),
      ])
      .describe("An onboarding spec (docs/onboarding.md, docs/onboarding.schema.json)."),
    dryRun: z
      .boolean()
      .default(false)
      .describe(
        "Only check the spec: answer every finding (and, for an onboarding already provisioned, the plan of what would change), write nothing.",
      ),
    confirmPlan: z
      .string()
      .max(64)
      .optional()
      .describe(
        "The hash of the plan the user saw (dryRun's plan.hash). Required to apply a changed spec of a provisioned onboarding; a different current plan answers 409 ONBOARDING_PLAN_NOT_CONFIRMED.",
      ),
  })
  .strict();

export const planEntryOut = z
  .object({
    action: z.enum(["create", "change", "move", "remove"]),
    path: z.string().describe('Where in the spec, e.g. "accounts[1].name" or "sims[0]".'),
    object: z.string().describe("What changes, in words (English)."),
    objectMessage: localizedMessage.describe("What changes, in the caller's language."),
    before: z.unknown(),
    after: z.unknown(),
    count: z.number().optional().describe("SIMs: how many."),
    examples: z.array(z.string()).optional().describe("SIMs: a few of their ICCIDs."),
  })
  .meta({ id: "OnboardingPlanEntry" });

export const planOut = z
  .object({
    hash: z.string().describe("Send it back as confirmPlan to apply exactly this plan."),
    entries: z.array(planEntryOut),
    summary: z.object({
      create: z.number(),
      change: z.number(),
      move: z.number(),
      remove: z.number(),
    }),
  })
  .meta({ id: "OnboardingPlan" });

export const planSummary = z.object({
  accounts: z.number().describe("Accounts the spec describes: the customer and its sub-accounts."),
  communicationPlans: z.object({ create: z.number(), reuse: z.number() }),
  ratePlans: z.object({ create: z.number(), reuse: z.number() }),
  sims: z.number().describe("SIMs the spec assigns."),
  privateApns: z.number(),
  tunnels: z.number(),
});

export const checkOut = z
  .object({
    reference: z.string().nullable(),
    feasible: z.boolean().describe("No errors (warnings do not block)."),
    errors: z.number(),
    warnings: z.number(),
    findings: z.array(findingOut),
    summary: planSummary
      .nullable()
      .describe("What the spec asks for; null when it does not parse."),
    plan: planOut
      .optional()
      .describe(
        "For an existing onboarding: what applying the spec would create, change, move or remove.",
      ),
  })
  .meta({ id: "OnboardingCheck" });

export const onboardingOut = z
  .object({
    id: z.string(),
    reference: z.string(),
    customerName: z.string(),
    state: z.enum(ONBOARDING_STATES),
    customerAccountId: z.string().nullable(),
    jobId: z.string().nullable().describe("The provisioning job; follow it at /api/v1/jobs/{id}."),
    ownerEmail: z.string(),
    contractSigned: z.string(),
    requestedGoLive: z.string(),
    findings: z.array(findingOut).describe("The warnings of the last feasibility check."),
    report: z.record(z.string(), z.unknown()).nullable().describe("What the last run did."),
    leadTimeDays: z
      .number()
      .nullable()
      .describe("Days from contract signed to live (null until live)."),
    firstSimOnlineAt: z
      .string()
      .nullable()
      .describe("Start of the first data session of any of its SIMs (null until one is online)."),
    daysToFirstSimOnline: z
      .number()
      .nullable()
      .describe("Days from contract signed to the first SIM online."),
    createdAt: z.string(),
    validatedAt: z.string().nullable(),
    provisioningAt: z.string().nullable(),
    waitingOnCustomerAt: z.string().nullable(),
    liveAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "Onboarding" });

export const onboardingTaskOut = z
  .object({
    id: z.string(),
    kind: z.enum(["tunnel_date", "sim_shipment", "acceptance"]),
    title: z.string(),
    ownerEmail: z.string().describe("The onboarding owner, an operator user."),
    dueOn: z.string().describe("Due date (YYYY-MM-DD)."),
    state: z.enum(["open", "done"]),
    note: z.string().nullable(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable().describe("The user who marked it done."),
    caseId: z.string().nullable().describe("The desk case that carries the task."),
  })
  .meta({ id: "OnboardingTask" });

export const onboardingCaseOut = z
  .object({
    id: z.string(),
    number: z.number(),
    subject: z.string(),
    state: z.string(),
  })
  .meta({ id: "OnboardingCase" });

export const onboardingDetailOut = onboardingOut
  .extend({
    tasks: z.array(onboardingTaskOut).describe("The people's tasks, opened once provisioned."),
    case: onboardingCaseOut.nullable().describe("The desk case that carries the tasks."),
    spec: z.record(z.string(), z.unknown()).describe("The spec as stored; PSKs are masked."),
    services: z
      .array(z.record(z.string(), z.unknown()))
      .describe("Private APNs and IPsec tunnels, kept as data (PSKs masked)."),
  })
  .meta({ id: "OnboardingDetail" });

export const createdOut = z.object({
  onboarding: onboardingOut,
  jobId: z.string().nullable().describe("null when the same spec was already provisioned."),
  created: z.boolean().describe("false when an onboarding with this reference existed."),
  findings: z.array(findingOut),
  plan: planOut.describe("The plan applied (empty for a new onboarding or an unchanged spec)."),
});

export const listQuery = z.object({
  state: z.enum(ONBOARDING_STATES).optional(),
  cursor: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const listOut = z.object({
  items: z.array(onboardingOut),
  nextCursor: z.string().nullable(),
});

export const idParams = z.object({ id: z.string() });

export const taskParams = z.object({ id: z.string(), taskId: z.string() });

export const taskPatch = z
  .object({
    state: z.literal("done").describe("Only marking done is possible; a done task stays done."),
    note: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .optional()
      .describe("What was done; written on the case as an internal note."),
  })
  .strict();

export const taskDoneOut = z.object({
  task: onboardingTaskOut,
  onboarding: onboardingOut,
});

const leadTimeStats = z
  .object({
    count: z.number(),
    averageDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    recordDays: z.number().nullable().describe("The shortest."),
    recordReference: z.string().nullable(),
  })
  .meta({ id: "OnboardingLeadTimeStats" });

export const leadTimesOut = z.object({
  toFirstSimOnline: leadTimeStats.describe(
    "Contract signed → first data session of any of its SIMs, over onboardings that have one.",
  ),
  toLive: leadTimeStats.describe("Contract signed → live, over live onboardings."),
  items: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        contractSigned: z.string(),
        daysToFirstSimOnline: z.number().nullable(),
        daysToLive: z.number().nullable(),
      }),
    )
    .describe("Every onboarding that is waiting on the customer or live."),
});

export type OnboardingOut = z.infer<typeof onboardingOut>;
export type OnboardingTaskOut = z.infer<typeof onboardingTaskOut>;
export type CheckOut = z.infer<typeof checkOut>;
export type OnboardingInput = z.infer<typeof onboardingInput>;

export const ipsecQuery = z.object({
  side: z
    .enum(["operator", "customer"])
    .describe("Whose gateway the swanctl.conf is for: the operator's or the customer's."),
});
