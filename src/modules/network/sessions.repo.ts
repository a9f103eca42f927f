import { type Insertable, type Selectable, sql } from "kysely";
import { type Executor, PREPARED, type Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type {
  AccountingRecordsTable,
  DataSessionsTable,
  SessionUsageDailyTable,
  UsageDailyTable,
} from "../../db/schema.js";
import type { Imsi } from "../../lib/identifiers.js";
import { withinSubtree } from "../tenancy/tenancy.js";
import { STATE_COLUMNS, STATE_NAMES, type StateRow } from "./network.repo.js";

export type SessionRow = Selectable<DataSessionsTable>;

/** A day's usage of a SIM in a zone, as a batch adds it. */
export type UsageRow = Insertable<UsageDailyTable>;
/** A session's usage on a day in a zone, as a batch adds it: raw and billed (rounded) bytes. */
export type SessionUsageRow = Insertable<SessionUsageDailyTable> & {
  bytes: number;
  billed_bytes: number;
};
/** Sightings of an IMSI no SIM has, as a batch counts them. */
export type UnknownImsiRow = {
  imsi: string;
  source: string;
  plmn: string | null;
  first: Date;
  last: Date;
  count: number;
};

const SESSION_TIMES = ["started_at", "last_update_at", "ended_at", "last_traffic_at"] as const;
const STATE_TIMES = [
  "last_seen",
  "imei_changed_at",
  "updated_at",
  "barred_at",
  "last_activity_at",
  "silence_check_at",
  "silent_since",
] as const;

/** Rows read back through JSON: its timestamps (ISO strings there) as Dates again; bigints are numbers. */
function revive<T>(json: unknown, times: readonly string[]): T[] {
  const rows = (typeof json === "string" ? JSON.parse(json) : (json ?? [])) as Record<
    string,
    unknown
  >[];
  for (const row of rows)
    for (const c of times) if (typeof row[c] === "string") row[c] = new Date(row[c] as string);
  return rows as T[];
}

/** The columns of a data session as a batch writes them, in `jsonb_to_recordset` form. */
const SESSION_COLUMNS =
  sql.raw(`id uuid, account_id uuid, client_id uuid, acct_session_id text, sim_id uuid,
  imsi text, msisdn text, charging_id bigint, nas_ip text, apn text, ip text, rat text, rat_code integer,
  mcc text, mnc text, location jsonb, imeisv text, status text, started_at timestamptz,
  last_update_at timestamptz, ended_at timestamptz, bytes_up bigint, bytes_down bigint,
  session_time integer, terminate_cause text, last_traffic_at timestamptz, superseded boolean,
  billing_unit integer`);
const SESSION_NAMES =
  sql.raw(`id, account_id, client_id, acct_session_id, sim_id, imsi, msisdn, charging_id,
  nas_ip, apn, ip, rat, rat_code, mcc, mnc, location, imeisv, status, started_at, last_update_at, ended_at,
  bytes_up, bytes_down, session_time, terminate_cause, last_traffic_at, superseded, billing_unit`);

type Locked = { sessions: SessionRow[]; states: StateRow[] };

/** The group commit's statements run for every batch with the same text: parsed once per connection. */
const prepared = sql.raw(PREPARED);

/**
 * `fresh` and `stored`, for a WITH clause: each dedupe key not stored yet is stored
 * (`accounting_record_keys`, where deduplication is exact) and its record with it, once however
 * often the rows carry it; `fresh` returns the keys that were new.
 */
function newRecords(
  receivedAt: Date,
  rows: Omit<Insertable<AccountingRecordsTable>, "received_at">[],
) {
  return sql`fresh AS (
        INSERT INTO accounting_record_keys (dedupe_key, received_at)
        SELECT k, ${receivedAt}::timestamptz FROM unnest(${rows.map((r) => r.dedupe_key)}::text[]) AS k
        ON CONFLICT DO NOTHING
        RETURNING dedupe_key
      ), stored AS (
        INSERT INTO accounting_records (id, dedupe_key, client_id, account_id, sim_id, imsi, acct_session_id,
                                        status, event_at, received_at, record)
        SELECT DISTINCT ON (r.dedupe_key) r.id, r.dedupe_key, r.client_id, r.account_id, r.sim_id, r.imsi,
               r.acct_session_id, r.status, r.event_at, ${receivedAt}::timestamptz, r.record
          FROM jsonb_to_recordset(${JSON.stringify(rows.map((r, ord) => ({ ...r, ord })))}::jsonb)
               AS r(ord integer, id uuid, dedupe_key text, client_id uuid, account_id uuid, sim_id uuid, imsi text,
                    acct_session_id text, status text, event_at timestamptz, record jsonb)
          JOIN fresh USING (dedupe_key)
         ORDER BY r.dedupe_key, r.ord
        RETURNING 1
      )`;
}

/** `s` and `n`, for a WITH clause: the current sessions with these keys and these SIMs' states, locked. */
function lockedRows(keys: { clientId: string; acctSessionId: string }[], simIds: string[]) {
  return sql`s AS (
        SELECT d.* FROM data_sessions d
          JOIN unnest(${keys.map((k) => k.clientId)}::uuid[], ${keys.map((k) => k.acctSessionId)}::text[])
               AS k(client_id, acct_session_id)
            ON d.client_id = k.client_id AND d.acct_session_id = k.acct_session_id
         WHERE NOT d.superseded
         ORDER BY d.id
           FOR UPDATE OF d
      ), n AS (
        SELECT * FROM sim_network_state WHERE sim_id = ANY(${simIds}::uuid[]) ORDER BY sim_id FOR UPDATE
      )`;
}

function revived(row: { sessions: unknown; states: unknown }): Locked {
  return {
    sessions: revive<SessionRow>(row.sessions, SESSION_TIMES),
    states: revive<StateRow>(row.states, STATE_TIMES),
  };
}

/** Queries over RADIUS accounting records and the data sessions built from them. */
export const sessionsRepo = {
  /**
   * A batch's accounting records, in one statement: each dedupe key not stored yet is stored
   * (`accounting_record_keys`, where deduplication is exact) and its record with it — once, however
   * often the batch carries it. Returns the keys that were new.
   */
  storeNewRecords: async (
    tx: Tx,
    receivedAt: Date,
    rows: Omit<Insertable<AccountingRecordsTable>, "received_at">[],
  ): Promise<Set<string>> => {
    if (rows.length === 0) return new Set();
    const res = await sql<{ dedupe_key: string }>`${prepared}
      WITH ${newRecords(receivedAt, rows)}
      SELECT dedupe_key FROM fresh`.execute(tx);
    return new Set(res.rows.map((r) => r.dedupe_key));
  },

  /**
   * What a run of accounting records folds over, read and locked in one statement: the current (not
   * superseded) sessions with these gateways' Acct-Session-Ids and these SIMs' network states.
   */
  lockForFold: async (
    tx: Tx,
    keys: { clientId: string; acctSessionId: string }[],
    simIds: string[],
  ): Promise<Locked> => {
    if (keys.length === 0 && simIds.length === 0) return { sessions: [], states: [] };
    const res = await sql<{ sessions: unknown; states: unknown }>`${prepared}
      WITH ${lockedRows(keys, simIds)}
      SELECT (SELECT json_agg(s) FROM s) AS sessions, (SELECT json_agg(n) FROM n) AS states`.execute(
      tx,
    );
    return revived(res.rows[0]!);
  },

  /**
   * `storeNewRecords` and `lockForFold` in one statement, for a batch that is folded in one run (no
   * Accounting-On/Off among its records): the keys that were new, and the rows the run folds over,
   * locked.
   */
  storeNewRecordsAndLock: async (
    tx: Tx,
    receivedAt: Date,
    rows: Omit<Insertable<AccountingRecordsTable>, "received_at">[],
    keys: { clientId: string; acctSessionId: string }[],
    simIds: string[],
  ): Promise<{ fresh: Set<string> } & Locked> => {
    if (rows.length === 0) return { fresh: new Set(), sessions: [], states: [] };
    const res = await sql<{
      fresh: string[] | null;
      sessions: unknown;
      states: unknown;
    }>`${prepared}
      WITH ${newRecords(receivedAt, rows)}, ${lockedRows(keys, simIds)}
      SELECT (SELECT array_agg(dedupe_key) FROM fresh) AS fresh,
             (SELECT json_agg(s) FROM s) AS sessions, (SELECT json_agg(n) FROM n) AS states`.execute(
      tx,
    );
    const row = res.rows[0]!;
    return { fresh: new Set(row.fresh ?? []), ...revived(row) };
  },

  /**
   * Writes what a run of accounting records changed, in one statement: its sessions as they now are
   * (new ones inserted, the others — locked by `lockForFold` — overwritten), the bytes added to
   * SIMs' daily usage, SIMs' states and the sightings of unknown IMSIs. Sessions superseded by a
   * reused Acct-Session-Id are marked first, on their own, so the new session's key is free.
   */
  saveFold: async (
    tx: Tx,
    w: {
      superseded: string[];
      sessions: SessionRow[];
      usage: UsageRow[];
      sessionUsage: SessionUsageRow[];
      states: StateRow[];
      unknown: UnknownImsiRow[];
    },
  ) => {
    if (w.superseded.length > 0)
      await sql`UPDATE data_sessions SET superseded = true WHERE id = ANY(${w.superseded}::uuid[])`.execute(
        tx,
      );
    if (
      w.sessions.length +
        w.usage.length +
        w.sessionUsage.length +
        w.states.length +
        w.unknown.length ===
      0
    )
      return;
    await sql`${prepared}
      WITH sessions AS (
        INSERT INTO data_sessions (${SESSION_NAMES})
        SELECT ${SESSION_NAMES} FROM jsonb_to_recordset(${JSON.stringify(w.sessions)}::jsonb) AS t(${SESSION_COLUMNS})
        ORDER BY id
        ON CONFLICT (id) DO UPDATE SET
          account_id = excluded.account_id, sim_id = excluded.sim_id, imsi = excluded.imsi,
          msisdn = excluded.msisdn, charging_id = excluded.charging_id, nas_ip = excluded.nas_ip,
          apn = excluded.apn, ip = excluded.ip, rat = excluded.rat, rat_code = excluded.rat_code,
          mcc = excluded.mcc, mnc = excluded.mnc, location = excluded.location, imeisv = excluded.imeisv,
          status = excluded.status, started_at = excluded.started_at,
          last_update_at = excluded.last_update_at, ended_at = excluded.ended_at,
          bytes_up = greatest(data_sessions.bytes_up, excluded.bytes_up),
          bytes_down = greatest(data_sessions.bytes_down, excluded.bytes_down),
          session_time = excluded.session_time, terminate_cause = excluded.terminate_cause,
          last_traffic_at = excluded.last_traffic_at, superseded = excluded.superseded,
          billing_unit = coalesce(data_sessions.billing_unit, excluded.billing_unit)
      ), usage AS (
        INSERT INTO usage_daily (sim_id, day, zone_key, zone_id, account_id, bytes_up, bytes_down, billed_bytes)
        SELECT sim_id, day, zone_key, zone_id, account_id, bytes_up, bytes_down, coalesce(billed_bytes, 0)
          FROM jsonb_to_recordset(${JSON.stringify(w.usage)}::jsonb)
               AS t(sim_id uuid, day date, zone_key text, zone_id uuid, account_id uuid, bytes_up bigint,
                    bytes_down bigint, billed_bytes bigint)
         ORDER BY sim_id, day, zone_key
        ON CONFLICT (sim_id, day, zone_key) DO UPDATE SET
          bytes_up = usage_daily.bytes_up + excluded.bytes_up,
          bytes_down = usage_daily.bytes_down + excluded.bytes_down,
          billed_bytes = usage_daily.billed_bytes + excluded.billed_bytes
      ), session_usage AS (
        INSERT INTO session_usage_daily (sim_id, day, zone_key, session_id, zone_id, account_id, bytes, billed_bytes)
        SELECT sim_id, day, zone_key, session_id, zone_id, account_id, bytes, billed_bytes
          FROM jsonb_to_recordset(${JSON.stringify(w.sessionUsage)}::jsonb)
               AS t(sim_id uuid, day date, zone_key text, session_id uuid, zone_id uuid, account_id uuid,
                    bytes bigint, billed_bytes bigint)
         ORDER BY sim_id, day, zone_key, session_id
        ON CONFLICT (sim_id, day, zone_key, session_id) DO UPDATE SET
          bytes = session_usage_daily.bytes + excluded.bytes,
          billed_bytes = session_usage_daily.billed_bytes + excluded.billed_bytes
      ), states AS (
        INSERT INTO sim_network_state (${STATE_NAMES})
        SELECT ${STATE_NAMES} FROM jsonb_to_recordset(${JSON.stringify(w.states)}::jsonb) AS t(${STATE_COLUMNS})
         ORDER BY sim_id
        ON CONFLICT (sim_id) DO UPDATE SET
          account_id = excluded.account_id, last_seen = excluded.last_seen,
          last_registration = excluded.last_registration, imei = excluded.imei, imeisv = excluded.imeisv,
          previous_imei = excluded.previous_imei, imei_changed_at = excluded.imei_changed_at,
          mcc = excluded.mcc, mnc = excluded.mnc, rat = excluded.rat, location = excluded.location,
          updated_at = excluded.updated_at, barred_at = excluded.barred_at,
          barred_reason = excluded.barred_reason, zone_key = excluded.zone_key,
          last_activity_at = excluded.last_activity_at, silence_check_at = excluded.silence_check_at,
          silent_since = excluded.silent_since, total_bytes = excluded.total_bytes,
          cycle_start = excluded.cycle_start, cycle_bytes = excluded.cycle_bytes,
          usage_cycle_start = excluded.usage_cycle_start, usage_cycle_bytes = excluded.usage_cycle_bytes
      ), unknown AS (
        INSERT INTO unknown_imsis (imsi, first_seen, last_seen, last_source, last_plmn, occurrences)
        SELECT imsi, first, last, source, plmn, count
          FROM jsonb_to_recordset(${JSON.stringify(w.unknown)}::jsonb)
               AS t(imsi text, source text, plmn text, first timestamptz, last timestamptz, count integer)
         ORDER BY imsi
        ON CONFLICT (imsi) DO UPDATE SET
          last_seen = greatest(unknown_imsis.last_seen, excluded.last_seen),
          occurrences = unknown_imsis.occurrences + excluded.occurrences,
          last_source = excluded.last_source,
          last_plmn = coalesce(excluded.last_plmn, unknown_imsis.last_plmn)
      )
      SELECT 1`.execute(tx);
  },

  /** Closes every session the gateway had open when it restarted at `at` (Accounting-On/Off). */
  closeAfterGatewayRestart: (tx: Tx, clientId: string, at: Date) =>
    tx
      .updateTable("data_sessions")
      .set({ status: "closed", ended_at: at, terminate_cause: "NAS-Reboot", last_update_at: at })
      .where("client_id", "=", clientId)
      .where("status", "=", "open")
      .where("started_at", "<=", at)
      .execute(),

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

const SESSION_ROW: SessionRow = {
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
  bytes_up: 1200,
  bytes_down: 3400,
  session_time: 60,
  terminate_cause: null,
  last_traffic_at: AT,
  superseded: false,
  billing_unit: 1024,
};

const STATE_ROW: StateRow = {
  sim_id: SIM,
  account_id: "0190a8a0-0000-7000-8000-000000000005",
  last_seen: AT,
  last_registration: null,
  imei: "356938035643809",
  imeisv: null,
  previous_imei: null,
  imei_changed_at: null,
  mcc: "234",
  mnc: "15",
  rat: "LTE",
  location: null,
  updated_at: AT,
  barred_at: null,
  barred_reason: null,
  zone_key: "23415|zone:0190a8a0-0000-7000-8000-000000000003",
  last_activity_at: AT,
  silence_check_at: AT,
  silent_since: null,
  total_bytes: 4600,
  cycle_start: "2026-12-01",
  cycle_bytes: 4600,
  usage_cycle_start: "2026-11-15",
  usage_cycle_bytes: 4600,
};

export const sessionsRepoSql: SqlExamples<typeof sessionsRepo> = {
  storeNewRecords: [
    [
      AT,
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
          record: {},
        },
      ],
    ],
  ],
  lockForFold: [[[{ clientId: CLIENT, acctSessionId: "4711" }], [SIM]]],
  storeNewRecordsAndLock: [
    [
      AT,
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
          record: {},
        },
      ],
      [{ clientId: CLIENT, acctSessionId: "4711" }],
      [SIM],
    ],
  ],
  saveFold: [
    [
      {
        superseded: [],
        sessions: [SESSION_ROW],
        usage: [
          {
            sim_id: SIM,
            day: "2026-12-01",
            zone_key: "unzoned",
            zone_id: null,
            account_id: SESSION_ROW.account_id,
            bytes_up: 1200,
            bytes_down: 3400,
            billed_bytes: 5120,
          },
        ],
        sessionUsage: [
          {
            session_id: SESSION,
            sim_id: SIM,
            day: "2026-12-01",
            zone_key: "unzoned",
            zone_id: null,
            account_id: SESSION_ROW.account_id,
            bytes: 4600,
            billed_bytes: 5120,
          },
        ],
        states: [STATE_ROW],
        unknown: [
          {
            imsi: "234150000000009",
            source: "radius",
            plmn: "23415",
            first: AT,
            last: AT,
            count: 2,
          },
        ],
      },
    ],
    [
      {
        superseded: [SESSION],
        sessions: [SESSION_ROW],
        usage: [],
        sessionUsage: [],
        states: [],
        unknown: [],
      },
    ],
  ],
  closeAfterGatewayRestart: [[CLIENT, AT]],
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
