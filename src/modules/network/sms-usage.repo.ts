import { sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** One SMS to count into daily usage, as a batch hands it over. */
export interface SmsUsageInput {
  id: string;
  source: "otter" | "smsc";
  /** Otter: `<sms id>:<segment>`; SMS centre: the centre's record id. Stored once per source. */
  record_id: string;
  account_id: string;
  sim_id: string;
  direction: "MO" | "MT";
  /** The SMS centre's message id of the segment, when known: an MT is counted once per SIM and id. */
  message_id: string | null;
  at: Date;
  day: string;
  zone_key: string;
  zone_id: string | null;
}

/** Queries over the ledger of counted SMS (`sms_usage`) and the SMS columns of daily usage. */
export const smsUsageRepo = {
  /**
   * Stores a batch of SMS and counts them into `usage_daily.sms_mo/sms_mt`, in one statement. A record
   * already stored (same source and record id) is left alone; an MT whose message id the SIM already
   * has counted (Otter's submission, or an earlier record) is stored uncounted — the partial unique
   * index `sms_usage_counted_message_idx` holds that even against a concurrent writer. Returns the
   * records stored now, with whether each was counted.
   */
  recordMany: async (tx: Tx, receivedAt: Date, rows: SmsUsageInput[]) => {
    if (rows.length === 0) return [];
    const res = await sql<{ source: string; record_id: string; counted: boolean }>`
      WITH input AS (
        SELECT DISTINCT ON (t.source, t.record_id) t.*
          FROM jsonb_to_recordset(${JSON.stringify(rows.map((r, ord) => ({ ...r, ord })))}::jsonb)
               AS t(ord integer, id uuid, source text, record_id text, account_id uuid, sim_id uuid,
                    direction text, message_id text, at timestamptz, day date, zone_key text, zone_id uuid)
         ORDER BY t.source, t.record_id, t.ord
      ), ranked AS (
        SELECT i.*, row_number() OVER (PARTITION BY i.sim_id, i.direction, i.message_id ORDER BY i.ord) AS nth
          FROM input i
          LEFT JOIN sms_usage known ON known.source = i.source AND known.record_id = i.record_id
         WHERE known.id IS NULL
      ), stored AS (
        INSERT INTO sms_usage (id, source, record_id, account_id, sim_id, direction, message_id, at, day,
                               zone_key, zone_id, counted, received_at)
        SELECT r.id, r.source, r.record_id, r.account_id, r.sim_id, r.direction, r.message_id, r.at, r.day,
               r.zone_key, r.zone_id,
               r.direction = 'MO' OR r.message_id IS NULL OR (r.nth = 1 AND NOT EXISTS (
                 SELECT 1 FROM sms_usage u
                  WHERE u.sim_id = r.sim_id AND u.message_id = r.message_id AND u.direction = 'MT' AND u.counted)),
               ${receivedAt}::timestamptz
          FROM ranked r
         ORDER BY r.ord
        ON CONFLICT DO NOTHING
        RETURNING source, record_id, counted, sim_id, day, zone_key, zone_id, account_id, direction
      ), usage AS (
        INSERT INTO usage_daily (sim_id, day, zone_key, zone_id, account_id, sms_mo, sms_mt)
        SELECT sim_id, day, zone_key, (array_agg(zone_id))[1], (array_agg(account_id))[1],
               count(*) FILTER (WHERE direction = 'MO'), count(*) FILTER (WHERE direction = 'MT')
          FROM stored
         WHERE counted
         GROUP BY sim_id, day, zone_key
         ORDER BY sim_id, day, zone_key
        ON CONFLICT (sim_id, day, zone_key) DO UPDATE SET
          sms_mo = usage_daily.sms_mo + excluded.sms_mo,
          sms_mt = usage_daily.sms_mt + excluded.sms_mt
      )
      SELECT source, record_id, counted FROM stored`.execute(tx);
    return res.rows;
  },

  /** Where these SIMs were last seen (MCC, MNC): the network an SMS without one is counted in. */
  lastNetworks: (db: Executor, simIds: readonly string[]) =>
    simIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("sim_network_state")
          .select(["sim_id", "mcc", "mnc"])
          .where("sim_id", "in", [...simIds])
          .execute(),
};

const SIM = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const ZONE = "0190a8a0-0000-7000-8000-000000000003";
const AT = new Date("2026-12-01T10:00:00Z");

export const smsUsageRepoSql: SqlExamples<typeof smsUsageRepo> = {
  recordMany: [
    [
      AT,
      [
        {
          id: "0190a8a0-0000-7000-8000-000000000004",
          source: "smsc",
          record_id: "smsc-cdr-0001",
          account_id: ACCOUNT,
          sim_id: SIM,
          direction: "MT",
          message_id: "5f2a01",
          at: AT,
          day: "2026-12-01",
          zone_key: ZONE,
          zone_id: ZONE,
        },
      ],
    ],
  ],
  lastNetworks: [[[SIM]]],
};
