import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { buildAccount, buildCustomer, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The search box's route: SIMs by the first digits of any identifier, customers by part of their
 * name, each only within the caller's subtree.
 */
let t: TestOtter;
let a: Awaited<ReturnType<typeof buildCustomer>>;
let b: Awaited<ReturnType<typeof buildCustomer>>;
type Sim = Awaited<ReturnType<typeof buildSim>>;
let simA: Sim, simA2: Sim, simB: Sim;
const imei = (n: string) => {
  const payload = `35761200${n.padStart(6, "0")}`;
  return payload + luhnCheckDigit(payload);
};
const IMEI_A = imei("777");
const SEEN_IMEI = imei("888");

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  a = await buildCustomer(t, { name: "Savanna Giraffe Trackers" });
  b = await buildCustomer(t, { name: "Giraffe Rivals Ltd" });
  await buildAccount(t, { name: "Kenya north (giraffes)", parentId: a.account.id });
  simA = await buildSim(t, { accountId: a.account.id, imei: IMEI_A });
  simA2 = await buildSim(t, { accountId: a.account.id });
  simB = await buildSim(t, { accountId: b.account.id });
  // The network saw simA2 in another device.
  const res = await t.api("POST", "/api/v1/network/events", {
    body: {
      id: "search-reg-1",
      type: "location_update",
      result: "accepted",
      imsi: simA2.imsi,
      imei: SEEN_IMEI,
      at: t.clock.now().toISOString(),
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

const search = (q: string, key?: string, extra = "") =>
  t.api("GET", `/api/v1/search?q=${encodeURIComponent(q)}${extra}`, { key });
const iccids = (body: { sims: { iccid: string }[] }) => body.sims.map((s) => s.iccid).sort();

describe("GET /api/v1/search", () => {
  it("finds a SIM by the first digits of its ICCID, IMSI, MSISDN (with +) and IMEI", async () => {
    for (const [q, by] of [
      [simA.iccid.slice(0, 17), "iccid"],
      [simA.imsi.slice(0, 12), "imsi"],
      [`+${simA.msisdn.slice(0, 9)}`, "msisdn"],
      [simA.msisdn.slice(0, 9), "msisdn"],
      [IMEI_A.slice(0, 12), "imei"],
    ] as const) {
      const res = await search(q, a.adminKey);
      expect(res.status, q).toBe(200);
      expect(
        res.body.sims.map((s: { iccid: string }) => s.iccid),
        q,
      ).toContain(simA.iccid);
      const hit = res.body.sims.find((s: { iccid: string }) => s.iccid === simA.iccid);
      expect(hit, q).toMatchObject({ matchedBy: by, accountName: "Savanna Giraffe Trackers" });
    }
  });

  it("finds a SIM by the IMEI the network last saw it in", async () => {
    const res = await search(SEEN_IMEI.slice(0, 13), a.adminKey);
    expect(res.body.sims).toEqual([
      expect.objectContaining({ iccid: simA2.iccid, matchedBy: "networkImei", imei: SEEN_IMEI }),
    ]);
  });

  it("never shows another customer's SIMs or accounts; the operator sees both", async () => {
    const common = simA.imsi.slice(0, 5); // every test SIM's IMSI starts 23415
    const asA = await search(common, a.adminKey, "&limit=20");
    expect(iccids(asA.body)).toEqual([simA.iccid, simA2.iccid].sort());
    const asB = await search(common, b.userKey, "&limit=20");
    expect(iccids(asB.body)).toEqual([simB.iccid]);
    expect(JSON.stringify(asB.body)).not.toContain(simA.iccid);
    const names = (body: { accounts: { name: string }[] }) => body.accounts.map((x) => x.name);
    // Any case; the earlier the text appears in the name, the higher the account.
    expect(names((await search("GIRAFFE", a.adminKey)).body)).toEqual([
      "Savanna Giraffe Trackers",
      "Kenya north (giraffes)",
    ]);
    expect(names((await search("giraffe", b.adminKey)).body)).toEqual(["Giraffe Rivals Ltd"]);
    expect(names((await search("giraffe")).body)).toEqual([
      "Giraffe Rivals Ltd",
      "Savanna Giraffe Trackers",
      "Kenya north (giraffes)",
    ]);
    expect(iccids((await search(simB.iccid.slice(0, 19))).body)).toEqual([simB.iccid]);
  });

  it("caps each group and says when more match", async () => {
    const res = await search(simA.imsi.slice(0, 5), a.adminKey, "&limit=1");
    expect(res.body.sims).toHaveLength(1);
    expect(res.body.moreSims).toBe(true);
    expect(res.body.moreAccounts).toBe(false);
  });

  it("looks up identifiers from 3 digits and names from 2 characters; % and _ are plain text", async () => {
    expect((await search("23", a.adminKey)).body).toMatchObject({ sims: [], accounts: [] });
    expect((await search("g", a.adminKey)).body).toMatchObject({ sims: [], accounts: [] });
    expect((await search("%", a.adminKey)).body.accounts).toEqual([]);
    expect((await search("_a", a.adminKey)).body.accounts).toEqual([]);
  });

  it("refuses an empty or overlong q, naming the field", async () => {
    for (const q of ["", "   ", "9".repeat(65)]) {
      const res = await search(q, a.adminKey);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(res.body.error.details[0].field).toBe("q");
    }
    const missing = await t.api("GET", "/api/v1/search", { key: a.adminKey });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe("q");
    const limit = await search("giraffe", a.adminKey, "&limit=0");
    expect(limit.body.error.details[0].field).toBe("limit");
  });
});
