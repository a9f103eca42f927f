import type { Message } from "../../lib/messages/messages.js";
import { lineSummaryText as t } from "./billing.messages.js";

/** What a line's summary is made from: the stored line, its facts, and its zone's name. */
export interface LineToSummarize {
  kind: string;
  unit: string;
  unitPrice: string;
  amount: string;
  description: string;
  currency: string;
  facts: Record<string, string | number>;
  /** The zone's name; null for a network in no zone or a line without a zone. */
  zoneName: string | null;
  cycleDays: number;
  /** For a credit line: the number of the invoice it credits, if known beyond its facts. */
  creditedInvoice?: string | null;
}

/**
 * An invoice line in one or two plain sentences, as a message whose parameters are the line's own
 * figures (byte counts, "7.00 EUR", counts, days): a client rebuilds the arithmetic from them, and
 * the catalog writes them as the reader's language does. Null for a line kind it has no words for
 * (the stored English sentence is all there is).
 */
export function lineSummary(x: LineToSummarize): Message | null {
  const f = x.facts;
  const n = (v: string | number | undefined) => Number(v ?? 0);
  const money = (amount: string) => `${amount} ${x.currency}`;
  const zone: string | Message = x.zoneName ?? t.msg("zone.none");
  const pool = t.msg(f.poolType === "fixed" ? "pool.fixed" : "pool.flex");
  switch (x.kind) {
    case "subscription":
      return t.msg("summary.subscription", {
        simDays: n(f.simDays),
        sims: n(f.sims),
        cycleDays: n(f.cycleDays ?? x.cycleDays),
      });
    case "activation":
      return t.msg("summary.activation", { sims: n(f.sims) });
    case "pool":
      return t.msg(n(f.overBytes) > 0 ? "summary.pool" : "summary.pool_within", {
        pool,
        zone,
        poolBytes: n(f.poolBytes),
        homeBytes: n(f.homeBytes),
        overBytes: n(f.overBytes),
      });
    case "allowance":
      return t.msg("summary.allowance", {
        zone,
        allowanceBytes: n(f.allowancePerSimBytes),
        overBytes: n(f.overBytes),
      });
    case "zone_data":
      return t.msg("summary.zone_data", {
        zone,
        bytes: n(f.bytes),
        price: money(x.unitPrice),
      });
    case "unpriced":
      return x.unit === "SMS"
        ? t.msg("summary.unpriced_sms", { zone, sms: n(f.sms) })
        : t.msg("summary.unpriced", { zone, bytes: n(f.bytes) });
    case "sms":
      return t.msg("summary.sms", { zone, sms: n(f.sms), included: n(f.includedSms) });
    case "test_excess":
      return t.msg("summary.test_excess", { zone, sims: n(f.sims) });
    case "credit":
      return t.msg("summary.credit", {
        invoice: x.creditedInvoice ?? String(f.creditedInvoice ?? ""),
        reason: x.description,
      });
    case "late_usage":
      return t.msg("summary.late_usage", {
        bytes: n(f.lateBytes),
        sms: n(f.lateSms),
        start: String(f.cycleStart ?? ""),
        end: String(f.cycleEnd ?? ""),
        invoice: String(f.lateForInvoice ?? ""),
        amount: money(x.amount),
      });
    default:
      return null;
  }
}
