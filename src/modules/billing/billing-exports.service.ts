import type { Db } from "../../db/database.js";
import { isUuid } from "../../lib/ids.js";
import { isLanguage, type Language } from "../../lib/messages/messages.js";
import { countryName } from "../../lib/locale.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { Principal } from "../auth/principal.js";
import { rateTermsRepo } from "../catalog/rate-terms.shared.repo.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import { usageBillingRepo } from "../network/usage-billing.shared.repo.js";
import { simLookupRepo } from "../sims/sim-lookup.shared.repo.js";
import { localDay, versionDays } from "./billing-cycle.js";
import { billingExportsRepo } from "./billing-exports.repo.js";
import { billingErrors } from "./billing.errors.js";
import { billingText } from "./billing.messages.js";
import { billingRepo } from "./billing.repo.js";
import type { BillingService } from "./billing.service.js";
import { type InvoiceDocument, renderInvoicePdf } from "./invoice-pdf.js";
import { type PlanTerms, rateSimDays, type RatedUsageRow, type UsageDay } from "./rated-usage.js";
import { presentCustomerBill } from "./tmf678.js";
import { lineWords, vatWords } from "./invoice-words.js";

interface Deps {
  db: Db;
  billing: Pick<BillingService, "get">;
  accounts: Pick<AccountsService, "rootAccount">;
  /** Where Otter is reached from outside: TMF678 hrefs are absolute. */
  publicUrl: () => string;
}

type Invoice = Awaited<ReturnType<BillingService["get"]>>;

/** The customer as the invoice recorded it (billing.service.ts, customerSnapshot). */
interface CustomerSnapshot {
  name?: string;
  legalName?: string | null;
  vatNumber?: string | null;
  billingAddress?: Address | null;
  country?: string | null;
  language?: string;
  contactName?: string | null;
  /** Invoiced per sub-account: the sub-account billed (billing.service.ts). */
  subAccount?: { id: string; name: string; customerId: string };
}

interface Address {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

/** Terms of a version as the catalog stores them (only what the exports read). */
interface StoredTerms {
  included: { dataBytes: number };
  pool: { type: "none" | "flex" | "fixed" };
  zones: { zoneId: string; dataPerMB: number }[];
}

/** SIMs per page of the rated-usage CSV: one query each for their usage, ICCIDs and activations. */
const SIMS_PER_PAGE = 500;

function addressLines(a: Address | null | undefined): string[] {
  if (!a) return [];
  const city = [a.postalCode, a.city, a.state].filter(Boolean).join(" ");
  return [
    a.addressLine1,
    a.addressLine2,
    city,
    a.country ? countryName(a.country) : undefined,
  ].filter((x): x is string => Boolean(x));
}

/** The document's language: the one asked for, else the customer's (en, it, sv; English otherwise). */
function languageOf(asked: Language | undefined, customer: CustomerSnapshot): Language {
  if (asked) return asked;
  const own = (customer.language ?? "en").slice(0, 2).toLowerCase();
  return isLanguage(own) ? own : "en";
}

/**
 * Exports of an invoice: the PDF in the customer's language, the rated usage behind it as CSV, and
 * a TMF678 CustomerBill. Reading an export is reading the invoice: `billing.get` decides who may
 * (billing:read; a customer sees its own issued invoices only).
 */
export function createBillingExportsService(deps: Deps) {
  const { db } = deps;

  /** An invoice by its id or its printed number (`INV-000042`), as the caller may see it. */
  async function invoiceFor(principal: Principal, ref: string): Promise<Invoice> {
    if (isUuid(ref)) return deps.billing.get(principal, ref);
    const [found] = await billingRepo.invoicesNumbered(db, [ref]);
    if (!found) throw billingErrors.invoiceNotFound(ref);
    return deps.billing.get(principal, found.id);
  }

  return {
    /** The invoice as a PDF in the customer's language (or `language`), a draft watermarked. */
    async pdf(principal: Principal, ref: string, asked?: Language) {
      const inv = await invoiceFor(principal, ref);
      const customer = inv.customer as CustomerSnapshot;
      const language = languageOf(asked, customer);
      const root = await deps.accounts.rootAccount();
      const operator = await billingRepo.findProfile(db, root.id);
      const credited = inv.creditedInvoiceId
        ? await billingRepo.findInvoice(db, inv.creditedInvoiceId)
        : undefined;
      const descriptions = await lineWords(db, inv.id, inv.lines, language);
      const words = billingText.templates[language] as Record<string, string>;
      const document: InvoiceDocument = {
        language,
        kind: inv.kind,
        draft: inv.status === "draft",
        number: inv.number,
        issuedOn: inv.issuedAt ? localDay(new Date(inv.issuedAt), inv.timeZone) : null,
        createdAt: new Date(inv.issuedAt ?? inv.createdAt),
        cycleStart: inv.cycleStart,
        cycleEnd: inv.cycleEnd,
        creditsNumber: credited?.number_text ?? null,
        currency: inv.currency,
        supplier: {
          name: root.legal_name ?? root.name,
          address: addressLines(root.billing_address as Address | null),
          vatNumber: root.vat_number,
        },
        customer: {
          name: customer.legalName ?? customer.name ?? inv.accountId,
          address: addressLines(customer.billingAddress),
          vatNumber: customer.vatNumber ?? null,
          contactName: customer.contactName ?? null,
        },
        subAccount: inv.subAccount?.name ?? null,
        ownAccountOnly: inv.scope === "account",
        lines: inv.lines.map((l, i) => ({
          n: l.n,
          description: descriptions[i]!,
          quantity: l.quantity,
          unit: words[`unit.${l.unit}`] ?? l.unit,
          unitPrice: l.unitPrice,
          amount: l.amount,
        })),
        subtotal: inv.subtotal,
        vatRate: inv.vatRate,
        vatAmount: inv.vatAmount,
        total: inv.total,
        vatStatement: vatWords({ ...inv, customer }, operator?.country ?? null, language),
      };
      const bytes = await renderInvoicePdf(document);
      return { invoice: inv, bytes };
    },

    /**
     * The rated usage behind the invoice, a page of SIMs at a time (never the whole invoice in
     * memory): the daily usage rows of the SIMs and zones the invoice rated, in the cycle, priced
     * by the version in force each day (rated-usage.ts).
     */
    async ratedUsage(principal: Principal, ref: string) {
      const inv = await invoiceFor(principal, ref);
      const cycle = { start: inv.cycleStart, end: dayAfter(inv.cycleEnd) };
      const lineOf = (kind: string, zoneId: string | null) => {
        const pooled = kind === "pool" || kind === "allowance" || kind === "test_excess";
        const l = inv.lines.find((x) => x.kind === kind && (pooled || x.zoneId === zoneId));
        return l?.n ?? null;
      };
      const plans = new Map<string, PlanTerms>();
      async function termsOf(planIds: string[]) {
        const missing = planIds.filter((id) => !plans.has(id));
        if (missing.length === 0) return;
        const [rows, versions] = await Promise.all([
          rateTermsRepo.plansByIds(db, missing),
          rateTermsRepo.versionsOf(db, missing),
        ]);
        for (const p of rows) {
          const inCycle = versionDays(
            versions.filter((v) => v.rate_plan_id === p.id),
            cycle,
            inv.timeZone,
          );
          const first = inCycle[0]?.version.terms as StoredTerms | undefined;
          plans.set(p.id, {
            name: p.name,
            pool: first?.pool.type ?? "none",
            includedBytes: first?.included.dataBytes ?? 0,
            versions: inCycle.map(({ version, fromDay, toDay }) => ({
              version: version.version,
              fromDay,
              toDay,
              zones: (version.terms as StoredTerms).zones.map((z) => ({
                zoneId: z.zoneId,
                dataPerMB: String(z.dataPerMB),
              })),
            })),
          });
        }
      }
      const zoneNames = new Map<string, string>();
      async function* rows(): AsyncGenerator<RatedUsageRow> {
        let after: string | undefined;
        for (;;) {
          const simIds = await billingExportsRepo.simsWithUsage(db, inv.id, {
            after,
            limit: SIMS_PER_PAGE,
          });
          if (simIds.length === 0) return;
          after = simIds.at(-1);
          const [rated, activations, sims] = await Promise.all([
            billingExportsRepo.usageOfSims(db, inv.id, simIds),
            billingExportsRepo.activationsOf(db, inv.id, simIds),
            simLookupRepo.byIds(db, simIds),
          ]);
          const daily = await usageBillingRepo.dailyBySim(db, {
            accountIds: [...new Set(rated.map((r) => r.account_id))],
            from: inv.cycleStart,
            to: inv.cycleEnd,
            simIds,
          });
          await termsOf([...new Set(rated.map((r) => r.rate_plan_id))]);
          const unnamed = rated
            .map((r) => r.zone_id)
            .filter((z): z is string => z !== null && !zoneNames.has(z));
          for (const z of await zoneLookupRepo.namesByIds(db, [...new Set(unnamed)]))
            zoneNames.set(z.id, z.name);
          const iccid = new Map(sims.map((s) => [s.id, s.iccid as string]));
          const activatedOn = new Map(activations.map((a) => [a.sim_id, a.activated_on]));
          const noZone = billingText.text(billingText.msg("zone.none"), {
            language: "en",
            timeZone: "UTC",
          });
          for (const simId of simIds) {
            const pairs = rated.filter((r) => r.sim_id === simId);
            const byPlan = new Map<string, UsageDay[]>();
            for (const u of daily.filter((d) => d.sim_id === simId)) {
              const zone = pairs.filter((p) => p.zone_key === u.zone_key);
              if (zone.length === 0) continue;
              // Both test and billable usage in one zone: the days before activation were the test.
              const on = activatedOn.get(simId);
              const pair =
                zone.length === 1
                  ? zone[0]!
                  : (zone.find((p) => p.test === (on != null && u.day < on)) ?? zone[0]!);
              const list = byPlan.get(pair.rate_plan_id) ?? [];
              list.push({
                iccid: iccid.get(simId) ?? simId,
                simId,
                day: u.day,
                zoneId: pair.zone_id,
                zoneName: pair.zone_id ? (zoneNames.get(pair.zone_id) ?? pair.zone_id) : noZone,
                test: pair.test,
                bytes: Number(u.bytes_up) + Number(u.bytes_down),
                ratedBytes: Number(u.billed_bytes),
                smsMo: Number(u.sms_mo),
                smsMt: Number(u.sms_mt),
              });
              byPlan.set(pair.rate_plan_id, list);
            }
            for (const [planId, days] of byPlan) {
              const plan = plans.get(planId);
              if (plan) yield* rateSimDays(plan, days, inv.currency, lineOf);
            }
          }
        }
      }
      return { invoice: inv, rows: rows() };
    },

    /** The invoice as a TMF678 CustomerBill. */
    async customerBill(principal: Principal, ref: string) {
      const inv = await invoiceFor(principal, ref);
      const customer = inv.customer as CustomerSnapshot;
      const credited = inv.creditedInvoiceId
        ? await billingRepo.findInvoice(db, inv.creditedInvoiceId)
        : undefined;
      return presentCustomerBill(inv, {
        baseUrl: deps.publicUrl().replace(/\/+$/, ""),
        accountName: customer.legalName ?? customer.name ?? inv.accountId,
        creditedNumber: credited?.number_text ?? null,
        customerId: customer.subAccount?.customerId ?? null,
      });
    },
  };
}

/** The day after an ISO date (the cycle's inclusive end back to its exclusive one). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export type BillingExportsService = ReturnType<typeof createBillingExportsService>;
