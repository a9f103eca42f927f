import type { Logger } from "pino";
import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { type DedupeKeysTable, type PartitionedTable, partitionsRepo } from "./partitions.repo.js";

/**
 * Keeps the time-partitioned network tables (migration 0018) ready and within their retention:
 * partitions are made ahead of time, whole partitions past the retention are dropped, and the dedupe
 * keys of what was dropped go with it. Runs at start and every hour on each Otter node; an advisory
 * lock per table lets one node do the work (docs/storage.md, "Network tables over time").
 *
 * Ranges are in UTC. Raw accounting records get one partition per day (a carrier's feed stores tens
 * of millions a day, and a day is the step in which they expire); registration events and daily
 * usage, fewer rows read per SIM across the whole retention, one per month.
 */

export type Unit = "day" | "month";

export interface TablePlan {
  table: PartitionedTable;
  unit: Unit;
  /** Partitions made ahead of the current one. */
  ahead: number;
  /** The dedupe keys of the table's rows, pruned in step with them. */
  keys?: DedupeKeysTable;
  /** Bound literals are `timestamptz` (midnight UTC) or `date`. */
  type: "timestamptz" | "date";
}

export const TABLE_PLANS: readonly TablePlan[] = [
  {
    table: "accounting_records",
    unit: "day",
    ahead: 7,
    keys: "accounting_record_keys",
    type: "timestamptz",
  },
  {
    table: "registration_events",
    unit: "month",
    ahead: 2,
    keys: "registration_event_keys",
    type: "timestamptz",
  },
  { table: "usage_daily", unit: "month", ahead: 2, type: "date" },
  // Each session's share of daily usage (migration 0030), kept as long as the daily usage it explains.
  { table: "session_usage_daily", unit: "month", ahead: 2, type: "date" },
];

/** How long each table keeps its rows; 0 keeps them for ever. */
export interface Retention {
  accountingRecordsDays: number;
  registrationEventsDays: number;
  usageMonths: number;
}

export const MAINTENANCE_INTERVAL_MS = 60 * 60_000;
const KEY_BATCH = 10_000;
const DAY_MS = 86_400_000;

interface Range {
  name: string;
  from: Date;
  to: Date;
}

const startOf = (unit: Unit, d: Date) =>
  unit === "day"
    ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

const step = (unit: Unit, d: Date, n: number) =>
  unit === "day"
    ? new Date(d.getTime() + n * DAY_MS)
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll("-", "");

/** The partition of `table` for the `unit` starting at `from`: `<table>_p20261206`, `<table>_p202612`. */
export function partitionName(table: string, unit: Unit, from: Date): string {
  return `${table}_p${unit === "day" ? ymd(from) : ymd(from).slice(0, 6)}`;
}

/** The range a partition's name stands for; null for the DEFAULT partition or a name Otter did not make. */
export function rangeOf(table: string, name: string): Range | null {
  const m = new RegExp(`^${table}_p(\\d{4})(\\d{2})(\\d{2})?$`).exec(name);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  const from = new Date(Date.UTC(y, mo - 1, d ?? 1));
  return { name, from, to: d === null ? step("month", from, 1) : step("day", from, 1) };
}

/** The partitions that should exist at `now`: the current one and `ahead` more. */
export function wantedRanges(plan: TablePlan, now: Date): Range[] {
  const first = startOf(plan.unit, now);
  return Array.from({ length: plan.ahead + 1 }, (_, i) => {
    const from = step(plan.unit, first, i);
    return { name: partitionName(plan.table, plan.unit, from), from, to: step(plan.unit, from, 1) };
  });
}

/** The moment before which a table's rows are past their retention at `now`, or null to keep all. */
export function retentionCutoff(plan: TablePlan, retention: Retention, now: Date): Date | null {
  switch (plan.table) {
    case "accounting_records":
      return retention.accountingRecordsDays > 0
        ? new Date(now.getTime() - retention.accountingRecordsDays * DAY_MS)
        : null;
    case "registration_events":
      return retention.registrationEventsDays > 0
        ? new Date(now.getTime() - retention.registrationEventsDays * DAY_MS)
        : null;
    case "usage_daily":
    case "session_usage_daily":
      // Whole calendar months: 13 keeps the current month and the 13 before it.
      return retention.usageMonths > 0
        ? step("month", startOf("month", now), -retention.usageMonths)
        : null;
  }
}

const literal = (plan: TablePlan, d: Date) =>
  plan.type === "date"
    ? d.toISOString().slice(0, 10)
    : `${d.toISOString().slice(0, 10)} 00:00:00+00`;
const exactLiteral = (plan: TablePlan, d: Date) =>
  plan.type === "date" ? d.toISOString().slice(0, 10) : d.toISOString();

export interface TableReport {
  table: PartitionedTable;
  /** False when another node held the table's maintenance lock. */
  done: boolean;
  created: string[];
  dropped: string[];
  expiredOutliers: number;
  prunedKeys: number;
  /** The DEFAULT partition holds rows (outside every range): partitions were missing, or clocks are off. */
  outliers: boolean;
}

export function createPartitionMaintenance(deps: {
  db: Db;
  clock: Clock;
  retention: Retention;
  logger: Logger;
}) {
  const { db, clock, retention, logger } = deps;

  async function maintain(plan: TablePlan): Promise<TableReport> {
    const now = clock.now();
    const report: TableReport = {
      table: plan.table,
      done: false,
      created: [],
      dropped: [],
      expiredOutliers: 0,
      prunedKeys: 0,
      outliers: false,
    };
    const cutoff = retentionCutoff(plan, retention, now);
    // Keys older than every record still stored; computed under the lock, pruned after it.
    let keysBefore: Date | null = null;
    const locked = await inTransaction(db, async (tx) => {
      if (!(await partitionsRepo.tryLock(tx, plan.table))) return false;
      const names = await partitionsRepo.partitionNames(tx, plan.table);
      // Only when missing: even a no-op CREATE … PARTITION OF would lock the table against inserts.
      if (!names.includes(`${plan.table}_default`))
        await partitionsRepo.createDefault(tx, plan.table);
      const ranges = names.flatMap((n) => rangeOf(plan.table, n) ?? []);
      for (const want of wantedRanges(plan, now)) {
        if (ranges.some((r) => r.from < want.to && want.from < r.to)) continue;
        await partitionsRepo.createRange(
          tx,
          plan.table,
          want.name,
          literal(plan, want.from),
          literal(plan, want.to),
        );
        ranges.push(want);
        report.created.push(want.name);
      }
      if (cutoff) {
        for (const r of ranges.filter((r) => r.to <= cutoff)) {
          await partitionsRepo.dropPartition(tx, r.name);
          report.dropped.push(r.name);
        }
        report.expiredOutliers = await partitionsRepo.expireDefault(
          tx,
          plan.table,
          exactLiteral(plan, cutoff),
        );
        const kept = ranges.filter((r) => r.to > cutoff).map((r) => r.from.getTime());
        keysBefore = new Date(Math.min(cutoff.getTime(), ...kept));
      }
      report.outliers = await partitionsRepo.defaultHasRows(tx, plan.table);
      return true;
    });
    if (!locked) return report;
    if (plan.keys && keysBefore) report.prunedKeys = await pruneKeys(plan, plan.keys, keysBefore);
    report.done = true;
    return report;
  }

  /** Batches, each its own short transaction, so pruning a day of keys holds no lock for long. */
  async function pruneKeys(plan: TablePlan, keys: DedupeKeysTable, before: Date) {
    let total = 0;
    for (;;) {
      const n = await inTransaction(db, async (tx) =>
        (await partitionsRepo.tryLock(tx, plan.table))
          ? partitionsRepo.pruneKeys(tx, keys, before, KEY_BATCH)
          : 0,
      );
      total += n;
      if (n < KEY_BATCH) return total;
    }
  }

  return {
    /** One round over every partitioned table; safe to run again at any time, on any node. */
    async runOnce(): Promise<TableReport[]> {
      const reports: TableReport[] = [];
      for (const plan of TABLE_PLANS) {
        const report = await maintain(plan);
        reports.push(report);
        if (report.created.length || report.dropped.length || report.expiredOutliers)
          logger.info(report, "network partitions maintained");
        if (report.outliers)
          logger.warn(
            { table: plan.table },
            "rows outside every partition are held in the DEFAULT partition",
          );
      }
      return reports;
    },
  };
}

export type PartitionMaintenance = ReturnType<typeof createPartitionMaintenance>;
