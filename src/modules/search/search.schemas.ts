import { z } from "zod";
import { SIM_STATES } from "../sims/sim-lifecycle.js";

export const SEARCH_MATCHES = ["iccid", "imsi", "msisdn", "imei", "networkImei"] as const;

export const searchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .describe(
        "What was typed: the first digits of an ICCID, IMSI, MSISDN (with or without +, spaces or dashes) or IMEI (at least 3 digits), or part of a customer's name (at least 2 characters).",
      ),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(20)
      .default(8)
      .describe("At most this many SIMs and this many customers."),
  })
  .strict();

export const searchOut = z.object({
  q: z.string(),
  sims: z.array(
    z.object({
      iccid: z.string(),
      imsi: z.string(),
      msisdn: z.string().nullable(),
      imei: z
        .string()
        .nullable()
        .describe(
          "The IMEI recorded on the SIM, or the one the network saw it in when that matched.",
        ),
      state: z.enum(SIM_STATES),
      accountId: z.string(),
      accountName: z.string(),
      matchedBy: z.enum(SEARCH_MATCHES).describe("The identifier that starts with q."),
    }),
  ),
  moreSims: z.boolean().describe("More SIMs match than the limit: type more digits."),
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      parentName: z.string().nullable(),
    }),
  ),
  moreAccounts: z.boolean(),
});

export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchOut = z.infer<typeof searchOut>;
