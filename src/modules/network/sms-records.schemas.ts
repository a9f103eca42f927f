import { z } from "zod";
import { parseImsi } from "../../lib/identifiers.js";

/** At most this many records in one POST; a larger backfill goes through the NDJSON import. */
export const MAX_SMS_RECORDS = 10_000;

/** One MO or MT record of the SMS centre (docs/network.md, "SMS usage"). */
export const smsRecord = z
  .object({
    id: z
      .string()
      .min(1)
      .max(200)
      .describe("The record's id at the SMS centre; the same id is counted once."),
    direction: z
      .enum(["MO", "MT"])
      .describe("MO: sent by the device (mobile originated); MT: delivered to it."),
    imsi: z.string().refine((v) => parseImsi(v).ok, "must be a 15-digit IMSI"),
    at: z.string().datetime({ offset: true }).describe("When the SMS was sent or delivered."),
    servingPlmn: z
      .string()
      .regex(/^[0-9]{5,6}$/, "must be MCC+MNC digits such as 20801")
      .optional()
      .describe("The network the SIM was in; without it, the network the SIM was last seen in."),
    messageId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "The SMS centre's message id (the one submit_sm_resp returned): an MT Otter already counted when it submitted the SMS is not counted again.",
      ),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (Date.parse(r.at) > Date.now() + 5 * 60_000)
      ctx.addIssue({
        code: "custom",
        path: ["at"],
        message: "is in the future; a record reports what already happened",
      });
  });
export type SmsRecordBody = z.infer<typeof smsRecord>;

export const smsRecordsBody = z.union([
  smsRecord,
  z.object({ records: z.array(smsRecord).min(1).max(MAX_SMS_RECORDS) }).strict(),
]);

export const smsRecordsResult = z.object({
  counted: z.number().describe("Records counted into daily usage now."),
  alreadyCounted: z
    .number()
    .describe("MT records of SMS Otter had already counted when it submitted them."),
  duplicates: z.number().describe("Records stored before (same id): nothing changed."),
  unknownSims: z.number().describe("Records of IMSIs no SIM has: noted as unknown IMSIs."),
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["counted", "already_counted", "duplicate", "unknown_sim"]),
      iccid: z.string().nullable(),
    }),
  ),
});
