/**
 * Turns the attributes of an Accounting-Request into a typed record. Validation happens here, once:
 * a field that does not decode is left out and named in `warnings`, so one bad attribute from a
 * gateway never costs the bytes of a Stop; only a missing or unknown Acct-Status-Type (nothing
 * can be done with such a record) makes the whole record invalid.
 *
 * @example
 * const packet = decodePacket(datagram);
 * if (packet.ok && verifyAccountingRequest(datagram, secret)) {
 *   const record = decodeAccounting(packet.value);
 *   if (record.ok) record.value.inputOctets; // gigawords included
 * }
 */
import { isUtf8 } from "node:buffer";
import type { RATS } from "../../modules/catalog/catalog.schemas.js";
import {
  luhnCheckDigit,
  luhnValid,
  parseImsi,
  type Imei,
  type Imsi,
} from "../../lib/identifiers.js";
import {
  A3gpp,
  ACCT_STATUS_TYPES,
  Attr,
  attributeName,
  PDP_TYPES,
  RAT_TYPES,
  TERMINATE_CAUSES,
  VENDOR_3GPP,
  VENDOR_SPECIFIC,
  type AcctStatusType,
} from "./dictionary.js";
import { Code, type RadiusPacket } from "./packet.js";
import { fail, ok, type Result } from "./result.js";
import { decodeMsTimeZone, type MsTimeZone } from "./timezone.js";
import { decodeUserLocationInfo, parsePlmnText, type Plmn, type UserLocation } from "./uli.js";

/** Otter's radio access technology, as everywhere in the API. */
export type Rat = (typeof RATS)[number];

export interface Coded<N extends string = string> {
  code: number;
  /** Null when the number is not one Otter knows. */
  name: N | null;
}

export interface AccountingRecord {
  statusType: { code: number; name: AcctStatusType };
  userName?: string;
  /** NAS-IP-Address, dotted quad: which gateway. */
  nasIp?: string;
  nasIdentifier?: string;
  /** Framed-IP-Address: the device's IP. */
  framedIp?: string;
  /** Called-Station-Id: the APN. */
  calledStationId?: string;
  /** Calling-Station-Id: the MSISDN, digits only (a leading `+` is dropped). */
  callingStationId?: string;
  sessionId?: string;
  sessionTime?: number;
  /** Acct-Delay-Time: seconds the gateway has been trying to send this record. */
  delayTime?: number;
  /** From the device (uplink), gigawords·2³² + octets. */
  inputOctets?: number;
  /** To the device (downlink), gigawords·2³² + octets. */
  outputOctets?: number;
  inputPackets?: number;
  outputPackets?: number;
  terminateCause?: Coded;
  eventTimestamp?: Date;
  imsi?: Imsi;
  chargingId?: number;
  pdpType?: Coded;
  sgsnAddress?: string;
  ggsnAddress?: string;
  /** Home PLMN (3GPP-IMSI-MCC-MNC). */
  imsiMccMnc?: Plmn;
  ggsnMccMnc?: Plmn;
  /** Serving (visited) PLMN: the roaming diagnosis. */
  sgsnMccMnc?: Plmn;
  nsapi?: number;
  selectionMode?: string;
  chargingCharacteristics?: string;
  /** 16 digits: IMEI without check digit + 2-digit software version. */
  imeisv?: string;
  /** 15 digits with the Luhn check digit, derived from the IMEISV. */
  imei?: Imei;
  ratType?: Coded;
  /** Null when the RAT type is not one Otter tracks (WLAN, GAN, 3GPP2…). */
  rat?: Rat | null;
  userLocation?: UserLocation;
  msTimeZone?: MsTimeZone;
  warnings: string[];
}

export type AccountingFailure =
  "not-accounting-request" | "status-type-missing" | "status-type-unknown";

const RAT_OF_TYPE: Readonly<Record<number, Rat>> = {
  1: "3G",
  2: "2G",
  5: "3G",
  6: "LTE",
  8: "NB-IoT",
  9: "LTE-M",
  51: "5G",
  52: "5G",
};

export function otterRat(ratType: number): Rat | null {
  return RAT_OF_TYPE[ratType] ?? null;
}

/** A value parser: the decoded value, or why not. */
type Value<T> = { v: T } | { error: string };
type Parse<T> = (b: Buffer) => Value<T>;

export function decodeAccounting(
  packet: RadiusPacket,
): Result<AccountingRecord, AccountingFailure> {
  if (packet.code !== Code.AccountingRequest)
    return fail("not-accounting-request", `code ${packet.code} is not an Accounting-Request (4)`);
  const warnings: string[] = [];
  const standard = new Map<number, Buffer[]>();
  const gpp = new Map<number, Buffer[]>();
  const push = (m: Map<number, Buffer[]>, k: number, v: Buffer) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const a of packet.attributes) {
    if (a.kind === "standard") {
      if (a.type === VENDOR_SPECIFIC)
        warnings.push("Vendor-Specific: too short to hold a vendor id; ignored");
      else push(standard, a.type, a.value);
    } else if (a.vendorId === VENDOR_3GPP) {
      if (a.kind === "vendor") push(gpp, a.vendorType, a.value);
      else
        warnings.push("3GPP Vendor-Specific: sub-attributes do not add up to its length; ignored");
    }
  }

  function field<T>(type: number, vendorId: number | undefined, parse: Parse<T>): T | undefined {
    const values = (vendorId === undefined ? standard : gpp).get(type);
    const first = values?.[0];
    if (!values || !first) return undefined;
    const name = attributeName(type, vendorId);
    if (values.length > 1) warnings.push(`${name}: sent ${values.length} times; the first is used`);
    const r = parse(first);
    if ("error" in r) {
      warnings.push(`${name}: ${r.error}`);
      return undefined;
    }
    return r.v;
  }
  const std = <T>(type: number, parse: Parse<T>) => field(type, undefined, parse);
  const v3 = <T>(type: number, parse: Parse<T>) => field(type, VENDOR_3GPP, parse);

  const statusValues = standard.get(Attr.AcctStatusType);
  if (!statusValues)
    return fail("status-type-missing", "Accounting-Request without Acct-Status-Type");
  const status = std(Attr.AcctStatusType, uint32);
  const statusName =
    status === undefined ? undefined : ACCT_STATUS_TYPES[status as keyof typeof ACCT_STATUS_TYPES];
  if (status === undefined || statusName === undefined) {
    const sent = status ?? `0x${statusValues[0]!.toString("hex")}`;
    return fail(
      "status-type-unknown",
      `Acct-Status-Type ${sent} is not Start, Stop, Interim-Update, Accounting-On or Accounting-Off`,
    );
  }

  const record: AccountingRecord = { statusType: { code: status, name: statusName }, warnings };
  const set = <K extends keyof AccountingRecord>(key: K, v: AccountingRecord[K] | undefined) => {
    if (v !== undefined) record[key] = v;
  };

  set("userName", std(Attr.UserName, text));
  set("nasIp", std(Attr.NasIpAddress, ipv4));
  set("nasIdentifier", std(Attr.NasIdentifier, text));
  set("framedIp", std(Attr.FramedIpAddress, ipv4));
  set("calledStationId", std(Attr.CalledStationId, text));
  set("callingStationId", std(Attr.CallingStationId, msisdn));
  set("sessionId", std(Attr.AcctSessionId, text));
  set("sessionTime", std(Attr.AcctSessionTime, uint32));
  set("delayTime", std(Attr.AcctDelayTime, uint32));
  set(
    "inputOctets",
    volume(
      std(Attr.AcctInputOctets, uint32),
      std(Attr.AcctInputGigawords, uint32),
      "input",
      warnings,
    ),
  );
  set(
    "outputOctets",
    volume(
      std(Attr.AcctOutputOctets, uint32),
      std(Attr.AcctOutputGigawords, uint32),
      "output",
      warnings,
    ),
  );
  set("inputPackets", std(Attr.AcctInputPackets, uint32));
  set("outputPackets", std(Attr.AcctOutputPackets, uint32));
  set("terminateCause", std(Attr.AcctTerminateCause, coded(uint32, TERMINATE_CAUSES)));
  set("eventTimestamp", std(Attr.EventTimestamp, timestamp));

  set("imsi", v3(A3gpp.Imsi, imsi));
  set("chargingId", v3(A3gpp.ChargingId, uint32));
  set("pdpType", v3(A3gpp.PdpType, coded(uint32, PDP_TYPES)));
  set("sgsnAddress", v3(A3gpp.SgsnAddress, ipv4));
  set("ggsnAddress", v3(A3gpp.GgsnAddress, ipv4));
  set("imsiMccMnc", v3(A3gpp.ImsiMccMnc, plmn));
  set("ggsnMccMnc", v3(A3gpp.GgsnMccMnc, plmn));
  set("sgsnMccMnc", v3(A3gpp.SgsnMccMnc, plmn));
  set("nsapi", v3(A3gpp.Nsapi, nsapi));
  set("selectionMode", v3(A3gpp.SelectionMode, pattern(/^[0-9]$/, "one digit")));
  set(
    "chargingCharacteristics",
    v3(A3gpp.ChargingCharacteristics, pattern(/^[0-9A-Fa-f]{4}$/, "4 hex digits")),
  );
  const device = v3(A3gpp.Imeisv, imeisv);
  if (device) {
    set("imeisv", device.imeisv);
    record.imei = device.imei;
    if (!device.imeisv) warnings.push("3GPP-IMEISV: carried a 15-digit IMEI, no software version");
  }
  const ratType = v3(A3gpp.RatType, coded(octet, RAT_TYPES));
  if (ratType) {
    record.ratType = ratType;
    record.rat = otterRat(ratType.code);
  }
  set(
    "userLocation",
    v3(A3gpp.UserLocationInfo, (b) => {
      const r = decodeUserLocationInfo(b);
      return r.ok ? { v: r.value } : { error: r.detail };
    }),
  );
  set(
    "msTimeZone",
    v3(A3gpp.MsTimeZone, (b) => {
      const r = decodeMsTimeZone(b);
      return r.ok ? { v: r.value } : { error: r.detail };
    }),
  );
  return ok(record);
}

function volume(
  octets: number | undefined,
  gigawords: number | undefined,
  dir: string,
  warnings: string[],
) {
  if (octets === undefined) {
    if (gigawords !== undefined)
      warnings.push(
        `Acct-${dir === "input" ? "Input" : "Output"}-Gigawords without octets; ignored`,
      );
    return undefined;
  }
  const total = (gigawords ?? 0) * 2 ** 32 + octets;
  if (!Number.isSafeInteger(total)) {
    warnings.push(`${dir} volume of ${gigawords} gigawords is beyond 2^53 octets; ignored`);
    return undefined;
  }
  return total;
}

const show = (b: Buffer) =>
  isUtf8(b)
    ? JSON.stringify(b.toString("utf8").slice(0, 40))
    : `0x${b.subarray(0, 20).toString("hex")}`;

function uint32(b: Buffer): Value<number> {
  return b.length === 4
    ? { v: b.readUInt32BE(0) }
    : { error: `expected 4 octets, got ${b.length}` };
}
function octet(b: Buffer): Value<number> {
  return b.length === 1 ? { v: b[0]! } : { error: `expected 1 octet, got ${b.length}` };
}
function ipv4(b: Buffer): Value<string> {
  return b.length === 4
    ? { v: [...b].join(".") }
    : { error: `expected an IPv4 address (4 octets), got ${b.length}` };
}
function timestamp(b: Buffer): Value<Date> {
  const r = uint32(b);
  return "v" in r ? { v: new Date(r.v * 1000) } : r;
}
/**
 * Text as PostgreSQL and a log can take it: UTF-8, no control characters. Trailing NULs (some
 * gateways send C strings) are dropped.
 */
function text(b: Buffer): Value<string> {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  const t = b.subarray(0, end);
  if (t.length === 0) return { error: "empty" };
  if (!isUtf8(t)) return { error: `not UTF-8: ${show(t)}` };
  const s = t.toString("utf8");
  if (/[\u0000-\u001f\u007f]/.test(s)) return { error: `contains control characters: ${show(t)}` };
  return { v: s };
}
function pattern(re: RegExp, what: string): Parse<string> {
  return (b) => {
    const t = text(b);
    if ("error" in t) return t;
    return re.test(t.v) ? t : { error: `${show(b)} is not ${what}` };
  };
}
function coded(parse: Parse<number>, names: Readonly<Record<number, string>>): Parse<Coded> {
  return (b) => {
    const r = parse(b);
    return "v" in r ? { v: { code: r.v, name: names[r.v] ?? null } } : r;
  };
}
function msisdn(b: Buffer): Value<string> {
  const t = text(b);
  if ("error" in t) return t;
  return /^\+?[0-9]{1,15}$/.test(t.v)
    ? { v: t.v.replace(/^\+/, "") }
    : { error: `${show(b)} is not an MSISDN` };
}
function imsi(b: Buffer): Value<Imsi> {
  const t = text(b);
  if ("error" in t) return t;
  const r = parseImsi(t.v);
  return r.ok ? { v: r.value } : { error: r.message };
}
function plmn(b: Buffer): Value<Plmn> {
  const t = text(b);
  if ("error" in t) return t;
  const p = parsePlmnText(t.v);
  return p ? { v: p } : { error: `${show(b)} is not MCC+MNC digits` };
}
function nsapi(b: Buffer): Value<number> {
  const t = text(b);
  if ("error" in t) return t;
  return /^[0-9A-Fa-f]$/.test(t.v)
    ? { v: parseInt(t.v, 16) }
    : { error: `${show(b)} is not one hex digit` };
}
/**
 * 16 digits = TAC(8) + serial(6) + SV(2); the IMEI is the first 14 plus a Luhn digit. A gateway that
 * sends the 15-digit IMEI instead is accepted for the IMEI when its check digit holds.
 */
function imeisv(b: Buffer): Value<{ imeisv?: string; imei: Imei }> {
  const t = text(b);
  if ("error" in t) return t;
  const d = t.v;
  if (/^[0-9]{16}$/.test(d))
    return { v: { imeisv: d, imei: (d.slice(0, 14) + luhnCheckDigit(d.slice(0, 14))) as Imei } };
  if (/^[0-9]{15}$/.test(d) && luhnValid(d)) return { v: { imei: d as Imei } };
  return { error: `${show(b)} is not a 16-digit IMEISV` };
}
