import { z } from "zod";

/**
 * Every domain event Otter emits, one zod schema for its `data`. The code that emits an event and
 * the code that reads it (automation, webhooks) share this table: `events.emit` checks the data
 * against it inside the emitting transaction, and `events.consume` hands consumers data typed by it.
 * An event type that is not here cannot be emitted (the type-check refuses it).
 *
 * Data never names the previous holder of a SIM: an event goes to the account that holds the SIM
 * (and the accounts above it), and must not tell it who held the SIM before.
 */
const iso = z.string();
const nullableString = z.string().nullable();
const namedRef = z.object({ id: z.string(), name: z.string() });

export const EVENT_SCHEMAS = {
  "account.created": z.object({ name: z.string(), parentId: z.string() }),
  /** Within one customer: `accounts` moved (the account and its sub-accounts), holding `sims` SIMs. */
  "account.moved": z.object({
    fromParentId: z.string(),
    toParentId: z.string(),
    accounts: z.number(),
    sims: z.number(),
  }),

  "sim.created": z.object({ iccid: z.string(), state: z.string() }),
  "sim.updated": z.object({ iccid: z.string(), fields: z.array(z.string()) }),
  "sim.state_changed": z.object({
    iccid: z.string(),
    from: z.string(),
    to: z.string(),
    reason: nullableString,
    /** Set when an automation rule made the change; such a change never fires a rule. */
    byRule: z.string().optional(),
  }),
  "sim.plan_changed": z.object({
    iccid: z.string(),
    communicationPlanId: nullableString,
    ratePlanId: nullableString,
    byRule: z.string().optional(),
  }),
  /** `fromAccountId` is null when the SIM came from another customer: the new holder does not learn who held it. */
  "sim.transferred": z.object({
    iccid: z.string(),
    fromAccountId: nullableString,
    toAccountId: z.string(),
  }),
  "sim.imei_changed": z.object({
    iccid: z.string(),
    from: nullableString,
    to: nullableString,
    at: iso,
  }),
  "sim.registration_rejected": z.object({
    iccid: z.string(),
    cause: z.number().nullable(),
    causeType: nullableString,
    visitedPlmn: nullableString,
    at: iso,
  }),
  "sim.zone_entered": z.object({
    iccid: z.string(),
    zone: namedRef.nullable(),
    country: nullableString,
    countryName: nullableString,
    plmn: z.string(),
    network: nullableString,
    inPlan: z.boolean(),
    communicationPlan: namedRef.nullable(),
    previousZone: namedRef.nullable(),
    previousCountry: nullableString,
    at: iso,
  }),
  "sim.usage_threshold": z.object({
    iccid: z.string(),
    thresholdPercent: z.number(),
    thresholdBytes: z.number(),
    usedBytes: z.number(),
    includedBytes: z.number(),
    dataLimitBytes: z.number().nullable(),
    basis: z.enum(["included", "dataLimit"]).nullable(),
    /** The customer's billing cycle the usage counts in: its first and last local day, its time zone. */
    cycleStart: z.string(),
    cycleEnd: z.string().optional(),
    timeZone: z.string().optional(),
    at: iso,
  }),
  /** A customer's pool of a rate plan reached a share of its size this cycle (used, or projected to the cycle's end). */
  "pool.usage_threshold": z.object({
    accountId: z.string(),
    ratePlan: namedRef,
    poolType: z.enum(["flex", "fixed"]),
    measure: z.enum(["used", "projected"]),
    thresholdPercent: z.number(),
    thresholdBytes: z.number(),
    poolBytes: z.number(),
    usedBytes: z.number(),
    projectedBytes: z.number(),
    cycleStart: z.string(),
    cycleEnd: z.string(),
    cycleDays: z.number(),
    elapsedDays: z.number(),
    timeZone: z.string(),
    at: iso,
  }),
  "sim.data_limit_reached": z.object({
    iccid: z.string(),
    limitBytes: z.number(),
    usedBytes: z.number(),
    at: iso,
  }),
  "sim.silent": z.object({
    iccid: z.string(),
    lastActivityAt: iso,
    silentForSeconds: z.number(),
    usualGapSeconds: z.number().nullable(),
    rhythmBasis: z.string(),
    limitSeconds: z.number(),
    at: iso,
  }),
  "sim.back_online": z.object({
    iccid: z.string(),
    at: iso,
    silentSince: iso,
    lastActivityAt: nullableString,
    silentForSeconds: z.number().nullable(),
  }),
  /** `ipAddress`: the gateway's Framed-IP-Address, when it sent one (absent in events before 0031). */
  "session.started": z.object({
    iccid: z.string(),
    apn: nullableString,
    ipAddress: nullableString.optional(),
    at: iso,
  }),
  "session.stopped": z.object({
    iccid: z.string(),
    cause: z.union([z.string(), z.number()]).nullable(),
    apn: nullableString.optional(),
    ipAddress: nullableString.optional(),
    startedAt: nullableString.optional(),
    at: iso,
  }),
  "sims.imported": z.object({ jobId: z.string(), counts: z.record(z.string(), z.number()) }),

  "action.completed": z.object({
    actionId: z.string(),
    iccid: z.string(),
    type: z.string(),
    status: z.string(),
    requestedBy: z.string(),
    requestedAt: iso,
    completedAt: iso,
    outcome: z.record(z.string(), z.unknown()),
  }),
  "automation.rule_fired": z.object({
    ruleId: z.string(),
    ruleName: z.string(),
    firingId: z.string(),
    trigger: z.unknown(),
    iccid: nullableString,
    summary: z.string(),
    event: z.object({
      id: nullableString,
      type: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
    firedAt: iso,
  }),

  "case.created": z.object({
    caseId: z.string(),
    number: z.number(),
    accountId: nullableString,
    subject: z.string(),
    category: nullableString,
    priority: z.string(),
    channel: z.string(),
    reopenedFromCaseId: nullableString,
  }),
  "case.replied": z.object({
    caseId: z.string(),
    number: z.number(),
    by: z.enum(["customer", "agent"]),
    from: nullableString.optional(),
    to: z.array(z.string()).optional(),
  }),
  "case.state_changed": z.object({
    caseId: z.string(),
    number: z.number(),
    from: z.string(),
    to: z.string(),
    reason: nullableString,
  }),
  "case.sla_at_risk": z.object({
    caseId: z.string(),
    number: z.number(),
    target: z.string(),
    priority: z.string(),
    episode: z.number(),
    dueAt: iso,
    remainingMs: z.number().nullable(),
    ownerUserId: nullableString,
  }),
  "case.sla_breached": z.object({
    caseId: z.string(),
    number: z.number(),
    target: z.string(),
    priority: z.string(),
    episode: z.number(),
    dueAt: iso,
    remainingMs: z.number().nullable(),
    ownerUserId: nullableString,
  }),
  /** Onboardings (docs/onboarding.md) concern the operator: they are emitted on its root account. */
  "onboarding.created": z.object({
    onboardingId: z.string(),
    reference: z.string(),
    customerName: z.string(),
  }),
  "onboarding.state_changed": z.object({
    onboardingId: z.string(),
    reference: z.string(),
    from: z.string(),
    to: z.string(),
    customerAccountId: nullableString,
  }),
  "onboarding.task_done": z.object({
    onboardingId: z.string(),
    reference: z.string(),
    taskId: z.string(),
    kind: z.string(),
    openTasks: z.number(),
    caseId: nullableString,
  }),
  "onboarding.sims_assigned": z.object({
    onboardingId: z.string(),
    reference: z.string(),
    group: z.number(),
    accountId: z.string(),
    count: z.number(),
    jobId: z.string(),
  }),
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as [EventType, ...EventType[]];
export type EventData<T extends EventType> = z.output<(typeof EVENT_SCHEMAS)[T]>;

/** An event as a module emits it: the account it concerns, its type, its subject, and data of the type's schema. */
export type DomainEvent = {
  [T in EventType]: {
    accountId: string;
    type: T;
    subjectId: string;
    data: z.input<(typeof EVENT_SCHEMAS)[T]>;
  };
}[EventType];

export const isEventType = (t: string): t is EventType => Object.hasOwn(EVENT_SCHEMAS, t);
