import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Row types of Otter's tables, as the database returns them. Kept by hand beside the migrations. */
type Json = ColumnType<unknown, string | unknown, string | unknown>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AccountsTable {
  id: string;
  parent_id: string | null;
  path: string;
  kind: "operator" | "customer";
  name: string;
  legal_name: string | null;
  vat_number: string | null;
  currency: string;
  language: string;
  time_zone: string;
  billing_address: Json | null;
  test_ready_then: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactsTable {
  id: string;
  account_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  role: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  account_id: string;
  key_hash: string;
  prefix: string;
  name: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface ZonesTable {
  id: string;
  account_id: string;
  name: string;
  countries: string[];
  plmns: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommunicationPlansTable {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  apns: Json;
  data_enabled: boolean;
  sms_enabled: boolean;
  voice_enabled: boolean;
  rats: string[];
  zone_ids: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RatePlansTable {
  id: string;
  account_id: string;
  name: string;
  currency: string;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RatePlanVersionsTable {
  id: string;
  rate_plan_id: string;
  account_id: string;
  version: number;
  effective_from: Timestamp;
  terms: Json;
  zone_ids: string[];
  created_at: Timestamp;
}

export interface PlanOffersTable {
  plan_kind: "communication" | "rate";
  plan_id: string;
  account_id: string;
  created_at: Timestamp;
}

export interface SimsTable {
  id: string;
  iccid: string;
  imsi: string;
  msisdn: string | null;
  eid: string | null;
  imei: string | null;
  account_id: string;
  state: string;
  communication_plan_id: string | null;
  rate_plan_id: string | null;
  overage_limit_override: ColumnType<string, string | undefined, string>;
  custom_fields: ColumnType<unknown, string | undefined, string>;
  notes: string | null;
  created_by_job_id: string | null;
  date_activated: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SimAuditTable {
  id: string;
  sim_id: string;
  account_id: string;
  field: string;
  prior_value: string | null;
  value: string | null;
  reason: string | null;
  effective_date: Timestamp;
  actor_user_id: string | null;
  actor_name: string;
  job_id: string | null;
  created_at: Timestamp;
}

export interface SimScheduledChangesTable {
  id: string;
  sim_id: string;
  account_id: string;
  changes: Json;
  effective_date: Timestamp;
  status: "pending" | "applied" | "failed" | "cancelled";
  reason: string | null;
  actor_user_id: string | null;
  actor_name: string;
  error: Json | null;
  created_at: Timestamp;
  applied_at: Timestamp | null;
}

export interface JobsTable {
  id: string;
  account_id: string;
  kind: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  phase: string;
  params: Json;
  created_by: string;
  file_name: string | null;
  upload_bytes: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  done: ColumnType<number, number | undefined, number>;
  checkpoint: ColumnType<number, number | undefined, number>;
  counts: Json;
  error_count: ColumnType<number, number | undefined, number>;
  failure: Json | null;
  cancel_requested: ColumnType<boolean, boolean | undefined, boolean>;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface JobUploadsTable {
  job_id: string;
  seq: number;
  data: Uint8Array;
}

export interface JobRowsTable {
  job_id: string;
  line: number;
  iccid: string | null;
  outcome: string;
  field: string | null;
  code: string | null;
  message: string | null;
  /** The account the row concerns; null = the job's own account. */
  account_id: string | null;
}

export interface AuditLogTable {
  id: string;
  account_id: string;
  actor_user_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Json;
  created_at: Timestamp;
}

export interface DomainEventsTable {
  id: string;
  account_id: string;
  type: string;
  subject_id: string;
  data: Json;
  created_at: Timestamp;
}

export interface MailMessagesTable {
  id: string;
  account_id: string;
  message_id: string;
  from_address: string;
  to_addresses: string[];
  cc_addresses: ColumnType<string[], string[] | undefined, string[]>;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Json;
  purpose: string;
  status: "queued" | "sending" | "sent" | "failed" | "outbox";
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface NetworkClientsTable {
  id: string;
  account_id: string;
  name: string;
  address: string;
  secret_sealed: string;
  coa_port: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountingRecordsTable {
  id: string;
  dedupe_key: string;
  client_id: string;
  account_id: string;
  sim_id: string | null;
  imsi: string | null;
  acct_session_id: string | null;
  status: string;
  event_at: Timestamp;
  received_at: Timestamp;
  record: Json;
}

export interface DataSessionsTable {
  id: string;
  account_id: string;
  client_id: string;
  acct_session_id: string;
  sim_id: string | null;
  imsi: string | null;
  msisdn: string | null;
  charging_id: number | null;
  nas_ip: string | null;
  apn: string | null;
  ip: string | null;
  rat: string | null;
  rat_code: number | null;
  mcc: string | null;
  mnc: string | null;
  location: Json | null;
  imeisv: string | null;
  status: "open" | "closed";
  started_at: Timestamp;
  last_update_at: Timestamp;
  ended_at: Timestamp | null;
  bytes_up: ColumnType<number, number | undefined, number>;
  bytes_down: ColumnType<number, number | undefined, number>;
  session_time: number | null;
  terminate_cause: string | null;
  last_traffic_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  superseded: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface RegistrationEventsTable {
  id: string;
  event_id: string;
  account_id: string;
  sim_id: string | null;
  imsi: string;
  type: string;
  result: string | null;
  cause: number | null;
  cause_type: string | null;
  visited_plmn: string | null;
  rat: string | null;
  imei: string | null;
  at: Timestamp;
  received_at: Timestamp;
}

export interface SimNetworkStateTable {
  sim_id: string;
  account_id: string;
  last_seen: Timestamp | null;
  last_registration: Json | null;
  imei: string | null;
  imeisv: string | null;
  previous_imei: string | null;
  imei_changed_at: Timestamp | null;
  mcc: string | null;
  mnc: string | null;
  rat: string | null;
  location: Json | null;
  updated_at: Timestamp;
  barred_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  barred_reason: ColumnType<string | null, string | null | undefined, string | null>;
  zone_key: ColumnType<string | null, string | null | undefined, string | null>;
  last_activity_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  silence_check_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  silent_since: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NetworkActionsTable {
  id: string;
  account_id: string;
  sim_id: string;
  session_id: string | null;
  kind: string;
  status: "queued" | "sending" | "acked" | "nak" | "failed";
  reason: string;
  requested_by: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  result: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sim_action_id: ColumnType<string | null, string | null | undefined, string | null>;
  target: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface HssEndpointsTable {
  id: string;
  account_id: string;
  name: string;
  url: string;
  secret_sealed: string;
  imsi_prefixes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SmsCentresTable {
  id: string;
  account_id: string;
  name: string;
  host: string;
  port: number;
  system_id: string;
  password_sealed: string;
  system_type: ColumnType<string, string | undefined, string>;
  source_address: string;
  imsi_prefixes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SmsMessagesTable {
  id: string;
  account_id: string;
  sim_id: string;
  sim_action_id: string | null;
  sms_centre_id: string;
  msisdn: string;
  purpose: string;
  encoding: string;
  data_coding: number;
  esm_class: number;
  /** Each segment's short_message (with its UDH), hex. */
  segments: string[];
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  message_ids: ColumnType<string[], string[] | undefined, string[]>;
  receipts: ColumnType<unknown, string | undefined, string>;
  last_error: string | null;
  submitted_at: Timestamp | null;
  delivered_at: Timestamp | null;
  failed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SimActionsTable {
  id: string;
  account_id: string;
  sim_id: string;
  iccid: string;
  type: string;
  status: string;
  reason: string;
  params: Json;
  requested_by_user: string | null;
  requested_by: string;
  outcome: Json | null;
  watch_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface UsageDailyTable {
  sim_id: string;
  day: ColumnType<string, string, string>;
  zone_key: string;
  zone_id: string | null;
  account_id: string;
  bytes_up: ColumnType<number, number | undefined, number>;
  bytes_down: ColumnType<number, number | undefined, number>;
  sms_mo: ColumnType<number, number | undefined, number>;
  sms_mt: ColumnType<number, number | undefined, number>;
}

export interface UnknownImsisTable {
  imsi: string;
  first_seen: Timestamp;
  last_seen: Timestamp;
  occurrences: ColumnType<number, number | undefined, number>;
  last_source: string;
  last_plmn: string | null;
}

export interface WebhookSubscriptionsTable {
  id: string;
  account_id: string;
  url: string;
  events: string[];
  secret_sealed: string;
  description: string | null;
  status: "active" | "paused";
  paused_reason: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  failing_since: Timestamp | null;
  last_success_at: Timestamp | null;
  /** The event queue's position when the subscription was made: it takes events queued after it. */
  events_from: ColumnType<string, string | undefined, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: string;
  /** The public event type (`sim.session_started`), not the internal one. */
  event_type: string;
  event_created_at: Timestamp;
  status: "queued" | "sending" | "delivered" | "failed";
  /** Attempts since the delivery was (re)queued; the full history is in webhook_attempts. */
  attempts: ColumnType<number, number | undefined, number>;
  /** When queued: the next attempt; when sending: the moment the claim lapses. */
  next_attempt_at: Timestamp | null;
  retry_until: Timestamp;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** One row per event a consumer has still to handle (src/modules/events). */
export interface EventQueueTable {
  consumer: string;
  seq: Generated<string>;
  event_id: string;
}

export interface AutomationRulesTable {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  trigger_type: string;
  trigger: Json;
  conditions: Json;
  actions: Json;
  usage_percent: number | null;
  created_by: string;
  /** The event queue's position when the rule was made: it fires on events queued after it. */
  events_from: ColumnType<string, string | undefined, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AutomationFiringsTable {
  id: string;
  rule_id: string;
  account_id: string;
  dedupe_key: string;
  event_id: string | null;
  event_type: string;
  event_data: Json;
  sim_id: string | null;
  iccid: string | null;
  episode_at: Timestamp | null;
  status: "pending" | "running" | "done" | "failed";
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  results: Json | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export type CaseCategory =
  "sim_order" | "platform_howto" | "billing" | "technical" | "plans" | "products" | "other";
export type CaseState =
  "new" | "open" | "waiting_on_customer" | "waiting_on_consultation" | "resolved" | "closed";
export type CasePriority = "low" | "normal" | "high" | "urgent";
export type CaseEntryKind = "email_in" | "email_out" | "phone" | "note" | "consultation" | "event";

export interface DeskMailboxesTable {
  id: string;
  address: string;
  /** NULL: an operator-wide address (mail from unknown senders lands in triage). */
  account_id: string | null;
  created_at: Timestamp;
}

export interface CasesTable {
  id: string;
  operator_id: string;
  /** NULL while the case sits in the triage queue (sender not yet matched to a customer). */
  account_id: string | null;
  number: number;
  subject: string;
  category: CaseCategory;
  state: CaseState;
  priority: CasePriority;
  owner_user_id: string | null;
  contact_ids: ColumnType<string[], string[] | undefined, string[]>;
  requester_email: string | null;
  requester_name: string | null;
  channel: "email" | "phone" | "api" | "automation";
  /** Idempotency key of a case opened by automation: `automation:<ruleId>:<eventId>`. */
  source_key: string | null;
  reopened_from_case_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface ConsultationsTable {
  id: string;
  case_id: string;
  team: string | null;
  address: string | null;
  subject: string;
  state: "open" | "answered" | "closed";
  created_by_user_id: string | null;
  created_at: Timestamp;
  answered_at: Timestamp | null;
  closed_at: Timestamp | null;
}

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

export interface DeskMessagesTable {
  id: string;
  case_id: string | null;
  consultation_id: string | null;
  mailbox_id: string | null;
  direction: "in" | "out";
  message_id: string;
  in_reply_to: string | null;
  references_ids: ColumnType<string[], string[] | undefined, string[]>;
  envelope_from: string | null;
  envelope_to: ColumnType<string[], string[] | undefined, string[]>;
  from_address: string | null;
  from_name: string | null;
  to_addresses: ColumnType<string[], string[] | undefined, string[]>;
  cc_addresses: ColumnType<string[], string[] | undefined, string[]>;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  headers: Json;
  raw: Buffer | null;
  raw_size: ColumnType<number, number | undefined, number>;
  /** Pieces in `desk_blob_chunks` holding the raw message (0: inline in `raw`, or none). */
  raw_chunks: ColumnType<number, number | undefined, number>;
  flags: ColumnType<DeskMessageFlag[], DeskMessageFlag[] | undefined, DeskMessageFlag[]>;
  needs_human: ColumnType<boolean, boolean | undefined, boolean>;
  mail_id: string | null;
  send_status: "queued" | "sent" | "failed" | "outbox" | null;
  send_error: string | null;
  created_at: Timestamp;
}

export interface DeskAttachmentsTable {
  id: string;
  message_id: string;
  filename: string | null;
  content_type: string;
  content_id: string | null;
  inline: boolean;
  size: number;
  content: Buffer | null;
  truncated: boolean;
  /** Pieces in `desk_blob_chunks` holding the content (0: inline in `content`, or not kept). */
  content_chunks: ColumnType<number, number | undefined, number>;
}

/** Raw messages and attachment contents in pieces, written in short statements (migration 0013). */
export interface DeskBlobChunksTable {
  owner_id: string;
  seq: number;
  bytes: Buffer;
}

/** The append-only case timeline; rows are never updated. SLA clocks are recomputed from it. */
export interface CaseEntriesTable {
  id: string;
  case_id: string;
  kind: CaseEntryKind;
  body: string | null;
  data: Json;
  actor_user_id: string | null;
  actor_name: string;
  desk_message_id: string | null;
  consultation_id: string | null;
  created_at: Timestamp;
}

export interface CaseLinksTable {
  id: string;
  case_id: string;
  kind: "sim" | "account";
  sim_id: string | null;
  linked_account_id: string | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
}

/** Desk SLA and knowledge (migration 0012_desk_sla). */
export interface DeskCalendarsTable {
  id: string;
  operator_id: string;
  time_zone: string;
  hours: Json;
  holidays: Json;
  effective_from: Timestamp;
  created_by_user_id: string | null;
  created_at: Timestamp;
}

export interface DeskAgreementsTable {
  id: string;
  account_id: string;
  targets: Json;
  effective_from: Timestamp;
  created_by_user_id: string | null;
  created_at: Timestamp;
}

/** A projection of a case's timeline for the queue; recomputed, never the truth. */
export interface CaseSlaTable {
  case_id: string;
  account_id: string | null;
  owner_user_id: string | null;
  open: boolean;
  tier: number;
  due_at: Timestamp | null;
  remaining_ms: ColumnType<string | null, number | string | null, number | string | null>;
  at_risk_at: Timestamp | null;
  state: string;
  clocks: Json;
  next_notice_at: Timestamp | null;
  stale: Generated<boolean>;
  computed_at: Timestamp;
}

export interface DeskSlaNoticesTable {
  case_id: string;
  target: "firstResponse" | "resolution";
  episode: number;
  kind: "at_risk" | "breached";
  created_at: Timestamp;
}

export interface DeskMacrosTable {
  id: string;
  operator_id: string;
  name: string;
  body: string;
  tags: string[];
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeskArticlesTable {
  id: string;
  operator_id: string;
  title: string;
  body: string;
  tags: string[];
  search: ColumnType<string, never, never>;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** View `account_scope` (migration 0016), read only through src/modules/tenancy. */
export interface AccountScopeView {
  account_id: string;
  parent_id: string | null;
  path: string;
  kind: "operator" | "customer";
}

export interface DB {
  account_scope: AccountScopeView;
  accounts: AccountsTable;
  contacts: ContactsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  zones: ZonesTable;
  communication_plans: CommunicationPlansTable;
  rate_plans: RatePlansTable;
  rate_plan_versions: RatePlanVersionsTable;
  plan_offers: PlanOffersTable;
  sims: SimsTable;
  sim_audit: SimAuditTable;
  sim_scheduled_changes: SimScheduledChangesTable;
  jobs: JobsTable;
  job_uploads: JobUploadsTable;
  job_rows: JobRowsTable;
  audit_log: AuditLogTable;
  domain_events: DomainEventsTable;
  mail_messages: MailMessagesTable;
  network_clients: NetworkClientsTable;
  accounting_records: AccountingRecordsTable;
  data_sessions: DataSessionsTable;
  registration_events: RegistrationEventsTable;
  sim_network_state: SimNetworkStateTable;
  usage_daily: UsageDailyTable;
  unknown_imsis: UnknownImsisTable;
  network_actions: NetworkActionsTable;
  hss_endpoints: HssEndpointsTable;
  sim_actions: SimActionsTable;
  sms_centres: SmsCentresTable;
  sms_messages: SmsMessagesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  event_queue: EventQueueTable;
  automation_rules: AutomationRulesTable;
  automation_firings: AutomationFiringsTable;
  desk_mailboxes: DeskMailboxesTable;
  cases: CasesTable;
  consultations: ConsultationsTable;
  desk_messages: DeskMessagesTable;
  desk_attachments: DeskAttachmentsTable;
  desk_blob_chunks: DeskBlobChunksTable;
  case_entries: CaseEntriesTable;
  case_links: CaseLinksTable;
  desk_calendars: DeskCalendarsTable;
  desk_agreements: DeskAgreementsTable;
  case_sla: CaseSlaTable;
  desk_sla_notices: DeskSlaNoticesTable;
  desk_macros: DeskMacrosTable;
  desk_articles: DeskArticlesTable;
}

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
export type { Generated };
