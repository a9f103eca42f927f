import type { Executor } from "../../db/database.js";
import type { Language } from "../../lib/messages/messages.js";
import { rateTermsRepo } from "../catalog/rate-terms.shared.repo.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import { billingText, type BillingTextCode } from "./billing.messages.js";
import { billingRepo } from "./billing.repo.js";
import { EU_VAT_RATES } from "./vat.js";

/** What a line's words are composed from. */
export interface LineToWord {
  n: number;
  kind: string;
  description: string;
  ratePlanId: string | null;
  zoneId: string | null;
}

/**
 * Each line of an invoice in `language`, composed from its kind, plan and zone — the PDF's words,
 * and the API's `descriptionText` in the reader's language. A line stores its description in
 * Otter's English as it was rated; a kind without words of its own (an operator's credit line)
 * keeps it. A late line is worded from its facts: the earlier cycle and the invoice it was billed on.
 */
export async function lineWords(
  ex: Executor,
  invoiceId: string,
  lines: readonly LineToWord[],
  language: Language,
): Promise<string[]> {
  const planIds = [...new Set(lines.map((l) => l.ratePlanId).filter((x) => x !== null))];
  const zoneIds = [...new Set(lines.map((l) => l.zoneId).filter((x) => x !== null))];
  const [plans, zones] = await Promise.all([
    rateTermsRepo.plansByIds(ex, planIds),
    zoneLookupRepo.namesByIds(ex, zoneIds),
  ]);
  const planName = new Map(plans.map((p) => [p.id, p.name]));
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  const locale = { language, timeZone: "UTC" };
  const words = billingText.templates[language] as Record<string, string>;
  const lateFacts = lines.some((l) => l.kind === "late_usage")
    ? new Map(
        (await billingRepo.linesOf(ex, invoiceId)).map((l) => [
          l.n,
          (l.explanation as { facts: Record<string, string | number> }).facts,
        ]),
      )
    : new Map<number, Record<string, string | number>>();
  return lines.map((l) => {
    const facts = lateFacts.get(l.n);
    if (l.kind === "late_usage" && facts?.cycleStart && facts.lateForInvoice)
      return billingText.text(
        billingText.msg("line.late_usage", {
          start: String(facts.cycleStart),
          end: String(facts.cycleEnd),
          invoice: String(facts.lateForInvoice),
        }),
        locale,
      );
    const code = `line.${l.kind}`;
    const plan = l.ratePlanId ? planName.get(l.ratePlanId) : undefined;
    if (!(code in words) || plan === undefined) return l.description;
    const zone = l.zoneId
      ? (zoneName.get(l.zoneId) ?? l.zoneId)
      : billingText.text(billingText.msg("zone.none"), locale);
    return billingText.text(billingText.msg(code as BillingTextCode, { plan, zone }), locale);
  });
}

/** What the VAT sentence is composed from: what the invoice recorded, and the customer as billed. */
export interface VatFacts {
  reverseCharge: boolean;
  vatRate: string;
  customer: { country?: string | null; vatNumber?: string | null };
}

/** The VAT sentence in `language`, from what the invoice recorded (the PDF's and the API's). */
export function vatWords(inv: VatFacts, operatorCountry: string | null, language: Language) {
  const say = (code: BillingTextCode, params: Record<string, string> = {}) =>
    billingText.text(billingText.msg(code, params), { language, timeZone: "UTC" });
  const country = inv.customer.country ?? "";
  if (inv.reverseCharge)
    return say("vat.reverse_charge", { vatNumber: inv.customer.vatNumber ?? "" });
  if (Number(inv.vatRate) === 0)
    return operatorCountry && EU_VAT_RATES[operatorCountry]
      ? say("vat.outside_eu", { country })
      : say("vat.operator_outside_eu");
  return country === operatorCountry
    ? say("vat.domestic", { rate: inv.vatRate, country })
    : say("vat.customer_country", { rate: inv.vatRate, country });
}

/**
 * An invoice's notes in `language` (`notesText`): the VAT sentence, and for a credit note first the
 * invoice it credits with the operator's reason as typed. The stored `notes` are Otter's English of
 * the same (billing.service.ts: `[VAT]` on an invoice, `[credit, VAT]` on a credit note).
 */
export function notesWords(
  inv: VatFacts & { kind: string; notes: readonly string[] },
  credited: string | null,
  operatorCountry: string | null,
  language: Language,
): string[] {
  const vat = vatWords(inv, operatorCountry, language);
  if (inv.kind !== "credit_note" || credited === null) return [vat];
  const stored = `Credit note for invoice ${credited}: `;
  const reason = inv.notes[0]?.startsWith(stored) ? inv.notes[0].slice(stored.length) : "";
  const credits = billingText.text(billingText.msg("doc.credits", { number: credited }), {
    language,
    timeZone: "UTC",
  });
  return [reason ? `${credits}: ${reason}` : credits, vat];
}
