import type { Tx } from "../../db/database.js";
import type { Account } from "../../db/schema.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import type { Cycle } from "./billing-cycle.js";
import { billingRepo, type SimFactRow, type UsageFactRow } from "./billing.repo.js";
import { type PlanCycle, type RatedCycle, rateCycle, type VersionInCycle } from "./rating.js";

/** A plan a customer's SIMs were on in a cycle, with its versions in force over the cycle. */
export interface PlanInCycle {
  id: string;
  name: string;
  currency: string;
  versions: VersionInCycle[];
}

/**
 * The SIMs an invoice bills (docs/billing.md, "Invoices per sub-account"): those of the subtree at
 * `path`, or with `alone` those held on that account itself and none of its sub-accounts'.
 */
export interface BilledScope {
  path: string;
  alone: boolean;
}

/**
 * One invoice to rate: the customer (its currency and time zone), its cycle, the invoice row (which
 * must exist), its plans, and the SIMs it bills when not the customer's whole subtree (`scope`).
 */
export interface InvoiceToRate {
  account: Account;
  cycle: Cycle;
  invoiceId: string;
  plans: PlanInCycle[];
  scope?: BilledScope;
}

/**
 * Rates invoices together (docs/decisions.md, "Billing in one pass"): their SIMs' state segments,
 * split by the plan in force each day, are staged and analysed once; then one statement stores every
 * invoice's per-SIM facts (invoice_sims) and one pass over the cycles' usage stores every invoice's
 * per-SIM usage (invoice_sim_usage), each answering the aggregates per invoice; then the pure rating
 * of each cycle. Answers one rated cycle per invoice, in the order given. Lines are the caller's.
 */
export async function rateInvoices(
  tx: Tx,
  invoices: readonly InvoiceToRate[],
): Promise<RatedCycle[]> {
  if (invoices.length === 0) return [];
  const rated = invoices.map((i) => i.plans.filter((p) => p.versions.length > 0));
  await billingRepo.stageSegments(
    tx,
    invoices.map((i) => ({
      invoiceId: i.invoiceId,
      scopePath: i.scope?.path ?? i.account.path,
      alone: i.scope?.alone ?? false,
      timeZone: i.account.time_zone,
      start: i.cycle.start,
      end: i.cycle.end,
    })),
  );
  const perVersion = invoices.flatMap((inv, k) =>
    rated[k]!.flatMap((p) => p.versions.map((v) => ({ invoiceId: inv.invoiceId, plan: p, v }))),
  );
  const simFacts = await billingRepo.rateSimFacts(tx, {
    invoiceIds: perVersion.map((x) => x.invoiceId),
    planIds: perVersion.map((x) => x.plan.id),
    versions: perVersion.map((x) => x.v.version),
    fromDays: perVersion.map((x) => x.v.fromDay),
    toDays: perVersion.map((x) => x.v.toDay),
  });
  const perPlan = invoices.flatMap((inv, k) =>
    rated[k]!.map((p) => ({ invoiceId: inv.invoiceId, p, first: p.versions[0]! })),
  );
  const usageFacts = await billingRepo.rateUsageFacts(
    tx,
    {
      from: invoices.map((i) => i.cycle.start).reduce((a, b) => (a < b ? a : b)),
      to: invoices.map((i) => i.cycle.end).reduce((a, b) => (a > b ? a : b)),
    },
    {
      invoiceIds: perPlan.map((x) => x.invoiceId),
      planIds: perPlan.map((x) => x.p.id),
      homeZoneIds: perPlan.map((x) => x.first.zones[0]?.zoneId ?? null),
      perSimBytes: perPlan.map((x) =>
        x.first.pool.type === "none" ? x.first.includedBytes : null,
      ),
      testBytes: perPlan.map((x) => x.first.testReady.dataBytes),
      testSms: perPlan.map((x) => x.first.testReady.sms),
    },
  );
  const zoneNames = new Map(
    rated.flatMap((plans) =>
      plans.flatMap((p) => p.versions.flatMap((v) => v.zones.map((z) => [z.zoneId, z.zoneName]))),
    ),
  );
  const unknownZones = usageFacts
    .map((u) => u.zone_id)
    .filter((z): z is string => z !== null && !zoneNames.has(z));
  for (const z of await zoneLookupRepo.namesByIds(tx, [...new Set(unknownZones)]))
    zoneNames.set(z.id, z.name);

  const simsOf = groupBy(simFacts, (r) => r.invoice_id);
  const usageOf = groupBy(usageFacts, (r) => r.invoice_id);
  return invoices.map((inv, k) =>
    rateCycle({
      start: inv.cycle.start,
      end: inv.cycle.end,
      currency: inv.account.currency,
      plans: rated[k]!.map((p) =>
        planCycleOf(
          p,
          simsOf.get(inv.invoiceId) ?? [],
          usageOf.get(inv.invoiceId) ?? [],
          zoneNames,
        ),
      ),
    }),
  );
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** One plan's figures of a cycle, from the aggregates of its invoice. */
function planCycleOf(
  plan: { id: string; name: string; versions: VersionInCycle[] },
  sims: SimFactRow[],
  usage: UsageFactRow[],
  zoneNames: Map<string, string>,
): PlanCycle {
  const s = sims.filter((r) => r.rate_plan_id === plan.id);
  const u = usage.filter((r) => r.rate_plan_id === plan.id);
  const contrib = s.find((r) => r.kind === "contrib");
  const test = u.find((r) => r.kind === "test");
  return {
    ratePlanId: plan.id,
    name: plan.name,
    versions: plan.versions,
    simDays: s
      .filter((r) => r.kind === "days")
      .map((r) => ({ version: r.version, days: Number(r.n), sims: Number(r.sims) })),
    simsBilled: s
      .filter((r) => r.kind === "first")
      .map((r) => ({ version: r.version, sims: Number(r.sims) })),
    contributionDays: Number(contrib?.n ?? 0),
    contributingSims: Number(contrib?.sims ?? 0),
    activations: s
      .filter((r) => r.kind === "act")
      .map((r) => ({ version: r.version, sims: Number(r.sims) })),
    usage: u
      .filter((r) => r.kind === "day")
      .map((r) => ({
        day: r.day!,
        zoneId: r.zone_id,
        zoneName: r.zone_id ? (zoneNames.get(r.zone_id) ?? r.zone_id) : null,
        bytes: Number(r.bytes),
        smsMo: Number(r.sms_mo),
        smsMt: Number(r.sms_mt),
      })),
    perSimOverage: u
      .filter((r) => r.kind === "over")
      .map((r) => ({ day: r.day!, bytes: Number(r.bytes), sims: Number(r.sims) })),
    testExcess: {
      bytes: Number(test?.bytes ?? 0),
      sms: Number(test?.sms_mo ?? 0),
      sims: Number(test?.sims ?? 0),
    },
  };
}
