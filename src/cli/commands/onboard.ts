import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { CliError, seg } from "../client.js";
import { contextOf, oneOf, positiveInt } from "../context.js";
import { note, out, printFields, printJson, printTable } from "../format.js";
import { watchJob } from "./jobs.js";

interface Finding {
  severity: "error" | "warning";
  path: string;
  code: string;
  message: string;
}

interface PlanEntry {
  action: "create" | "change" | "move" | "remove";
  path: string;
  object: string;
  before: unknown;
  after: unknown;
  count?: number;
  examples?: string[];
}

interface Plan {
  hash: string;
  entries: PlanEntry[];
  summary: { create: number; change: number; move: number; remove: number };
}

const SIGN = { create: "+", change: "~", move: "→", remove: "-" } as const;

const shown = (v: unknown) =>
  v === null || v === undefined
    ? "(none)"
    : typeof v === "string"
      ? JSON.stringify(v)
      : Object.entries(v as Record<string, unknown>)
          .map(([k, x]) => `${k}=${String(x)}`)
          .join(", ");

/** A plan as terraform prints one: a line per entry, then the summary. */
export function printPlan(plan: Plan) {
  for (const e of plan.entries) {
    const what =
      e.count !== undefined
        ? `${e.object}, ${e.count} SIM(s)${e.examples?.length ? ` (${e.examples.join(", ")}${e.count > e.examples.length ? ", …" : ""})` : ""}`
        : e.object;
    const detail =
      e.action === "create"
        ? ""
        : e.action === "remove"
          ? ""
          : `: ${shown(e.before)} → ${shown(e.after)}`;
    out(`${SIGN[e.action]} ${e.action.padEnd(6)}  ${e.path.padEnd(22)}  ${what}${detail}`);
  }
  const s = plan.summary;
  out(
    `Plan: ${s.create} to create, ${s.change} to change, ${s.move} to move, ${s.remove} to remove.`,
  );
}

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

interface Check {
  reference: string | null;
  feasible: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
  summary: {
    accounts: number;
    communicationPlans: { create: number; reuse: number };
    ratePlans: { create: number; reuse: number };
    sims: number;
    privateApns: number;
    tunnels: number;
  } | null;
  plan?: Plan;
}

interface Onboarding {
  id: string;
  reference: string;
  customerName: string;
  state: string;
  customerAccountId: string | null;
  jobId: string | null;
  ownerEmail: string;
  contractSigned: string;
  requestedGoLive: string;
  findings: Finding[];
  report: Record<string, unknown> | null;
  leadTimeDays: number | null;
  createdAt: string;
  validatedAt: string | null;
  provisioningAt: string | null;
  waitingOnCustomerAt: string | null;
  liveAt: string | null;
  failedAt: string | null;
}

interface Task {
  id: string;
  kind: string;
  title: string;
  ownerEmail: string;
  dueOn: string;
  state: "open" | "done";
  note: string | null;
  doneAt: string | null;
}

interface OnboardingDetail extends Onboarding {
  tasks: Task[];
  case: { id: string; number: number; subject: string; state: string } | null;
}

const STATES = ["draft", "validated", "provisioning", "waiting_on_customer", "live", "failed"];

function readSpec(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    throw new CliError("CLI_BAD_FILE", `${file}: ${(err as Error).message}`);
  }
}

/** Every finding on its own line, errors first, each with its path in the spec. */
function printFindings(findings: Finding[]) {
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  for (const f of sorted)
    out(
      `${f.severity === "error" ? "error  " : "warning"}  ${f.path || "(spec)"}  ${f.code}: ${f.message}`,
    );
}

function printCheck(c: Check) {
  printFindings(c.findings);
  if (c.summary) {
    const s = c.summary;
    note(
      `${c.reference}: ${s.accounts} accounts, communication plans ${s.communicationPlans.create} new / ${s.communicationPlans.reuse} reused, rate plans ${s.ratePlans.create} new / ${s.ratePlans.reuse} reused, ${s.sims} SIMs, ${s.privateApns} private APN(s), ${s.tunnels} tunnel(s).`,
    );
  }
  note(
    c.feasible
      ? `Feasible: ${c.warnings} warning(s), no error.`
      : `Not feasible: ${c.errors} error(s), ${c.warnings} warning(s).`,
  );
}

/** What the last provisioning run did, or why it failed, in one line. */
function reportLine(r: Record<string, unknown> | null): string | null {
  if (!r) return null;
  const failure = r.failure as { code: string; message: string } | undefined;
  if (failure) return `failed: ${failure.code}: ${failure.message}`;
  return `${String(r.accounts)} accounts, ${String(r.plansCreated)} plans created, ${String(r.simsAssigned)} SIMs assigned`;
}

function printOnboarding(o: Onboarding) {
  printFields([
    ["Onboarding", o.reference],
    ["Id", o.id],
    ["Customer", o.customerName],
    ["Customer account", o.customerAccountId],
    ["State", o.state],
    ["Owner", o.ownerEmail],
    ["Contract signed", o.contractSigned],
    ["Requested go-live", o.requestedGoLive],
    ["Job", o.jobId],
    ["Validated", o.validatedAt],
    ["Provisioning", o.provisioningAt],
    ["Waiting on customer", o.waitingOnCustomerAt],
    ["Live", o.liveAt],
    ["Failed", o.failedAt],
    ["Lead time (days)", o.leadTimeDays],
    ["Last run", reportLine(o.report)],
  ]);
  if (o.findings.length) {
    out();
    printFindings(o.findings);
  }
}

export function registerOnboard(program: Command) {
  const onboard = program
    .command("onboard")
    .description("Customer onboardings from a spec file (docs/onboarding.md).");

  onboard
    .command("check")
    .argument("<file>", "the onboarding spec, YAML or JSON ('-' reads standard input)")
    .description("Check a spec for feasibility: every problem with its path; exit 1 on errors.")
    .addHelpText("after", "\nExample:\n  otter onboard check docs/examples/onboarding.yaml")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.post<Check>("/api/v1/onboardings", {
        spec: readSpec(file),
        dryRun: true,
      });
      if (ctx.json) printJson(res);
      else printCheck(res);
      process.exitCode = res.feasible ? 0 : 1;
    });

  onboard
    .command("plan")
    .argument("<file>", "the onboarding spec, YAML or JSON ('-' reads standard input)")
    .description(
      "What applying a changed spec would create (+), change (~), move (→) or remove (-); writes nothing.",
    )
    .addHelpText("after", "\nExample:\n  otter onboard plan customer.yaml")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.post<Check>("/api/v1/onboardings", {
        spec: readSpec(file),
        dryRun: true,
      });
      if (ctx.json) return printJson(res);
      if (!res.feasible) {
        printCheck(res);
        process.exitCode = 1;
        return;
      }
      if (!res.plan) {
        note(
          `Onboarding ${res.reference} does not exist yet: \`otter onboard apply\` creates everything the spec describes.`,
        );
        return;
      }
      if (res.plan.entries.length === 0) note("No changes: the onboarding matches the spec.");
      printPlan(res.plan);
    });

  onboard
    .command("apply")
    .argument("<file>", "the onboarding spec, YAML or JSON ('-' reads standard input)")
    .option("--no-watch", "start the provisioning job and return its id")
    .option("--yes", "apply a changed spec's plan without asking")
    .description(
      "Check a spec and, if it has no errors, provision it as a job and follow it (exit 0 if it succeeded). A changed spec of an existing onboarding shows its plan first and applies it on confirmation.",
    )
    .addHelpText("after", "\nExample:\n  otter onboard apply docs/examples/onboarding.yaml")
    .action(async (file: string, opts: { watch: boolean; yes?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const spec = readSpec(file);
      const checked = await ctx.client.post<Check>("/api/v1/onboardings", { spec, dryRun: true });
      let confirmPlan: string | undefined;
      if (checked.feasible && checked.plan && checked.plan.entries.length > 0) {
        if (!ctx.json || !opts.yes) printPlan(checked.plan);
        if (!opts.yes) {
          if (!process.stdin.isTTY || file === "-")
            throw new CliError(
              "ONBOARDING_PLAN_NOT_CONFIRMED",
              "The spec changes this onboarding; pass --yes to apply the plan above without a question.",
            );
          if (!(await confirmed("Apply this plan? (yes/no) "))) {
            note("Nothing applied.");
            process.exitCode = 1;
            return;
          }
        }
        confirmPlan = checked.plan.hash;
      }
      const res = await ctx.client.post<{
        onboarding: Onboarding;
        jobId: string | null;
        created: boolean;
        findings: Finding[];
      }>("/api/v1/onboardings", { spec, ...(confirmPlan && { confirmPlan }) });
      if (ctx.json && (!opts.watch || !res.jobId)) return printJson(res);
      if (!ctx.json) printFindings(res.findings);
      if (!res.jobId) {
        note(
          `Onboarding ${res.onboarding.reference} is already ${res.onboarding.state} with this spec: nothing to do.`,
        );
        return;
      }
      note(`Onboarding ${res.onboarding.reference}: provisioning job ${res.jobId}`);
      if (!opts.watch) return out(res.jobId);
      process.exitCode = await watchJob(ctx, res.jobId);
      const o = await ctx.client.get<Onboarding>(`/api/v1/onboardings/${seg(res.onboarding.id)}`);
      if (ctx.json) printJson(o);
      else note(`Onboarding ${o.reference} is ${o.state}.`);
    });

  onboard
    .command("list")
    .description("Onboardings, newest first, with their state and lead time.")
    .option("--state <state>", `only this state (${STATES.join(", ")})`, oneOf(STATES))
    .option("--limit <n>", "how many", positiveInt(200), 50)
    .action(async (opts: { state?: string; limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.get<{ items: Onboarding[]; nextCursor: string | null }>(
        "/api/v1/onboardings",
        { state: opts.state, limit: opts.limit },
      );
      if (ctx.json) return printJson(res);
      printTable(
        res.items,
        [
          { header: "REFERENCE", value: (o) => o.reference },
          { header: "CUSTOMER", value: (o) => o.customerName },
          { header: "STATE", value: (o) => o.state },
          { header: "SIGNED", value: (o) => o.contractSigned },
          { header: "GO-LIVE", value: (o) => o.requestedGoLive },
          { header: "LEAD TIME (DAYS)", value: (o) => o.leadTimeDays },
        ],
        "No onboardings.",
      );
    });

  onboard
    .command("show")
    .argument("<id-or-reference>", "the onboarding's id or contract reference")
    .description("One onboarding: state, dates, job and the warnings of its check.")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const o = await ctx.client.get<Onboarding>(`/api/v1/onboardings/${seg(ref)}`);
      if (ctx.json) return printJson(o);
      printOnboarding(o);
    });

  const download = async (cmd: Command, path: string, accept: string, output?: string) => {
    const ctx = contextOf(cmd);
    const body = await ctx.client.download(path, accept);
    const text = await new Response(body).text();
    if (output) {
      writeFileSync(output, text);
      note(`Wrote ${Buffer.byteLength(text)} bytes to ${output}.`);
    } else process.stdout.write(text);
  };

  onboard
    .command("ipsec")
    .argument("<id-or-reference>", "the onboarding's id or contract reference")
    .description(
      "The strongSwan swanctl.conf of one end of the onboarding's IPsec tunnel (the PSK is not printed).",
    )
    .requiredOption("--side <side>", "operator | customer", oneOf(["operator", "customer"]))
    .option("-o, --output <file>", "write to this file instead of stdout")
    .action(async (ref: string, opts: { side: string; output?: string }, cmd: Command) => {
      await download(
        cmd,
        `/api/v1/onboardings/${seg(ref)}/ipsec?side=${encodeURIComponent(opts.side)}`,
        "text/plain",
        opts.output,
      );
    });

  onboard
    .command("tunnel-sheet")
    .argument("<id-or-reference>", "the onboarding's id or contract reference")
    .description(
      "The one-page IPsec tunnel sheet for the customer, in the customer's language (Markdown).",
    )
    .option("-o, --output <file>", "write to this file instead of stdout")
    .action(async (ref: string, opts: { output?: string }, cmd: Command) => {
      await download(
        cmd,
        `/api/v1/onboardings/${seg(ref)}/tunnel-sheet`,
        "text/markdown",
        opts.output,
      );
    });

  onboard
    .command("tasks")
    .argument("<id-or-reference>", "the onboarding's id or contract reference")
    .description(
      "The people's tasks of an onboarding, with owner, due date and state, and its case.",
    )
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const o = await ctx.client.get<OnboardingDetail>(`/api/v1/onboardings/${seg(ref)}`);
      if (ctx.json) return printJson({ case: o.case, tasks: o.tasks });
      if (o.case) out(`Case #${o.case.number} (${o.case.state}): ${o.case.subject}`);
      printTable(
        o.tasks,
        [
          { header: "#", value: (x) => o.tasks.indexOf(x) + 1 },
          { header: "TASK", value: (x) => x.kind },
          { header: "TITLE", value: (x) => x.title },
          { header: "OWNER", value: (x) => x.ownerEmail },
          { header: "DUE", value: (x) => x.dueOn },
          { header: "STATE", value: (x) => x.state },
        ],
        `Onboarding ${o.reference} has no tasks yet (they open once it is provisioned).`,
      );
    });

  onboard
    .command("done")
    .argument("<id-or-reference>", "the onboarding's id or contract reference")
    .argument("<task>", "the task: its number in `otter onboard tasks`, its kind or its id")
    .option("--note <text>", "what was done; written on the onboarding's case as an internal note")
    .description("Marks a task done; the last one makes the onboarding live.")
    .action(async (ref: string, which: string, opts: { note?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const o = await ctx.client.get<OnboardingDetail>(`/api/v1/onboardings/${seg(ref)}`);
      const task =
        (/^[0-9]+$/.test(which) ? o.tasks[Number(which) - 1] : undefined) ??
        o.tasks.find((x) => x.kind === which || x.id === which);
      if (!task)
        throw new CliError(
          "ONBOARDING_TASK_NOT_FOUND",
          `Onboarding ${o.reference} has no task "${which}"; see otter onboard tasks ${o.reference}.`,
        );
      const res = await ctx.client.patch<{ task: Task; onboarding: Onboarding }>(
        `/api/v1/onboardings/${seg(o.id)}/tasks/${seg(task.id)}`,
        { state: "done", ...(opts.note ? { note: opts.note } : {}) },
      );
      if (ctx.json) return printJson(res);
      note(`Done: ${task.title}. Onboarding ${o.reference} is ${res.onboarding.state}.`);
    });
}
