import type { DB } from "./schema.js";

/**
 * Which module owns each table and view: the only module whose repository may query it. Every other
 * module reaches that data through the owner's service or an exported repository function (one that
 * takes arrays, for the set-based hot paths). test/structure/ownership.test.ts reads the code and
 * fails on a query that touches another module's table; the compiler fails here when a table in
 * `DB` has no owner. A view belongs to the module that declares it in its migration: `account_scope`
 * is the tenancy module's, and every other module reads it through src/modules/tenancy.
 */
export const TABLE_OWNERS = {
  account_scope: "tenancy",
  accounts: "accounts",
  contacts: "accounts",
  users: "accounts",
  api_keys: "accounts",
  user_passwords: "signin",
  signin_sessions: "signin",
  signin_tokens: "signin",
  signin_failures: "signin",
  zones: "catalog",
  communication_plans: "catalog",
  rate_plans: "catalog",
  rate_plan_versions: "catalog",
  plan_offers: "catalog",
  catalog_revision: "catalog",
  sims: "sims",
  sim_audit: "sims",
  sim_scheduled_changes: "sims",
  sim_import_rows: "sims",
  jobs: "jobs",
  job_uploads: "jobs",
  job_rows: "jobs",
  audit_log: "audit",
  domain_events: "events",
  event_queue: "events",
  mail_messages: "mail",
  network_clients: "network",
  accounting_records: "network",
  accounting_record_keys: "network",
  data_sessions: "network",
  registration_events: "network",
  registration_event_keys: "network",
  sim_network_state: "network",
  usage_daily: "network",
  unknown_imsis: "network",
  network_actions: "network",
  hss_endpoints: "network",
  sim_actions: "actions",
  sms_centres: "sms",
  sms_messages: "sms",
  webhook_subscriptions: "webhooks",
  webhook_deliveries: "webhooks",
  webhook_attempts: "webhooks",
  automation_rules: "automation",
  automation_firings: "automation",
  desk_mailboxes: "desk",
  cases: "desk",
  consultations: "desk",
  desk_messages: "desk",
  desk_attachments: "desk",
  desk_blob_chunks: "desk",
  case_entries: "desk",
  case_links: "desk",
  desk_calendars: "desk",
  desk_agreements: "desk",
  case_sla: "desk",
  desk_sla_notices: "desk",
  desk_macros: "desk",
  desk_articles: "desk",
  onboardings: "onboarding",
} as const satisfies Record<keyof DB, string>;

export type OwningModule = (typeof TABLE_OWNERS)[keyof typeof TABLE_OWNERS];
