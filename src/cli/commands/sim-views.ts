import { type Command, InvalidArgumentError } from "commander";
import { SIM_STATES, type SimState } from "../../modules/sims/sim-lifecycle.js";
import { seg } from "../client.js";
import { type CliContext, contextOf, oneOf, positiveInt } from "../context.js";
import { resolveAccountOption } from "../account-ref.js";
import { formatBytes, note, out, printFields, printJson, printTable } from "../format.js";

/**
 * The SIM views of `otter sims`: what the network saw of one SIM (connectivity, sessions, usage,
 * timeline), and the filters and count over many — the questions a caller asks on the phone.
 */

export const CONNECTIVITY = ["BLOCKED", "ONLINE", "ATTACHED", "OFFLINE"] as const;
type Connectivity = (typeof CONNECTIVITY)[number];
const COUNT_BY = {
  state: "state",
  connectivity: "connectivity",
  plan: "ratePlan",
  ratePlan: "ratePlan",
  communicationPlan: "communicationPlan",
} as const;

export interface SimFilterOptions {
  account?: string;
  state?: SimState;
  identifier?: string;
  connectivity?: Connectivity;
  ratePlan?: string;
  commPlan?: string;
  custom?: { field: string; value: string };
}

function customField(raw: string) {
  const at = raw.indexOf("=");
  if (at < 1) throw new InvalidArgumentError("Expected field=value, e.g. accountCustom1=pump 7.");
  return { field: raw.slice(0, at).trim(), value: raw.slice(at + 1) };
}

/** The filters `sims list` and `sims count` share, the query parameters of GET /api/v1/sims. */
export function withSimFilters(cmd: Command): Command {
  return cmd
    .option("--account <account>", "only SIMs in this account and its sub-accounts (id or name)")
    .option(
      "--state <state>",
      `only SIMs in this state (${SIM_STATES.join(", ")})`,
      oneOf(SIM_STATES, (s) => s.toUpperCase()),
    )
    .option("--identifier <id>", "only the SIM(s) with this ICCID, IMSI, MSISDN or device IMEI")
    .option(
      "--connectivity <c>",
      `only SIMs with this connectivity now (${CONNECTIVITY.join(", ")})`,
      oneOf(CONNECTIVITY, (s) => s.toUpperCase()),
    )
    .option("--rate-plan <plan>", "only SIMs on this rate plan (name or id)")
    .option("--comm-plan <plan>", "only SIMs on this communication plan (name or id)")
    .option("--custom <field=value>", "only SIMs whose custom field has this value", customField);
}

export async function simFilterQuery(ctx: CliContext, opts: SimFilterOptions) {
  return {
    accountId: await resolveAccountOption(ctx, opts.account),
    state: opts.state,
    identifier: opts.identifier,
    connectivity: opts.connectivity,
    ratePlan: opts.ratePlan,
    communicationPlan: opts.commPlan,
    customField: opts.custom?.field,
    customValue: opts.custom?.value,
  };
}

interface Session {
  status: string;
  startedAt: string;
  endedAt: string | null;
  apn: string | null;
  ip: string | null;
  rat: string | null;
  mcc: string | null;
  mnc: string | null;
  bytesUp: number;
  bytesDown: number;
  terminateCause: string | null;
}

interface ConnectivityView {
  iccid: string;
  state: Connectivity;
  reason: string;
  lastSeen: string | null;
  imei: string | null;
  previousImei: string | null;
  imeiChangedAt: string | null;
  rat: string | null;
  location: {
    mcc: string;
    mnc: string;
    country: string | null;
    network: string | null;
    cellId?: number;
    eci?: number;
  } | null;
  lastRegistration: {
    type: string;
    result: string | null;
    cause: number | null;
    at: string;
    visitedPlmn: string | null;
  } | null;
  openSession: Session | null;
  usage: { cycleStart: string; cycleBytes: number; dataLimitBytes: number | null };
  asOf: string;
}

interface Usage {
  items: {
    day: string;
    zone: { name: string } | null;
    bytesUp: number;
    bytesDown: number;
    smsMo: number;
    smsMt: number;
  }[];
  total: { bytesUp: number; bytesDown: number; smsMo: number; smsMt: number };
}

interface TimelineItem {
  at: string;
  kind: "session" | "registration";
  session: Session | null;
  event: {
    type: string;
    result: string | null;
    cause: number | null;
    visitedPlmn: string | null;
    rat: string | null;
    imei: string | null;
  } | null;
}

interface Count {
  by: string;
  total: number;
  groups: { key: string | null; name: string | null; count: number }[];
}

const network = (s: { mcc: string | null; mnc: string | null }) =>
  s.mcc && s.mnc ? `${s.mcc}-${s.mnc}` : null;

function describeSession(s: Session) {
  const where = [s.apn, s.rat, network(s)].filter(Boolean).join(", ");
  const bytes = `${formatBytes(s.bytesUp)} up, ${formatBytes(s.bytesDown)} down`;
  return s.status === "open"
    ? `data session open since ${s.startedAt} (${where}; ${bytes})`
    : `data session ${s.startedAt} – ${s.endedAt ?? "?"} (${where}; ${bytes}${s.terminateCause ? `; ${s.terminateCause}` : ""})`;
}

function describeEvent(e: NonNullable<TimelineItem["event"]>) {
  const what = [e.type.replace(/_/g, " "), e.result].filter(Boolean).join(" ");
  const cause = e.cause !== null ? ` (cause ${e.cause})` : "";
  const where = e.visitedPlmn ? ` on ${e.visitedPlmn}` : "";
  return `${what}${cause}${where}${e.rat ? `, ${e.rat}` : ""}${e.imei ? `, IMEI ${e.imei}` : ""}`;
}

const today = () => new Date().toISOString().slice(0, 10);

export function registerSimViews(sims: Command) {
  withSimFilters(
    sims
      .command("count")
      .description(
        "How many SIMs match, per state, connectivity or plan (e.g. how many of a customer's SIMs are offline).",
      )
      .option(
        "--by <what>",
        "state, connectivity or plan (the rate plan; communicationPlan for the other)",
        oneOf(Object.keys(COUNT_BY) as (keyof typeof COUNT_BY)[]),
        "state",
      ),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  otter sims count --account 0197… --by connectivity\n  otter sims count --connectivity OFFLINE --by plan",
    )
    .action(async (opts: SimFilterOptions & { by: keyof typeof COUNT_BY }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const count = await ctx.client.get<Count>("/api/v1/sims/count", {
        ...(await simFilterQuery(ctx, opts)),
        by: COUNT_BY[opts.by],
      });
      if (ctx.json) return printJson(count);
      const label = count.by === "state" || count.by === "connectivity" ? count.by : "plan";
      printTable(
        count.groups,
        [
          { header: label.toUpperCase(), value: (g) => g.name ?? g.key ?? "(none)" },
          { header: "SIMS", value: (g) => g.count },
        ],
        "No SIMs.",
      );
      if (count.groups.length) out(`${count.total} SIMs in all`);
    });

  sims
    .command("connectivity")
    .description(
      "Is the SIM online now: connectivity with the reason, last seen, device, network, session, usage.",
    )
    .argument("<iccid>", "the SIM's ICCID")
    .action(async (iccid: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.get<ConnectivityView>(`/api/v1/sims/${seg(iccid)}/connectivity`);
      if (ctx.json) return printJson(c);
      const reg = c.lastRegistration;
      const loc = c.location;
      printFields([
        ["ICCID", c.iccid],
        ["Connectivity", `${c.state}: ${c.reason}`],
        ["Last seen", c.lastSeen],
        [
          "Device IMEI",
          c.imei &&
            (c.previousImei
              ? `${c.imei} (was ${c.previousImei} until ${c.imeiChangedAt})`
              : c.imei),
        ],
        ["Radio", c.rat],
        [
          "Network",
          loc &&
            `${[loc.network, loc.country].filter(Boolean).join(", ") || "unknown"} (${loc.mcc}-${loc.mnc})${(loc.eci ?? loc.cellId) ? `, cell ${loc.eci ?? loc.cellId}` : ""}`,
        ],
        ["Registration", reg && `${describeEvent({ ...reg, rat: null, imei: null })} at ${reg.at}`],
        ["Session", c.openSession ? describeSession(c.openSession) : "none open"],
        [
          "Usage",
          `${formatBytes(c.usage.cycleBytes)} since ${c.usage.cycleStart}${c.usage.dataLimitBytes !== null ? ` of ${formatBytes(c.usage.dataLimitBytes)}` : ""}`,
        ],
        ["As of", c.asOf],
      ]);
    });

  sims
    .command("sessions")
    .description("The SIM's data sessions, newest first.")
    .argument("<iccid>", "the SIM's ICCID")
    .option("--limit <n>", "sessions to show (1–500)", positiveInt(500), 20)
    .action(async (iccid: string, opts: { limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client.get<{ items: Session[]; nextCursor: string | null }>(
        `/api/v1/sims/${seg(iccid)}/sessions`,
        { limit: opts.limit },
      );
      if (ctx.json) return printJson(page);
      printTable(
        page.items,
        [
          { header: "STARTED", value: (s) => s.startedAt },
          { header: "ENDED", value: (s) => (s.status === "open" ? "open" : s.endedAt) },
          { header: "APN", value: (s) => s.apn },
          { header: "IP", value: (s) => s.ip },
          { header: "RAT", value: (s) => s.rat },
          { header: "NETWORK", value: network },
          { header: "UP", value: (s) => formatBytes(s.bytesUp) },
          { header: "DOWN", value: (s) => formatBytes(s.bytesDown) },
          { header: "END CAUSE", value: (s) => s.terminateCause },
        ],
        "No data sessions.",
      );
      if (page.nextCursor) note("Older sessions: raise --limit, or use the API with its cursor.");
    });

  sims
    .command("usage")
    .description("The SIM's data and SMS per day and zone.")
    .argument("<iccid>", "the SIM's ICCID")
    .option("--from <day>", "first day, YYYY-MM-DD (default: the first of this month)")
    .option("--to <day>", "last day, YYYY-MM-DD (default: today)")
    .action(async (iccid: string, opts: { from?: string; to?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const to = opts.to ?? today();
      const from = opts.from ?? `${to.slice(0, 7)}-01`;
      const usage = await ctx.client.get<Usage>(`/api/v1/sims/${seg(iccid)}/usage`, { from, to });
      if (ctx.json) return printJson(usage);
      printTable(
        usage.items,
        [
          { header: "DAY", value: (u) => u.day },
          { header: "ZONE", value: (u) => u.zone?.name ?? "(no zone)" },
          { header: "UP", value: (u) => formatBytes(u.bytesUp) },
          { header: "DOWN", value: (u) => formatBytes(u.bytesDown) },
          { header: "SMS MO", value: (u) => u.smsMo },
          { header: "SMS MT", value: (u) => u.smsMt },
        ],
        `No usage from ${from} to ${to}.`,
      );
      if (usage.items.length) {
        const t = usage.total;
        out(
          `Total ${from} – ${to}: ${formatBytes(t.bytesUp)} up, ${formatBytes(t.bytesDown)} down, ${t.smsMo} SMS sent, ${t.smsMt} received`,
        );
      }
    });

  sims
    .command("timeline")
    .description("Data sessions and registrations of the SIM as one timeline, newest first.")
    .argument("<iccid>", "the SIM's ICCID")
    .option("--limit <n>", "entries to show (1–500)", positiveInt(500), 30)
    .option("--before <iso>", "only entries before this time")
    .action(async (iccid: string, opts: { limit: number; before?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const timeline = await ctx.client.get<{ items: TimelineItem[]; nextBefore: string | null }>(
        `/api/v1/sims/${seg(iccid)}/timeline`,
        { limit: opts.limit, before: opts.before },
      );
      if (ctx.json) return printJson(timeline);
      printTable(
        timeline.items,
        [
          { header: "AT", value: (i) => i.at },
          {
            header: "WHAT",
            value: (i) =>
              i.session ? describeSession(i.session) : i.event ? describeEvent(i.event) : i.kind,
          },
        ],
        "Nothing heard from this SIM.",
      );
      if (timeline.nextBefore) note(`Earlier entries: --before ${timeline.nextBefore}`);
    });
}
