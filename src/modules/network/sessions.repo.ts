import { type Insertable, type Updateable, sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { AccountingRecordsTable, DataSessionsTable } from "../../db/schema.js";
import type { Imsi } from "../../lib/identifiers.js";
import { withinSubtree } from "../tenancy/tenancy.js";

const ACCOUNTING_RECORD_COLUMNS = [
  "id",
  "dedupe_key",
  "client_id",
  "account_id",
  "sim_id",
  "imsi",
  "acct_session_id",
  "status",
  "event_at",
  "received_at",
  "record",
] as const satisfies readonly (keyof AccountingRecordsTable)[];

/** Queries over RADIUS accounting records and the data sessions built from them. */
export const sessionsRepo = {
  /**
   * Stores an accounting record unless one with its dedupe key is stored; returns its id, or nothing
   * for a duplicate. The key goes into `accounting_record_keys`, unique across the partitions of
   * `accounting_records` (migration 0018), in the same statement: the record is written only when
   * its key is new.
   */
  insertAccountingRecord: (tx: Tx, row: Insertable<AccountingRecordsTable>) =>
    tx
      .with("new_key", (db) =>
        db
          .insertInto("accounting_record_keys")
          .values({ dedupe_key: row.dedupe_key, received_at: row.received_at })
          .onConflict((oc) => oc.column("dedupe_key").doNothing())
          .returning("dedupe_key"),
      )
      .insertInto("accounting_records")
      .columns(ACCOUNTING_RECORD_COLUMNS)
      .expression((eb) =>
        eb
          .selectFrom("new_key")
          .select(ACCOUNTING_RECORD_COLUMNS.map((c) => sql`${row[c] ?? null}`.as(c))),
      )
      .returning("id")
      .executeTakeFirst(),

  /** Closes every session the gateway had open when it restarted at `at` (Accounting-On/Off). */
  closeAfterGatewayRestart: (tx: Tx, clientId: string, at: Date) =>
    tx
      .updateTable("data_sessions")
      .set({ status: "closed", ended_at: at, terminate_cause: "NAS-Reboot", last_update_at: at })
      .where("client_id", "=", clientId)
      .where("status", "=", "open")
      .where("started_at", "<=", at)
      .execute(),

  /** The current (not superseded) session with this gateway's Acct-Session-Id, locked. */
  lockCurrent: (tx: Tx, clientId: string, acctSessionId: string) =>
    tx
      .selectFrom("data_sessions")
      .selectAll()
      .where("client_id", "=", clientId)
      .where("acct_session_id", "=", acctSessionId)
      .where("superseded", "=", false)
      .forUpdate()
      .executeTakeFirst(),

  /** Keeps an old session whose Acct-Session-Id the gateway reused, out of the way of the new one. */
  markSuperseded: (tx: Tx, id: string) =>
    tx.updateTable("data_sessions").set({ superseded: true }).where("id", "=", id).execute(),

  insert: (tx: Tx, row: Insertable<DataSessionsTable>) =>
    tx.insertInto("data_sessions").values(row).execute(),

  update: (tx: Tx, id: string, patch: Updateable<DataSessionsTable>) =>
    tx.updateTable("data_sessions").set(patch).where("id", "=", id).execute(),

  /** Ids of the SIM's open sessions, or of the one with this gateway's Acct-Session-Id if open. */
  openIds: (db: Executor, simId: string, only?: { clientId: string; acctSessionId: string }) => {
    let q = db
      .selectFrom("data_sessions")
      .select(["id"])
      .where("sim_id", "=", simId)
      .where("status", "=", "open");
    if (only)
      q = q
        .where("client_id", "=", only.clientId)
        .where("acct_session_id", "=", only.acctSessionId);
    return q.execute();
  },

  /** The SIM's open session updated last. */
  latestOpen: (db: Executor, simId: string) =>
    db
      .selectFrom("data_sessions")
      .selectAll()
      .where("sim_id", "=", simId)
      .where("status", "=", "open")
      .orderBy("last_update_at", "desc")
      .limit(1)
      .executeTakeFirst(),

  /**
   * A page of the SIM's sessions from the time its account lay in the subtree at `scopePath`, newest
   * first; `after` is the last session of the previous page. One row more than `limit` tells a next page.
   */
  pageForSim: (
    db: Executor,
    simId: string,
    scopePath: string,
    opts: { after?: { startedAt: Date; id: string }; limit: number },
  ) => {
    let q = db
      .selectFrom("data_sessions")
      .selectAll()
      .where("sim_id", "=", simId)
      .where((eb) => withinSubtree(eb, "data_sessions.account_id", scopePath));
    if (opts.after) {
      const { startedAt, id } = opts.after;
      q = q.where((eb) =>
        eb.or([
          eb("started_at", "<", startedAt),
          eb.and([eb("started_at", "=", startedAt), eb("id", "<", id)]),
        ]),
      );
    }
    return q
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(opts.limit + 1)
      .execute();
  },

  /** The SIM's sessions started before `before` (if given) in the subtree at `scopePath`, newest first. */
  timelineForSim: (
    db: Executor,
    simId: string,
    scopePath: string,
    opts: { before: Date | null; limit: number },
  ) => {
    let q = db
      .selectFrom("data_sessions")
      .selectAll()
      .where("sim_id", "=", simId)
      .where((eb) => withinSubtree(eb, "data_sessions.account_id", scopePath));
    if (opts.before) q = q.where("started_at", "<", opts.before);
    return q.orderBy("started_at", "desc").limit(opts.limit).execute();
  },

  /** The SIM's sessions started since `since`, newest first, at most `limit`. */
  startedSince: (db: Executor, simId: string, since: Date, limit: number) =>
    db
      .selectFrom("data_sessions")
      .selectAll()
      .where("sim_id", "=", simId)
      .where("started_at", ">=", since)
      .orderBy("started_at", "desc")
      .limit(limit)
      .execute(),

  /** Start times of the SIM's sessions since `since`, newest first, at most `limit` (its rhythm). */
  startsSince: (db: Executor, simId: string, since: Date, limit: number) =>
    db
      .selectFrom("data_sessions")
      .select("started_at")
      .where("sim_id", "=", simId)
      .where("started_at", ">=", since)
      .orderBy("started_at", "desc")
      .limit(limit)
      .execute(),

  /** The SIM's sessions started before `before` and still open (hung for days), newest first. */
  openStartedBefore: (db: Executor, simId: string, before: Date, limit: number) =>
    db
      .selectFrom("data_sessions")
      .selectAll()
      .where("sim_id", "=", simId)
      .where("status", "=", "open")
      .where("started_at", "<", before)
      .orderBy("started_at", "desc")
      .limit(limit)
      .execute(),

  /** The SIM's first session started after `since`. */
  firstStartedAfter: (db: Executor, simId: string, since: Date) =>
    db
      .selectFrom("data_sessions")
      .select(["started_at", "apn"])
      .where("sim_id", "=", simId)
      .where("started_at", ">", since)
      .orderBy("started_at")
      .limit(1)
      .executeTakeFirst(),

  /** The SIM's session whose last traffic after `since` came first. */
  firstTrafficAfter: (db: Executor, simId: string, since: Date) =>
    db
      .selectFrom("data_sessions")
      .select(["last_traffic_at"])
      .where("sim_id", "=", simId)
      .where("last_traffic_at", ">", since)
      .orderBy("last_traffic_at")
      .limit(1)
      .executeTakeFirst(),
};

const SIM = "0190a8a0-0000-7000-8000-000000000001";
const CLIENT = "0190a8a0-0000-7000-8000-000000000002";
const SESSION = "0190a8a0-0000-7000-8000-000000000003";
const PATH = "/0190a8a0-0000-7000-8000-000000000001/";
const AT = new Date("2026-12-01T00:00:00Z");
const IMSI = "234150000000001" as Imsi;

export const sessionsRepoSql: SqlExamples<typeof sessionsRepo> = {
  insertAccountingRecord: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000004",
        dedupe_key: "10.0.0.1|4711|interim|1733011200",
        client_id: CLIENT,
        account_id: "0190a8a0-0000-7000-8000-000000000005",
        sim_id: SIM,
        imsi: IMSI,
        acct_session_id: "4711",
        status: "interim",
        event_at: AT,
        received_at: AT,
        record: "{}",
      },
    ],
  ],
  closeAfterGatewayRestart: [[CLIENT, AT]],
  lockCurrent: [[CLIENT, "4711"]],
  markSuperseded: [[SESSION]],
  insert: [
    [
      {
        id: SESSION,
        account_id: "0190a8a0-0000-7000-8000-000000000005",
        client_id: CLIENT,
        acct_session_id: "4711",
        sim_id: SIM,
        imsi: IMSI,
        msisdn: null,
        charging_id: null,
        nas_ip: "10.0.0.1",
        apn: "iot.example",
        ip: "100.64.0.1",
        rat: "LTE",
        rat_code: 6,
        mcc: "234",
        mnc: "15",
        location: null,
        imeisv: null,
        status: "open",
        started_at: AT,
        last_update_at: AT,
        ended_at: null,
        bytes_up: 0,
        bytes_down: 0,
        session_time: null,
        terminate_cause: null,
        last_traffic_at: null,
      },
    ],
  ],
  update: [[SESSION, { bytes_up: 1200, bytes_down: 3400, last_update_at: AT }]],
  openIds: [[SIM], [SIM, { clientId: CLIENT, acctSessionId: "4711" }]],
  latestOpen: [[SIM]],
  pageForSim: [
    [SIM, PATH, { limit: 50 }],
    [SIM, PATH, { after: { startedAt: AT, id: SESSION }, limit: 50 }],
  ],
  timelineForSim: [
    [SIM, PATH, { before: null, limit: 50 }],
    [SIM, PATH, { before: AT, limit: 50 }],
  ],
  startedSince: [[SIM, AT, 200]],
  startsSince: [[SIM, AT, 200]],
  openStartedBefore: [[SIM, AT, 200]],
  firstStartedAfter: [[SIM, AT]],
  firstTrafficAfter: [[SIM, AT]],
};
