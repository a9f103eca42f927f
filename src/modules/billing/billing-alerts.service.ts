import type { Logger } from "pino";
import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { DomainEvent, EventsService } from "../events/events.service.js";
import { billingAlertsRepo as repo } from "./billing-alerts.repo.js";
import type { BillingService } from "./billing.service.js";

/** How often the pools are looked at (across all Otter nodes together). */
export const POOL_ALERTS_EVERY_MS = 15 * 60_000;
/** A round that takes longer than this is taken over by another node. */
const POOL_ALERTS_LEASE_MS = 30 * 60_000;
const SCHEDULE = "pool_alerts";

/** Pool thresholds every customer's pools report, whatever the rules ask for. */
export const STANDARD_POOL_THRESHOLDS: readonly PoolThreshold[] = [
  { measure: "used", percent: 80 },
  { measure: "used", percent: 100 },
  { measure: "projected", percent: 100 },
];

export interface PoolThreshold {
  measure: "used" | "projected";
  percent: number;
}

interface Deps {
  db: Db;
  clock: Clock;
  logger: Pick<Logger, "error">;
  billing: Pick<BillingService, "customers" | "poolsToDate">;
  events: Pick<EventsService, "emit">;
  /** Thresholds rules ask for, each with the account whose subtree the rule watches. */
  poolThresholds?: () => Promise<(PoolThreshold & { accountPath: string })[]>;
}

/**
 * Pool alerts: every POOL_ALERTS_EVERY_MS one Otter node (the one that takes the schedule's lease)
 * looks at each customer's pools in its current billing cycle — sized and used as the billing run
 * rates them (billing.poolsToDate) — and reports each threshold reached, the standard ones and
 * those rules ask for, as `pool.usage_threshold`: the share of the pool used, or the usage so far
 * projected linearly to the cycle's end. A threshold is reported once per invoice's account (the
 * customer, or a sub-account invoiced apart), plan and cycle:
 * the row that records it is written in the transaction that emits the event.
 */
export function createBillingAlerts(deps: Deps) {
  const { db, clock } = deps;

  async function checkCustomer(
    account: Parameters<BillingService["poolsToDate"]>[0],
    asked: (PoolThreshold & { accountPath: string })[],
  ): Promise<number> {
    const pools = await deps.billing.poolsToDate(account);
    if (pools.length === 0) return 0;
    const wanted = new Map<string, PoolThreshold>();
    for (const t of [
      ...STANDARD_POOL_THRESHOLDS,
      ...asked.filter((a) => account.path.startsWith(a.accountPath)),
    ])
      wanted.set(`${t.measure}:${t.percent}`, { measure: t.measure, percent: t.percent });
    const now = clock.now();
    return inTransaction(db, async (tx) => {
      const events: DomainEvent[] = [];
      for (const pool of pools) {
        if (pool.poolBytes <= 0) continue;
        for (const t of [...wanted.values()].sort((a, b) => a.percent - b.percent)) {
          const value = t.measure === "used" ? pool.usedBytes : pool.projectedBytes;
          const thresholdBytes = Math.ceil((pool.poolBytes * t.percent) / 100);
          if (value < thresholdBytes) continue;
          // A customer invoiced per sub-account has a pool per invoice: each its account's.
          const recorded = await repo.recordPoolAlert(tx, {
            account_id: pool.accountId,
            rate_plan_id: pool.ratePlanId,
            cycle_start: pool.cycle.start,
            measure: t.measure,
            percent: t.percent,
            pool_bytes: pool.poolBytes,
            used_bytes: pool.usedBytes,
            projected_bytes: pool.projectedBytes,
            fired_at: now,
          });
          if (!recorded) continue;
          events.push({
            accountId: pool.accountId,
            type: "pool.usage_threshold",
            subjectId: pool.ratePlanId,
            data: {
              accountId: pool.accountId,
              ratePlan: { id: pool.ratePlanId, name: pool.ratePlanName },
              poolType: pool.poolType,
              measure: t.measure,
              thresholdPercent: t.percent,
              thresholdBytes,
              poolBytes: pool.poolBytes,
              usedBytes: pool.usedBytes,
              projectedBytes: pool.projectedBytes,
              cycleStart: pool.cycle.start,
              cycleEnd: pool.cycle.end,
              cycleDays: pool.cycle.days,
              elapsedDays: pool.cycle.elapsedDays,
              timeZone: pool.timeZone,
              at: now.toISOString(),
            },
          });
        }
      }
      await deps.events.emit(tx, events);
      return events.length;
    });
  }

  return {
    /**
     * One round, when it is due and no other node has it: every customer's pools, one customer at
     * a time (one failing is logged and does not stop the others). Returns null when this node did
     * not run a round.
     */
    async runOnce(): Promise<{ customers: number; fired: number } | null> {
      const claimed = await repo.claimSchedule(
        db,
        SCHEDULE,
        clock.now(),
        POOL_ALERTS_EVERY_MS,
        POOL_ALERTS_LEASE_MS,
      );
      if (!claimed) return null;
      let customers = 0;
      let fired = 0;
      try {
        const asked = (await deps.poolThresholds?.()) ?? [];
        for (const account of await deps.billing.customers()) {
          customers++;
          try {
            fired += await checkCustomer(account, asked);
          } catch (err) {
            deps.logger.error({ err, accountId: account.id }, "pool alerts of a customer failed");
          }
        }
      } finally {
        await repo.releaseSchedule(db, SCHEDULE);
      }
      return { customers, fired };
    },
  };
}

export type BillingAlerts = ReturnType<typeof createBillingAlerts>;
