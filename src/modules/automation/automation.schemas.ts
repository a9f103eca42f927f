import { z } from "zod";
import { SIM_STATES } from "../sims/sim-lifecycle.js";
import { CUSTOM_FIELDS } from "../sims/sims.schemas.js";
import { CASE_CATEGORIES } from "../desk/case-states.js";

/**
 * Automation rules: a trigger, conditions on the SIM, actions. Each part is a small discriminated
 * union on `type`, so a rule is checked whole at the edge and every problem names its field
 * (docs/automation.md is the reference).
 */
const simState = z.enum(SIM_STATES);
const country = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 country code, e.g. FR");
const planRef = z.string().min(1).max(100).describe("A plan's id or name.");
/** A threshold in whole percent, 1 to 1000; anything else is refused with one stable code. */
const thresholdPercent = z
  .number()
  .superRefine((n, ctx) => {
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      ctx.addIssue({
        code: "custom",
        message: "A threshold is a whole percentage from 1 to 1000.",
        params: { code: "INVALID_THRESHOLD_PERCENT" },
      });
  })
  .meta({ type: "integer", minimum: 1, maximum: 1000 });

export const triggerInput = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("sim_state_changed"),
      from: z.array(simState).min(1).optional().describe("Only changes from one of these states."),
      to: z.array(simState).min(1).optional().describe("Only changes to one of these states."),
    })
    .strict(),
  z.object({ type: z.literal("imei_changed") }).strict(),
  z
    .object({
      type: z.literal("no_session"),
      hours: z
        .number()
        .min(0.25)
        .max(24 * 90)
        .optional()
        .describe("Fire after this many hours without a session or traffic."),
      rhythmMultiple: z
        .number()
        .min(1)
        .max(100)
        .optional()
        .describe(
          "Fire after this many of the device's usual gaps (24 h assumed without a rhythm), at least 1 h.",
        ),
    })
    .strict(),
  z
    .object({
      type: z.literal("registration_rejected"),
      causes: z
        .array(z.number().int().min(0).max(65535))
        .min(1)
        .max(50)
        .optional()
        .describe("Only rejections with one of these causes (S6a or MAP)."),
    })
    .strict(),
  z
    .object({
      type: z.literal("zone_entered"),
      notInPlan: z
        .boolean()
        .default(true)
        .describe(
          "Only zones the SIM's communication plan does not allow (default); false: every zone change.",
        ),
      countries: z.array(country).min(1).max(250).optional().describe("Only these countries."),
    })
    .strict(),
  z
    .object({
      type: z.literal("usage_above"),
      percent: thresholdPercent.describe(
        "Percent (1–1000) of the rate plan's included data (of its data limit when nothing is included) used in the customer's current billing cycle.",
      ),
    })
    .strict(),
  z
    .object({
      type: z.literal("pool_usage_above"),
      percent: thresholdPercent.describe(
        "Percent (1–1000) of the customer's pool of a rate plan used in its current billing cycle.",
      ),
      projected: z
        .boolean()
        .default(false)
        .describe(
          "true: compare the usage so far projected linearly to the cycle's end (100: an overage is expected).",
        ),
    })
    .strict(),
]);

export const conditionInput = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("account"),
      accountId: z.uuid().describe("The SIM belongs to this account or one below it."),
    })
    .strict(),
  z.object({ type: z.literal("sim_state"), states: z.array(simState).min(1) }).strict(),
  z.object({ type: z.literal("communication_plan"), plan: planRef }).strict(),
  z.object({ type: z.literal("rate_plan"), plan: planRef }).strict(),
  z
    .object({
      type: z.literal("custom_field"),
      field: z.enum(CUSTOM_FIELDS as [string, ...string[]]),
      value: z.string().max(500).nullable().describe("null: the field is not set."),
    })
    .strict(),
]);

export const actionInput = z.discriminatedUnion("type", [
  z
    .object({ type: z.literal("webhook") })
    .strict()
    .describe(
      "Publishes an `automation.rule_fired` event to the rule account's webhook subscriptions (signed, retried).",
    ),
  z
    .object({
      type: z.literal("email"),
      note: z.string().max(2000).optional().describe("A line added to the message."),
    })
    .strict()
    .describe(
      "Mails the rule account's contacts (its administrators when it has no contact with an address).",
    ),
  z.object({ type: z.literal("change_state"), state: simState }).strict(),
  z
    .object({
      type: z.literal("change_plan"),
      communicationPlan: planRef.optional(),
      ratePlan: planRef.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("open_case"),
      subject: z.string().min(1).max(200).optional(),
      category: z
        .enum(CASE_CATEGORIES)
        .optional()
        .describe("The case's category on the desk (default technical)."),
      priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
    })
    .strict(),
]);

export type TriggerInput = z.infer<typeof triggerInput>;
export type Condition = z.infer<typeof conditionInput>;
export type ActionInput = z.infer<typeof actionInput>;

const name = z.string().trim().min(1).max(100);
const conditions = z.array(conditionInput).max(10).describe("All must hold (AND).");
const actions = z
  .array(actionInput)
  .min(1)
  .max(10)
  .describe("Run in order; one failing does not stop the others.");

/** Conditions a pool trigger can check: a pool belongs to a customer and a rate plan, not to a SIM. */
export const POOL_CONDITIONS = ["account", "rate_plan"] as const;
/** Actions that need a SIM, which a pool trigger does not have. */
export const SIM_ACTIONS = ["change_state", "change_plan"] as const;

/**
 * What a pool trigger cannot go with (a pool has no SIM): each problem with its field and code. The
 * edge checks a rule whole; an update checks the rule as it will be (automation.service.ts).
 */
export function poolRuleProblems(v: {
  trigger?: TriggerInput;
  conditions?: readonly Condition[];
  actions?: readonly ActionInput[];
}): { path: (string | number)[]; message: string; code: string }[] {
  if (v.trigger?.type !== "pool_usage_above") return [];
  const out: { path: (string | number)[]; message: string; code: string }[] = [];
  v.conditions?.forEach((c, i) => {
    if (!(POOL_CONDITIONS as readonly string[]).includes(c.type))
      out.push({
        path: ["conditions", i, "type"],
        message: `A pool trigger can only check ${POOL_CONDITIONS.join(" and ")} conditions.`,
        code: "CONDITION_NOT_FOR_POOL_TRIGGER",
      });
  });
  v.actions?.forEach((a, i) => {
    if ((SIM_ACTIONS as readonly string[]).includes(a.type))
      out.push({
        path: ["actions", i, "type"],
        message: "This action changes a SIM; a pool trigger fires for a pool, not a SIM.",
        code: "ACTION_NEEDS_A_SIM",
      });
  });
  return out;
}

/** Checks across fields that a union cannot express; each issue names its field and a code. */
function crossCheck(
  v: { trigger?: TriggerInput; conditions?: Condition[]; actions?: ActionInput[] },
  ctx: z.RefinementCtx,
) {
  for (const p of poolRuleProblems(v))
    ctx.addIssue({ code: "custom", path: p.path, message: p.message, params: { code: p.code } });
  if (
    v.trigger?.type === "no_session" &&
    (v.trigger.hours === undefined) === (v.trigger.rhythmMultiple === undefined)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["trigger", "hours"],
      message: "Give exactly one of hours and rhythmMultiple.",
      params: { code: "NO_SESSION_NEEDS_ONE_LIMIT" },
    });
  }
  v.actions?.forEach((a, i) => {
    if (a.type === "change_plan" && !a.communicationPlan && !a.ratePlan) {
      ctx.addIssue({
        code: "custom",
        path: ["actions", i, "communicationPlan"],
        message: "Give communicationPlan, ratePlan or both.",
        params: { code: "CHANGE_PLAN_NEEDS_A_PLAN" },
      });
    }
  });
}

export const createRuleInput = z
  .object({
    name,
    description: z.string().max(500).optional(),
    accountId: z
      .uuid()
      .optional()
      .describe(
        "The account whose SIMs (and its sub-accounts') the rule watches; the caller's own by default.",
      ),
    enabled: z.boolean().default(true),
    trigger: triggerInput,
    conditions: conditions.default([]),
    actions,
  })
  .strict()
  .superRefine(crossCheck);

export const updateRuleInput = z
  .object({
    name: name.optional(),
    description: z.string().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
    trigger: triggerInput.optional(),
    conditions: conditions.optional(),
    actions: actions.optional(),
  })
  .strict()
  .superRefine(crossCheck);

export type CreateRuleInput = z.infer<typeof createRuleInput>;
export type UpdateRuleInput = z.infer<typeof updateRuleInput>;

export const ruleIdParams = z.object({ id: z.uuid() });
export const listRulesQuery = z.object({
  accountId: z
    .uuid()
    .optional()
    .describe("Only this account's rules (it must lie in your subtree)."),
});
export const firingsQuery = z.object({
  cursor: z.string().optional().describe("nextCursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ruleOut = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    trigger: z.record(z.string(), z.unknown()),
    conditions: z.array(z.record(z.string(), z.unknown())),
    actions: z.array(z.record(z.string(), z.unknown())),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "AutomationRule" });
export const ruleList = z.object({ items: z.array(ruleOut) });

export const firingOut = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    eventId: z
      .string()
      .nullable()
      .describe(
        "The domain event that fired the rule; null for clock-driven triggers (no_session).",
      ),
    eventType: z.string(),
    iccid: z.string().nullable(),
    status: z
      .enum(["pending", "running", "done", "failed"])
      .describe("failed: at least one action failed (see results)."),
    attempts: z.number().int(),
    results: z
      .array(z.object({ type: z.string(), ok: z.boolean() }).catchall(z.unknown()))
      .nullable(),
    data: z.record(z.string(), z.unknown()).describe("What the trigger saw."),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "AutomationFiring" });
export const firingsPage = z.object({
  items: z.array(firingOut),
  nextCursor: z.string().nullable(),
});
