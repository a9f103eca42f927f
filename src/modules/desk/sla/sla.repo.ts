import type { Expression, ExpressionBuilder, Insertable, SqlBool } from "kysely";
import type { Executor } from "../../../db/database.js";
import type {
  CaseSlaTable,
  DB,
  DeskAgreementsTable,
  DeskCalendarsTable,
  DeskSlaNoticesTable,
} from "../../../db/schema.js";
import type { CaseState } from "./clock.js";
import type { SqlExamples } from "../../../db/sql-examples.js";

/** The columns of a case the clocks are computed from. */
const CLOCK_CASE_COLUMNS = [
  "id",
  "operator_id",
  "account_id",
  "owner_user_id",
  "number",
  "created_at",
  "state",
  "priority",
] as const;

/** The queue's filter: an owner (`null`: nobody, `"all"`: anyone) and optionally some case states. */
export interface QueueFilter {
  owner: string | null | "all";
  states?: readonly CaseState[];
}

/** The queue's conditions on `case_sla` joined with `cases`. */
const queueWhere = (filter: QueueFilter) => (eb: ExpressionBuilder<DB, "case_sla" | "cases">) => {
  const and: Expression<SqlBool>[] = [eb("case_sla.open", "=", true)];
  if (filter.owner !== "all")
    and.push(eb("case_sla.owner_user_id", filter.owner === null ? "is" : "=", filter.owner));
  if (filter.states?.length) and.push(eb("cases.state", "in", [...filter.states]));
  return eb.and(and);
};

/**
 * Queries of the SLA: support calendars and agreements (versioned by `effective_from`), the timeline
 * entries that move a clock, the queue projection (`case_sla`) and the notices sent.
 */
export const slaRepo = {
  // ---- calendars ------------------------------------------------------------------------------

  /** Every calendar version of an operator, in the order they took effect. */
  calendars: (db: Executor, operatorId: string) =>
    db
      .selectFrom("desk_calendars")
      .selectAll()
      .where("operator_id", "=", operatorId)
      .orderBy("effective_from")
      .orderBy("id")
      .execute(),

  /** The calendar version in force at `at` (the latest written, of those from the same instant). */
  calendarInForce: (db: Executor, operatorId: string, at: Date) =>
    db
      .selectFrom("desk_calendars")
      .selectAll()
      .where("operator_id", "=", operatorId)
      .where("effective_from", "<=", at)
      .orderBy("effective_from", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),

  /** The furthest calendar version still to come after `now`. */
  upcomingCalendar: (db: Executor, operatorId: string, now: Date) =>
    db
      .selectFrom("desk_calendars")
      .selectAll()
      .where("operator_id", "=", operatorId)
      .where("effective_from", ">", now)
      .orderBy("effective_from", "desc")
      .limit(1)
      .executeTakeFirst(),

  insertCalendar: (tx: Executor, row: Insertable<DeskCalendarsTable>) =>
    tx.insertInto("desk_calendars").values(row).execute(),

  // ---- agreements -----------------------------------------------------------------------------

  /** Every agreement version of these accounts (`inForceAt`: only those in force by then), oldest first. */
  agreementsOf: (db: Executor, accountIds: readonly string[], inForceAt?: Date) => {
    let q = db
      .selectFrom("desk_agreements")
      .selectAll()
      .where("account_id", "in", [...accountIds]);
    if (inForceAt) q = q.where("effective_from", "<=", inForceAt);
    return q.orderBy("effective_from").orderBy("id").execute();
  },

  insertAgreement: (tx: Executor, row: Insertable<DeskAgreementsTable>) =>
    tx.insertInto("desk_agreements").values(row).execute(),

  // ---- clocks ---------------------------------------------------------------------------------

  /** The cases' columns the clocks need. */
  casesForClocks: (db: Executor, caseIds: readonly string[]) =>
    db
      .selectFrom("cases")
      .select(CLOCK_CASE_COLUMNS)
      .where("id", "in", [...caseIds])
      .execute(),

  /** The timeline entries that can move a clock (events, replies, calls), per case in order. */
  clockEntries: (db: Executor, caseIds: readonly string[]) =>
    db
      .selectFrom("case_entries")
      .select(["id", "case_id", "kind", "data", "created_at", "consultation_id"])
      .where("case_id", "in", [...caseIds])
      .where("kind", "in", ["event", "email_out", "phone"])
      .orderBy("case_id")
      .orderBy("id")
      .execute(),

  // ---- the queue projection -------------------------------------------------------------------

  /** Writes the cases' projections, replacing what was there and clearing `stale`. */
  upsertProjections: (tx: Executor, rows: Insertable<CaseSlaTable>[]) =>
    tx
      .insertInto("case_sla")
      .values(rows)
      .onConflict((oc) =>
        oc.column("case_id").doUpdateSet((eb) => ({
          account_id: eb.ref("excluded.account_id"),
          owner_user_id: eb.ref("excluded.owner_user_id"),
          open: eb.ref("excluded.open"),
          tier: eb.ref("excluded.tier"),
          due_at: eb.ref("excluded.due_at"),
          remaining_ms: eb.ref("excluded.remaining_ms"),
          at_risk_at: eb.ref("excluded.at_risk_at"),
          state: eb.ref("excluded.state"),
          clocks: eb.ref("excluded.clocks"),
          next_notice_at: eb.ref("excluded.next_notice_at"),
          stale: false,
          computed_at: eb.ref("excluded.computed_at"),
        })),
      )
      .execute(),

  /** Marks every open case's projection for recomputation; returns how many. */
  markOpenStale: async (tx: Executor) => {
    const r = await tx
      .updateTable("case_sla")
      .set({ stale: true })
      .where("open", "=", true)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /**
   * A page of an owner's open cases, most pressing first: running clocks by due time, then paused
   * ones by time left. One row more than `limit`, so the caller knows there is a next page.
   * `owner` null: the unassigned queue (open cases nobody owns yet, triage included); `"all"`: every
   * open case. `states` narrows to some working states.
   */
  queuePage: (db: Executor, filter: QueueFilter, offset: number, limit: number) =>
    db
      .selectFrom("case_sla")
      .innerJoin("cases", "cases.id", "case_sla.case_id")
      .select([
        "cases.id",
        "cases.number",
        "cases.subject",
        "cases.state",
        "cases.priority",
        "cases.account_id",
        "cases.operator_id",
        "cases.owner_user_id",
        "cases.created_at",
        "cases.updated_at",
        "case_sla.tier",
        "case_sla.due_at",
        "case_sla.remaining_ms",
        "case_sla.at_risk_at",
        "case_sla.state as sla_state",
        "case_sla.stale",
      ])
      .where(queueWhere(filter))
      .orderBy("case_sla.tier")
      .orderBy("case_sla.due_at", (ob) => ob.asc().nullsLast())
      .orderBy("case_sla.remaining_ms")
      .orderBy("case_sla.case_id")
      .offset(offset)
      .limit(limit + 1)
      .execute(),

  /**
   * How many open cases match the queue's filter (an owner's, nobody's, all; some states). Without
   * states, an index-only count on the projection.
   */
  queueCount: (db: Executor, filter: QueueFilter) =>
    filter.states?.length
      ? db
          .selectFrom("case_sla")
          .innerJoin("cases", "cases.id", "case_sla.case_id")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where(queueWhere(filter))
          .executeTakeFirstOrThrow()
      : db
          .selectFrom("case_sla")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("open", "=", true)
          .$if(filter.owner !== "all", (q) =>
            q.where("owner_user_id", filter.owner === null ? "is" : "=", filter.owner),
          )
          .executeTakeFirstOrThrow(),

  /** Locks up to `limit` stale projections no other node holds (`SKIP LOCKED`). */
  lockStale: (tx: Executor, limit: number) =>
    tx
      .selectFrom("case_sla")
      .select("case_id")
      .where("stale", "=", true)
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  /** Locks up to `limit` projections whose next notice is due by `now` and no other node holds. */
  lockNoticesDue: (tx: Executor, now: Date, limit: number) =>
    tx
      .selectFrom("case_sla")
      .select("case_id")
      .where("next_notice_at", "<=", now)
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  // ---- notices --------------------------------------------------------------------------------

  noticesOf: (db: Executor, caseIds: readonly string[]) =>
    db
      .selectFrom("desk_sla_notices")
      .select(["case_id", "target", "episode", "kind"])
      .where("case_id", "in", [...caseIds])
      .execute(),

  /** Records a notice unless it was sent already; true when this call recorded it. */
  insertNotice: async (tx: Executor, row: Insertable<DeskSlaNoticesTable>) =>
    !!(await tx
      .insertInto("desk_sla_notices")
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning("case_id")
      .executeTakeFirst()),
};

const OPERATOR = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const CASE = "0190a8a0-0000-7000-8000-000000000003";
const AGENT = "0190a8a0-0000-7000-8000-000000000004";
const AT = new Date("2026-12-01T00:00:00Z");

export const slaRepoSql: SqlExamples<typeof slaRepo> = {
  calendars: [[OPERATOR]],
  calendarInForce: [[OPERATOR, AT]],
  upcomingCalendar: [[OPERATOR, AT]],
  insertCalendar: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000005",
        operator_id: OPERATOR,
        time_zone: "Europe/Rome",
        hours: JSON.stringify({ mon: ["09:00-18:00"] }),
        holidays: JSON.stringify(["2026-12-25"]),
        effective_from: AT,
        created_by_user_id: AGENT,
        created_at: AT,
      },
    ],
  ],
  agreementsOf: [[[ACCOUNT, OPERATOR]], [[ACCOUNT, OPERATOR], AT]],
  insertAgreement: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000006",
        account_id: ACCOUNT,
        targets: JSON.stringify({ firstResponse: { urgent: "PT1H" } }),
        effective_from: AT,
        created_by_user_id: AGENT,
        created_at: AT,
      },
    ],
  ],
  casesForClocks: [[[CASE]]],
  clockEntries: [[[CASE]]],
  upsertProjections: [
    [
      [
        {
          case_id: CASE,
          account_id: ACCOUNT,
          owner_user_id: AGENT,
          open: true,
          tier: 0,
          due_at: AT,
          remaining_ms: 3_600_000,
          at_risk_at: AT,
          state: "running",
          clocks: "{}",
          next_notice_at: AT,
          stale: false,
          computed_at: AT,
        },
      ],
    ],
  ],
  markOpenStale: [[]],
  queuePage: [
    [{ owner: AGENT }, 0, 50],
    [{ owner: null }, 0, 50],
    [{ owner: "all", states: ["new", "open"] }, 0, 50],
  ],
  queueCount: [[{ owner: AGENT }], [{ owner: null }], [{ owner: "all", states: ["open"] }]],
  lockStale: [[500]],
  lockNoticesDue: [[AT, 100]],
  noticesOf: [[[CASE]]],
  insertNotice: [
    [{ case_id: CASE, target: "firstResponse", episode: 1, kind: "at_risk", created_at: AT }],
  ],
};
