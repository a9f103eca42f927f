import { readFileSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { CASE_CATEGORIES, CASE_PRIORITIES, CASE_STATES } from "../../modules/desk/case-states.js";
import { seg } from "../client.js";
import { contextOf, oneOf, positiveInt } from "../context.js";
import { note, out, printFields, printJson, printTable, show } from "../format.js";

interface CaseRow {
  id: string;
  number: number;
  accountId: string | null;
  subject: string;
  category: string;
  state: string;
  priority: string;
  ownerUserId: string | null;
  requesterEmail: string | null;
  updatedAt: string;
  createdAt: string;
}

interface Entry {
  kind: string;
  body: string | null;
  data: Record<string, unknown>;
  actor: { name: string };
  message: { from: string | null; to: string[]; subject: string | null; flags: string[]; sendStatus: string | null; sendError: string | null } | null;
  createdAt: string;
}

interface CaseDetail extends CaseRow {
  tmf621Status: string;
  owner: { name: string; email: string } | null;
  account: { name: string } | null;
  links: { kind: string; iccid: string | null; accountName: string | null }[];
  consultations: { id: string; team: string | null; address: string | null; subject: string; state: string }[];
  timeline: Entry[];
}

/** `--body -` reads stdin; `--body @file` reads a file; anything else is the text itself. */
function bodyFrom(value: string): string {
  if (value === "-") return readFileSync(0, "utf8");
  if (value.startsWith("@")) return readFileSync(value.slice(1), "utf8");
  return value;
}

const seconds = (raw: string) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s?)?$/.exec(raw.trim());
  if (!m || (!m[1] && !m[2])) throw new InvalidArgumentError("Give seconds (312) or minutes and seconds (5m12s).");
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
};

/** A case by its id or its number (`1234`, `#1234`). */
async function resolveCase(ctx: ReturnType<typeof contextOf>, ref: string): Promise<string> {
  const n = /^#?(\d{1,9})$/.exec(ref.trim());
  if (!n) return ref;
  const page = await ctx.client.get<{ items: CaseRow[] }>("/api/v1/cases", { q: `#${n[1]}`, limit: 1 });
  return page.items[0]?.id ?? ref;
}

function describeEntry(e: Entry): string {
  const d = e.data;
  switch (e.kind) {
    case "email_in": return `mail from ${show(e.message?.from)}${e.message?.flags.length ? ` [${e.message.flags.join(", ")}]` : ""}`;
    case "email_out": return `mail to ${show(e.message?.to)} (${show(e.message?.sendStatus)}${e.message?.sendError ? `: ${e.message.sendError}` : ""})${d.automatic ? " automatic" : ""}`;
    case "phone": return `call ${show(d.direction)} ${show(d.number)} ${show(d.durationSeconds)}s${d.contactName ? ` with ${String(d.contactName)}` : ""}`;
    case "note": return "internal note";
    case "consultation": return `consultation ${show(d.type)}${d.team ? ` team ${String(d.team)}` : ""}${d.address ? ` ${String(d.address)}` : ""}`;
    default: return [d.type, d.from !== undefined ? `${show(d.from)} → ${show(d.to)}` : "", d.reason ? `(${String(d.reason)})` : ""].filter(Boolean).join(" ");
  }
}

export function registerCases(program: Command) {
  const cases = program.command("cases").description("The case desk: customer questions from first contact to answer.");

  cases.command("list")
    .description("Cases, newest first.")
    .option("--state <state...>", `only these states (${CASE_STATES.join(", ")})`)
    .option("--owner <userId>", "only this owner's cases (`none`: unowned)")
    .option("--account <accountId>", "only this customer's cases")
    .option("--triage", "only cases without an account yet")
    .option("--category <category>", `only this category (${CASE_CATEGORIES.join(", ")})`, oneOf(CASE_CATEGORIES))
    .option("--search <text>", "a case number or text in the subject or requester address")
    .option("--limit <n>", "how many", positiveInt(500), 50)
    .action(async (opts: { state?: string[]; owner?: string; account?: string; triage?: boolean; category?: string; search?: string; limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const states = (opts.state ?? []).map(oneOf(CASE_STATES));
      const query = new URLSearchParams();
      for (const s of states) query.append("state", s);
      for (const [k, v] of Object.entries({ owner: opts.owner, account: opts.account, triage: opts.triage ? "true" : undefined, category: opts.category, q: opts.search, limit: String(opts.limit) })) {
        if (v) query.set(k, v);
      }
      const page = await ctx.client.get<{ items: CaseRow[]; nextCursor: string | null }>(`/api/v1/cases?${query.toString()}`);
      if (ctx.json) return printJson(page);
      printTable(page.items, [
        { header: "NUMBER", value: (c) => `#${c.number}` },
        { header: "STATE", value: (c) => c.state },
        { header: "PRIORITY", value: (c) => c.priority },
        { header: "CATEGORY", value: (c) => c.category },
        { header: "ACCOUNT", value: (c) => c.accountId ?? "triage" },
        { header: "FROM", value: (c) => c.requesterEmail },
        { header: "SUBJECT", value: (c) => c.subject },
      ], "No cases.");
      if (page.nextCursor) note("More cases: raise --limit (at most 500) or narrow the filter.");
    });

  cases.command("show <case>")
    .description("A case (id or number) with its timeline.")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.get<CaseDetail>(`/api/v1/cases/${seg(await resolveCase(ctx, ref))}`);
      if (ctx.json) return printJson(c);
      printFields([
        ["Case", `#${c.number}`], ["Id", c.id], ["Subject", c.subject], ["State", `${c.state} (TMF621 ${c.tmf621Status})`],
        ["Priority", c.priority], ["Category", c.category], ["Customer", c.account?.name ?? "triage (no account yet)"],
        ["Requester", c.requesterEmail], ["Owner", c.owner ? `${c.owner.name} <${c.owner.email}>` : null],
        ["Links", c.links.map((l) => l.iccid ?? l.accountName)],
        ["Consultations", c.consultations.map((k) => `${k.team ?? k.address}: ${k.subject} (${k.state})`)],
      ]);
      out();
      for (const e of c.timeline) {
        out(`${e.createdAt}  ${e.kind.padEnd(12)}  ${e.actor.name}: ${describeEntry(e)}`);
        if (e.body) for (const line of e.body.trimEnd().split("\n").slice(0, 20)) out(`    ${line}`);
      }
    });

  cases.command("reply <case>")
    .description("Reply to the customer by e-mail (stored on the case, then sent).")
    .requiredOption("--body <text>", "the reply; `-` reads stdin, `@file` reads a file")
    .option("--to <address...>", "recipients (default: the case's requester)")
    .option("--cc <address...>", "copies")
    .option("--state <state>", "the state afterwards, e.g. waiting_on_customer", oneOf(CASE_STATES))
    .action(async (ref: string, opts: { body: string; to?: string[]; cc?: string[]; state?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const id = await resolveCase(ctx, ref);
      const r = await ctx.client.post<{ messageId: string; sendStatus: string; state: string }>(`/api/v1/cases/${seg(id)}/replies`, {
        body: bodyFrom(opts.body), to: opts.to, cc: opts.cc, state: opts.state,
      });
      if (ctx.json) return printJson(r);
      out(`Reply stored (${r.sendStatus}) as ${r.messageId}; the case is ${r.state}.`);
    });

  cases.command("note <case>")
    .description("Add an internal note (never shown to the customer).")
    .requiredOption("--body <text>", "the note; `-` reads stdin, `@file` reads a file")
    .action(async (ref: string, opts: { body: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.post<{ entryId: string }>(`/api/v1/cases/${seg(await resolveCase(ctx, ref))}/notes`, { body: bodyFrom(opts.body) });
      if (ctx.json) return printJson(r);
      out("Note added.");
    });

  cases.command("call <case>")
    .description("Log a phone call on the case.")
    .requiredOption("--number <phone>", "the other party's number")
    .requiredOption("--summary <text>", "what was said; `-` reads stdin")
    .option("--direction <direction>", "inbound or outbound", oneOf(["inbound", "outbound"] as const), "inbound")
    .option("--duration <time>", "how long: seconds (312) or 5m12s", seconds, 0)
    .option("--contact <contactId>", "the contact who called")
    .action(async (ref: string, opts: { number: string; summary: string; direction: string; duration: number; contact?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.post<{ entryId: string }>(`/api/v1/cases/${seg(await resolveCase(ctx, ref))}/calls`, {
        direction: opts.direction, number: opts.number, durationSeconds: opts.duration, summary: bodyFrom(opts.summary), contactId: opts.contact,
      });
      if (ctx.json) return printJson(r);
      out("Call logged.");
    });

  cases.command("set <case>")
    .description("Change a case's state, priority, category or owner.")
    .option("--state <state>", CASE_STATES.join(", "), oneOf(CASE_STATES))
    .option("--priority <priority>", CASE_PRIORITIES.join(", "), oneOf(CASE_PRIORITIES))
    .option("--category <category>", CASE_CATEGORIES.join(", "), oneOf(CASE_CATEGORIES))
    .option("--owner <userId>", "the new owner")
    .option("--account <accountId>", "assign a triage case to its customer")
    .option("--reason <text>", "why")
    .action(async (ref: string, opts: { state?: string; priority?: string; category?: string; owner?: string; account?: string; reason?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.patch<CaseDetail>(`/api/v1/cases/${seg(await resolveCase(ctx, ref))}`, {
        state: opts.state, priority: opts.priority, category: opts.category, ownerUserId: opts.owner, accountId: opts.account, reason: opts.reason,
      });
      if (ctx.json) return printJson(c);
      out(`Case #${c.number}: ${c.state}, ${c.priority}, ${c.category}.`);
    });

  const desk = program.command("desk").description("Case desk settings.");
  const mailboxes = desk.command("mailboxes").description("Support addresses Otter accepts mail for.");
  mailboxes.command("add <address>")
    .description("Accept mail for an address (operator-wide, or for one customer with --account).")
    .option("--account <accountId>", "the customer this address belongs to")
    .action(async (address: string, opts: { account?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const m = await ctx.client.post<{ id: string; address: string }>("/api/v1/desk/mailboxes", { address, accountId: opts.account });
      if (ctx.json) return printJson(m);
      out(`Mail for ${m.address} is accepted (mailbox ${m.id}).`);
    });
  mailboxes.command("list")
    .description("Support addresses.")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.get<{ items: { id: string; address: string; accountId: string | null; createdAt: string }[] }>("/api/v1/desk/mailboxes");
      if (ctx.json) return printJson(r);
      printTable(r.items, [
        { header: "ADDRESS", value: (m) => m.address },
        { header: "ACCOUNT", value: (m) => m.accountId ?? "operator-wide" },
        { header: "ID", value: (m) => m.id },
      ], "No support mailboxes yet: add one with `otter desk mailboxes add <address>`.");
    });
}
