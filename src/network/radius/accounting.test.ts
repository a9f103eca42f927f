import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { luhnValid } from "../../lib/identifiers.js";
import { RATS } from "../../modules/catalog/catalog.schemas.js";
import { decodeAccounting, otterRat, type AccountingRecord } from "./accounting.js";
import { accountingRequest } from "./authenticator.js";
import { A3gpp, attr, Attr, value, VENDOR_3GPP } from "./dictionary.js";
import { decodePacket, encodePacket, type RadiusPacket, type RawAttribute } from "./packet.js";
import { encodeMsTimeZone } from "./timezone.js";
import { encodeUserLocationInfo } from "./uli.js";

const RADCLIENT_INTERIM = Buffer.from(
  readFileSync(new URL("./testdata/radclient-interim.txt", import.meta.url), "utf8")
    .replace(/^#.*$/gm, "")
    .trim(),
  "hex",
);

const packetOf = (attributes: RawAttribute[], code = 4): RadiusPacket => ({
  code,
  identifier: 1,
  authenticator: Buffer.alloc(16),
  attributes,
});
const record = (attributes: RawAttribute[]): AccountingRecord => {
  const r = decodeAccounting(packetOf(attributes));
  if (!r.ok) throw new Error(r.detail);
  return r.value;
};
const start = attr.uint32(Attr.AcctStatusType, 1);

describe("decodeAccounting", () => {
  it("decodes radclient's Interim-Update field by field", () => {
    const p = decodePacket(RADCLIENT_INTERIM);
    if (!p.ok) throw new Error(p.detail);
    const r = decodeAccounting(p.value);
    expect(r).toEqual({
      ok: true,
      value: {
        statusType: { code: 3, name: "interim" },
        userName: "240070000000001",
        nasIp: "10.1.2.3",
        calledStationId: "iot.example",
        callingStationId: "46701234567",
        sessionId: "0a0102030000abcd",
        inputOctets: 2 ** 32 + 1000,
        outputOctets: 2000,
        imsi: "240070000000001",
        imeisv: "3533340712345601",
        imei: "353334071234567",
        ratType: { code: 8, name: "EUTRAN-NB-IoT" },
        rat: "NB-IoT",
        sgsnMccMnc: { mcc: "240", mnc: "01" },
        userLocation: {
          type: 130,
          typeName: "TAI+ECGI",
          mcc: "240",
          mnc: "01",
          tac: 0x0b6b,
          eci: 0x01a2c30a,
          enbId: 0x1a2c3,
          enbIdBits: 20,
          cellId: 0x0a,
          raw: "8242f0100b6b42f01001a2c30a",
        },
        msTimeZone: { offsetMinutes: 120, dstHours: 1 },
        warnings: [],
      },
    });
  });

  it("decodes every field Otter reads from a Stop", () => {
    const buf = accountingRequest({
      identifier: 3,
      secret: "s",
      attributes: [
        attr.uint32(Attr.AcctStatusType, 2),
        attr.string(Attr.UserName, "imsi@iot.example"),
        attr.ipv4(Attr.NasIpAddress, "192.0.2.10"),
        attr.string(Attr.NasIdentifier, "pgw-1"),
        attr.ipv4(Attr.FramedIpAddress, "100.64.0.7"),
        attr.string(Attr.CalledStationId, "iot.example"),
        attr.string(Attr.CallingStationId, "+46701234567"),
        attr.string(Attr.AcctSessionId, "C0A8000A-00000001"),
        attr.uint32(Attr.AcctSessionTime, 3600),
        attr.uint32(Attr.AcctDelayTime, 2),
        attr.uint32(Attr.AcctInputOctets, 0xffffffff),
        attr.uint32(Attr.AcctInputGigawords, 3),
        attr.uint32(Attr.AcctOutputOctets, 5),
        attr.uint32(Attr.AcctOutputGigawords, 0),
        attr.uint32(Attr.AcctInputPackets, 10),
        attr.uint32(Attr.AcctOutputPackets, 11),
        attr.uint32(Attr.AcctTerminateCause, 4),
        attr.date(Attr.EventTimestamp, new Date("2025-03-01T12:00:00Z")),
        attr.vsa3gppMany([
          { vendorType: A3gpp.Imsi, value: "240070000000001" },
          { vendorType: A3gpp.ChargingId, value: value.uint32(0xdeadbeef) },
          { vendorType: A3gpp.PdpType, value: value.uint32(3) },
          { vendorType: A3gpp.SgsnAddress, value: value.ipv4("198.51.100.1") },
          { vendorType: A3gpp.GgsnAddress, value: value.ipv4("198.51.100.2") },
          { vendorType: A3gpp.ImsiMccMnc, value: "24007" },
          { vendorType: A3gpp.GgsnMccMnc, value: "24007" },
          { vendorType: A3gpp.SgsnMccMnc, value: "310170" },
          { vendorType: A3gpp.Nsapi, value: "b" },
          { vendorType: A3gpp.SelectionMode, value: "0" },
          { vendorType: A3gpp.ChargingCharacteristics, value: "0800" },
        ]),
        attr.vsa3gpp(A3gpp.Imeisv, "4901542032375106"),
        attr.vsa3gpp(A3gpp.RatType, Buffer.from([9])),
        attr.vsa3gpp(
          A3gpp.UserLocationInfo,
          encodeUserLocationInfo({ type: 0, mcc: "310", mnc: "170", lac: 1, ci: 2 }),
        ),
        attr.vsa3gpp(A3gpp.MsTimeZone, encodeMsTimeZone({ offsetMinutes: -300, dstHours: 0 })),
      ],
    });
    const p = decodePacket(buf);
    if (!p.ok) throw new Error(p.detail);
    const r = decodeAccounting(p.value);
    if (!r.ok) throw new Error(r.detail);
    expect(r.value).toEqual({
      statusType: { code: 2, name: "stop" },
      userName: "imsi@iot.example",
      nasIp: "192.0.2.10",
      nasIdentifier: "pgw-1",
      framedIp: "100.64.0.7",
      calledStationId: "iot.example",
      callingStationId: "46701234567",
      sessionId: "C0A8000A-00000001",
      sessionTime: 3600,
      delayTime: 2,
      inputOctets: 3 * 2 ** 32 + 0xffffffff,
      outputOctets: 5,
      inputPackets: 10,
      outputPackets: 11,
      terminateCause: { code: 4, name: "Idle-Timeout" },
      eventTimestamp: new Date("2025-03-01T12:00:00Z"),
      imsi: "240070000000001",
      chargingId: 0xdeadbeef,
      pdpType: { code: 3, name: "IPv4v6" },
      sgsnAddress: "198.51.100.1",
      ggsnAddress: "198.51.100.2",
      imsiMccMnc: { mcc: "240", mnc: "07" },
      ggsnMccMnc: { mcc: "240", mnc: "07" },
      sgsnMccMnc: { mcc: "310", mnc: "170" },
      nsapi: 11,
      selectionMode: "0",
      chargingCharacteristics: "0800",
      imeisv: "4901542032375106",
      imei: "490154203237518",
      ratType: { code: 9, name: "LTE-M" },
      rat: "LTE-M",
      userLocation: {
        type: 0,
        typeName: "CGI",
        mcc: "310",
        mnc: "170",
        lac: 1,
        ci: 2,
        raw: "00130071" + "00010002",
      },
      msTimeZone: { offsetMinutes: -300, dstHours: 0 },
      warnings: [],
    });
    expect(luhnValid(r.value.imei!)).toBe(true);
  });

  it.each([
    [1, "3G", "UTRAN"],
    [2, "2G", "GERAN"],
    [3, null, "WLAN"],
    [4, null, "GAN"],
    [5, "3G", "HSPA-Evolution"],
    [6, "LTE", "EUTRAN"],
    [7, null, "Virtual"],
    [8, "NB-IoT", "EUTRAN-NB-IoT"],
    [9, "LTE-M", "LTE-M"],
    [51, "5G", "NR"],
    [52, "5G", "NR-U"],
    [53, null, "Trusted-WLAN"],
    [200, null, null],
  ])("RAT type %i is %s (%s)", (code, rat, name) => {
    const r = record([start, attr.vsa3gpp(A3gpp.RatType, Buffer.from([code]))]);
    expect(r.ratType).toEqual({ code, name });
    expect(r.rat).toBe(rat);
    expect(otterRat(code)).toBe(rat);
  });

  it("reports a field that does not decode and keeps the rest", () => {
    const r = record([
      start,
      attr.string(Attr.AcctSessionId, "s1"),
      attr.vsa3gpp(A3gpp.Imsi, "24007000000000x"),
      attr.vsa3gpp(A3gpp.Imeisv, "12345"),
      attr.vsa3gpp(A3gpp.SgsnMccMnc, "2080"),
      attr.vsa3gpp(A3gpp.RatType, Buffer.from([6, 0])),
      attr.vsa3gpp(A3gpp.UserLocationInfo, Buffer.from("8202f810", "hex")),
      attr.vsa3gpp(A3gpp.MsTimeZone, Buffer.from([0x40])),
      attr.octets(Attr.NasIpAddress, Buffer.from([10, 0, 0])),
      attr.octets(Attr.CalledStationId, Buffer.from([0x69, 0xff, 0x6f])),
      attr.octets(Attr.UserName, Buffer.from("a\u0000b")),
      attr.string(Attr.CallingStationId, "0046-70"),
      attr.octets(Attr.EventTimestamp, Buffer.from([1])),
    ]);
    expect(r.sessionId).toBe("s1");
    for (const k of [
      "imsi",
      "imeisv",
      "imei",
      "sgsnMccMnc",
      "ratType",
      "rat",
      "userLocation",
      "msTimeZone",
      "nasIp",
      "calledStationId",
      "userName",
      "callingStationId",
      "eventTimestamp",
    ])
      expect(r, k).not.toHaveProperty(k);
    expect(r.warnings).toEqual([
      'User-Name: contains control characters: "a\\u0000b"',
      "NAS-IP-Address: expected an IPv4 address (4 octets), got 3",
      "Called-Station-Id: not UTF-8: 0x69ff6f",
      'Calling-Station-Id: "0046-70" is not an MSISDN',
      "Event-Timestamp: expected 4 octets, got 1",
      '3GPP-IMSI: IMSI "24007000000000x" must contain digits only.',
      '3GPP-SGSN-MCC-MNC: "2080" is not MCC+MNC digits',
      '3GPP-IMEISV: "12345" is not a 16-digit IMEISV',
      "3GPP-RAT-Type: expected 1 octet, got 2",
      "3GPP-User-Location-Info: User-Location-Info type TAI+ECGI has 3 octets after the type, expected 12",
      "3GPP-MS-Time-Zone: MS-TimeZone is 2 octets, got 1",
    ]);
  });

  it("strips the trailing NUL some gateways put after strings", () => {
    expect(
      record([start, attr.octets(Attr.CalledStationId, Buffer.from("iot.example\u0000"))])
        .calledStationId,
    ).toBe("iot.example");
  });

  it("uses the first of repeated attributes and says so", () => {
    const r = record([
      start,
      attr.string(Attr.AcctSessionId, "a"),
      attr.string(Attr.AcctSessionId, "b"),
    ]);
    expect(r.sessionId).toBe("a");
    expect(r.warnings).toEqual(["Acct-Session-Id: sent 2 times; the first is used"]);
  });

  it("takes the IMEI from a gateway that sends 15 digits in 3GPP-IMEISV, when the check digit holds", () => {
    const r = record([start, attr.vsa3gpp(A3gpp.Imeisv, "490154203237518")]);
    expect(r.imei).toBe("490154203237518");
    expect(r.imeisv).toBeUndefined();
    expect(record([start, attr.vsa3gpp(A3gpp.Imeisv, "490154203237519")]).imei).toBeUndefined();
  });

  it("adds gigawords only to octets", () => {
    const r = record([
      start,
      attr.uint32(Attr.AcctInputGigawords, 1),
      attr.uint32(Attr.AcctOutputOctets, 7),
    ]);
    expect(r.inputOctets).toBeUndefined();
    expect(r.outputOctets).toBe(7);
    expect(r.warnings).toEqual(["Acct-Input-Gigawords without octets; ignored"]);
    const huge = record([
      start,
      attr.uint32(Attr.AcctInputOctets, 1),
      attr.uint32(Attr.AcctInputGigawords, 2 ** 21),
    ]);
    expect(huge.inputOctets).toBeUndefined();
    expect(huge.warnings[0]).toMatch(/2\^53/);
  });

  it("names unknown terminate causes and PDP types null", () => {
    const r = record([
      start,
      attr.uint32(Attr.AcctTerminateCause, 99),
      attr.vsa3gpp(A3gpp.PdpType, value.uint32(42)),
    ]);
    expect(r.terminateCause).toEqual({ code: 99, name: null });
    expect(r.pdpType).toEqual({ code: 42, name: null });
  });

  it("reports a broken 3GPP Vendor-Specific and ignores other vendors", () => {
    const r = record([
      start,
      { kind: "vendor-opaque", type: 26, vendorId: VENDOR_3GPP, value: Buffer.from([1, 9]) },
      { kind: "vendor-opaque", type: 26, vendorId: 8164, value: Buffer.from([0, 1, 0, 5, 1]) },
      { kind: "vendor", type: 26, vendorId: 9, vendorType: 1, value: Buffer.from("cisco") },
    ]);
    expect(r.warnings).toEqual([
      "3GPP Vendor-Specific: sub-attributes do not add up to its length; ignored",
    ]);
  });

  it.each<[string, RawAttribute[], number]>([
    ["status-type-missing", [attr.string(Attr.AcctSessionId, "x")], 4],
    ["status-type-unknown", [attr.uint32(Attr.AcctStatusType, 15)], 4],
    ["status-type-unknown", [attr.octets(Attr.AcctStatusType, Buffer.from([1]))], 4],
    ["not-accounting-request", [start], 1],
  ])("refuses the record: %s", (reason, attributes, code) => {
    const r = decodeAccounting(packetOf(attributes, code));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it.each([
    [7, "accounting-on"],
    [8, "accounting-off"],
  ])("accepts Acct-Status-Type %i (%s) with nothing else", (code, name) => {
    expect(record([attr.uint32(Attr.AcctStatusType, code)])).toEqual({
      statusType: { code, name },
      warnings: [],
    });
  });
});

/** Everything a decoded record may contain; anything else is garbage that must not be stored. */
const u32 = z.number().int().min(0).max(0xffffffff);
const text = z
  .string()
  .min(1)
  .regex(/^[^\u0000-\u001f\u007f]*$/);
const ipv4 = z
  .string()
  .regex(
    /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/,
  );
const plmn = z.strictObject({
  mcc: z.string().regex(/^[0-9]{3}$/),
  mnc: z.string().regex(/^[0-9]{2,3}$/),
});
const coded = z.strictObject({ code: u32, name: z.string().nullable() });
const volume = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const recordSchema = z.strictObject({
  statusType: z.strictObject({
    code: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(7), z.literal(8)]),
    name: z.enum(["start", "stop", "interim", "accounting-on", "accounting-off"]),
  }),
  userName: text.optional(),
  nasIp: ipv4.optional(),
  nasIdentifier: text.optional(),
  framedIp: ipv4.optional(),
  calledStationId: text.optional(),
  callingStationId: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .optional(),
  sessionId: text.optional(),
  sessionTime: u32.optional(),
  delayTime: u32.optional(),
  inputOctets: volume.optional(),
  outputOctets: volume.optional(),
  inputPackets: u32.optional(),
  outputPackets: u32.optional(),
  terminateCause: coded.optional(),
  eventTimestamp: z.date().optional(),
  imsi: z
    .string()
    .regex(/^[0-9]{15}$/)
    .optional(),
  chargingId: u32.optional(),
  pdpType: coded.optional(),
  sgsnAddress: ipv4.optional(),
  ggsnAddress: ipv4.optional(),
  imsiMccMnc: plmn.optional(),
  ggsnMccMnc: plmn.optional(),
  sgsnMccMnc: plmn.optional(),
  nsapi: z.number().int().min(0).max(15).optional(),
  selectionMode: z
    .string()
    .regex(/^[0-9]$/)
    .optional(),
  chargingCharacteristics: z
    .string()
    .regex(/^[0-9A-Fa-f]{4}$/)
    .optional(),
  imeisv: z
    .string()
    .regex(/^[0-9]{16}$/)
    .optional(),
  imei: z
    .string()
    .regex(/^[0-9]{15}$/)
    .refine(luhnValid)
    .optional(),
  ratType: z
    .strictObject({ code: z.number().int().min(0).max(255), name: z.string().nullable() })
    .optional(),
  rat: z.enum(RATS).nullable().optional(),
  userLocation: z
    .strictObject({
      type: z.number().int(),
      typeName: z.string(),
      mcc: z
        .string()
        .regex(/^[0-9]{3}$/)
        .optional(),
      mnc: z
        .string()
        .regex(/^[0-9]{2,3}$/)
        .optional(),
      lac: z.number().int().min(0).max(0xffff).optional(),
      ci: z.number().int().min(0).max(0xffff).optional(),
      sac: z.number().int().min(0).max(0xffff).optional(),
      rac: z.number().int().min(0).max(0xff).optional(),
      tac: z.number().int().min(0).max(0xffff).optional(),
      eci: z.number().int().min(0).max(0x0fffffff).optional(),
      enbId: z.number().int().min(0).max(0x1fffff).optional(),
      enbIdBits: z.union([z.literal(18), z.literal(20), z.literal(21)]).optional(),
      cellId: z.number().int().min(0).max(0xff).optional(),
      raw: z.string().regex(/^([0-9a-f]{2})+$/),
    })
    .optional(),
  msTimeZone: z
    .strictObject({
      offsetMinutes: z.number().int().min(-840).max(840).multipleOf(15),
      dstHours: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    })
    .optional(),
  warnings: z.array(z.string()),
});

describe("fuzzing decodeAccounting", () => {
  const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
  const digits = (min: number, max: number) =>
    fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`)).map((s) => Buffer.from(s));
  const anyValue = fc.oneof(
    bytes(20),
    fc.integer({ min: 0, max: 0xffffffff }).map(value.uint32),
    digits(1, 17),
    fc.string({ maxLength: 12 }).map((s) => Buffer.from(s)),
    fc
      .constantFrom("8242f0100b6b42f01001a2c30a", "0002f81012345678", "4000", "8001", "ffff", "00")
      .map((h) => Buffer.from(h, "hex")),
  );
  const standardTypes = [
    1, 4, 8, 26, 30, 31, 32, 40, 41, 42, 43, 44, 46, 47, 48, 49, 52, 53, 55, 61, 99,
  ];
  const gppTypes = [1, 2, 3, 6, 7, 8, 9, 10, 12, 13, 18, 20, 21, 22, 23, 99];
  const arbAttr: fc.Arbitrary<RawAttribute> = fc.oneof(
    fc.record({
      kind: fc.constant("standard" as const),
      type: fc.constantFrom(...standardTypes),
      value: anyValue,
    }),
    fc.record({
      kind: fc.constant("vendor" as const),
      type: fc.constant(26 as const),
      vendorId: fc.constant(VENDOR_3GPP),
      vendorType: fc.constantFrom(...gppTypes),
      value: anyValue,
    }),
    fc.record({
      kind: fc.constant("vendor-opaque" as const),
      type: fc.constant(26 as const),
      vendorId: fc.constantFrom(VENDOR_3GPP, 8164),
      value: bytes(10),
    }),
  );
  const arbPacket = fc
    .tuple(fc.option(fc.constantFrom(1, 2, 3, 7, 8, 15)), fc.array(arbAttr, { maxLength: 14 }))
    .map(([status, rest]) =>
      packetOf(status === null ? rest : [attr.uint32(Attr.AcctStatusType, status), ...rest]),
    );

  const wellTyped = (p: RadiusPacket) => {
    const r = decodeAccounting(p);
    if (!r.ok) {
      expect(typeof r.detail).toBe("string");
      return;
    }
    const parsed = recordSchema.safeParse(r.value);
    if (!parsed.success)
      throw new Error(`${z.prettifyError(parsed.error)}\n${JSON.stringify(r.value)}`);
  };

  it("never throws on random attribute values, and every record is well typed", () => {
    fc.assert(fc.property(arbPacket, wellTyped), { numRuns: 2000 });
  });

  it("never throws on truncated or bit-flipped packets, and every record is well typed", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbPacket.map((p) => encodePacket(p)),
          fc.constant(RADCLIENT_INTERIM),
        ),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.option(fc.nat()),
        (seed, flips, cut) => {
          const buf = Buffer.from(seed);
          for (const f of flips) buf[f % buf.length]! ^= 1 << (f % 8);
          const p = decodePacket(cut === null ? buf : buf.subarray(0, cut % (buf.length + 1)));
          if (p.ok) wellTyped(p.value);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
