import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

/** `otter sims` as an agent on the phone uses it: find the SIM however the caller names it, then look. */
let t: TestOtter;
let env: Record<string, string>;
let c: Awaited<ReturnType<typeof buildCustomer>>;
let online: Awaited<ReturnType<typeof buildSim>>;
let offline: Awaited<ReturnType<typeof buildSim>>;
const payload = "35480900777777";
const IMEI = payload + luhnCheckDigit(payload);

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  env = { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey };
  const cat = await buildCatalog(t);
  c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  const sim = (extra: Record<string, unknown> = {}) =>
    buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
      imei: IMEI,
      ...extra,
    });
  online = await sim();
  offline = await sim();
  const clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-cli", address: "127.0.0.1", secret: "s3cret-pgw" },
    })
  ).body.id;
  const base = { clientId, eventAt: t.clock.now(), record: {}, imsi: online.imsi };
  const serving = { mcc: "208", mnc: "01" };
  await t.otter.services.signals.recordAccounting([
    {
      ...base,
      dedupeKey: "cli-1",
      status: "start",
      sessionId: "c-1",
      apn: "iot.otter.example",
      serving,
    },
  ]);
  await t.otter.services.signals.recordAccounting([
    {
      ...base,
      dedupeKey: "cli-2",
      status: "interim",
      sessionId: "c-1",
      bytesUp: 2048,
      bytesDown: 4096,
      serving,
    },
  ]);
});
afterAll(async () => {
  await t?.close();
});

describe("otter sims: find, count and look", () => {
  it("gets a SIM by IMSI and names every SIM a shared IMEI matches instead of picking one", async () => {
    const byImsi = await runCli(["sims", "get", online.imsi], env);
    expect(byImsi.code).toBe(0);
    expect(byImsi.stdout).toContain(online.iccid);
    const shared = await runCli(["sims", "get", IMEI], env);
    expect(shared.code).not.toBe(0);
    expect(shared.stderr).toContain("SIM_IDENTIFIER_AMBIGUOUS");
    expect(shared.stderr).toContain(online.iccid);
    expect(shared.stderr).toContain(offline.iccid);
  });

  it("lists by connectivity with a connectivity column, and counts a customer's SIMs by it", async () => {
    const list = await runCli(
      ["sims", "list", "--account", c.account.id, "--connectivity", "online"],
      env,
    );
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/CONNECTIVITY/);
    expect(list.stdout).toMatch(new RegExp(`${online.iccid}.*ONLINE`));
    expect(list.stdout).not.toContain(offline.iccid);
    const count = await runCli(
      ["sims", "count", "--account", c.account.id, "--by", "connectivity"],
      env,
    );
    expect(count.code).toBe(0);
    expect(count.stdout).toMatch(/ONLINE\s+1/);
    expect(count.stdout).toMatch(/OFFLINE\s+1/);
    expect(count.stdout).toContain("2 SIMs in all");
  });

  it("shows connectivity, sessions, usage and timeline of one SIM", async () => {
    const conn = await runCli(["sims", "connectivity", online.iccid], env);
    expect(conn.stdout).toMatch(/Connectivity\s+ONLINE: A data session on iot\.otter\.example/);
    const sessions = await runCli(["sims", "sessions", online.iccid], env);
    expect(sessions.stdout).toMatch(/STARTED\s+ENDED\s+APN/);
    expect(sessions.stdout).toMatch(/open\s+iot\.otter\.example/);
    const day = t.clock.now().toISOString().slice(0, 10);
    const usage = await runCli(["sims", "usage", online.iccid, "--from", day, "--to", day], env);
    expect(usage.stdout).toContain(day);
    expect(usage.stdout).toMatch(/Total .*2(\.0)? ?KB up, 4(\.0)? ?KB down/);
    const timeline = await runCli(["sims", "timeline", online.iccid], env);
    expect(timeline.stdout).toContain("data session open since");
  });
});
