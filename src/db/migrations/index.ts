import type { Migration, MigrationProvider } from "kysely/migration";
import * as m0001 from "./0001_foundation.js";
import * as m0002 from "./0002_network.js";
import * as m0003 from "./0003_network_actions.js";
import * as m0004 from "./0004_session_traffic.js";
import * as m0005 from "./0005_sim_actions.js";
import * as m0006 from "./0006_webhooks.js";
import * as m0007 from "./0007_test_ready_index.js";
import * as m0008 from "./0008_automation.js";
import * as m0009 from "./0009_sms.js";
import * as m0010 from "./0010_diagnosis_perf.js";
import * as m0011 from "./0011_desk.js";
import * as m0012 from "./0012_desk_sla.js";
import * as m0013 from "./0013_desk_mail_chunks.js";
import * as m0014 from "./0014_job_row_accounts.js";
import * as m0015 from "./0015_event_queues.js";
import * as m0016 from "./0016_account_scope.js";
import * as m0017 from "./0017_accounting_sets.js";
import * as m0018 from "./0018_network_partitions.js";
import * as m0019 from "./0019_catalog_revision.js";
import * as m0020 from "./0020_sim_import_staging.js";
import * as m0021 from "./0021_zone_description.js";
import * as m0022 from "./0022_sim_find.js";
import * as m0023 from "./0023_signin.js";
import * as m0024 from "./0024_search_prefix.js";
import * as m0025 from "./0025_onboarding.js";
import * as m0026 from "./0026_onboarding_tasks.js";
import * as m0027 from "./0027_controlcenter.js";
import * as m0028 from "./0028_clarity.js";
import * as m0029 from "./0029_billing.js";
import * as m0030 from "./0030_usage_billing.js";
import * as m0031 from "./0031_webhook_cc_format.js";
import * as m0032 from "./0032_sim_audit_changes.js";
import * as m0033 from "./0033_billing_alerts.js";
import * as m0034 from "./0034_case_invoice_links.js";
import * as m0035 from "./0035_billing_cycle.js";
import * as m0038 from "./0038_mail_attachments.js";
import * as m0039 from "./0039_invoice_late_usage.js";
import * as m0040 from "./0040_invoices_per_sub_account.js";
import * as m0041 from "./0041_billing_facts_keys.js";
import * as m0044 from "./0044_sim_import_rows_unlogged.js";

/** Migrations are listed here, in order; file-system discovery would break in the built package. */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_network": m0002,
  "0003_network_actions": m0003,
  "0004_session_traffic": m0004,
  "0005_sim_actions": m0005,
  "0006_webhooks": m0006,
  "0007_test_ready_index": m0007,
  "0008_automation": m0008,
  "0009_sms": m0009,
  "0010_diagnosis_perf": m0010,
  "0011_desk": m0011,
  "0012_desk_sla": m0012,
  "0013_desk_mail_chunks": m0013,
  "0014_job_row_accounts": m0014,
  "0015_event_queues": m0015,
  "0016_account_scope": m0016,
  "0017_accounting_sets": m0017,
  "0018_network_partitions": m0018,
  "0019_catalog_revision": m0019,
  "0020_sim_import_staging": m0020,
  "0021_zone_description": m0021,
  "0022_sim_find": m0022,
  "0023_signin": m0023,
  "0024_search_prefix": m0024,
  "0025_onboarding": m0025,
  "0026_onboarding_tasks": m0026,
  "0027_controlcenter": m0027,
  "0028_clarity": m0028,
  "0029_billing": m0029,
  "0030_usage_billing": m0030,
  "0031_webhook_cc_format": m0031,
  "0032_sim_audit_changes": m0032,
  "0033_billing_alerts": m0033,
  "0034_case_invoice_links": m0034,
  "0035_billing_cycle": m0035,
  "0038_mail_attachments": m0038,
  "0039_invoice_late_usage": m0039,
  "0040_invoices_per_sub_account": m0040,
  "0041_billing_facts_keys": m0041,
  "0044_sim_import_rows_unlogged": m0044,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
