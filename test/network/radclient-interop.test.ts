/**
 * Interop with a real third-party RADIUS client: FreeRADIUS's radclient (Debian freeradius-utils)
 * sends Start, Interim-Update and Stop with 3GPP attributes to a UDP socket served by Otter's codec.
 * radclient exits 0 only when it got an Accounting-Response whose Response Authenticator is right.
 */
import { spawn, spawnSync } from "node:child_process";
import { createSocket, type Socket } from "node:dgram";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountingResponse,
  decodeAccounting,
  decodePacket,
  verifyAccountingRequest,
  type AccountingRecord,
} from "../../src/network/radius/index.js";

const SECRET = "otter-interop-secret";

interface Received {
  verified: boolean;
  record: AccountingRecord | string;
}

let socket: Socket;
let port = 0;
let received: Received[] = [];
/** The secret the test's server signs its answers with; a wrong one must make radclient complain. */
let responseSecret = SECRET;

/** Not skipped when missing: every test fails and says what to install. */
const RADCLIENT_MISSING = spawnSync("radclient", ["-v"]).error
  ? "radclient is not installed: install the Debian package freeradius-utils (apt-get install -y freeradius-utils); .ci/run installs it"
  : null;

beforeAll(async () => {
  socket = createSocket("udp4");
  socket.on("message", (msg, from) => {
    // As the accounting server does: a packet that fails the authenticator is dropped, not answered.
    const verified = verifyAccountingRequest(msg, SECRET);
    const packet = decodePacket(msg);
    const record = packet.ok ? decodeAccounting(packet.value) : packet;
    received.push({
      verified,
      record: record.ok ? record.value : `${record.reason}: ${record.detail}`,
    });
    if (verified && packet.ok && record.ok)
      socket.send(accountingResponse(packet.value, responseSecret), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  port = (socket.address() as AddressInfo).port;
});

afterAll(() => {
  socket?.close();
});

/** Runs radclient with attribute lines on stdin; the test's socket answers while it waits. */
function radclient(
  secret: string,
  lines: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (RADCLIENT_MISSING) throw new Error(RADCLIENT_MISSING);
  return new Promise((resolve, reject) => {
    const child = spawn("radclient", [
      "-x",
      "-r",
      "1",
      "-t",
      "1",
      `127.0.0.1:${port}`,
      "acct",
      secret,
    ]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.join("\n") + "\n");
  });
}

async function send(lines: string[]): Promise<AccountingRecord> {
  received = [];
  const r = await radclient(SECRET, lines);
  expect(r.code, `radclient failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
  expect(r.stdout).toMatch(/Received Accounting-Response Id \d+ from 127\.0\.0\.1/);
  expect(received).toHaveLength(1);
  expect(received[0]!.verified).toBe(true);
  const record = received[0]!.record;
  if (typeof record === "string") throw new Error(record);
  return record;
}

/** What a PGW sends for one PDP context of an LTE-M tracker from Sweden roaming in France. */
const session = [
  'User-Name = "240070000000001"',
  "NAS-IP-Address = 192.0.2.10",
  'NAS-Identifier = "pgw-otter-1"',
  "Framed-IP-Address = 100.64.0.7",
  'Called-Station-Id = "iot.example"',
  'Calling-Station-Id = "46701234567"',
  'Acct-Session-Id = "075bcd15-c000020a"',
  '3GPP-IMSI = "240070000000001"',
  "3GPP-Charging-ID = 123456789",
  "3GPP-PDP-Type = 0",
  "3GPP-SGSN-Address = 198.51.100.1",
  "3GPP-GGSN-Address = 192.0.2.10",
  '3GPP-IMSI-MCC-MNC = "24007"',
  '3GPP-GGSN-MCC-MNC = "24007"',
  '3GPP-SGSN-MCC-MNC = "20801"',
  '3GPP-NSAPI = "5"',
  '3GPP-Selection-Mode = "0"',
  '3GPP-Charging-Characteristics = "0800"',
  '3GPP-IMEISV = "3533340712345601"',
  // Numeric: Debian's dictionary names RAT types only up to 7 (Virtual).
  "3GPP-RAT-Type = 9",
  "3GPP-MS-Time-Zone = 0x8001",
];
/** TAI+ECGI in France (208/01), TAC 0x0b6b, given to radclient as raw hex. */
const tai = (eci: string) => `3GPP-User-Location-Info = 0x8202f8100b6b02f810${eci}`;

const sessionFields = {
  userName: "240070000000001",
  nasIp: "192.0.2.10",
  nasIdentifier: "pgw-otter-1",
  framedIp: "100.64.0.7",
  calledStationId: "iot.example",
  callingStationId: "46701234567",
  sessionId: "075bcd15-c000020a",
  imsi: "240070000000001",
  chargingId: 123456789,
  pdpType: { code: 0, name: "IPv4" },
  sgsnAddress: "198.51.100.1",
  ggsnAddress: "192.0.2.10",
  imsiMccMnc: { mcc: "240", mnc: "07" },
  ggsnMccMnc: { mcc: "240", mnc: "07" },
  sgsnMccMnc: { mcc: "208", mnc: "01" },
  nsapi: 5,
  selectionMode: "0",
  chargingCharacteristics: "0800",
  imeisv: "3533340712345601",
  imei: "353334071234567",
  ratType: { code: 9, name: "LTE-M" },
  rat: "LTE-M",
  msTimeZone: { offsetMinutes: 120, dstHours: 1 },
  warnings: [],
};
const location = (eci: number, raw: string) => ({
  type: 130,
  typeName: "TAI+ECGI",
  mcc: "208",
  mnc: "01",
  tac: 0x0b6b,
  eci,
  enbId: eci >>> 8,
  enbIdBits: 20,
  cellId: eci & 0xff,
  raw,
});

describe("radclient (FreeRADIUS) → Otter's RADIUS codec", () => {
  it("Start", async () => {
    const r = await send([
      "Acct-Status-Type = Start",
      ...session,
      tai("01a2c30a"),
      "Event-Timestamp = 1740830400",
    ]);
    expect(r).toEqual({
      statusType: { code: 1, name: "start" },
      ...sessionFields,
      eventTimestamp: new Date("2025-03-01T12:00:00Z"),
      userLocation: location(0x01a2c30a, "8202f8100b6b02f81001a2c30a"),
    });
  });

  it("Interim-Update, with gigawords and a new cell", async () => {
    const r = await send([
      "Acct-Status-Type = Interim-Update",
      ...session,
      tai("01a2c40b"),
      "Acct-Session-Time = 600",
      "Acct-Input-Octets = 1000",
      "Acct-Input-Gigawords = 1",
      "Acct-Output-Octets = 4294967295",
      "Acct-Output-Gigawords = 2",
      "Acct-Input-Packets = 40",
      "Acct-Output-Packets = 50",
    ]);
    expect(r).toEqual({
      statusType: { code: 3, name: "interim" },
      ...sessionFields,
      userLocation: location(0x01a2c40b, "8202f8100b6b02f81001a2c40b"),
      sessionTime: 600,
      inputOctets: 2 ** 32 + 1000,
      outputOctets: 2 * 2 ** 32 + 4294967295,
      inputPackets: 40,
      outputPackets: 50,
    });
  });

  it("Stop, with a terminate cause", async () => {
    const r = await send([
      "Acct-Status-Type = Stop",
      ...session,
      tai("01a2c40b"),
      "Acct-Session-Time = 900",
      "Acct-Input-Octets = 2000",
      "Acct-Input-Gigawords = 1",
      "Acct-Output-Octets = 3000",
      "Acct-Output-Gigawords = 0",
      "Acct-Terminate-Cause = Idle-Timeout",
      "Event-Timestamp = 1740831300",
    ]);
    expect(r).toEqual({
      statusType: { code: 2, name: "stop" },
      ...sessionFields,
      userLocation: location(0x01a2c40b, "8202f8100b6b02f81001a2c40b"),
      sessionTime: 900,
      inputOctets: 2 ** 32 + 2000,
      outputOctets: 3000,
      terminateCause: { code: 4, name: "Idle-Timeout" },
      eventTimestamp: new Date("2025-03-01T12:15:00Z"),
    });
  });

  it("radclient rejects an answer signed with the wrong secret", async () => {
    received = [];
    responseSecret = "not-the-secret";
    try {
      const r = await radclient(SECRET, ["Acct-Status-Type = Start", ...session]);
      expect(received.map((x) => x.verified)).toEqual([true]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/invalid Response Authenticator/);
    } finally {
      responseSecret = SECRET;
    }
  });

  it("a request signed with another secret fails verification and gets no answer", async () => {
    received = [];
    const r = await radclient("someone-else", ["Acct-Status-Type = Start", ...session]);
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((x) => !x.verified)).toBe(true);
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/No reply from server/);
  });
});
