import type { Selectable } from "kysely";
import type { Sim, SimAuditTable, SimScheduledChangesTable } from "../../db/schema.js";
import type { SimState } from "./sim-lifecycle.js";
import type { SimOut } from "./sims.schemas.js";

export interface PlanNames {
  comm: Map<string, string>;
  rate: Map<string, string>;
}

export function presentSim(s: Sim, names: PlanNames): SimOut {
  const ref = (id: string | null, map: Map<string, string>) => (id ? { id, name: map.get(id) ?? id } : null);
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

export const presentAudit = (a: Selectable<SimAuditTable>) => ({
  id: a.id,
  field: a.field,
  priorValue: a.prior_value,
  value: a.value,
  reason: a.reason,
  effectiveDate: a.effective_date.toISOString(),
  changedAt: a.created_at.toISOString(),
  actor: { userId: a.actor_user_id, name: a.actor_name },
  jobId: a.job_id,
});

export const presentScheduled = (c: Selectable<SimScheduledChangesTable>) => {
  const { byOperator: _internal, ...changes } = c.changes as Record<string, unknown>;
  return {
    id: c.id,
    effectiveDate: c.effective_date.toISOString(),
    changes,
    status: c.status,
    reason: c.reason,
    requestedBy: c.actor_name,
    createdAt: c.created_at.toISOString(),
    error: (c.error as unknown) ?? null,
  };
};
