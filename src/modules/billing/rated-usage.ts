import { Decimal } from "decimal.js";
import { BYTES_PER_MB } from "./rating.js";

/**
 * The rated usage behind an invoice, one row per SIM, day and zone (as usage is stored), priced the
 * way rating priced it — pure. Rating charges zone-1 data against a pool across all the plan's SIMs
 * day by day, so a pooled row's share of the pool's overage is not a property of the row: such rows
 * show their price and say "pool", and the pool line carries the charge. Every other row carries
 * its exact amount (before the line's rounding): data outside zone 1 from the first byte, zone-1 data
 * beyond a SIM's own allowance (cumulative over the SIM's days, as rating computes it).
 */

/** A plan version's data terms, over the days of the cycle it is in force on ([fromDay, toDay)). */
export interface VersionTerms {
  version: number;
  fromDay: string;
  toDay: string;
  /** Zone ids and their data price per MB, in the plan's order: the first is zone 1. */
  zones: { zoneId: string; dataPerMB: string }[];
}

export interface PlanTerms {
  name: string;
  /** Of the cycle's first version, as rating takes them. */
  pool: "none" | "flex" | "fixed";
  includedBytes: number;
  versions: VersionTerms[];
}

export interface UsageDay {
  iccid: string;
  simId: string;
  day: string;
  zoneId: string | null;
  zoneName: string;
  test: boolean;
  bytes: number;
  ratedBytes: number;
  smsMo: number;
  smsMt: number;
}

export type ChargedAs = "zone" | "pool" | "allowance" | "unpriced" | "test";

export interface RatedUsageRow {
  iccid: string;
  day: string;
  zone: string;
  plan: string;
  plan_version: string;
  test: string;
  bytes: string;
  rated_bytes: string;
  rated_mb: string;
  sms_mo: string;
  sms_mt: string;
  price_per_mb: string;
  charged_as: ChargedAs;
  charged_mb: string;
  amount: string;
  currency: string;
  line: string;
}

export const RATED_USAGE_COLUMNS: (keyof RatedUsageRow)[] = [
  "iccid",
  "day",
  "zone",
  "plan",
  "plan_version",
  "test",
  "bytes",
  "rated_bytes",
  "rated_mb",
  "sms_mo",
  "sms_mt",
  "price_per_mb",
  "charged_as",
  "charged_mb",
  "amount",
  "currency",
  "line",
];

const mb = (bytes: number) => new Decimal(bytes).div(BYTES_PER_MB);

function versionOn(plan: PlanTerms, day: string): VersionTerms | undefined {
  return plan.versions.find((v) => v.fromDay <= day && day < v.toDay) ?? plan.versions.at(-1);
}

/**
 * Rates one SIM's days under one plan, in day order. `lineOf` finds the invoice line that carries a
 * kind of charge (null when the invoice has none, e.g. usage that cost nothing).
 */
export function rateSimDays(
  plan: PlanTerms,
  days: UsageDay[],
  currency: string,
  lineOf: (kind: string, zoneId: string | null) => number | null,
): RatedUsageRow[] {
  let homeUsed = 0;
  const sorted = [...days].sort(
    (a, b) => a.day.localeCompare(b.day) || (a.zoneId ?? "").localeCompare(b.zoneId ?? ""),
  );
  const homeOfCycle = plan.versions[0]?.zones[0]?.zoneId ?? null;
  return sorted.map((u) => {
    const v = versionOn(plan, u.day);
    const price = u.zoneId === null ? undefined : v?.zones.find((z) => z.zoneId === u.zoneId);
    const home = u.zoneId !== null && u.zoneId === v?.zones[0]?.zoneId;
    let chargedAs: ChargedAs;
    let charged: Decimal | null = null;
    let line: number | null;
    if (u.test) {
      chargedAs = "test";
      line = lineOf("test_excess", null);
    } else if (!price) {
      chargedAs = "unpriced";
      line = lineOf("unpriced", u.zoneId);
    } else if (home && plan.pool !== "none") {
      chargedAs = "pool";
      line = lineOf("pool", null);
    } else if (home) {
      chargedAs = "allowance";
      // Rating counts each SIM's allowance against the cycle's zone 1 (rateUsageFacts, home_days).
      const counted = u.zoneId === homeOfCycle ? u.ratedBytes : 0;
      const over =
        Math.max(0, homeUsed + counted - plan.includedBytes) -
        Math.max(0, homeUsed - plan.includedBytes);
      homeUsed += counted;
      charged = mb(over);
      line = lineOf("allowance", null);
    } else {
      chargedAs = "zone";
      charged = mb(u.ratedBytes);
      line = lineOf("zone_data", u.zoneId);
    }
    return {
      iccid: u.iccid,
      day: u.day,
      zone: u.zoneName,
      plan: plan.name,
      plan_version: v ? String(v.version) : "",
      test: u.test ? "yes" : "no",
      bytes: String(u.bytes),
      rated_bytes: String(u.ratedBytes),
      rated_mb: mb(u.ratedBytes).toDecimalPlaces(6).toString(),
      sms_mo: String(u.smsMo),
      sms_mt: String(u.smsMt),
      price_per_mb: price?.dataPerMB ?? "",
      charged_as: chargedAs,
      charged_mb: charged ? charged.toDecimalPlaces(6).toString() : "",
      amount: charged && price ? charged.mul(price.dataPerMB).toString() : "",
      currency,
      line: line === null ? "" : String(line),
    };
  });
}
