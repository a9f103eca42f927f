/**
 * What the benchmark sends: the SIMs (ICCID, IMSI, MSISDN), which SIM each data session runs on,
 * and the Accounting-Requests themselves, built with Otter's own codec (src/network/radius).
 *
 * Session s runs on SIM `simOf[s]` (a seeded sample of the SIMs, so sessions are spread over the
 * whole table rather than its first rows). Its n-th Interim-Update carries n·UP(s) octets from the
 * device and n·DOWN(s) to it, so the expected final counters of every session follow from the number
 * of its Interims that were answered.
 */
import { A3gpp, accountingRequest, attr, Attr } from "../../src/network/radius/index.js";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { prng } from "../util.js";

/** ICCID i: 89 46 (Sweden) 2 + 14-digit serial + Luhn check digit = 20 digits. */
export function iccidAt(i: number): string {
  const payload = `89462${String(i).padStart(14, "0")}`;
  return payload + luhnCheckDigit(payload);
}
/** IMSI i: test network 001-01 + 10 digits = 15 digits, unique. */
export const imsiAt = (i: number) => `00101${String(i).padStart(10, "0")}`;
/** MSISDN i: +46 70 + 9 digits (E.164, 13 digits). */
export const msisdnAt = (i: number) => `4670${String(i).padStart(9, "0")}`;

export function simCsv(n: number): string {
  const lines = ["iccid,imsi,msisdn,state"];
  for (let i = 0; i < n; i++) lines.push(`${iccidAt(i)},${imsiAt(i)},${msisdnAt(i)},ACTIVATED`);
  return `${lines.join("\n")}\n`;
}

/** Which SIM each session runs on: the first `sessions` SIMs of a seeded shuffle of all of them. */
export function sessionSims(sessions: number, sims: number): Int32Array {
  if (sessions > sims)
    throw new Error(`--sessions (${sessions}) cannot exceed --sims (${sims}): one session per SIM`);
  const rand = prng(0x5e55);
  const all = new Int32Array(sims);
  for (let i = 0; i < sims; i++) all[i] = i;
  for (let i = sims - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, sessions);
}

/** Octets per Interim, from / to the device; at most ~4·10⁴ · n, far from 2³² for any run here. */
export const upPerInterim = (s: number) => 1000 + (s % 997);
export const downPerInterim = (s: number) => 4 * upPerInterim(s) + 17;

export const NAS_IP = "10.255.0.1";
export const APN = "iot.bench.example";
export const SERVING_PLMN = "24007"; // Tele2 Sweden
export const sessionIdOf = (runTag: string, s: number) =>
  `${runTag}-${s.toString(16).padStart(6, "0")}`;

/**
 * One Accounting-Request: Start (n = 0) or the n-th Interim-Update of session s, as a packet gateway
 * (PGW) sends it: the standard accounting attributes plus 3GPP IMSI, Charging-ID, SGSN-MCC-MNC and
 * RAT-Type, each in its own Vendor-Specific.
 */
export function buildRequest(p: {
  kind: "start" | "interim";
  session: number;
  n: number;
  imsi: string;
  identifier: number;
  secret: string;
  runTag: string;
}): Buffer {
  const s = p.session;
  const attributes = [
    attr.uint32(Attr.AcctStatusType, p.kind === "start" ? 1 : 3),
    attr.string(Attr.AcctSessionId, sessionIdOf(p.runTag, s)),
    attr.ipv4(Attr.NasIpAddress, NAS_IP),
    attr.string(Attr.CalledStationId, APN),
    attr.ipv4(Attr.FramedIpAddress, `100.${64 + ((s >>> 16) & 63)}.${(s >>> 8) & 255}.${s & 255}`),
    attr.uint32(Attr.EventTimestamp, Math.floor(Date.now() / 1000)),
    attr.vsa3gpp(A3gpp.Imsi, p.imsi),
    attr.vsa3gpp(A3gpp.ChargingId, uint32(s + 1)),
    attr.vsa3gpp(A3gpp.SgsnMccMnc, SERVING_PLMN),
    attr.vsa3gpp(A3gpp.RatType, Buffer.from([s % 3 === 0 ? 9 : 6])), // LTE-M or E-UTRAN
  ];
  if (p.kind === "interim") {
    attributes.push(
      attr.uint32(Attr.AcctSessionTime, 60 * p.n),
      attr.uint32(Attr.AcctInputOctets, p.n * upPerInterim(s)),
      attr.uint32(Attr.AcctOutputOctets, p.n * downPerInterim(s)),
    );
  }
  return accountingRequest({ identifier: p.identifier, secret: p.secret, attributes });
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** A gateway's Accounting-On (Acct-Status-Type 7): used only to see that FreeRADIUS is up. */
export function accountingOn(identifier: number, secret: string): Buffer {
  return accountingRequest({
    identifier,
    secret,
    attributes: [
      attr.uint32(Attr.AcctStatusType, 7),
      attr.ipv4(Attr.NasIpAddress, NAS_IP),
      attr.uint32(Attr.EventTimestamp, Math.floor(Date.now() / 1000)),
    ],
  });
}
