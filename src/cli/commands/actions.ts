import { type Command, InvalidArgumentError } from "commander";
import { seg } from "../client.js";
import { contextOf, oneOf, positiveInt } from "../context.js";
import { note, out, printFields, printJson, printTable } from "../format.js";

/** The remote actions of docs/diagnostics.md, from the command line: request one, follow it, list a SIM's. */
interface Action {
  id: string;
  iccid: string;
  type: string;
  status: string;
  reason: string;
  requestedBy: string;
  createdAt: string;
  watchUntil: string | null;
  completedAt: string | null;
  outcome: { summary?: string } | null;
  steps: { at: string; kind: string; text: string }[];
  warnings?: { code: string; message: string }[];
  sms?: {
    status: string;
    encoding: string;
    segments: number;
    smsCentre: string | null;
    deliveredAt: string | null;
    error: string | null;
  } | null;
}

const TYPES = [
  "reset-connectivity",
  "send-sms",
  "activate",
  "change-plan",
  "override-limit",
] as const;
const OVERRIDES = ["TEMPORARY_OVERRIDE", "PERMANENT_OVERRIDE", "DEFAULT"] as const;
/** Statuses an action leaves no more (the follow-up has its answer). */
const FINAL = new Set(["back_online", "still_silent", "delivered", "failed", "cancelled"]);

const stepLine = (s: Action["steps"][number]) => `  ${s.at}  ${s.text}`;

/** Prints the steps not printed yet (by their time and words), as `--wait` sees them appear. */
function stepPrinter() {
  const printed = new Set<string>();
  return (a: Action) => {
    for (const s of a.steps) {
      const key = `${s.at} ${s.text}`;
      if (printed.has(key)) continue;
      printed.add(key);
      out(stepLine(s));
    }
  };
}

function printAction(a: Action, withSteps = true) {
  printFields([
    ["Action", a.id],
    ["SIM", a.iccid],
    ["Type", a.type],
    ["Status", a.status],
    ["Reason", a.reason],
    ["Requested by", a.requestedBy],
    ["Requested at", a.createdAt],
    ...(a.sms
      ? [
          [
            "SMS",
            `${a.sms.status}, ${a.sms.encoding}, ${a.sms.segments} segment(s) via ${a.sms.smsCentre ?? "—"}${a.sms.deliveredAt ? `, delivered ${a.sms.deliveredAt}` : ""}${a.sms.error ? `: ${a.sms.error}` : ""}`,
          ] as [string, unknown],
        ]
      : []),
    ["Watching until", a.watchUntil],
    ["Completed at", a.completedAt],
    [
      "Follow-up",
      a.outcome?.summary ??
        (FINAL.has(a.status) ? "—" : "Otter is watching the network for the device."),
    ],
  ]);
  if (withSteps && a.steps.length) {
    out("");
    out("Steps:");
    for (const s of a.steps) out(stepLine(s));
  }
}

export function registerActions(program: Command) {
  const actions = program
    .command("actions")
    .description(
      "Remote actions on a SIM (reset connectivity, wake-up SMS, activate, change plan, override the limit) and their follow-up.",
    );

  actions
    .command("run")
    .description(
      "Request a remote action; Otter audits it, performs it and watches for the device to come back.",
    )
    .argument("<iccid>")
    .argument(
      "<type>",
      TYPES.join(" | "),
      oneOf(TYPES, (s) => s.toLowerCase()),
    )
    .requiredOption("--reason <text>", "why (goes into the audit trail)")
    .option("--text <text>", "send-sms: the text (wake-up by default)")
    .option("--payload-hex <hex>", "send-sms: a binary configuration SMS")
    .option(
      "--purpose <purpose>",
      "send-sms: wake-up | configuration",
      oneOf(["wake-up", "configuration"] as const),
    )
    .option("--communication-plan <plan>", "change-plan: the communication plan (id or name)")
    .option("--rate-plan <plan>", "change-plan: the rate plan (id or name)")
    .option(
      "--override <kind>",
      `override-limit: ${OVERRIDES.join(" | ")}`,
      oneOf(OVERRIDES, (s) => s.toUpperCase()),
    )
    .option(
      "--watch-minutes <n>",
      "how long to watch for the device (default: from its usual rhythm)",
      positiveInt(24 * 60),
    )
    .option(
      "--wait",
      "follow the action, printing each step as it happens, until it has its answer (back online, still silent, delivered or failed)",
    )
    .option("--poll-seconds <n>", "with --wait: seconds between looks", positiveInt(3600), 5)
    .action(
      async (
        iccid: string,
        type: (typeof TYPES)[number],
        o: {
          reason: string;
          text?: string;
          payloadHex?: string;
          purpose?: string;
          communicationPlan?: string;
          ratePlan?: string;
          override?: string;
          watchMinutes?: number;
          wait?: boolean;
          pollSeconds: number;
        },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        if (type === "override-limit" && !o.override)
          throw new InvalidArgumentError(
            `override-limit needs --override (${OVERRIDES.join(", ")}).`,
          );
        const body: Record<string, unknown> = {
          type,
          reason: o.reason,
          ...(o.watchMinutes !== undefined && { watchMinutes: o.watchMinutes }),
          ...(type === "send-sms" && {
            text: o.text,
            payloadHex: o.payloadHex,
            purpose: o.purpose,
          }),
          ...(type === "change-plan" && {
            communicationPlan: o.communicationPlan,
            ratePlan: o.ratePlan,
          }),
          ...(type === "override-limit" && { override: o.override }),
        };
        let a = await ctx.client.post<Action>(`/api/v1/sims/${seg(iccid)}/actions`, body);
        const warnings = a.warnings ?? [];
        if (!ctx.json) {
          note(`Action ${a.id} accepted (${a.status}).`);
          for (const w of warnings) note(`warning ${w.code}: ${w.message}`);
        }
        // Followed out loud: each step is printed when the API first shows it.
        const printNew = stepPrinter();
        if (o.wait && !ctx.json) printNew(a);
        while (o.wait && !FINAL.has(a.status)) {
          await new Promise((r) => setTimeout(r, o.pollSeconds * 1000));
          a = await ctx.client.get<Action>(`/api/v1/actions/${seg(a.id)}`);
          if (!ctx.json) printNew(a);
        }
        if (ctx.json) return printJson({ ...a, warnings });
        if (o.wait) out("");
        printAction(a, !o.wait);
        process.exitCode = a.status === "failed" || a.status === "still_silent" ? 1 : 0;
      },
    );

  actions
    .command("show")
    .description(
      'An action\'s status, its steps with their times, and its follow-up ("back online at …" or "still silent after N minutes: next step …").',
    )
    .argument("<id>")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const a = await ctx.client.get<Action>(`/api/v1/actions/${seg(id)}`);
      if (ctx.json) return printJson(a);
      printAction(a);
    });

  actions
    .command("list")
    .description("A SIM's remote actions, newest first.")
    .argument("<iccid>")
    .action(async (iccid: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { items } = await ctx.client.get<{ items: Action[] }>(
        `/api/v1/sims/${seg(iccid)}/actions`,
      );
      if (ctx.json) return printJson(items);
      printTable(
        items,
        [
          { header: "ID", value: (a) => a.id },
          { header: "TYPE", value: (a) => a.type },
          { header: "STATUS", value: (a) => a.status },
          { header: "REQUESTED", value: (a) => a.createdAt },
          { header: "FOLLOW-UP", value: (a) => a.outcome?.summary ?? "" },
        ],
        "No actions on this SIM.",
      );
    });
}
