import { Decimal } from "decimal.js";

/**
 * Rating: one customer's cycle, plan by plan, from figures the billing run has already added up in
 * SQL (SIM-days, pool contributions, usage per day and zone). Pure and exact: every amount is a
 * decimal.js value, written out as a decimal string; nothing here touches binary floating point.
 *
 * The rules (docs/billing.md, "How a line is rated"):
 * - the monthly fee is prorated by day over the days a SIM ends in a billable state, at the
 *   version in force on each of those days;
 * - a flexible pool holds each SIM's allowance × (days from its first billable day in the cycle to
 *   the cycle's end) / days in the cycle — a SIM that leaves keeps its contribution — and the exact
 *   fraction is kept until the pool's total, which is rounded UP to the whole byte; a fixed pool is
 *   the plan's volume; without a pool each SIM has its own allowance (overage computed per SIM in SQL);
 * - the pool or allowance covers usage in the plan's zone 1 (home), consumed day by day in order;
 *   what exceeds it is charged at that day's version's zone-1 price; other zones are charged from
 *   the first byte at their own price; a zone the version does not price is flagged, never free;
 * - 1 MB = 1,048,576 bytes; a line's amount is the exact sum of its parts rounded half-up to the
 *   currency's minor unit; the invoice total is the sum of the rounded lines.
 */

export const BYTES_PER_MB = 1_048_576;
const BYTES_PER_KB = 1024;

/** A zone price of a version, money as decimal strings. */
export interface ZonePrice {
  zoneId: string;
  zoneName: string;
  dataPerMB: string;
  smsMO: string;
  smsMT: string;
}

/** A version of a rate plan and the days of the cycle it is in force on ([fromDay, toDay)). */
export interface VersionInCycle {
  version: number;
  fromDay: string;
  toDay: string;
  monthlyFee: string;
  activationFee: string;
  proration: "daily" | "none";
  includedBytes: number;
  includedSms: number;
  pool: { type: "none" | "flex" | "fixed"; fixedPoolBytes?: number };
  /** In the plan's order: the first is zone 1, the home zone the allowance and pool cover. */
  zones: ZonePrice[];
  testReady: { dataBytes: number; sms: number };
}

/** Billable usage of one day in one zone (zoneId null: a network in no zone). */
export interface DayUsage {
  day: string;
  zoneId: string | null;
  zoneName: string | null;
  bytes: number;
  smsMo: number;
  smsMt: number;
}

export interface PlanCycle {
  ratePlanId: string;
  name: string;
  versions: VersionInCycle[];
  /** SIM-days in a billable state, by the version in force on each day. */
  simDays: { version: number; days: number; sims: number }[];
  /** SIMs with at least one billable day, by the version in force on their first (proration none). */
  simsBilled: { version: number; sims: number }[];
  /** Σ over SIMs of the days from their first billable day in the cycle to its end (flex pool). */
  contributionDays: number;
  contributingSims: number;
  /** SIMs activated for the first time in the cycle, by the version in force that day. */
  activations: { version: number; sims: number }[];
  usage: DayUsage[];
  /** Without a pool: zone-1 bytes over each SIM's own allowance, by day (summed over SIMs in SQL). */
  perSimOverage: { day: string; bytes: number; sims: number }[];
  /** Test-ready usage beyond the test allowance, charged at zone 1 (within it, it is free). */
  testExcess: { bytes: number; sms: number; sims: number };
}

export interface CycleToRate {
  start: string;
  /** Exclusive. */
  end: string;
  currency: string;
  plans: PlanCycle[];
}

export type LineKind =
  | "subscription"
  | "activation"
  | "pool"
  | "allowance"
  | "zone_data"
  | "sms"
  | "unpriced"
  | "test_excess"
  | "credit"
  | "late_usage";

/** One step of a line's arithmetic: quantity × unit price = amount (exact, before rounding). */
export interface Part {
  label: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  version?: number;
}

export interface RatedLine {
  kind: LineKind;
  description: string;
  ratePlanId: string | null;
  planVersion: number | null;
  zoneId: string | null;
  quantity: string;
  unit: string;
  unitPrice: string;
  /** Rounded to the currency's minor unit. */
  amount: string;
  flags: string[];
  explanation: {
    parts: Part[];
    /** The exact sum of the parts, before rounding. */
    exact: string;
    rounding: string;
    facts: Record<string, string | number>;
    sentence: string;
  };
}

export interface RatedCycle {
  lines: RatedLine[];
  subtotal: string;
  flags: string[];
}

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

/** The minor units of a currency (2 for EUR, 0 for JPY), as Intl knows them. */
export function minorUnits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Rounds an exact amount half-up to the currency's minor unit and writes it as a decimal string. */
export function roundMoney(value: Decimal.Value, currency: string): string {
  return new D(value)
    .toDecimalPlaces(minorUnits(currency), D.ROUND_HALF_UP)
    .toFixed(minorUnits(currency));
}

/** Bytes of one session as billed: rounded up to the next KB or MB, per session. */
export function roundSessionBytes(bytes: number, rounding: "perKB" | "perMB"): number {
  const unit = rounding === "perMB" ? BYTES_PER_MB : BYTES_PER_KB;
  return Math.ceil(bytes / unit) * unit;
}

/** Days between two ISO dates, end exclusive. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const mb = (bytes: Decimal.Value) => new D(bytes).div(BYTES_PER_MB);
const show = (d: Dec, places = 6) => {
  const fixed = d.toDecimalPlaces(places, D.ROUND_HALF_UP);
  return fixed.toString();
};
const part = (
  label: string,
  quantity: Dec,
  unit: string,
  unitPrice: Dec,
  amount: Dec,
  version?: number,
): Part => ({
  label,
  quantity: show(quantity),
  unit,
  unitPrice: unitPrice.toString(),
  amount: amount.toString(),
  ...(version !== undefined && { version }),
});

function versionOn(plan: PlanCycle, day: string): VersionInCycle {
  const v = plan.versions.find((x) => x.fromDay <= day && day < x.toDay);
  return v ?? plan.versions[plan.versions.length - 1]!;
}
const versionNo = (plan: PlanCycle, n: number) =>
  plan.versions.find((v) => v.version === n) ?? plan.versions[0]!;

/** The allowances of the cycle: those of the version in force on its first day. */
const firstVersion = (plan: PlanCycle) => plan.versions[0]!;

/** Size of the pool in bytes (rounded up to the whole byte), with the exact figure behind it. */
export function poolBytes(plan: PlanCycle, cycleDays: number): { exact: Dec; bytes: number } {
  const v = firstVersion(plan);
  if (v.pool.type === "fixed") {
    const fixed = new D(v.pool.fixedPoolBytes ?? 0);
    return { exact: fixed, bytes: fixed.toNumber() };
  }
  if (v.pool.type === "none") return { exact: new D(0), bytes: 0 };
  const exact = new D(v.includedBytes).mul(plan.contributionDays).div(cycleDays);
  return { exact, bytes: exact.ceil().toNumber() };
}

function line(
  currency: string,
  base: Omit<RatedLine, "amount" | "explanation" | "flags"> & { flags?: string[] },
  parts: Part[],
  facts: Record<string, string | number>,
  sentence: string,
): RatedLine {
  const exact = parts.reduce((sum, p) => sum.add(p.amount), new D(0));
  const places = minorUnits(currency);
  return {
    ...base,
    flags: base.flags ?? [],
    amount: roundMoney(exact, currency),
    explanation: {
      parts,
      exact: exact.toString(),
      rounding: `the exact sum of the parts rounded half-up to ${places} decimal places`,
      facts,
      sentence,
    },
  };
}

function rateSubscription(plan: PlanCycle, cycle: CycleToRate, cycleDays: number): RatedLine[] {
  const out: RatedLine[] = [];
  const parts: Part[] = [];
  let quantity = new D(0);
  for (const v of plan.versions) {
    const fee = new D(v.monthlyFee);
    if (v.proration === "daily") {
      const days = plan.simDays.find((s) => s.version === v.version)?.days ?? 0;
      if (days === 0) continue;
      const months = new D(days).div(cycleDays);
      quantity = quantity.add(months);
      parts.push(
        part(
          `${days} SIM-days ÷ ${cycleDays} days × ${fee.toString()} (version ${v.version})`,
          months,
          "SIM-month",
          fee,
          fee.mul(days).div(cycleDays),
          v.version,
        ),
      );
    } else {
      const sims = plan.simsBilled.find((s) => s.version === v.version)?.sims ?? 0;
      if (sims === 0) continue;
      quantity = quantity.add(sims);
      parts.push(
        part(
          `${sims} SIMs × ${fee.toString()}, not prorated (version ${v.version})`,
          new D(sims),
          "SIM-month",
          fee,
          fee.mul(sims),
          v.version,
        ),
      );
    }
  }
  if (parts.length === 0) return out;
  const sims = plan.simDays.reduce((n, s) => Math.max(n, s.sims), 0);
  const v = firstVersion(plan);
  out.push(
    line(
      cycle.currency,
      {
        kind: "subscription",
        description: `${plan.name}: monthly fees`,
        ratePlanId: plan.ratePlanId,
        planVersion: parts.length === 1 ? (parts[0]!.version ?? null) : null,
        zoneId: null,
        quantity: show(quantity),
        unit: "SIM-month",
        unitPrice: v.monthlyFee,
      },
      parts,
      { sims, simDays: plan.simDays.reduce((n, s) => n + s.days, 0), cycleDays },
      `${plan.simDays.reduce((n, s) => n + s.days, 0)} days in a billable state across the plan's SIMs, each day at 1/${cycleDays} of the monthly fee.`,
    ),
  );
  return out;
}

function rateActivations(plan: PlanCycle, cycle: CycleToRate): RatedLine[] {
  const parts = plan.activations
    .filter((a) => a.sims > 0)
    .map((a) => {
      const fee = new D(versionNo(plan, a.version).activationFee);
      return part(
        `${a.sims} activations × ${fee.toString()} (version ${a.version})`,
        new D(a.sims),
        "SIM",
        fee,
        fee.mul(a.sims),
        a.version,
      );
    })
    .filter((p) => !new D(p.amount).isZero());
  if (parts.length === 0) return [];
  const sims = plan.activations.reduce((n, a) => n + a.sims, 0);
  return [
    line(
      cycle.currency,
      {
        kind: "activation",
        description: `${plan.name}: activation fees`,
        ratePlanId: plan.ratePlanId,
        planVersion: null,
        zoneId: null,
        quantity: String(sims),
        unit: "SIM",
        unitPrice: firstVersion(plan).activationFee,
      },
      parts,
      { sims },
      `${sims} SIMs were activated for the first time in this cycle.`,
    ),
  ];
}

/**
 * Zone-1 data against the pool (or each SIM's own allowance), day by day: the overage of each day
 * is priced at the version in force that day.
 */
function rateHomeData(plan: PlanCycle, cycle: CycleToRate, cycleDays: number): RatedLine[] {
  const v0 = firstVersion(plan);
  const home = (day: string) => versionOn(plan, day).zones[0];
  const homeRows = plan.usage.filter((u) => u.zoneId !== null && u.zoneId === home(u.day)?.zoneId);
  const homeBytes = homeRows.reduce((n, u) => n + u.bytes, 0);
  const byDay = new Map<string, number>();
  for (const u of homeRows) byDay.set(u.day, (byDay.get(u.day) ?? 0) + u.bytes);
  const overByVersion = new Map<number, number>();

  if (v0.pool.type === "none") {
    for (const o of plan.perSimOverage) {
      const n = versionOn(plan, o.day).version;
      overByVersion.set(n, (overByVersion.get(n) ?? 0) + o.bytes);
    }
  } else {
    const pool = poolBytes(plan, cycleDays).bytes;
    let used = 0;
    for (const day of [...byDay.keys()].sort()) {
      const bytes = byDay.get(day)!;
      const over = Math.max(0, used + bytes - pool) - Math.max(0, used - pool);
      used += bytes;
      const n = versionOn(plan, day).version;
      if (over > 0) overByVersion.set(n, (overByVersion.get(n) ?? 0) + over);
    }
  }
  if (homeBytes === 0 && v0.pool.type === "none") return [];

  const parts: Part[] = [];
  let overBytes = 0;
  for (const [n, bytes] of [...overByVersion.entries()].sort((a, b) => a[0] - b[0])) {
    const price = new D(versionNo(plan, n).zones[0]!.dataPerMB);
    overBytes += bytes;
    parts.push(
      part(
        `${show(mb(bytes))} MB over the ${v0.pool.type === "none" ? "allowance" : "pool"} × ${price.toString()} per MB (version ${n})`,
        mb(bytes),
        "MB",
        price,
        mb(bytes).mul(price),
        n,
      ),
    );
  }
  const zone = v0.zones[0]!;
  const pool = poolBytes(plan, cycleDays);
  const facts: Record<string, string | number> =
    v0.pool.type === "none"
      ? { allowancePerSimBytes: v0.includedBytes, homeBytes, overBytes }
      : {
          poolType: v0.pool.type,
          poolExactBytes: pool.exact.toString(),
          poolBytes: pool.bytes,
          poolMB: show(mb(pool.bytes)),
          contributionDays: plan.contributionDays,
          contributingSims: plan.contributingSims,
          cycleDays,
          homeBytes,
          homeMB: show(mb(homeBytes)),
          overBytes,
        };
  const sentence =
    v0.pool.type === "none"
      ? `Each SIM includes ${show(mb(v0.includedBytes))} MB in ${zone.zoneName}; ${show(mb(overBytes))} MB were used beyond the SIMs' own allowances.`
      : `The ${v0.pool.type === "flex" ? "flexible" : "fixed"} pool held ${show(mb(pool.bytes))} MB for ${zone.zoneName}; ${show(mb(homeBytes))} MB were used there, ${overBytes > 0 ? `${show(mb(overBytes))} MB beyond the pool` : "all within the pool"}.`;
  return [
    line(
      cycle.currency,
      {
        kind: v0.pool.type === "none" ? "allowance" : "pool",
        description: `${plan.name}: data in ${zone.zoneName} ${v0.pool.type === "none" ? "beyond each SIM's allowance" : `beyond the ${v0.pool.type} pool`}`,
        ratePlanId: plan.ratePlanId,
        planVersion: parts.length === 1 ? (parts[0]!.version ?? null) : null,
        zoneId: zone.zoneId,
        quantity: show(mb(overBytes)),
        unit: "MB",
        unitPrice: zone.dataPerMB,
      },
      parts,
      facts,
      sentence,
    ),
  ];
}

/** Data outside zone 1 (never from the pool), and data in zones the version does not price. */
function rateOtherZones(plan: PlanCycle, cycle: CycleToRate): RatedLine[] {
  const priced = new Map<string, Map<number, number>>();
  const unpriced = new Map<string, { name: string; zoneId: string | null; bytes: number }>();
  for (const u of plan.usage) {
    if (u.bytes === 0) continue;
    const v = versionOn(plan, u.day);
    if (u.zoneId !== null && u.zoneId === v.zones[0]?.zoneId) continue;
    const price = u.zoneId === null ? undefined : v.zones.find((z) => z.zoneId === u.zoneId);
    if (!price) {
      const key = u.zoneId ?? "";
      const entry = unpriced.get(key) ?? {
        name: u.zoneName ?? "a network in no zone",
        zoneId: u.zoneId,
        bytes: 0,
      };
      entry.bytes += u.bytes;
      unpriced.set(key, entry);
      continue;
    }
    const byVersion = priced.get(u.zoneId!) ?? new Map<number, number>();
    byVersion.set(v.version, (byVersion.get(v.version) ?? 0) + u.bytes);
    priced.set(u.zoneId!, byVersion);
  }
  const out: RatedLine[] = [];
  for (const [zoneId, byVersion] of priced) {
    const parts: Part[] = [];
    let bytes = 0;
    let zoneName = zoneId;
    let unitPrice = "0";
    for (const [n, b] of [...byVersion.entries()].sort((a, c) => a[0] - c[0])) {
      const z = versionNo(plan, n).zones.find((x) => x.zoneId === zoneId)!;
      zoneName = z.zoneName;
      unitPrice = z.dataPerMB;
      bytes += b;
      const price = new D(z.dataPerMB);
      parts.push(
        part(
          `${show(mb(b))} MB × ${price.toString()} per MB (version ${n})`,
          mb(b),
          "MB",
          price,
          mb(b).mul(price),
          n,
        ),
      );
    }
    out.push(
      line(
        cycle.currency,
        {
          kind: "zone_data",
          description: `${plan.name}: data in ${zoneName}`,
          ratePlanId: plan.ratePlanId,
          planVersion: parts.length === 1 ? (parts[0]!.version ?? null) : null,
          zoneId,
          quantity: show(mb(bytes)),
          unit: "MB",
          unitPrice,
        },
        parts,
        { bytes, MB: show(mb(bytes)) },
        `${show(mb(bytes))} MB were used in ${zoneName}, which the plan prices at ${unitPrice} per MB from the first byte (not from the pool).`,
      ),
    );
  }
  for (const u of unpriced.values()) {
    out.push(
      line(
        cycle.currency,
        {
          kind: "unpriced",
          description: `${plan.name}: data in ${u.name}, which the plan does not price`,
          ratePlanId: plan.ratePlanId,
          planVersion: null,
          zoneId: u.zoneId,
          quantity: show(mb(u.bytes)),
          unit: "MB",
          unitPrice: "0",
          flags: ["UNPRICED_ZONE"],
        },
        [part(`${show(mb(u.bytes))} MB without a price`, mb(u.bytes), "MB", new D(0), new D(0))],
        { bytes: u.bytes },
        `${show(mb(u.bytes))} MB were used in ${u.name}, which the rate plan does not price: an operator must price it (a new plan version) before this invoice is issued.`,
      ),
    );
  }
  return out;
}

/** SMS per zone: MO and MT at the zone's prices; zone-1 SMS first use the included SMS. */
function rateSms(plan: PlanCycle, cycle: CycleToRate, cycleDays: number): RatedLine[] {
  const v0 = firstVersion(plan);
  // Included SMS are pooled per plan like a flexible pool (docs/decisions.md).
  let included = new D(v0.includedSms).mul(plan.contributionDays).div(cycleDays).floor().toNumber();
  const includedTotal = included;
  const perZone = new Map<string, Part[]>();
  const names = new Map<string, string>();
  const rows = [...plan.usage].filter((u) => u.smsMo + u.smsMt > 0);
  rows.sort((a, b) => a.day.localeCompare(b.day));
  for (const u of rows) {
    const v = versionOn(plan, u.day);
    const z = u.zoneId === null ? undefined : v.zones.find((x) => x.zoneId === u.zoneId);
    const key = u.zoneId ?? "";
    names.set(key, z?.zoneName ?? u.zoneName ?? "a network in no zone");
    let mo = u.smsMo;
    let mt = u.smsMt;
    if (z && z.zoneId === v.zones[0]?.zoneId) {
      const fromMo = Math.min(mo, included);
      included -= fromMo;
      mo -= fromMo;
      const fromMt = Math.min(mt, included);
      included -= fromMt;
      mt -= fromMt;
    }
    const parts = perZone.get(key) ?? [];
    const moPrice = new D(z?.smsMO ?? 0);
    const mtPrice = new D(z?.smsMT ?? 0);
    if (mo > 0)
      parts.push(
        part(
          `${u.day}: ${mo} SMS MO × ${moPrice.toString()}`,
          new D(mo),
          "SMS",
          moPrice,
          moPrice.mul(mo),
          v.version,
        ),
      );
    if (mt > 0)
      parts.push(
        part(
          `${u.day}: ${mt} SMS MT × ${mtPrice.toString()}`,
          new D(mt),
          "SMS",
          mtPrice,
          mtPrice.mul(mt),
          v.version,
        ),
      );
    perZone.set(key, parts);
  }
  const out: RatedLine[] = [];
  for (const [key, parts] of perZone) {
    const count = parts.reduce((n, p) => n + Number(p.quantity), 0);
    const unpriced =
      key === "" || !plan.versions.some((v) => v.zones.some((z) => z.zoneId === key));
    if (count === 0) continue;
    out.push(
      line(
        cycle.currency,
        {
          kind: unpriced ? "unpriced" : "sms",
          description: `${plan.name}: SMS in ${names.get(key)}`,
          ratePlanId: plan.ratePlanId,
          planVersion: null,
          zoneId: key || null,
          quantity: String(count),
          unit: "SMS",
          unitPrice: parts[0]?.unitPrice ?? "0",
          flags: unpriced ? ["UNPRICED_ZONE"] : [],
        },
        parts,
        { sms: count, includedSms: includedTotal },
        `${count} SMS beyond the ${includedTotal} included were sent or received in ${names.get(key)}.`,
      ),
    );
  }
  return out;
}

function rateTestExcess(plan: PlanCycle, cycle: CycleToRate): RatedLine[] {
  const { bytes, sms, sims } = plan.testExcess;
  if (bytes === 0 && sms === 0) return [];
  const z = firstVersion(plan).zones[0]!;
  const price = new D(z.dataPerMB);
  const smsPrice = new D(z.smsMO);
  const parts = [
    part(
      `${show(mb(bytes))} MB beyond the test allowance × ${price.toString()}`,
      mb(bytes),
      "MB",
      price,
      mb(bytes).mul(price),
    ),
    part(
      `${sms} SMS beyond the test allowance × ${smsPrice.toString()}`,
      new D(sms),
      "SMS",
      smsPrice,
      smsPrice.mul(sms),
    ),
  ];
  return [
    line(
      cycle.currency,
      {
        kind: "test_excess",
        description: `${plan.name}: test usage beyond the test allowance`,
        ratePlanId: plan.ratePlanId,
        planVersion: firstVersion(plan).version,
        zoneId: z.zoneId,
        quantity: show(mb(bytes)),
        unit: "MB",
        unitPrice: z.dataPerMB,
      },
      parts,
      { sims, bytes, sms },
      `${sims} SIMs used more than their free test allowance before activation; the excess is charged at ${z.zoneName} prices.`,
    ),
  ];
}

/** Rates a customer's cycle: the lines of every plan, and the subtotal (sum of rounded lines). */
export function rateCycle(cycle: CycleToRate): RatedCycle {
  const cycleDays = daysBetween(cycle.start, cycle.end);
  const lines: RatedLine[] = [];
  const plans = [...cycle.plans].sort((a, b) => a.name.localeCompare(b.name));
  for (const plan of plans) {
    if (plan.versions.length === 0) continue;
    // A plan none of the customer's SIMs was on in the cycle (one a SIM moves to at the next cycle).
    const idle =
      plan.simDays.every((d) => d.days === 0) &&
      plan.usage.length === 0 &&
      plan.activations.length === 0 &&
      plan.testExcess.bytes + plan.testExcess.sms === 0;
    if (idle) continue;
    lines.push(
      ...rateSubscription(plan, cycle, cycleDays),
      ...rateActivations(plan, cycle),
      ...rateHomeData(plan, cycle, cycleDays),
      ...rateOtherZones(plan, cycle),
      ...rateSms(plan, cycle, cycleDays),
      ...rateTestExcess(plan, cycle),
    );
  }
  const subtotal = lines.reduce((s, l) => s.add(l.amount), new D(0));
  const flags = [...new Set(lines.flatMap((l) => l.flags))];
  return { lines, subtotal: roundMoney(subtotal, cycle.currency), flags };
}

/** VAT on a subtotal: rounded half-up to the minor unit. */
export function vatOn(subtotal: string, rate: string, currency: string): string {
  return roundMoney(new D(subtotal).mul(rate).div(100), currency);
}

export function addMoney(a: string, b: string, currency: string): string {
  return roundMoney(new D(a).add(b), currency);
}

export function negate(amount: string): string {
  return new D(amount).neg().toFixed(Math.max(0, new D(amount).decimalPlaces()));
}

export { D as Money };
