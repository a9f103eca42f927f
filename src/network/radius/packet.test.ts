import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyAccountingRequest } from "./authenticator.js";
import { A3gpp, attr, Attr, VENDOR_3GPP } from "./dictionary.js";
import { Code, decodePacket, encodePacket, type RawAttribute } from "./packet.js";

/** An Accounting-Request captured from radclient 3.2.1, shared secret "sekret" (see the file). */
const RADCLIENT_INTERIM = Buffer.from(
  readFileSync(new URL("./testdata/radclient-interim.txt", import.meta.url), "utf8")
    .replace(/^#.*$/gm, "")
    .trim(),
  "hex",
);

/** Builds a packet by hand, independently of the codec: header, attributes, MD5 over it all. */
function handMade(identifier: number, attributes: Buffer, secret: string): Buffer {
  const length = 20 + attributes.length;
  const header = Buffer.from([Code.AccountingRequest, identifier, length >> 8, length & 0xff]);
  const auth = createHash("md5")
    .update(Buffer.concat([header, Buffer.alloc(16), attributes, Buffer.from(secret)]))
    .digest();
  return Buffer.concat([header, auth, attributes]);
}

describe("decodePacket", () => {
  it("reads radclient's packet: header, standard attributes, one 3GPP sub-attribute per Vendor-Specific", () => {
    const r = decodePacket(RADCLIENT_INTERIM);
    if (!r.ok) throw new Error(r.detail);
    expect(r.value.code).toBe(Code.AccountingRequest);
    expect(r.value.identifier).toBe(0xa8);
    expect(r.value.authenticator.toString("hex")).toBe("6505b61344a7b3d28569fa1c23686868");
    const std = r.value.attributes.filter((a) => a.kind === "standard").map((a) => a.type);
    expect(std).toEqual([
      Attr.AcctStatusType,
      Attr.UserName,
      Attr.NasIpAddress,
      30,
      31,
      44,
      42,
      52,
      43,
    ]);
    const vsa = r.value.attributes.flatMap((a) =>
      a.kind === "vendor" ? [[a.vendorId, a.vendorType]] : [],
    );
    expect(vsa).toEqual([1, 20, 21, 18, 22, 23].map((t) => [VENDOR_3GPP, t]));
    expect(verifyAccountingRequest(RADCLIENT_INTERIM, "sekret")).toBe(true);
  });

  it("reads a hand-made packet and checks its authenticator computed with node:crypto", () => {
    const attrs = Buffer.from([40, 6, 0, 0, 0, 1, 30, 13, ...Buffer.from("iot.example")]);
    const buf = handMade(9, attrs, "s3cret");
    const r = decodePacket(buf);
    if (!r.ok) throw new Error(r.detail);
    expect(r.value.attributes).toEqual([
      { kind: "standard", type: 40, value: Buffer.from([0, 0, 0, 1]) },
      { kind: "standard", type: 30, value: Buffer.from("iot.example") },
    ]);
    expect(verifyAccountingRequest(buf, "s3cret")).toBe(true);
    expect(verifyAccountingRequest(buf, "s3creT")).toBe(false);
  });

  it("splits several 3GPP sub-attributes packed in one Vendor-Specific", () => {
    const body = Buffer.from([
      0,
      0,
      0x28,
      0xaf,
      21,
      3,
      9,
      1,
      5,
      ...Buffer.from("123"),
      23,
      4,
      0x40,
      0x00,
    ]);
    const r = decodePacket(
      handMade(1, Buffer.concat([Buffer.from([26, body.length + 2]), body]), "x"),
    );
    if (!r.ok) throw new Error(r.detail);
    expect(r.value.attributes).toEqual([
      { kind: "vendor", type: 26, vendorId: VENDOR_3GPP, vendorType: 21, value: Buffer.from([9]) },
      { kind: "vendor", type: 26, vendorId: VENDOR_3GPP, vendorType: 1, value: Buffer.from("123") },
      {
        kind: "vendor",
        type: 26,
        vendorId: VENDOR_3GPP,
        vendorType: 23,
        value: Buffer.from([0x40, 0]),
      },
    ]);
  });

  it("skips an unknown vendor by the outer length, even when its framing is not 1,1 (Starent 2,2)", () => {
    const starent = Buffer.from([26, 12, 0, 0, 0x1f, 0xe4, 0x00, 0x01, 0x00, 0x06, 0xab, 0xcd]);
    const after = Buffer.from([44, 5, 0x61, 0x62, 0x63]);
    const r = decodePacket(handMade(1, Buffer.concat([starent, after]), "x"));
    if (!r.ok) throw new Error(r.detail);
    expect(r.value.attributes).toEqual([
      {
        kind: "vendor-opaque",
        type: 26,
        vendorId: 8164,
        value: Buffer.from([0x00, 0x01, 0x00, 0x06, 0xab, 0xcd]),
      },
      { kind: "standard", type: 44, value: Buffer.from("abc") },
    ]);
  });

  it("keeps a 3GPP Vendor-Specific whose sub-attributes do not add up as opaque, and goes on", () => {
    const bad = Buffer.from([26, 10, 0, 0, 0x28, 0xaf, 21, 9, 9, 9]);
    const r = decodePacket(
      handMade(1, Buffer.concat([bad, Buffer.from([40, 6, 0, 0, 0, 2])]), "x"),
    );
    if (!r.ok) throw new Error(r.detail);
    expect(r.value.attributes.map((a) => a.kind)).toEqual(["vendor-opaque", "standard"]);
  });

  it("ignores octets past the Length field (RFC 2865 §3) and does not count them in the authenticator", () => {
    const buf = handMade(3, Buffer.from([40, 6, 0, 0, 0, 1]), "s");
    const padded = Buffer.concat([buf, Buffer.from([0xde, 0xad])]);
    expect(decodePacket(padded)).toEqual(decodePacket(buf));
    expect(verifyAccountingRequest(padded, "s")).toBe(true);
  });

  it("does not share memory with the datagram it was given", () => {
    const buf = handMade(3, Buffer.from([30, 3, 0x61]), "s");
    const r = decodePacket(buf);
    buf.fill(0);
    if (!r.ok) throw new Error(r.detail);
    expect(r.value.attributes[0]!.value.toString()).toBe("a");
    expect(r.value.authenticator.equals(Buffer.alloc(16))).toBe(false);
  });

  const header = (length: number, total = length) => {
    const b = Buffer.alloc(total);
    b[0] = 4;
    b.writeUInt16BE(length, 2);
    return b;
  };
  it.each([
    ["too-short", Buffer.alloc(19)],
    ["bad-length", header(19, 20)],
    ["bad-length", header(4097, 4100)],
    ["truncated", header(30, 29)],
    ["attribute-overrun", Buffer.concat([header(21, 20), Buffer.from([1])])],
    ["attribute-length", Buffer.concat([header(22, 20), Buffer.from([1, 1])])],
    ["attribute-length", Buffer.concat([header(22, 20), Buffer.from([1, 0])])],
    ["attribute-overrun", Buffer.concat([header(23, 20), Buffer.from([1, 4, 0x61])])],
  ])("drops a packet: %s", (reason, buf) => {
    const r = decodePacket(buf);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

describe("encodePacket", () => {
  it("writes the attributes built with attr.*", () => {
    const buf = encodePacket({
      code: Code.AccountingRequest,
      identifier: 1,
      authenticator: Buffer.alloc(16),
      attributes: [
        attr.uint32(Attr.AcctStatusType, 1),
        attr.ipv4(Attr.NasIpAddress, "10.0.0.1"),
        attr.vsa3gppMany([
          { vendorType: A3gpp.RatType, value: Buffer.from([9]) },
          { vendorType: A3gpp.Imsi, value: "1" },
        ]),
      ],
    });
    expect(buf.subarray(20).toString("hex")).toBe(
      "2806000000010406" + "0a000001" + "1a0c000028af" + "150309" + "010331",
    );
    expect(buf.readUInt16BE(2)).toBe(buf.length);
  });

  it("refuses what cannot be sent", () => {
    const p = { code: 4, identifier: 1, authenticator: Buffer.alloc(16) };
    expect(() => encodePacket({ ...p, attributes: [attr.octets(1, Buffer.alloc(254))] })).toThrow(
      RangeError,
    );
    expect(() => encodePacket({ ...p, attributes: [attr.vsa3gpp(1, Buffer.alloc(248))] })).toThrow(
      RangeError,
    );
    expect(() => encodePacket({ ...p, identifier: 256, attributes: [] })).toThrow(RangeError);
    expect(() =>
      encodePacket({ ...p, attributes: Array(20).fill(attr.octets(1, Buffer.alloc(253))) }),
    ).toThrow(/4096/);
    expect(() => attr.ipv4(4, "10.0.0.256")).toThrow(RangeError);
    expect(() => attr.uint32(40, -1)).toThrow(RangeError);
  });
});

/** Random attributes that decode back to themselves. */
const arbAttribute: fc.Arbitrary<RawAttribute> = fc.oneof(
  fc.record({
    kind: fc.constant("standard" as const),
    type: fc.integer({ min: 0, max: 255 }).filter((t) => t !== 26),
    value: fc.uint8Array({ maxLength: 253 }).map((a) => Buffer.from(a)),
  }),
  fc.record({
    kind: fc.constant("vendor" as const),
    type: fc.constant(26 as const),
    vendorId: fc.constant(VENDOR_3GPP),
    vendorType: fc.integer({ min: 0, max: 255 }),
    value: fc.uint8Array({ maxLength: 247 }).map((a) => Buffer.from(a)),
  }),
  fc.record({
    kind: fc.constant("vendor-opaque" as const),
    type: fc.constant(26 as const),
    vendorId: fc.integer({ min: 0, max: 0xffffffff }).filter((v) => v !== VENDOR_3GPP),
    value: fc.uint8Array({ maxLength: 249 }).map((a) => Buffer.from(a)),
  }),
);

describe("round trip", () => {
  it("decode(encode(packet)) is the packet, for random attribute sets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }).map((a) => Buffer.from(a)),
        fc.array(arbAttribute, { maxLength: 15 }),
        (code, identifier, authenticator, attributes) => {
          const r = decodePacket(encodePacket({ code, identifier, authenticator, attributes }));
          expect(r).toEqual({ ok: true, value: { code, identifier, authenticator, attributes } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a group of 3GPP sub-attributes decodes to the same sub-attributes, in order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            vendorType: fc.integer({ min: 0, max: 255 }),
            value: fc.uint8Array({ maxLength: 40 }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (subs) => {
          const group = attr.vsa3gppMany(
            subs.map((s) => ({ vendorType: s.vendorType, value: Buffer.from(s.value) })),
          );
          const r = decodePacket(
            encodePacket({
              code: 4,
              identifier: 0,
              authenticator: Buffer.alloc(16),
              attributes: [group],
            }),
          );
          if (!r.ok) throw new Error(r.detail);
          expect(
            r.value.attributes.map((a) =>
              a.kind === "vendor" ? [a.vendorType, [...a.value]] : a.kind,
            ),
          ).toEqual(subs.map((s) => [s.vendorType, [...s.value]]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("fuzzing decodePacket", () => {
  /** What any decoded packet must satisfy, whatever came in. */
  function wellFormed(buf: Buffer): void {
    const r = decodePacket(buf);
    if (!r.ok) {
      expect(typeof r.detail).toBe("string");
      return;
    }
    const p = r.value;
    expect(Number.isInteger(p.code) && p.code >= 0 && p.code <= 255).toBe(true);
    expect(Number.isInteger(p.identifier) && p.identifier >= 0 && p.identifier <= 255).toBe(true);
    expect(p.authenticator.length).toBe(16);
    for (const a of p.attributes) {
      expect(Buffer.isBuffer(a.value) && a.value.length <= 253).toBe(true);
      if (a.kind !== "standard") expect(a.vendorId >= 0 && a.vendorId <= 0xffffffff).toBe(true);
    }
    // What was decoded can be sent again and reads the same.
    const again = decodePacket(encodePacket({ ...p, attributes: p.attributes }));
    expect(again).toEqual(r);
  }

  const valid = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.array(arbAttribute, { maxLength: 8 }))
    .map(([identifier, attributes]) =>
      encodePacket({ code: 4, identifier, authenticator: Buffer.alloc(16, 7), attributes }),
    );
  const seeds = fc.oneof(valid, fc.constant(RADCLIENT_INTERIM));

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (a) => wellFormed(Buffer.from(a))),
      { numRuns: 2000 },
    );
  });

  it("never throws on truncated or bit-flipped packets", () => {
    fc.assert(
      fc.property(
        seeds,
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (seed, cut, flips, truncate) => {
          const buf = Buffer.from(seed);
          for (const f of flips) buf[f % buf.length]! ^= 1 << (f % 8);
          wellFormed(truncate ? buf.subarray(0, cut % (buf.length + 1)) : buf);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
