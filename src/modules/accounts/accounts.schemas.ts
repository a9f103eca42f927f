import { z } from "zod";
import { isCountryCode, isCurrencyCode, isLanguageTag, isTimeZone } from "../../lib/locale.js";
import { ROLES } from "../auth/principal.js";

export const uuid = z.string().uuid();

export const addressSchema = z
  .object({
    addressLine1: z.string().min(1).max(200),
    addressLine2: z.string().max(200).optional(),
    city: z.string().min(1).max(100),
    state: z.string().max(100).optional(),
    postalCode: z.string().max(20).optional(),
    country: z.string().refine(isCountryCode, "must be an ISO 3166 alpha-2 country code"),
  })
  .strict();

const language = z.string().refine(isLanguageTag, "must be a language tag such as en, it or sv-SE");

export const contactInput = z
  .object({
    name: z.string().min(1).max(200),
    email: z.string().email().optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{5,20}$/, "must be a phone number")
      .optional(),
    language: language.optional(),
    role: z.string().max(100).optional(),
  })
  .strict();

export const accountInput = z
  .object({
    name: z.string().min(1).max(200),
    parentId: uuid.optional(),
    legalName: z.string().min(1).max(300).optional(),
    vatNumber: z
      .string()
      .regex(/^[A-Z0-9]{4,20}$/, "must be letters and digits, e.g. IT12345678901")
      .optional(),
    currency: z.string().refine(isCurrencyCode, "must be an ISO 4217 currency code").optional(),
    language: language.optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone such as Europe/Rome")
      .optional(),
    billingAddress: addressSchema.optional(),
    testReadyThen: z.enum(["ACTIVATION_READY", "ACTIVATED"]).optional(),
    contacts: z.array(contactInput).max(50).optional(),
  })
  .strict();

export const accountPatch = accountInput
  .omit({ parentId: true, contacts: true })
  .partial()
  .strict();

export const contactOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  role: z.string().nullable(),
});

export const accountOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(["operator", "customer"]),
  name: z.string(),
  legalName: z.string().nullable(),
  vatNumber: z.string().nullable(),
  currency: z.string(),
  language: z.string(),
  timeZone: z.string(),
  billingAddress: z.record(z.string(), z.unknown()).nullable(),
  testReadyThen: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const userInput = z
  .object({
    accountId: uuid,
    email: z.string().email(),
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
  })
  .strict();

export const userOut = z.object({
  id: z.string(),
  accountId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  disabled: z.boolean(),
});

/** The languages Otter's console speaks. */
export const USER_LANGUAGES = ["en", "it", "sv"] as const;

export const userPreferencesPatch = z
  .object({
    language: z.enum(USER_LANGUAGES).nullable().optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone such as Europe/Stockholm")
      .nullable()
      .optional(),
  })
  .strict();

export const meOut = userOut.extend({
  accountPath: z.array(z.string()),
  language: z.string(),
  timeZone: z.string(),
  own: z.object({ language: z.string().nullable(), timeZone: z.string().nullable() }),
  authenticatedBy: z.enum(["session", "api_key"]),
});

export const apiKeyInput = z.object({ name: z.string().max(100).optional() }).strict();
export const apiKeyOut = z.object({
  id: z.string(),
  prefix: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const apiKeyCreatedOut = z.object({ id: z.string(), key: z.string(), prefix: z.string() });

export type AccountInput = z.infer<typeof accountInput>;
export type AccountPatch = z.infer<typeof accountPatch>;
export type ContactInput = z.infer<typeof contactInput>;
export type UserInput = z.infer<typeof userInput>;
export type UserPreferencesPatch = z.infer<typeof userPreferencesPatch>;
