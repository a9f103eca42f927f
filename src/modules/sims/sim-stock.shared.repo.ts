import { sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/**
 * The operator's SIM stock, set-based, for onboarding: SIMs held by the operator's root account in
 * a state before first use (`INVENTORY`, `TEST_READY`). Ranges are compared as text between two
 * ICCIDs of the same length — every stored ICCID passed its Luhn check when it was stored — so a
 * range of a million SIMs is one index range scan on `sims.iccid`, never a SIM per round trip.
 */
const STOCK_STATES = sql`('INVENTORY', 'TEST_READY')`;

export interface StockRange {
  key: string;
  from: string;
  to: string;
}

export interface Assignment {
  rootAccountId: string;
  ranges: { from: string; to: string }[];
  iccids: string[];
  accountId: string;
  state: string;
  communicationPlan: { id: string; name: string };
  ratePlan: { id: string; name: string };
  jobId: string;
  actor: { userId: string | null; name: string };
  reason: string;
  now: Date;
}

/**
 * An audit id derived from the job, the SIM and the field: UUIDv7-shaped (the time of the run in
 * its first 48 bits, version 7, variant 10), so a SIM's audit rows still sort by time; the rest
 * comes from a hash of job, SIM and field, so the ids are made in the statement, not sent to it.
 */
const auditId = (ms: number) => sql`(
  substr(lpad(to_hex(${ms}::bigint), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex(${ms}::bigint), 12, '0'), 9, 4)
  || '-7' || substr(h.h, 1, 3) || '-' || substr('89ab', (('x' || substr(h.h, 4, 1))::bit(4)::int % 4) + 1, 1)
  || substr(h.h, 5, 3) || '-' || substr(h.h, 8, 12))::uuid`;

export const simStockRepo = {
  /**
   * Per range: how many of its SIMs are in the operator's stock, and how many are already held by
   * one of `heldBy` (an earlier run of the same onboarding assigned them).
   */
  countRanges: async (
    ex: Executor,
    rootAccountId: string,
    ranges: readonly StockRange[],
    heldBy: readonly string[],
  ) => {
    if (ranges.length === 0) return [];
    const res = await sql<{ key: string; in_stock: number; held: number }>`
      SELECT r.key,
             count(s.id) FILTER (WHERE s.account_id = ${rootAccountId}::uuid AND s.state IN ${STOCK_STATES})::int AS in_stock,
             count(s.id) FILTER (WHERE s.account_id = ANY(${[...heldBy]}::uuid[]))::int AS held
      FROM unnest(${ranges.map((r) => r.key)}::text[], ${ranges.map((r) => r.from)}::text[],
                  ${ranges.map((r) => r.to)}::text[]) AS r(key, lo, hi)
      LEFT JOIN sims s ON s.iccid >= r.lo AND s.iccid <= r.hi AND length(s.iccid) = length(r.lo)
      GROUP BY r.key`.execute(ex);
    return res.rows;
  },

  /** Of a list of ICCIDs: how many are in stock, how many held by `heldBy`, and up to 5 that are neither. */
  countList: async (
    ex: Executor,
    rootAccountId: string,
    iccids: readonly string[],
    heldBy: readonly string[],
  ) => {
    const res = await sql<{ in_stock: number; held: number; missing: string[] | null }>`
      SELECT count(s.id) FILTER (WHERE s.account_id = ${rootAccountId}::uuid AND s.state IN ${STOCK_STATES})::int AS in_stock,
             count(s.id) FILTER (WHERE s.account_id = ANY(${[...heldBy]}::uuid[]))::int AS held,
             (array_agg(l.iccid ORDER BY l.iccid) FILTER (
                WHERE s.id IS NULL OR NOT ((s.account_id = ${rootAccountId}::uuid AND s.state IN ${STOCK_STATES})
                                           OR s.account_id = ANY(${[...heldBy]}::uuid[]))))[1:5] AS missing
      FROM (SELECT DISTINCT iccid FROM unnest(${[...iccids]}::text[]) AS u(iccid)) l
      LEFT JOIN sims s ON s.iccid = l.iccid`.execute(ex);
    return res.rows[0] ?? { in_stock: 0, held: 0, missing: null };
  },

  /** How many SIMs the operator has in stock. */
  countStock: async (ex: Executor, rootAccountId: string) => {
    const res = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM sims
      WHERE account_id = ${rootAccountId}::uuid AND state IN ${STOCK_STATES}`.execute(ex);
    return res.rows[0]?.n ?? 0;
  },

  /**
   * Moves the stock SIMs of the ranges and the list to an account, state and plans in one
   * statement — one UPDATE over the ranges and one INSERT … SELECT of their audit rows (a row per
   * SIM and changed field, naming the job) — and answers how many SIMs moved. SIMs already moved
   * are no longer in stock, so running it again moves nothing.
   */
  assign: async (tx: Tx, a: Assignment) => {
    const res = await sql<{ moved: number }>`
      WITH picked AS (
        SELECT s.id FROM unnest(${a.ranges.map((r) => r.from)}::text[], ${a.ranges.map((r) => r.to)}::text[]) AS r(lo, hi)
        JOIN sims s ON s.iccid >= r.lo AND s.iccid <= r.hi AND length(s.iccid) = length(r.lo)
        WHERE s.account_id = ${a.rootAccountId}::uuid AND s.state IN ${STOCK_STATES}
        UNION
        SELECT s.id FROM sims s
        WHERE s.iccid = ANY(${a.iccids}::text[]) AND s.account_id = ${a.rootAccountId}::uuid AND s.state IN ${STOCK_STATES}
      ),
      prior AS (
        SELECT s.id, s.account_id, s.state, s.communication_plan_id, s.rate_plan_id
        FROM sims s JOIN picked p ON p.id = s.id
      ),
      moved AS (
        UPDATE sims s
        SET account_id = ${a.accountId}::uuid, state = ${a.state},
            communication_plan_id = ${a.communicationPlan.id}::uuid, rate_plan_id = ${a.ratePlan.id}::uuid,
            date_activated = CASE WHEN ${a.state} = 'ACTIVATED' THEN coalesce(s.date_activated, ${a.now}::timestamptz)
                                  ELSE s.date_activated END,
            updated_at = ${a.now}::timestamptz
        FROM prior p
        -- Checked again on the row being updated: a SIM taken from stock meanwhile is left alone.
        WHERE s.id = p.id AND s.account_id = ${a.rootAccountId}::uuid AND s.state IN ${STOCK_STATES}
        RETURNING s.id, p.account_id AS prior_account, p.state AS prior_state,
                  p.communication_plan_id AS prior_comm, p.rate_plan_id AS prior_rate
      ),
      audited AS (
        INSERT INTO sim_audit (id, sim_id, account_id, field, prior_value, value, reason, effective_date,
                               actor_user_id, actor_name, job_id, created_at)
        SELECT ${auditId(a.now.getTime())}, m.id, ${a.accountId}::uuid, v.field, v.prior, v.value, ${a.reason},
               ${a.now}::timestamptz, ${a.actor.userId}::uuid, ${a.actor.name}, ${a.jobId}::uuid, ${a.now}::timestamptz
        FROM moved m
        CROSS JOIN LATERAL (VALUES
          ('account', m.prior_account::text, ${a.accountId}::text),
          ('state', m.prior_state, ${a.state}::text),
          ('communicationPlan', m.prior_comm::text, ${a.communicationPlan.name}::text),
          ('ratePlan', m.prior_rate::text, ${a.ratePlan.name}::text)
        ) AS v(field, prior, value)
        CROSS JOIN LATERAL (SELECT md5(${a.jobId} || m.id::text || v.field) AS h) h
        WHERE v.prior IS DISTINCT FROM v.value
      )
      SELECT count(*)::int AS moved FROM moved`.execute(tx);
    return res.rows[0]?.moved ?? 0;
  },

  /**
   * SIMs of the ranges and the list held by one of `heldBy` (an earlier run assigned them) that
   * differ from the target in one of its given fields: how many, and up to 3 example ICCIDs.
   */
  countToMove: async (ex: Executor, m: MoveTarget) => {
    const res = await sql<{ n: number; examples: string[] | null }>`
      WITH picked AS (${pickHeld(m)})
      SELECT count(*)::int AS n, (array_agg(s.iccid ORDER BY s.iccid))[1:3] AS examples
      FROM sims s JOIN picked p ON p.id = s.id`.execute(ex);
    return { count: res.rows[0]?.n ?? 0, examples: res.rows[0]?.examples ?? [] };
  },

  /**
   * Moves the SIMs `countToMove` counts to the target's fields in one statement, with one audit
   * row per SIM and changed field naming the job; SIMs already moved no longer differ, so running
   * it again moves nothing.
   */
  move: async (
    tx: Tx,
    m: MoveTarget &
      Omit<
        Assignment,
        | "rootAccountId"
        | "ranges"
        | "iccids"
        | "accountId"
        | "state"
        | "communicationPlan"
        | "ratePlan"
      >,
  ) => {
    const res = await sql<{ moved: number }>`
      WITH picked AS (${pickHeld(m)}),
      prior AS (
        SELECT s.id, s.account_id, s.state, s.communication_plan_id, s.rate_plan_id
        FROM sims s JOIN picked p ON p.id = s.id
      ),
      moved AS (
        UPDATE sims s
        SET account_id = coalesce(${m.accountId ?? null}::uuid, s.account_id),
            state = coalesce(${m.state ?? null}::text, s.state),
            communication_plan_id = coalesce(${m.communicationPlan?.id ?? null}::uuid, s.communication_plan_id),
            rate_plan_id = coalesce(${m.ratePlan?.id ?? null}::uuid, s.rate_plan_id),
            updated_at = ${m.now}::timestamptz
        FROM prior p
        WHERE s.id = p.id AND s.account_id = ANY(${[...m.heldBy]}::uuid[])
        RETURNING s.id, s.account_id AS new_account, p.account_id AS prior_account, p.state AS prior_state,
                  p.communication_plan_id AS prior_comm, p.rate_plan_id AS prior_rate
      ),
      audited AS (
        INSERT INTO sim_audit (id, sim_id, account_id, field, prior_value, value, reason, effective_date,
                               actor_user_id, actor_name, job_id, created_at)
        SELECT ${auditId(m.now.getTime())}, mv.id, mv.new_account, v.field, v.prior, v.value, ${m.reason},
               ${m.now}::timestamptz, ${m.actor.userId}::uuid, ${m.actor.name}, ${m.jobId}::uuid, ${m.now}::timestamptz
        FROM moved mv
        CROSS JOIN LATERAL (VALUES
          ('account', mv.prior_account::text, ${m.accountId ?? null}::text),
          ('state', mv.prior_state, ${m.state ?? null}::text),
          ('communicationPlan', mv.prior_comm::text, ${m.communicationPlan?.name ?? null}::text),
          ('ratePlan', mv.prior_rate::text, ${m.ratePlan?.name ?? null}::text)
        ) AS v(field, prior, value)
        CROSS JOIN LATERAL (SELECT md5(${m.jobId} || mv.id::text || v.field) AS h) h
        WHERE v.value IS NOT NULL AND v.prior IS DISTINCT FROM v.value
      )
      SELECT count(*)::int AS moved FROM moved`.execute(tx);
    return res.rows[0]?.moved ?? 0;
  },
};

/** A move of SIMs already held by an onboarding's accounts: only the fields given change. */
export interface MoveTarget {
  ranges: { from: string; to: string }[];
  iccids: string[];
  heldBy: readonly string[];
  accountId?: string;
  state?: string;
  communicationPlan?: { id: string; name: string };
  ratePlan?: { id: string; name: string };
}

/** The ids of the held SIMs of a move that differ from its target in a given field. */
const pickHeld = (m: MoveTarget) => {
  const differs = sql`(
    (${m.accountId ?? null}::uuid IS NOT NULL AND s.account_id IS DISTINCT FROM ${m.accountId ?? null}::uuid)
    OR (${m.state ?? null}::text IS NOT NULL AND s.state IS DISTINCT FROM ${m.state ?? null}::text)
    OR (${m.communicationPlan?.id ?? null}::uuid IS NOT NULL AND s.communication_plan_id IS DISTINCT FROM ${m.communicationPlan?.id ?? null}::uuid)
    OR (${m.ratePlan?.id ?? null}::uuid IS NOT NULL AND s.rate_plan_id IS DISTINCT FROM ${m.ratePlan?.id ?? null}::uuid))`;
  return sql`
    SELECT s.id FROM unnest(${m.ranges.map((r) => r.from)}::text[], ${m.ranges.map((r) => r.to)}::text[]) AS r(lo, hi)
    JOIN sims s ON s.iccid >= r.lo AND s.iccid <= r.hi AND length(s.iccid) = length(r.lo)
    WHERE s.account_id = ANY(${[...m.heldBy]}::uuid[]) AND ${differs}
    UNION
    SELECT s.id FROM sims s
    WHERE s.iccid = ANY(${m.iccids}::text[]) AND s.account_id = ANY(${[...m.heldBy]}::uuid[]) AND ${differs}`;
};

const ROOT = "0190a8a0-0000-7000-8000-000000000002";
const HELD = "0190a8a0-0000-7000-8000-000000000003";

export const simStockRepoSql: SqlExamples<typeof simStockRepo> = {
  countRanges: [
    [ROOT, [{ key: "0.0", from: "89440000000000000001", to: "89440000000000099998" }], [HELD]],
  ],
  countList: [[ROOT, ["89440000000000000001"], [HELD]]],
  countStock: [[ROOT]],
  countToMove: [
    [
      {
        ranges: [{ from: "89440000000000000001", to: "89440000000000099998" }],
        iccids: ["89440000000000000001"],
        heldBy: [HELD],
        accountId: ROOT,
      },
    ],
  ],
  move: [
    [
      {
        ranges: [{ from: "89440000000000000001", to: "89440000000000099998" }],
        iccids: [],
        heldBy: [HELD],
        accountId: ROOT,
        ratePlan: { id: "0190a8a0-0000-7000-8000-000000000005", name: "Tracker 10MB Flex" },
        jobId: "0190a8a0-0000-7000-8000-000000000006",
        actor: { userId: "0190a8a0-0000-7000-8000-000000000007", name: "Ops" },
        reason: "onboarding CTR-1",
        now: new Date("2026-12-01T00:00:00Z"),
      },
    ],
  ],
  assign: [
    [
      {
        rootAccountId: ROOT,
        ranges: [{ from: "89440000000000000001", to: "89440000000000099998" }],
        iccids: [],
        accountId: HELD,
        state: "TEST_READY",
        communicationPlan: { id: "0190a8a0-0000-7000-8000-000000000004", name: "Collar LTE-M" },
        ratePlan: { id: "0190a8a0-0000-7000-8000-000000000005", name: "Tracker 10MB Flex" },
        jobId: "0190a8a0-0000-7000-8000-000000000006",
        actor: { userId: "0190a8a0-0000-7000-8000-000000000007", name: "Ops" },
        reason: "onboarding CTR-1",
        now: new Date("2026-12-01T00:00:00Z"),
      },
    ],
  ],
};
