import { Decimal } from "decimal.js";
import type { Db, Executor, Tx } from "../../db/database.js";
import { inTransaction } from "../../db/database.js";
import type { Account, Invoice, InvoiceLine } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, isOperatorRole, type Principal } from "../auth/principal.js";
import { rateTermsRepo } from "../catalog/rate-terms.shared.repo.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import type { JobsService } from "../jobs/jobs.service.js";
import type { MailService } from "../mail/mail.service.js";
import { usageBillingRepo } from "../network/usage-billing.shared.repo.js";
import { simBillingRepo } from "../sims/sim-billing.shared.repo.js";
import {
  type Cycle,
  cycleContaining,
  cycleStartingIn,
  dayBefore,
  localDay,
  versionDays,
} from "./billing-cycle.js";
import { validationError } from "../../lib/errors.js";
import { billingErrors } from "./billing.errors.js";
import { presentInvoice, presentLine, presentProfile } from "./billing.presenter.js";
import { billingRepo, type SimFactRow, type UsageFactRow } from "./billing.repo.js";
import type { BillingProfileInput, CreditNoteInput } from "./billing.schemas.js";
import {
  daysBetween,
  type PlanCycle,
  rateCycle,
  roundMoney,
  type VersionInCycle,
  vatOn,
} from "./rating.js";
import { vatFor } from "./vat.js";

export const BILLING_RUN_KIND = "billing_run";

/** One SIM in the detail of an explained line. */
interface ExplainedSim {
  iccid: string;
  billableDays?: number;
  contributionDays?: number;
  activatedOn?: string | null;
  days?: number;
  bytes?: number;
  smsMo?: number;
  smsMt?: number;
  sessions?: number;
  share?: string;
}

interface Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "list">;
  jobs: Pick<JobsService, "create" | "register">;
  mail: Pick<MailService, "enqueue">;
  /**
   * The invoice's PDF in the customer's language, from the exports service (which reads invoices
   * through this service, so it is handed over once both exist).
   */
  invoicePdf: (principal: Principal, id: string) => Promise<Uint8Array>;
}

/** A rate plan version's terms as the catalog stores them (catalog.service.ts, StoredTerms). */
interface StoredTerms {
  subscription: { monthlyFeePerSim: number; activationFee: number; proration: string };
  included: { dataBytes: number; sms: number };
  pool: { type: "none" | "flex" | "fixed"; fixedPoolBytes?: number };
  zones: { zoneId: string; dataPerMB: number; smsMO: number; smsMT: number }[];
  testReady: { dataBytes: number; sms: number };
}

/** Stored amounts are written from numbers the catalog validated to 4 decimals: exact as text. */
const dec = (n: number) => new Decimal(String(n)).toString();

type Profile = { cycle: "calendar" | "anniversary"; anchorDay: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Billing: profiles, the billing run (a resumable job producing one draft invoice per customer and
 * cycle), review and issue with gapless numbers, credit notes, explanations, comparisons.
 */
export function createBillingService(deps: Deps) {
  const { db, clock } = deps;

  async function profileOf(ex: Executor, accountId: string) {
    const row = await billingRepo.findProfile(ex, accountId);
    return {
      row,
      profile: {
        cycle: row?.cycle ?? "calendar",
        anchorDay: row?.anchor_day ?? 1,
      } as Profile,
    };
  }

  async function requireVisibleInvoice(principal: Principal, id: string, ex: Executor = db) {
    const invoice = await billingRepo.findInvoice(ex, id);
    if (!invoice) throw billingErrors.invoiceNotFound(id);
    const account = await deps.accounts
      .requireVisible(principal, invoice.account_id, ex)
      .catch(() => null);
    // A customer sees its invoices once issued; drafts are the operator's work in progress.
    if (!account || (!isOperatorRole(principal.role) && invoice.status !== "issued"))
      throw billingErrors.invoiceNotFound(id);
    return { invoice, account };
  }

  /** The plans of a customer's SIMs with their versions over the cycle, ready for rating. */
  async function plansForCycle(ex: Executor, account: Account, cycle: Cycle) {
    const planIds = await simBillingRepo.ratePlansInSubtree(ex, account.path);
    const [plans, versions] = await Promise.all([
      rateTermsRepo.plansByIds(ex, planIds),
      rateTermsRepo.versionsOf(ex, planIds),
    ]);
    const zoneIds = new Set<string>();
    for (const v of versions) for (const z of (v.terms as StoredTerms).zones) zoneIds.add(z.zoneId);
    const zoneNames = new Map(
      (await zoneLookupRepo.namesByIds(ex, [...zoneIds])).map((z) => [z.id, z.name]),
    );
    return plans.map((plan) => {
      const own = versions.filter((v) => v.rate_plan_id === plan.id);
      const inCycle: VersionInCycle[] = versionDays(own, cycle, account.time_zone).map(
        ({ version: v, fromDay, toDay }) => {
          const t = v.terms as StoredTerms;
          return {
            version: v.version,
            fromDay,
            toDay,
            monthlyFee: dec(t.subscription.monthlyFeePerSim),
            activationFee: dec(t.subscription.activationFee),
            proration: t.subscription.proration === "none" ? "none" : "daily",
            includedBytes: t.included.dataBytes,
            includedSms: t.included.sms,
            pool: t.pool,
            zones: t.zones.map((z) => ({
              zoneId: z.zoneId,
              zoneName: zoneNames.get(z.zoneId) ?? z.zoneId,
              dataPerMB: dec(z.dataPerMB),
              smsMO: dec(z.smsMO),
              smsMT: dec(z.smsMT),
            })),
            testReady: { dataBytes: t.testReady.dataBytes, sms: t.testReady.sms },
          };
        },
      );
      return { id: plan.id, name: plan.name, currency: plan.currency, versions: inCycle };
    });
  }

  /**
   * Rates one customer's cycle into a draft invoice, in the caller's transaction: the per-SIM facts
   * and the aggregates in two set-based statements, then the pure rating, then the lines. An issued
   * invoice for the cycle is left as it is (answers false); a draft is rated again from scratch.
   */
  async function rateCustomer(
    tx: Tx,
    account: Account,
    period: string,
    jobId: string | null,
  ): Promise<"issued" | "rated"> {
    const { row: profileRow, profile } = await profileOf(tx, account.id);
    const cycle = cycleStartingIn(period, profile);
    const existing = await billingRepo.invoiceForCycle(tx, account.id, cycle.start);
    if (existing?.status === "issued") return "issued";
    if (existing) await billingRepo.deleteDraft(tx, existing.id);

    const root = await deps.accounts.rootAccount(tx);
    const operatorProfile = await billingRepo.findProfile(tx, root.id);
    const plans = await plansForCycle(tx, account, cycle);
    const invoiceId = newId();
    const now = clock.now();
    const flags: string[] = [];
    const notes: string[] = [];
    if (!profileRow) flags.push("NO_BILLING_PROFILE");
    if (!operatorProfile) flags.push("OPERATOR_COUNTRY_MISSING");
    const vat = vatFor({
      operatorCountry: operatorProfile?.country ?? "",
      customerCountry: profileRow?.country ?? "",
      customerVatNumber: account.vat_number,
    });
    notes.push(vat.note);
    const currency = account.currency;
    if (plans.some((p) => p.currency !== currency)) flags.push("CURRENCY_MISMATCH");
    const customer = customerSnapshot(account, profileRow ?? null);
    await billingRepo.insertInvoice(tx, {
      id: invoiceId,
      account_id: account.id,
      operator_account_id: root.id,
      kind: "invoice",
      status: "draft",
      cycle_start: cycle.start,
      cycle_end: cycle.end,
      currency,
      time_zone: account.time_zone,
      customer: JSON.stringify(customer),
      subtotal: "0",
      vat_rate: vat.rate,
      vat_amount: "0",
      total: "0",
      reverse_charge: vat.reverseCharge,
      run_job_id: jobId,
      created_at: now,
    });

    const scope = {
      invoiceId,
      scopePath: account.path,
      timeZone: account.time_zone,
      start: cycle.start,
      end: cycle.end,
    };
    const rated = plans.filter((p) => p.versions.length > 0);
    const simFacts = await billingRepo.rateSimFacts(tx, scope, {
      planIds: rated.flatMap((p) => p.versions.map(() => p.id)),
      versions: rated.flatMap((p) => p.versions.map((v) => v.version)),
      fromDays: rated.flatMap((p) => p.versions.map((v) => v.fromDay)),
      toDays: rated.flatMap((p) => p.versions.map((v) => v.toDay)),
    });
    const usageFacts = await billingRepo.rateUsageFacts(tx, scope, {
      planIds: rated.map((p) => p.id),
      homeZoneIds: rated.map((p) => p.versions[0]!.zones[0]?.zoneId ?? null),
      perSimBytes: rated.map((p) =>
        p.versions[0]!.pool.type === "none" ? p.versions[0]!.includedBytes : null,
      ),
      testBytes: rated.map((p) => p.versions[0]!.testReady.dataBytes),
      testSms: rated.map((p) => p.versions[0]!.testReady.sms),
    });
    const zoneNames = new Map(
      rated.flatMap((p) => p.versions.flatMap((v) => v.zones.map((z) => [z.zoneId, z.zoneName]))),
    );
    const unknownZones = usageFacts
      .map((u) => u.zone_id)
      .filter((z): z is string => z !== null && !zoneNames.has(z));
    for (const z of await zoneLookupRepo.namesByIds(tx, [...new Set(unknownZones)]))
      zoneNames.set(z.id, z.name);

    const result = rateCycle({
      start: cycle.start,
      end: cycle.end,
      currency,
      plans: rated.map((p) => planCycleOf(p, simFacts, usageFacts, zoneNames)),
    });
    flags.push(...result.flags);
    await billingRepo.insertLines(
      tx,
      result.lines.map((l, i) => ({
        invoice_id: invoiceId,
        n: i + 1,
        account_id: account.id,
        kind: l.kind,
        description: l.description,
        rate_plan_id: l.ratePlanId,
        plan_version: l.planVersion,
        zone_id: l.zoneId,
        quantity: l.quantity,
        unit: l.unit,
        unit_price: l.unitPrice,
        amount: l.amount,
        flags: JSON.stringify(l.flags),
        explanation: JSON.stringify(l.explanation),
      })),
    );
    const vatAmount = vatOn(result.subtotal, vat.rate, currency);
    await billingRepo.updateTotals(tx, invoiceId, {
      subtotal: result.subtotal,
      vat_amount: vatAmount,
      total: roundMoney(new Decimal(result.subtotal).add(vatAmount), currency),
      flags: JSON.stringify([...new Set(flags)]),
      notes: JSON.stringify(notes),
    });
    return "rated";
  }

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

  function customerSnapshot(
    account: Account,
    profile: { country: string; contact_name: string | null; contact_email: string | null } | null,
  ) {
    return {
      name: account.name,
      legalName: account.legal_name,
      vatNumber: account.vat_number,
      billingAddress: account.billing_address ?? null,
      country: profile?.country ?? null,
      language: account.language,
      contactName: profile?.contact_name ?? null,
      contactEmail: profile?.contact_email ?? null,
    };
  }

  /** The customer accounts a run bills: the operator's children (or the one named). */
  async function customersToBill(principal: Principal, accountId?: string): Promise<Account[]> {
    const root = await deps.accounts.rootAccount();
    if (accountId) {
      const account = await deps.accounts.requireVisible(principal, accountId);
      if (account.parent_id !== root.id) throw billingErrors.notCustomer(accountId);
      return [account];
    }
    const out: Account[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.accounts.list(principal, { parentId: root.id, cursor, limit: 500 });
      for (const a of page.items) out.push(await deps.accounts.requireVisible(principal, a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out.filter((a) => a.kind === "customer").sort((a, b) => a.id.localeCompare(b.id));
  }

  deps.jobs.register({
    kind: BILLING_RUN_KIND,
    /**
     * One customer per transaction, whose commit also moves the checkpoint (the index of the next
     * customer): a run killed at any point resumes at the first customer not yet committed, and a
     * second run re-rates drafts and leaves issued invoices alone, so nothing is issued twice.
     */
    async run(ctx) {
      const { period, accountId } = ctx.job.params as { period: string; accountId?: string };
      const customers = await customersToBill(ctx.principal, accountId);
      const counts = ctx.job.counts as { created?: number; unchanged?: number };
      let created = counts.created ?? 0;
      let unchanged = counts.unchanged ?? 0;
      for (let i = ctx.job.checkpoint; i < customers.length; i++) {
        const last = i === customers.length - 1;
        await inTransaction(db, async (tx) => {
          const outcome = await rateCustomer(tx, customers[i]!, period, ctx.job.id);
          if (outcome === "rated") created++;
          else unchanged++;
          await ctx.checkpoint(tx, {
            phase: "rating",
            done: i + 1,
            total: customers.length,
            checkpoint: i + 1,
            counts: { created, unchanged },
          });
          if (last) await ctx.succeed(tx);
        });
      }
    },
  });

  async function withLines(invoice: Invoice) {
    const lines = await billingRepo.linesOf(db, invoice.id);
    return presentInvoice(invoice, lines);
  }

  return {
    rateCustomer,

    async getProfile(principal: Principal, accountId: string) {
      requirePermission(principal, "billing:read");
      const account = await deps.accounts.requireVisible(principal, accountId);
      const row = await billingRepo.findProfile(db, accountId);
      const root = await deps.accounts.rootAccount();
      const op = await billingRepo.findProfile(db, root.id);
      return presentProfile(account, row ?? null, op?.country ?? null);
    },

    async putProfile(principal: Principal, accountId: string, input: BillingProfileInput) {
      requirePermission(principal, "billing:manage");
      return inTransaction(db, async (tx) => {
        const account = await deps.accounts.requireVisible(principal, accountId, tx);
        const now = clock.now();
        await billingRepo.upsertProfile(tx, {
          account_id: account.id,
          cycle: input.cycle,
          anchor_day: input.cycle === "calendar" ? 1 : input.anchorDay,
          country: input.country,
          contact_name: input.contactName,
          contact_email: input.contactEmail,
          per_sub_account: input.perSubAccount,
          created_at: now,
          updated_at: now,
        });
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "billing_profile.updated",
          entityType: "account",
          entityId: account.id,
          data: { ...input },
        });
        const root = await deps.accounts.rootAccount(tx);
        const op = await billingRepo.findProfile(tx, root.id);
        const row = await billingRepo.findProfile(tx, account.id);
        return presentProfile(account, row ?? null, op?.country ?? null);
      });
    },

    /** Starts a billing run for a month: a job (202), one draft invoice per customer. */
    async startRun(principal: Principal, input: { period: string; accountId?: string }) {
      requirePermission(principal, "billing:manage");
      const root = await deps.accounts.rootAccount();
      if (input.accountId) await customersToBill(principal, input.accountId);
      const job = await deps.jobs.create(db, {
        principal,
        accountId: input.accountId ?? root.id,
        kind: BILLING_RUN_KIND,
        phase: "queued",
        params: { period: input.period, ...(input.accountId && { accountId: input.accountId }) },
      });
      return { jobId: job.id, period: input.period };
    },

    async list(
      principal: Principal,
      q: { accountId?: string; status?: "draft" | "issued"; cursor?: string; limit: number },
    ) {
      requirePermission(principal, "billing:read");
      if (q.accountId) await deps.accounts.requireVisible(principal, q.accountId);
      const offset = q.cursor ? Number(q.cursor) : 0;
      if (!Number.isInteger(offset) || offset < 0)
        throw billingErrors.badPeriod("cursor", q.cursor ?? "");
      const status = isOperatorRole(principal.role) ? q.status : "issued";
      if (!isOperatorRole(principal.role) && q.status === "draft")
        return { items: [], nextCursor: null };
      const rows = await billingRepo.listVisible(db, principal.accountPath, {
        accountId: q.accountId,
        status,
        limit: q.limit + 1,
        offset,
      });
      const items = rows.slice(0, q.limit).map((r) => {
        const { lines: _lines, ...rest } = presentInvoice(r, []);
        return rest;
      });
      return { items, nextCursor: rows.length > q.limit ? String(offset + q.limit) : null };
    },

    /**
     * The account of each issued invoice or credit note named by its number, among those the
     * principal may see (the clarity check asks whose an invoice number in a reply is). Numbers
     * of invoices it may not see are left out, as unknown ones are.
     */
    async invoiceHolders(
      principal: Principal,
      numbers: readonly string[],
    ): Promise<{ number: string; accountId: string }[]> {
      requirePermission(principal, "billing:read");
      if (numbers.length === 0) return [];
      const rows = await billingRepo.invoicesNumbered(db, numbers);
      const seen: { number: string; accountId: string }[] = [];
      for (const r of rows) {
        const visible = await deps.accounts
          .requireVisible(principal, r.account_id)
          .then(() => true)
          .catch(() => false);
        if (visible && r.number_text) seen.push({ number: r.number_text, accountId: r.account_id });
      }
      return seen;
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "billing:read");
      const { invoice } = await requireVisibleInvoice(principal, id);
      return withLines(invoice);
    },

    /**
     * Issues a reviewed draft: takes the next number of the operator's series in the same
     * transaction (no gaps), freezes the customer's legal details, and from then on the invoice
     * never changes.
     */
    async issue(principal: Principal, id: string) {
      requirePermission(principal, "billing:issue");
      const issued = await inTransaction(db, async (tx) => {
        await requireVisibleInvoice(principal, id, tx);
        const invoice = (await billingRepo.lockInvoice(tx, id))!;
        if (invoice.status === "issued") throw billingErrors.notDraft(id);
        const flags = invoice.flags as string[];
        if (flags.length > 0) throw billingErrors.flagged(id, flags);
        const account = await deps.accounts.requireVisible(principal, invoice.account_id, tx);
        const profile = await billingRepo.findProfile(tx, account.id);
        const number = await billingRepo.nextNumber(tx, invoice.operator_account_id, "INV");
        await billingRepo.markIssued(tx, id, {
          number,
          numberText: `INV-${String(number).padStart(6, "0")}`,
          at: clock.now(),
          by: principal.userId,
          customer: JSON.stringify(customerSnapshot(account, profile ?? null)),
        });
        await deps.audit.record(tx, {
          accountId: invoice.account_id,
          actor: actorOf(principal),
          action: "invoice.issued",
          entityType: "invoice",
          entityId: id,
          data: { number, total: invoice.total, currency: invoice.currency },
        });
        return (await billingRepo.findInvoice(tx, id))!;
      });
      return withLines(issued);
    },

    /** A credit note against an issued invoice: issued at once, with its own gapless series. */
    async creditNote(principal: Principal, id: string, input: CreditNoteInput) {
      requirePermission(principal, "billing:issue");
      const note = await inTransaction(db, async (tx) => {
        await requireVisibleInvoice(principal, id, tx);
        const invoice = (await billingRepo.lockInvoice(tx, id))!;
        if (invoice.status !== "issued" || invoice.kind !== "invoice")
          throw billingErrors.notIssued(id);
        const cur = invoice.currency;
        const credited = (await billingRepo.creditNotesOf(tx, id)).reduce(
          (s, n) => s.add(n.subtotal),
          new Decimal(0),
        );
        const subtotal = input.lines.reduce((s, l) => s.add(l.amount), new Decimal(0)).neg();
        const left = new Decimal(invoice.subtotal).add(credited);
        if (subtotal.neg().gt(left))
          throw billingErrors.creditTooLarge(
            roundMoney(subtotal.neg(), cur),
            roundMoney(left, cur),
          );
        const vatAmount = vatOn(subtotal.toString(), invoice.vat_rate, cur);
        const noteId = newId();
        const number = await billingRepo.nextNumber(tx, invoice.operator_account_id, "CN");
        const now = clock.now();
        await billingRepo.insertInvoice(tx, {
          id: noteId,
          account_id: invoice.account_id,
          operator_account_id: invoice.operator_account_id,
          kind: "credit_note",
          status: "issued",
          cycle_start: invoice.cycle_start,
          cycle_end: invoice.cycle_end,
          currency: cur,
          time_zone: invoice.time_zone,
          customer: JSON.stringify(invoice.customer),
          subtotal: roundMoney(subtotal, cur),
          vat_rate: invoice.vat_rate,
          vat_amount: vatAmount,
          total: roundMoney(subtotal.add(vatAmount), cur),
          reverse_charge: invoice.reverse_charge,
          notes: JSON.stringify([
            `Credit note for invoice ${invoice.number_text}: ${input.reason}`,
            ...(invoice.notes as string[]),
          ]),
          credited_invoice_id: invoice.id,
          number,
          number_text: `CN-${String(number).padStart(6, "0")}`,
          created_at: now,
          issued_at: now,
          issued_by: principal.userId,
        });
        await billingRepo.insertLines(
          tx,
          input.lines.map((l, i) => {
            const amount = roundMoney(new Decimal(l.amount).neg(), cur);
            return {
              invoice_id: noteId,
              n: i + 1,
              account_id: invoice.account_id,
              kind: "credit",
              description: l.description,
              rate_plan_id: null,
              plan_version: null,
              zone_id: null,
              quantity: "1",
              unit: "credit",
              unit_price: amount,
              amount,
              explanation: JSON.stringify({
                parts: [
                  {
                    label: l.description,
                    quantity: "1",
                    unit: "credit",
                    unitPrice: amount,
                    amount,
                  },
                ],
                exact: amount,
                rounding: "entered by the operator",
                facts: { creditedInvoice: invoice.number_text ?? invoice.id },
                sentence: `Credited on invoice ${invoice.number_text}: ${input.reason}`,
              }),
            };
          }),
        );
        await deps.audit.record(tx, {
          accountId: invoice.account_id,
          actor: actorOf(principal),
          action: "credit_note.issued",
          entityType: "invoice",
          entityId: noteId,
          data: { invoiceId: invoice.id, number, reason: input.reason },
        });
        return (await billingRepo.findInvoice(tx, noteId))!;
      });
      return withLines(note);
    },

    /** Mails an issued invoice to the billing contact, through the mail outbox. */
    async mail(principal: Principal, id: string) {
      requirePermission(principal, "billing:mail");
      // The PDF is rendered first, outside the transaction: the exports service reads on its own.
      const first = await requireVisibleInvoice(principal, id);
      if (first.invoice.status !== "issued") throw billingErrors.notIssued(id);
      const pdf = await deps.invoicePdf(principal, id);
      return inTransaction(db, async (tx) => {
        const { invoice } = await requireVisibleInvoice(principal, id, tx);
        if (invoice.status !== "issued") throw billingErrors.notIssued(id);
        const profile = await billingRepo.findProfile(tx, invoice.account_id);
        if (!profile?.contact_email) throw billingErrors.noBillingContact(invoice.account_id);
        const lines = await billingRepo.linesOf(tx, id);
        const text = invoiceText(invoice, lines);
        const sent = await deps.mail.enqueue(tx, {
          accountId: invoice.account_id,
          to: [profile.contact_email],
          subject: `${invoice.kind === "invoice" ? "Invoice" : "Credit note"} ${invoice.number_text} (${invoice.cycle_start} – ${dayBefore(invoice.cycle_end)})`,
          text,
          purpose: "invoice",
          attachments: [
            {
              filename: `${invoice.number_text}.pdf`,
              contentType: "application/pdf",
              content: pdf,
            },
          ],
        });
        await deps.audit.record(tx, {
          accountId: invoice.account_id,
          actor: actorOf(principal),
          action: "invoice.mailed",
          entityType: "invoice",
          entityId: id,
          data: { to: profile.contact_email, mailId: sent.id },
        });
        return { mailId: sent.id, to: profile.contact_email };
      });
    },

    /** A line's arithmetic, its plan version and the SIMs behind it, a page at a time. */
    async explain(
      principal: Principal,
      id: string,
      n: number,
      page: { cursor?: string; limit: number },
    ) {
      requirePermission(principal, "billing:read");
      const { invoice } = await requireVisibleInvoice(principal, id);
      const line = await billingRepo.lineOf(db, id, n);
      if (!line) throw billingErrors.lineNotFound(id, n);
      const explanation = line.explanation as {
        parts: never[];
        exact: string;
        rounding: string;
        facts: Record<string, string | number>;
        sentence: string;
      };
      const cycleDays = daysBetween(invoice.cycle_start, invoice.cycle_end);
      const limit = Math.min(page.limit, 500);
      // The cursor is the last SIM id of the page before; anything else is not one Otter gave out.
      if (page.cursor !== undefined && !UUID.test(page.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      const after = page.cursor;
      let items: ExplainedSim[] = [];
      let nextCursor: string | null = null;
      if (line.rate_plan_id && (line.kind === "subscription" || line.kind === "activation")) {
        const rows = await billingRepo.simsOfPlan(db, id, line.rate_plan_id, {
          after,
          limit: limit + 1,
        });
        const fee = new Decimal(line.unit_price);
        items = rows
          .filter((r) => line.kind !== "activation" || r.activated_on !== null)
          .slice(0, limit)
          .map((r) => ({
            iccid: r.iccid,
            billableDays: r.billable_days,
            activatedOn: r.activated_on,
            ...(line.kind === "subscription" && {
              share: fee.mul(r.billable_days).div(cycleDays).toString(),
            }),
          }));
        nextCursor = rows.length > limit ? rows[limit - 1]!.sim_id : null;
      } else if (line.rate_plan_id && line.kind !== "credit") {
        const rows = await billingRepo.usageOfPlan(db, id, line.rate_plan_id, line.zone_id, {
          after,
          limit: limit + 1,
          test: line.kind === "test_excess",
        });
        const shown = rows.slice(0, limit);
        const ids = shown.map((r) => r.sim_id);
        const [iccids, sessions] = await Promise.all([
          billingRepo.iccidsOf(db, id, ids),
          usageBillingRepo.sessionCounts(
            db,
            ids,
            line.zone_id,
            invoice.cycle_start,
            invoice.cycle_end,
          ),
        ]);
        const iccid = new Map(iccids.map((r) => [r.sim_id, r.iccid]));
        const count = new Map(sessions.map((s) => [s.sim_id, Number(s.sessions)]));
        const pooled = line.kind === "pool" || line.kind === "allowance";
        const contribution = new Map(
          pooled ? iccids.map((f) => [f.sim_id, f.contribution_days] as const) : [],
        );
        items = shown.map((r) => ({
          iccid: iccid.get(r.sim_id) ?? r.sim_id,
          days: r.days,
          bytes: Number(r.bytes),
          smsMo: r.sms_mo,
          smsMt: r.sms_mt,
          sessions: count.get(r.sim_id) ?? 0,
          ...(contribution.has(r.sim_id) && { contributionDays: contribution.get(r.sim_id) }),
        }));
        nextCursor = rows.length > limit ? rows[limit - 1]!.sim_id : null;
      }
      return {
        invoiceId: id,
        line: presentLine(line),
        summary: explanation.sentence,
        planVersion: line.plan_version,
        cycle: { start: invoice.cycle_start, end: dayBefore(invoice.cycle_end), days: cycleDays },
        arithmetic: {
          parts: explanation.parts,
          exact: explanation.exact,
          rounding: explanation.rounding,
          amount: line.amount,
        },
        facts: explanation.facts,
        sims: { items, nextCursor },
      };
    },

    /** What changed between two cycles of a customer, in sentences with the figures behind each. */
    async compare(principal: Principal, accountId: string, from: string, to: string) {
      requirePermission(principal, "billing:read");
      const account = await deps.accounts.requireVisible(principal, accountId);
      const { profile } = await profileOf(db, account.id);
      const find = async (period: string) => {
        const inv = await billingRepo.invoiceForCycle(
          db,
          account.id,
          cycleStartingIn(period, profile).start,
        );
        if (!inv || (!isOperatorRole(principal.role) && inv.status !== "issued"))
          throw billingErrors.invoiceNotFound(`${account.id}/${period}`);
        return inv;
      };
      const [a, b] = [await find(from), await find(to)];
      const [simsA, simsB, zonesA, zonesB, linesA, linesB] = await Promise.all([
        billingRepo.simCount(db, a.id),
        billingRepo.simCount(db, b.id),
        billingRepo.usageByZone(db, a.id),
        billingRepo.usageByZone(db, b.id),
        billingRepo.linesOf(db, a.id),
        billingRepo.linesOf(db, b.id),
      ]);
      return {
        accountId,
        from: { invoiceId: a.id, cycleStart: a.cycle_start, total: a.total },
        to: { invoiceId: b.id, cycleStart: b.cycle_start, total: b.total },
        sentences: compareSentences({
          a,
          b,
          simsA: Number(simsA.sims),
          simsB: Number(simsB.sims),
          zonesA,
          zonesB,
          linesA,
          linesB,
          zoneNames: await zoneNamesOf([...zonesA, ...zonesB].map((z) => z.zone_id)),
        }),
      };
    },

    /**
     * The cycle so far and the invoice it is heading for: the cycle rated as a draft would be, in a
     * transaction that is rolled back (nothing is stored), then projected to the cycle's end — fees
     * already run to the end for the SIMs billable today; usage grows linearly with the days left,
     * and the pool's overage is recomputed from the projected zone-1 usage.
     */
    async cycleToDate(principal: Principal, accountId: string) {
      requirePermission(principal, "billing:read");
      const account = await deps.accounts.requireVisible(principal, accountId);
      const { profile } = await profileOf(db, account.id);
      const today = localDay(clock.now(), account.time_zone);
      const cycle = cycleContaining(today, profile);
      const days = daysBetween(cycle.start, cycle.end);
      const elapsed = daysBetween(cycle.start, today) + 1;
      let snapshot: { invoice: Invoice; lines: InvoiceLine[] } | null = null;
      await inTransaction(db, async (tx) => {
        await rateCustomer(tx, account, cycle.start.slice(0, 7), null);
        const invoice = (await billingRepo.invoiceForCycle(tx, account.id, cycle.start))!;
        snapshot = { invoice, lines: await billingRepo.linesOf(tx, invoice.id) };
        throw ROLLBACK;
      }).catch((err: unknown) => {
        if (err !== ROLLBACK) throw err;
      });
      const { invoice, lines } = snapshot!;
      const cur = invoice.currency;
      const projected = lines.map((l) => ({
        n: l.n,
        kind: l.kind,
        description: l.description,
        toDate: l.amount,
        projected: projectLine(l, days, elapsed, cur),
      }));
      const sum = (xs: string[]) =>
        roundMoney(
          xs.reduce((a, x) => a.add(x), new Decimal(0)),
          cur,
        );
      return {
        accountId,
        currency: cur,
        cycle: { start: cycle.start, end: dayBefore(cycle.end), days, elapsedDays: elapsed },
        toDate: { subtotal: invoice.subtotal, flags: invoice.flags as string[] },
        projected: { subtotal: sum(projected.map((p) => p.projected)) },
        lines: projected,
      };
    },
  };

  async function zoneNamesOf(ids: (string | null)[]) {
    const real = [...new Set(ids.filter((z): z is string => z !== null))];
    return new Map((await zoneLookupRepo.namesByIds(db, real)).map((z) => [z.id, z.name]));
  }
}

const ROLLBACK = new Error("cycle-to-date: roll the rating back");

/** A line projected to the cycle's end (docs/billing.md, "Cycle to date"). */
function projectLine(l: InvoiceLine, days: number, elapsed: number, currency: string): string {
  const scale = new Decimal(days).div(elapsed);
  if (l.kind === "subscription" || l.kind === "activation" || l.kind === "credit") return l.amount;
  if (l.kind === "pool") {
    const facts = (l.explanation as { facts: Record<string, number | string> }).facts;
    const home = new Decimal(facts.homeBytes ?? 0).mul(scale);
    const over = Decimal.max(0, home.sub(facts.poolBytes ?? 0));
    return roundMoney(over.div(MB).mul(l.unit_price), currency);
  }
  return roundMoney(new Decimal(l.amount).mul(scale), currency);
}

const MB = 1_048_576;
const fmtMB = (bytes: number) => new Decimal(bytes).div(MB).toDecimalPlaces(1).toString();

/** The sentences of a comparison: SIMs, each zone's data, the pool, the total. */
export function compareSentences(input: {
  a: Invoice;
  b: Invoice;
  simsA: number;
  simsB: number;
  zonesA: { zone_id: string | null; test: boolean; bytes: number }[];
  zonesB: { zone_id: string | null; test: boolean; bytes: number }[];
  linesA: { kind: string; zone_id: string | null; amount: string; explanation: unknown }[];
  linesB: { kind: string; zone_id: string | null; amount: string; explanation: unknown }[];
  zoneNames: Map<string, string>;
}) {
  const out: { text: string; figures: Record<string, string | number> }[] = [];
  const { a, b, simsA, simsB } = input;
  const diff = new Decimal(b.total).sub(a.total);
  out.push({
    text: diff.isZero()
      ? `The total is the same as in the cycle from ${a.cycle_start}: ${b.total} ${b.currency}.`
      : `The total went ${diff.gt(0) ? "up" : "down"} by ${diff.abs().toFixed(2)} ${b.currency}, from ${a.total} to ${b.total}.`,
    figures: { from: a.total, to: b.total, difference: diff.toFixed(2) },
  });
  if (simsA !== simsB)
    out.push({
      text: `${Math.abs(simsB - simsA).toLocaleString("en")} ${simsB > simsA ? "more" : "fewer"} SIMs were active (${simsA.toLocaleString("en")} → ${simsB.toLocaleString("en")}).`,
      figures: { simsFrom: simsA, simsTo: simsB },
    });
  const zones = new Set(
    [...input.zonesA, ...input.zonesB].filter((z) => !z.test).map((z) => z.zone_id),
  );
  for (const zone of zones) {
    const bytesOf = (rows: typeof input.zonesA) =>
      rows.filter((r) => r.zone_id === zone && !r.test).reduce((n, r) => n + Number(r.bytes), 0);
    const [x, y] = [bytesOf(input.zonesA), bytesOf(input.zonesB)];
    if (x === y) continue;
    const name = zone ? (input.zoneNames.get(zone) ?? zone) : "networks in no zone";
    const line = input.linesB.find((l) => l.zone_id === zone && l.kind === "zone_data");
    const price = line
      ? ` which your plan prices at ${(line.explanation as { parts: { unitPrice: string }[] }).parts[0]?.unitPrice ?? "?"} ${b.currency}/MB`
      : "";
    out.push({
      text: `${fmtMB(Math.abs(y - x))} MB ${y > x ? "more" : "less"} data were used in ${name}${price} (${fmtMB(x)} MB → ${fmtMB(y)} MB).`,
      figures: { zone: name, bytesFrom: x, bytesTo: y },
    });
  }
  const pool = (lines: typeof input.linesA) =>
    lines
      .filter((l) => l.kind === "pool")
      .reduce(
        (n, l) =>
          n + Number((l.explanation as { facts: { poolBytes?: number } }).facts.poolBytes ?? 0),
        0,
      );
  const [pa, pb] = [pool(input.linesA), pool(input.linesB)];
  if (pa !== pb)
    out.push({
      text: `The pool ${pb > pa ? "grew" : "shrank"} by ${fmtMB(Math.abs(pb - pa))} MB (${fmtMB(pa)} MB → ${fmtMB(pb)} MB).`,
      figures: { poolBytesFrom: pa, poolBytesTo: pb },
    });
  return out;
}

/** The invoice as plain text for the mail to the billing contact. */
function invoiceText(
  invoice: Invoice,
  lines: { n: number; description: string; amount: string }[],
) {
  const c = invoice.customer as {
    legalName?: string | null;
    name?: string;
    vatNumber?: string | null;
  };
  return [
    `${invoice.kind === "invoice" ? "Invoice" : "Credit note"} ${invoice.number_text}`,
    `To: ${c.legalName ?? c.name ?? ""}${c.vatNumber ? ` (VAT ${c.vatNumber})` : ""}`,
    `Cycle: ${invoice.cycle_start} – ${dayBefore(invoice.cycle_end)}`,
    "",
    ...lines.map((l) => `${l.n}. ${l.description}: ${l.amount} ${invoice.currency}`),
    "",
    `Subtotal: ${invoice.subtotal} ${invoice.currency}`,
    `VAT ${invoice.vat_rate}%: ${invoice.vat_amount} ${invoice.currency}`,
    `Total: ${invoice.total} ${invoice.currency}`,
    ...(invoice.notes as string[]),
  ].join("\n");
}

export type BillingService = ReturnType<typeof createBillingService>;
