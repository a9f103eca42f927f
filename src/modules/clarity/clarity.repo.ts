import { type Insertable, sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type {
  ClarityGlossaryTermsTable,
  ClarityLanguageCode,
  ClarityReplyChecksTable,
  ClarityReplyFindingsTable,
} from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { withinSubtree } from "../tenancy/tenancy.js";

/** One week of sent replies in the statistics: how many, and how many per rule had open findings. */
export interface WeekRow {
  week: string;
  replies: number;
  with_open: number;
}
export interface WeekRuleRow {
  week: string;
  rule: string;
  open_replies: number;
  dismissed: number;
  accepted: number;
}

/** The start of the ISO week (Monday, UTC) of `sent_at`, as `YYYY-MM-DD`. */
const weekOf = sql<string>`to_char(date_trunc('week', clarity_reply_checks.sent_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;

/** Queries over the glossary and the checks of sent replies. Every function takes its executor. */
export const clarityRepo = {
  /** Whether the operator's glossary has received the shipped terms (once, on first use). */
  seededAt: (db: Executor, operatorId: string) =>
    db
      .selectFrom("clarity_glossary_seeded")
      .select(["seeded_at", "terms"])
      .where("account_id", "=", operatorId)
      .executeTakeFirst(),

  /** Records the copy of the shipped terms; false when another request made it first. */
  markSeeded: async (tx: Tx, operatorId: string, at: Date, terms: number) => {
    const r = await tx
      .insertInto("clarity_glossary_seeded")
      .values({ account_id: operatorId, seeded_at: at, terms })
      .onConflict((oc) => oc.column("account_id").doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Adds terms, skipping any the glossary holds already (same language and spelling). */
  insertTerms: async (tx: Tx, rows: Insertable<ClarityGlossaryTermsTable>[]) => {
    if (rows.length === 0) return;
    await tx
      .insertInto("clarity_glossary_terms")
      .values(rows)
      .onConflict((oc) =>
        oc.expression(sql`account_id, language, lower(term)` as never).doNothing(),
      )
      .execute();
  },

  /** The operator's terms, by language then term. */
  terms: (db: Executor, operatorId: string, language?: ClarityLanguageCode) => {
    let q = db
      .selectFrom("clarity_glossary_terms")
      .selectAll()
      .where("account_id", "=", operatorId);
    if (language) q = q.where("language", "=", language);
    return q
      .orderBy("language")
      .orderBy(sql`lower(term)`)
      .execute();
  },

  /** A term by its spelling, compared case-insensitively. */
  findTerm: (db: Executor, operatorId: string, language: ClarityLanguageCode, term: string) =>
    db
      .selectFrom("clarity_glossary_terms")
      .selectAll()
      .where("account_id", "=", operatorId)
      .where("language", "=", language)
      .where(sql<string>`lower(term)`, "=", term.toLowerCase())
      .executeTakeFirst(),

  insertTerm: (tx: Tx, row: Insertable<ClarityGlossaryTermsTable>) =>
    tx.insertInto("clarity_glossary_terms").values(row).execute(),

  updateTerm: (
    tx: Tx,
    id: string,
    patch: {
      term: string;
      explanation: string;
      origin: "team";
      updated_at: Date;
      updated_by_user_id: string;
    },
  ) => tx.updateTable("clarity_glossary_terms").set(patch).where("id", "=", id).execute(),

  deleteTerm: (tx: Tx, id: string) =>
    tx.deleteFrom("clarity_glossary_terms").where("id", "=", id).execute(),

  insertCheck: (tx: Tx, row: Insertable<ClarityReplyChecksTable>) =>
    tx.insertInto("clarity_reply_checks").values(row).execute(),

  insertFindings: async (tx: Tx, rows: Insertable<ClarityReplyFindingsTable>[]) => {
    if (rows.length === 0) return;
    await tx.insertInto("clarity_reply_findings").values(rows).execute();
  },

  /** The check stored with a sent reply (by the reply's case entry), if the account is in scope. */
  checkOfEntry: (db: Executor, scopePath: string, entryId: string) =>
    db
      .selectFrom("clarity_reply_checks")
      .selectAll()
      .where("entry_id", "=", entryId)
      .where((eb) => withinSubtree(eb, "clarity_reply_checks.account_id", scopePath))
      .executeTakeFirst(),

  findingsOf: (db: Executor, checkId: string) =>
    db
      .selectFrom("clarity_reply_findings")
      .selectAll()
      .where("check_id", "=", checkId)
      .orderBy("span_start")
      .orderBy("id")
      .execute(),

  /** Replies sent since `since` per week, and how many of them kept at least one finding. */
  weeks: (db: Executor, scopePath: string, since: Date) =>
    db
      .selectFrom("clarity_reply_checks")
      .select([
        weekOf.as("week"),
        sql<number>`count(*)::int`.as("replies"),
        sql<number>`count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM clarity_reply_findings f
          WHERE f.check_id = clarity_reply_checks.id AND f.decision <> 'accepted'))::int`.as(
          "with_open",
        ),
      ])
      .where("clarity_reply_checks.sent_at", ">=", since)
      .where((eb) => withinSubtree(eb, "clarity_reply_checks.account_id", scopePath))
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute() as Promise<WeekRow[]>,

  /** Per week and rule: replies sent with an open finding of the rule; findings dismissed, accepted. */
  weekRules: (db: Executor, scopePath: string, since: Date) =>
    db
      .selectFrom("clarity_reply_checks")
      .innerJoin(
        "clarity_reply_findings",
        "clarity_reply_findings.check_id",
        "clarity_reply_checks.id",
      )
      .select([
        weekOf.as("week"),
        "clarity_reply_findings.rule",
        sql<number>`count(DISTINCT clarity_reply_checks.id)
          FILTER (WHERE clarity_reply_findings.decision <> 'accepted')::int`.as("open_replies"),
        sql<number>`count(*) FILTER (WHERE clarity_reply_findings.decision = 'dismissed')::int`.as(
          "dismissed",
        ),
        sql<number>`count(*) FILTER (WHERE clarity_reply_findings.decision = 'accepted')::int`.as(
          "accepted",
        ),
      ])
      .where("clarity_reply_checks.sent_at", ">=", since)
      .where((eb) => withinSubtree(eb, "clarity_reply_checks.account_id", scopePath))
      .groupBy([sql`1`, "clarity_reply_findings.rule"])
      .orderBy(sql`1`)
      .orderBy("clarity_reply_findings.rule")
      .execute() as Promise<WeekRuleRow[]>,
};

const OPERATOR = "0190a8a0-0000-7000-8000-000000000001";
const TERM = "0190a8a0-0000-7000-8000-000000000002";
const CHECK = "0190a8a0-0000-7000-8000-000000000003";
const AT = new Date("2026-12-01T09:00:00Z");
const SCOPE = `/${OPERATOR}/`;

export const clarityRepoSql: SqlExamples<typeof clarityRepo> = {
  seededAt: [[OPERATOR]],
  markSeeded: [[OPERATOR, AT, 42]],
  insertTerms: [
    [
      [
        {
          id: TERM,
          account_id: OPERATOR,
          language: "en",
          term: "APN",
          explanation: "the network name your devices use to reach the internet",
          origin: "shipped",
          created_at: AT,
          updated_at: AT,
        },
      ],
    ],
  ],
  terms: [[OPERATOR], [OPERATOR, "it"]],
  findTerm: [[OPERATOR, "sv", "APN"]],
  insertTerm: [
    [
      {
        id: TERM,
        account_id: OPERATOR,
        language: "en",
        term: "eDRX",
        explanation: "a power-saving mode: the device listens for the network only now and then",
        origin: "team",
        created_at: AT,
        updated_at: AT,
        updated_by_user_id: OPERATOR,
      },
    ],
  ],
  updateTerm: [
    [
      TERM,
      {
        term: "eDRX",
        explanation: "power saving",
        origin: "team",
        updated_at: AT,
        updated_by_user_id: OPERATOR,
      },
    ],
  ],
  deleteTerm: [[TERM]],
  insertCheck: [
    [
      {
        id: CHECK,
        account_id: OPERATOR,
        case_id: TERM,
        entry_id: TERM,
        desk_message_id: null,
        language: "en",
        formula: "flesch",
        score: 61.2,
        sent_by_user_id: null,
        sent_at: AT,
      },
    ],
  ],
  insertFindings: [
    [
      [
        {
          id: TERM,
          check_id: CHECK,
          account_id: OPERATOR,
          rule: "jargon",
          severity: "warning",
          decision: "dismissed",
          span_start: 10,
          span_end: 13,
          span_text: "APN",
          message: "APN is jargon",
          suggestion: null,
          decided_by_user_id: OPERATOR,
        },
      ],
    ],
  ],
  checkOfEntry: [[SCOPE, TERM]],
  findingsOf: [[CHECK]],
  weeks: [[SCOPE, AT]],
  weekRules: [[SCOPE, AT]],
};
