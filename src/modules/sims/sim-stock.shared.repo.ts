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
 * An audit id derived from the job and the SIM: UUIDv7-shaped (the time of the run in its first 48
 * bits, version 7, variant 10), so a SIM's audit records still sort by time; the rest comes from a
 * hash of job and SIM, so the ids are made in the statement, not sent to it, and a resumed run that
 * repeated a statement would collide rather than write a second record. The time part is the
 * same for every row, so it is computed here once, not per row.
 */
const auditId = (ms: number) => {
  const time = ms.toString(16).padStart(12, "0");
  return sql`(${time} || '7' || substr(h.h, 1, 3) || '8' || substr(h.h, 4, 15))::uuid`;
};

/** A target value of a set-based change: null means "this field is not changed". */
interface Target {
  account: string | null;
  state: string | null;
  communicationPlan: { id: string; name: string } | null;
  ratePlan: { id: string; name: string } | null;
}

/**
 * The one audit record per SIM of a set-based change (migration 0032): `field` names the fields
 * that changed, comma-separated (`account,state,ratePlan`), and `changes` holds each one's prior
 * and new value. A field's prior value is what the row held (a plan's id), its new value what the
 * user asked for (a plan's name), as the per-field records always said. Reads the moved rows as
 * `mv` with `prior_account`, `prior_state`, `prior_comm`, `prior_rate`.
 */
const auditChanges = (t: Target) => {
  const acc = sql`(${t.account}::uuid IS NOT NULL AND mv.prior_account IS DISTINCT FROM ${t.account}::uuid)`;
  const st = sql`(${t.state}::text IS NOT NULL AND mv.prior_state IS DISTINCT FROM ${t.state}::text)`;
  const cp = sql`(${t.communicationPlan?.id ?? null}::uuid IS NOT NULL AND mv.prior_comm IS DISTINCT FROM ${t.communicationPlan?.id ?? null}::uuid)`;
  const rp = sql`(${t.ratePlan?.id ?? null}::uuid IS NOT NULL AND mv.prior_rate IS DISTINCT FROM ${t.ratePlan?.id ?? null}::uuid)`;
  const change = (from: unknown, to: unknown) =>
    sql`jsonb_build_object('from', ${from}, 'to', ${to})`;
  return {
    fields: sql`concat_ws(',', CASE WHEN ${acc} THEN 'account' END, CASE WHEN ${st} THEN 'state' END,
                          CASE WHEN ${cp} THEN 'communicationPlan' END, CASE WHEN ${rp} THEN 'ratePlan' END)`,
    changes: sql`jsonb_strip_nulls(jsonb_build_object(
      'account', CASE WHEN ${acc} THEN ${change(sql`mv.prior_account`, sql`${t.account}::text`)} END,
      'state', CASE WHEN ${st} THEN ${change(sql`mv.prior_state`, sql`${t.state}::text`)} END,
      'communicationPlan', CASE WHEN ${cp} THEN ${change(sql`mv.prior_comm`, sql`${t.communicationPlan?.name ?? null}::text`)} END,
      'ratePlan', CASE WHEN ${rp} THEN ${change(sql`mv.prior_rate`, sql`${t.ratePlan?.name ?? null}::text`)} END))`,
  };
};

/** Writes the one audit record per SIM of the moved rows `mv` (a CTE named moved). */
const auditMoved = (
  t: Target,
  a: Pick<Assignment, "jobId" | "actor" | "reason" | "now">,
  accountOfRow: ReturnType<typeof sql>,
) => {
  const c = auditChanges(t);
  return sql`
    INSERT INTO sim_audit (id, sim_id, account_id, field, changes, reason, effective_date,
                           actor_user_id, actor_name, job_id, created_at)
    SELECT ${auditId(a.now.getTime())}, mv.id, ${accountOfRow}, f.fields, f.changes, ${a.reason},
           ${a.now}::timestamptz, ${a.actor.userId}::uuid, ${a.actor.name}, ${a.jobId}::uuid, ${a.now}::timestamptz
    FROM moved mv
    CROSS JOIN LATERAL (SELECT md5(${a.jobId} || mv.id::text) AS h) h
    CROSS JOIN LATERAL (SELECT ${c.fields} AS fields, ${c.changes} AS changes) f
    WHERE f.fields <> ''`;
};

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
   * statement — one UPDATE over the ranges and one INSERT … SELECT of their audit records (one per
   * SIM, naming the job and the fields it changed) — and answers how many SIMs moved. SIMs already moved
   * are no longer in stock, so running it again moves nothing.
   */
  assign: async (tx: Tx, a: Assignment) => {
    const inStock = sql`s.account_id = ${a.rootAccountId}::uuid AND s.state IN ${STOCK_STATES}`;
    const columns = sql`s.id, s.account_id, s.state, s.communication_plan_id, s.rate_plan_id`;
    const byRange = sql`
        SELECT ${columns} FROM unnest(${a.ranges.map((r) => r.from)}::text[], ${a.ranges.map((r) => r.to)}::text[]) AS r(lo, hi)
        JOIN sims s ON s.iccid >= r.lo AND s.iccid <= r.hi AND length(s.iccid) = length(r.lo)
        WHERE ${inStock}`;
    const byList = sql`SELECT ${columns} FROM sims s WHERE s.iccid = ANY(${a.iccids}::text[]) AND ${inStock}`;
    // The feasibility check refuses overlapping ranges, so only a list next to ranges needs the
    // UNION's duplicate removal (a hash of every picked row); otherwise the rows go straight on.
    const picked =
      a.iccids.length === 0
        ? byRange
        : a.ranges.length === 0
          ? byList
          : sql`${byRange} UNION ${byList}`;
    const target: Target = {
      account: a.accountId,
      state: a.state,
      communicationPlan: a.communicationPlan,
      ratePlan: a.ratePlan,
    };
    const res = await sql<{ moved: number }>`
      WITH picked AS (${picked}),
      moved AS (
        UPDATE sims s
        SET account_id = ${a.accountId}::uuid, state = ${a.state},
            communication_plan_id = ${a.communicationPlan.id}::uuid, rate_plan_id = ${a.ratePlan.id}::uuid,
            date_activated = CASE WHEN ${a.state} = 'ACTIVATED' THEN coalesce(s.date_activated, ${a.now}::timestamptz)
                                  ELSE s.date_activated END,
            updated_at = ${a.now}::timestamptz
        FROM picked p
        -- Checked again on the row being updated: a SIM taken from stock meanwhile is left alone.
        WHERE s.id = p.id AND ${inStock}
        RETURNING s.id, p.account_id AS prior_account, p.state AS prior_state,
                  p.communication_plan_id AS prior_comm, p.rate_plan_id AS prior_rate
      ),
      audited AS (${auditMoved(target, a, sql`${a.accountId}::uuid`)})
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
      SELECT count(*)::int AS n, (array_agg(p.iccid ORDER BY p.iccid))[1:3] AS examples
      FROM picked p`.execute(ex);
    return { count: res.rows[0]?.n ?? 0, examples: res.rows[0]?.examples ?? [] };
  },

  /**
   * Moves the SIMs `countToMove` counts to the target's fields in one statement, with one audit
   * record per SIM naming the job and the fields it changed; SIMs already moved no longer differ, so running
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
    const target: Target = {
      account: m.accountId ?? null,
      state: m.state ?? null,
      communicationPlan: m.communicationPlan ?? null,
      ratePlan: m.ratePlan ?? null,
    };
    const res = await sql<{ moved: number }>`
      WITH picked AS (${pickHeld(m)}),
      moved AS (
        UPDATE sims s
        SET account_id = coalesce(${m.accountId ?? null}::uuid, s.account_id),
            state = coalesce(${m.state ?? null}::text, s.state),
            communication_plan_id = coalesce(${m.communicationPlan?.id ?? null}::uuid, s.communication_plan_id),
            rate_plan_id = coalesce(${m.ratePlan?.id ?? null}::uuid, s.rate_plan_id),
            updated_at = ${m.now}::timestamptz
        FROM picked p
        WHERE s.id = p.id AND s.account_id = ANY(${[...m.heldBy]}::uuid[])
        RETURNING s.id, s.account_id AS new_account, p.account_id AS prior_account, p.state AS prior_state,
                  p.communication_plan_id AS prior_comm, p.rate_plan_id AS prior_rate
      ),
      audited AS (${auditMoved(target, m, sql`mv.new_account`)})
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

/** The held SIMs of a move (id, prior fields, ICCID) that differ from its target in a given field. */
const pickHeld = (m: MoveTarget) => {
  const differs = sql`(
    (${m.accountId ?? null}::uuid IS NOT NULL AND s.account_id IS DISTINCT FROM ${m.accountId ?? null}::uuid)
    OR (${m.state ?? null}::text IS NOT NULL AND s.state IS DISTINCT FROM ${m.state ?? null}::text)
    OR (${m.communicationPlan?.id ?? null}::uuid IS NOT NULL AND s.communication_plan_id IS DISTINCT FROM ${m.communicationPlan?.id ?? null}::uuid)
    OR (${m.ratePlan?.id ?? null}::uuid IS NOT NULL AND s.rate_plan_id IS DISTINCT FROM ${m.ratePlan?.id ?? null}::uuid))`;
  return sql`
    SELECT s.id, s.account_id, s.state, s.communication_plan_id, s.rate_plan_id, s.iccid
    FROM unnest(${m.ranges.map((r) => r.from)}::text[], ${m.ranges.map((r) => r.to)}::text[]) AS r(lo, hi)
    JOIN sims s ON s.iccid >= r.lo AND s.iccid <= r.hi AND length(s.iccid) = length(r.lo)
    WHERE s.account_id = ANY(${[...m.heldBy]}::uuid[]) AND ${differs}
    UNION
    SELECT s.id, s.account_id, s.state, s.communication_plan_id, s.rate_plan_id, s.iccid FROM sims s
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
