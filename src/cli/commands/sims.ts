import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { SIM_STATES, type SimState } from "../../modules/sims/sim-lifecycle.js";
import { CliError, type OtterClient, type Page, seg } from "../client.js";
import { contextOf, oneOf, positiveInt } from "../context.js";
import { resolveAccountOption } from "../account-ref.js";
import {
  formatBytes,
  note,
  out,
  printFields,
  printJson,
  printTable,
  tableWriter,
} from "../format.js";
import { watchJob } from "./jobs.js";
import { registerSimsScheduled } from "./sims-scheduled.js";
import {
  registerSimViews,
  type SimFilterOptions,
  simFilterQuery,
  withSimFilters,
} from "./sim-views.js";

interface PlanRef {
  id: string;
  name: string;
}

interface Sim {
  iccid: string;
  imsi: string;
  msisdn: string | null;
  eid: string | null;
  imei: string | null;
  accountId: string;
  state: SimState;
  /** In lists only: the SIM's connectivity now. */
  connectivity?: string;
  communicationPlan: PlanRef | null;
  ratePlan: PlanRef | null;
  overageLimitOverride: string;
  customFields: Record<string, string>;
  notes: string | null;
  dateActivated: string | null;
  createdAt: string;
  updatedAt: string;
}

interface SimDetail extends Sim {
  usageLimit: { dataLimitBytes: number | null; override: string; enforced: boolean };
  pendingChanges: {
    id: string;
    effectiveDate: string;
    changes: Record<string, unknown>;
    status: string;
    reason: string | null;
  }[];
  warnings: { code: string; message: string }[];
}

/** One side of an audit record; a record of several fields reads `state=INVENTORY, ratePlan=…`. */
const auditSide = (a: AuditEntry, side: "from" | "to") =>
  a.changes
    ? Object.entries(a.changes)
        .map(([field, v]) => `${field}=${v[side] ?? "-"}`)
        .join(", ")
    : side === "from"
      ? a.priorValue
      : a.value;

interface AuditEntry {
  field: string;
  priorValue: string | null;
  value: string | null;
  changes?: Record<string, { from: string | null; to: string | null }> | null;
  reason: string | null;
  effectiveDate: string;
  changedAt: string;
  actor: { name: string };
  jobId: string | null;
}

const simState = oneOf(SIM_STATES, (s) => s.toUpperCase());

/** Account names for display, fetched once per account (a page of SIMs usually spans a few accounts). */
export function accountNames(client: OtterClient) {
  const cache = new Map<string, Promise<string>>();
  return (id: string) => {
    let name = cache.get(id);
    if (!name) {
      name = client.get<{ name: string }>(`/api/v1/accounts/${seg(id)}`).then(
        (a) => a.name,
        () => id,
      );
      cache.set(id, name);
    }
    return name;
  };
}

const plans = (s: Sim) => [s.communicationPlan?.name, s.ratePlan?.name].filter(Boolean).join(" / ");

function printSim(sim: SimDetail, accountName: string) {
  const custom = Object.entries(sim.customFields).map(([k, v]) => `${k}=${v}`);
  const limit =
    sim.usageLimit.dataLimitBytes === null
      ? "none"
      : `${formatBytes(sim.usageLimit.dataLimitBytes)} per cycle${sim.usageLimit.enforced ? "" : ` (lifted: ${sim.usageLimit.override})`}`;
  printFields([
    ["ICCID", sim.iccid],
    ["IMSI", sim.imsi],
    ["MSISDN", sim.msisdn],
    ["EID", sim.eid],
    ["IMEI", sim.imei],
    ["State", sim.state],
    ["Activated", sim.dateActivated],
    [
      "Account",
      accountName === sim.accountId ? sim.accountId : `${accountName} (${sim.accountId})`,
    ],
    ["Comm. plan", sim.communicationPlan?.name],
    ["Rate plan", sim.ratePlan?.name],
    ["Data limit", limit],
    ["Custom fields", custom],
    ["Notes", sim.notes],
    ["Created", sim.createdAt],
    ["Updated", sim.updatedAt],
  ]);
  const pending = sim.pendingChanges.filter((c) => c.status === "pending");
  if (pending.length) {
    out("");
    out("Scheduled changes:");
    for (const c of pending) {
      const what = Object.entries(c.changes)
        .map(([k, v]) => `${k} → ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(", ");
      out(`  ${c.effectiveDate}  ${what}${c.reason ? `  (${c.reason})` : ""}  [${c.id}]`);
    }
  }
  if (sim.warnings.length) {
    out("");
    out("Warnings:");
    for (const w of sim.warnings) out(`  ${w.code}: ${w.message}`);
  }
}

/** Upload progress from the file stream's own byte count, on a terminal and for files worth watching. */
function uploadProgress(stream: ReadStream, size: number) {
  if (!process.stderr.isTTY || size < 1024 * 1024) return () => {};
  const bar = new cliProgress.SingleBar(
    {
      format: "uploading    [{bar}] {percentage}% | {sent}/{size}",
      stream: process.stderr,
      hideCursor: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { sent: formatBytes(0), size: formatBytes(size) });
  const timer = setInterval(
    () => bar.update(stream.bytesRead, { sent: formatBytes(stream.bytesRead) }),
    200,
  );
  return () => {
    clearInterval(timer);
    bar.update(stream.bytesRead, { sent: formatBytes(stream.bytesRead) });
    bar.stop();
  };
}

async function openUpload(
  file: string,
): Promise<{ body: AsyncIterable<Uint8Array>; done: () => void }> {
  if (file === "-") {
    if (process.stdin.isTTY)
      throw new CliError(
        "NO_INPUT",
        "'-' reads the CSV from standard input; pipe a file into it (… | otter sims import -).",
      );
    return { body: process.stdin, done: () => {} };
  }
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CliError("NOT_A_FILE", `${file} is not a file.`);
    size = s.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError("FILE_NOT_FOUND", `No such file: ${file}.`);
    throw new CliError("FILE_UNREADABLE", `Cannot read ${file}: ${(err as Error).message}`);
  }
  // Streamed, never read whole: imports may be hundreds of megabytes.
  const stream = createReadStream(file);
  return { body: stream, done: uploadProgress(stream, size) };
}

export function registerSims(program: Command) {
  const sims = program
    .command("sims")
    .description(
      "SIMs: look up by any identifier, list and count (with connectivity), change state, scheduled changes, audit trail, network views, bulk import.",
    );
  registerSimsScheduled(sims);

  sims
    .command("get")
    .description(
      "One SIM by ICCID, IMSI, MSISDN or device IMEI, with plans, limits, scheduled changes and warnings.",
    )
    .argument("<identifier>", "the SIM's ICCID, IMSI, MSISDN (+ optional) or its device's IMEI")
    .action(async (identifier: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const sim = await ctx.client.get<SimDetail>(`/api/v1/sims/${seg(identifier)}`);
      if (ctx.json) return printJson(sim);
      printSim(sim, await accountNames(ctx.client)(sim.accountId));
    });

  withSimFilters(
    sims
      .command("list")
      .description("SIMs you can see with their connectivity, filtered; one page unless --all."),
  )
    .option("--limit <n>", "SIMs per page (1–1000)", positiveInt(1000), 100)
    .option("--cursor <cursor>", "start from this page (a previous nextCursor)")
    .option("--all", "follow every page", false)
    .action(
      async (
        opts: SimFilterOptions & { limit: number; cursor?: string; all: boolean },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const query = {
          ...(await simFilterQuery(ctx, opts)),
          limit: opts.limit,
          cursor: opts.cursor,
        };
        if (!opts.all) {
          const page = await ctx.client.get<Page<Sim>>("/api/v1/sims", query);
          if (ctx.json) return printJson(page);
          await writeSims(ctx.client, [page]);
          if (page.nextCursor)
            note(`More SIMs: add --all, or --cursor ${page.nextCursor} for the next page.`);
          return;
        }
        if (ctx.json) {
          // One JSON array, written page by page: a whole fleet never sits in memory.
          let first = true;
          process.stdout.write("[");
          for await (const page of ctx.client.pages<Sim>("/api/v1/sims", query)) {
            for (const sim of page.items) {
              process.stdout.write(`${first ? "\n" : ",\n"}${JSON.stringify(sim)}`);
              first = false;
            }
          }
          process.stdout.write(first ? "]\n" : "\n]\n");
          return;
        }
        await writeSims(ctx.client, ctx.client.pages<Sim>("/api/v1/sims", query));
      },
    );

  sims
    .command("set-state")
    .description(
      "Move a SIM to another lifecycle state (now, or scheduled with a future --effective-date).",
    )
    .argument("<iccid>", "the SIM's ICCID")
    .argument("<state>", `the new state: ${SIM_STATES.join(", ")}`, simState)
    .option("--reason <text>", "why (kept in the audit trail)")
    .option(
      "--effective-date <iso>",
      "when it takes effect, ISO 8601 with offset (e.g. 2026-04-01T00:00:00Z); a future date schedules it",
    )
    .action(
      async (
        iccid: string,
        state: SimState,
        opts: { reason?: string; effectiveDate?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const sim = await ctx.client.patch<SimDetail>(`/api/v1/sims/${seg(iccid)}`, {
          state,
          reason: opts.reason,
          effectiveDate: opts.effectiveDate,
        });
        if (ctx.json) return printJson(sim);
        const scheduled = sim.pendingChanges.find(
          (c) => c.status === "pending" && c.changes.state === state,
        );
        if (sim.state !== state && scheduled)
          out(
            `SIM ${sim.iccid} is ${sim.state}; it moves to ${state} on ${scheduled.effectiveDate} (change ${scheduled.id}).`,
          );
        else out(`SIM ${sim.iccid} is now ${sim.state}.`);
        for (const w of sim.warnings) note(`warning ${w.code}: ${w.message}`);
      },
    );

  sims
    .command("audit")
    .description("Every change to a SIM: who, when, from, to, why.")
    .argument("<iccid>", "the SIM's ICCID")
    .action(async (iccid: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const entries: AuditEntry[] = [];
      for await (const page of ctx.client.pages<AuditEntry>(`/api/v1/sims/${seg(iccid)}/audit`, {
        limit: 1000,
      }))
        entries.push(...page.items);
      if (ctx.json) return printJson({ items: entries });
      printTable(
        entries,
        [
          { header: "CHANGED", value: (a) => a.changedAt },
          { header: "FIELD", value: (a) => a.field },
          { header: "FROM", value: (a) => auditSide(a, "from") },
          { header: "TO", value: (a) => auditSide(a, "to") },
          {
            header: "BY",
            value: (a) => (a.jobId ? `${a.actor.name} (job ${a.jobId})` : a.actor.name),
          },
          // Shown only for back-dated or scheduled changes, not for the milliseconds between the two stamps.
          {
            header: "EFFECTIVE",
            value: (a) =>
              Math.abs(Date.parse(a.effectiveDate) - Date.parse(a.changedAt)) < 1000
                ? ""
                : a.effectiveDate,
          },
          { header: "REASON", value: (a) => a.reason },
        ],
        "No audit entries.",
      );
    });

  sims
    .command("import")
    .description("Import SIMs from a CSV file as a job, then follow it (exit 0 if it succeeded).")
    .argument("<file>", "CSV file (- reads standard input)")
    .option(
      "--account <account>",
      "account the SIMs go to, by id or name (default: the operator's stock)",
    )
    .option(
      "--skip-invalid",
      "import the valid rows and report the invalid ones, instead of importing nothing",
      false,
    )
    .option("--dry-run", "check every row and report what would change, writing nothing", false)
    .option("--no-watch", "print the job id and return at once")
    .addHelpText(
      "after",
      "\nExamples:\n  otter sims import sims.csv --account 0197…\n  otter sims import sims.csv --dry-run\n  otter sims import sims.csv --no-watch --json | jq -r .jobId",
    )
    .action(
      async (
        file: string,
        opts: { account?: string; skipInvalid: boolean; dryRun: boolean; watch: boolean },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const upload = await openUpload(file);
        let accepted: { jobId: string };
        try {
          accepted = await ctx.client.upload<{ jobId: string }>(
            "/api/v1/sims/imports",
            upload.body,
            {
              contentType: "text/csv",
              query: {
                accountId: await resolveAccountOption(ctx, opts.account),
                skipInvalid: opts.skipInvalid,
                dryRun: opts.dryRun,
              },
              // Shown with the job, so "which file was that?" has an answer.
              // (HTTP headers carry ASCII only.)
              headers:
                file === "-"
                  ? {}
                  : { "x-otter-file-name": basename(file).replace(/[^\x20-\x7e]/g, "_") },
            },
          );
        } finally {
          upload.done();
        }
        if (!opts.watch) {
          if (ctx.json) return printJson(accepted);
          out(accepted.jobId);
          note(`Follow it with: otter jobs watch ${accepted.jobId}`);
          return;
        }
        if (!ctx.json)
          note(
            `Import job ${accepted.jobId} started${opts.dryRun ? " (dry run: nothing will be written)" : ""}.`,
          );
        process.exitCode = await watchJob(ctx, accepted.jobId);
      },
    );

  registerSimViews(sims);
}

const SIM_COLUMNS = (name: (id: string) => string) => [
  { header: "ICCID", value: (s: Sim) => s.iccid, width: 20 },
  { header: "IMSI", value: (s: Sim) => s.imsi, width: 15 },
  { header: "MSISDN", value: (s: Sim) => s.msisdn, width: 15 },
  { header: "STATE", value: (s: Sim) => s.state, width: 16 },
  { header: "CONNECTIVITY", value: (s: Sim) => s.connectivity, width: 12 },
  { header: "ACCOUNT", value: (s: Sim) => name(s.accountId), width: 20 },
  { header: "PLANS", value: (s: Sim) => plans(s) },
];

/** Writes SIM pages as one table as they arrive, with account names resolved per page. */
async function writeSims(
  client: OtterClient,
  pages: Iterable<Page<Sim>> | AsyncIterable<Page<Sim>>,
) {
  const lookup = accountNames(client);
  const names = new Map<string, string>();
  const table = tableWriter(SIM_COLUMNS((id) => names.get(id) ?? id));
  for await (const page of pages) {
    for (const id of new Set(page.items.map((s) => s.accountId))) names.set(id, await lookup(id));
    if (page.items.length) table.write(page.items);
  }
  if (!table.started) note("No SIMs.");
}
