import { type Command, Option } from "commander";
import { ApiError, CliError, seg } from "../client.js";
import { type CliContext, contextOf, oneOf } from "../context.js";
import { resolveAccount } from "../account-ref.js";
import { formatBytes, note, out, printFields, printJson, printTable } from "../format.js";
import { bytes, collect, list, merge, number, readJsonObject, spec } from "../parse.js";

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

type Kind = (typeof KINDS)[number];
const SEGMENT: Record<Kind, string> = {
  communication: "communication-plans",
  rate: "rate-plans",
};

/**
 * The kind of plan `ref` names: the one given with --kind, or the one kind that has a plan of that
 * name or id. A name both kinds use needs --kind.
 */
async function kindOf(ctx: CliContext, ref: string, kind?: Kind): Promise<Kind> {
  if (kind) return kind;
  const [comm, rate] = await Promise.all(
    KINDS.map((k) => find(() => ctx.client.get<Ref>(`/api/v1/${SEGMENT[k]}/${seg(ref)}`))),
  );
  if (comm && rate)
    throw new CliError(
      "PLAN_AMBIGUOUS",
      `Both a communication plan and a rate plan are named '${ref}'; say which with --kind.`,
    );
  if (comm) return "communication";
  if (rate) return "rate";
  throw new CliError(
    "PLAN_NOT_FOUND",
    `No communication or rate plan is named or has the id '${ref}'.`,
  );
}

/** `iot.example` or `corp.example,type=private,ip=static,pool=10.20.0.0/16` → an APN of the API. */
function apn(raw: string) {
  const { head, pairs } = spec(raw, ["name", "type", "ip", "pool"], "APN");
  return {
    name: pairs.name ?? head,
    ...(pairs.type !== undefined && { type: pairs.type }),
    ...(pairs.ip !== undefined && { ipAddressing: pairs.ip }),
    ...(pairs.pool !== undefined && { ipPool: pairs.pool }),
  };
}

/** `Europe=0.5` or `Europe=0.5,sms-mo=0.05,sms-mt=0,voice=0.1` → a zone price of the API. */
function price(raw: string) {
  const { head, pairs } = spec(raw, ["sms-mo", "sms-mt", "voice"], "price");
  const eq = head.lastIndexOf("=");
  return {
    zone: eq < 0 ? head : head.slice(0, eq).trim(),
    ...(eq >= 0 && { dataPerMB: number(head.slice(eq + 1)) }),
    ...(pairs["sms-mo"] !== undefined && { smsMO: number(pairs["sms-mo"]) }),
    ...(pairs["sms-mt"] !== undefined && { smsMT: number(pairs["sms-mt"]) }),
    ...(pairs.voice !== undefined && { voicePerMinute: number(pairs.voice) }),
  };
}

interface CommOptions {
  name?: string;
  description?: string;
  apn?: ReturnType<typeof apn>[];
  rats?: string[];
  zones?: string[];
  data?: boolean;
  sms?: boolean;
  voice?: boolean;
}

const commBody = (o: CommOptions) => ({
  ...(o.name !== undefined && { name: o.name }),
  ...(o.description !== undefined && { description: o.description }),
  ...(o.apn && { apns: o.apn }),
  ...(o.rats && { rats: o.rats }),
  ...(o.zones && { zones: o.zones }),
  ...(o.data !== undefined && { dataEnabled: o.data }),
  ...(o.sms !== undefined && { smsEnabled: o.sms }),
  ...(o.voice !== undefined && { voiceEnabled: o.voice }),
});

function commOptions(cmd: Command, creating: boolean) {
  const apnHelp = "an APN: name[,type=private][,ip=static][,pool=10.20.0.0/16]; repeat for more";
  if (creating) cmd.requiredOption("--apn <spec>", apnHelp, collect(apn));
  else cmd.option("--apn <spec>", `${apnHelp} (replaces the APNs)`, collect(apn));
  const replaces = creating ? "" : " (replaces them)";
  const rats = `radio technologies, comma-separated: 2G,3G,LTE,LTE-M,NB-IoT,5G${replaces}`;
  const zones = `zones by name or id, comma-separated${replaces}`;
  if (creating)
    cmd.requiredOption("--rats <list>", rats, list).requiredOption("--zones <list>", zones, list);
  else cmd.option("--rats <list>", rats, list).option("--zones <list>", zones, list);
  return cmd
    .option("--description <text>", "what the plan is for")
    .option("--data", "data allowed (the default)")
    .option("--no-data", "no data")
    .option("--sms", "SMS allowed (the default)")
    .option("--no-sms", "no SMS")
    .option("--voice", "voice allowed")
    .option("--no-voice", "no voice (the default)");
}

interface TermsOptions {
  file?: string;
  effectiveFrom?: string;
  monthlyFee?: number | string;
  activationFee?: number | string;
  proration?: string;
  includedData?: number | string;
  includedSms?: number | string;
  includedVoice?: number | string;
  pool?: string;
  poolSize?: number | string;
  price?: ReturnType<typeof price>[];
  dataLimit?: number | string;
  rounding?: string;
  planChange?: string;
}

/** Nested parts of the body only when a flag fills them, so Otter's defaults apply to the rest. */
const some = (o: Record<string, unknown>) =>
  Object.values(o).some((v) => v !== undefined) ? o : undefined;

function termsBody(o: TermsOptions): Record<string, unknown> {
  const flags = {
    effectiveFrom: o.effectiveFrom,
    subscription: some({
      monthlyFeePerSim: o.monthlyFee,
      activationFee: o.activationFee,
      proration: o.proration,
    }),
    included: some({
      dataBytes: o.includedData,
      sms: o.includedSms,
      voiceSeconds: o.includedVoice,
    }),
    pool: some({ type: o.pool, fixedPoolBytes: o.poolSize }),
    zones: o.price,
    dataLimitBytes:
      o.dataLimit === undefined
        ? undefined
        : o.dataLimit === "none"
          ? null
          : bytes(String(o.dataLimit)),
    rounding: o.rounding,
    planChange: o.planChange,
  };
  return merge(o.file ? readJsonObject(o.file) : {}, flags);
}

function termsOptions(cmd: Command) {
  return cmd
    .option("--file <path>", "terms as JSON (the API's body; - reads stdin); flags override it")
    .option("--effective-from <iso>", "when these terms take effect (default: now)")
    .option("--monthly-fee <amount>", "fee per SIM per month", number)
    .option("--activation-fee <amount>", "one-off fee per SIM activated", number)
    .option("--proration <how>", "daily or none")
    .option("--included-data <size>", "data included per SIM per month, e.g. 10MB", bytes)
    .option("--included-sms <n>", "SMS included per SIM per month", number)
    .option("--included-voice <seconds>", "voice seconds included per SIM per month", number)
    .option("--pool <type>", "none, flex or fixed")
    .option("--pool-size <size>", "size of a fixed pool, e.g. 5GB", bytes)
    .option(
      "--price <zone=perMB>",
      "price in a zone: zone=<per MB>[,sms-mo=…][,sms-mt=…][,voice=<per minute>]; repeat per zone",
      collect(price),
    )
    .option("--data-limit <size>", "per-SIM data limit per cycle, e.g. 50MB, or none")
    .option("--rounding <unit>", "perKB or perMB")
    .option("--plan-change <when>", "nextCycle or immediate");
}

interface Offers {
  plan: Ref;
  accounts: { id: string; name: string; offeredAt: string }[];
}

function printOffers(o: Offers) {
  printTable(
    o.accounts,
    [
      { header: "ACCOUNT", value: (a) => a.name },
      { header: "ID", value: (a) => a.id },
      { header: "OFFERED", value: (a) => a.offeredAt },
    ],
    `Plan ${o.plan.name} is offered to no account.`,
  );
}

interface Check {
  communicationPlan: Ref | null;
  ratePlan: Ref | null;
  pairs: { communicationPlan: Ref; ratePlan: Ref; warnings: number }[];
  warnings: { code: string; message: string; communicationPlan: Ref; ratePlan: Ref }[];
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
    .action(async (ref: string, opts: { kind?: Kind }, cmd: Command) => {
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

  const create = plans.command("create").description("Create a communication or rate plan.");
  commOptions(
    create
      .command("communication")
      .description("Create a communication plan: what its SIMs may do, and where.")
      .argument("<name>", "a unique name"),
    true,
  ).action(async (name: string, opts: CommOptions, cmd: Command) => {
    const ctx = contextOf(cmd);
    const p = await ctx.client.post<CommunicationPlan>(
      "/api/v1/communication-plans",
      commBody({ ...opts, name }),
    );
    if (ctx.json) return printJson(p);
    out(`Created communication plan ${p.name} (${p.id}).`);
  });
  termsOptions(
    create
      .command("rate")
      .description("Create a rate plan with its first version: what its SIMs cost.")
      .argument("<name>", "a unique name")
      .option("--currency <code>", "ISO 4217 currency of every price, e.g. EUR")
      .option("--description <text>", "what the plan is for"),
  ).action(
    async (
      name: string,
      opts: TermsOptions & { currency?: string; description?: string },
      cmd: Command,
    ) => {
      const ctx = contextOf(cmd);
      const body = merge(termsBody(opts), {
        name,
        currency: opts.currency,
        description: opts.description,
      });
      const p = await ctx.client.post<RatePlan>("/api/v1/rate-plans", body);
      if (ctx.json) return printJson(p);
      out(`Created rate plan ${p.name} (${p.id}), version 1 from ${p.versions[0]?.effectiveFrom}.`);
    },
  );

  commOptions(
    plans
      .command("update")
      .description(
        "Change a communication plan (rate plans change by versions: `otter plans add-version`).",
      )
      .argument("<plan>", "the communication plan's name or id")
      .option("--name <name>", "a new name"),
    false,
  ).action(async (ref: string, opts: CommOptions, cmd: Command) => {
    const ctx = contextOf(cmd);
    const p = await ctx.client.patch<CommunicationPlan>(
      `/api/v1/communication-plans/${seg(ref)}`,
      commBody(opts),
    );
    if (ctx.json) return printJson(p);
    out(`Updated communication plan ${p.name} (${p.id}).`);
  });

  termsOptions(
    plans
      .command("add-version")
      .description(
        "New terms for a rate plan from a date; earlier versions stay for the usage before it.",
      )
      .argument("<plan>", "the rate plan's name or id"),
  ).action(async (ref: string, opts: TermsOptions, cmd: Command) => {
    const ctx = contextOf(cmd);
    const p = await ctx.client.post<RatePlan>(
      `/api/v1/rate-plans/${seg(ref)}/versions`,
      termsBody(opts),
    );
    if (ctx.json) return printJson(p);
    const v = p.versions[p.versions.length - 1]!;
    out(`Rate plan ${p.name}: version ${v.version} takes effect ${v.effectiveFrom}.`);
  });

  const kindOption = () =>
    new Option(
      "--kind <kind>",
      "communication or rate, when both kinds have a plan of that name",
    ).argParser(oneOf(KINDS, (s) => s.toLowerCase()));

  plans
    .command("offer")
    .description("Offer a plan to a customer account (and so to its sub-accounts).")
    .argument("<plan>", "the plan's name or id")
    .requiredOption("--account <account>", "the account (id or name)")
    .addOption(kindOption())
    .action(async (ref: string, opts: { account: string; kind?: Kind }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const kind = await kindOf(ctx, ref, opts.kind);
      const accountId = await resolveAccount(ctx, opts.account);
      const o = await ctx.client.post<Offers>(`/api/v1/${SEGMENT[kind]}/${seg(ref)}/offers`, {
        accountId,
      });
      if (ctx.json) return printJson(o);
      const account = o.accounts.find((a) => a.id === accountId);
      out(`Offered ${kind} plan ${o.plan.name} to ${account?.name ?? accountId}.`);
    });

  plans
    .command("withdraw")
    .description("Withdraw a plan from an account (SIMs keep the plan they have).")
    .argument("<plan>", "the plan's name or id")
    .requiredOption("--account <account>", "the account (id or name)")
    .addOption(kindOption())
    .action(async (ref: string, opts: { account: string; kind?: Kind }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const kind = await kindOf(ctx, ref, opts.kind);
      const accountId = await resolveAccount(ctx, opts.account);
      await ctx.client.delete(`/api/v1/${SEGMENT[kind]}/${seg(ref)}/offers/${seg(accountId)}`);
      if (ctx.json) return printJson({ withdrawn: { kind, plan: ref, accountId } });
      out(`Withdrew ${kind} plan ${ref} from account ${opts.account}.`);
    });

  plans
    .command("offers")
    .description("The accounts a plan is offered to.")
    .argument("<plan>", "the plan's name or id")
    .addOption(kindOption())
    .action(async (ref: string, opts: { kind?: Kind }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const kind = await kindOf(ctx, ref, opts.kind);
      const o = await ctx.client.get<Offers>(`/api/v1/${SEGMENT[kind]}/${seg(ref)}/offers`);
      if (ctx.json) return printJson(o);
      printOffers(o);
    });

  plans
    .command("check")
    .description(
      "Bill-shock check: zones a communication plan allows that a rate plan does not price. " +
        "Without a plan, every one you can see.",
    )
    .option("--communication-plan <plan>", "only this communication plan")
    .option("--rate-plan <plan>", "only this rate plan")
    .action(async (opts: { communicationPlan?: string; ratePlan?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const c = await ctx.client.get<Check>("/api/v1/catalog/check", {
        communicationPlan: opts.communicationPlan,
        ratePlan: opts.ratePlan,
      });
      if (ctx.json) return printJson(c);
      printTable(
        c.pairs,
        [
          { header: "COMMUNICATION PLAN", value: (p) => p.communicationPlan.name },
          { header: "RATE PLAN", value: (p) => p.ratePlan.name },
          { header: "WARNINGS", value: (p) => p.warnings },
        ],
        "No plans to check.",
      );
      if (c.warnings.length) out("");
      for (const w of c.warnings) out(`warning ${w.code}: ${w.message}`);
      if (c.pairs.length && !c.warnings.length) note("No bill-shock risk.");
    });
}
