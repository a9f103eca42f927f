import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmscServer, startSmscServer } from "../../src/sim/smsc-server.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, ccDate, type CcCredentials } from "./cc-client.js";

describe("Control Center API: SMS through Otter's SMS centres", () => {
  let t: TestOtter;
  let smsc: SmscServer;
  let a: Awaited<ReturnType<typeof buildCustomer>>;
  let asA: CcCredentials;
  let asB: CcCredentials;
  let sim: Awaited<ReturnType<typeof buildSim>>;
  const received: string[] = [];

  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    smsc = await startSmscServer({
      host: "127.0.0.1",
      port: 0,
      systemId: "otter",
      password: "smsc-pw1",
      deliver: (m) => {
        received.push(m.msisdn);
        return "delivered";
      },
      holdReceipts: () => false,
    });
    const c = await t.api("POST", "/api/v1/network/sms-centres", {
      body: {
        name: "smsc-1",
        host: "127.0.0.1",
        port: smsc.port,
        systemId: "otter",
        password: "smsc-pw1",
        sourceAddress: "+447700900000",
        imsiPrefixes: ["23415"],
      },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const cat = await buildCatalog(t);
    a = await buildCustomer(t);
    const b = await buildCustomer(t);
    await offer(t, cat, a.account.id);
    asA = { username: a.admin.email, apiKey: a.adminKey };
    asB = { username: b.admin.email, apiKey: b.adminKey };
    sim = await buildSim(t, {
      accountId: a.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.name,
      ratePlan: cat.rate.name,
    });
  });
  afterAll(async () => {
    await t.close();
    await smsc.close();
  });

  it("sends an SMS, finds it by date, and details it by its numeric id", async () => {
    const sent = await cc(t, "POST", `/devices/${sim.iccid}/smsMessages`, {
      as: asA,
      body: { messageText: "wake up", messageEncoding: "LITERAL" },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(typeof sent.body.smsMessageId).toBe("number");
    const id = sent.body.smsMessageId as number;
    for (let i = 0; i < 50 && received.length === 0; i++) {
      await t.otter.services.sms.deliverDue();
      await new Promise((r) => setTimeout(r, 20));
    }
    const search = await cc(t, "GET", `/smsMessages/?fromDate=${ccDate("2026-01-01")}`, {
      as: asA,
    });
    expect(search.status).toBe(200);
    expect(search.body).toEqual({ smsMsgIds: [id], pageNumber: 1, lastPage: true });
    const mo = await cc(t, "GET", `/smsMessages?fromDate=${ccDate("2026-01-01")}&msgType=MO`, {
      as: asA,
    });
    expect(mo.body.smsMsgIds).toEqual([]);
    const d = await cc(t, "GET", `/smsMessages/${id}`, { as: asA });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      smsMsgId: id,
      messageText: "wake up",
      msgType: "MT",
      sentTo: sim.msisdn,
      iccid: sim.iccid,
    });
    expect(["Pending", "Delivered"]).toContain(d.body.status);
    const b64 = await cc(t, "GET", `/smsMessages/${id}?messageEncoding=BASE64`, { as: asA });
    expect(b64.body.messageText).toBe(Buffer.from("wake up").toString("base64"));
  });

  it("refuses a bad request with Control Center's codes", async () => {
    const noText = await cc(t, "POST", `/devices/${sim.iccid}/smsMessages`, { as: asA, body: {} });
    expect(noText.body.errorCode).toBe("10000011");
    const enc = await cc(t, "POST", `/devices/${sim.iccid}/smsMessages`, {
      as: asA,
      body: { messageText: "x", messageEncoding: "ROT13" },
    });
    expect(enc.body.errorCode).toBe("10000017");
    expect((await cc(t, "GET", "/smsMessages", { as: asA })).body.errorCode).toBe("10000022");
    const missing = await cc(t, "GET", "/smsMessages/12345", { as: asA });
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBe("20000002");
  });

  it("never shows or sends for another customer", async () => {
    const sent = await cc(t, "POST", `/devices/${sim.iccid}/smsMessages`, {
      as: asB,
      body: { messageText: "hi" },
    });
    expect(sent.body.errorCode).toBe("20000001");
    const ids = (await cc(t, "GET", `/smsMessages?fromDate=${ccDate("2026-01-01")}`, { as: asA }))
      .body.smsMsgIds;
    const search = await cc(t, "GET", `/smsMessages?fromDate=${ccDate("2026-01-01")}`, { as: asB });
    expect(search.body.smsMsgIds).toEqual([]);
    const d = await cc(t, "GET", `/smsMessages/${ids[0]}`, { as: asB });
    expect(d.status).toBe(404);
    expect(d.body.errorCode).toBe("20000002");
  });
});
