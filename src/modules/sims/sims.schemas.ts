import { z } from "zod";
import { identifier } from "../../http/identifiers.js";
import { parseEid, parseIccid, parseImei, parseImsi, parseMsisdn } from "../../lib/identifiers.js";
import { SIM_STATES } from "./sim-lifecycle.js";

/**
 * Custom fields as in Control Center: account custom 1–10 and customer custom 1–5 (the customer's
 * own words, cleared when the SIM passes to another customer), operator custom 1–5.
 */
export const ACCOUNT_CUSTOM_FIELDS = [
  ...Array.from({ length: 10 }, (_, i) => `accountCustom${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `customerCustom${i + 1}`),
];
export const OPERATOR_CUSTOM_FIELDS = Array.from({ length: 5 }, (_, i) => `operatorCustom${i + 1}`);
export const CUSTOM_FIELDS = [...ACCOUNT_CUSTOM_FIELDS, ...OPERATOR_CUSTOM_FIELDS];
export const OVERAGE_OVERRIDES = ["DEFAULT", "TEMPORARY_OVERRIDE", "PERMANENT_OVERRIDE"] as const;

export const iccidSchema = identifier(parseIccid);
export const customFieldsSchema = z.partialRecord(
  z.enum(CUSTOM_FIELDS as [string, ...string[]]),
  z.string().max(255).nullable(),
);

export const simCreate = z
  .object({
    iccid: iccidSchema,
    imsi: identifier(parseImsi),
    msisdn: identifier(parseMsisdn),
    eid: identifier(parseEid).optional(),
    imei: identifier(parseImei).optional(),
    accountId: z
      .string()
      .uuid()
      .optional()
      .describe("Defaults to the operator's stock (root account)."),
    state: z.enum(SIM_STATES).default("INVENTORY"),
    communicationPlan: z.string().min(1).optional(),
    ratePlan: z.string().min(1).optional(),
    customFields: customFieldsSchema.optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict();

export const simPatch = z
  .object({
    state: z.enum(SIM_STATES).optional(),
    communicationPlan: z.string().min(1).optional().describe("Id or name."),
    ratePlan: z.string().min(1).optional().describe("Id or name."),
    accountId: z.string().uuid().optional().describe("Transfer the SIM to this account."),
    customFields: customFieldsSchema.optional(),
    overageLimitOverride: z.enum(OVERAGE_OVERRIDES).optional(),
    imei: identifier(parseImei).nullable().optional(),
    notes: z.string().max(2000).nullable().optional(),
    effectiveDate: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe(
        "When the change takes effect; a future date schedules it (at most 180 days ahead).",
      ),
    reason: z.string().max(500).optional(),
  })
  .strict();

export const planRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const pendingChangeOut = z.object({
  id: z.string(),
  effectiveDate: z.string(),
  changes: z.record(z.string(), z.unknown()),
  status: z.string(),
  reason: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  error: z.unknown().nullable(),
});

export const simOut = z
  .object({
    id: z.string(),
    iccid: z.string(),
    imsi: z.string(),
    msisdn: z.string().nullable(),
    eid: z.string().nullable(),
    imei: z.string().nullable(),
    accountId: z.string(),
    state: z.enum(SIM_STATES),
    communicationPlan: planRef,
    ratePlan: planRef,
    overageLimitOverride: z.enum(OVERAGE_OVERRIDES),
    customFields: z.record(z.string(), z.string()),
    notes: z.string().nullable(),
    dateActivated: z.string().nullable(),
    createdByJobId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Sim" });

export const simDetailOut = simOut.extend({
  usageLimit: z.object({
    dataLimitBytes: z
      .number()
      .nullable()
      .describe("Per-cycle data limit from the rate plan version in force."),
    override: z.enum(OVERAGE_OVERRIDES),
    enforced: z.boolean().describe("False when an override lifts the limit."),
  }),
  allowedTransitions: z
    .array(z.enum(SIM_STATES))
    .describe(
      "The states the caller may move this SIM to now (PATCH state): the lifecycle's transitions from its state, less those only the operator may make when the caller is a customer; empty for a caller who may not change SIMs.",
    ),
  pendingChanges: z.array(pendingChangeOut),
  warnings: z.array(
    z.object({
      code: z.string(),
      message: z.string().describe("In English, as it always was."),
      params: z.record(z.string(), z.unknown()),
      text: z.string().describe("The warning in the caller's language (docs/languages.md)."),
    }),
  ),
});

/** What lists and counts of SIMs are filtered by (GET /api/v1/sims, GET /api/v1/sims/count). */
export const simFilterQuery = z
  .object({
    accountId: z
      .string()
      .uuid()
      .optional()
      .describe("SIMs in this account's subtree (default: all visible)."),
    state: z.enum(SIM_STATES).optional(),
    communicationPlan: z.string().optional().describe("Id or name."),
    ratePlan: z.string().optional().describe("Id or name."),
    identifier: z
      .string()
      .max(40)
      .optional()
      .describe(
        "The SIM as a caller names it: ICCID, IMSI, MSISDN (with or without +) or IMEI — the one recorded on the SIM or the device the network last saw it in.",
      ),
    iccid: z.string().optional(),
    imsi: z.string().optional(),
    msisdn: z.string().optional(),
    customField: z.enum(CUSTOM_FIELDS as [string, ...string[]]).optional(),
    customValue: z.string().optional(),
    modifiedSince: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

export const simListQuery = simFilterQuery
  .extend({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const auditOut = z.object({
  id: z.string(),
  field: z.string(),
  priorValue: z.string().nullable(),
  value: z.string().nullable(),
  changes: z
    .record(z.string(), z.object({ from: z.string().nullable(), to: z.string().nullable() }))
    .nullable()
    .describe(
      "A change of several fields in one record (an onboarding's assignment): each field's prior and new value; `field` names them, comma-separated, and priorValue/value are null.",
    ),
  reason: z.string().nullable(),
  effectiveDate: z.string(),
  changedAt: z.string(),
  actor: z.object({ userId: z.string().nullable(), name: z.string() }),
  jobId: z.string().nullable(),
});

export type SimCreate = z.infer<typeof simCreate>;
export type SimPatch = z.infer<typeof simPatch>;
export type SimFilterQuery = z.infer<typeof simFilterQuery>;
export type SimListQuery = z.infer<typeof simListQuery>;
export type SimOut = z.infer<typeof simOut>;
