import { z } from "zod";
import { isCountryCode, isCurrencyCode } from "../../lib/locale.js";
import { isValidApn, PLMN_RE } from "../../lib/identifiers.js";

export const RATS = ["2G", "3G", "LTE", "LTE-M", "NB-IoT", "5G"] as const;
export const SIM_STATES_AFTER_TEST = ["ACTIVATION_READY", "ACTIVATED"] as const;

/** A plan or zone is referred to by its id or by its unique name. */
export const ref = z.string().min(1).max(200);

export const zoneInput = z
  .object({
    name: z.string().min(1).max(100),
    countries: z
      .array(
        z.string().refine(isCountryCode, "must be an ISO 3166 alpha-2 country code such as KE"),
      )
      .min(1)
      .max(300),
    plmns: z
      .array(z.string().regex(PLMN_RE, "must be MCC+MNC digits such as 23415"))
      .max(2000)
      .optional(),
    description: z.string().max(500).optional().describe("What the zone is for, in words."),
  })
  .strict();
export const zonePatch = zoneInput
  .extend({ description: z.string().max(500).nullable().describe("null clears it.") })
  .partial()
  .strict();

export const zoneOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  countries: z.array(z.string()),
  plmns: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const apnInput = z
  .object({
    name: z.string().refine(isValidApn, "must be an APN such as iot.example or m2m.customer.com"),
    type: z.enum(["public", "private"]).default("public"),
    ipAddressing: z.enum(["dynamic", "static"]).default("dynamic"),
    ipPool: z
      .string()
      .regex(/^[0-9.]+\/[0-9]{1,2}$/, "must be an IPv4 CIDR such as 10.20.0.0/16")
      .optional(),
  })
  .strict();

export const communicationPlanInput = z
  .object({
    name: z.string().min(1).max(100),
    description: z.string().max(500).optional(),
    apns: z.array(apnInput).min(1).max(20),
    dataEnabled: z.boolean().default(true),
    smsEnabled: z.boolean().default(true),
    voiceEnabled: z.boolean().default(false),
    rats: z.array(z.enum(RATS)).min(1),
    zones: z.array(ref).min(1).max(100),
  })
  .strict();
export const communicationPlanPatch = communicationPlanInput.partial().strict();

const money = z.number().min(0).max(1_000_000).multipleOf(0.0001);
const bytes = z.number().int().min(0);

export const zonePriceInput = z
  .object({
    zone: ref,
    dataPerMB: money,
    smsMO: money.default(0),
    smsMT: money.default(0),
    voicePerMinute: money.default(0),
  })
  .strict();

export const rateTermsInput = z
  .object({
    effectiveFrom: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe("ISO 8601; defaults to now."),
    subscription: z
      .object({
        monthlyFeePerSim: money,
        activationFee: money.default(0),
        proration: z.enum(["daily", "none"]).default("daily"),
      })
      .strict(),
    included: z
      .object({
        dataBytes: bytes.default(0),
        sms: z.number().int().min(0).default(0),
        voiceSeconds: z.number().int().min(0).default(0),
      })
      .strict()
      .default({ dataBytes: 0, sms: 0, voiceSeconds: 0 }),
    pool: z
      .object({ type: z.enum(["none", "flex", "fixed"]), fixedPoolBytes: bytes.optional() })
      .strict()
      .default({ type: "none" })
      .refine((p) => p.type !== "fixed" || p.fixedPoolBytes !== undefined, {
        message: "a fixed pool needs fixedPoolBytes",
        path: ["fixedPoolBytes"],
      }),
    zones: z.array(zonePriceInput).min(1).max(100),
    testReady: z
      .object({
        dataBytes: bytes.default(30 * 1024),
        sms: z.number().int().min(0).default(5),
        voiceSeconds: z.number().int().min(0).default(120),
        maxDays: z.number().int().min(1).max(365).default(90),
      })
      .strict()
      .default({ dataBytes: 30 * 1024, sms: 5, voiceSeconds: 120, maxDays: 90 }),
    dataLimitBytes: bytes
      .nullable()
      .default(null)
      .describe("Per-SIM data limit per cycle; null for none."),
    rounding: z.enum(["perKB", "perMB"]).default("perKB"),
    planChange: z.enum(["nextCycle", "immediate"]).default("nextCycle"),
  })
  .strict();

export const ratePlanInput = rateTermsInput
  .extend({
    name: z.string().min(1).max(100),
    currency: z.string().refine(isCurrencyCode, "must be an ISO 4217 currency code"),
    description: z.string().max(500).optional(),
  })
  .strict();

export const zoneRefOut = z.object({ id: z.string(), name: z.string() });
export const planRefOut = z.object({ id: z.string(), name: z.string() });

export const communicationPlanOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  apns: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      ipAddressing: z.string(),
      ipPool: z.string().optional(),
    }),
  ),
  dataEnabled: z.boolean(),
  smsEnabled: z.boolean(),
  voiceEnabled: z.boolean(),
  rats: z.array(z.string()),
  zones: z.array(zoneRefOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const rateVersionOut = z
  .object({
    version: z.number(),
    effectiveFrom: z.string(),
    subscription: z.object({
      monthlyFeePerSim: z.number(),
      activationFee: z.number(),
      proration: z.string(),
    }),
    included: z.object({ dataBytes: z.number(), sms: z.number(), voiceSeconds: z.number() }),
    pool: z.object({ type: z.string(), fixedPoolBytes: z.number().optional() }),
    zones: z.array(
      z.object({
        zone: zoneRefOut,
        dataPerMB: z.number(),
        smsMO: z.number(),
        smsMT: z.number(),
        voicePerMinute: z.number(),
      }),
    ),
    testReady: z.object({
      dataBytes: z.number(),
      sms: z.number(),
      voiceSeconds: z.number(),
      maxDays: z.number(),
    }),
    dataLimitBytes: z.number().nullable(),
    rounding: z.string(),
    planChange: z.string(),
  })
  .meta({ id: "RatePlanVersion" });

export const ratePlanOut = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  description: z.string().nullable(),
  currentVersion: rateVersionOut.nullable(),
  versions: z.array(rateVersionOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const warningOut = z.object({
  code: z.string(),
  message: z.string(),
  params: z
    .record(z.string(), z.unknown())
    .describe("The parameters of the message, by the names its catalog uses (docs/languages.md)."),
  zone: zoneRefOut.optional(),
});

/** A warning of the bill-shock check, with the pair of plans it is about. */
export const checkWarningOut = warningOut.extend({
  text: z.string().describe("The message in the caller's language."),
  communicationPlan: planRefOut,
  ratePlan: planRefOut,
});

export const checkQuery = z.object({
  communicationPlan: ref
    .optional()
    .describe("Check this communication plan; without it, every one you can see."),
  ratePlan: ref
    .optional()
    .describe("Check against this rate plan; without it, every one you can see."),
});

export const checkOut = z.object({
  communicationPlan: planRefOut.nullable().describe("The plan asked about, if one was named."),
  ratePlan: planRefOut.nullable().describe("The plan asked about, if one was named."),
  pairs: z
    .array(z.object({ communicationPlan: planRefOut, ratePlan: planRefOut, warnings: z.number() }))
    .describe("Every pair of plans checked, with how many warnings it has."),
  warnings: z.array(checkWarningOut),
});

export type ZoneInput = z.infer<typeof zoneInput>;
export type ZonePatch = z.infer<typeof zonePatch>;
export type CommunicationPlanInput = z.infer<typeof communicationPlanInput>;
export type CommunicationPlanPatch = z.infer<typeof communicationPlanPatch>;
export type RateTermsInput = z.infer<typeof rateTermsInput>;
export type RatePlanInput = z.infer<typeof ratePlanInput>;
export type RateVersionOut = z.infer<typeof rateVersionOut>;
export type Warning = z.infer<typeof warningOut>;
