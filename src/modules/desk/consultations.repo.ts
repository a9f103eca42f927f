import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { ConsultationsTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Queries over consultations: questions a case asks another team or an outside party. */
export const consultationsRepo = {
  insert: (tx: Executor, row: Insertable<ConsultationsTable>) =>
    tx.insertInto("consultations").values(row).execute(),

  /** The consultations of a case, oldest first. */
  ofCase: (db: Executor, caseId: string) =>
    db
      .selectFrom("consultations")
      .selectAll()
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute(),

  /** One consultation of the case, locked. */
  lock: (tx: Executor, caseId: string, id: string) =>
    tx
      .selectFrom("consultations")
      .selectAll()
      .where("id", "=", id)
      .where("case_id", "=", caseId)
      .forUpdate()
      .executeTakeFirst(),

  findById: (db: Executor, id: string) =>
    db
      .selectFrom("consultations")
      .select(["id", "case_id"])
      .where("id", "=", id)
      .executeTakeFirst(),

  /** Whether the case still waits on an open consultation. */
  anyOpen: async (db: Executor, caseId: string) =>
    !!(await db
      .selectFrom("consultations")
      .select("id")
      .where("case_id", "=", caseId)
      .where("state", "=", "open")
      .executeTakeFirst()),

  /** Whether one of the case's consultations (`only`: that one) was addressed to `email`. */
  addressedTo: async (db: Executor, caseId: string, email: string, only?: string) => {
    let q = db
      .selectFrom("consultations")
      .select("id")
      .where("case_id", "=", caseId)
      .where((eb) => eb.fn("lower", ["address"]), "=", email.toLowerCase());
    if (only) q = q.where("id", "=", only);
    return !!(await q.executeTakeFirst());
  },

  /** The newest consultation still going, of the case numbered `caseNumber`, addressed to `email`. */
  goingByCaseNumber: (db: Executor, caseNumber: number, email: string) =>
    db
      .selectFrom("consultations")
      .innerJoin("cases", "cases.id", "consultations.case_id")
      .select(["consultations.id", "consultations.case_id"])
      .where("cases.number", "=", caseNumber)
      .where((eb) => eb.fn("lower", ["consultations.address"]), "=", email.toLowerCase())
      .where("consultations.state", "!=", "closed")
      .orderBy("consultations.id", "desc")
      .executeTakeFirst(),

  /** Marks an open consultation answered (one already answered or closed stays as it is). */
  markAnswered: (tx: Executor, id: string, at: Date) =>
    tx
      .updateTable("consultations")
      .set({ state: "answered", answered_at: at })
      .where("id", "=", id)
      .where("state", "=", "open")
      .execute(),

  close: (tx: Executor, id: string, at: Date) =>
    tx
      .updateTable("consultations")
      .set({ state: "closed", closed_at: at })
      .where("id", "=", id)
      .execute(),
};

const CASE = "0190a8a0-0000-7000-8000-000000000001";
const CONSULTATION = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-12-01T00:00:00Z");

export const consultationsRepoSql: SqlExamples<typeof consultationsRepo> = {
  insert: [
    [
      {
        id: CONSULTATION,
        case_id: CASE,
        team: null,
        address: "noc@carrier.example",
        subject: "Roaming on 22210",
        state: "open",
        created_by_user_id: null,
        created_at: AT,
        answered_at: null,
        closed_at: null,
      },
    ],
  ],
  ofCase: [[CASE]],
  lock: [[CASE, CONSULTATION]],
  findById: [[CONSULTATION]],
  anyOpen: [[CASE]],
  addressedTo: [
    [CASE, "noc@carrier.example"],
    [CASE, "noc@carrier.example", CONSULTATION],
  ],
  goingByCaseNumber: [[1234, "noc@carrier.example"]],
  markAnswered: [[CONSULTATION, AT]],
  close: [[CONSULTATION, AT]],
};
