import { spawn } from "node:child_process";
import dgram from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  A3gpp,
  accountingRequest,
  attr,
  Attr,
  verifyAccountingResponse,
} from "../../src/network/radius/index.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** Real UDP: a gateway as Otter's RADIUS edge sees it. */
let t: TestOtter;
const SECRET = "pgw-shared-secret";
let socket: dgram.Socket;
let sim: { iccid: string; imsi: string };
let ident = 0;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  await t.api("POST", "/api/v1/network/clients", {
    body: { name: "pgw-udp", address: "127.0.0.1", secret: SECRET },
  });
  const cat = await buildCatalog(t);
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  sim = await buildSim(t, {
    accountId: c.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  socket = dgram.createSocket("udp4");
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
});
afterAll(async () => {
  socket?.close();
  await t?.close();
});

function packet(
  status: number,
  session: string,
  extra: ReturnType<typeof attr.uint32>[] = [],
  secret = SECRET,
  identifier = ident++ % 256,
) {
  return accountingRequest({
    identifier,
    secret,
    attributes: [
      attr.uint32(Attr.AcctStatusType, status),
      attr.string(Attr.AcctSessionId, session),
      attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
      attr.string(Attr.CalledStationId, "iot.otter.example"),
      attr.vsa3gpp(A3gpp.Imsi, sim.imsi),
      attr.vsa3gpp(A3gpp.SgsnMccMnc, "20801"),
      attr.vsa3gpp(A3gpp.RatType, Buffer.from([9])),
      ...extra,
    ],
  });
}

/** Sends and waits for the answer (or `null` after `ms`). */
function send(buf: Buffer, ms = 1500): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off("message", on);
      resolve(null);
    }, ms);
    const on = (msg: Buffer) => {
      if (msg[1] !== buf[1]) return;
      clearTimeout(timer);
      socket.off("message", on);
      resolve(msg);
    };
    socket.on("message", on);
    socket.send(buf, t.otter.radiusPort!, "127.0.0.1");
  });
}

const sessions = async () => (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`)).body.items;

describe("RADIUS accounting over UDP", () => {
  it("answers Start, Interim and Stop with a valid Response Authenticator once stored", async () => {
    const start = packet(1, "udp-1");
    const res = await send(start);
    expect(res).not.toBeNull();
    expect(verifyAccountingResponse(res!, start.subarray(4, 20), SECRET)).toBe(true);
    expect((await sessions())[0]).toMatchObject({
      status: "open",
      apn: "iot.otter.example",
      rat: "LTE-M",
      mcc: "208",
      mnc: "01",
    });
    await send(
      packet(3, "udp-1", [
        attr.uint32(Attr.AcctInputOctets, 500),
        attr.uint32(Attr.AcctOutputOctets, 100),
        attr.uint32(Attr.AcctOutputGigawords, 1),
        attr.uint32(Attr.AcctSessionTime, 60),
      ]),
    );
    const stop = await send(
      packet(2, "udp-1", [
        attr.uint32(Attr.AcctInputOctets, 900),
        attr.uint32(Attr.AcctOutputOctets, 200),
        attr.uint32(Attr.AcctOutputGigawords, 1),
        attr.uint32(Attr.AcctSessionTime, 120),
        attr.uint32(Attr.AcctTerminateCause, 4),
      ]),
    );
    expect(stop).not.toBeNull();
    expect((await sessions())[0]).toMatchObject({
      status: "closed",
      bytesUp: 900,
      bytesDown: 2 ** 32 + 200,
      terminateCause: "Idle-Timeout",
    });
  });

  it("closes on Accounting-On the sessions sent before it and not those sent after, all in flight at once", async () => {
    const base = Math.floor(t.clock.now().getTime() / 1000) * 1000;
    const at = (s: number) => attr.date(Attr.EventTimestamp, new Date(base + s * 1000));
    const before = packet(1, "udp-on-1", [at(-20)]);
    const on = accountingRequest({
      identifier: ident++ % 256,
      secret: SECRET,
      attributes: [
        attr.uint32(Attr.AcctStatusType, 7),
        attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
        at(-10),
      ],
    });
    const after = packet(1, "udp-on-2", [at(-10)]);
    const answers = await Promise.all([send(before), send(on), send(after)]);
    expect(answers.every((a) => a !== null)).toBe(true);
    // The session started 20 s ago was open when the gateway restarted; the one after it was not.
    const startedAt = (sec: number) => new Date(base + sec * 1000).toISOString();
    const status = (sec: number) =>
      list.find((x: { startedAt: string }) => x.startedAt === startedAt(sec))?.status;
    const list = await sessions();
    expect([status(-20), status(-10)]).toEqual(["closed", "open"]);
  });

  it("answers a retransmission again without counting it twice", async () => {
    const stop = packet(2, "udp-2", [
      attr.uint32(Attr.AcctInputOctets, 1000),
      attr.uint32(Attr.AcctSessionTime, 30),
    ]);
    const [a, b] = await Promise.all([send(stop), send(stop)]);
    expect(a ?? b).not.toBeNull();
    const again = await send(stop);
    expect(again).not.toBeNull();
    // The same record in a new packet (new identifier) is a duplicate too.
    const resent = await send(
      packet(2, "udp-2", [
        attr.uint32(Attr.AcctInputOctets, 1000),
        attr.uint32(Attr.AcctSessionTime, 30),
      ]),
    );
    expect(resent).not.toBeNull();
    const day = t.clock.now().toISOString().slice(0, 10);
    const usage = await t.api("GET", `/api/v1/sims/${sim.iccid}/usage?from=${day}&to=${day}`);
    expect(usage.body.total.bytesUp).toBe(900 + 1000);
  });

  it("drops, without answering or storing, a wrong authenticator and an unknown gateway", async () => {
    const before = (await sessions()).length;
    expect(await send(packet(1, "udp-bad", [], "not-the-secret"), 500)).toBeNull();
    const metrics = (await t.api("GET", "/metrics", { key: null })).body as string;
    expect(metrics).toMatch(/otter_radius_dropped_total\{reason="bad_authenticator"\} [1-9]/);
    expect(await send(Buffer.from("garbage that is not radius"), 300)).toBeNull();
    expect((await sessions()).length).toBe(before);
  });
});

describe("radclient (FreeRADIUS) → Otter", () => {
  function radclient(lines: string[]): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const child = spawn("radclient", [
        "-x",
        "-r",
        "2",
        "-t",
        "2",
        `127.0.0.1:${t.otter.radiusPort}`,
        "acct",
        SECRET,
      ]);
      let out = "";
      child.stdout.on("data", (d) => {
        out += String(d);
      });
      child.stderr.on("data", (d) => {
        out += String(d);
      });
      child.on("error", (err) => resolve({ code: -1, out: String(err) }));
      child.on("close", (code) => resolve({ code, out }));
      child.stdin.end(`${lines.join("\n")}\n`);
    });
  }

  it("stores what a real gateway client sends, field by field, and answers it", async () => {
    const session = [
      'Acct-Session-Id = "rc-0001"',
      "NAS-IP-Address = 127.0.0.1",
      'Called-Station-Id = "m2m.savanna"',
      "Framed-IP-Address = 100.64.0.9",
      `3GPP-IMSI = "${sim.imsi}"`,
      '3GPP-SGSN-MCC-MNC = "63902"',
      "3GPP-RAT-Type = 8",
      '3GPP-IMEISV = "3533340712345601"',
      // TAI + ECGI in Kenya (639/02): TAC 0x0b6b, ECI 0x01e2401.
      "3GPP-User-Location-Info = 0x8236f9200b6b36f92001e24011",
    ];
    // Earlier tests pushed 4 GB through this SIM: its 50 MB cycle limit bars it until lifted.
    const barred = (await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body;
    expect(barred.state).toBe("BLOCKED");
    expect(barred.reason).toContain("data limit");
    await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { overageLimitOverride: "PERMANENT_OVERRIDE", reason: "field test" },
    });
    const start = await radclient(["Acct-Status-Type = Start", ...session]);
    expect(start.code, start.out).toBe(0);
    const conn = (await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`)).body;
    expect(conn).toMatchObject({
      state: "ONLINE",
      rat: "NB-IoT",
      imei: "353334071234567",
      imeisv: "3533340712345601",
      location: {
        mcc: "639",
        mnc: "02",
        country: "KE",
        network: "Safaricom",
        tac: 0x0b6b,
        eci: 0x1e24011,
      },
    });
    const stop = await radclient([
      "Acct-Status-Type = Stop",
      ...session,
      "Acct-Input-Octets = 4000",
      "Acct-Output-Octets = 1000",
      "Acct-Input-Gigawords = 2",
      "Acct-Session-Time = 3600",
      "Acct-Terminate-Cause = Lost-Carrier",
    ]);
    expect(stop.code, stop.out).toBe(0);
    const s = (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`)).body.items.find(
      (x: { apn: string }) => x.apn === "m2m.savanna",
    );
    expect(s).toMatchObject({
      status: "closed",
      ip: "100.64.0.9",
      bytesUp: 2 * 2 ** 32 + 4000,
      bytesDown: 1000,
      terminateCause: "Lost-Carrier",
      rat: "NB-IoT",
      mcc: "639",
      mnc: "02",
    });
  });
});
