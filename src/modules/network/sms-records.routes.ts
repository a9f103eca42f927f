import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import { OtterError } from "../../lib/errors.js";
import { requirePermission } from "../auth/permissions.js";
import type { SmsRecordInput, SmsUsageService } from "./sms-usage.service.js";
import {
  MAX_SMS_RECORDS,
  smsRecord,
  type SmsRecordBody,
  smsRecordsBody,
  smsRecordsResult,
} from "./sms-records.schemas.js";

const NDJSON_TYPES = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];
const MAX_RECORDS_FILE = 256 * 1024 * 1024;
const tags = ["network"];

const toInput = (r: SmsRecordBody): SmsRecordInput => ({ ...r, at: new Date(r.at) });

function summarise(results: Awaited<ReturnType<SmsUsageService["recordCentreRecords"]>>) {
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return {
    counted: count("counted"),
    alreadyCounted: count("already_counted"),
    duplicates: count("duplicate"),
    unknownSims: count("unknown_sim"),
    results,
  };
}

/**
 * The SMS centre's intake of MO/MT records, beside the HLR/HSS's registration events and with the
 * same rules: the `network:ingest` permission, idempotent by record id, a batch validated whole.
 */
export const smsRecordsRoutes =
  (s: { smsUsage: SmsUsageService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/network/sms-records",
      {
        schema: {
          operationId: "postSmsRecords",
          tags,
          description:
            "MO/MT records from the SMS centre: one record, or { records: [...] }. Validated whole (one bad record: 400, nothing counted); idempotent by record id; each counted once into the SIM's daily usage.",
          body: smsRecordsBody,
          response: { 200: smsRecordsResult, ...errorResponses },
        },
      },
      async (req) => {
        requirePermission(principalOf(req), "network:ingest");
        const records = "records" in req.body ? req.body.records : [req.body];
        return summarise(await s.smsUsage.recordCentreRecords(records.map(toInput)));
      },
    );

    app.register(async (scoped) => {
      scoped.addContentTypeParser(
        NDJSON_TYPES,
        { parseAs: "string", bodyLimit: MAX_RECORDS_FILE },
        (_req, body, done) => done(null, body),
      );
      scoped.post(
        "/api/v1/network/sms-records/import",
        {
          schema: {
            operationId: "importSmsRecords",
            tags,
            consumes: NDJSON_TYPES,
            description:
              "Backfill: a JSON-lines file of SMS centre records (content-type application/x-ndjson). The whole file is validated first; any bad line is reported by number and nothing is counted.",
            response: { 200: smsRecordsResult.extend({ lines: z.number() }), ...errorResponses },
          },
        },
        async (req) => {
          requirePermission(principalOf(req), "network:ingest");
          const lines = String(req.body ?? "").split("\n");
          const records: SmsRecordInput[] = [];
          const errors: { line: number; field?: string; code: string; message: string }[] = [];
          lines.forEach((text, i) => {
            if (text.trim() === "") return;
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              errors.push({
                line: i + 1,
                code: "MALFORMED_JSON",
                message: "The line is not valid JSON.",
              });
              return;
            }
            const r = smsRecord.safeParse(json);
            if (!r.success) {
              const issue = r.error.issues[0]!;
              errors.push({
                line: i + 1,
                field: issue.path.join("."),
                code: "SMS_RECORD_INVALID",
                message: issue.message,
              });
            } else records.push(toInput(r.data));
          });
          if (errors.length > 0) {
            const first = errors[0]!;
            throw new OtterError(
              "validation",
              "SMS_RECORDS_FILE_INVALID",
              `${errors.length} line(s) are invalid; nothing was counted (first: line ${first.line}${first.field ? `, ${first.field}` : ""}: ${first.message}).`,
              errors.slice(0, 1000),
            );
          }
          if (records.length === 0)
            throw new OtterError(
              "validation",
              "SMS_RECORDS_FILE_EMPTY",
              "The file holds no SMS records.",
            );
          // Validated whole above; stored in chunks, each its own transaction. Should one fail, sending
          // the file again counts nothing twice (idempotent by record id).
          const results: Awaited<ReturnType<SmsUsageService["recordCentreRecords"]>> = [];
          for (let i = 0; i < records.length; i += MAX_SMS_RECORDS)
            results.push(
              ...(await s.smsUsage.recordCentreRecords(records.slice(i, i + MAX_SMS_RECORDS))),
            );
          return { ...summarise(results), lines: records.length };
        },
      );
    });
  };
