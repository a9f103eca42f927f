import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * Finding SIMs the way a caller describes them: one SIM by any identifier, lists and counts by
 * connectivity — customer A's five SIMs in each connectivity, customer B's one sharing a device IMEI.
 */
let t: TestOtter;
let a: Awaited<ReturnType<typeof buildCustomer>>;
let b: Awaited<ReturnType<typeof buildCustomer>>;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
type Sim = Awaited<ReturnType<typeof buildSim>>;
let online: Sim, attached: Sim, offline: Sim, inactive: Sim, overLimit: Sim, simB: Sim;
const imei = (n: string) => {
  const payload = `35480900${n.padStart(6, "0")}`;
  return payload + luhnCheckDigit(payload);
};
const SHARED_IMEI = imei("4242");

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
  a = await buildCustomer(t);
  b = await buildCustomer(t);
  await offer(t, cat, a.account.id);
  await offer(t, cat, b.account.id);
  const sim = (accountId: string, extra: Record<string, unknown> = {}) =>
    buildSim(t, {
      accountId,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
      ...extra,
    });
  online = await sim(a.account.id, { customFields: { accountCustom1: "pump 7" } });
  attached = await sim(a.account.id);
  // Recorded on the SIM: the same device the network saw `attached` in.
  offline = await sim(a.account.id, { imei: SHARED_IMEI });
  inactive = await sim(a.account.id, { state: "INVENTORY" });
  overLimit = await sim(a.account.id);
  simB = await sim(b.account.id);

  const clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-find", address: "127.0.0.1", secret: "s3cret-pgw" },
    })
  ).body.id;
  let n = 0;
  const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">) => ({
    clientId,
    dedupeKey: `find-${n++}`,
    eventAt: t.clock.now(),
    record: {},
    serving: { mcc: "208", mnc: "01" },
    ...r,
  });
  await t.otter.services.signals.recordAccounting([
    acct({ status: "start", sessionId: "f-1", imsi: online.imsi, apn: "iot.otter.example" }),
    acct({ status: "start", sessionId: "f-2", imsi: overLimit.imsi }),
  ]);
  // 55 MB against the rate plan's 50 MB limit: barred, its session still open.
  await t.otter.services.signals.recordAccounting([
    acct({ status: "interim", sessionId: "f-2", imsi: overLimit.imsi, bytesDown: 55_000_000 }),
  ]);
  const at = t.clock.now().toISOString();
  for (const [id, s] of [
    ["find-reg-a", attached],
    ["find-reg-b", simB],
  ] as const) {
    const res = await t.api("POST", "/api/v1/network/events", {
      body: {
        id,
        type: "location_update",
        result: "accepted",
        imsi: s.imsi,
        imei: SHARED_IMEI,
        at,
      },
    });
    expect(res.status).toBe(200);
  }
  // B's SIM was attached long ago: OFFLINE now.
  await t.api("POST", "/api/v1/network/events", {
    body: { id: "find-purge-b", type: "purge", imsi: simB.imsi, at },
  });
});
afterAll(async () => {
  await t?.close();
});

const iccids = (res: { body: { items: { iccid: string }[] } }) =>
  res.body.items.map((s) => s.iccid).sort();

describe("one SIM by any identifier", () => {
  it("finds a SIM by IMSI, MSISDN and IMEI, and reports a shared IMEI as ambiguous within the tenant", async () => {
    const get = (key: string, k = a.userKey) =>
      t.api("GET", `/api/v1/sims/${encodeURIComponent(key)}`, { key: k });
    expect((await get(online.imsi)).body.iccid).toBe(online.iccid);
    expect((await get(`+${online.msisdn}`)).body.iccid).toBe(online.iccid);
    expect((await get(online.iccid)).body.iccid).toBe(online.iccid);

    const ambiguous = await get(SHARED_IMEI);
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error.code).toBe("SIM_IDENTIFIER_AMBIGUOUS");
    expect(ambiguous.body.error.details.matches).toEqual(
      [
        { iccid: attached.iccid, matchedBy: "imei seen by the network" },
        { iccid: offline.iccid, matchedBy: "imei" },
      ].sort((x, y) => (x.iccid < y.iccid ? -1 : 1)),
    );
    // B's SIM in the same device is B's alone: never named to A, found by B.
    expect(JSON.stringify(ambiguous.body)).not.toContain(simB.iccid);
    expect((await get(SHARED_IMEI, b.userKey)).body.iccid).toBe(simB.iccid);
    expect((await get(simB.imsi)).status).toBe(404);
    expect((await get(simB.imsi)).body.error.code).toBe("SIM_NOT_FOUND");
    expect(
      (await t.api("GET", `/api/v1/sims/${SHARED_IMEI}`)).body.error.details.matches,
    ).toHaveLength(3);
    expect((await get("not-a-number")).status).toBe(404);
  });
});

describe("lists and counts by connectivity", () => {
  it("shows each SIM's connectivity as its own connectivity view does, and filters by it", async () => {
    const all = await t.api("GET", "/api/v1/sims", { key: a.userKey });
    const seen = Object.fromEntries(
      all.body.items.map((s: { iccid: string; connectivity: string }) => [s.iccid, s.connectivity]),
    );
    expect(seen).toEqual({
      [online.iccid]: "ONLINE",
      [attached.iccid]: "ATTACHED",
      [offline.iccid]: "OFFLINE",
      [inactive.iccid]: "BLOCKED",
      [overLimit.iccid]: "BLOCKED",
    });
    for (const [iccid, state] of Object.entries(seen)) {
      const one = await t.api("GET", `/api/v1/sims/${iccid}/connectivity`, { key: a.userKey });
      expect(one.body.state).toBe(state);
    }
    const list = (q: string, key = a.userKey) => t.api("GET", `/api/v1/sims?${q}`, { key });
    expect(iccids(await list("connectivity=OFFLINE"))).toEqual([offline.iccid]);
    expect(iccids(await list(`identifier=${SHARED_IMEI}`))).toEqual(
      [attached.iccid, offline.iccid].sort(),
    );
    expect(iccids(await list(`identifier=%2B${online.msisdn}`))).toEqual([online.iccid]);
    expect(iccids(await list(`identifier=${simB.imsi}`))).toEqual([]);
    expect(
      iccids(await list(`ratePlan=${encodeURIComponent(cat.rate.name)}&connectivity=BLOCKED`)),
    ).toEqual([inactive.iccid, overLimit.iccid].sort());
    expect(iccids(await list("customField=accountCustom1&customValue=pump%207"))).toEqual([
      online.iccid,
    ]);
    const first = await list("connectivity=BLOCKED&limit=1");
    expect(first.body.items).toHaveLength(1);
    const second = await list(`connectivity=BLOCKED&limit=1&cursor=${first.body.nextCursor}`);
    expect([...iccids(first), ...iccids(second)].sort()).toEqual(
      [inactive.iccid, overLimit.iccid].sort(),
    );
    const bad = await list("connectivity=ASLEEP");
    expect(bad.status).toBe(400);
  });

  it("counts a customer's SIMs by connectivity, state and plan in one answer, within its tenant", async () => {
    const count = (q: string, key = a.userKey) => t.api("GET", `/api/v1/sims/count?${q}`, { key });
    const byConn = await count("by=connectivity");
    expect(byConn.status).toBe(200);
    expect(byConn.body.total).toBe(5);
    expect(
      Object.fromEntries(
        byConn.body.groups.map((g: { key: string; count: number }) => [g.key, g.count]),
      ),
    ).toEqual({ BLOCKED: 2, ONLINE: 1, ATTACHED: 1, OFFLINE: 1 });
    const offlineByState = await count("by=state&connectivity=OFFLINE");
    expect(offlineByState.body).toMatchObject({
      total: 1,
      groups: [{ key: "ACTIVATED", name: null, count: 1 }],
    });
    const byPlan = await count("by=ratePlan&state=ACTIVATED");
    expect(byPlan.body.groups).toEqual([{ key: cat.rate.id, name: cat.rate.name, count: 4 }]);
    expect((await count(`by=connectivity&identifier=${SHARED_IMEI}`)).body.total).toBe(2);
    const forB = await count("by=connectivity", b.userKey);
    expect(forB.body).toMatchObject({ total: 1, groups: [{ key: "OFFLINE", count: 1 }] });
    expect((await count(`accountId=${b.account.id}`)).status).toBe(404);
    const bad = await count("by=colour");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("by");
  });
  it("lists and counts the SIMs the silence detector marks silent, with the time it did", async () => {
    const list = (q: string, key = a.userKey) => t.api("GET", `/api/v1/sims?${q}`, { key });
    expect(iccids(await list("silent=true"))).toEqual([]);
    const before = await list("");
    expect(
      before.body.items.every((s: { silentSince: string | null }) => s.silentSince === null),
    ).toBe(true);
    // Four days without a session or traffic: longer than the rhythm assumed for a SIM without one.
    t.clock.advance(4 * 24 * 3600_000);
    await t.otter.services.silence.runOnce();
    const silent = await list("silent=true");
    expect(iccids(silent)).toEqual(expect.arrayContaining([online.iccid]));
    expect(iccids(silent)).not.toContain(offline.iccid);
    expect(iccids(silent)).not.toContain(inactive.iccid);
    for (const s of silent.body.items) expect(s.silentSince).toBe(t.clock.now().toISOString());
    const rest = await list("silent=false");
    expect([...iccids(silent), ...iccids(rest)].sort()).toEqual(iccids(before));
    const counted = await t.api("GET", "/api/v1/sims/count?by=state&silent=true", {
      key: a.userKey,
    });
    expect(counted.body.total).toBe(silent.body.items.length);
    // Another tenant's silent SIMs are not listed.
    expect(iccids(await list("silent=true", b.userKey))).toEqual([]);
  });
});
