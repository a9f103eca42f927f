import { type Insertable, type Selectable, sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type {
  RegistrationEventsTable,
  SimNetworkStateTable,
  UsageDailyTable,
} from "../../db/schema.js";
import type { SimState } from "../sims/sim-lifecycle.js";
import type { Iccid } from "../../lib/identifiers.js";
import { iccidOf, simIdsWithin } from "../sims/sim-lookup.shared.repo.js";
import { withinSubtree } from "../tenancy/tenancy.js";

const REGISTRATION_EVENT_COLUMNS = [
  "id",
  "event_id",
  "account_id",
  "sim_id",
  "imsi",
  "type",
  "result",
  "cause",
  "cause_type",
  "visited_plmn",
  "rat",
  "imei",
  "at",
  "received_at",
] as const satisfies readonly (keyof RegistrationEventsTable)[];

/**
 * Queries over what the network reported of each SIM: its state (`sim_network_state`), registration
 * events, daily usage per zone and IMSIs no SIM has.
 */
export type StateRow = Selectable<SimNetworkStateTable>;

export const STATE_COLUMNS =
  sql.raw(`sim_id uuid, account_id uuid, last_seen timestamptz, last_registration jsonb,
  imei text, imeisv text, previous_imei text, imei_changed_at timestamptz, mcc text, mnc text, rat text,
  location jsonb, updated_at timestamptz, barred_at timestamptz, barred_reason text, zone_key text,
  last_activity_at timestamptz, silence_check_at timestamptz, silent_since timestamptz,
  total_bytes bigint, cycle_start date, cycle_bytes bigint, usage_cycle_start date,
  usage_cycle_bytes bigint`);
export const STATE_NAMES =
  sql.raw(`sim_id, account_id, last_seen, last_registration, imei, imeisv, previous_imei,
  imei_changed_at, mcc, mnc, rat, location, updated_at, barred_at, barred_reason, zone_key,
  last_activity_at, silence_check_at, silent_since, total_bytes, cycle_start, cycle_bytes,
  usage_cycle_start, usage_cycle_bytes`);

export const networkRepo = {
  /**
   * Adds to SIMs' usage per day and zone (bytes, billed bytes, SMS; what a row leaves out adds 0), one
   * row per (SIM, day, zone) in one statement.
   */
  addUsageMany: async (tx: Tx, rows: Insertable<UsageDailyTable>[]) => {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO usage_daily (sim_id, day, zone_key, zone_id, account_id, bytes_up, bytes_down, billed_bytes,
                               sms_mo, sms_mt)
      SELECT sim_id, day, zone_key, zone_id, account_id, coalesce(bytes_up, 0), coalesce(bytes_down, 0),
             coalesce(billed_bytes, 0), coalesce(sms_mo, 0), coalesce(sms_mt, 0)
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             AS t(sim_id uuid, day date, zone_key text, zone_id uuid, account_id uuid, bytes_up bigint, bytes_down bigint,
                  billed_bytes bigint, sms_mo integer, sms_mt integer)
       ORDER BY sim_id, day, zone_key
      ON CONFLICT (sim_id, day, zone_key) DO UPDATE SET
        bytes_up = usage_daily.bytes_up + excluded.bytes_up,
        bytes_down = usage_daily.bytes_down + excluded.bytes_down,
        billed_bytes = usage_daily.billed_bytes + excluded.billed_bytes,
        sms_mo = usage_daily.sms_mo + excluded.sms_mo,
        sms_mt = usage_daily.sms_mt + excluded.sms_mt`.execute(tx);
  },

  /** Counts a sighting of an IMSI that no SIM has. */
  noteUnknownImsi: (tx: Tx, imsi: string, source: string, plmn: string | null, at: Date) =>
    tx
      .insertInto("unknown_imsis")
      .values({ imsi, first_seen: at, last_seen: at, last_source: source, last_plmn: plmn })
      .onConflict((oc) =>
        oc.column("imsi").doUpdateSet({
          last_seen: sql`greatest(unknown_imsis.last_seen, excluded.last_seen)`,
          occurrences: sql`unknown_imsis.occurrences + 1`,
          last_source: source,
          last_plmn: sql`coalesce(excluded.last_plmn, unknown_imsis.last_plmn)`,
        }),
      )
      .execute(),

  /** Bytes the SIM used on the days `from`..`to` (each bound only when given), both included. */
  usedBytes: (db: Executor, simId: string, days: { from?: string; to?: string } = {}) => {
    let q = db
      .selectFrom("usage_daily")
      .select(sql<number>`coalesce(sum(bytes_up + bytes_down), 0)::bigint`.as("total"))
      .where("sim_id", "=", simId);
    if (days.from !== undefined) q = q.where("day", ">=", days.from);
    if (days.to !== undefined) q = q.where("day", "<=", days.to);
    return q.executeTakeFirst();
  },

  /** The SIM's usage per day and zone on the days `from`..`to` while its account lay in the subtree at `scopePath`, by day. */
  usageDaysForSim: (db: Executor, simId: string, scopePath: string, from: string, to: string) =>
    db
      .selectFrom("usage_daily")
      .select([
        "usage_daily.day",
        "usage_daily.zone_id",
        "usage_daily.bytes_up",
        "usage_daily.bytes_down",
        "usage_daily.billed_bytes",
        "usage_daily.sms_mo",
        "usage_daily.sms_mt",
      ])
      .where("usage_daily.sim_id", "=", simId)
      .where((eb) => withinSubtree(eb, "usage_daily.account_id", scopePath))
      .where("usage_daily.day", ">=", from)
      .where("usage_daily.day", "<=", to)
      .orderBy("usage_daily.day")
      .execute(),

  state: (db: Executor, simId: string) =>
    db.selectFrom("sim_network_state").selectAll().where("sim_id", "=", simId).executeTakeFirst(),

  /** The SIM's state, locked until the transaction ends. */
  lockState: (tx: Tx, simId: string) =>
    tx
      .selectFrom("sim_network_state")
      .selectAll()
      .where("sim_id", "=", simId)
      .forUpdate()
      .executeTakeFirst(),

  saveState: (tx: Tx, row: Insertable<SimNetworkStateTable>) =>
    tx
      .insertInto("sim_network_state")
      .values(row)
      .onConflict((oc) => oc.column("sim_id").doUpdateSet(row))
      .execute(),

  /** `key` is `<plmn>|zone:<id>` or `<plmn>|country:<code>`: the network and where it put the SIM. */
  setZoneKey: (tx: Tx, simId: string, key: string) =>
    tx
      .updateTable("sim_network_state")
      .set({ zone_key: key })
      .where("sim_id", "=", simId)
      .execute(),

  /**
   * Up to `limit` SIMs due for a silence check and not yet silent, soonest due first, locked
   * (`SKIP LOCKED`: nodes share the round).
   */
  lockDueForSilenceCheck: (tx: Tx, now: Date, limit: number) =>
    tx
      .selectFrom("sim_network_state")
      .select(["sim_network_state.sim_id", "sim_network_state.last_activity_at"])
      .where("sim_network_state.silent_since", "is", null)
      .where("sim_network_state.silence_check_at", "<=", now)
      .orderBy("sim_network_state.silence_check_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  setSilenceCheck: (tx: Tx, simId: string, at: Date) =>
    tx
      .updateTable("sim_network_state")
      .set({ silence_check_at: at })
      .where("sim_id", "=", simId)
      .execute(),

  /** Starts a silence episode; the next activity ends it (signals service). */
  markSilent: (tx: Tx, simId: string, since: Date) =>
    tx
      .updateTable("sim_network_state")
      .set({ silent_since: since, silence_check_at: null })
      .where("sim_id", "=", simId)
      .execute(),

  /**
   * SIMs of the subtree at `scopePath` in one of `states`, whose last activity is at or before
   * `before`: oldest silence first, in pages (`after` is the last row of the previous page).
   */
  quietSims: (
    db: Executor,
    opts: {
      scopePath: string;
      states: readonly SimState[];
      before: Date;
      after?: { lastActivityAt: Date; simId: string };
      limit: number;
    },
  ) => {
    let q = db
      .selectFrom("sim_network_state")
      .select((eb) => [
        "sim_network_state.sim_id as simId",
        iccidOf(eb, "sim_network_state.sim_id").as("iccid"),
        "sim_network_state.last_activity_at as lastActivityAt",
      ])
      .where("sim_network_state.sim_id", "in", simIdsWithin(opts.scopePath, opts.states))
      .where("sim_network_state.last_activity_at", "<=", opts.before)
      // Only SIMs of the subtree are listed, so each has an ICCID.
      .$narrowType<{ iccid: Iccid }>();
    if (opts.after) {
      const { lastActivityAt, simId } = opts.after;
      q = q.where((eb) =>
        eb.or([
          eb("sim_network_state.last_activity_at", ">", lastActivityAt),
          eb.and([
            eb("sim_network_state.last_activity_at", "=", lastActivityAt),
            eb("sim_network_state.sim_id", ">", simId),
          ]),
        ]),
      );
    }
    return q
      .orderBy("sim_network_state.last_activity_at")
      .orderBy("sim_network_state.sim_id")
      .limit(opts.limit)
      .execute();
  },

  /**
   * Stores a registration event unless one with its event id is stored; returns its id, or nothing
   * for a duplicate. The id goes into `registration_event_keys`, unique across the partitions of
   * `registration_events` (migration 0018), in the same statement: the event is written only when
   * its id is new.
   */
  insertRegistrationEvent: (tx: Tx, row: Insertable<RegistrationEventsTable>) =>
    tx
      .with("new_key", (db) =>
        db
          .insertInto("registration_event_keys")
          .values({ event_id: row.event_id, received_at: row.received_at })
          .onConflict((oc) => oc.column("event_id").doNothing())
          .returning("event_id"),
      )
      .insertInto("registration_events")
      .columns(REGISTRATION_EVENT_COLUMNS)
      .expression((eb) =>
        eb
          .selectFrom("new_key")
          .select(REGISTRATION_EVENT_COLUMNS.map((c) => sql`${row[c] ?? null}`.as(c))),
      )
      .returning("id")
      .executeTakeFirst(),

  /**
   * The SIM's registration events, newest first. The HLR/HSS stamps them coarsely (often to the
   * second), so a rejection and an acceptance can share a time: ties go by arrival — the row key is a
   * UUIDv7 made when the event is stored — matching the SIM's state, where the later arrival wins
   * (signals.service.ts, touchState).
   */
  recentRegistrations: (db: Executor, simId: string, limit: number) =>
    db
      .selectFrom("registration_events")
      .selectAll()
      .where("sim_id", "=", simId)
      .orderBy("registration_events.at", "desc")
      .orderBy("registration_events.id", "desc")
      .limit(limit)
      .execute(),

  /** Like `recentRegistrations`, from the time the SIM's account lay in the subtree at `scopePath`, before `before` if given. */
  timelineRegistrations: (
    db: Executor,
    simId: string,
    scopePath: string,
    opts: { before: Date | null; limit: number },
  ) => {
    let q = db
      .selectFrom("registration_events")
      .selectAll()
      .where("sim_id", "=", simId)
      .where((eb) => withinSubtree(eb, "registration_events.account_id", scopePath));
    if (opts.before) q = q.where("at", "<", opts.before);
    return q
      .orderBy("registration_events.at", "desc")
      .orderBy("registration_events.id", "desc")
      .limit(opts.limit)
      .execute();
  },

  /** The SIM's first accepted location update after `since`. */
  firstAcceptedRegistrationAfter: (db: Executor, simId: string, since: Date) =>
    db
      .selectFrom("registration_events")
      .select(["at", "visited_plmn"])
      .where("sim_id", "=", simId)
      .where("type", "=", "location_update")
      .where("result", "=", "accepted")
      .where("at", ">", since)
      .orderBy("at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst(),

  /** Unknown IMSIs in IMSI order after `after`; one row more than `limit` tells a next page. */
  unknownImsis: (db: Executor, opts: { after?: string; limit: number }) => {
    let q = db.selectFrom("unknown_imsis").selectAll();
    if (opts.after) q = q.where("imsi", ">", opts.after);
    return q
      .orderBy("imsi")
      .limit(opts.limit + 1)
      .execute();
  },
};

const SIM = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const PATH = "/0190a8a0-0000-7000-8000-000000000002/";
const AT = new Date("2026-12-01T00:00:00Z");

export const networkRepoSql: SqlExamples<typeof networkRepo> = {
  addUsageMany: [
    [
      [
        {
          sim_id: SIM,
          day: "2026-12-01",
          zone_key: "0190a8a0-0000-7000-8000-000000000003",
          zone_id: "0190a8a0-0000-7000-8000-000000000003",
          account_id: ACCOUNT,
          bytes_up: 1200,
          bytes_down: 3400,
        },
      ],
    ],
  ],
  noteUnknownImsi: [["234150000000009", "radius", "23415", AT]],
  usedBytes: [[SIM], [SIM, { from: "2026-12-01", to: "2026-12-06" }]],
  usageDaysForSim: [[SIM, PATH, "2026-12-01", "2026-12-31"]],
  state: [[SIM]],
  lockState: [[SIM]],
  saveState: [
    [
      {
        sim_id: SIM,
        account_id: ACCOUNT,
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
      },
    ],
  ],
  setZoneKey: [[SIM, "23415|zone:0190a8a0-0000-7000-8000-000000000003"]],
  lockDueForSilenceCheck: [[AT, 200]],
  setSilenceCheck: [[SIM, AT]],
  markSilent: [[SIM, AT]],
  quietSims: [
    [{ scopePath: PATH, states: ["ACTIVATED", "TEST_READY"], before: AT, limit: 100 }],
    [
      {
        scopePath: PATH,
        states: ["ACTIVATED", "TEST_READY"],
        before: AT,
        after: { lastActivityAt: AT, simId: SIM },
        limit: 100,
      },
    ],
  ],
  insertRegistrationEvent: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000004",
        event_id: "hss-0001",
        account_id: ACCOUNT,
        sim_id: SIM,
        imsi: "234150000000001",
        type: "location_update",
        result: "accepted",
        cause: null,
        cause_type: null,
        visited_plmn: "23415",
        rat: "LTE",
        imei: null,
        at: AT,
        received_at: AT,
      },
    ],
  ],
  recentRegistrations: [[SIM, 20]],
  timelineRegistrations: [
    [SIM, PATH, { before: null, limit: 50 }],
    [SIM, PATH, { before: AT, limit: 50 }],
  ],
  firstAcceptedRegistrationAfter: [[SIM, AT]],
  unknownImsis: [[{ limit: 50 }], [{ after: "234150000000009", limit: 50 }]],
};
