import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/db/database.js";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { networkRepo } from "../../src/modules/network/network.repo.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The network tables partitioned by time (docs/storage.md, "Network tables over time"): partitions
 * made ahead, retention by whole partitions, deduplication exact across partitions, and rows outside
 * every partition kept.
 */
let t: TestOtter;
let clientId: string;
let seq = 0;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-1", address: "127.0.0.1", secret: "s3cret-pgw" },
    })
  ).body.id;
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.otter.database.db;
const maintain = () => t.otter.services.partitions.runOnce();
const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `k${seq++}`,
  eventAt: t.clock.now(),
  record: {},
  ...r,
});
const record = (...rs: AccountingInput[]) => t.otter.services.signals.recordAccounting(rs);
const events = (body: unknown) => t.api("POST", "/api/v1/network/events", { body });

async function partitionsOf(table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ${sql.lit(table)}::regclass ORDER BY 1`.execute(db());
  return rows.map((r) => r.name);
}
async function whereIs(table: string, column: string, value: string): Promise<string | null> {
  const { rows } = await sql<{ part: string }>`
    SELECT tableoid::regclass::text AS part FROM ${sql.table(table)}
    WHERE ${sql.ref(column)} = ${value}`.execute(db());
  return rows[0]?.part ?? null;
}
async function keyCount(table: string, column: string, value: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value}`.execute(
    db(),
  );
  return rows[0]!.n;
}

async function trackedSim() {
  const cat = await buildCatalog(t);
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM sims WHERE iccid = ${sim.iccid}`.execute(db());
  return { ...sim, id: rows[0]!.id };
}

describe("partition maintenance", () => {
  it("makes today's partitions and the ones ahead, a DEFAULT partition, and is idempotent", async () => {
    t.clock.set("2026-03-01T09:00:00Z");
    const first = await maintain();
    expect(first.every((r) => r.done)).toBe(true);
    expect(first.find((r) => r.table === "accounting_records")!.created).toEqual([
      "accounting_records_p20260301",
      "accounting_records_p20260302",
      "accounting_records_p20260303",
      "accounting_records_p20260304",
      "accounting_records_p20260305",
      "accounting_records_p20260306",
      "accounting_records_p20260307",
      "accounting_records_p20260308",
    ]);
    expect(await partitionsOf("registration_events")).toEqual([
      "registration_events_default",
      "registration_events_p202603",
      "registration_events_p202604",
      "registration_events_p202605",
    ]);
    expect(await partitionsOf("usage_daily")).toEqual([
      "usage_daily_default",
      "usage_daily_p202603",
      "usage_daily_p202604",
      "usage_daily_p202605",
    ]);

    const before = await partitionsOf("accounting_records");
    const again = await maintain();
    expect(again.flatMap((r) => [...r.created, ...r.dropped])).toEqual([]);
    expect(await partitionsOf("accounting_records")).toEqual(before);
  });

  it("lets concurrent runs (several Otter nodes) do the work once, without failing", async () => {
    t.clock.set("2026-03-04T09:00:00Z");
    const runs = await Promise.all([maintain(), maintain(), maintain()]);
    const created = runs.flatMap((run) =>
      run.flatMap((r) => r.created).filter((n) => n.startsWith("accounting_records")),
    );
    expect(created).toEqual([
      "accounting_records_p20260309",
      "accounting_records_p20260310",
      "accounting_records_p20260311",
    ]);
  });
});

describe("deduplication across partitions", () => {
  it("keeps a retransmitted accounting record a duplicate when it arrives in the next day's partition", async () => {
    t.clock.set("2026-03-02T23:59:59Z");
    const sim = await trackedSim();
    const start = acct({ status: "start", sessionId: "x-1", imsi: sim.imsi });
    expect(await record(start)).toEqual(["stored"]);
    t.clock.advance(2_000);
    expect(await record({ ...start })).toEqual(["duplicate"]);
    const { rows } = await sql<{ part: string }>`
      SELECT tableoid::regclass::text AS part FROM accounting_records
      WHERE dedupe_key = ${start.dedupeKey}`.execute(db());
    expect(rows).toEqual([{ part: "accounting_records_p20260302" }]);
  });

  it("keeps a registration event a duplicate in the next month's partition, even with another time", async () => {
    t.clock.set("2026-03-31T23:59:00Z");
    const sim = await trackedSim();
    const event = {
      id: "hss-boundary-1",
      type: "location_update",
      result: "accepted",
      imsi: sim.imsi,
      visitedPlmn: "24007",
      at: "2026-03-31T23:58:00Z",
    };
    expect((await events(event)).body).toMatchObject({ stored: 1, duplicates: 0 });
    t.clock.set("2026-04-01T00:01:00Z");
    expect((await events({ ...event, at: "2026-03-31T23:58:01Z" })).body).toMatchObject({
      stored: 0,
      duplicates: 1,
    });
    expect(await whereIs("registration_events", "event_id", "hss-boundary-1")).toBe(
      "registration_events_p202603",
    );
  });
});

describe("rows outside every partition", () => {
  it("keeps them in the DEFAULT partition, and moves them into their partition once it is made", async () => {
    t.clock.set("2031-07-15T10:00:00Z");
    const sim = await trackedSim();
    const start = acct({ status: "start", sessionId: "far-1", imsi: sim.imsi });
    expect(await record(start)).toEqual(["stored"]);
    expect(
      (
        await events({
          id: "hss-far-1",
          type: "location_update",
          result: "accepted",
          imsi: sim.imsi,
          // Reported by the HSS as long past; stored (received) far ahead of every partition.
          at: "2026-03-01T00:00:00Z",
        })
      ).body,
    ).toMatchObject({ stored: 1 });
    await inTransaction(db(), (tx) =>
      networkRepo.addUsageMany(tx, [
        {
          sim_id: sim.id,
          day: "2031-07-15",
          zone_key: "far",
          account_id: sim.accountId,
          bytes_up: 10,
          bytes_down: 20,
        },
      ]),
    );
    expect(await whereIs("accounting_records", "dedupe_key", start.dedupeKey)).toBe(
      "accounting_records_default",
    );
    expect(await whereIs("registration_events", "event_id", "hss-far-1")).toBe(
      "registration_events_default",
    );

    const reports = await maintain();
    expect(reports.map((r) => r.outliers)).toEqual([false, false, false, false]);
    expect(await whereIs("accounting_records", "dedupe_key", start.dedupeKey)).toBe(
      "accounting_records_p20310715",
    );
    expect(await whereIs("registration_events", "event_id", "hss-far-1")).toBe(
      "registration_events_p203107",
    );
    expect(await whereIs("usage_daily", "zone_key", "far")).toBe("usage_daily_p203107");
    // Still a duplicate after the move.
    expect(await record({ ...start })).toEqual(["duplicate"]);
  });
});

describe("retention", () => {
  it("drops whole partitions past the retention with their dedupe keys, and keeps recent data", async () => {
    // A fresh stretch of time, clear of the other tests' partitions.
    t.clock.set("2032-01-10T12:00:00Z");
    await maintain();
    const sim = await trackedSim();
    const old = acct({ status: "start", sessionId: "old-1", imsi: sim.imsi });
    await record(old);
    const stored = await events({
      id: "hss-old-1",
      type: "location_update",
      result: "accepted",
      imsi: sim.imsi,
      at: "2026-03-01T00:00:00Z",
    });
    const usage = (day: string) =>
      inTransaction(db(), (tx) =>
        networkRepo.addUsageMany(tx, [
          {
            sim_id: sim.id,
            day,
            zone_key: "z",
            account_id: sim.accountId,
            bytes_up: 100,
            bytes_down: 0,
          },
        ]),
      );
    expect(stored.body).toMatchObject({ stored: 1 });
    await usage("2032-01-10");

    // 125 days on, January's records and events are past 90 days (the monthly partition of events
    // goes once all of January is); January's usage is within 13 months.
    t.clock.set(new Date(Date.parse("2032-01-10T12:00:00Z") + 125 * DAY));
    const recent = acct({ status: "start", sessionId: "new-1", imsi: sim.imsi });
    await record(recent);
    await events({
      id: "hss-new-1",
      type: "location_update",
      result: "accepted",
      imsi: sim.imsi,
      at: "2026-03-02T00:00:00Z",
    });
    await usage(t.clock.now().toISOString().slice(0, 10));

    const reports = await maintain();
    const acctReport = reports.find((r) => r.table === "accounting_records")!;
    expect(acctReport.dropped).toContain("accounting_records_p20320110");
    expect(reports.find((r) => r.table === "registration_events")!.dropped).toContain(
      "registration_events_p203201",
    );
    expect(reports.find((r) => r.table === "usage_daily")!.dropped).toEqual(
      expect.not.arrayContaining(["usage_daily_p203201"]),
    );

    expect(await whereIs("accounting_records", "dedupe_key", old.dedupeKey)).toBeNull();
    expect(await keyCount("accounting_record_keys", "dedupe_key", old.dedupeKey)).toBe(0);
    expect(await whereIs("registration_events", "event_id", "hss-old-1")).toBeNull();
    expect(await keyCount("registration_event_keys", "event_id", "hss-old-1")).toBe(0);

    expect(await whereIs("accounting_records", "dedupe_key", recent.dedupeKey)).not.toBeNull();
    expect(await keyCount("accounting_record_keys", "dedupe_key", recent.dedupeKey)).toBe(1);
    expect(await whereIs("registration_events", "event_id", "hss-new-1")).not.toBeNull();
    expect(await keyCount("registration_event_keys", "event_id", "hss-new-1")).toBe(1);
    expect((await networkRepo.usedBytes(db(), sim.id))?.total).toBe(200);

    // 14 months after January, January's usage goes as a whole partition; later usage stays.
    t.clock.set("2033-03-05T12:00:00Z");
    const later = await maintain();
    expect(later.find((r) => r.table === "usage_daily")!.dropped).toContain("usage_daily_p203201");
    expect((await networkRepo.usedBytes(db(), sim.id))?.total).toBe(100);
  });
});
