import { Decimal } from "decimal.js";
import type { Db, Executor, Tx } from "../../db/database.js";
import { inTransaction } from "../../db/database.js";
import type { Account, Invoice, InvoiceLine } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, isOperatorRole, type Principal, SYSTEM_READER } from "../auth/principal.js";
import { accountSettingsRepo } from "../accounts/account-settings.shared.repo.js";
import { billingAlertsRepo } from "./billing-alerts.repo.js";
import { rateTermsRepo } from "../catalog/rate-terms.shared.repo.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import type { JobsService } from "../jobs/jobs.service.js";
import type { MailService } from "../mail/mail.service.js";
import type { SimsService } from "../sims/sims.service.js";
import { customerOf } from "../auth/holder.js";
import { usageBillingRepo } from "../network/usage-billing.shared.repo.js";
import { simBillingRepo } from "../sims/sim-billing.shared.repo.js";
import {
  type Cycle,
  cycleContaining,
  type CycleRule,
  cycleAt,
  cycleStartingIn,
  dayBefore,
  localDay,
  versionDays,
} from "./billing-cycle.js";
import { validationError } from "../../lib/errors.js";
import { billingErrors } from "./billing.errors.js";
import { compareText, lineSummaryText } from "./billing.messages.js";
import { lineSummary } from "./line-summary.js";
import { invoiceMail } from "./invoice-mail.js";
import { lateUsageRepo } from "./late-usage.repo.js";
import { lineWords, notesWords, type VatFacts } from "./invoice-words.js";
import { presentInvoice, presentLine, presentProfile } from "./billing.presenter.js";
import { billingRepo } from "./billing.repo.js";
import {
  type BilledScope,
  type InvoiceToRate,
  type PlanInCycle,
  rateInvoices,
} from "./billing-rating.js";
import type { BillingProfileInput, CreditNoteInput } from "./billing.schemas.js";
import { lateLine, LATE_CYCLES, USAGE_KINDS } from "./late-usage.js";
import {
  daysBetween,
  type Part,
  type RatedCycle,
  type RatedLine,
  roundMoney,
  type VersionInCycle,
  vatOn,
} from "./rating.js";
import { vatFor } from "./vat.js";
import { explanationAsText } from "./explanation-text.js";
import { isLanguage, type Language, localeOf, type Message } from "../../lib/messages/messages.js";

export const BILLING_RUN_KIND = "billing_run";

/**
 * How many customers a billing run rates in one transaction, with one pass over their cycles' usage
 * (docs/decisions.md, "Billing in one pass"): a run killed mid-way redoes at most this many.
 */
export const CUSTOMERS_PER_PASS = 100;

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
  /** A late line's rows: the plan and zone of the earlier cycle, its days now and as billed. */
  plan?: string;
  zoneId?: string | null;
  zoneName?: string | null;
  test?: boolean;
  daysBilled?: number;
}

/** The earlier invoice whose cycle a late-usage line carries. */
interface LateFor {
  invoiceId: string;
  number: string | null;
  cycle: { start: string; end: string };
}

interface Deps {
  db: Db;
  clock: Clock;
  /** Customers rated per transaction (OTTER_BILLING_CUSTOMERS_PER_PASS); CUSTOMERS_PER_PASS if unset. */
  customersPerPass?: number;
  audit: AuditService;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "list" | "directory">;
  jobs: Pick<JobsService, "create" | "register">;
  mail: Pick<MailService, "enqueue">;
  sims: Pick<SimsService, "requireVisibleSim">;
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

type BillingProfileRow = NonNullable<Awaited<ReturnType<typeof billingRepo.findProfile>>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One invoice of a customer's cycle (docs/billing.md, "Invoices per sub-account"): the account it
 * is for and the SIMs it bills — the customer's whole subtree; or, invoiced per sub-account, a
 * direct sub-account's subtree, or the SIMs held on the customer's own account (`own`).
 */
interface BillingUnit {
  customer: Account;
  account: Account;
  scope: BilledScope;
  /** The customer's own invoice beside its sub-accounts': dropped when it bills nothing. */
  own: boolean;
}

/**
 * Billing: profiles, the billing run (a resumable job producing one draft invoice per customer, or
 * per sub-account, and cycle), review and issue with gapless numbers, credit notes, explanations, comparisons.
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

  /**
   * The plans of a customer's SIMs (those `scope` bills, its whole subtree by default) with their
   * versions over the cycle, ready for rating.
   */
  async function plansForCycle(ex: Executor, account: Account, cycle: Cycle, scope?: BilledScope) {
    const path = scope?.path ?? account.path;
    const alone = scope?.alone ?? false;
    const planIds = [
      ...new Set([
        ...(await simBillingRepo.ratePlansInSubtree(ex, path, alone)),
        ...(await billingRepo.plansOfChanges(ex, {
          scopePath: path,
          alone,
          timeZone: account.time_zone,
          start: cycle.start,
          end: cycle.end,
        })),
      ]),
    ];
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
   * The invoices of a customer's cycle (docs/billing.md, "Invoices per sub-account"): one for its
   * whole subtree; or, when its billing profile says per sub-account, one per direct sub-account
   * (its subtree) and one for the SIMs held on the customer's own account. A cycle with an invoice
   * already issued one way stays that way, so that no SIM is billed twice for it. Answers too the
   * drafts of the cycle that are none of these invoices' (left by a run before the profile changed).
   */
  async function unitsOf(ex: Executor, customer: Account, cycleStart: string) {
    const [profile, invoices] = await Promise.all([
      billingRepo.findProfile(ex, customer.id),
      billingRepo.invoicesOfCycle(ex, customer.path, cycleStart),
    ]);
    const issued = invoices.filter((i) => i.status === "issued");
    const perSubAccount =
      issued.length > 0
        ? issued.some((i) => i.account_id !== customer.id || i.scope === "account")
        : (profile?.per_sub_account ?? false);
    const units: BillingUnit[] = perSubAccount
      ? [
          { customer, account: customer, scope: { path: customer.path, alone: true }, own: true },
          ...(await deps.accounts.directory.children(ex, customer)).map((child) => ({
            customer,
            account: child,
            scope: { path: child.path, alone: false },
            own: false,
          })),
        ]
      : [{ customer, account: customer, scope: { path: customer.path, alone: false }, own: false }];
    const billed = new Set(units.map((u) => u.account.id));
    const stale = invoices.filter((i) => i.status === "draft" && !billed.has(i.account_id));
    return { units, stale };
  }

  /**
   * The invoice an account's cycle-to-date figures are of: a customer's own invoice (its whole
   * subtree, or its own SIMs when invoiced per sub-account); a direct sub-account's invoice when
   * its customer is invoiced per sub-account; otherwise the account's subtree rated as its own
   * invoice would be — always in its customer's cycle, currency and time zone.
   */
  async function unitOf(ex: Executor, account: Account): Promise<BillingUnit> {
    const customerId = customerOf(account.path) ?? account.id;
    const customer =
      customerId === account.id
        ? account
        : await deps.accounts.requireVisible(SYSTEM_READER, customerId, ex);
    const { profile } = await profileOf(ex, customer.id);
    const cycle = cycleContaining(localDay(clock.now(), customer.time_zone), profile);
    const { units } = await unitsOf(ex, customer, cycle.start);
    return (
      units.find((u) => u.account.id === account.id) ?? {
        customer,
        account,
        scope: { path: account.path, alone: false },
        own: false,
      }
    );
  }

  /**
   * The account whose invoice bills the SIMs of the account `accountId` at `accountPath` in the
   * current cycle: its customer, or the customer's direct sub-account when invoiced per sub-account.
   */
  async function unitHolding(ex: Executor, accountId: string, accountPath: string) {
    const customerId = customerOf(accountPath) ?? accountId;
    const customer = await deps.accounts.requireVisible(SYSTEM_READER, customerId, ex);
    const { profile } = await profileOf(ex, customer.id);
    const cycle = cycleContaining(localDay(clock.now(), customer.time_zone), profile);
    const { units } = await unitsOf(ex, customer, cycle.start);
    const unit = units.find((u) =>
      u.scope.alone ? u.account.id === accountId : accountPath.startsWith(u.scope.path),
    );
    return unit?.account.id ?? customerId;
  }

  /**
   * Rates one customer's cycle into its draft invoices, in the caller's transaction. Issued
   * invoices of the cycle are left as they are (answers "issued" when all are); drafts are rated
   * again from scratch.
   */
  async function rateCustomer(
    tx: Tx,
    account: Account,
    period: string,
    jobId: string | null,
  ): Promise<"issued" | "rated"> {
    return (await rateCustomers(tx, [account], period, jobId))[0]!;
  }

  /**
   * Rates customers' cycles into draft invoices together, in the caller's transaction: each
   * invoice's draft row first (one per customer, or per sub-account), then every cycle's facts in
   * one pass (billing-rating.ts), then each invoice's late usage, lines and totals. Answers per
   * customer, in order, as rateCustomer does.
   */
  async function rateCustomers(
    tx: Tx,
    accounts: readonly Account[],
    period: string,
    jobId: string | null,
  ): Promise<("issued" | "rated")[]> {
    const outcomes: ("issued" | "rated")[] = [];
    const units: BillingUnit[] = [];
    for (const customer of accounts) {
      const { profile } = await profileOf(tx, customer.id);
      const cycle = cycleStartingIn(period, profile);
      const of = await unitsOf(tx, customer, cycle.start);
      for (const draft of of.stale) await billingRepo.deleteDraft(tx, draft.id);
      units.push(...of.units);
    }
    const rated = await rateUnits(tx, units, period, jobId, { dropEmpty: true });
    for (const customer of accounts) outcomes.push(rated.has(customer.id) ? "rated" : "issued");
    return outcomes;
  }

  /**
   * Rates invoices of customers' cycles into drafts, in the caller's transaction; answers the
   * customers with at least one draft rated. With `dropEmpty`, a customer's own invoice beside its
   * sub-accounts' is removed again when it bills no SIM and no charge.
   */
  async function rateUnits(
    tx: Tx,
    units: readonly BillingUnit[],
    period: string,
    jobId: string | null,
    opts: { dropEmpty: boolean },
  ): Promise<Set<string>> {
    const root = await deps.accounts.rootAccount(tx);
    const operatorProfile = await billingRepo.findProfile(tx, root.id);
    const drafts: (NonNullable<Awaited<ReturnType<typeof draftFor>>> & InvoiceToRate)[] = [];
    const rated = new Set<string>();
    for (const unit of units) {
      const draft = await draftFor(tx, unit, period, jobId, root, operatorProfile);
      if (draft) drafts.push(draft);
    }
    const results = await rateInvoices(tx, drafts);
    for (const [k, draft] of drafts.entries()) {
      const lines = await finishDraft(tx, draft, results[k]!);
      const empty =
        draft.unit.own &&
        lines === 0 &&
        Number((await billingRepo.simCount(tx, draft.invoiceId)).sims) === 0;
      if (opts.dropEmpty && empty) await billingRepo.deleteDraft(tx, draft.invoiceId);
      else rated.add(draft.unit.customer.id);
    }
    return rated;
  }

  /**
   * An invoice's draft row for the cycle starting in `period`, without lines yet: null when the
   * cycle's invoice is already issued; an earlier draft is removed first.
   */
  async function draftFor(
    tx: Tx,
    unit: BillingUnit,
    period: string,
    jobId: string | null,
    root: Account,
    operatorProfile: { country: string } | undefined,
  ) {
    const account = unit.customer;
    const { row: profileRow, profile } = await profileOf(tx, account.id);
    const cycle = cycleStartingIn(period, profile);
    const existing = await billingRepo.invoiceForCycle(tx, unit.account.id, cycle.start);
    if (existing?.status === "issued") return null;
    if (existing) await billingRepo.deleteDraft(tx, existing.id);

    const plans = await plansForCycle(tx, account, cycle, unit.scope);
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
    const customer = customerSnapshot(
      account,
      await billingContactOf(tx, unit.account, profileRow ?? null),
      unit.account,
    );
    await billingRepo.insertInvoice(tx, {
      id: invoiceId,
      account_id: unit.account.id,
      operator_account_id: root.id,
      kind: "invoice",
      status: "draft",
      scope: unit.scope.alone ? "account" : "subtree",
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
    return {
      account,
      unit,
      scope: unit.scope,
      cycle,
      invoiceId,
      plans,
      flags,
      notes,
      vatRate: vat.rate,
    };
  }

  /** A rated draft's late-usage lines, its lines and its totals; answers how many lines it has. */
  async function finishDraft(
    tx: Tx,
    draft: NonNullable<Awaited<ReturnType<typeof draftFor>>> & InvoiceToRate,
    result: RatedCycle,
  ): Promise<number> {
    const { account, unit, cycle, invoiceId, flags, notes } = draft;
    const currency = account.currency;
    const late = await lateUsage(tx, unit, cycle, invoiceId);
    const lines = [...result.lines, ...late.map((l) => l.line)];
    const subtotal = roundMoney(
      lines.reduce((sum, l) => sum.add(l.amount), new Decimal(0)),
      currency,
    );
    flags.push(...result.flags, ...late.flatMap((l) => l.line.flags));
    await billingRepo.insertLines(
      tx,
      lines.map((l, i) => ({
        invoice_id: invoiceId,
        n: i + 1,
        account_id: unit.account.id,
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
        late_for_invoice_id: late.find((x) => x.line === l)?.forInvoiceId ?? null,
      })),
    );
    const vatAmount = vatOn(subtotal, draft.vatRate, currency);
    await billingRepo.updateTotals(tx, invoiceId, {
      subtotal,
      vat_amount: vatAmount,
      total: roundMoney(new Decimal(subtotal).add(vatAmount), currency),
      flags: JSON.stringify([...new Set(flags)]),
      notes: JSON.stringify(notes),
    });
    return lines.length;
  }

  /**
   * Rates a customer's cycle into the invoice row `invoiceId` (which must exist): the per-SIM facts
   * and the aggregates in set-based statements, then the pure rating. Lines are the caller's.
   */
  async function rateInto(
    tx: Tx,
    account: Account,
    cycle: Cycle,
    invoiceId: string,
    plans: PlanInCycle[],
    scope?: BilledScope,
  ): Promise<RatedCycle> {
    return (await rateInvoices(tx, [{ account, cycle, invoiceId, plans, scope }]))[0]!;
  }

  /**
   * Late usage (docs/billing.md, "Late usage"): for each of the last issued invoices before this
   * cycle of the accounts this invoice bills, what its cycle costs now with every usage record known
   * today, minus what was billed for it — its usage lines and the late-usage lines of issued
   * invoices since. Each is rated again over the SIMs it billed (docs/billing.md, "Invoices per
   * sub-account"). A cheap sum first: a cycle whose usage did not grow since it was billed is not
   * rated again. The cycle is rated again into a scratch row that is removed in the same
   * transaction.
   */
  async function lateUsage(
    tx: Tx,
    unit: BillingUnit,
    cycle: Cycle,
    invoiceId: string,
  ): Promise<{ line: RatedLine; forInvoiceId: string }[]> {
    const account = unit.customer;
    const out: { line: RatedLine; forInvoiceId: string }[] = [];
    const issued = await billingRepo.issuedBefore(
      tx,
      { scopePath: unit.scope.path, alone: unit.scope.alone },
      cycle.start,
      LATE_CYCLES,
    );
    const others = issued.map((i) => i.account_id).filter((id) => id !== unit.account.id);
    const paths = new Map(
      (await deps.accounts.directory.accountsByIds(tx, [...new Set(others)])).map((a) => [
        a.id,
        a.path,
      ]),
    );
    paths.set(unit.account.id, unit.account.path);
    for (const prior of issued.reverse()) {
      const billedScope: BilledScope = {
        path: paths.get(prior.account_id) ?? unit.account.path,
        alone: prior.scope === "account",
      };
      const was = { start: prior.cycle_start, end: prior.cycle_end };
      const billedLate = await billingRepo.lateLinesFor(tx, prior.id);
      const lateFacts = billedLate.map(
        (l) => (l.explanation as { facts: Record<string, number> }).facts,
      );
      const billed = await billingRepo.usageTotalsOf(tx, prior.id);
      const already = {
        bytes: Number(billed.bytes) + lateFacts.reduce((n, f) => n + Number(f.lateBytes ?? 0), 0),
        sms: Number(billed.sms) + lateFacts.reduce((n, f) => n + Number(f.lateSms ?? 0), 0),
      };
      const now = await billingRepo.usageTotalsNow(
        tx,
        billedScope.path,
        was.start,
        was.end,
        billedScope.alone,
      );
      if (Number(now.bytes) === already.bytes && Number(now.sms) === already.sms) continue;

      const scratch = newId();
      await billingRepo.insertInvoice(tx, {
        id: scratch,
        account_id: unit.account.id,
        operator_account_id: prior.operator_account_id,
        // A credit note's kind keeps the scratch row out of the one-invoice-per-cycle index.
        kind: "credit_note",
        status: "draft",
        cycle_start: was.start,
        cycle_end: was.end,
        currency: prior.currency,
        time_zone: prior.time_zone,
        customer: "{}",
        subtotal: "0",
        vat_rate: "0",
        vat_amount: "0",
        total: "0",
        reverse_charge: false,
        created_at: clock.now(),
      });
      const plans = await plansForCycle(tx, account, was, billedScope);
      const rerated = await rateInto(tx, account, was, scratch, plans, billedScope);
      const totals = await billingRepo.usageTotalsOf(tx, scratch);

      const priorLines = (await billingRepo.linesOf(tx, prior.id)).filter((l) =>
        USAGE_KINDS.has(l.kind),
      );
      const line = lateLine({
        prior,
        priorLines,
        rerated: rerated.lines.filter((l) => USAGE_KINDS.has(l.kind)),
        billedLate: billedLate.map((l) => ({ amount: l.amount, number: l.number_text })),
        lateBytes: Number(totals.bytes) - already.bytes,
        lateSms: Number(totals.sms) - already.sms,
      });
      // The SIMs behind the line, from the scratch rating before it goes (its explanation's pages).
      if (line)
        await lateUsageRepo.stage(tx, { invoiceId, forInvoiceId: prior.id, scratchId: scratch });
      await billingRepo.deleteDraft(tx, scratch);
      if (line) out.push({ line, forInvoiceId: prior.id });
    }
    return out;
  }

  /**
   * The billing profile whose contact an account's invoices go to: a sub-account's own when it
   * names a billing contact, else its customer's (`customerProfile`).
   */
  async function billingContactOf(
    ex: Executor,
    billed: Account,
    customerProfile: BillingProfileRow | null,
  ): Promise<BillingProfileRow | null> {
    if (customerOf(billed.path) === billed.id) return customerProfile;
    const own = await billingRepo.findProfile(ex, billed.id);
    if (!own?.contact_email) return customerProfile;
    if (!customerProfile) return own;
    return { ...customerProfile, contact_name: own.contact_name, contact_email: own.contact_email };
  }

  /**
   * The customer's details as the invoice prints them; an invoice of one of its sub-accounts names
   * that sub-account too (docs/billing.md, "Invoices per sub-account").
   */
  function customerSnapshot(
    account: Account,
    profile: { country: string; contact_name: string | null; contact_email: string | null } | null,
    billed?: Account,
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
      ...(billed &&
        billed.id !== account.id && {
          subAccount: { id: billed.id, name: billed.name, customerId: account.id },
        }),
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

  /**
   * How each customer's cycles run, for these accounts: its billing profile's cycle (calendar when
   * it has none) in its own time zone (UTC for an account Otter does not know).
   */
  async function cycleRules(
    ex: Executor,
    accountIds: readonly string[],
  ): Promise<Map<string, CycleRule>> {
    const ids = [...new Set(accountIds)];
    const [profiles, zones] = await Promise.all([
      billingAlertsRepo.cycleProfiles(ex, ids),
      accountSettingsRepo.timeZones(ex, ids),
    ]);
    const byId = new Map(profiles.map((p) => [p.account_id, p]));
    return new Map(
      ids.map((id) => {
        const p = byId.get(id);
        return [
          id,
          {
            cycle: p?.cycle ?? "calendar",
            anchorDay: p?.anchor_day ?? 1,
            timeZone: zones.get(id) ?? "UTC",
          },
        ];
      }),
    );
  }

  deps.jobs.register({
    kind: BILLING_RUN_KIND,
    /**
     * Customers in passes of up to `customersPerPass`, one transaction each, whose commit also
     * moves the checkpoint (the index of the next customer): their cycles' facts are stored in one
     * pass over the usage (billing-rating.ts). A run killed at any point resumes at the first
     * customer not yet committed, and a second run re-rates drafts and leaves issued invoices
     * alone, so nothing is issued twice.
     */
    async run(ctx) {
      const { period, accountId } = ctx.job.params as { period: string; accountId?: string };
      const customers = await customersToBill(ctx.principal, accountId);
      const counts = ctx.job.counts as { created?: number; unchanged?: number };
      let created = counts.created ?? 0;
      let unchanged = counts.unchanged ?? 0;
      const perPass = deps.customersPerPass ?? CUSTOMERS_PER_PASS;
      for (let i = ctx.job.checkpoint; i < customers.length; i += perPass) {
        const pass = customers.slice(i, i + perPass);
        const done = i + pass.length;
        await inTransaction(db, async (tx) => {
          for (const outcome of await rateCustomers(tx, pass, period, ctx.job.id))
            if (outcome === "rated") created++;
            else unchanged++;
          await ctx.checkpoint(tx, {
            phase: "rating",
            done,
            total: customers.length,
            checkpoint: done,
            counts: { created, unchanged },
          });
          if (done === customers.length) await ctx.succeed(tx);
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

    /** Starts a billing run for a month: a job (202), one draft per customer (or sub-account). */
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
      const account = q.accountId
        ? await deps.accounts.requireVisible(principal, q.accountId)
        : undefined;
      const offset = q.cursor ? Number(q.cursor) : 0;
      if (!Number.isInteger(offset) || offset < 0)
        throw billingErrors.badPeriod("cursor", q.cursor ?? "");
      const status = isOperatorRole(principal.role) ? q.status : "issued";
      if (!isOperatorRole(principal.role) && q.status === "draft")
        return { items: [], nextCursor: null };
      const rows = await billingRepo.listVisible(db, principal.accountPath, {
        accountPath: account?.path,
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
    ): Promise<{ number: string; accountId: string; invoiceId: string }[]> {
      requirePermission(principal, "billing:read");
      if (numbers.length === 0) return [];
      const rows = await billingRepo.invoicesNumbered(db, numbers);
      const seen: { number: string; accountId: string; invoiceId: string }[] = [];
      for (const r of rows) {
        const visible = await deps.accounts
          .requireVisible(principal, r.account_id)
          .then(() => true)
          .catch(() => false);
        if (visible && r.number_text)
          seen.push({ number: r.number_text, accountId: r.account_id, invoiceId: r.id });
      }
      return seen;
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "billing:read");
      const { invoice } = await requireVisibleInvoice(principal, id);
      const presented = await withLines(invoice);
      // Each line also in the reader's language (docs/billing.md): `description` stays as stored.
      const language = localeOf(principal).language;
      const words = await lineWords(db, id, presented.lines, language);
      const operator = await billingRepo.findProfile(db, (await deps.accounts.rootAccount()).id);
      const credited = invoice.credited_invoice_id
        ? ((await billingRepo.findInvoice(db, invoice.credited_invoice_id))?.number_text ?? null)
        : null;
      return {
        ...presented,
        notesText: notesWords(
          { ...presented, customer: presented.customer as VatFacts["customer"] },
          credited,
          operator?.country ?? null,
          language,
        ),
        lines: presented.lines.map((l, i) => ({ ...l, descriptionText: words[i]! })),
      };
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
        const billed = await deps.accounts.requireVisible(principal, invoice.account_id, tx);
        const customerId = customerOf(billed.path) ?? billed.id;
        const account =
          customerId === billed.id
            ? billed
            : await deps.accounts.requireVisible(SYSTEM_READER, customerId, tx);
        const profile = await billingRepo.findProfile(tx, account.id);
        const contact = await billingContactOf(tx, billed, profile ?? null);
        const number = await billingRepo.nextNumber(tx, invoice.operator_account_id, "INV");
        await billingRepo.markIssued(tx, id, {
          number,
          numberText: `INV-${String(number).padStart(6, "0")}`,
          at: clock.now(),
          by: principal.userId,
          customer: JSON.stringify(customerSnapshot(account, contact, billed)),
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
          scope: invoice.scope,
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
        const { invoice, account } = await requireVisibleInvoice(principal, id, tx);
        if (invoice.status !== "issued") throw billingErrors.notIssued(id);
        const customerId = customerOf(account.path) ?? account.id;
        const profile = await billingContactOf(
          tx,
          account,
          (await billingRepo.findProfile(tx, customerId)) ?? null,
        );
        if (!profile?.contact_email) throw billingErrors.noBillingContact(invoice.account_id);
        const customer = invoice.customer as { language?: string; contactName?: string | null };
        const credited = invoice.credited_invoice_id
          ? await billingRepo.findInvoice(tx, invoice.credited_invoice_id)
          : undefined;
        const root = await deps.accounts.rootAccount(tx);
        // The customer's language, as the PDF attached is written in (billing-exports.service.ts).
        const own = (customer.language ?? "en").slice(0, 2).toLowerCase();
        const { subject, text } = invoiceMail(
          {
            kind: invoice.kind === "credit_note" ? "credit_note" : "invoice",
            number: invoice.number_text ?? invoice.id,
            credited: credited?.number_text ?? null,
            currency: invoice.currency,
            cycleStart: invoice.cycle_start,
            cycleEnd: dayBefore(invoice.cycle_end),
            subtotal: invoice.subtotal,
            vatRate: invoice.vat_rate,
            vatAmount: invoice.vat_amount,
            total: invoice.total,
            reverseCharge: invoice.reverse_charge,
            contactName: profile.contact_name ?? customer.contactName ?? null,
            operator: root.legal_name ?? root.name,
          },
          isLanguage(own) ? own : "en",
        );
        const sent = await deps.mail.enqueue(tx, {
          accountId: invoice.account_id,
          to: [profile.contact_email],
          subject,
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
      let lateFor: LateFor | undefined;
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
      } else if (line.kind === "late_usage" && line.late_for_invoice_id) {
        // A page of SIMs, each with a row per plan, zone and test flag of the earlier cycle.
        const rows = await lateUsageRepo.pageOf(db, id, line.late_for_invoice_id, {
          after,
          limit: limit + 1,
        });
        const sims = [...new Set(rows.map((r) => r.sim_id))];
        const shown = rows.filter((r) => sims.indexOf(r.sim_id) < limit);
        const [zones, plans] = await Promise.all([
          zoneNamesOf(shown.map((r) => r.zone_id)),
          rateTermsRepo.plansByIds(db, [...new Set(shown.map((r) => r.rate_plan_id))]),
        ]);
        const planName = new Map(plans.map((p) => [p.id, p.name]));
        items = shown.map((r) => ({
          iccid: r.iccid,
          plan: planName.get(r.rate_plan_id) ?? r.rate_plan_id,
          zoneId: r.zone_id,
          zoneName: r.zone_id ? (zones.get(r.zone_id) ?? r.zone_id) : null,
          ...(r.test && { test: true }),
          days: r.days,
          daysBilled: r.billed_days,
          bytes: Number(r.bytes),
          smsMo: r.sms_mo,
          smsMt: r.sms_mt,
        }));
        nextCursor = sims.length > limit ? sims[limit - 1]! : null;
        const earlier = await billingRepo.findInvoice(db, line.late_for_invoice_id);
        if (earlier)
          lateFor = {
            invoiceId: earlier.id,
            number: earlier.number_text,
            cycle: { start: earlier.cycle_start, end: dayBefore(earlier.cycle_end) },
          };
      }
      const zoneName = line.zone_id ? (await zoneNamesOf([line.zone_id])).get(line.zone_id) : null;
      const summary = lineSummary({
        kind: line.kind,
        unit: line.unit,
        unitPrice: line.unit_price,
        amount: line.amount,
        description: line.description,
        currency: invoice.currency,
        facts: explanation.facts,
        zoneName: zoneName ?? null,
        cycleDays,
      });
      const presented = presentLine(line);
      const [descriptionText] = await lineWords(db, id, [presented], localeOf(principal).language);
      return {
        invoiceId: id,
        line: { ...presented, descriptionText: descriptionText! },
        // In English as always (`summary`) and in the reader's language (`summaryMessage.text`).
        summary: explanation.sentence,
        summaryMessage: summary
          ? lineSummaryText.rendered(summary, localeOf(principal))
          : { code: "summary.stored", params: {}, text: explanation.sentence },
        planVersion: line.plan_version,
        cycle: { start: invoice.cycle_start, end: dayBefore(invoice.cycle_end), days: cycleDays },
        arithmetic: {
          parts: explanation.parts,
          exact: explanation.exact,
          rounding: explanation.rounding,
          amount: line.amount,
        },
        facts: explanation.facts,
        ...(lateFor && { lateFor }),
        sims: { items, nextCursor },
      };
    },

    /**
     * A line's explanation as plain text for a reply to the customer: in `language`, else the
     * invoice customer's own language (the language the desk answers that customer in), with the
     * arithmetic and the first SIMs behind the line.
     */
    async explainText(
      principal: Principal,
      id: string,
      n: number,
      language?: Language,
    ): Promise<{ text: string; language: Language }> {
      const ex = await this.explain(principal, id, n, { limit: 20 });
      const invoice = (await billingRepo.findInvoice(db, id))!;
      const line = (await billingRepo.lineOf(db, id, n))!;
      const stored = line.explanation as {
        parts: Part[];
        exact: string;
        facts: Record<string, string | number>;
        sentence: string;
      };
      const [plan] = line.rate_plan_id
        ? await rateTermsRepo.plansByIds(db, [line.rate_plan_id])
        : [];
      const zoneName = line.zone_id ? (await zoneNamesOf([line.zone_id])).get(line.zone_id) : null;
      const credited = invoice.credited_invoice_id
        ? await billingRepo.findInvoice(db, invoice.credited_invoice_id)
        : undefined;
      const customerLanguage = (invoice.customer as { language?: string }).language;
      const chosen = language ?? (isLanguage(customerLanguage) ? customerLanguage : "en");
      const text = explanationAsText(
        {
          invoice: {
            kind: invoice.kind,
            number: invoice.number_text,
            currency: invoice.currency,
            cycleStart: ex.cycle.start,
            cycleEnd: ex.cycle.end,
            cycleDays: ex.cycle.days,
          },
          line: {
            n: line.n,
            kind: line.kind,
            description: line.description,
            unit: line.unit,
            unitPrice: line.unit_price,
            amount: line.amount,
            planVersion: line.plan_version,
          },
          planName: plan?.name ?? null,
          zoneName: zoneName ?? null,
          parts: stored.parts,
          exact: stored.exact,
          facts: stored.facts,
          sentence: stored.sentence,
          sims: ex.sims.items,
          moreSims: ex.sims.nextCursor !== null,
          creditedInvoice: credited?.number_text ?? null,
        },
        chosen,
      );
      return { text, language: chosen };
    },

    /**
     * One SIM's cycle so far and projected (docs/billing.md, "Cycle to date"): its customer's cycle
     * rated as a draft would be and rolled back, then the SIM's own figures — its usage per zone
     * so far and grown linearly to the cycle's end, its own allowance (or pool contribution) left,
     * and what zone-1 data beyond that allowance and data elsewhere would cost at the plan's prices.
     */
    async simCycleToDate(principal: Principal, iccid: string) {
      requirePermission(principal, "billing:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      // The cycle of the invoice that bills the SIM (its pool, its customer's profile); a
      // sub-account's user who cannot see that invoice's account gets its own account's part rated.
      const billedBy = await unitHolding(db, sim.account_id, sim.account_path);
      const account =
        (await deps.accounts.requireVisible(principal, billedBy).catch(() => null)) ??
        (await deps.accounts.requireVisible(principal, sim.account_id));
      const { cycle, days, elapsed, lines, extra } = await rateToDate(account, async (tx, inv) => ({
        facts: await billingRepo.simFactsOf(tx, inv.id, sim.id),
        usage: await billingRepo.simUsageOf(tx, inv.id, sim.id),
        plans: await plansForCycle(tx, account, { start: inv.cycle_start, end: inv.cycle_end }),
      }));
      const planId = sim.rate_plan_id;
      const plan = extra.plans.find((p) => p.id === planId);
      const version = plan?.versions.at(-1);
      const home = version?.zones[0]?.zoneId ?? null;
      const scale = new Decimal(days).div(elapsed);
      const grow = (n: number) => new Decimal(n).mul(scale).floor().toNumber();
      const mine = extra.usage.filter((u) => u.rate_plan_id === planId);
      const usage = mine.map((u) => {
        const z = version?.zones.find((x) => x.zoneId === u.zone_id);
        return {
          zoneId: u.zone_id,
          zoneName: z?.zoneName ?? null,
          home: u.zone_id !== null && u.zone_id === home,
          test: u.test,
          bytes: Number(u.bytes),
          projectedBytes: grow(Number(u.bytes)),
          smsMo: u.sms_mo,
          smsMt: u.sms_mt,
          dataPerMB: z?.dataPerMB ?? null,
        };
      });
      const fact = extra.facts.find((f) => f.rate_plan_id === planId);
      const poolType = version?.pool.type ?? "none";
      const included = !version
        ? 0
        : poolType === "flex"
          ? new Decimal(version.includedBytes)
              .mul(fact?.contribution_days ?? 0)
              .div(days)
              .ceil()
              .toNumber()
          : poolType === "fixed"
            ? 0
            : version.includedBytes;
      const homeUsed = usage.filter((u) => u.home && !u.test).reduce((n, u) => n + u.bytes, 0);
      const homeProjected = grow(homeUsed);
      const poolLine = lines.find((l) => l.kind === "pool" && l.rate_plan_id === planId);
      const poolFacts = poolLine
        ? (poolLine.explanation as { facts: Record<string, number | string> }).facts
        : null;
      const pool = poolFacts
        ? {
            bytes: Number(poolFacts.poolBytes),
            usedBytes: Number(poolFacts.homeBytes),
            projectedUsedBytes: grow(Number(poolFacts.homeBytes)),
            leftBytes: Math.max(0, Number(poolFacts.poolBytes) - Number(poolFacts.homeBytes)),
          }
        : null;
      const flags: string[] = [];
      let overage = new Decimal(0);
      const homePrice = version?.zones[0]?.dataPerMB ?? "0";
      overage = overage.add(
        new Decimal(Math.max(0, homeProjected - included)).div(MB).mul(homePrice),
      );
      for (const u of usage) {
        if (u.home || u.test) continue;
        if (u.dataPerMB === null) {
          if (u.bytes > 0) flags.push("UNPRICED_ZONE");
          continue;
        }
        overage = overage.add(new Decimal(u.projectedBytes).div(MB).mul(u.dataPerMB));
      }
      return {
        iccid: sim.iccid,
        accountId: account.id,
        currency: account.currency,
        cycle: { start: cycle.start, end: dayBefore(cycle.end), days, elapsedDays: elapsed },
        ratePlan: plan ? { id: plan.id, name: plan.name } : null,
        billableDays: fact?.billable_days ?? 0,
        usage,
        allowance: {
          type: poolType,
          includedBytes: included,
          usedBytes: homeUsed,
          projectedBytes: homeProjected,
          leftBytes: Math.max(0, included - homeUsed),
          pool,
        },
        projected: {
          overageAmount: roundMoney(overage, account.currency),
          flags: [...new Set(flags)],
        },
      };
    },

    /** What changed between two cycles of a customer, in sentences with the figures behind each. */
    async compare(principal: Principal, accountId: string, from: string, to: string) {
      requirePermission(principal, "billing:read");
      const account = await deps.accounts.requireVisible(principal, accountId);
      // The account's own invoices (docs/billing.md, "Invoices per sub-account"), in its
      // customer's cycle.
      const { profile } = await profileOf(db, customerOf(account.path) ?? account.id);
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
        // In English as always (`text`) and in the reader's language (`message.text`).
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
        }).map(({ message, ...sentence }) => ({
          ...sentence,
          message: compareText.rendered(message, localeOf(principal)),
        })),
      };
    },

    cycleRules,

    /**
     * The billing cycle of each of these customers at any instant (the RADIUS fold asks once per
     * batch, for the customers of its SIMs); an account not among them: the calendar month in UTC.
     */
    async usageCycles(ex: Executor, customerIds: string[]) {
      const rules = await cycleRules(ex, customerIds);
      return (customerId: string, at: Date) => {
        const rule = rules.get(customerId) ?? { cycle: "calendar", anchorDay: 1, timeZone: "UTC" };
        const c = cycleAt(at, rule);
        return { start: c.start, end: c.end, lastDay: dayBefore(c.end), timeZone: rule.timeZone };
      };
    },

    /**
     * A customer's pools in the current cycle, as the billing run would size them (flexible: each
     * SIM's allowance prorated by day; fixed: the plan's volume) with the zone-1 data used so far and
     * that usage projected linearly to the cycle's end. Plans without a pool are left out.
     */
    async poolsToDate(account: Account) {
      const { profile } = await profileOf(db, account.id);
      const cycle = cycleContaining(localDay(clock.now(), account.time_zone), profile);
      // Only a customer with a pooled plan is rated (the rating is the expensive part).
      const plans = await plansForCycle(db, account, cycle);
      if (!plans.some((p) => p.versions[0] && p.versions[0].pool.type !== "none")) return [];
      // Invoiced per sub-account, each invoice has its own pools (docs/billing.md).
      const unitPools = async (billed: Account) => {
        const { days, elapsed, lines } = await rateToDate(billed);
        return lines
          .filter((l) => l.kind === "pool" && l.rate_plan_id)
          .map((l) => {
            const facts = (l.explanation as { facts: Record<string, number | string> }).facts;
            const usedBytes = Number(facts.homeBytes ?? 0);
            return {
              accountId: billed.id,
              ratePlanId: l.rate_plan_id!,
              ratePlanName: plans.find((p) => p.id === l.rate_plan_id)?.name ?? l.rate_plan_id!,
              poolType: String(facts.poolType) as "flex" | "fixed",
              poolBytes: Number(facts.poolBytes ?? 0),
              usedBytes,
              projectedBytes: new Decimal(usedBytes).mul(days).div(elapsed).ceil().toNumber(),
              cycle: { start: cycle.start, end: dayBefore(cycle.end), days, elapsedDays: elapsed },
              timeZone: account.time_zone,
            };
          });
      };
      const { units } = await unitsOf(db, account, cycle.start);
      const out: Awaited<ReturnType<typeof unitPools>> = [];
      for (const unit of units) out.push(...(await unitPools(unit.account)));
      return out;
    },

    /** The customer accounts billing rates: the operator's children of kind customer. */
    customers: () => customersToBill(SYSTEM_READER),

    /**
     * The cycle so far and the invoice it is heading for: the cycle rated as a draft would be, in a
     * transaction that is rolled back (nothing is stored), then projected to the cycle's end — fees
     * already run to the end for the SIMs billable today; usage grows linearly with the days left,
     * and the pool's overage is recomputed from the projected zone-1 usage.
     */
    async cycleToDate(principal: Principal, accountId: string) {
      requirePermission(principal, "billing:read");
      const account = await deps.accounts.requireVisible(principal, accountId);
      const { cycle, days, elapsed, invoice, lines } = await rateToDate(account);
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

  /**
   * The current cycle of a customer rated as a draft would be, in a transaction that is rolled
   * back (nothing is stored); `more` reads what else it needs of the rated draft before then.
   */
  async function rateToDate<T = undefined>(
    account: Account,
    more?: (tx: Tx, invoice: Invoice) => Promise<T>,
  ) {
    const unit = await unitOf(db, account);
    const { profile } = await profileOf(db, unit.customer.id);
    const today = localDay(clock.now(), unit.customer.time_zone);
    const cycle = cycleContaining(today, profile);
    const days = daysBetween(cycle.start, cycle.end);
    const elapsed = daysBetween(cycle.start, today) + 1;
    let snapshot: { invoice: Invoice; lines: InvoiceLine[]; extra: T | undefined } | null = null;
    await inTransaction(db, async (tx) => {
      await rateUnits(tx, [unit], cycle.start.slice(0, 7), null, { dropEmpty: false });
      const invoice = (await billingRepo.invoiceForCycle(tx, unit.account.id, cycle.start))!;
      snapshot = {
        invoice,
        lines: await billingRepo.linesOf(tx, invoice.id),
        extra: more ? await more(tx, invoice) : undefined,
      };
      throw ROLLBACK;
    }).catch((err: unknown) => {
      if (err !== ROLLBACK) throw err;
    });
    const { invoice, lines, extra } = snapshot!;
    return { cycle, days, elapsed, invoice, lines, extra: extra as T };
  }

  async function zoneNamesOf(ids: (string | null)[]) {
    const real = [...new Set(ids.filter((z): z is string => z !== null))];
    return new Map((await zoneLookupRepo.namesByIds(db, real)).map((z) => [z.id, z.name]));
  }
}

const ROLLBACK = new Error("cycle-to-date: roll the rating back");

/** A line projected to the cycle's end (docs/billing.md, "Cycle to date"). */
function projectLine(l: InvoiceLine, days: number, elapsed: number, currency: string): string {
  const scale = new Decimal(days).div(elapsed);
  if (["subscription", "activation", "credit", "late_usage"].includes(l.kind)) return l.amount;
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
  const out: { text: string; figures: Record<string, string | number>; message: Message }[] = [];
  const { a, b, simsA, simsB } = input;
  const diff = new Decimal(b.total).sub(a.total);
  const money = (amount: string) => `${amount} ${b.currency}`;
  const mb = (bytes: number) => new Decimal(bytes).div(MB).toDecimalPlaces(1).toNumber();
  out.push({
    message: diff.isZero()
      ? compareText.msg("compare.total_same", { from: a.cycle_start, total: money(b.total) })
      : compareText.msg(diff.gt(0) ? "compare.total_up" : "compare.total_down", {
          difference: money(diff.abs().toFixed(2)),
          from: money(a.total),
          to: money(b.total),
        }),
    text: diff.isZero()
      ? `The total is the same as in the cycle from ${a.cycle_start}: ${b.total} ${b.currency}.`
      : `The total went ${diff.gt(0) ? "up" : "down"} by ${diff.abs().toFixed(2)} ${b.currency}, from ${a.total} to ${b.total}.`,
    figures: { from: a.total, to: b.total, difference: diff.toFixed(2) },
  });
  if (simsA !== simsB)
    out.push({
      message: compareText.msg(simsB > simsA ? "compare.sims_more" : "compare.sims_fewer", {
        count: Math.abs(simsB - simsA),
        from: simsA,
        to: simsB,
      }),
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
    const unitPrice = line
      ? (line.explanation as { parts: { unitPrice: string }[] }).parts[0]?.unitPrice
      : undefined;
    const price = line ? ` which your plan prices at ${unitPrice ?? "?"} ${b.currency}/MB` : "";
    const more = y > x;
    out.push({
      message: compareText.msg(
        unitPrice
          ? more
            ? "compare.data_more_priced"
            : "compare.data_less_priced"
          : more
            ? "compare.data_more"
            : "compare.data_less",
        {
          mb: mb(Math.abs(y - x)),
          zone: zone ? (input.zoneNames.get(zone) ?? zone) : compareText.msg("compare.no_zone"),
          ...(unitPrice && { price: money(unitPrice) }),
          from: mb(x),
          to: mb(y),
        },
      ),
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
      message: compareText.msg(pb > pa ? "compare.pool_grew" : "compare.pool_shrank", {
        mb: mb(Math.abs(pb - pa)),
        from: mb(pa),
        to: mb(pb),
      }),
      text: `The pool ${pb > pa ? "grew" : "shrank"} by ${fmtMB(Math.abs(pb - pa))} MB (${fmtMB(pa)} MB → ${fmtMB(pb)} MB).`,
      figures: { poolBytesFrom: pa, poolBytesTo: pb },
    });
  return out;
}

/** The invoice as plain text for the mail to the billing contact. */
export type BillingService = ReturnType<typeof createBillingService>;
