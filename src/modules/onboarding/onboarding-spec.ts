import { z } from "zod";
import { isCurrencyCode, isLanguageTag, isTimeZone } from "../../lib/locale.js";
import { addressSchema, contactInput } from "../accounts/accounts.schemas.js";
import { RATS } from "../catalog/catalog.schemas.js";
import { PRIORITIES } from "../desk/sla/targets.js";

/**
 * The onboarding spec: a signed contract as data (docs/onboarding.md, JSON Schema in
 * docs/onboarding.schema.json). The schema checks shape only; everything that needs the rest of
 * the spec or the database (plan references, stock, pools, weak crypto, dates) is a finding of
 * the feasibility check (feasibility.ts), so that one run lists every problem with its path.
 */

/**
 * The spec's own rules, in the English the API's finding `message` has always carried; spec-parse.ts
 * names each in the reader's language by its key (SPEC_INVALID_VALUE.<key> for a refinement,
 * SPEC_INVALID_FORMAT.<key> for a pattern).
 */
export const SPEC_RULES = {
  cidr: "must be an IPv4 CIDR such as 10.20.0.0/16",
  ipv4: "must be an IPv4 address such as 203.0.113.10",
  currency: "must be an ISO 4217 currency code such as EUR",
  language: "must be a language tag such as en, it or sv-SE",
  timeZone: "must be an IANA time zone such as Africa/Nairobi",
  key: "must be a short key such as kenya or north-1",
  reference: "must be a contract reference such as CTR-2026-0042",
} as const;
/** A sub-account's currency has always been worded without the example. */
const CURRENCY_OF_SUB_ACCOUNT = "must be an ISO 4217 currency code";
export const SPEC_RULE_OF_MESSAGE: ReadonlyMap<string, keyof typeof SPEC_RULES> = new Map([
  ...Object.entries(SPEC_RULES).map(([k, v]) => [v, k as keyof typeof SPEC_RULES] as const),
  [CURRENCY_OF_SUB_ACCOUNT, "currency"],
]);

const name = z.string().min(1).max(100);
const isoDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
const cidr = z.string().regex(/^[0-9]{1,3}(\.[0-9]{1,3}){3}\/[0-9]{1,2}$/, SPEC_RULES.cidr);
const ipv4 = z.string().regex(/^[0-9]{1,3}(\.[0-9]{1,3}){3}$/, SPEC_RULES.ipv4);
/** Prices are plain numbers here: a negative one is a finding with its path, not a parse error. */
const price = z.number().max(1_000_000);

const planAllowance = z
  .object({
    communication: z.array(name).max(50).default([]),
    rate: z.array(name).max(50).default([]),
  })
  .strict()
  .describe("Plans (by name) this account may use; they are offered to it.");

export const SIM_INITIAL_STATES = [
  "TEST_READY",
  "INVENTORY",
  "ACTIVATION_READY",
  "ACTIVATED",
] as const;

const customer = z
  .object({
    name: z.string().min(1).max(200).describe("The customer account's name in Otter."),
    legalName: z.string().min(1).max(300),
    vatNumber: z.string().min(4).max(30),
    billingAddress: addressSchema,
    currency: z.string().refine(isCurrencyCode, SPEC_RULES.currency),
    language: z.string().refine(isLanguageTag, SPEC_RULES.language),
    timeZone: z.string().refine(isTimeZone, SPEC_RULES.timeZone),
    testReadyThen: z.enum(["ACTIVATION_READY", "ACTIVATED"]).optional(),
    contacts: z
      .array(contactInput)
      .min(1)
      .max(50)
      .describe("People at the customer, each with a role (technical, billing, commercial…)."),
    plans: planAllowance.optional(),
  })
  .strict();

const subAccount = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, SPEC_RULES.key)
      .describe("How the rest of the spec names this account."),
    name: z.string().min(1).max(200),
    parent: z
      .string()
      .optional()
      .describe("The key of the parent sub-account; the customer's account when omitted."),
    currency: z
      .string()
      .refine(isCurrencyCode, CURRENCY_OF_SUB_ACCOUNT)
      .optional()
      .describe("The customer's currency when omitted."),
    plans: planAllowance.optional(),
  })
  .strict();

const communicationPlan = z
  .object({
    name,
    reuse: z
      .boolean()
      .default(false)
      .describe("true: a plan of this name must already exist; nothing else may be given."),
    description: z.string().max(500).optional(),
    apns: z.array(z.string().min(1).max(100)).max(20).optional().describe("APN names."),
    rats: z.array(z.enum(RATS)).min(1).optional(),
    zones: z.array(name).min(1).max(100).optional().describe("Zone names the plan allows."),
    dataEnabled: z.boolean().default(true),
    smsEnabled: z.boolean().default(true),
  })
  .strict();

const ratePlan = z
  .object({
    name,
    reuse: z.boolean().default(false),
    description: z.string().max(500).optional(),
    currency: z.string().optional(),
    monthlyFeePerSim: price.optional(),
    activationFee: price.default(0),
    includedDataMB: z.number().int().min(0).default(0),
    includedSms: z.number().int().min(0).default(0),
    pool: z.enum(["none", "flex", "fixed"]).default("none"),
    fixedPoolMB: z.number().int().min(0).optional(),
    zones: z
      .array(
        z
          .object({
            zone: name,
            dataPerMB: price,
            smsMO: price.default(0),
            smsMT: price.default(0),
          })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict();

const ipsec = z
  .object({
    ikeVersion: z.number().int().describe("2; IKEv1 is refused."),
    ikeProposals: z
      .array(z.string().min(3).max(100))
      .min(1)
      .max(10)
      .describe(
        "strongSwan proposals such as aes256-sha256-modp2048 or aes256gcm16-prfsha384-ecp384.",
      ),
    espProposals: z.array(z.string().min(3).max(100)).min(1).max(10),
    auth: z.enum(["psk", "cert"]),
    psk: z.string().max(256).optional().describe("With auth psk: at least 32 characters."),
    localGateway: ipv4.describe("The operator's tunnel end."),
    remoteGateway: ipv4.describe("The customer's tunnel end."),
    customerSubnets: z.array(cidr).min(1).max(50),
    ikeLifetimeSeconds: z.number().int().min(300).max(604800).default(86400),
    espLifetimeSeconds: z.number().int().min(300).max(86400).default(3600),
    dpd: z
      .object({
        delaySeconds: z.number().int().min(5).max(3600).default(30),
        action: z.enum(["restart", "clear", "trap"]).default("restart"),
      })
      .strict()
      .default({ delaySeconds: 30, action: "restart" }),
  })
  .strict();

const apnService = z
  .object({
    name: z.string().min(1).max(100),
    ipPool: cidr,
    fixedIps: z
      .array(z.object({ iccid: z.string(), ip: ipv4 }).strict())
      .max(100_000)
      .default([]),
    ipsec: ipsec.optional(),
  })
  .strict();

const iccidRange = z
  .object({
    from: z.string().describe("First ICCID of the range, check digit included."),
    to: z.string().describe("Last ICCID of the range, same length."),
  })
  .strict();

const simGroup = z
  .object({
    account: z
      .string()
      .optional()
      .describe("Key of the sub-account the SIMs go to; the customer's account when omitted."),
    ranges: z.array(iccidRange).max(1000).default([]),
    iccids: z.array(z.string()).max(1_000_000).default([]),
    quantity: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("How many SIMs the contract promises for this group; checked against the ICCIDs."),
    state: z.enum(SIM_INITIAL_STATES).default("TEST_READY"),
    communicationPlan: name,
    ratePlan: name,
  })
  .strict();

const durations = z
  .object(
    Object.fromEntries(
      PRIORITIES.map((p) => [p, z.string().max(20).nullable().optional()]),
    ) as Record<(typeof PRIORITIES)[number], z.ZodOptional<z.ZodNullable<z.ZodString>>>,
  )
  .strict();

export const onboardingSpec = z
  .object({
    version: z.literal(1),
    reference: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, SPEC_RULES.reference)
      .describe("The contract's reference: one onboarding per reference."),
    customer,
    accounts: z.array(subAccount).max(1000).default([]),
    plans: z
      .object({
        communication: z.array(communicationPlan).max(200).default([]),
        rate: z.array(ratePlan).max(200).default([]),
      })
      .strict()
      .default({ communication: [], rate: [] }),
    services: z
      .object({ apns: z.array(apnService).max(20).default([]) })
      .strict()
      .default({ apns: [] }),
    sims: z.array(simGroup).max(1000).default([]),
    desk: z
      .object({
        agreement: z
          .object({ firstResponse: durations, resolution: durations })
          .strict()
          .describe('SLA targets per priority as ISO 8601 durations ("PT4H").'),
      })
      .strict()
      .optional(),
    dates: z
      .object({
        contractSigned: isoDate,
        requestedGoLive: isoDate,
        tunnelWindow: z.object({ from: isoDate, to: isoDate }).strict().optional(),
      })
      .strict(),
    people: z
      .object({
        onboardingOwner: z.email().describe("E-mail of the operator user who owns the onboarding."),
        technicalContact: z
          .email()
          .describe("E-mail of the customer's technical contact, one of customer.contacts."),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "OnboardingSpec", title: "Otter onboarding spec" });

export type OnboardingSpec = z.output<typeof onboardingSpec>;
export type OnboardingSpecInput = z.input<typeof onboardingSpec>;
export type SimGroup = OnboardingSpec["sims"][number];
export type IpsecSpec = z.output<typeof ipsec>;

/** The JSON Schema published as docs/onboarding.schema.json (what a spec file may contain). */
export function onboardingJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(onboardingSpec, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}

/** docs/onboarding.schema.json as written by `npm run onboarding:schema`. */
export const onboardingSchemaText = () => `${JSON.stringify(onboardingJsonSchema(), null, 2)}\n`;
