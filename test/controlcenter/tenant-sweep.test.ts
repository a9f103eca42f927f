import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CC_ROUTES } from "../../src/modules/controlcenter/controlcenter.routes.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, type CcCredentials } from "./cc-client.js";

/**
 * Every route of /rws/api/v1, called by customer A's administrator with customer B's identifiers
 * (the /rws counterpart of test/security/tenant-sweep.test.ts): never a success that shows one of
 * B's identifiers, never a change to B's data. A route added without an entry here fails.
 */
interface World {
  simB: { iccid: string; imsi: string; msisdn: string };
  accountB: string;
  userB: string;
  smsB: string;
  ratePlan: string;
}
type Kind =
  | "tenant" // names B's resource: Control Center's "not found" (or "forbidden")
  | "scoped_list" // lists what A may see: 200 without B's identifiers
  | "unmapped" // no meaning in Otter: 403 10000080 for everyone
  | "public"; // names nothing of anyone's (echo)

const TABLE: Record<
  string,
  { kind: Kind; path?: (w: World) => string; body?: (w: World) => unknown }
> = {
  "GET /echo": { kind: "public" },
  "GET /echo/:param": { kind: "public" },
  "GET /devices": {
    kind: "scoped_list",
    path: (w) => `/devices?modifiedSince=2000-01-01T00:00:00Z&iccid=${w.simB.iccid}`,
  },
  "GET /devices/:iccid": { kind: "tenant" },
  "GET /bulk/devices/:iccids": {
    kind: "scoped_list",
    path: (w) => `/bulk/devices/${w.simB.iccid}`,
  },
  "PUT /devices/:iccid": {
    kind: "tenant",
    body: () => ({ status: "RETIRED", accountCustom1: "x" }),
  },
  "GET /devices/:iccid/ctdUsages": { kind: "tenant" },
  "GET /devices/:iccid/usageInZone": { kind: "tenant" },
  "GET /devices/:iccid/sessionInfo": { kind: "tenant" },
  "GET /devices/:iccid/auditTrails": { kind: "tenant" },
  "GET /devices/:iccid/locationHistory": { kind: "tenant" },
  "POST /devices/:iccid/smsMessages": { kind: "tenant", body: () => ({ messageText: "hi" }) },
  "GET /usages": {
    kind: "scoped_list",
    path: (w) => `/usages?ratePlanName=${encodeURIComponent(w.ratePlan)}`,
  },
  "GET /rateplans": { kind: "tenant", path: (w) => `/rateplans?accountId=${w.accountB}` },
  "GET /accounts": { kind: "scoped_list" },
  "GET /accounts/:id": { kind: "tenant" },
  "GET /accounts/:id/ratePlans": { kind: "tenant" },
  "GET /users": { kind: "scoped_list" },
  "GET /users/:id": { kind: "tenant" },
  "POST /devices/transferDeviceToAccount": {
    kind: "tenant",
    body: (w) => ({ accountId: w.accountB, iccids: [w.simB.iccid] }),
  },
  "GET /smsMessages": {
    kind: "scoped_list",
    path: () => `/smsMessages?fromDate=2000-01-01T00:00:00Z&accountId=`,
  },
  "GET /smsMessages/:id": { kind: "tenant" },
};
const UNMAPPED_KINDS = [
  "/accounts",
  "/customers",
  "/users",
  "/apikey",
  "/eventplan",
  "/editeventplan",
  "/dynareport",
  "/devices/:iccid/sessionDetails",
];

describe("Control Center API: tenant isolation sweep over every /rws route", () => {
  let t: TestOtter;
  let asA: CcCredentials;
  let w: World;

  beforeAll(async () => {
    t = await startOtter();
    const cat = await buildCatalog(t);
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    await offer(t, cat, b.account.id);
    asA = { username: a.admin.email, apiKey: a.adminKey };
    const asB = { username: b.admin.email, apiKey: b.adminKey };
    const simB = await buildSim(t, {
      accountId: b.account.id,
      state: "ACTIVATED",
      ratePlan: cat.rate.name,
      communicationPlan: cat.comm.name,
    });
    const accountB = (await cc(t, "GET", "/accounts", { as: asB })).body.accounts[0].accountId;
    const userB = (await cc(t, "GET", "/users", { as: asB })).body.users[0].userId;
    // B's SMS number: the numbers exist only for SMS that were sent; none need to be for the sweep.
    w = { simB, accountB, userB, smsB: "1770000000000001", ratePlan: cat.rate.name };
  });
  afterAll(() => t.close());

  it("has a decision for every route", () => {
    const decided = new Set(Object.keys(TABLE));
    const missing = [...CC_ROUTES].filter(
      (r) => !decided.has(r) && !UNMAPPED_KINDS.some((u) => r.split(" ")[1]!.startsWith(u)),
    );
    expect(missing).toEqual([]);
  });

  it("never lets A see or change B's data", async () => {
    const before = (await t.api("GET", `/api/v1/sims/${w.simB.iccid}`)).body;
    for (const [route, entry] of Object.entries(TABLE)) {
      const [method, pattern] = route.split(" ") as [string, string];
      const path =
        entry.path?.(w) ??
        pattern
          .replace(":iccid", w.simB.iccid)
          .replace(":param", "x")
          .replace(
            ":id",
            pattern.startsWith("/users")
              ? w.userB
              : pattern.startsWith("/sms")
                ? w.smsB
                : w.accountB,
          );
      const r = await cc(t, method, path, { as: asA, body: entry.body?.(w) });
      const text = JSON.stringify(r.body);
      // An error may repeat what A asked for; it must not tell A anything more of B's.
      const asked = path + JSON.stringify(entry.body?.(w) ?? "");
      for (const id of [w.simB.iccid, w.simB.imsi, w.simB.msisdn])
        if (entry.kind !== "tenant" || !asked.includes(id))
          expect(text.includes(id), `${route} shows ${id}`).toBe(false);
      if (entry.kind === "tenant") {
        expect([403, 404], `${route}: ${r.status} ${text}`).toContain(r.status);
        expect(typeof r.body.errorCode).toBe("string");
      } else {
        expect(r.status, `${route}: ${text}`).toBe(200);
      }
      if (route === "GET /accounts") expect(text.includes(`"${w.accountB}"`)).toBe(false);
      if (route === "GET /users") expect(text.includes(`"${w.userB}"`)).toBe(false);
    }
    const after = (await t.api("GET", `/api/v1/sims/${w.simB.iccid}`)).body;
    expect(after).toEqual(before);
  });

  it("answers the unmapped endpoints with 403 10000080 for everyone", async () => {
    const r = await cc(t, "POST", "/accounts", { as: asA, body: { accountName: "x" } });
    expect(r.status).toBe(403);
    expect(r.body.errorCode).toBe("10000080");
  });
});
