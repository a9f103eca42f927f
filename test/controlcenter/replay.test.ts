import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, type CcCredentials } from "./cc-client.js";

const imeiOf = (i: number) => {
  const body = `35209900176${String(i).padStart(3, "0")}`;
  return body + luhnCheckDigit(body);
};

/**
 * Every request shape of the reference's section 8 ("what real clients send and expect"), replayed
 * as those clients send it, raw where it matters (unencoded "+", no Accept header, a JSON
 * content type on a GET).
 */
describe("Control Center API: the request shapes real clients send (reference section 8)", () => {
  let t: TestOtter;
  let asA: CcCredentials;
  let cat: Awaited<ReturnType<typeof buildCatalog>>;
  const sims: Awaited<ReturnType<typeof buildSim>>[] = [];
  const basic = (c: CcCredentials) =>
    `Basic ${Buffer.from(`${c.username}:${c.apiKey}`).toString("base64")}`;
  /** A raw GET, with exactly the headers given (fetch adds no Accept of its own when one is set empty). */
  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}/rws/api/v1${path}`, {
      headers: { authorization: basic(asA), ...headers },
    });
    return { status: res.status, body: JSON.parse(await res.text()), headers: res.headers };
  };

  beforeAll(async () => {
    t = await startOtter();
    cat = await buildCatalog(t);
    const a = await buildCustomer(t);
    await offer(t, cat, a.account.id);
    asA = { username: a.admin.email, apiKey: a.adminKey };
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      sims.push(
        await buildSim(t, {
          accountId: a.account.id,
          state: "ACTIVATED",
          communicationPlan: cat.comm.name,
          ratePlan: cat.rate.name,
          imei: imeiOf(i),
        }),
      );
    }
  });
  afterAll(() => t.close());

  it("paging: pageNumber + 1 walks every page; only the last is short; lastPage is a boolean", async () => {
    const got: string[] = [];
    let page = 1;
    for (;;) {
      const r = await cc(
        t,
        "GET",
        `/devices?modifiedSince=2000-01-01T00:00:00Z&pageSize=2&pageNumber=${page}`,
        {
          as: asA,
        },
      );
      expect(typeof r.body.pageNumber).toBe("number");
      expect(r.body.lastPage === true || r.body.lastPage === false).toBe(true);
      got.push(...r.body.devices.map((d: { iccid: string }) => d.iccid));
      if (r.body.lastPage) break;
      expect(r.body.devices).toHaveLength(2);
      page = r.body.pageNumber + 1;
    }
    expect(got).toEqual(sims.map((s) => s.iccid));
  });

  it("paging: an empty accountId= filters nothing; pageSize above 50 never cuts a page short", async () => {
    const r = await cc(
      t,
      "GET",
      "/devices?modifiedSince=2014-01-01T00:00:00Z&accountId=&pageSize=1000",
      {
        as: asA,
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.devices).toHaveLength(5);
    expect(r.body.lastPage).toBe(true);
  });

  it("auth: no credentials gets the Basic challenge; the retry with credentials passes", async () => {
    const first = await fetch(`${t.url}/rws/api/v1/echo/ping`);
    expect(first.status).toBe(401);
    expect(first.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect((await raw("/echo/ping")).status).toBe(200);
  });

  it("types: accountId a string of digits out, an integer in; detail fields strings or null", async () => {
    const d = (await cc(t, "GET", `/devices/${sims[0]!.iccid}`, { as: asA })).body;
    expect(d.accountId).toMatch(/^\d+$/);
    for (const v of Object.values(d)) expect(v === null || typeof v === "string").toBe(true);
    const byInt = await cc(
      t,
      "GET",
      `/devices?modifiedSince=2014-01-01T00:00:00Z&accountId=${Number(d.accountId)}`,
      { as: asA },
    );
    expect(byInt.body.devices).toHaveLength(5);
  });

  it("types: ctdDataUsage a number of bytes (0 unused); usageInZone version a string, SMS keys in both cases", async () => {
    const u = (await cc(t, "GET", `/devices/${sims[0]!.iccid}/ctdUsages`, { as: asA })).body;
    expect(u.ctdDataUsage).toBe(0);
    const z = (await cc(t, "GET", `/devices/${sims[0]!.iccid}/usageInZone`, { as: asA })).body;
    expect(typeof z.cycleStartDate).toBe("string");
    expect(z.deviceCycleUsageInZones).toBeTypeOf("object");
  });

  it("sessionInfo carries apn; an unknown ICCID is 20000001 on details, sessionInfo, ctdUsages and PUT", async () => {
    const s = (await cc(t, "GET", `/devices/${sims[0]!.iccid}/sessionInfo`, { as: asA })).body;
    expect(s).toHaveProperty("apn");
    expect(s.dateSessionEnded).toBeNull();
    const unknown = "89440000000000000001";
    for (const [m, p] of [
      ["GET", `/devices/${unknown}`],
      ["GET", `/devices/${unknown}/sessionInfo`],
      ["GET", `/devices/${unknown}/ctdUsages`],
      ["PUT", `/devices/${unknown}`],
    ] as const) {
      const r = await cc(t, m, p, {
        as: asA,
        body: m === "PUT" ? { status: "ACTIVATED" } : undefined,
      });
      expect(r.status, p).toBe(404);
      expect(r.body.errorCode, p).toBe("20000001");
    }
  });

  it("/usages: cycleStartDate as yyyy-MM-01Z or with +00:00", async () => {
    const plan = encodeURIComponent(cat.rate.name);
    for (const c of ["2026-03-01Z", "2026-03-01T00:00:00%2B00:00", "2026-03-01T00:00:00+00:00"]) {
      const r = await cc(t, "GET", `/usages?ratePlanName=${plan}&cycleStartDate=${c}`, { as: asA });
      expect(r.status, c).toBe(200);
      expect(r.body.cycleStartDate, c).toBe("2026-03-01Z");
    }
  });

  it("search: modifiedTill, iccid, imsi, msisdn, imei; dates with Z; status in lower case", async () => {
    const s = sims[2]!;
    for (const q of [
      `iccid=${s.iccid}`,
      `imsi=${s.imsi}`,
      `msisdn=${s.msisdn}`,
      `imei=${imeiOf(2)}`,
    ]) {
      const r = await cc(
        t,
        "GET",
        `/devices?modifiedSince=2014-01-01T00:00:00Z&status=activated&${q}`,
        {
          as: asA,
        },
      );
      expect(
        r.body.devices.map((d: { iccid: string }) => d.iccid),
        q,
      ).toEqual([s.iccid]);
    }
    const till = await cc(
      t,
      "GET",
      "/devices?modifiedSince=2014-01-01T00:00:00Z&modifiedTill=2026-03-01T09:00:02Z",
      { as: asA },
    );
    expect(till.body.devices).toHaveLength(2);
  });

  it("modifiedSince with +00:00 unencoded (a space on arrival), URL-encoded, or with Z", async () => {
    for (const since of [
      "2014-01-01T00:00:00+00:00",
      "2014-01-01T00:00:00%2B00:00",
      "2014-01-01T00:00:00Z",
    ]) {
      const r = await raw(`/devices?modifiedSince=${since}`);
      expect(r.status, since).toBe(200);
      expect(r.body.devices, since).toHaveLength(5);
    }
  });

  it("requests: bare /echo; a JSON content type on a GET; no Accept header; a trailing slash; ?fields=,", async () => {
    expect((await raw("/echo")).status).toBe(200);
    expect((await raw("/echo/", { "content-type": "application/json" })).status).toBe(200);
    const d = await raw(`/devices/${sims[0]!.iccid}/?fields=,`, { accept: "" });
    expect(d.status).toBe(200);
    expect(d.body.iccid).toBe(sims[0]!.iccid);
    expect(d.headers.get("content-type")).toMatch(/json/);
  });

  it("PUT from a CSV row (strings, unchanged fields and nulls), with an Idempotency-Key, answers {iccid}", async () => {
    const s = sims[3]!;
    const row = {
      iccid: s.iccid,
      status: "ACTIVATED",
      ratePlan: cat.rate.name,
      communicationPlan: cat.comm.name,
      customer: null,
      deviceID: "",
      modemID: null,
      accountCustom1: "17",
      accountCustom2: "",
      overageLimitOverride: "DEFAULT",
      simNotes: null,
    };
    const r = await cc(t, "PUT", `/devices/${s.iccid}`, {
      as: asA,
      body: row,
      headers: { "idempotency-key": "csv-line-4" },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ iccid: s.iccid });
    expect(r.headers.get("content-type")).toMatch(/json/);
    const again = await cc(t, "PUT", `/devices/${s.iccid}`, {
      as: asA,
      body: row,
      headers: { "idempotency-key": "csv-line-4" },
    });
    expect(again.body).toEqual({ iccid: s.iccid });
    expect((await cc(t, "GET", `/devices/${s.iccid}`, { as: asA })).body.accountCustom1).toBe("17");
  });

  it("concurrency: a client fanning out 20 requests at once is served within the default limit", async () => {
    const all = await Promise.all(
      sims.flatMap((s) =>
        ["", "/ctdUsages", "/sessionInfo", "/auditTrails"].map((sub) =>
          cc(t, "GET", `/devices/${s.iccid}${sub}`, { as: asA }),
        ),
      ),
    );
    expect(all.map((r) => r.status)).toEqual(all.map(() => 200));
  });
});
