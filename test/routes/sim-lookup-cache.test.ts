import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOtter, type Otter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { openDatabase } from "../../src/db/database.js";
import { buildCatalog, buildSim } from "../support/factories.js";
import { TEST_ENGINE } from "../support/engine.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { testResolver } from "../support/resolver.js";

/**
 * `GET /api/v1/sims/{iccid}` answers plan names, the usage limit and bill-shock warnings from the
 * catalog Otter keeps in memory per catalog revision: every change must show on the next lookup,
 * whichever way it was made and through whichever node.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

interface Detail {
  state: string;
  notes: string | null;
  communicationPlan: { id: string; name: string } | null;
  ratePlan: { id: string; name: string } | null;
  usageLimit: { dataLimitBytes: number | null };
  pendingChanges: { id: string; status: string }[];
  warnings: { code: string; message: string }[];
}

async function lookup(iccid: string, node: Pick<TestOtter, "api"> = t): Promise<Detail> {
  const r = await node.api<Detail>("GET", `/api/v1/sims/${iccid}`);
  expect(r.status).toBe(200);
  return r.body;
}

async function simOnPlans() {
  const cat = await buildCatalog(t);
  const sim = await buildSim(t, { communicationPlan: cat.comm.id, ratePlan: cat.rate.id });
  return { cat, sim };
}

describe("a SIM lookup after the catalog or the SIM changed", () => {
  it("shows a renamed communication plan, its new zones and a renamed zone on the next lookup", async () => {
    const { cat, sim } = await simOnPlans();
    const before = await lookup(sim.iccid);
    expect(before.communicationPlan?.name).toBe(cat.comm.name);
    expect(before.ratePlan?.name).toBe(cat.rate.name);
    expect(before.warnings).toEqual([]);

    const renamed = `${cat.comm.name} (renamed)`;
    const patch = await t.api("PATCH", `/api/v1/communication-plans/${cat.comm.id}`, {
      body: { name: renamed, zones: [cat.home.name, cat.africa.name] },
    });
    expect(patch.status).toBe(200);
    const after = await lookup(sim.iccid);
    expect(after.communicationPlan?.name).toBe(renamed);
    expect(after.warnings.map((w) => w.code)).toEqual(["BILL_SHOCK_RISK"]);
    expect(after.warnings[0]!.message).toContain(cat.africa.name);

    const zone = `${cat.africa.name} and Uganda`;
    expect(
      (await t.api("PATCH", `/api/v1/zones/${cat.africa.id}`, { body: { name: zone } })).status,
    ).toBe(200);
    expect((await lookup(sim.iccid)).warnings[0]!.message).toContain(`"${zone}"`);
    // The SIM page reads the warning in the reader's language; the English message stays.
    const sv = await t.api<Detail & { warnings: { text: string }[] }>(
      "GET",
      `/api/v1/sims/${sim.iccid}`,
      { headers: { "accept-language": "sv" } },
    );
    expect(sv.body.warnings[0]!.message).toContain(`"${zone}"`);
    expect(sv.body.warnings[0]!.text).toContain(`tillåter zonen ”${zone}”`);
  });

  it("shows a new rate plan version once it is in force", async () => {
    const { cat, sim } = await simOnPlans();
    expect((await lookup(sim.iccid)).usageLimit.dataLimitBytes).toBe(50 * 1024 * 1024);
    const from = new Date(t.clock.now().getTime() + 3_600_000);
    const added = await t.api("POST", `/api/v1/rate-plans/${cat.rate.id}/versions`, {
      body: {
        effectiveFrom: from.toISOString(),
        subscription: { monthlyFeePerSim: 2 },
        zones: [{ zone: cat.home.name, dataPerMB: 0.4 }],
        dataLimitBytes: 80 * 1024 * 1024,
      },
    });
    expect(added.status).toBe(201);
    expect((await lookup(sim.iccid)).usageLimit.dataLimitBytes).toBe(50 * 1024 * 1024);
    t.clock.advance(3_600_000);
    expect((await lookup(sim.iccid)).usageLimit.dataLimitBytes).toBe(80 * 1024 * 1024);
  });

  it("shows the SIM's own changes, its plans and its pending changes on the next lookup", async () => {
    const { sim } = await simOnPlans();
    const other = await buildCatalog(t);
    expect((await lookup(sim.iccid)).pendingChanges).toEqual([]);
    await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { notes: "pump 7", communicationPlan: other.comm.id, ratePlan: other.rate.id },
    });
    const changed = await lookup(sim.iccid);
    expect(changed.notes).toBe("pump 7");
    expect(changed.communicationPlan).toEqual({ id: other.comm.id, name: other.comm.name });
    expect(changed.ratePlan).toEqual({ id: other.rate.id, name: other.rate.name });

    const later = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const scheduled = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "ACTIVATED", effectiveDate: later },
    });
    expect(scheduled.status).toBe(200);
    const pending = (await lookup(sim.iccid)).pendingChanges;
    expect(pending.map((c) => c.status)).toEqual(["pending"]);
    await t.api("DELETE", `/api/v1/sims/${sim.iccid}/scheduled-changes/${pending[0]!.id}`);
    expect((await lookup(sim.iccid)).pendingChanges).toEqual([]);
  });

  it("shows a change written straight into the database (not through Otter) on the next lookup", async () => {
    const { cat, sim } = await simOnPlans();
    await lookup(sim.iccid);
    const { sql } = await import("kysely");
    await sql`UPDATE communication_plans SET name = ${"Renamed in SQL " + cat.comm.id} WHERE id = ${cat.comm.id}`.execute(
      t.otter.database.db,
    );
    expect((await lookup(sim.iccid)).communicationPlan?.name).toBe(`Renamed in SQL ${cat.comm.id}`);
  });
});

describe.runIf(TEST_ENGINE === "postgres")("two Otter nodes on one PostgreSQL database", () => {
  let second: { otter: Otter; api: TestOtter["api"] };
  beforeAll(async () => {
    const url = (t.otter.database as { url?: string }).url!;
    const database = await openDatabase({ url, poolSize: 5 });
    const config = loadConfig({
      OTTER_HTTP_PORT: "0",
      OTTER_HOST: "127.0.0.1",
      OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
      OTTER_LOG_LEVEL: "silent",
      OTTER_RATE_LIMIT_PER_MINUTE: "0",
      OTTER_RADIUS_PORT: "0",
      OTTER_RADIUS_HOST: "127.0.0.1",
      OTTER_SMTP_PORT: "0",
      OTTER_SMTP_HOST: "127.0.0.1",
    });
    const otter = await buildOtter({
      config,
      logger: pino({ level: "silent" }),
      clock: t.clock,
      database,
      startWorkers: false,
      resolve: testResolver(),
    });
    const base = await otter.listen();
    second = {
      otter,
      api: async (method, path, opts = {}) => {
        const res = await fetch(base + path, {
          method,
          headers: {
            authorization: `Bearer ${t.adminKey}`,
            ...(opts.body !== undefined && { "content-type": "application/json" }),
          },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
      },
    };
  });
  afterAll(async () => {
    await second?.otter.close();
  });

  it("shows on one node a plan renamed, a version added and a SIM changed through the other", async () => {
    const { cat, sim } = await simOnPlans();
    // Both nodes have read the SIM's plans before the changes.
    expect((await lookup(sim.iccid)).communicationPlan?.name).toBe(cat.comm.name);
    expect((await lookup(sim.iccid, second)).communicationPlan?.name).toBe(cat.comm.name);

    const renamed = `${cat.comm.name} via the other node`;
    expect(
      (
        await second.api("PATCH", `/api/v1/communication-plans/${cat.comm.id}`, {
          body: { name: renamed, zones: [cat.home.name, cat.africa.name] },
        })
      ).status,
    ).toBe(200);
    const seen = await lookup(sim.iccid);
    expect(seen.communicationPlan?.name).toBe(renamed);
    expect(seen.warnings.map((w) => w.code)).toEqual(["BILL_SHOCK_RISK"]);

    expect(
      (
        await second.api("POST", `/api/v1/rate-plans/${cat.rate.id}/versions`, {
          body: {
            effectiveFrom: new Date(t.clock.now().getTime() + 1000).toISOString(),
            subscription: { monthlyFeePerSim: 2 },
            zones: [
              { zone: cat.home.name, dataPerMB: 0.4 },
              { zone: cat.africa.name, dataPerMB: 2 },
            ],
            dataLimitBytes: 90 * 1024 * 1024,
          },
        })
      ).status,
    ).toBe(201);
    t.clock.advance(1000);
    const priced = await lookup(sim.iccid);
    expect(priced.usageLimit.dataLimitBytes).toBe(90 * 1024 * 1024);
    expect(priced.warnings).toEqual([]);

    expect(
      (await second.api("PATCH", `/api/v1/sims/${sim.iccid}`, { body: { notes: "moved" } })).status,
    ).toBe(200);
    expect((await lookup(sim.iccid)).notes).toBe("moved");
  });
});
