import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addDailyUsage, flexCatalog, runBilling } from "./billing-support.js";

/**
 * A billing run rates its customers together, with one pass over the cycles' usage
 * (docs/decisions.md, "Billing in one pass"). Whatever the mix — customers in different time zones
 * and cycles, a plan changed mid-cycle with immediate effect, SIMs activated mid-cycle, plans with
 * a flexible pool, a fixed pool or a per-SIM allowance, test usage — every customer's invoice and
 * the per-SIM facts behind it are the same as when the customer is rated on its own.
 */
const KB = 1024;
const MB = 1024 * KB;

let t: TestOtter;
let seq = 0;

beforeAll(async () => {
  t = await startOtter();
  t.clock.set("2026-09-01T08:00:00Z");
  const put = await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(() => t?.close());

const run = (period: string, accountId?: string) => runBilling(t, period, accountId);

async function ratePlan(
  plans: Awaited<ReturnType<typeof flexCatalog>>,
  name: string,
  terms: Record<string, unknown>,
) {
  const res = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `${name} ${Date.now().toString(36)}${seq++}`,
      currency: "EUR",
      effectiveFrom: "2026-01-01T00:00:00Z",
      zones: [
        { zone: plans.home.name, dataPerMB: 0.25, smsMO: 0.05 },
        { zone: plans.roam.name, dataPerMB: 2 },
      ],
      ...terms,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

/** What a customer's invoice for the cycle holds: totals, lines and the per-SIM facts. */
async function billed(accountId: string) {
  const db = t.otter.database.db;
  const invoices = await db
    .selectFrom("invoices")
    .select(["id", "cycle_start", "cycle_end", "subtotal", "total", "flags"])
    .where("account_id", "=", accountId)
    .where("kind", "=", "invoice")
    .execute();
  expect(invoices).toHaveLength(1);
  const id = invoices[0]!.id;
  const lines = await db
    .selectFrom("invoice_lines")
    .select(["n", "kind", "description", "quantity", "unit_price", "amount", "explanation"])
    .where("invoice_id", "=", id)
    .orderBy("n")
    .execute();
  const sims = await db
    .selectFrom("invoice_sims")
    .select(["iccid", "rate_plan_id", "billable_days", "contribution_days", "activated_on"])
    .where("invoice_id", "=", id)
    .orderBy("iccid")
    .orderBy("rate_plan_id")
    .execute();
  const usage = await db
    .selectFrom("invoice_sim_usage")
    .select(["sim_id", "rate_plan_id", "zone_key", "test", "days", "bytes", "sms_mo", "sms_mt"])
    .where("invoice_id", "=", id)
    .orderBy("sim_id")
    .orderBy("rate_plan_id")
    .orderBy("zone_key")
    .orderBy("test")
    .execute();
  const { id: _id, ...invoice } = invoices[0]!;
  return { invoice, lines, sims, usage: usage.map((u) => ({ ...u, bytes: Number(u.bytes) })) };
}

describe("a billing run over many customers", () => {
  it("bills each customer as rating it on its own does", async () => {
    t.clock.set("2026-10-01T08:00:00Z");
    const plans = await flexCatalog(t);
    const big = await ratePlan(plans, "Tracker 20MB Flex", {
      subscription: { monthlyFeePerSim: 3 },
      included: { dataBytes: 20 * MB },
      pool: { type: "flex" },
      planChange: "immediate",
    });
    const own = await ratePlan(plans, "Tracker 5MB Each", {
      subscription: { monthlyFeePerSim: 1, activationFee: 2 },
      included: { dataBytes: 5 * MB, sms: 2 },
    });
    const fixed = await ratePlan(plans, "Tracker Fixed 8MB", {
      subscription: { monthlyFeePerSim: 2 },
      pool: { type: "fixed", fixedPoolBytes: 8 * MB },
    });
    const setups = [
      { timeZone: "Europe/Rome", profile: { cycle: "calendar", country: "IT" } },
      { timeZone: "UTC", profile: { cycle: "calendar", country: "DE" } },
      {
        timeZone: "America/New_York",
        profile: { cycle: "anniversary", anchorDay: 10, country: "IT" },
      },
    ];
    const customers = [];
    for (const [k, s] of setups.entries()) {
      const c = await buildCustomer(t, { timeZone: s.timeZone, currency: "EUR" });
      for (const rate of [plans.rate, big, own, fixed])
        await offer(t, { ...plans, rate }, c.account.id);
      const put = await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
        body: s.profile,
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const sim = (ratePlan: string, state = "ACTIVATED") =>
        buildSim(t, {
          accountId: c.account.id,
          communicationPlan: plans.comm.name,
          ratePlan,
          state,
        });
      customers.push({
        c,
        k,
        flex: await sim(plans.rate.name),
        moving: await sim(plans.rate.name),
        own: [await sim(own.name), await sim(own.name)],
        fixed: await sim(fixed.name),
        test: await sim(plans.rate.name, "TEST_READY"),
      });
    }
    t.clock.set("2026-11-12T10:00:00Z");
    const late = [];
    for (const x of customers)
      late.push(
        await buildSim(t, {
          accountId: x.c.account.id,
          communicationPlan: plans.comm.name,
          ratePlan: own.name,
          state: "ACTIVATED",
        }),
      );
    t.clock.set("2026-11-16T09:00:00Z");
    for (const x of customers) {
      const res = await t.api("PATCH", `/api/v1/sims/${x.moving.iccid}`, {
        body: { ratePlan: big.name },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    const { home, roam } = plans;
    for (const [i, x] of customers.entries()) {
      const mb = (n: number) => (n + i) * MB;
      for (const day of ["2026-11-03", "2026-11-12", "2026-11-25", "2026-12-12"])
        await addDailyUsage(t, x.flex, day, home.id, mb(4), { mo: 1, mt: 2 });
      await addDailyUsage(t, x.flex, "2026-11-07", roam.id, mb(2));
      for (const day of ["2026-11-05", "2026-11-15", "2026-11-16", "2026-11-20"])
        await addDailyUsage(t, x.moving, day, home.id, mb(3));
      for (const [j, s] of x.own.entries())
        for (const day of ["2026-11-02", "2026-11-04", "2026-11-06", "2026-11-28"])
          await addDailyUsage(t, s, day, home.id, mb(2 + j), { mo: 2 });
      await addDailyUsage(t, x.own[1]!, "2026-11-09", roam.id, mb(1));
      for (const day of ["2026-11-10", "2026-11-11"])
        await addDailyUsage(t, x.fixed, day, home.id, mb(5));
      await addDailyUsage(t, x.test, "2026-11-03", home.id, 40 * KB + i * KB, { mo: 7 });
      await addDailyUsage(t, late[i]!, "2026-11-14", home.id, mb(6));
    }

    // All three at once (one pass), then each on its own, which rates its draft again.
    t.clock.set("2026-12-20T06:00:00Z");
    const job = await run("2026-11");
    expect(job.counts).toMatchObject({ created: 3 });
    const together = [];
    for (const x of customers) together.push(await billed(x.c.account.id));
    for (const x of customers) await run("2026-11", x.c.account.id);
    for (const [i, x] of customers.entries())
      expect(await billed(x.c.account.id), `customer ${i}`).toEqual(together[i]);
    // The per-SIM facts have no foreign key to their invoice (migration 0041): rating a draft
    // again removed the earlier draft's facts with it, so every fact row has its invoice.
    for (const table of ["invoice_sims", "invoice_sim_usage"]) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} f
        WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = f.invoice_id)`.execute(
        t.otter.database.db,
      );
      expect(rows[0]!.n, `${table} rows without their invoice`).toBe(0);
    }

    // The mix is what it says: split fees, every kind of line, the anniversary cycle.
    const kinds = new Set(together.flatMap((b) => b.lines.map((l) => l.kind)));
    for (const kind of ["subscription", "activation", "pool", "zone_data", "test_excess"])
      expect(kinds, kind).toContain(kind);
    for (const b of together)
      expect(b.lines.filter((l) => l.kind === "subscription").length).toBeGreaterThanOrEqual(3);
    expect(together[2]!.invoice).toMatchObject({
      cycle_start: "2026-11-10",
      cycle_end: "2026-12-10",
    });
    expect(together[0]!.sims.filter((s) => s.rate_plan_id === big.id)).toHaveLength(1);
  });
});
