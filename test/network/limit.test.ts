import dgram from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import {
  Attr,
  decodePacket,
  disconnectResponse,
  verifyDisconnectRequest,
} from "../../src/network/radius/index.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** A gateway that takes Disconnect-Requests on its CoA port, as a PGW does. */
let t: TestOtter;
let gateway: dgram.Socket;
let clientId: string;
const SECRET = "coa-shared-secret";
const received: Buffer[] = [];
let answerAck = true;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  gateway = dgram.createSocket("udp4");
  gateway.on("message", (msg, rinfo) => {
    received.push(msg);
    const p = decodePacket(msg);
    if (p.ok && verifyDisconnectRequest(msg, SECRET))
      gateway.send(disconnectResponse(p.value, SECRET, answerAck), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => gateway.bind(0, "127.0.0.1", () => r()));
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: {
        name: "pgw-coa",
        address: "127.0.0.1",
        secret: SECRET,
        coaPort: gateway.address().port,
      },
    })
  ).body.id;
});
afterAll(async () => {
  gateway?.close();
  await t?.close();
});

let n = 0;
const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `L${n++}`,
  eventAt: t.clock.now(),
  nasIp: "127.0.0.1",
  record: {},
  ...r,
});

describe("data limit", () => {
  it("bars a SIM over its cycle's limit: Disconnect-Request to its gateway, acknowledged, and BLOCKED", async () => {
    const cat = await buildCatalog(t); // 50 MB limit per cycle
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    const sim = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "start",
        sessionId: "lim-1",
        imsi: sim.imsi,
        framedIp: "10.0.0.9",
        serving: { mcc: "208", mnc: "01" },
      }),
    ]);
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "interim",
        sessionId: "lim-1",
        imsi: sim.imsi,
        bytesUp: 10_000_000,
        bytesDown: 45_000_000,
        sessionTime: 600,
        serving: { mcc: "208", mnc: "01" },
      }),
    ]);
    expect(await t.otter.services.networkActions.deliverDue()).toBe(1);
    const req = received.at(-1)!;
    expect(verifyDisconnectRequest(req, SECRET)).toBe(true);
    const attrs = decodePacket(req);
    expect(
      attrs.ok &&
        attrs.value.attributes
          .find((a) => a.kind === "standard" && a.type === Attr.AcctSessionId)
          ?.value.toString(),
    ).toBe("lim-1");
    const actions = await t.api("GET", `/api/v1/sims/${sim.iccid}/network-actions`, {
      key: c.userKey,
    });
    expect(actions.body.items[0]).toMatchObject({
      kind: "disconnect",
      status: "acked",
      requestedBy: "system",
    });
    expect(actions.body.items[0].reason).toContain("data limit");
    const conn = await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`, { key: c.userKey });
    expect(conn.body.state).toBe("BLOCKED");
    // Another Interim of the same session changes nothing more: one Disconnect per session.
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "interim",
        sessionId: "lim-1",
        imsi: sim.imsi,
        bytesUp: 10_000_001,
        bytesDown: 45_000_000,
        sessionTime: 900,
      }),
    ]);
    expect(await t.otter.services.networkActions.deliverDue()).toBe(0);
    // A session the device opens anyway is torn down too; the gateway may refuse (NAK), and Otter says so.
    answerAck = false;
    await t.otter.services.signals.recordAccounting([
      acct({ status: "start", sessionId: "lim-2", imsi: sim.imsi }),
    ]);
    expect(await t.otter.services.networkActions.deliverDue()).toBe(1);
    const after = await t.api("GET", `/api/v1/sims/${sim.iccid}/network-actions`);
    expect(after.body.items[0]).toMatchObject({ status: "nak" });
    // Lifting the limit unblocks it.
    await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { overageLimitOverride: "TEMPORARY_OVERRIDE", reason: "customer paid for more" },
    });
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body.state).toBe(
      "ONLINE",
    );
  });
});
