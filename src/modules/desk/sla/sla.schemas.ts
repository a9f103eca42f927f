import { z } from "zod";
import { WEEKDAYS } from "./calendar.js";
import { PRIORITIES } from "./targets.js";

const hhmm = z.string().describe('"HH:MM" in the operator\'s time zone; "24:00" ends the day.');
const interval = z.tuple([hhmm, hhmm]);
const hours = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(interval).max(12).optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<z.ZodArray<typeof interval>>
    >,
  )
  .strict()
  .describe(
    "Support hours per weekday (mon … sun), several intervals a day allowed; a missing day is closed.",
  );

export const calendarInput = z
  .object({
    timeZone: z.string().max(64).describe("IANA time zone of the support team, e.g. Europe/Rome."),
    hours,
    holidays: z
      .array(z.string().max(10))
      .max(1000)
      .default([])
      .describe("Local dates (YYYY-MM-DD) without support hours."),
    effectiveFrom: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("When the calendar takes over (now by default; never in the past)."),
    reason: z.string().max(500).optional(),
  })
  .strict();

const calendarBody = z.object({
  timeZone: z.string(),
  hours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(z.string()),
  effectiveFrom: z.string().nullable(),
});
export const calendarOut = calendarBody
  .extend({
    isDefault: z
      .boolean()
      .describe("True while the operator has not set a calendar (Mon-Fri 09:00-17:00 UTC)."),
    upcoming: calendarBody.nullable().describe("A version that takes over later, if one is set."),
    openCasesToRecompute: z.number().int().optional(),
  })
  .meta({ id: "DeskCalendar" });

const perPriority = z
  .object(
    Object.fromEntries(
      PRIORITIES.map((p) => [p, z.string().max(20).nullable().optional()]),
    ) as Record<(typeof PRIORITIES)[number], z.ZodOptional<z.ZodNullable<z.ZodString>>>,
  )
  .strict()
  .describe(
    'ISO 8601 durations of support time per priority ("PT4H"); null or missing = no target.',
  );

export const agreementInput = z
  .object({
    firstResponse: perPriority,
    resolution: perPriority,
    effectiveFrom: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("Cases created from then on get these targets (now by default)."),
    reason: z.string().max(500).optional(),
  })
  .strict();

const perPriorityOut = z.object(
  Object.fromEntries(PRIORITIES.map((p) => [p, z.string().nullable().optional()])) as Record<
    (typeof PRIORITIES)[number],
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);
export const agreementOut = z
  .object({
    accountId: z.string(),
    firstResponse: perPriorityOut,
    resolution: perPriorityOut,
    effectiveFrom: z.string().nullable(),
    inherited: z
      .boolean()
      .describe(
        "True when the targets come from a parent account, the operator default or Otter's built-in default.",
      ),
  })
  .meta({ id: "SupportAgreement" });

export const accountIdParams = z.object({ id: z.string() });

const workingState = z.enum(["new", "open", "waiting_on_customer", "waiting_on_consultation"]);

export const queueQuery = z.object({
  owner: z
    .string()
    .max(64)
    .default("me")
    .describe(
      '"me", an agent\'s user id, "none" for the unassigned queue (open cases nobody owns) or "all" for every open case.',
    ),
  state: z
    .union([workingState, z.array(workingState)])
    .optional()
    .describe("Only cases in this working state, or these (repeat the parameter)."),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Position to continue from (nextAfter of the previous page)."),
});

const slaClockOut = z.object({
  state: z.enum(["running", "at_risk", "paused", "met", "breached", "none"]),
  target: z
    .string()
    .nullable()
    .describe("The target for the case's priority, ISO 8601 support time."),
  elapsedMs: z.number(),
  remainingMs: z.number().nullable().describe("Business ms left; negative once breached."),
  dueAt: z.string().nullable().describe("UTC; set while the clock runs."),
  dueAtLocal: z.string().nullable().describe("dueAt in the customer's time zone, with its offset."),
  breachedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  episode: z.number().int(),
});
export const slaOut = z
  .object({
    state: z
      .enum(["running", "at_risk", "paused", "met", "breached", "none"])
      .describe("The most pressing clock state."),
    timeZone: z.string().describe("The customer's time zone (its account setting)."),
    firstResponse: slaClockOut,
    resolution: slaClockOut,
  })
  .meta({ id: "CaseSla" });

export const queueOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      subject: z.string(),
      state: z.string(),
      priority: z.string(),
      accountId: z.string().nullable(),
      accountName: z
        .string()
        .nullable()
        .describe("The customer's name; null while the case is in triage."),
      ownerUserId: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      sla: z.object({
        state: z.string(),
        dueAt: z.string().nullable(),
        paused: z.boolean(),
        remainingMs: z.number().nullable(),
      }),
    }),
  ),
  total: z.number().int(),
  nextAfter: z.number().int().nullable(),
});
