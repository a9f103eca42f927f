import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrate } from "../../src/db/database.js";
import { migrationProvider } from "../../src/db/migrations/index.js";
import { createTestDatabase } from "../support/engine.js";

/**
 * Migration 0018 turns the network tables of an Otter already in use into partitioned ones: every
 * row is still there, in the partition of its month, and what was a duplicate stays one.
 */
let database: Database;
const ACCOUNT = "0190a8a0-0000-7000-8000-00000000000a";
const CLIENT = "0190a8a0-0000-7000-8000-00000000000b";
const SIM = "0190a8a0-0000-7000-8000-00000000000c";

beforeAll(async () => {
  database = await createTestDatabase();
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider,
    migrationTableName: "otter_migrations",
    migrationLockTableName: "otter_migrations_lock",
  });
  const { error } = await migrator.migrateTo("0016_account_scope");
  if (error) throw error;
  const db = database.db;
  await sql`INSERT INTO accounting_records
      (id, dedupe_key, client_id, account_id, sim_id, imsi, acct_session_id, status, event_at, received_at, record)
    VALUES
      (gen_random_uuid(), 'k-nov', ${CLIENT}, ${ACCOUNT}, ${SIM}, '234150000000001', 's1', 'start',
       '2026-11-30 23:59:00+00', '2026-11-30 23:59:30+00', '{}'),
      (gen_random_uuid(), 'k-dec', ${CLIENT}, ${ACCOUNT}, ${SIM}, '234150000000001', 's1', 'interim',
       '2026-12-01 00:10:00+00', '2026-12-01 00:10:01+00', '{"bytes":1}')`.execute(db);
  await sql`INSERT INTO registration_events
      (id, event_id, account_id, sim_id, imsi, type, result, at, received_at)
    VALUES
      (gen_random_uuid(), 'hss-1', ${ACCOUNT}, ${SIM}, '234150000000001', 'location_update', 'accepted',
       '2026-10-01 10:00:00+00', '2026-10-01 10:00:01+00')`.execute(db);
  await sql`INSERT INTO usage_daily (sim_id, day, zone_key, account_id, bytes_up, bytes_down)
    VALUES (${SIM}, '2026-09-30', 'z', ${ACCOUNT}, 5, 7), (${SIM}, '2026-12-01', 'z', ${ACCOUNT}, 1, 2)`.execute(
    db,
  );
  await migrate(db);
});
afterAll(async () => {
  await database?.close();
});

const rows = async (query: string) => (await sql.raw<any>(query).execute(database.db)).rows;

describe("migration 0018 over tables in use", () => {
  it("keeps every row, each in the partition of its month", async () => {
    expect(
      await rows(
        `SELECT dedupe_key, tableoid::regclass::text AS part, record FROM accounting_records ORDER BY dedupe_key`,
      ),
    ).toEqual([
      { dedupe_key: "k-dec", part: "accounting_records_p202612", record: { bytes: 1 } },
      { dedupe_key: "k-nov", part: "accounting_records_p202611", record: {} },
    ]);
    expect(
      await rows(`SELECT event_id, tableoid::regclass::text AS part FROM registration_events`),
    ).toEqual([{ event_id: "hss-1", part: "registration_events_p202610" }]);
    expect(
      await rows(
        `SELECT day, bytes_up + bytes_down AS bytes, tableoid::regclass::text AS part FROM usage_daily ORDER BY day`,
      ),
    ).toEqual([
      { day: "2026-09-30", bytes: 12, part: "usage_daily_p202609" },
      { day: "2026-12-01", bytes: 3, part: "usage_daily_p202612" },
    ]);
  });

  it("carries the dedupe keys over, so a record or event stored before stays a duplicate", async () => {
    expect(
      await rows(`SELECT dedupe_key, received_at FROM accounting_record_keys ORDER BY dedupe_key`),
    ).toEqual([
      { dedupe_key: "k-dec", received_at: new Date("2026-12-01T00:10:01Z") },
      { dedupe_key: "k-nov", received_at: new Date("2026-11-30T23:59:30Z") },
    ]);
    expect(await rows(`SELECT event_id FROM registration_event_keys`)).toEqual([
      { event_id: "hss-1" },
    ]);
  });

  it("keeps the indexes the diagnosis and usage reads use, on every partition", async () => {
    expect(
      await rows(
        `SELECT indexrelid::regclass::text AS name FROM pg_index
         WHERE indrelid IN ('accounting_records'::regclass, 'registration_events'::regclass, 'usage_daily'::regclass)
         ORDER BY 1`,
      ),
    ).toEqual([
      { name: "accounting_records_pkey" },
      { name: "accounting_records_sim_idx" },
      { name: "registration_events_pkey" },
      { name: "registration_events_sim_idx" },
      // A billing run finds one customer's days (migration 0029); partitions inherit it too.
      { name: "usage_daily_account_day_idx" },
      { name: "usage_daily_pkey" },
    ]);
    expect(
      await rows(
        `SELECT substring(indexdef from 'USING btree .*') AS def FROM pg_indexes
         WHERE tablename = 'registration_events_p202610' ORDER BY 1`,
      ),
    ).toEqual([{ def: "USING btree (id, received_at)" }, { def: "USING btree (sim_id, at DESC)" }]);
  });

  it("adds a DEFAULT partition to each table", async () => {
    expect(
      await rows(
        `SELECT c.relname AS name FROM pg_class c WHERE c.relispartition AND c.relname LIKE '%_default' ORDER BY 1`,
      ),
    ).toEqual([
      { name: "accounting_records_default" },
      { name: "registration_events_default" },
      // Each session's share of a day's usage (migration 0030), partitioned the same way.
      { name: "session_usage_daily_default" },
      { name: "usage_daily_default" },
    ]);
  });
});
