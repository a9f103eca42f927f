import { type Kysely, sql } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * The network tables that grow with the feed are partitioned by time, so retention drops whole
 * partitions instead of deleting rows (docs/storage.md, "Network tables over time"):
 * - `accounting_records` and `registration_events` by `received_at` (when Otter stored them). A
 *   unique index of a partitioned table must contain the partition key, so their deduplication moves
 *   to keys tables that stay unique across partitions (`accounting_record_keys`,
 *   `registration_event_keys`), pruned with the retention;
 * - `usage_daily` by `day`; its primary key already contains it.
 *
 * Existing rows are copied into one partition per calendar month they fall in (UTC); partitions
 * ahead of time are made by the partition maintenance (src/modules/network/partitions.ts), which
 * also adds a DEFAULT partition for rows outside every range. Written to run whether or not
 * migration 0017 (accounting keys table) ran before it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE IF NOT EXISTS accounting_record_keys (
      dedupe_key text PRIMARY KEY,
      received_at timestamptz NOT NULL
    );
    INSERT INTO accounting_record_keys (dedupe_key, received_at)
      SELECT dedupe_key, received_at FROM accounting_records
      ON CONFLICT (dedupe_key) DO NOTHING;
    CREATE INDEX IF NOT EXISTS accounting_record_keys_received_idx ON accounting_record_keys (received_at);

    CREATE TABLE registration_event_keys (
      event_id text PRIMARY KEY,
      received_at timestamptz NOT NULL
    );
    INSERT INTO registration_event_keys (event_id, received_at)
      SELECT event_id, received_at FROM registration_events
      ON CONFLICT (event_id) DO NOTHING;
    CREATE INDEX registration_event_keys_received_idx ON registration_event_keys (received_at);

    ALTER TABLE accounting_records RENAME TO accounting_records_unpartitioned;
    ALTER TABLE accounting_records_unpartitioned DROP CONSTRAINT accounting_records_pkey;
    ALTER TABLE accounting_records_unpartitioned DROP CONSTRAINT IF EXISTS accounting_records_dedupe_key_key;
    CREATE TABLE accounting_records (
      id uuid NOT NULL,
      dedupe_key text NOT NULL,
      client_id uuid NOT NULL,
      account_id uuid NOT NULL,
      sim_id uuid,
      imsi text,
      acct_session_id text,
      status text NOT NULL,
      event_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      record jsonb NOT NULL,
      PRIMARY KEY (id, received_at)
    ) PARTITION BY RANGE (received_at);

    ALTER TABLE registration_events RENAME TO registration_events_unpartitioned;
    ALTER TABLE registration_events_unpartitioned DROP CONSTRAINT registration_events_pkey;
    ALTER TABLE registration_events_unpartitioned DROP CONSTRAINT registration_events_event_id_key;
    CREATE TABLE registration_events (
      id uuid NOT NULL,
      event_id text NOT NULL,
      account_id uuid NOT NULL,
      sim_id uuid,
      imsi text NOT NULL,
      type text NOT NULL,
      result text,
      cause integer,
      cause_type text,
      visited_plmn text,
      rat text,
      imei text,
      at timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (id, received_at)
    ) PARTITION BY RANGE (received_at);

    ALTER TABLE usage_daily RENAME TO usage_daily_unpartitioned;
    ALTER TABLE usage_daily_unpartitioned DROP CONSTRAINT usage_daily_pkey;
    CREATE TABLE usage_daily (
      sim_id uuid NOT NULL,
      day date NOT NULL,
      zone_key text NOT NULL,
      zone_id uuid,
      account_id uuid NOT NULL,
      bytes_up bigint NOT NULL DEFAULT 0,
      bytes_down bigint NOT NULL DEFAULT 0,
      sms_mo integer NOT NULL DEFAULT 0,
      sms_mt integer NOT NULL DEFAULT 0,
      PRIMARY KEY (sim_id, day, zone_key)
    ) PARTITION BY RANGE (day);
  `,
  );

  for (const table of ["accounting_records", "registration_events", "usage_daily"])
    await moveIndexes(db, table);
  await copyByMonth(db, "accounting_records", "received_at", "timestamptz");
  await copyByMonth(db, "registration_events", "received_at", "timestamptz");
  await copyByMonth(db, "usage_daily", "day", "date");
}

/**
 * Gives the partitioned table the non-unique indexes its old table had (the diagnosis and usage
 * reads use them: `accounting_records_sim_idx`, `registration_events_sim_idx`, and any an earlier
 * migration added), under the same names; the old ones go with the old table.
 */
async function moveIndexes(db: Kysely<any>, table: string): Promise<void> {
  const old = `${table}_unpartitioned`;
  const { rows } = await sql<{ name: string; def: string }>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = ${sql.lit(old)}::regclass AND NOT x.indisunique
    ORDER BY i.relname`.execute(db);
  for (const { name, def } of rows) {
    await sql`ALTER INDEX ${sql.table(name)} RENAME TO ${sql.table(`${name}_unpartitioned`)}`.execute(
      db,
    );
    const onNew = def.replace(/ ON (\S+\.)?"?[a-z_]+_unpartitioned"? /, ` ON ${table} `);
    await sql.raw(onNew).execute(db);
  }
}

/**
 * Makes one partition per calendar month holding rows of `<table>_unpartitioned`, copies the rows
 * over, adds the DEFAULT partition and drops the old table. Columns are copied by name.
 */
async function copyByMonth(
  db: Kysely<any>,
  table: string,
  column: string,
  type: "timestamptz" | "date",
): Promise<void> {
  const old = `${table}_unpartitioned`;
  const utc = type === "timestamptz" ? ` AT TIME ZONE 'UTC'` : "";
  // Daily usage is rewritten by every Interim-Update: its partitions keep room for HOT updates
  // (migration 0017 set the same on the table before it was partitioned).
  const storage = sql.raw(table === "usage_daily" ? " WITH (fillfactor = 75)" : "");
  const { rows } = await sql<{ month: string }>`
    SELECT DISTINCT to_char(date_trunc('month', ${sql.ref(column)}${sql.raw(utc)}), 'YYYY-MM') AS month
    FROM ${sql.table(old)}`.execute(db);
  for (const { month } of rows) {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1));
    const to = new Date(Date.UTC(y, m, 1));
    const lit = (d: Date) =>
      type === "date"
        ? d.toISOString().slice(0, 10)
        : `${d.toISOString().slice(0, 10)} 00:00:00+00`;
    await sql`CREATE TABLE ${sql.table(`${table}_p${month.replace("-", "")}`)}
      PARTITION OF ${sql.table(table)} FOR VALUES FROM (${sql.lit(lit(from))}) TO (${sql.lit(lit(to))})${storage}`.execute(
      db,
    );
  }
  await sql`CREATE TABLE ${sql.table(`${table}_default`)} PARTITION OF ${sql.table(table)} DEFAULT${storage}`.execute(
    db,
  );
  const { rows: cols } = await sql<{ name: string }>`
    SELECT attname AS name FROM pg_attribute
    WHERE attrelid = ${sql.lit(table)}::regclass AND attnum > 0 AND NOT attisdropped
    ORDER BY attnum`.execute(db);
  const list = sql.join(cols.map((c) => sql.ref(c.name)));
  await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM ${sql.table(old)}`.execute(
    db,
  );
  await sql`DROP TABLE ${sql.table(old)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
