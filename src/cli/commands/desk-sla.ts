import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { CliError, seg } from "../client.js";
import { contextOf, positiveInt } from "../context.js";
import { note, out, printFields, printJson, printTable } from "../format.js";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

interface Calendar {
  timeZone: string;
  hours: Record<string, Array<[string, string]>>;
  holidays: string[];
  effectiveFrom: string | null;
  isDefault: boolean;
  upcoming: Omit<Calendar, "isDefault" | "upcoming"> | null;
  openCasesToRecompute?: number;
}

interface QueueItem {
  id: string;
  number: number;
  subject: string;
  state: string;
  priority: string;
  accountName: string | null;
  sla: { state: string; dueAt: string | null; paused: boolean; remainingMs: number | null };
}

function printCalendar(c: Calendar) {
  printFields([
    ["Time zone", c.timeZone],
    ["In force since", c.effectiveFrom ?? "(Otter's default: Mon-Fri 09:00-17:00 UTC)"],
    ...WEEKDAYS.map((d): [string, unknown] => [
      d,
      (c.hours[d] ?? []).map(([a, b]) => `${a}-${b}`).join(", ") || "closed",
    ]),
    ["Holidays", c.holidays.join(", ") || "none"],
  ]);
  if (c.upcoming)
    note(
      `A new calendar takes over at ${c.upcoming.effectiveFrom} (otter desk calendar show --json shows it).`,
    );
}

interface Agreement {
  accountId: string;
  firstResponse: Record<string, string | null | undefined>;
  resolution: Record<string, string | null | undefined>;
  effectiveFrom: string | null;
  inherited: boolean;
}

const PRIORITIES = ["urgent", "high", "normal", "low"] as const;

/** `default` is the operator's default agreement; anything else an account id. */
const agreementPath = (account: string) =>
  account === "default"
    ? "/api/v1/desk/default-agreement"
    : `/api/v1/accounts/${seg(account)}/support-agreement`;

function printAgreement(account: string, a: Agreement) {
  printFields([
    ["For", account === "default" ? "the operator's default" : a.accountId],
    [
      "Targets from",
      a.inherited
        ? "inherited (a parent account, the operator default or Otter's built-in default)"
        : "this agreement",
    ],
    ["In force since", a.effectiveFrom ?? "(Otter's built-in default)"],
  ]);
  out();
  printTable(
    [...PRIORITIES],
    [
      { header: "PRIORITY", value: (p) => p },
      { header: "FIRST RESPONSE", value: (p) => a.firstResponse[p] ?? "no target" },
      { header: "RESOLUTION", value: (p) => a.resolution[p] ?? "no target" },
    ],
    "",
  );
}

/** A YAML or JSON mapping from a file, or a CLI_BAD_FILE error naming the file. */
function mappingFrom(file: string, expected: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = parseYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new CliError("CLI_BAD_FILE", `${file}: ${(err as Error).message}`);
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new CliError("CLI_BAD_FILE", `${file}: expected a mapping with ${expected}.`);
  return body as Record<string, unknown>;
}

/** Business time left as "3 h 20 min" (negative once breached). */
export function left(ms: number | null): string {
  if (ms == null) return "";
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return `${ms < 0 ? "-" : ""}${h ? `${h} h ` : ""}${m} min`;
}

/** `otter desk calendar show|set` and `otter desk queue` (docs/desk-sla.md). */
export function registerDeskSla(desk: Command) {
  const calendar = desk
    .command("calendar")
    .description(
      "The operator's support hours, time zone and holidays (SLA clocks count only these).",
    );

  calendar
    .command("show")
    .description("Show the support calendar in force.")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.get<Calendar>("/api/v1/desk/calendar");
      if (ctx.json) return printJson(c);
      printCalendar(c);
    });

  calendar
    .command("set")
    .description(
      'Set the support calendar from a YAML or JSON file: { timeZone, hours: { mon: [["08:00","18:00"]], … }, holidays: ["2026-12-25"] }.',
    )
    .requiredOption("--file <path>", "the calendar file (YAML or JSON)")
    .option("--effective-from <time>", "when it takes over (ISO 8601; now by default)")
    .option("--reason <text>", "why (kept in the audit log)")
    .action(
      async (opts: { file: string; effectiveFrom?: string; reason?: string }, cmd: Command) => {
        const ctx = contextOf(cmd);
        let body: Record<string, unknown>;
        try {
          body = parseYaml(readFileSync(opts.file, "utf8")) as Record<string, unknown>;
        } catch (err) {
          throw new CliError("CLI_BAD_FILE", `${opts.file}: ${(err as Error).message}`);
        }
        if (!body || typeof body !== "object")
          throw new CliError(
            "CLI_BAD_FILE",
            `${opts.file}: expected a mapping with timeZone, hours and holidays.`,
          );
        const c = await ctx.client.put<Calendar>("/api/v1/desk/calendar", {
          ...body,
          ...(opts.effectiveFrom ? { effectiveFrom: opts.effectiveFrom } : {}),
          ...(opts.reason ? { reason: opts.reason } : {}),
        });
        if (ctx.json) return printJson(c);
        printCalendar(c);
        if (c.openCasesToRecompute)
          note(
            `${c.openCasesToRecompute} open cases are being recomputed against the new calendar.`,
          );
      },
    );

  const agreement = desk
    .command("agreement")
    .description(
      "SLA targets per priority: a customer's support agreement, or the operator's default (`default`).",
    );

  agreement
    .command("show <account>")
    .description(
      "The targets that apply to an account's new cases (`default`: the operator's default).",
    )
    .action(async (account: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const a = await ctx.client.get<Agreement>(agreementPath(account));
      if (ctx.json) return printJson(a);
      printAgreement(account, a);
    });

  agreement
    .command("set <account>")
    .description(
      "Set an account's targets (`default`: the operator's default) from a YAML or JSON file: { firstResponse: { urgent: PT1H, … }, resolution: { … } }.",
    )
    .requiredOption(
      "--file <path>",
      "the agreement file (YAML or JSON); ISO 8601 durations of support time, null = no target",
    )
    .option(
      "--effective-from <time>",
      "cases created from then on get these targets (ISO 8601; now by default)",
    )
    .option("--reason <text>", "why (kept in the audit log)")
    .action(
      async (
        account: string,
        opts: { file: string; effectiveFrom?: string; reason?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const body = mappingFrom(opts.file, "firstResponse and resolution");
        const a = await ctx.client.put<Agreement>(agreementPath(account), {
          ...body,
          ...(opts.effectiveFrom ? { effectiveFrom: opts.effectiveFrom } : {}),
          ...(opts.reason ? { reason: opts.reason } : {}),
        });
        if (ctx.json) return printJson(a);
        printAgreement(account, a);
      },
    );

  desk
    .command("queue")
    .description(
      "An agent's open cases, most pressing SLA first (breached, then the earliest due; waiting on the customer last).",
    )
    .option(
      "--owner <me|none|all|userId>",
      "whose queue (`none`: the unassigned queue — open cases nobody owns, e.g. new mail; `all`: every open case)",
      "me",
    )
    .option("--limit <n>", "how many", positiveInt(1000), 50)
    .action(async (opts: { owner: string; limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const q = await ctx.client.get<{
        items: QueueItem[];
        total: number;
        nextAfter: number | null;
      }>("/api/v1/desk/queue", { owner: opts.owner, limit: opts.limit });
      if (ctx.json) return printJson(q);
      printTable(
        q.items,
        [
          { header: "CASE", value: (i) => `#${i.number}` },
          { header: "SLA", value: (i) => i.sla.state },
          {
            header: "DUE (UTC)",
            value: (i) =>
              i.sla.dueAt?.replace(/:\d\d\.\d{3}Z$/, "Z") ?? (i.sla.paused ? "paused" : ""),
          },
          { header: "LEFT", value: (i) => left(i.sla.remainingMs) },
          { header: "PRIORITY", value: (i) => i.priority },
          { header: "STATE", value: (i) => i.state },
          { header: "CUSTOMER", value: (i) => i.accountName ?? "(triage)" },
          { header: "SUBJECT", value: (i) => i.subject },
        ],
        opts.owner === "none"
          ? "No open case is waiting for an owner."
          : "No open cases in this queue.",
      );
      if (q.items.length === 0 && opts.owner === "me") {
        // A newcomer's own queue is empty until they take a case: say where the new mail is.
        const unowned = await ctx.client.get<{ total: number }>("/api/v1/desk/queue", {
          owner: "none",
          limit: 1,
        });
        if (unowned.total > 0)
          note(
            `You own no open case; ${unowned.total} open case${unowned.total === 1 ? " has" : "s have"} no owner: otter desk queue --owner none`,
          );
      }
      if (q.nextAfter != null)
        out(`… ${q.total - q.items.length} more (raise --limit, at most 1000).`);
    });
}
