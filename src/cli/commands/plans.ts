import type { Command } from "commander";
import { ApiError, CliError, seg } from "../client.js";
import { contextOf, oneOf } from "../context.js";
import { formatBytes, out, printFields, printJson, printTable } from "../format.js";

interface Ref {
  id: string;
  name: string;
}

interface CommunicationPlan {
  id: string;
  name: string;
  description: string | null;
  apns: { name: string; type: string; ipAddressing: string; ipPool?: string }[];
  dataEnabled: boolean;
  smsEnabled: boolean;
  voiceEnabled: boolean;
  rats: string[];
  zones: Ref[];
  createdAt: string;
  updatedAt: string;
}

interface RateVersion {
  version: number;
  effectiveFrom: string;
  subscription: { monthlyFeePerSim: number; activationFee: number; proration: string };
  included: { dataBytes: number; sms: number; voiceSeconds: number };
  pool: { type: string; fixedPoolBytes?: number };
  zones: { zone: Ref; dataPerMB: number; smsMO: number; smsMT: number; voicePerMinute: number }[];
  dataLimitBytes: number | null;
}

interface RatePlan {
  id: string;
  name: string;
  currency: string;
  description: string | null;
  currentVersion: RateVersion | null;
  versions: RateVersion[];
  createdAt: string;
  updatedAt: string;
}

type Listed = { kind: "communication"; plan: CommunicationPlan } | { kind: "rate"; plan: RatePlan };

const KINDS = ["communication", "rate"] as const;

function summary(p: Listed): string {
  if (p.kind === "communication") {
    const services = [
      p.plan.dataEnabled && "data",
      p.plan.smsEnabled && "SMS",
      p.plan.voiceEnabled && "voice",
    ]
      .filter(Boolean)
      .join("+");
    return `${services || "no services"} · ${p.plan.rats.join(", ")} · zones: ${p.plan.zones.map((z) => z.name).join(", ")}`;
  }
  const v = p.plan.currentVersion;
  if (!v) return `${p.plan.currency} · no version in force`;
  return `${p.plan.currency} ${v.subscription.monthlyFeePerSim}/SIM/month · ${formatBytes(v.included.dataBytes)} included · v${v.version}`;
}

function printCommunicationPlan(p: CommunicationPlan) {
  printFields([
    ["Communication plan", p.name],
    ["Id", p.id],
    ["Description", p.description],
    [
      "APNs",
      p.apns.map(
        (a) => `${a.name} (${a.type}, ${a.ipAddressing}${a.ipPool ? ` ${a.ipPool}` : ""})`,
      ),
    ],
    [
      "Services",
      [p.dataEnabled && "data", p.smsEnabled && "SMS", p.voiceEnabled && "voice"].filter(Boolean),
    ],
    ["Radio", p.rats],
    ["Zones", p.zones.map((z) => z.name)],
    ["Updated", p.updatedAt],
  ]);
}

function printRatePlan(p: RatePlan) {
  const v = p.currentVersion;
  printFields([
    ["Rate plan", p.name],
    ["Id", p.id],
    ["Description", p.description],
    ["Currency", p.currency],
    ["Versions", p.versions.map((x) => `v${x.version} from ${x.effectiveFrom}`)],
    ["In force", v && `v${v.version} since ${v.effectiveFrom}`],
    ...(v
      ? ([
          [
            "Monthly fee",
            `${v.subscription.monthlyFeePerSim} per SIM (activation ${v.subscription.activationFee}, proration ${v.subscription.proration})`,
          ],
          [
            "Included",
            `${formatBytes(v.included.dataBytes)} data, ${v.included.sms} SMS, ${v.included.voiceSeconds} s voice`,
          ],
          [
            "Pool",
            v.pool.type === "fixed" ? `fixed, ${formatBytes(v.pool.fixedPoolBytes)}` : v.pool.type,
          ],
          [
            "Data limit",
            v.dataLimitBytes === null
              ? "none"
              : `${formatBytes(v.dataLimitBytes)} per SIM per cycle`,
          ],
        ] as [string, unknown][])
      : []),
  ]);
  if (v?.zones.length) {
    out("");
    printTable(
      v.zones,
      [
        { header: "ZONE", value: (z) => z.zone.name },
        { header: "DATA/MB", value: (z) => z.dataPerMB },
        { header: "SMS MO", value: (z) => z.smsMO },
        { header: "SMS MT", value: (z) => z.smsMT },
        { header: "VOICE/MIN", value: (z) => z.voicePerMinute },
      ],
      "",
    );
  }
}

/** A plan by name or id, of whichever kind has it; null when that kind has no such plan. */
async function find<T>(get: () => Promise<T>): Promise<T | null> {
  try {
    return await get();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function registerPlans(program: Command) {
  const plans = program
    .command("plans")
    .description("Communication plans (what a SIM may do) and rate plans (what it costs).");

  plans
    .command("list")
    .description("Every communication and rate plan you can see.")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const [comm, rate] = await Promise.all([
        ctx.client.get<{ items: CommunicationPlan[] }>("/api/v1/communication-plans"),
        ctx.client.get<{ items: RatePlan[] }>("/api/v1/rate-plans"),
      ]);
      if (ctx.json) return printJson({ communicationPlans: comm.items, ratePlans: rate.items });
      const rows: Listed[] = [
        ...comm.items.map((plan) => ({ kind: "communication" as const, plan })),
        ...rate.items.map((plan) => ({ kind: "rate" as const, plan })),
      ];
      printTable(
        rows,
        [
          { header: "KIND", value: (r) => r.kind },
          { header: "NAME", value: (r) => r.plan.name },
          { header: "ID", value: (r) => r.plan.id },
          { header: "SUMMARY", value: (r) => summary(r) },
        ],
        "No plans.",
      );
    });

  plans
    .command("get")
    .description("One plan by name or id (communication and rate plans are both searched).")
    .argument("<name-or-id>", "the plan's name or id")
    .option(
      "--kind <kind>",
      "only this kind: communication or rate",
      oneOf(KINDS, (s) => s.toLowerCase()),
    )
    .action(async (ref: string, opts: { kind?: (typeof KINDS)[number] }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const [comm, rate] = await Promise.all([
        opts.kind === "rate"
          ? null
          : find(() =>
              ctx.client.get<CommunicationPlan>(`/api/v1/communication-plans/${seg(ref)}`),
            ),
        opts.kind === "communication"
          ? null
          : find(() => ctx.client.get<RatePlan>(`/api/v1/rate-plans/${seg(ref)}`)),
      ]);
      if (!comm && !rate) {
        const kinds = opts.kind ? `${opts.kind} plan` : "communication or rate plan";
        throw new CliError("PLAN_NOT_FOUND", `No ${kinds} is named or has the id '${ref}'.`);
      }
      if (ctx.json) return printJson({ communicationPlan: comm, ratePlan: rate });
      if (comm) printCommunicationPlan(comm);
      if (comm && rate) out("");
      if (rate) printRatePlan(rate);
    });
}
