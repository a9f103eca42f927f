import { z } from "zod";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

export const jobErrorOut = z.object({
  line: z.number(),
  iccid: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const jobOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(JOB_STATUSES),
    accountId: z.string(),
    fileName: z.string().nullable(),
    dryRun: z.boolean(),
    progress: z.object({
      phase: z.string().describe("upload, validate, select, apply or done"),
      done: z.number(),
      total: z.number(),
    }),
    counts: z.object({
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      failed: z.number(),
    }),
    errorCount: z.number(),
    hiddenErrorCount: z
      .number()
      .describe(
        "Row errors about SIMs of accounts outside the reader's subtree: counted here, never listed.",
      ),
    errors: z
      .array(jobErrorOut)
      .describe(
        "The first 100 row errors the reader may see; all of them via /errors or /results.csv.",
      ),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    cancelRequested: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Job" });

export type JobOut = z.infer<typeof jobOut>;
export type JobCounts = JobOut["counts"];
