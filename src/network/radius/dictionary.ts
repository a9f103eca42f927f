/**
 * Attribute numbers and names Otter knows (RFC 2865/2866/2869/5176 and 3GPP TS 29.061, vendor 10415),
 * in one place, and a builder for outgoing attributes:
 *
 * @example
 * encodePacket({ code: Code.AccountingRequest, identifier: 1, authenticator, attributes: [
 *   attr.uint32(Attr.AcctStatusType, 1), attr.string(Attr.CalledStationId, "iot.example"),
 *   attr.vsa3gppMany([{ vendorType: A3gpp.RatType, value: Buffer.from([9]) }, { vendorType: A3gpp.Imsi, value: "240070000000001" }]),
 * ] });
 */
import type {
  OutgoingAttribute,
  StandardAttribute,
  VendorAttribute,
  VendorGroup,
} from "./packet.js";

export const VENDOR_SPECIFIC = 26;
export const VENDOR_3GPP = 10415;

export const Attr = {
  UserName: 1,
  NasIpAddress: 4,
  ServiceType: 6,
  FramedProtocol: 7,
  FramedIpAddress: 8,
  Class: 25,
  VendorSpecific: VENDOR_SPECIFIC,
  CalledStationId: 30,
  CallingStationId: 31,
  NasIdentifier: 32,
  ProxyState: 33,
  AcctStatusType: 40,
  AcctDelayTime: 41,
  AcctInputOctets: 42,
  AcctOutputOctets: 43,
  AcctSessionId: 44,
  AcctSessionTime: 46,
  AcctInputPackets: 47,
  AcctOutputPackets: 48,
  AcctTerminateCause: 49,
  AcctInputGigawords: 52,
  AcctOutputGigawords: 53,
  EventTimestamp: 55,
  NasPortType: 61,
  AcctInterimInterval: 85,
  ErrorCause: 101,
} as const;

/** 3GPP vendor-specific attribute numbers (TS 29.061 §16.4.7). */
export const A3gpp = {
  Imsi: 1,
  ChargingId: 2,
  PdpType: 3,
  ChargingGatewayAddress: 4,
  NegotiatedQosProfile: 5,
  SgsnAddress: 6,
  GgsnAddress: 7,
  ImsiMccMnc: 8,
  GgsnMccMnc: 9,
  Nsapi: 10,
  SessionStopIndicator: 11,
  SelectionMode: 12,
  ChargingCharacteristics: 13,
  SgsnMccMnc: 18,
  Imeisv: 20,
  RatType: 21,
  UserLocationInfo: 22,
  MsTimeZone: 23,
} as const;

/** Names as in FreeRADIUS's dictionaries, so logs read like radclient/radiusd output. */
export const ATTRIBUTE_NAMES: Readonly<Record<number, string>> = {
  1: "User-Name",
  4: "NAS-IP-Address",
  6: "Service-Type",
  7: "Framed-Protocol",
  8: "Framed-IP-Address",
  25: "Class",
  26: "Vendor-Specific",
  30: "Called-Station-Id",
  31: "Calling-Station-Id",
  32: "NAS-Identifier",
  33: "Proxy-State",
  40: "Acct-Status-Type",
  41: "Acct-Delay-Time",
  42: "Acct-Input-Octets",
  43: "Acct-Output-Octets",
  44: "Acct-Session-Id",
  46: "Acct-Session-Time",
  47: "Acct-Input-Packets",
  48: "Acct-Output-Packets",
  49: "Acct-Terminate-Cause",
  52: "Acct-Input-Gigawords",
  53: "Acct-Output-Gigawords",
  55: "Event-Timestamp",
  61: "NAS-Port-Type",
  85: "Acct-Interim-Interval",
  101: "Error-Cause",
};

export const ATTRIBUTE_NAMES_3GPP: Readonly<Record<number, string>> = {
  1: "3GPP-IMSI",
  2: "3GPP-Charging-ID",
  3: "3GPP-PDP-Type",
  4: "3GPP-Charging-Gateway-Address",
  5: "3GPP-GPRS-Negotiated-QoS-profile",
  6: "3GPP-SGSN-Address",
  7: "3GPP-GGSN-Address",
  8: "3GPP-IMSI-MCC-MNC",
  9: "3GPP-GGSN-MCC-MNC",
  10: "3GPP-NSAPI",
  11: "3GPP-Session-Stop-Indicator",
  12: "3GPP-Selection-Mode",
  13: "3GPP-Charging-Characteristics",
  18: "3GPP-SGSN-MCC-MNC",
  20: "3GPP-IMEISV",
  21: "3GPP-RAT-Type",
  22: "3GPP-User-Location-Info",
  23: "3GPP-MS-Time-Zone",
};

export function attributeName(type: number, vendorId?: number): string {
  if (vendorId === undefined) return ATTRIBUTE_NAMES[type] ?? `Attr-${type}`;
  if (vendorId === VENDOR_3GPP) return ATTRIBUTE_NAMES_3GPP[type] ?? `3GPP-Attr-${type}`;
  return `Vendor-${vendorId}-Attr-${type}`;
}

export const ACCT_STATUS_TYPES = {
  1: "start",
  2: "stop",
  3: "interim",
  7: "accounting-on",
  8: "accounting-off",
} as const;
export type AcctStatusType = (typeof ACCT_STATUS_TYPES)[keyof typeof ACCT_STATUS_TYPES];

/** RFC 2866 §5.10. */
export const TERMINATE_CAUSES: Readonly<Record<number, string>> = {
  1: "User-Request",
  2: "Lost-Carrier",
  3: "Lost-Service",
  4: "Idle-Timeout",
  5: "Session-Timeout",
  6: "Admin-Reset",
  7: "Admin-Reboot",
  8: "Port-Error",
  9: "NAS-Error",
  10: "NAS-Request",
  11: "NAS-Reboot",
  12: "Port-Unneeded",
  13: "Port-Preempted",
  14: "Port-Suspended",
  15: "Service-Unavailable",
  16: "Callback",
  17: "User-Error",
  18: "Host-Request",
};

/** TS 29.061 3GPP-PDP-Type. */
export const PDP_TYPES: Readonly<Record<number, string>> = {
  0: "IPv4",
  1: "PPP",
  2: "IPv6",
  3: "IPv4v6",
  4: "Non-IP",
  5: "Unstructured",
  6: "Ethernet",
};

/** TS 29.274 RAT Type as carried in 3GPP-RAT-Type (one octet). */
export const RAT_TYPES: Readonly<Record<number, string>> = {
  1: "UTRAN",
  2: "GERAN",
  3: "WLAN",
  4: "GAN",
  5: "HSPA-Evolution",
  6: "EUTRAN",
  7: "Virtual",
  8: "EUTRAN-NB-IoT",
  9: "LTE-M",
  51: "NR",
  52: "NR-U",
  53: "Trusted-WLAN",
  101: "IEEE-802.16e",
  102: "3GPP2-eHRPD",
  103: "3GPP2-HRPD",
  104: "3GPP2-1xRTT",
  105: "3GPP2-UMB",
};

/** Octet encoders for attribute values; they throw RangeError on values that cannot be sent. */
export const value = {
  string(s: string): Buffer {
    return Buffer.from(s, "utf8");
  },
  uint32(n: number): Buffer {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`not a uint32: ${n}`);
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  },
  ipv4(ip: string): Buffer {
    const parts = ip.split(".");
    if (
      parts.length !== 4 ||
      !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)
    )
      throw new RangeError(`not an IPv4 address: ${ip}`);
    return Buffer.from(parts.map(Number));
  },
  date(d: Date): Buffer {
    return value.uint32(Math.floor(d.getTime() / 1000));
  },
};

const octets = (v: Buffer | string) => (typeof v === "string" ? value.string(v) : v);

/** Builders for outgoing attributes: `attr.string(30, "iot.example")`, `attr.vsa3gpp(21, Buffer.from([9]))`. */
export const attr = {
  octets: (type: number, v: Buffer): StandardAttribute => ({ kind: "standard", type, value: v }),
  string: (type: number, s: string): StandardAttribute => ({
    kind: "standard",
    type,
    value: value.string(s),
  }),
  uint32: (type: number, n: number): StandardAttribute => ({
    kind: "standard",
    type,
    value: value.uint32(n),
  }),
  ipv4: (type: number, ip: string): StandardAttribute => ({
    kind: "standard",
    type,
    value: value.ipv4(ip),
  }),
  date: (type: number, d: Date): StandardAttribute => ({
    kind: "standard",
    type,
    value: value.date(d),
  }),
  /** One sub-attribute in its own Vendor-Specific; a string value is sent as UTF-8. */
  vsa: (vendorId: number, vendorType: number, v: Buffer | string): VendorAttribute => ({
    kind: "vendor",
    type: VENDOR_SPECIFIC,
    vendorId,
    vendorType,
    value: octets(v),
  }),
  vsa3gpp: (vendorType: number, v: Buffer | string): VendorAttribute =>
    attr.vsa(VENDOR_3GPP, vendorType, v),
  /** Several 3GPP sub-attributes packed into one Vendor-Specific (RFC 2865 §5.26 allows it). */
  vsa3gppMany: (
    subs: ReadonlyArray<{ vendorType: number; value: Buffer | string }>,
  ): VendorGroup => ({
    kind: "vendor-group",
    type: VENDOR_SPECIFIC,
    vendorId: VENDOR_3GPP,
    attributes: subs.map((s) => ({ vendorType: s.vendorType, value: octets(s.value) })),
  }),
} satisfies Record<string, (...args: never[]) => OutgoingAttribute>;
