import type { Clock } from "../../lib/clock.js";
import type { Db } from "../../db/database.js";
import { requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { NetworkViewService } from "../network/network-view.service.js";
import type { SimsService } from "../sims/sims.service.js";
import { localeOf } from "../../lib/messages/messages.js";
import { presentDiagnosis } from "./diagnostics.presenter.js";
import { diagnose, type PendingAction } from "./ladder.js";

/** Gathers what Otter knows of a SIM from the modules that own it and walks the diagnosis ladder. */
export function createDiagnosticsService(deps: {
  db: Db;
  clock: Clock;
  sims: Pick<SimsService, "requireVisibleSim">;
  catalog: Pick<CatalogService, "communicationPlanDetail" | "rateVersionAt" | "findPlan">;
  network: Pick<NetworkViewService, "evidence">;
  /**
   * The SIM's remote actions still being watched. Given by the composition root: the actions module
   * builds on the diagnosis, so the diagnosis cannot import it.
   */
  pendingActions?: (simId: string, now: Date) => Promise<PendingAction[]>;
}) {
  const { db, clock } = deps;
  return {
    async diagnose(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const now = clock.now();
      // Independent reads, sent together: each waited for the one before (docs/benchmarks.md, diagnosis).
      const [commPlan, rate, version, ev, pendingActions] = await Promise.all([
        sim.communication_plan_id
          ? deps.catalog.communicationPlanDetail(db, sim.communication_plan_id)
          : null,
        sim.rate_plan_id ? deps.catalog.findPlan(db, "rate", sim.rate_plan_id) : null,
        sim.rate_plan_id ? deps.catalog.rateVersionAt(db, sim.rate_plan_id, now) : null,
        deps.network.evidence(sim.id, new Date(now.getTime() - 7 * 24 * 3600_000)),
        deps.pendingActions?.(sim.id, now) ?? [],
      ]);
      const result = diagnose({
        now,
        sim: {
          iccid: sim.iccid,
          state: sim.state,
          overageLimitOverride: sim.overage_limit_override,
        },
        commPlan,
        ratePlan:
          rate && version
            ? {
                name: rate.name,
                version: version.version,
                zoneIds: version.terms.zones.map((z) => z.zoneId),
                dataLimitBytes: version.terms.dataLimitBytes,
              }
            : null,
        cycleBytes: ev.cycleBytes,
        registrations: ev.registrations,
        sessions: ev.sessions,
        device: ev.device,
        pendingActions,
      });
      const times = [
        ev.lastSeen?.getTime(),
        ev.registrations[0]?.at.getTime(),
        ev.sessions[0]?.lastUpdateAt.getTime(),
      ].filter((t): t is number => !!t);
      return presentDiagnosis(
        {
          iccid: sim.iccid,
          checkedAt: now.toISOString(),
          dataAsOf: times.length ? new Date(Math.max(...times)).toISOString() : null,
          ...result,
        },
        localeOf(principal),
      );
    },
  };
}

export type DiagnosticsService = ReturnType<typeof createDiagnosticsService>;
