import { z } from "zod";
import { isCountryCode, isCurrencyCode, isLanguageTag, isTimeZone } from "../../lib/locale.js";
import { ROLES } from "../auth/principal.js";

export const uuid = z.string().uuid();

/**
 * A string check whose failure carries a stable code in the 400's `details[].code` (besides the
 * field it names), so a client can tell a bad VAT number from a bad country without reading prose.
 */
const checked = (ok: (v: string) => boolean, code: string, message: string) =>
  z.string().refine(ok, { message, params: { code } });

const country = checked(
  isCountryCode,
  "COUNTRY_INVALID",
  "must be an ISO 3166 alpha-2 country code such as KE",
);

export const addressSchema = z
  .object({
    addressLine1: z.string().min(1).max(200),
    addressLine2: z.string().max(200).optional(),
    city: z.string().min(1).max(100),
    state: z.string().max(100).optional(),
    postalCode: z.string().max(20).optional(),
    country,
  })
  .strict();

const language = checked(
  isLanguageTag,
  "LANGUAGE_INVALID",
  "must be a language tag such as en, it or sv-SE",
);

export const contactInput = z
  .object({
    name: z.string().min(1).max(200),
    email: checked(
      (v) => z.email().safeParse(v).success,
      "EMAIL_INVALID",
      "must be an e-mail address such as ops@customer.example",
    )
      .meta({ format: "email" })
      .optional(),
    phone: checked(
      (v) => /^\+?[0-9][0-9 ()-]{5,20}$/.test(v),
      "PHONE_INVALID",
      "must be a phone number such as +254 700 000 000",
    ).optional(),
    language: language.optional(),
    role: z.string().max(100).optional(),
  })
  .strict();

/** VAT numbers are written with spaces, dots and dashes ("IT 123.456"); Otter keeps them without. */
const vatNumber = z
  .string()
  .transform((v) => v.replace(/[\s.-]/g, "").toUpperCase())
  .pipe(
    checked(
      (v) => /^[A-Z0-9]{4,20}$/.test(v),
      "VAT_NUMBER_INVALID",
      "must be 4 to 20 letters and digits, e.g. IT12345678901",
    ),
  );

export const accountInput = z
  .object({
    name: z.string().min(1).max(200),
    parentId: uuid.optional(),
    legalName: z.string().min(1).max(300).optional(),
    vatNumber: vatNumber.optional(),
    currency: checked(
      isCurrencyCode,
      "CURRENCY_INVALID",
      "must be an ISO 4217 currency code such as EUR",
    ).optional(),
    language: language.optional(),
    timeZone: checked(
      isTimeZone,
      "TIME_ZONE_INVALID",
      "must be an IANA time zone such as Europe/Rome",
    ).optional(),
    billingAddress: addressSchema.optional(),
    testReadyThen: z.enum(["ACTIVATION_READY", "ACTIVATED"]).optional(),
    contacts: z.array(contactInput).max(50).optional(),
  })
  .strict();

export const accountPatch = accountInput
  .omit({ parentId: true, contacts: true })
  .extend({
    legalName: z.string().min(1).max(300).nullable().describe("null clears it."),
    vatNumber: vatNumber.nullable().describe("null clears it."),
    billingAddress: addressSchema.nullable().describe("The whole address; null clears it."),
    addContacts: z.array(contactInput).max(50).describe("Contacts to add to the account."),
    removeContacts: z.array(uuid).max(50).describe("Ids of the account's contacts to remove."),
  })
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

export const accountMoveInput = z
  .object({
    parentId: uuid.describe(
      "The account to move it under: of the same customer, neither the account itself nor one below it.",
    ),
  })
  .strict();
export const accountMoveOut = z.object({
  account: accountOut,
  fromParentId: z.string(),
  /** False when the account already was under `parentId`: nothing changed. */
  moved: z.boolean(),
  /** The accounts moved (the account and every sub-account below it) and the SIMs they hold. */
  accounts: z.number().int(),
  sims: z.number().int(),
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
export type AccountMoveInput = z.infer<typeof accountMoveInput>;
export type ContactInput = z.infer<typeof contactInput>;
export type UserInput = z.infer<typeof userInput>;
export type UserPreferencesPatch = z.infer<typeof userPreferencesPatch>;
