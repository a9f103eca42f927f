import { type RawBuilder, sql } from "kysely";
import { canCopy, copyInto } from "../../../db/copy.js";
import type { Executor, Tx } from "../../../db/database.js";
import type { SqlExamples } from "../../../db/sql-examples.js";
import type { Eid, Iccid, Imei, Imsi, Msisdn } from "../../../lib/identifiers.js";
import { type Candidates, IDENTIFIER_COLUMNS } from "./duplicate-sieve.js";

/** A line of an import file that passed the per-line checks, as the job stages it. */
export interface StagedRow {
  line: number;
  /** The id the SIM gets when it is created. */
  id: string;
  iccid: Iccid;
  imsi: Imsi;
  msisdn: Msisdn;
  eid: Eid | null;
  imei: Imei | null;
  /** The account the row resolved to (null when it names none the importer may see). */
  accountId: string | null;
  state: string;
  stateGiven: boolean;
  communicationPlanId: string | null;
  ratePlanId: string | null;
  /** JSON text of the custom fields. */
  customFields: string;
  /** Set when resolving the row's account or plans failed. */
  failure: { field: string; code: string; message: string } | null;
}

/** The columns `stage` writes with COPY, in the order of its rows' values. */
const STAGED_COLUMNS = [
  "job_id",
  "line",
  "id",
  "iccid",
  "imsi",
  "msisdn",
  "eid",
  "imei",
  "account_id",
  "state",
  "state_given",
  "communication_plan_id",
  "rate_plan_id",
  "custom_fields",
  "outcome",
  "field",
  "code",
  "message",
];

/**
 * Queries over `sim_import_rows`, the staging table of SIM import jobs (migration 0020): rows are
 * staged a chunk per statement, checked in a few set-based statements over the whole file, then
 * inserted into `sims` a range of lines per transaction.
 */
export const simImportRepo = {
  /**
   * Stages a chunk of rows in one statement, whatever its size. On PostgreSQL a `COPY` in the
   * caller's transaction (no parameters to serialise and parse, no statement to plan). On PGlite an
   * `INSERT … SELECT FROM unnest(…)`: one array parameter per column, or a single value when the
   * whole chunk has the same one (most files leave most columns empty, and every array costs its
   * serialisation in Otter and its parsing in the database).
   */
  stage: async (tx: Tx, jobId: string, rows: readonly StagedRow[]) => {
    if (rows.length === 0) return;
    if (canCopy(tx)) {
      await copyInto(
        tx,
        "sim_import_rows",
        STAGED_COLUMNS,
        rows.map((r) => [
          jobId,
          r.line,
          r.id,
          r.iccid,
          r.imsi,
          r.msisdn,
          r.eid,
          r.imei,
          r.accountId,
          r.state,
          r.stateGiven,
          r.communicationPlanId,
          r.ratePlanId,
          r.customFields,
          r.failure ? "failed" : null,
          r.failure?.field ?? null,
          r.failure?.code ?? null,
          r.failure?.message ?? null,
        ]),
      );
      return;
    }
    const db = tx;
    const columns: [string, string, (r: StagedRow) => unknown][] = [
      ["line", "int4", (r) => r.line],
      ["id", "uuid", (r) => r.id],
      ["iccid", "text", (r) => r.iccid],
      ["imsi", "text", (r) => r.imsi],
      ["msisdn", "text", (r) => r.msisdn],
      ["eid", "text", (r) => r.eid],
      ["imei", "text", (r) => r.imei],
      ["account_id", "uuid", (r) => r.accountId],
      ["state", "text", (r) => r.state],
      ["state_given", "bool", (r) => r.stateGiven],
      ["communication_plan_id", "uuid", (r) => r.communicationPlanId],
      ["rate_plan_id", "uuid", (r) => r.ratePlanId],
      ["custom_fields", "text", (r) => r.customFields],
      ["field", "text", (r) => r.failure?.field ?? null],
      ["code", "text", (r) => r.failure?.code ?? null],
      ["message", "text", (r) => r.failure?.message ?? null],
    ];
    const arrays: RawBuilder<unknown>[] = [];
    const names: RawBuilder<unknown>[] = [];
    const values = columns.map(([name, type, get]) => {
      const first = get(rows[0]!);
      // `line` differs from row to row: it is always an array, so the unnest has one at least.
      if (name !== "line" && rows.every((r) => get(r) === first))
        return sql`${first}::${sql.raw(type)}`;
      arrays.push(sql`${rows.map(get)}::${sql.raw(type)}[]`);
      names.push(sql.ref(name));
      return sql.ref(`t.${name}`);
    });
    const v = (name: string) => values[columns.findIndex((c) => c[0] === name)]!;
    await sql`
      INSERT INTO sim_import_rows (job_id, line, id, iccid, imsi, msisdn, eid, imei, account_id, state, state_given,
                                   communication_plan_id, rate_plan_id, custom_fields, outcome, field, code, message)
      SELECT ${jobId}::uuid, ${v("line")}, ${v("id")}, ${v("iccid")}, ${v("imsi")}, ${v("msisdn")}, ${v("eid")},
             ${v("imei")}, ${v("account_id")}, ${v("state")}, ${v("state_given")}, ${v("communication_plan_id")},
             ${v("rate_plan_id")}, ${v("custom_fields")}::jsonb, CASE WHEN ${v("code")} IS NOT NULL THEN 'failed' END,
             ${v("field")}, ${v("code")}, ${v("message")}
      FROM unnest(${sql.join(arrays)}) AS t(${sql.join(names)})`.execute(db);
  },

  /** Forgets the staged rows of a job (it ended, or its validation starts over). */
  clear: (db: Executor, jobId: string) =>
    db.deleteFrom("sim_import_rows").where("job_id", "=", jobId).execute(),

  /** Whether the job has staged rows. */
  hasRows: async (db: Executor, jobId: string) =>
    (await db
      .selectFrom("sim_import_rows")
      .select("line")
      .where("job_id", "=", jobId)
      .limit(1)
      .executeTakeFirst()) !== undefined,

  /**
   * Fails every row whose ICCID, IMSI or MSISDN appears on an earlier line of the file, naming the
   * first such line; the ICCID is checked first, then the IMSI, then the MSISDN. A duplicate is
   * reported even when the row's account or plan is also wrong (as the per-line pass did).
   * With `among`, only those values can be repeated (the job's sieve saw every staged row): the
   * check looks at rows holding them and skips an identifier with none; null checks every row.
   */
  markDuplicates: async (db: Executor, jobId: string, among: Candidates | null) => {
    for (const column of IDENTIFIER_COLUMNS) {
      const values = among?.[column];
      if (values && values.length === 0) continue;
      const col = sql.ref(column);
      const own = sql.ref(`s.${column}`);
      const only = values ? sql`AND ${col} = ANY(${values}::text[])` : sql``;
      await sql`
        UPDATE sim_import_rows s
        SET outcome = 'failed', field = ${column}, code = 'DUPLICATE_IN_FILE',
            message = 'The ' || ${column.toUpperCase()} || ' of this row already appears on line ' || d.first_line || '.'
        FROM (SELECT ${col} AS value, min(line) AS first_line
              FROM sim_import_rows WHERE job_id = ${jobId} ${only}
              GROUP BY ${col} HAVING count(*) > 1) d
        WHERE s.job_id = ${jobId} AND ${own} = d.value AND s.line > d.first_line
          AND s.code IS DISTINCT FROM 'DUPLICATE_IN_FILE'`.execute(db);
    }
  },

  /**
   * Marks the rows still to be created that meet a stored SIM by ICCID, IMSI or MSISDN (`existing`):
   * the job decides, page by page, whether each is unchanged or in conflict.
   */
  markExisting: async (db: Executor, jobId: string) => {
    for (const column of IDENTIFIER_COLUMNS) {
      await sql`
        UPDATE sim_import_rows s SET outcome = 'existing'
        FROM sims t
        WHERE s.job_id = ${jobId} AND s.outcome IS NULL AND ${sql.ref(`t.${column}`)} = ${sql.ref(`s.${column}`)}`.execute(
        db,
      );
    }
  },

  /** A page of the rows that will not be created (failed or meeting a stored SIM), in line order. */
  notToCreate: (db: Executor, jobId: string, afterLine: number, limit: number) =>
    db
      .selectFrom("sim_import_rows")
      .selectAll()
      .where("job_id", "=", jobId)
      .where("line", ">", afterLine)
      .where("outcome", "is not", null)
      .orderBy("line")
      .limit(limit)
      .execute(),

  /**
   * Sets the outcome of rows: null puts them back among those to be created (the stored SIM they
   * met is gone); `created` marks rows whose SIM this job already created in a run before a crash,
   * so they are not written again.
   */
  setOutcome: (db: Executor, jobId: string, lines: number[], outcome: "created" | null) =>
    db
      .updateTable("sim_import_rows")
      .set({ outcome })
      .where("job_id", "=", jobId)
      .where("line", "=", (eb) => eb.fn.any(eb.val(lines)))
      .execute(),

  /** How many staged rows are still to be created. */
  countToCreate: async (db: Executor, jobId: string) => {
    const r = await db
      .selectFrom("sim_import_rows")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("job_id", "=", jobId)
      .where("outcome", "is", null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The last staged line (0 when none). */
  lastLine: async (db: Executor, jobId: string) => {
    const r = await db
      .selectFrom("sim_import_rows")
      .select((eb) => eb.fn.max("line").as("last"))
      .where("job_id", "=", jobId)
      .executeTakeFirst();
    return Number(r?.last ?? 0);
  },

  /**
   * Creates the SIMs of the staged rows on lines (afterLine, toLine] that are to be created, in one
   * statement. With `skipTaken`, a row whose ICCID, IMSI or MSISDN was taken meanwhile is skipped
   * (see `notCreated`); without, such a row fails the statement. Returns how many were created.
   */
  createSims: async (
    tx: Tx,
    jobId: string,
    lines: { afterLine: number; toLine: number },
    now: Date,
    opts: { skipTaken: boolean; parentsKept?: boolean },
  ) => {
    // The rows' accounts and plans are locked by the caller (`parentsKept`): the foreign keys'
    // checks, one per row and key, are left out for this statement only. Setting the role needs a
    // superuser: PGlite's, never a PostgreSQL deployment's (docs/decisions.md).
    if (opts.parentsKept) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    const res = await sql`
      INSERT INTO sims (id, iccid, imsi, msisdn, eid, imei, account_id, state, communication_plan_id, rate_plan_id,
                        custom_fields, created_by_job_id, date_activated, created_at, updated_at)
      SELECT s.id, s.iccid, s.imsi, s.msisdn, s.eid, s.imei, s.account_id, s.state, s.communication_plan_id, s.rate_plan_id,
             s.custom_fields, s.job_id, CASE WHEN s.state = 'ACTIVATED' THEN ${now}::timestamptz END, ${now}::timestamptz, ${now}::timestamptz
      FROM sim_import_rows s
      WHERE s.job_id = ${jobId} AND s.line > ${lines.afterLine} AND s.line <= ${lines.toLine} AND s.outcome IS NULL
      ${opts.skipTaken ? sql`ON CONFLICT DO NOTHING` : sql``}`.execute(tx);
    if (opts.parentsKept) await sql`SET LOCAL session_replication_role = origin`.execute(tx);
    return Number(res.numAffectedRows ?? 0);
  },

  /** Fresh statistics of the staged rows, for the plans of the checks that join them. */
  analyze: async (db: Executor) => {
    await sql`ANALYZE sim_import_rows`.execute(db);
  },

  /** The accounts and plans the rows on lines (afterLine, toLine] to be created refer to. */
  parentsOf: async (tx: Tx, jobId: string, lines: { afterLine: number; toLine: number }) => {
    const r = await sql<{
      accounts: string[] | null;
      comm: string[] | null;
      rate: string[] | null;
    }>`
      SELECT array_agg(DISTINCT s.account_id) AS accounts,
             array_agg(DISTINCT s.communication_plan_id) FILTER (WHERE s.communication_plan_id IS NOT NULL) AS comm,
             array_agg(DISTINCT s.rate_plan_id) FILTER (WHERE s.rate_plan_id IS NOT NULL) AS rate
        FROM sim_import_rows s
       WHERE s.job_id = ${jobId} AND s.line > ${lines.afterLine} AND s.line <= ${lines.toLine} AND s.outcome IS NULL`.execute(
      tx,
    );
    const row = r.rows[0];
    return { accounts: row?.accounts ?? [], comm: row?.comm ?? [], rate: row?.rate ?? [] };
  },

  /** Rows on lines (afterLine, toLine] to be created whose SIM is not stored (taken meanwhile). */
  notCreated: (db: Executor, jobId: string, lines: { afterLine: number; toLine: number }) =>
    db
      .selectFrom("sim_import_rows as s")
      .select(["s.line", "s.iccid", "s.account_id"])
      .where("s.job_id", "=", jobId)
      .where("s.line", ">", lines.afterLine)
      .where("s.line", "<=", lines.toLine)
      .where("s.outcome", "is", null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("sims").select("sims.id").whereRef("sims.id", "=", "s.id"))),
      )
      .orderBy("s.line")
      .execute(),
};

const JOB = "0190a8a0-0000-7000-8000-000000000005";
const SIM = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const PLAN = "0190a8a0-0000-7000-8000-000000000003";

export const simImportRepoSql: SqlExamples<typeof simImportRepo> = {
  stage: [
    [
      JOB,
      [
        {
          line: 2,
          id: SIM,
          iccid: "89440000000000000001" as Iccid,
          imsi: "001010000000001" as Imsi,
          msisdn: "447700900001" as Msisdn,
          eid: null,
          imei: null,
          accountId: ACCOUNT,
          state: "INVENTORY",
          stateGiven: false,
          communicationPlanId: PLAN,
          ratePlanId: null,
          customFields: "{}",
          failure: null,
        },
      ],
    ],
  ],
  clear: [[JOB]],
  hasRows: [[JOB]],
  markDuplicates: [
    [JOB, null],
    [JOB, { iccid: ["89440000000000000001"], imsi: [], msisdn: ["447700900001"] }],
  ],
  markExisting: [[JOB]],
  notToCreate: [[JOB, 0, 5000]],
  setOutcome: [
    [JOB, [2, 3], null],
    [JOB, [2, 3], "created"],
  ],
  countToCreate: [[JOB]],
  lastLine: [[JOB]],
  createSims: [
    [JOB, { afterLine: 0, toLine: 5001 }, new Date("2026-12-01T00:00:00Z"), { skipTaken: false }],
    [
      JOB,
      { afterLine: 0, toLine: 5001 },
      new Date("2026-12-01T00:00:00Z"),
      { skipTaken: false, parentsKept: true },
    ],
    [
      JOB,
      { afterLine: 5001, toLine: 10001 },
      new Date("2026-12-01T00:00:00Z"),
      { skipTaken: true },
    ],
  ],
  notCreated: [[JOB, { afterLine: 0, toLine: 5001 }]],
  parentsOf: [[JOB, { afterLine: 0, toLine: 5001 }]],
  analyze: [[]],
};
