import { expect } from "vitest";
import type { Iccid } from "../../src/lib/identifiers.js";
import { buildCustomer, buildSim, offer, runJob } from "../support/factories.js";
import type { TestOtter } from "../support/otter.js";

const MB = 1024 * 1024;
let seq = 0;
let catalogSeq = 0;

/** A customer with one SIM on a flexible-pool plan, its November invoice run and (optionally) issued. */
export async function billedCustomer(t: TestOtter, input: Record<string, unknown>, issue = true) {
  const u = `${Date.now().toString(36)}${seq++}`;
  t.clock.set("2026-10-01T08:00:00Z");
  const home = (
    await t.api("POST", "/api/v1/zones", { body: { name: `Home ${u}`, countries: ["IT"] } })
  ).body;
  const roam = (
    await t.api("POST", "/api/v1/zones", { body: { name: `Roaming ${u}`, countries: ["CH"] } })
  ).body;
  const comm = (
    await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `Trackers ${u}`,
        apns: [{ name: "iot.otter.example" }],
        rats: ["LTE-M"],
        zones: [home.name, roam.name],
      },
    })
  ).body;
  const rate = (
    await t.api("POST", "/api/v1/rate-plans", {
      body: {
        name: `Tracker Flex ${u}`,
        currency: "EUR",
        effectiveFrom: "2026-01-01T00:00:00Z",
        subscription: { monthlyFeePerSim: 1.5 },
        included: { dataBytes: 10 * MB },
        pool: { type: "flex" },
        zones: [
          { zone: home.name, dataPerMB: 0.5 },
          { zone: roam.name, dataPerMB: 2 },
        ],
      },
    })
  ).body;
  const c = await buildCustomer(t, { currency: "EUR", ...input });
  await offer(t, { comm, rate }, c.account.id);
  await t.api("PUT", `/api/v1/accounts/${c.account.id}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  const sim = await buildSim(t, {
    accountId: c.account.id,
    communicationPlan: comm.name,
    ratePlan: rate.name,
    state: "ACTIVATED",
  });
  const db = t.otter.database.db;
  const { id } = await db
    .selectFrom("sims")
    .select("id")
    .where("iccid", "=", sim.iccid as Iccid)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("usage_daily")
    .values({
      sim_id: id,
      day: "2026-11-04",
      zone_key: roam.id,
      zone_id: roam.id,
      account_id: c.account.id,
      bytes_up: 0,
      bytes_down: 3.5 * MB,
      billed_bytes: 3.5 * MB,
      sms_mo: 0,
      sms_mt: 0,
    })
    .execute();
  t.clock.set("2026-12-01T06:00:00Z");
  await runBilling(t, "2026-11", c.account.id);
  const list = await t.api("GET", `/api/v1/invoices?accountId=${c.account.id}`);
  let invoice = (await t.api("GET", `/api/v1/invoices/${list.body.items[0].id}`)).body;
  if (issue) {
    const issued = await t.api("POST", `/api/v1/invoices/${invoice.id}/issue`);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    invoice = issued.body;
  }
  return {
    customer: c,
    invoice,
    sim,
    roamName: roam.name as string,
    roamId: roam.id as string,
    planName: rate.name as string,
  };
}

export type BilledCustomer = Awaited<ReturnType<typeof billedCustomer>>;

/** A home and a roaming zone, a communication plan over both and a 10 MB flexible-pool rate plan. */
export async function flexCatalog(t: TestOtter) {
  const u = `${Date.now().toString(36)}${catalogSeq++}`;
  const home = (
    await t.api("POST", "/api/v1/zones", { body: { name: `Zone 1 ${u}`, countries: ["IT", "FR"] } })
  ).body;
  const roam = (
    await t.api("POST", "/api/v1/zones", { body: { name: `Zone 2 ${u}`, countries: ["CH", "TR"] } })
  ).body;
  const comm = (
    await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `Trackers ${u}`,
        apns: [{ name: "iot.otter.example" }],
        rats: ["LTE-M"],
        zones: [home.name, roam.name],
      },
    })
  ).body;
  const rate = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `Tracker 10MB Flex ${u}`,
      currency: "EUR",
      effectiveFrom: "2026-01-01T00:00:00Z",
      subscription: { monthlyFeePerSim: 1.5 },
      included: { dataBytes: 10 * MB },
      pool: { type: "flex" },
      zones: [
        { zone: home.name, dataPerMB: 0.5 },
        { zone: roam.name, dataPerMB: 2 },
      ],
    },
  });
  expect(rate.status).toBe(201);
  return { home, roam, comm, rate: rate.body as { id: string; name: string } };
}

/** One day of usage of a SIM in a zone, written straight into `usage_daily` as RADIUS would. */
export async function addDailyUsage(
  t: TestOtter,
  sim: { iccid: string; accountId: string },
  day: string,
  zoneId: string,
  bytes: number,
  sms: { mo?: number; mt?: number } = {},
) {
  const db = t.otter.database.db;
  const row = await db
    .selectFrom("sims")
    .select("id")
    .where("iccid", "=", sim.iccid as Iccid)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("usage_daily")
    .values({
      sim_id: row.id,
      day,
      zone_key: zoneId,
      zone_id: zoneId,
      account_id: sim.accountId,
      bytes_up: 0,
      bytes_down: bytes,
      billed_bytes: bytes,
      sms_mo: sms.mo ?? 0,
      sms_mt: sms.mt ?? 0,
    })
    .execute();
}

/** The arguments of `addDailyUsage` after the Otter, for a file's own one-line wrapper. */
export type DailyUsageArgs =
  Parameters<typeof addDailyUsage> extends [TestOtter, ...infer A] ? A : never;

/** Starts a billing run over HTTP and waits until it has succeeded; answers the job. */
export async function runBilling(t: TestOtter, period: string, accountId?: string) {
  const res = await t.api("POST", "/api/v1/billing-runs", {
    body: { period, ...(accountId && { accountId }) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  // Otter's own workers may have claimed the job already: wait for it to finish either way.
  let job = await runJob(t, res.body.jobId);
  for (let i = 0; i < 600 && (job.status === "queued" || job.status === "running"); i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await t.api("GET", `/api/v1/jobs/${res.body.jobId}`)).body;
  }
  expect(job.status, JSON.stringify(job)).toBe("succeeded");
  return job;
}
