import type { Selectable } from "kysely";
import type { Sim, SimAuditTable, SimScheduledChangesTable } from "../../db/schema.js";
import { type HolderView, PREVIOUS_HOLDER } from "../auth/holder.js";
import type { SimState } from "./sim-lifecycle.js";
import type { SimOut } from "./sims.schemas.js";

export interface PlanNames {
  comm: Map<string, string>;
  rate: Map<string, string>;
}

export function presentSim(s: Sim, names: PlanNames): SimOut {
  const ref = (id: string | null, map: Map<string, string>) =>
    id ? { id, name: map.get(id) ?? id } : null;
  return {
    id: s.id,
    iccid: s.iccid,
    imsi: s.imsi,
    msisdn: s.msisdn,
    eid: s.eid,
    imei: s.imei,
    accountId: s.account_id,
    state: s.state as SimState,
    communicationPlan: ref(s.communication_plan_id, names.comm),
    ratePlan: ref(s.rate_plan_id, names.rate),
    overageLimitOverride: s.overage_limit_override as SimOut["overageLimitOverride"],
    customFields: s.custom_fields as Record<string, string>,
    notes: s.notes,
    dateActivated: s.date_activated?.toISOString() ?? null,
    createdByJobId: s.created_by_job_id,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

/** Account paths by id, for the account ids that appear as values in a SIM's history. */
export type AccountPaths = Map<string, string>;

/** Words a previous holder wrote into the SIM itself (notes, custom fields): shown as "previous holder", like its reasons. */
const ownWords = (field: string) => field === "notes" || field.startsWith("customFields.");

/** An account id as a value in the history: another customer's account shows as "previous holder". */
const accountValue = (id: string | null, view: HolderView, paths: AccountPaths) =>
  id === null || view.seesAccount(paths.get(id) ?? null) ? id : PREVIOUS_HOLDER;

/**
 * One audit record as `view`'s reader may see it: what changed and when always; who and why only when
 * the record was made while the SIM was with the reader's own customer (docs/permissions.md).
 */
export function presentAudit(
  a: Selectable<SimAuditTable> & { account_path: string | null },
  view: HolderView,
  paths: AccountPaths,
) {
  const whole = view.seesWhoAndWhy(a.account_path);
  const shown = (v: string | null) => {
    if (v === null) return null;
    if (a.field === "account") return accountValue(v, view, paths);
    return !whole && ownWords(a.field) ? PREVIOUS_HOLDER : v;
  };
  // A set-based change of several fields writes one record: each field's prior and new value.
  const changes = a.changes as Record<string, { from?: string; to?: string }> | null;
  const showChange = (field: string, v: string | undefined) => {
    if (v === undefined) return null;
    return field === "account" ? accountValue(v, view, paths) : v;
  };
  return {
    id: a.id,
    field: a.field,
    priorValue: shown(a.prior_value),
    value: shown(a.value),
    changes: changes
      ? Object.fromEntries(
          Object.entries(changes).map(([field, c]) => [
            field,
            { from: showChange(field, c.from), to: showChange(field, c.to) },
          ]),
        )
      : null,
    reason: whole || a.reason === null ? a.reason : PREVIOUS_HOLDER,
    effectiveDate: a.effective_date.toISOString(),
    changedAt: a.created_at.toISOString(),
    actor: whole
      ? { userId: a.actor_user_id, name: a.actor_name }
      : { userId: null, name: PREVIOUS_HOLDER },
    jobId: whole ? a.job_id : null,
  };
}

/** A scheduled change as `view`'s reader may see it (the same rule as the audit trail). */
export function presentScheduled(
  c: Selectable<SimScheduledChangesTable> & { account_path: string | null },
  view: HolderView,
  paths: AccountPaths,
) {
  const { byOperator: _internal, ...changes } = c.changes as Record<string, unknown>;
  const whole = view.seesWhoAndWhy(c.account_path);
  if (typeof changes.accountId === "string")
    changes.accountId = accountValue(changes.accountId, view, paths);
  if (!whole && typeof changes.notes === "string") changes.notes = PREVIOUS_HOLDER;
  if (!whole && changes.customFields)
    changes.customFields = Object.fromEntries(
      Object.keys(changes.customFields).map((k) => [k, PREVIOUS_HOLDER]),
    );
  // Otter's messages may name the account that held the SIM then; the code alone says what went wrong.
  const error = (c.error as { code?: string } | null) ?? null;
  return {
    id: c.id,
    effectiveDate: c.effective_date.toISOString(),
    changes,
    status: c.status,
    reason: whole || c.reason === null ? c.reason : PREVIOUS_HOLDER,
    requestedBy: whole ? c.actor_name : PREVIOUS_HOLDER,
    createdAt: c.created_at.toISOString(),
    error: whole || error === null ? error : { code: error.code ?? null },
  };
}

/** The account ids that appear as values in audit records and scheduled changes. */
export function accountIdsIn(
  audit: { field: string; prior_value: string | null; value: string | null; changes?: unknown }[],
  scheduled: { changes: unknown }[],
): string[] {
  const ids = new Set<string>();
  for (const a of audit) {
    const account = (a.changes as { account?: { from?: string; to?: string } } | null | undefined)
      ?.account;
    if (account?.from) ids.add(account.from);
    if (account?.to) ids.add(account.to);
    if (a.field !== "account") continue;
    if (a.prior_value) ids.add(a.prior_value);
    if (a.value) ids.add(a.value);
  }
  for (const c of scheduled) {
    const id = (c.changes as { accountId?: unknown }).accountId;
    if (typeof id === "string") ids.add(id);
  }
  return [...ids];
}
