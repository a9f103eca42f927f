import {
  A3gpp,
  attr,
  Attr,
  encodeUserLocationInfo,
  type OutgoingAttribute,
  type UserLocationInput,
} from "../network/radius/index.js";
import type { SimRat, StopSpec } from "./scenario.js";

/**
 * What the simulated gateway puts in an Accounting-Request, pure: the attributes a GGSN/PGW sends
 * (TS 29.061 §16.4, as ergw and Juniper MobileNext do): identity (3GPP-IMSI, User-Name, MSISDN,
 * IMEISV), session (Acct-Session-Id, 3GPP-Charging-ID, APN, Framed-IP), where (SGSN-MCC-MNC,
 * RAT-Type, User-Location-Info) and volumes with gigawords.
 */

/** 3GPP-RAT-Type of each of Otter's RATs (TS 29.274 §8.17). */
export const RAT_TYPE: Readonly<Record<SimRat, number>> = {
  "3G": 1,
  "2G": 2,
  LTE: 6,
  "NB-IoT": 8,
  "LTE-M": 9,
  "5G": 51,
};

export const STATUS = {
  start: 1,
  stop: 2,
  interim: 3,
  "accounting-on": 7,
  "accounting-off": 8,
} as const;

/** RFC 2866 §5.10 causes the simulator sends. */
export const TerminateCause = {
  UserRequest: 1,
  LostCarrier: 2,
  LostService: 3,
  AdminReset: 6,
  NasRequest: 10,
} as const;

export interface AccountingRecordSpec {
  status: "start" | "interim" | "stop";
  sessionId: string;
  chargingId: number;
  imsi: string;
  msisdn: string;
  imeisv: string;
  nasIp: string;
  apn: string;
  framedIp: string;
  where: StopSpec;
  at: Date;
  /** Seconds since the session started. */
  sessionTime: number;
  up: number;
  down: number;
  terminateCause?: number;
}

/** 3GPP-User-Location-Info for a stop, or null when the scenario gives no cell. */
export function userLocation(where: StopSpec): Buffer | null {
  const mcc = where.plmn.slice(0, 3);
  const mnc = where.plmn.slice(3);
  let loc: UserLocationInput | null = null;
  if (where.tac !== undefined && where.eci !== undefined)
    loc = { type: 130, mcc, mnc, tac: where.tac, eci: where.eci };
  else if (where.eci !== undefined) loc = { type: 129, mcc, mnc, eci: where.eci };
  else if (where.tac !== undefined) loc = { type: 128, mcc, mnc, tac: where.tac };
  else if (where.lac !== undefined && where.ci !== undefined)
    loc = { type: 0, mcc, mnc, lac: where.lac, ci: where.ci };
  else if (where.lac !== undefined && where.sac !== undefined)
    loc = { type: 1, mcc, mnc, lac: where.lac, sac: where.sac };
  return loc ? encodeUserLocationInfo(loc) : null;
}

const GIGAWORD = 2 ** 32;
/** Octets and gigawords (RFC 2869 §5.1): total = gigawords·2³² + octets. */
function volume(octetsType: number, gigawordsType: number, total: number): OutgoingAttribute[] {
  const giga = Math.floor(total / GIGAWORD);
  return [
    attr.uint32(octetsType, total % GIGAWORD),
    ...(giga > 0 ? [attr.uint32(gigawordsType, giga)] : []),
  ];
}

const packets = (bytes: number) => Math.ceil(bytes / 256);

export function accountingAttributes(r: AccountingRecordSpec): OutgoingAttribute[] {
  const uli = userLocation(r.where);
  const attrs: OutgoingAttribute[] = [
    attr.uint32(Attr.AcctStatusType, STATUS[r.status]),
    attr.string(Attr.AcctSessionId, r.sessionId),
    attr.string(Attr.UserName, r.imsi),
    attr.ipv4(Attr.NasIpAddress, r.nasIp),
    attr.uint32(Attr.ServiceType, 2), // Framed
    attr.uint32(Attr.FramedProtocol, 7), // GPRS-PDP-Context
    attr.ipv4(Attr.FramedIpAddress, r.framedIp),
    attr.string(Attr.CalledStationId, r.apn),
    attr.string(Attr.CallingStationId, r.msisdn),
    attr.uint32(Attr.NasPortType, 18), // Wireless-Other
    attr.date(Attr.EventTimestamp, r.at),
    attr.vsa3gppMany([
      { vendorType: A3gpp.Imsi, value: r.imsi },
      { vendorType: A3gpp.ChargingId, value: uint32(r.chargingId) },
      { vendorType: A3gpp.PdpType, value: uint32(0) }, // IPv4
      { vendorType: A3gpp.SgsnAddress, value: ipv4(r.nasIp) },
      { vendorType: A3gpp.GgsnAddress, value: ipv4(r.nasIp) },
      { vendorType: A3gpp.Nsapi, value: "5" },
      { vendorType: A3gpp.SelectionMode, value: "0" },
      { vendorType: A3gpp.ChargingCharacteristics, value: "0800" },
      { vendorType: A3gpp.SgsnMccMnc, value: r.where.plmn },
      { vendorType: A3gpp.Imeisv, value: r.imeisv },
      { vendorType: A3gpp.RatType, value: Buffer.from([RAT_TYPE[r.where.rat]]) },
      ...(uli ? [{ vendorType: A3gpp.UserLocationInfo, value: uli }] : []),
    ]),
  ];
  if (r.status !== "start") {
    attrs.push(
      attr.uint32(Attr.AcctSessionTime, r.sessionTime),
      ...volume(Attr.AcctInputOctets, Attr.AcctInputGigawords, r.up),
      ...volume(Attr.AcctOutputOctets, Attr.AcctOutputGigawords, r.down),
      attr.uint32(Attr.AcctInputPackets, packets(r.up)),
      attr.uint32(Attr.AcctOutputPackets, packets(r.down)),
    );
  }
  if (r.status === "stop")
    attrs.push(
      attr.uint32(Attr.AcctTerminateCause, r.terminateCause ?? TerminateCause.UserRequest),
    );
  return attrs;
}

/** Accounting-On: the gateway (re)started, so none of its earlier sessions exist any more. */
export function accountingOnAttributes(p: {
  nasIp: string;
  at: Date;
  sessionId: string;
}): OutgoingAttribute[] {
  return [
    attr.uint32(Attr.AcctStatusType, STATUS["accounting-on"]),
    attr.string(Attr.AcctSessionId, p.sessionId),
    attr.ipv4(Attr.NasIpAddress, p.nasIp),
    attr.date(Attr.EventTimestamp, p.at),
  ];
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}
function ipv4(ip: string): Buffer {
  return Buffer.from(ip.split(".").map(Number));
}
