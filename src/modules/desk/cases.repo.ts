import type { Insertable, Updateable } from "kysely";
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type {
  Case,
  CaseCategory,
  CaseEntriesTable,
  CaseLinksTable,
  CasePriority,
  CasesTable,
  CaseState,
} from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { isUuid } from "../../lib/ids.js";
import { withinSubtree } from "../tenancy/tenancy.js";

/** Who is looking at cases: the account subtree they see, and whether they see triage cases (no account yet). */
export interface CaseScope {
  accountPath: string;
  seesTriage: boolean;
}

export interface CaseListQuery {
  state?: CaseState[];
  owner?: string;
  account?: string;
  triage?: boolean;
  category?: CaseCategory;
  priority?: CasePriority;
  q?: string;
  cursor?: string;
  limit: number;
}

/** A filter value that is not a UUID matches nothing, rather than failing the query. */
const NO_ID = "00000000-0000-0000-0000-000000000000";
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

const visible = (db: Executor, scope: CaseScope) =>
  db.selectFrom("cases").where((eb) => {
    const inTree = withinSubtree(eb, "cases.account_id", scope.accountPath);
    return scope.seesTriage ? eb.or([inTree, eb("cases.account_id", "is", null)]) : inTree;
  });

/** Queries over cases, their timeline (`case_entries`) and their links to SIMs and accounts. */
export const casesRepo = {
  /** A case the scope may see; `forUpdate` locks its row. */
  findVisible: (db: Executor, scope: CaseScope, id: string, forUpdate: boolean) => {
    let q = visible(db, scope).selectAll("cases").where("cases.id", "=", id);
    if (forUpdate) q = q.forUpdate("cases");
    return q.executeTakeFirst();
  },

  /** Newest first, one row more than `limit` (so the caller knows there is a next page). */
  listVisible: (db: Executor, scope: CaseScope, q: CaseListQuery) => {
    let query = visible(db, scope).selectAll("cases");
    if (q.state && q.state.length > 0) query = query.where("cases.state", "in", q.state);
    if (q.owner)
      query =
        q.owner === "none"
          ? query.where("cases.owner_user_id", "is", null)
          : query.where("cases.owner_user_id", "=", isUuid(q.owner) ? q.owner : NO_ID);
    if (q.account)
      query = query.where("cases.account_id", "=", isUuid(q.account) ? q.account : NO_ID);
    if (q.triage) query = query.where("cases.account_id", "is", null);
    if (q.category) query = query.where("cases.category", "=", q.category);
    if (q.priority) query = query.where("cases.priority", "=", q.priority);
    if (q.q) {
      const term = q.q.trim();
      const n = /^#?(\d{1,9})$/.exec(term);
      query = n
        ? query.where("cases.number", "=", Number(n[1]))
        : query.where((eb) =>
            eb.or([
              eb("cases.subject", "ilike", `%${likeEscape(term)}%`),
              eb("cases.requester_email", "ilike", `%${likeEscape(term)}%`),
            ]),
          );
    }
    if (q.cursor) query = query.where("cases.id", "<", q.cursor);
    return query
      .orderBy("cases.id", "desc")
      .limit(q.limit + 1)
      .execute();
  },

  findById: (db: Executor, id: string) =>
    db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom("cases").selectAll().where("id", "=", id).forUpdate().executeTakeFirst(),

  /** The case with the display number `n` (the oldest, should an installation ever reuse one). */
  findByNumber: (db: Executor, n: number) =>
    db.selectFrom("cases").select("id").where("number", "=", n).orderBy("id").executeTakeFirst(),

  numberOf: (db: Executor, id: string) =>
    db.selectFrom("cases").select("number").where("id", "=", id).executeTakeFirst(),

  /** The case an automation rule opened for one event (`automation:<ruleId>:<eventId>`). */
  findBySourceKey: (db: Executor, sourceKey: string) =>
    db
      .selectFrom("cases")
      .select(["id", "number"])
      .where("source_key", "=", sourceKey)
      .executeTakeFirst(),

  /** Open cases of an account, newest first (at most 50). */
  openOf: (db: Executor, accountId: string) =>
    db
      .selectFrom("cases")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("state", "not in", ["resolved", "closed"])
      .orderBy("id", "desc")
      .limit(50)
      .execute(),

  /** The next display number, from a sequence (cases.service.ts says why not a counter row). */
  nextNumber: async (tx: Executor) => {
    const { rows } = await sql<{
      n: number;
    }>`SELECT nextval('desk_case_number_seq')::int AS n`.execute(tx);
    return rows[0]!.n;
  },

  insert: (tx: Executor, row: Case) => tx.insertInto("cases").values(row).execute(),

  update: (tx: Executor, id: string, patch: Updateable<CasesTable>) =>
    tx.updateTable("cases").set(patch).where("id", "=", id).execute(),

  /** Appends to the timeline and marks the case updated at the entry's time. */
  appendEntry: async (tx: Executor, row: Insertable<CaseEntriesTable>) => {
    await tx.insertInto("case_entries").values(row).execute();
    await tx
      .updateTable("cases")
      .set({ updated_at: row.created_at })
      .where("id", "=", row.case_id)
      .execute();
  },

  /** The whole timeline of a case, oldest first. */
  entriesOf: (db: Executor, caseId: string) =>
    db.selectFrom("case_entries").selectAll().where("case_id", "=", caseId).orderBy("id").execute(),

  linksOf: (db: Executor, caseId: string) =>
    db
      .selectFrom("case_links")
      .select(["id", "kind", "sim_id", "linked_account_id", "invoice_id", "created_at"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute(),

  /** The first SIM linked to a case (the one a saved reply's `sim.*` placeholders name). */
  firstSimLink: (db: Executor, caseId: string) =>
    db
      .selectFrom("case_links")
      .select("sim_id")
      .where("case_id", "=", caseId)
      .where("kind", "=", "sim")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst(),

  findLink: (db: Executor, caseId: string, id: string) =>
    db
      .selectFrom("case_links")
      .selectAll()
      .where("id", "=", id)
      .where("case_id", "=", caseId)
      .executeTakeFirst(),

  /** Links a SIM, an account or an invoice to a case; a link that exists already is left as it is. Returns whether one was added. */
  insertLink: async (tx: Executor, row: Insertable<CaseLinksTable>) => {
    const res = await tx
      .insertInto("case_links")
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  deleteLink: (tx: Executor, id: string) =>
    tx.deleteFrom("case_links").where("id", "=", id).execute(),
};

const CASE = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-12-01T00:00:00Z");
const AGENT_SCOPE: CaseScope = {
  accountPath: "/0190a8a0-0000-7000-8000-000000000003/",
  seesTriage: true,
};
const CUSTOMER_SCOPE: CaseScope = {
  accountPath: `/0190a8a0-0000-7000-8000-000000000003/${ACCOUNT}/`,
  seesTriage: false,
};

export const casesRepoSql: SqlExamples<typeof casesRepo> = {
  findVisible: [
    [AGENT_SCOPE, CASE, true],
    [CUSTOMER_SCOPE, CASE, false],
  ],
  listVisible: [
    [CUSTOMER_SCOPE, { limit: 50 }],
    [
      AGENT_SCOPE,
      {
        state: ["new", "open"],
        owner: "none",
        account: ACCOUNT,
        category: "technical",
        priority: "high",
        q: "no data",
        cursor: CASE,
        limit: 50,
      },
    ],
    [AGENT_SCOPE, { triage: true, q: "#1234", limit: 50 }],
  ],
  findById: [[CASE]],
  lock: [[CASE]],
  findByNumber: [[1234]],
  numberOf: [[CASE]],
  findBySourceKey: [[`automation:${ACCOUNT}:${CASE}`]],
  openOf: [[ACCOUNT]],
  nextNumber: [[]],
  insert: [
    [
      {
        id: CASE,
        operator_id: "0190a8a0-0000-7000-8000-000000000003",
        account_id: ACCOUNT,
        number: 1234,
        subject: "SIM 89440000000000000001 has no data",
        category: "technical",
        state: "new",
        priority: "normal",
        owner_user_id: null,
        contact_ids: [],
        requester_email: "ops@example.com",
        requester_name: null,
        channel: "email",
        source_key: null,
        reopened_from_case_id: null,
        created_at: AT,
        updated_at: AT,
        resolved_at: null,
        closed_at: null,
      },
    ],
  ],
  update: [[CASE, { state: "resolved", updated_at: AT, resolved_at: AT }]],
  appendEntry: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000004",
        case_id: CASE,
        kind: "note",
        body: "Asked the HSS team.",
        data: "{}",
        actor_user_id: null,
        actor_name: "mail",
        desk_message_id: null,
        consultation_id: null,
        created_at: AT,
      },
    ],
  ],
  entriesOf: [[CASE]],
  linksOf: [[CASE]],
  firstSimLink: [[CASE]],
  findLink: [[CASE, "0190a8a0-0000-7000-8000-000000000005"]],
  insertLink: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000005",
        case_id: CASE,
        kind: "sim",
        sim_id: "0190a8a0-0000-7000-8000-000000000006",
        linked_account_id: null,
        created_by_user_id: null,
        created_at: AT,
      },
    ],
  ],
  deleteLink: [["0190a8a0-0000-7000-8000-000000000005"]],
};
