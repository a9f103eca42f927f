import type { ColumnType, Generated, Insertable, SelectType, Selectable, Updateable } from "kysely";
import type * as Gen from "./schema.generated.js";
import type { Eid, Iccid, Imei, Imsi, Msisdn } from "../lib/identifiers.js";

/**
 * Row types of Otter's tables and views: what the migrations say (src/db/schema.generated.ts,
 * `npm run db:types`), plus what SQL cannot say, declared once in `Refinements` below — the values
 * a text column may hold, JSON written as text. Every refinement must name a column the migrations
 * have and may only narrow what the database returns; the compiler checks both (`RefinementsFit`).
 */

/** JSON written as text (`JSON.stringify`): a JS array would otherwise go out as a SQL array. */
type JsonText<Null extends null = never> = ColumnType<
  unknown,
  string | Null | undefined,
  string | Null
>;
/** An int8 that comes back as a number (database.ts parses int8) and is written as its text. */
type Int8Position = ColumnType<number, number | string | undefined, never>;
/** A value PostgreSQL fills in itself; never written. */
type Computed<T> = ColumnType<T, never, never>;

export type AccountKind = "operator" | "customer";
export type CaseCategory =
  "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
export type CaseState =
  "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
/** The people's tasks an onboarding opens once provisioned (migration 0027). */
export type OnboardingTaskKind = "tunnel_date" | "sim_shipment" | "acceptance";

export type OnboardingState =
  "draft" | "validated" | "provisioning" | "waiting_on_customer" | "live" | "failed";
export type CasePriority = "low" | "normal" | "high" | "urgent";
export type CaseEntryKind = "email_in" | "email_out" | "phone" | "note" | "consultation" | "event";
export type DeskMessageFlag =
  | "auto_reply"
  | "bulk"
  | "bounce"
  | "loop"
  | "unparsed"
  | "oversize"
  | "delivery_failure"
  | "automatic"
  /** The mail pointed at a case its sender may not join (docs/desk.md, threading); it opened a triage case. */
  | "thread_refused";

/** The languages the clarity check writes in (migration 0028; src/modules/clarity/clarity.types.ts). */
export type ClarityLanguageCode = "en" | "it" | "sv";
/** What became of a finding of a sent reply: left in the text, dismissed, or its suggestion accepted. */
export type ClarityDecision = "open" | "dismissed" | "accepted";

interface Refinements {
  /**
   * View `account_scope` (migration 0016), read only through src/modules/tenancy. PostgreSQL
   * reports every view column as nullable; these come from NOT NULL columns of `accounts`.
   */
  account_scope: { account_id: string; path: string; kind: AccountKind };
  accounts: { kind: AccountKind };
  plan_offers: { plan_kind: "communication" | "rate" };
  sims: {
    custom_fields: JsonText;
    iccid: Iccid;
    imsi: Imsi;
    msisdn: Msisdn | null;
    imei: Imei | null;
    eid: Eid | null;
  };
  sim_scheduled_changes: { status: "pending" | "applied" | "failed" | "cancelled" };
  jobs: { status: "queued" | "running" | "succeeded" | "failed" | "cancelled" };
  mail_messages: { status: "queued" | "sending" | "sent" | "failed" | "outbox" };
  signin_tokens: { purpose: "invitation" | "reset" };
  /** Their IMSIs come from RADIUS accounting, parsed by the decoder. */
  accounting_records: { imsi: Imsi | null };
  data_sessions: { status: "open" | "closed"; imsi: Imsi | null };
  network_actions: {
    status: "queued" | "sending" | "acked" | "nak" | "failed";
    target: JsonText<null>;
  };
  sms_messages: { receipts: JsonText };
  webhook_subscriptions: {
    status: "active" | "paused";
    /** The event queue's position when the subscription was made: it takes events queued after it. */
    events_from: Int8Position;
    /** Which body Otter sends (migration 0031); `cc_data_format` is set exactly for "controlcenter". */
    format: Generated<"otter" | "controlcenter">;
    cc_data_format: "xml" | "json" | null;
  };
  webhook_deliveries: {
    status: "queued" | "sending" | "delivered" | "failed";
  };
  automation_rules: {
    /** The event queue's position when the rule was made: it fires on events queued after it. */
    events_from: Int8Position;
  };
  automation_firings: { status: "pending" | "running" | "done" | "failed" };
  cases: {
    category: CaseCategory;
    state: CaseState;
    priority: CasePriority;
    channel: "email" | "phone" | "api" | "automation";
  };
  consultations: { state: "open" | "answered" | "closed" };
  desk_messages: {
    direction: "in" | "out";
    flags: ColumnType<DeskMessageFlag[], DeskMessageFlag[] | undefined, DeskMessageFlag[]>;
    send_status: "queued" | "sent" | "failed" | "outbox" | null;
  };
  case_entries: { kind: CaseEntryKind };
  case_links: { kind: "sim" | "account" | "invoice" };
  desk_sla_notices: { target: "firstResponse" | "resolution"; kind: "at_risk" | "breached" };
  /** `search` is a generated tsvector column: PostgreSQL writes it. */
  desk_articles: { search: Computed<string | null> };
  onboardings: {
    state: OnboardingState;
    spec: JsonText;
    findings: JsonText;
    provisioned: JsonText;
    services: JsonText;
    report: JsonText<null>;
  };
  onboarding_tasks: { kind: OnboardingTaskKind; state: "open" | "done" };
  clarity_glossary_terms: { language: ClarityLanguageCode; origin: "shipped" | "team" };
  clarity_reply_checks: {
    language: ClarityLanguageCode;
    formula: "flesch" | "gulpease" | "lix";
  };
  clarity_reply_findings: {
    severity: "info" | "warning";
    decision: ClarityDecision;
  };
  billing_profiles: { cycle: "calendar" | "anniversary" };
  invoices: {
    kind: "invoice" | "credit_note";
    status: "draft" | "issued";
    customer: JsonText;
    notes: JsonText;
    flags: JsonText;
  };
  invoice_lines: { flags: JsonText; explanation: JsonText };
}

type Refine<T, R> = { [C in keyof T]: C extends keyof R ? R[C] : T[C] };

/** `table.column` of each refinement that names no column, or widens what the database returns. */
type Misfits = {
  [T in keyof Refinements]: T extends keyof Gen.DB
    ? {
        [C in keyof Refinements[T]]: C extends keyof Gen.DB[T]
          ? [SelectType<Refinements[T][C]>] extends [SelectType<Gen.DB[T][C]>]
            ? never
            : `${T}.${C & string}`
          : `${T}.${C & string}`;
      }[keyof Refinements[T]]
    : T;
}[keyof Refinements];
/** Does not compile while `Misfits` names a column; the error names it. */
type RefinementsFit<M extends never> = M;
export type CheckedRefinements = RefinementsFit<Misfits>;

export type DB = {
  [T in keyof Gen.DB]: T extends keyof Refinements ? Refine<Gen.DB[T], Refinements[T]> : Gen.DB[T];
};

export type AccountScopeView = DB["account_scope"];
export type AccountsTable = DB["accounts"];
export type ContactsTable = DB["contacts"];
export type UsersTable = DB["users"];
export type ApiKeysTable = DB["api_keys"];
export type UserPasswordsTable = DB["user_passwords"];
export type SigninSessionsTable = DB["signin_sessions"];
export type SigninTokensTable = DB["signin_tokens"];
export type SigninFailuresTable = DB["signin_failures"];
export type ZonesTable = DB["zones"];
export type CommunicationPlansTable = DB["communication_plans"];
export type RatePlansTable = DB["rate_plans"];
export type RatePlanVersionsTable = DB["rate_plan_versions"];
export type PlanOffersTable = DB["plan_offers"];
export type SimsTable = DB["sims"];
export type SimAuditTable = DB["sim_audit"];
export type SimScheduledChangesTable = DB["sim_scheduled_changes"];
export type JobsTable = DB["jobs"];
export type JobUploadsTable = DB["job_uploads"];
/** `account_id`: the account the row concerns; null = the job's own account. */
export type JobRowsTable = DB["job_rows"];
export type AuditLogTable = DB["audit_log"];
export type DomainEventsTable = DB["domain_events"];
export type MailMessagesTable = DB["mail_messages"];
/** Files sent with a message, numbered `n` from 1 (migration 0038). */
export type MailAttachmentsTable = DB["mail_attachments"];
export type NetworkClientsTable = DB["network_clients"];
export type AccountingRecordsTable = DB["accounting_records"];
export type DataSessionsTable = DB["data_sessions"];
export type RegistrationEventsTable = DB["registration_events"];
export type SimNetworkStateTable = DB["sim_network_state"];
export type NetworkActionsTable = DB["network_actions"];
export type HssEndpointsTable = DB["hss_endpoints"];
export type SmsCentresTable = DB["sms_centres"];
/** `segments`: each segment's short_message (with its UDH), hex. */
export type SmsMessagesTable = DB["sms_messages"];
export type SimActionsTable = DB["sim_actions"];
export type UsageDailyTable = DB["usage_daily"];
export type UnknownImsisTable = DB["unknown_imsis"];
/** One data session's usage on a day in a zone: raw and billed (rounded per session) bytes. */
export type SessionUsageDailyTable = DB["session_usage_daily"];
/** Every SMS counted into daily usage, once (migration 0030). */
export type SmsUsageTable = DB["sms_usage"];
export type WebhookSubscriptionsTable = DB["webhook_subscriptions"];
/**
 * `event_type` is the public event type (`sim.session_started`), not the internal one; `attempts`
 * counts since the delivery was (re)queued (the history is in webhook_attempts); `next_attempt_at`
 * is, when queued, the next attempt, when sending, the moment the claim lapses.
 */
export type WebhookDeliveriesTable = DB["webhook_deliveries"];
export type WebhookAttemptsTable = DB["webhook_attempts"];
/** One row per event a consumer has still to handle (src/modules/events). */
export type EventQueueTable = DB["event_queue"];
export type AutomationRulesTable = DB["automation_rules"];
export type AutomationFiringsTable = DB["automation_firings"];
/** `account_id` NULL: an operator-wide address (mail from unknown senders lands in triage). */
export type DeskMailboxesTable = DB["desk_mailboxes"];
/**
 * `account_id` is NULL while the case sits in the triage queue (sender not yet matched to a
 * customer); `source_key` is the idempotency key of a case opened by automation
 * (`automation:<ruleId>:<eventId>`).
 */
export type CasesTable = DB["cases"];
export type ConsultationsTable = DB["consultations"];
/** `raw_chunks`: pieces in `desk_blob_chunks` holding the raw message (0: inline in `raw`, or none). */
export type DeskMessagesTable = DB["desk_messages"];
/** `content_chunks`: pieces in `desk_blob_chunks` holding the content (0: inline, or not kept). */
export type DeskAttachmentsTable = DB["desk_attachments"];
/** Raw messages and attachment contents in pieces, written in short statements (migration 0013). */
export type DeskBlobChunksTable = DB["desk_blob_chunks"];
/** The append-only case timeline; rows are never updated. SLA clocks are recomputed from it. */
export type CaseEntriesTable = DB["case_entries"];
export type CaseLinksTable = DB["case_links"];
export type DeskCalendarsTable = DB["desk_calendars"];
export type DeskAgreementsTable = DB["desk_agreements"];
/** A projection of a case's timeline for the queue; recomputed, never the truth. */
export type CaseSlaTable = DB["case_sla"];
export type DeskSlaNoticesTable = DB["desk_sla_notices"];
export type DeskMacrosTable = DB["desk_macros"];
export type DeskArticlesTable = DB["desk_articles"];
/** `provisioned`: ids the provisioning job created, by step; `services`: the APNs and IPsec tunnels as data. */
export type OnboardingsTable = DB["onboardings"];
export type OnboardingTasksTable = DB["onboarding_tasks"];
export type OnboardingTask = Selectable<OnboardingTasksTable>;
/** Billing (migration 0029): money is decimal text; `explanation` is a line's arithmetic as data. */
export type BillingProfilesTable = DB["billing_profiles"];
export type InvoicesTable = DB["invoices"];
export type InvoiceLinesTable = DB["invoice_lines"];
export type InvoiceSimsTable = DB["invoice_sims"];
export type InvoiceSimUsageTable = DB["invoice_sim_usage"];
export type InvoiceLateUsageTable = DB["invoice_late_usage"];
export type Invoice = Selectable<InvoicesTable>;
export type InvoiceLine = Selectable<InvoiceLinesTable>;

export type Account = Selectable<AccountsTable>;
export type User = Selectable<UsersTable>;
export type Sim = Selectable<SimsTable>;
export type NewSim = Insertable<SimsTable>;
export type SimUpdate = Updateable<SimsTable>;
export type Job = Selectable<JobsTable>;
export type Zone = Selectable<ZonesTable>;
export type CommunicationPlan = Selectable<CommunicationPlansTable>;
export type RatePlan = Selectable<RatePlansTable>;
export type RatePlanVersion = Selectable<RatePlanVersionsTable>;
export type MailMessage = Selectable<MailMessagesTable>;
export type WebhookSubscription = Selectable<WebhookSubscriptionsTable>;
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;
export type WebhookAttempt = Selectable<WebhookAttemptsTable>;
export type AutomationRule = Selectable<AutomationRulesTable>;
export type AutomationFiring = Selectable<AutomationFiringsTable>;
export type Case = Selectable<CasesTable>;
export type CaseEntry = Selectable<CaseEntriesTable>;
export type DeskMessage = Selectable<DeskMessagesTable>;
export type Consultation = Selectable<ConsultationsTable>;
export type Onboarding = Selectable<OnboardingsTable>;
export type ClarityGlossaryTermsTable = DB["clarity_glossary_terms"];
export type ClarityReplyChecksTable = DB["clarity_reply_checks"];
export type ClarityReplyFindingsTable = DB["clarity_reply_findings"];
export type ClarityGlossaryTermRow = Selectable<ClarityGlossaryTermsTable>;
export type { Generated };
/** Numbers Control Center clients know accounts and SMS by (migration 0027, docs/control-center.md). */
export type CcNumericIdsTable = DB["cc_numeric_ids"];
export type CcIdempotencyTable = DB["cc_idempotency"];
