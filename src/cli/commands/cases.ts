import { readFileSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { CASE_CATEGORIES, CASE_PRIORITIES, CASE_STATES } from "../../modules/desk/case-states.js";
import { CliError, seg } from "../client.js";
import { contextOf, oneOf, positiveInt } from "../context.js";
import { resolveAccountOption } from "../account-ref.js";
import { note, out, printFields, printJson, printTable, show } from "../format.js";
import { left } from "./desk-sla.js";
import { accountNames } from "./sims.js";

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
  message: {
    from: string | null;
    to: string[];
    subject: string | null;
    flags: string[];
    sendStatus: string | null;
    waitingForRelay?: boolean;
    sendError: string | null;
  } | null;
  createdAt: string;
}

interface Consultation {
  id: string;
  caseId: string;
  team: string | null;
  address: string | null;
  subject: string;
  state: string;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
}

interface SlaClock {
  state: string;
  target: string | null;
  remainingMs: number | null;
  dueAt: string | null;
  dueAtLocal: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
}

interface CaseDetail extends CaseRow {
  tmf621Status: string;
  owner: { name: string; email: string } | null;
  account: { id: string; name: string } | null;
  links: {
    id: string;
    kind: string;
    iccid: string | null;
    accountId: string | null;
    accountName: string | null;
    /** What the SIM, network view and diagnostics services say of the SIM (null where the caller may not see it). */
    context: {
      sim: { state?: string } | null;
      connectivity: { state?: string; reason?: string; lastSeen?: string | null } | null;
      diagnosis: { overall?: string; verdict?: string } | null;
    } | null;
  }[];
  sla?: { state: string; timeZone: string; firstResponse: SlaClock; resolution: SlaClock };
  consultations: Consultation[];
  timeline: Entry[];
}

/** `--body -` reads stdin; `--body @file` reads a file; anything else is the text itself. */
export function bodyFrom(value: string): string {
  if (value === "-") return readFileSync(0, "utf8");
  if (value.startsWith("@")) {
    try {
      return readFileSync(value.slice(1), "utf8");
    } catch (err) {
      const code =
        (err as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
      throw new CliError(code, `${value.slice(1)}: ${(err as Error).message}`);
    }
  }
  return value;
}

/** `--owner`: `me` (the API resolves it to the caller), `none` (no owner), or a user id. */
const ownerRef = (v: string | undefined) => (v === "none" ? null : v);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A saved reply by its id or its exact name (names are unique, compared case-insensitively). */
async function resolveMacro(ctx: ReturnType<typeof contextOf>, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const r = await ctx.client.get<{ items: { id: string; name: string }[] }>("/api/v1/desk/macros", {
    q: ref,
  });
  return r.items.find((m) => m.name.toLowerCase() === ref.trim().toLowerCase())?.id ?? ref;
}

const consultee = (k: Consultation) => (k.team ? `team ${k.team}` : (k.address ?? "-"));

function printConsultation(k: Consultation) {
  printFields([
    ["Consultation", k.id],
    ["With", consultee(k)],
    ["Subject", k.subject],
    ["State", k.state],
    ["Opened", k.createdAt],
    ["Answered", k.answeredAt],
    ["Closed", k.closedAt],
  ]);
}

const seconds = (raw: string) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s?)?$/.exec(raw.trim());
  if (!m || (!m[1] && !m[2]))
    throw new InvalidArgumentError("Give seconds (312) or minutes and seconds (5m12s).");
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
};

/** A case by its id or its number (`1234`, `#1234`). */
export async function resolveCase(ctx: ReturnType<typeof contextOf>, ref: string): Promise<string> {
  const n = /^#?(\d{1,9})$/.exec(ref.trim());
  if (!n) return ref;
  const page = await ctx.client.get<{ items: CaseRow[] }>("/api/v1/cases", {
    q: `#${n[1]}`,
    limit: 1,
  });
  const found = page.items[0];
  // Named by the number the team uses, not by an id the user never typed.
  if (!found) throw new CliError("CASE_NOT_FOUND", `Case #${n[1]} was not found.`);
  return found.id;
}

/** One SLA clock for people: its state, when it is due (UTC and the customer's time) and the time left. */
function describeClock(k: SlaClock | undefined): string {
  if (!k || k.state === "none") return "no target";
  const minute = (iso: string) => iso.replace(/:\d\d(?:\.\d{3})?(?=Z|[+-]\d\d:\d\d$)/, "");
  if (k.stoppedAt) return `${k.state} (stopped ${minute(k.stoppedAt)})`;
  const local =
    k.dueAtLocal && minute(k.dueAtLocal) !== minute(k.dueAt ?? "") ? k.dueAtLocal : null;
  const due = k.dueAt
    ? `due ${minute(k.dueAt)}${local ? ` (${minute(local)} customer time)` : ""}`
    : "";
  const rest =
    k.remainingMs == null
      ? ""
      : k.remainingMs < 0
        ? `${left(-k.remainingMs)} overdue`
        : `${left(k.remainingMs)} left`;
  return [k.state, due, rest].filter(Boolean).join(", ");
}

/** A linked SIM on one line: its state, its connectivity and the diagnosis verdict. */
function describeSim(l: CaseDetail["links"][number]): string {
  const x = l.context;
  if (!x?.sim) return `${l.iccid}  (not visible to you)`;
  const conn = x.connectivity?.state
    ? `${x.connectivity.state}${x.connectivity.lastSeen ? ` (last seen ${x.connectivity.lastSeen})` : ""}`
    : "connectivity unknown";
  const verdict = x.diagnosis?.verdict
    ? `diagnosis ${x.diagnosis.overall ?? "?"}: ${x.diagnosis.verdict}`
    : "no diagnosis";
  return `${l.iccid}  ${x.sim.state ?? "?"}  ${conn}  ${verdict}`;
}

function describeEntry(e: Entry): string {
  const d = e.data;
  switch (e.kind) {
    case "email_in":
      return `mail from ${show(e.message?.from)}${e.message?.flags.length ? ` [${e.message.flags.join(", ")}]` : ""}`;
    case "email_out":
      return `mail to ${show(e.message?.to)} (${show(e.message?.sendStatus)}${e.message?.waitingForRelay ? ", no relay yet" : ""}${e.message?.sendError ? `: ${e.message.sendError}` : ""})${d.automatic ? " automatic" : ""}`;
    case "phone":
      return `call ${show(d.direction)} ${show(d.number)} ${show(d.durationSeconds)}s${d.contactName ? ` with ${String(d.contactName)}` : ""}`;
    case "note":
      return "internal note";
    case "consultation":
      return `consultation ${show(d.type)}${d.team ? ` team ${String(d.team)}` : ""}${d.address ? ` ${String(d.address)}` : ""}`;
    default:
      return [
        d.type,
        // What a link event linked: the SIM (and how the mail named it), or the account.
        d.sim ? `SIM ${String(d.sim)}` : "",
        d.foundAs && d.foundAs !== "iccid" && d.value
          ? `(the mail names its ${String(d.foundAs).toUpperCase()} ${String(d.value)})`
          : "",
        (d.type === "linked" || d.type === "unlinked") && !d.sim && d.accountId
          ? `account ${String(d.accountId)}`
          : "",
        d.from !== undefined ? `${show(d.from)} → ${show(d.to)}` : "",
        d.reason ? `(${String(d.reason)})` : "",
      ]
        .filter(Boolean)
        .join(" ");
  }
}

export function registerCases(program: Command) {
  const cases = program
    .command("cases")
    .description("The case desk: customer questions from first contact to answer.");

  cases
    .command("open")
    .description("Open a case (for a customer with --account; without it, in the triage queue).")
    .requiredOption("--subject <text>", "what the case is about")
    .option("--account <account>", "the customer")
    .option("--category <category>", CASE_CATEGORIES.join(", "), oneOf(CASE_CATEGORIES))
    .option("--priority <priority>", CASE_PRIORITIES.join(", "), oneOf(CASE_PRIORITIES))
    .option("--description <text>", "the question in full; `-` reads stdin, `@file` reads a file")
    .option(
      "--owner <me|none|userId>",
      "the owning agent (default: you, when you are an agent; `none`: the unassigned queue)",
    )
    .option("--contact <contactId...>", "the customer's contacts on the case")
    .action(
      async (
        opts: {
          subject: string;
          account?: string;
          category?: string;
          priority?: string;
          description?: string;
          owner?: string;
          contact?: string[];
        },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const c = await ctx.client.post<CaseRow>("/api/v1/cases", {
          subject: opts.subject,
          accountId: await resolveAccountOption(ctx, opts.account),
          category: opts.category,
          priority: opts.priority,
          description: opts.description === undefined ? undefined : bodyFrom(opts.description),
          ownerUserId: ownerRef(opts.owner),
          contactIds: opts.contact,
        });
        if (ctx.json) return printJson(c);
        out(
          `Case #${c.number} opened (${c.state}, ${c.priority}, ${c.category})${c.accountId ? ` for account ${c.accountId}` : " in triage (no account yet)"}; id ${c.id}.`,
        );
      },
    );

  cases
    .command("list")
    .description("Cases, newest first.")
    .option("--state <state...>", `only these states (${CASE_STATES.join(", ")})`)
    .option("--owner <me|none|userId>", "only this owner's cases (`me`: yours; `none`: unowned)")
    .option("--account <account>", "only this customer's cases")
    .option("--triage", "only cases without an account yet")
    .option(
      "--category <category>",
      `only this category (${CASE_CATEGORIES.join(", ")})`,
      oneOf(CASE_CATEGORIES),
    )
    .option("--search <text>", "a case number or text in the subject or requester address")
    .option("--limit <n>", "how many", positiveInt(500), 50)
    .action(
      async (
        opts: {
          state?: string[];
          owner?: string;
          account?: string;
          triage?: boolean;
          category?: string;
          search?: string;
          limit: number;
        },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const states = (opts.state ?? []).map(oneOf(CASE_STATES));
        const query = new URLSearchParams();
        for (const s of states) query.append("state", s);
        for (const [k, v] of Object.entries({
          owner: opts.owner,
          account: await resolveAccountOption(ctx, opts.account),
          triage: opts.triage ? "true" : undefined,
          category: opts.category,
          q: opts.search,
          limit: String(opts.limit),
        })) {
          if (v) query.set(k, v);
        }
        const page = await ctx.client.get<{ items: CaseRow[]; nextCursor: string | null }>(
          `/api/v1/cases?${query.toString()}`,
        );
        if (ctx.json) return printJson(page);
        // The customer by name, as `cases show` names it (one lookup per account on the page).
        const lookup = accountNames(ctx.client);
        const names = new Map<string, string>();
        for (const id of new Set(page.items.map((c) => c.accountId)))
          if (id) names.set(id, await lookup(id));
        printTable(
          page.items,
          [
            { header: "NUMBER", value: (c) => `#${c.number}` },
            { header: "STATE", value: (c) => c.state },
            { header: "PRIORITY", value: (c) => c.priority },
            { header: "CATEGORY", value: (c) => c.category },
            {
              header: "CUSTOMER",
              value: (c) => (c.accountId ? (names.get(c.accountId) ?? c.accountId) : "triage"),
            },
            { header: "FROM", value: (c) => c.requesterEmail },
            { header: "SUBJECT", value: (c) => c.subject },
          ],
          "No cases.",
        );
        if (page.nextCursor) note("More cases: raise --limit (at most 500) or narrow the filter.");
      },
    );

  cases
    .command("show <case>")
    .description("A case (id or number) with its timeline.")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.get<CaseDetail>(
        `/api/v1/cases/${seg(await resolveCase(ctx, ref))}`,
      );
      if (ctx.json) return printJson(c);
      printFields([
        ["Case", `#${c.number}`],
        ["Id", c.id],
        ["Subject", c.subject],
        ["State", `${c.state} (TMF621 ${c.tmf621Status})`],
        ["Priority", c.priority],
        ["Category", c.category],
        ["Customer", c.account ? `${c.account.name} (${c.account.id})` : "triage (no account yet)"],
        ["Requester", c.requesterEmail],
        ["Owner", c.owner ? `${c.owner.name} <${c.owner.email}>` : "unassigned"],
        ...(c.sla
          ? ([
              ["SLA", `${c.sla.state} (customer time zone ${c.sla.timeZone})`],
              ["First response", describeClock(c.sla.firstResponse)],
              ["Resolution", describeClock(c.sla.resolution)],
            ] as [string, unknown][])
          : []),
        [
          "Accounts",
          c.links.filter((l) => l.kind === "account").map((l) => l.accountName ?? l.accountId),
        ],
        [
          "Consultations",
          c.consultations.map((k) => `${k.team ?? k.address}: ${k.subject} (${k.state})`),
        ],
      ]);
      const sims = c.links.filter((l) => l.kind === "sim");
      if (sims.length) {
        out();
        out("SIMs");
        for (const l of sims) out(`  ${describeSim(l)}`);
      }
      out();
      for (const e of c.timeline) {
        out(`${e.createdAt}  ${e.kind.padEnd(12)}  ${e.actor.name}: ${describeEntry(e)}`);
        if (e.body)
          for (const line of e.body.trimEnd().split("\n").slice(0, 20)) out(`    ${line}`);
      }
    });

  cases
    .command("reply <case>")
    .description("Reply to the customer by e-mail (stored on the case, then sent).")
    .requiredOption("--body <text>", "the reply; `-` reads stdin, `@file` reads a file")
    .option("--to <address...>", "recipients (default: the case's requester)")
    .option("--cc <address...>", "copies")
    .option("--state <state>", "the state afterwards, e.g. waiting_on_customer", oneOf(CASE_STATES))
    .action(
      async (
        ref: string,
        opts: { body: string; to?: string[]; cc?: string[]; state?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const id = await resolveCase(ctx, ref);
        const r = await ctx.client.post<{
          messageId: string;
          sendStatus: string;
          waitingForRelay?: boolean;
          state: string;
        }>(`/api/v1/cases/${seg(id)}/replies`, {
          body: bodyFrom(opts.body),
          to: opts.to,
          cc: opts.cc,
          state: opts.state,
        });
        if (ctx.json) return printJson(r);
        out(
          `Reply stored (${r.sendStatus}${r.waitingForRelay ? ", no relay yet" : ""}) as ${r.messageId}; the case is ${r.state}.`,
        );
      },
    );

  cases
    .command("note <case>")
    .description("Add an internal note (never shown to the customer).")
    .requiredOption("--body <text>", "the note; `-` reads stdin, `@file` reads a file")
    .action(async (ref: string, opts: { body: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.post<{ entryId: string }>(
        `/api/v1/cases/${seg(await resolveCase(ctx, ref))}/notes`,
        { body: bodyFrom(opts.body) },
      );
      if (ctx.json) return printJson(r);
      out("Note added.");
    });

  cases
    .command("call <case>")
    .description("Log a phone call on the case.")
    .requiredOption("--number <phone>", "the other party's number")
    .requiredOption("--summary <text>", "what was said; `-` reads stdin")
    .option(
      "--direction <direction>",
      "inbound or outbound",
      oneOf(["inbound", "outbound"] as const),
      "inbound",
    )
    .option("--duration <time>", "how long: seconds (312) or 5m12s", seconds, 0)
    .option("--contact <contactId>", "the contact who called")
    .action(
      async (
        ref: string,
        opts: {
          number: string;
          summary: string;
          direction: string;
          duration: number;
          contact?: string;
        },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const r = await ctx.client.post<{ entryId: string }>(
          `/api/v1/cases/${seg(await resolveCase(ctx, ref))}/calls`,
          {
            direction: opts.direction,
            number: opts.number,
            durationSeconds: opts.duration,
            summary: bodyFrom(opts.summary),
            contactId: opts.contact,
          },
        );
        if (ctx.json) return printJson(r);
        out("Call logged.");
      },
    );

  cases
    .command("set <case>")
    .description("Change a case's state, priority, category or owner.")
    .option("--state <state>", CASE_STATES.join(", "), oneOf(CASE_STATES))
    .option("--priority <priority>", CASE_PRIORITIES.join(", "), oneOf(CASE_PRIORITIES))
    .option("--category <category>", CASE_CATEGORIES.join(", "), oneOf(CASE_CATEGORIES))
    .option("--owner <me|none|userId>", "the new owner (`me`: you; `none`: unassign)")
    .option("--account <account>", "assign a triage case to its customer")
    .option("--reason <text>", "why")
    .action(
      async (
        ref: string,
        opts: {
          state?: string;
          priority?: string;
          category?: string;
          owner?: string;
          account?: string;
          reason?: string;
        },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const c = await ctx.client.patch<CaseDetail>(
          `/api/v1/cases/${seg(await resolveCase(ctx, ref))}`,
          {
            state: opts.state,
            priority: opts.priority,
            category: opts.category,
            ownerUserId: ownerRef(opts.owner),
            accountId: await resolveAccountOption(ctx, opts.account),
            reason: opts.reason,
          },
        );
        if (ctx.json) return printJson(c);
        out(
          `Case #${c.number}: ${c.state}, ${c.priority}, ${c.category}, ${c.owner ? `owned by ${c.owner.name}` : "no owner"}.`,
        );
      },
    );

  cases
    .command("consult <case>")
    .description(
      "Ask an internal team (--team) or an outside party by e-mail (--address); the case waits on the consultation, its owner stays.",
    )
    .option("--team <team>", "an internal team queue, e.g. network or billing")
    .option("--address <email>", "an outside party, written to on the consultation's own thread")
    .requiredOption("--subject <text>", "the consultation's subject")
    .requiredOption("--body <text>", "the question; `-` reads stdin, `@file` reads a file")
    .action(
      async (
        ref: string,
        opts: { team?: string; address?: string; subject: string; body: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const k = await ctx.client.post<Consultation>(
          `/api/v1/cases/${seg(await resolveCase(ctx, ref))}/consultations`,
          {
            team: opts.team,
            address: opts.address,
            subject: opts.subject,
            body: bodyFrom(opts.body),
          },
        );
        if (ctx.json) return printJson(k);
        out(`Consultation ${k.id} opened with ${consultee(k)} (${k.state}).`);
      },
    );

  cases
    .command("consultations <case>")
    .description("A case's consultations: with whom, their state and when they were answered.")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.get<CaseDetail>(
        `/api/v1/cases/${seg(await resolveCase(ctx, ref))}`,
      );
      if (ctx.json) return printJson({ items: c.consultations });
      printTable(
        c.consultations,
        [
          { header: "ID", value: (k) => k.id },
          { header: "WITH", value: consultee },
          { header: "STATE", value: (k) => k.state },
          { header: "OPENED", value: (k) => k.createdAt },
          { header: "ANSWERED", value: (k) => k.answeredAt },
          { header: "SUBJECT", value: (k) => k.subject },
        ],
        `No consultations on case #${c.number}.`,
      );
    });

  const consultation = cases
    .command("consultation")
    .description("Answer or close one consultation of a case.");
  consultation
    .command("reply <case> <consultationId>")
    .description(
      "Record the team's answer (the default), or with --message write to the outside party on the consultation's thread.",
    )
    .requiredOption("--body <text>", "the text; `-` reads stdin, `@file` reads a file")
    .option("--message", "a message to the outside party, not the answer")
    .action(
      async (
        ref: string,
        consultationId: string,
        opts: { body: string; message?: boolean },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const r = await ctx.client.post<{
          caseId: string;
          consultationId: string;
          entryId: string;
          state: string;
        }>(
          `/api/v1/cases/${seg(await resolveCase(ctx, ref))}/consultations/${seg(consultationId)}/replies`,
          { body: bodyFrom(opts.body), ...(opts.message ? { answer: false } : {}) },
        );
        if (ctx.json) return printJson(r);
        out(
          `${opts.message ? "Message added to" : "Answer recorded on"} consultation ${r.consultationId}; the case is ${r.state}.`,
        );
      },
    );
  consultation
    .command("close <case> <consultationId>")
    .description("Close a consultation (no further answer expected).")
    .action(async (ref: string, consultationId: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const k = await ctx.client.post<Consultation>(
        `/api/v1/cases/${seg(await resolveCase(ctx, ref))}/consultations/${seg(consultationId)}/close`,
      );
      if (ctx.json) return printJson(k);
      printConsultation(k);
    });

  cases
    .command("link <case>")
    .description(
      "Link a SIM (its state, plan, last session and diagnosis then show on the case) or an account.",
    )
    .option("--sim <iccid>", "the SIM's ICCID")
    .option("--account <account>", "an account")
    .action(async (ref: string, opts: { sim?: string; account?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.post<CaseDetail>(
        `/api/v1/cases/${seg(await resolveCase(ctx, ref))}/links`,
        { iccid: opts.sim, accountId: await resolveAccountOption(ctx, opts.account) },
      );
      if (ctx.json) return printJson(c);
      printTable(
        c.links,
        [
          { header: "LINK", value: (l) => l.id },
          { header: "KIND", value: (l) => l.kind },
          { header: "TO", value: (l) => l.iccid ?? l.accountName ?? l.accountId },
        ],
        "No links.",
      );
    });

  cases
    .command("unlink <case> <link>")
    .description("Remove a link: its id, or the linked SIM's ICCID or account id.")
    .action(async (ref: string, link: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const id = await resolveCase(ctx, ref);
      const c = await ctx.client.get<CaseDetail>(`/api/v1/cases/${seg(id)}`);
      const found = c.links.find(
        (l) => l.id === link || l.iccid === link || (l.kind === "account" && l.accountId === link),
      );
      // Same code as the API's answer for an unknown link id, so scripts see one code either way.
      if (!found)
        throw new CliError(
          "CASE_LINK_NOT_FOUND",
          `Case #${c.number} has no link ${link} (links: ${c.links.map((l) => l.iccid ?? l.accountId).join(", ") || "none"}).`,
        );
      await ctx.client.delete(`/api/v1/cases/${seg(id)}/links/${seg(found.id)}`);
      if (ctx.json) return printJson({ caseId: id, linkId: found.id, removed: true });
      out(`Link removed from case #${c.number}.`);
    });

  cases
    .command("macro <case> <macro>")
    .description(
      "Fill in a saved reply (id or name) for the case and print it; with --send, send it as the reply.",
    )
    .option("--send", "send the text as the reply to the customer")
    .option("--to <address...>", "with --send: recipients (default: the case's requester)")
    .option("--cc <address...>", "with --send: copies")
    .option(
      "--state <state>",
      "with --send: the state afterwards, e.g. waiting_on_customer",
      oneOf(CASE_STATES),
    )
    .action(
      async (
        ref: string,
        macroRef: string,
        opts: { send?: boolean; to?: string[]; cc?: string[]; state?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const id = await resolveCase(ctx, ref);
        const r = await ctx.client.post<{
          macroId: string;
          caseId: string;
          body: string;
          missing: string[];
        }>(`/api/v1/cases/${seg(id)}/macros/${seg(await resolveMacro(ctx, macroRef))}/render`);
        if (!opts.send) {
          if (ctx.json) return printJson(r);
          out(r.body.trimEnd());
          if (r.missing.length)
            note(
              `No value for ${r.missing.map((m) => `{{${m}}}`).join(", ")} on this case: edit the text before sending it.`,
            );
          return;
        }
        // A customer must never receive a literal {{placeholder}}: send only a complete text.
        if (r.missing.length) {
          throw new CliError(
            "MACRO_PLACEHOLDERS_MISSING",
            `No value for ${r.missing.map((m) => `{{${m}}}`).join(", ")} on this case; nothing was sent. Print the text without --send, edit it, and send it with \`otter cases reply --body @file\`.`,
          );
        }
        const sent = await ctx.client.post<{
          messageId: string;
          sendStatus: string;
          waitingForRelay?: boolean;
          state: string;
        }>(`/api/v1/cases/${seg(id)}/replies`, {
          body: r.body,
          to: opts.to,
          cc: opts.cc,
          state: opts.state,
        });
        if (ctx.json) return printJson({ ...sent, macroId: r.macroId, body: r.body });
        out(
          `Reply stored (${sent.sendStatus}${sent.waitingForRelay ? ", no relay yet" : ""}) as ${sent.messageId}; the case is ${sent.state}.`,
        );
      },
    );

  const desk = program.command("desk").description("Case desk settings.");
  const mailboxes = desk
    .command("mailboxes")
    .description("Support addresses Otter accepts mail for.");
  mailboxes
    .command("add <address>")
    .description("Accept mail for an address (operator-wide, or for one customer with --account).")
    .option("--account <account>", "the customer this address belongs to")
    .action(async (address: string, opts: { account?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const m = await ctx.client.post<{ id: string; address: string }>("/api/v1/desk/mailboxes", {
        address,
        accountId: await resolveAccountOption(ctx, opts.account),
      });
      if (ctx.json) return printJson(m);
      out(`Mail for ${m.address} is accepted (mailbox ${m.id}).`);
    });
  mailboxes
    .command("list")
    .description("Support addresses.")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.get<{
        items: { id: string; address: string; accountId: string | null; createdAt: string }[];
      }>("/api/v1/desk/mailboxes");
      if (ctx.json) return printJson(r);
      printTable(
        r.items,
        [
          { header: "ADDRESS", value: (m) => m.address },
          { header: "ACCOUNT", value: (m) => m.accountId ?? "operator-wide" },
          { header: "ID", value: (m) => m.id },
        ],
        "No support mailboxes yet: add one with `otter desk mailboxes add <address>`.",
      );
    });
}
