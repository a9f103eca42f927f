import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { buildCustomer, simIdentifiers } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, ccDate } from "./cc-client.js";

/**
 * A devices-search page asked for out of order, far down a long search, starts from a place the
 * node remembers (every 500th SIM of the search) instead of skipping every row before it: it must
 * answer exactly the rows OFFSET paging gives, in the same order, at every depth and page size.
 */
let t: TestOtter;
let c: Awaited<ReturnType<typeof buildCustomer>>;
/** The customer's SIMs in the order a search returns them: last modified, then id. */
let ordered: string[];
const N = 1_730;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  c = await buildCustomer(t);
  const other = await buildCustomer(t);
  const salt = String(Math.floor(Math.random() * 1e4)).padStart(4, "0");
  const rows = [];
  for (let i = 0; i < N + 300; i++) {
    const payload = `8944${salt}${String(i).padStart(10, "0")}`;
    rows.push({
      iccid: payload + luhnCheckDigit(payload),
      imsi: `00101${salt}${String(i).padStart(6, "0")}`,
      // Every 300th SIM is another customer's: a place must count only the caller's SIMs.
      account: i % 300 === 7 ? other.account.id : c.account.id,
      // Groups of three SIMs share a modification time: the id decides between them.
      at: new Date(Date.parse("2025-06-01T00:00:00Z") + Math.floor(i / 3) * 1000),
    });
  }
  const db = t.otter.database.db;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql`INSERT INTO sims (id, iccid, imsi, account_id, state, created_at, updated_at)
      SELECT gen_random_uuid(), r.iccid, r.imsi, r.account::uuid, 'ACTIVATED', r.at::timestamptz, r.at::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(iccid text, imsi text, account text, at text)`.execute(
      db,
    );
  }
  const { rows: found } = await sql<{ iccid: string }>`
    SELECT iccid FROM sims WHERE account_id = ${c.account.id} ORDER BY updated_at, id`.execute(db);
  ordered = found.map((r) => r.iccid);
  expect(ordered.length).toBeGreaterThan(1_600);
});
afterAll(async () => {
  await t?.close();
});

const page = async (size: number, n: number) => {
  const r = await cc(
    t,
    "GET",
    `/devices?modifiedSince=${ccDate("2025-01-01")}&pageSize=${size}&pageNumber=${n}`,
    { as: { username: c.admin.email, apiKey: c.adminKey } },
  );
  expect(r.status).toBe(200);
  return r.body as { devices: { iccid: string }[]; lastPage: boolean; pageNumber: number };
};

describe("a devices-search page far down, out of order", () => {
  it("answers the rows OFFSET paging gives, at every depth and page size, in any order", async () => {
    for (const size of [50, 7, 13]) {
      const last = Math.ceil(ordered.length / size);
      // Deep first, then back up, then the pages around each remembered place.
      const numbers = [last, Math.ceil(last / 2), 2, last - 1, 1, Math.floor(1000 / size) + 1];
      for (let n = Math.floor(500 / size) - 1; n <= Math.ceil(500 / size) + 1; n++) numbers.push(n);
      for (const n of numbers) {
        const body = await page(size, n);
        expect(
          body.devices.map((d) => d.iccid),
          `pageSize ${size} page ${n}`,
        ).toEqual(ordered.slice((n - 1) * size, n * size));
        expect(body.lastPage).toBe(n >= last);
      }
      const beyond = await page(size, last + 40);
      expect(beyond.devices).toEqual([]);
      expect(beyond.lastPage).toBe(true);
    }
  });

  it("answers the same pages after new SIMs joined the end of the search", async () => {
    const deep = Math.floor(ordered.length / 50);
    expect((await page(50, deep)).devices.map((d) => d.iccid)).toEqual(
      ordered.slice((deep - 1) * 50, deep * 50),
    );
    const created = await t.api("POST", "/api/v1/sims", {
      body: { ...simIdentifiers(), accountId: c.account.id, state: "ACTIVATED" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const all = [...ordered, created.body.iccid];
    const last = Math.ceil(all.length / 50);
    for (const n of [deep, last, 3])
      expect((await page(50, n)).devices.map((d) => d.iccid)).toEqual(
        all.slice((n - 1) * 50, n * 50),
      );
  });
});
