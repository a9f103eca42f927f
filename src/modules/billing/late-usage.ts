import { Decimal } from "decimal.js";
import { dayBefore } from "./billing-cycle.js";
import { BYTES_PER_MB, type Part, type RatedLine, roundMoney } from "./rating.js";

/**
 * Late usage (docs/billing.md, "Late usage"), pure: the line that carries to the next invoice what
 * usage records that arrived after an invoice was issued add to that invoice's cycle. The cycle is
 * rated again with every record known now; the line is the difference, usage line by usage line,
 * less what earlier late-usage lines for the same cycle already billed. Fees never change late
 * (they follow the SIMs' states, not usage), so only usage lines are compared.
 */

/** The line kinds that follow usage. */
export const USAGE_KINDS = new Set([
  "pool",
  "allowance",
  "zone_data",
  "sms",
  "unpriced",
  "test_excess",
]);

/** How many issued cycles back a run looks for late usage. */
export const LATE_CYCLES = 3;

interface LineLike {
  kind: string;
  description: string;
  rate_plan_id?: string | null;
  ratePlanId?: string | null;
  zone_id?: string | null;
  zoneId?: string | null;
  quantity: string;
  amount: string;
  flags?: unknown;
}

const keyOf = (l: LineLike) =>
  `${l.kind}|${l.rate_plan_id ?? l.ratePlanId ?? ""}|${l.zone_id ?? l.zoneId ?? ""}`;

/** "October 2026" for a calendar cycle, "15 October – 14 November 2026" otherwise. */
export function cycleName(start: string, end: string): string {
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  const month = (d: string, year: boolean) =>
    at(d).toLocaleString("en-GB", {
      timeZone: "UTC",
      month: "long",
      ...(year && { year: "numeric" }),
    });
  if (start.endsWith("-01")) return month(start, true);
  const last = dayBefore(end);
  return `${Number(start.slice(8))} ${month(start, false)} – ${Number(last.slice(8))} ${month(last, true)}`;
}

export function lateLine(input: {
  prior: { number_text: string | null; cycle_start: string; cycle_end: string; currency: string };
  priorLines: LineLike[];
  rerated: RatedLine[];
  billedLate: { amount: string; number: string | null }[];
  lateBytes: number;
  lateSms: number;
}): RatedLine | null {
  const { prior, currency } = { prior: input.prior, currency: input.prior.currency };
  const before = new Map(input.priorLines.map((l) => [keyOf(l), l]));
  const after = new Map(input.rerated.map((l) => [keyOf(l), l]));
  const parts: Part[] = [];
  const flags = new Set<string>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    const diff = new Decimal(now?.amount ?? 0).sub(was?.amount ?? 0);
    if (now && now.quantity !== was?.quantity) for (const f of now.flags) flags.add(f);
    if (diff.isZero()) continue;
    const desc = (now ?? was)!.description;
    parts.push({
      label: `${desc}: ${was?.amount ?? "0"} on ${prior.number_text} → ${now?.amount ?? "0"} with the late usage`,
      quantity: "1",
      unit: "difference",
      unitPrice: diff.toString(),
      amount: diff.toString(),
    });
  }
  for (const b of input.billedLate)
    if (!new Decimal(b.amount).isZero())
      parts.push({
        label: `already billed as late usage on ${b.number}`,
        quantity: "1",
        unit: "difference",
        unitPrice: new Decimal(b.amount).neg().toString(),
        amount: new Decimal(b.amount).neg().toString(),
      });
  const exact = parts.reduce((s, p) => s.add(p.amount), new Decimal(0));
  if (input.lateBytes <= 0 && input.lateSms <= 0 && exact.isZero()) return null;
  const amount = roundMoney(exact, currency);
  const lateMB = new Decimal(Math.max(0, input.lateBytes)).div(BYTES_PER_MB);
  const name = cycleName(prior.cycle_start, prior.cycle_end);
  const mbText = lateMB.toDecimalPlaces(6).toString();
  return {
    kind: "late_usage",
    description: `Usage from ${name} received after invoice ${prior.number_text} was issued`,
    ratePlanId: null,
    planVersion: null,
    zoneId: null,
    quantity: "1",
    unit: "late usage",
    unitPrice: amount,
    amount,
    flags: [...flags],
    explanation: {
      parts,
      exact: exact.toString(),
      rounding: "each part is a difference of rounded lines, so the sum needs no rounding",
      facts: {
        lateForInvoice: prior.number_text ?? "",
        cycleStart: prior.cycle_start,
        cycleEnd: dayBefore(prior.cycle_end),
        lateBytes: Math.max(0, input.lateBytes),
        lateMB: mbText,
        lateSms: Math.max(0, input.lateSms),
        alreadyBilledLate: input.billedLate
          .reduce((s, b) => s.add(b.amount), new Decimal(0))
          .toString(),
      },
      sentence: `${mbText} MB and ${Math.max(0, input.lateSms)} SMS from ${name} were recorded after invoice ${prior.number_text} was issued; rated with the rest of that cycle's usage, they add ${amount} ${currency}.`,
    },
  };
}
