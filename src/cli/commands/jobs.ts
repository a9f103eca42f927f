import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { ApiError, ConnectionError, seg } from "../client.js";
import { type CliContext, contextOf, oneOf, positiveInt } from "../context.js";
import {
  formatDuration,
  HINTS,
  note,
  out,
  printFields,
  printJson,
  printTable,
  show,
} from "../format.js";

const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

/** The job resource (GET /api/v1/jobs/{id}). */
export interface Job {
  id: string;
  kind: string;
  status: (typeof JOB_STATUSES)[number];
  fileName: string | null;
  dryRun: boolean;
  progress: { phase: string; done: number; total: number };
  counts: { created: number; updated: number; unchanged: number; failed: number };
  errorCount: number;
  /** Errors about rows of accounts outside the reader's view (counted in errorCount, not listed). */
  hiddenErrorCount?: number;
  errors: {
    line: number;
    iccid: string | null;
    field: string | null;
    code: string;
    message: string;
  }[];
  failure: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const FINISHED = new Set<Job["status"]>(["succeeded", "failed", "cancelled"]);
const POLL_MS = 500;
const ERRORS_SHOWN = 10;

const percent = (p: Job["progress"]) =>
  p.total > 0 ? `${Math.floor((p.done / p.total) * 100)}%` : "";
const phaseOf = (job: Job) => job.progress?.phase || job.status;

interface ProgressDisplay {
  update(job: Job): void;
  stop(): void;
}

/** A bar per phase on a terminal: each finished phase stays on screen as one line. */
function barDisplay(): ProgressDisplay {
  let bar: cliProgress.SingleBar | null = null;
  let phase = "";
  const start = (job: Job) => {
    phase = phaseOf(job);
    bar = new cliProgress.SingleBar(
      {
        format: "{phase} [{bar}] {percentage}% | {value}/{total} | {status}",
        stream: process.stderr,
        hideCursor: true,
        emptyOnZero: true,
        barsize: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(job.progress.total, job.progress.done, {
      phase: phase.padEnd(12),
      status: job.status,
    });
  };
  return {
    update(job) {
      if (!bar) return start(job);
      if (phaseOf(job) !== phase) {
        bar.stop();
        return start(job);
      }
      bar.setTotal(job.progress.total);
      bar.update(job.progress.done, { status: job.status });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

/** Plain lines for logs and pipes: on every change of status or phase, and every few seconds. */
function lineDisplay(everyMs = 5000): ProgressDisplay {
  let last = "";
  let lastAt = 0;
  return {
    update(job) {
      const key = `${job.status}/${phaseOf(job)}`;
      const now = Date.now();
      if (key === last && now - lastAt < everyMs) return;
      last = key;
      lastAt = now;
      const p = job.progress;
      note(
        `job ${job.id}: ${job.status} · ${phaseOf(job)} ${p.done}/${p.total}${p.total > 0 ? ` (${percent(p)})` : ""}`,
      );
    },
    stop() {},
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Follows a job until it ends, showing its progress; prints the outcome and returns the exit code
 * (0 succeeded, 1 failed or cancelled). Ctrl-C stops watching, not the job.
 */
export async function watchJob(ctx: CliContext, id: string): Promise<number> {
  const display = process.stderr.isTTY ? barDisplay() : lineDisplay();
  const onInterrupt = () => {
    display.stop();
    note(`\nStopped watching; job ${id} keeps running on the server.`);
    note(`  follow it again: otter jobs watch ${id}`);
    note(`  cancel it:       otter jobs cancel ${id}`);
    process.exit(130);
  };
  process.on("SIGINT", onInterrupt);
  try {
    let unreachable = 0;
    for (;;) {
      let job: Job;
      try {
        job = await ctx.client.get<Job>(`/api/v1/jobs/${seg(id)}`);
        unreachable = 0;
      } catch (err) {
        // A server restart (or a blip) should not end a long watch: the job resumes on the server.
        const transient =
          err instanceof ConnectionError || (err instanceof ApiError && err.status === 503);
        if (transient && ++unreachable <= 20) {
          await sleep(POLL_MS * 2);
          continue;
        }
        throw err;
      }
      display.update(job);
      if (FINISHED.has(job.status)) {
        display.stop();
        return printOutcome(ctx, job);
      }
      await sleep(POLL_MS);
    }
  } finally {
    display.stop();
    process.off("SIGINT", onInterrupt);
  }
}

/** The counts in words; a dry run wrote nothing, so it says what it would have done. */
function countsLine(job: Job): string {
  const c = job.counts;
  return job.dryRun
    ? `would create ${c.created}, would update ${c.updated}, unchanged ${c.unchanged}, failed ${c.failed}`
    : `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, failed ${c.failed}`;
}

function printOutcome(ctx: CliContext, job: Job): number {
  const code = job.status === "succeeded" ? 0 : 1;
  if (ctx.json) {
    printJson(job);
    return code;
  }
  const took =
    job.startedAt && job.finishedAt
      ? ` in ${formatDuration(Date.parse(job.finishedAt) - Date.parse(job.startedAt))}`
      : "";
  out(
    `Job ${job.id} (${job.kind}${job.dryRun ? ", dry run: nothing written" : ""}) ${job.status}${took}.`,
  );
  if (job.counts) out(`  ${countsLine(job)}`);
  if (job.errorCount > 0) {
    const shown = job.errors.slice(0, ERRORS_SHOWN);
    out("");
    const hidden = job.hiddenErrorCount ?? 0;
    const about = hidden > 0 ? `, ${hidden} about other accounts' SIMs, not shown` : "";
    out(
      `${job.errorCount} error${job.errorCount === 1 ? "" : "s"}${about}${job.errorCount - hidden > shown.length ? ` (first ${shown.length} shown)` : ""}${shown.length ? ":" : "."}`,
    );
    if (shown.length)
      printTable(
        shown,
        [
          { header: "LINE", value: (e) => e.line },
          { header: "ICCID", value: (e) => e.iccid },
          { header: "FIELD", value: (e) => e.field },
          { header: "CODE", value: (e) => e.code },
          { header: "MESSAGE", value: (e) => e.message },
        ],
        "",
      );
    out(`All results: otter jobs results ${job.id} -o results.csv`);
  }
  if (job.failure) {
    note(`error ${job.failure.code}: ${job.failure.message}`);
    const hint = HINTS[job.failure.code];
    if (hint) note(`hint: ${hint}`);
  }
  return code;
}

function printJob(job: Job) {
  const p = job.progress;
  printFields([
    ["Job", job.id],
    ["Kind", job.kind],
    ["File", job.fileName],
    ["Status", job.dryRun ? `${job.status} (dry run: nothing written)` : job.status],
    ["Progress", `${p.phase || "-"} ${p.done}/${p.total} ${percent(p)}`.trim()],
    ["Counts", job.counts && countsLine(job)],
    ["Errors", job.errorCount],
    ["Failure", job.failure && `${job.failure.code}: ${job.failure.message}`],
    ["Created", job.createdAt],
    ["Started", job.startedAt],
    ["Finished", job.finishedAt],
  ]);
}

export function registerJobs(program: Command) {
  const jobs = program
    .command("jobs")
    .description("Long-running work (imports…): progress, results, cancellation.");

  jobs
    .command("list")
    .description("Recent jobs, newest first.")
    .option(
      "--status <status>",
      `only jobs in this status (${JOB_STATUSES.join(", ")})`,
      oneOf(JOB_STATUSES, (s) => s.toLowerCase()),
    )
    .option("--limit <n>", "how many (1–200)", positiveInt(200), 20)
    .action(async (opts: { status?: string; limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client.get<{ items: Job[]; nextCursor: string | null }>(
        "/api/v1/jobs",
        { status: opts.status, limit: opts.limit },
      );
      if (ctx.json) return printJson(page);
      printTable(
        page.items,
        [
          { header: "ID", value: (j) => j.id },
          { header: "KIND", value: (j) => j.kind },
          { header: "FILE", value: (j) => j.fileName },
          { header: "STATUS", value: (j) => (j.dryRun ? `${j.status} (dry run)` : j.status) },
          { header: "PROGRESS", value: (j) => `${j.progress.done}/${j.progress.total}` },
          { header: "ERRORS", value: (j) => j.errorCount },
          { header: "CREATED", value: (j) => j.createdAt },
        ],
        "No jobs.",
      );
    });

  jobs
    .command("get")
    .description("One job: status, progress, counts.")
    .argument("<id>", "job id")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const job = await ctx.client.get<Job>(`/api/v1/jobs/${seg(id)}`);
      if (ctx.json) return printJson(job);
      printJob(job);
    });

  jobs
    .command("watch")
    .description(
      "Follow a job with a progress bar until it ends; exit 0 if it succeeded, 1 otherwise.",
    )
    .argument("<id>", "job id")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      process.exitCode = await watchJob(contextOf(cmd), id);
    });

  jobs
    .command("cancel")
    .description("Ask a queued or running job to stop (work already committed stays).")
    .argument("<id>", "job id")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const job = await ctx.client.post<Job>(`/api/v1/jobs/${seg(id)}/cancel`);
      if (ctx.json) return printJson(job);
      out(`Cancellation requested for job ${job.id}; it is ${show(job.status)}.`);
    });

  jobs
    .command("results")
    .description("Download a job's per-line results as CSV (to stdout, or a file with -o).")
    .argument("<id>", "job id")
    .option("-o, --output <file>", "write to this file instead of stdout")
    .action(async (id: string, opts: { output?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const body = await ctx.client.download(`/api/v1/jobs/${seg(id)}/results.csv`);
      const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
      if (opts.output) {
        const file = createWriteStream(opts.output);
        await pipeline(source, file);
        note(`Wrote ${file.bytesWritten} bytes to ${opts.output}.`);
      } else {
        await pipeline(source, process.stdout, { end: false });
      }
    });
}
