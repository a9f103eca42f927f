import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodePlmn,
  decodeUserLocationInfo,
  encodePlmn,
  encodeUserLocationInfo,
  type UserLocation,
  type UserLocationInput,
} from "./uli.js";

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ""), "hex");
const uli = (s: string) => {
  const r = decodeUserLocationInfo(hex(s));
  if (!r.ok) throw new Error(r.detail);
  return r.value;
};

describe("PLMN BCD (TS 24.008 §10.5.1.3)", () => {
  it.each([
    ["208", "01", "02f810"],
    ["234", "30", "32f403"],
    ["310", "170", "130071"],
    ["232", "01", "32f210"],
  ])("%s/%s ↔ %s", (mcc, mnc, bcd) => {
    expect(decodePlmn(hex(bcd))).toEqual({ ok: true, value: { mcc, mnc } });
    expect(encodePlmn({ mcc, mnc }).toString("hex")).toBe(bcd);
  });

  it("round-trips every 3-digit MCC with every 2- and 3-digit MNC", () => {
    let checked = 0;
    for (let m = 0; m < 1000; m++) {
      const mcc = String(m).padStart(3, "0");
      for (let n = 0; n < 1100; n++) {
        const mnc = n < 100 ? String(n).padStart(2, "0") : String(n - 100).padStart(3, "0");
        const r = decodePlmn(encodePlmn({ mcc, mnc }));
        if (!r.ok || r.value.mcc !== mcc || r.value.mnc !== mnc)
          throw new Error(`${mcc}/${mnc} → ${JSON.stringify(r)}`);
        checked++;
      }
    }
    expect(checked).toBe(1_100_000);
  });

  it("keeps 01 and 001 apart", () => {
    expect(encodePlmn({ mcc: "240", mnc: "01" })).not.toEqual(
      encodePlmn({ mcc: "240", mnc: "001" }),
    );
  });

  it("refuses non-BCD octets and bad input", () => {
    expect(decodePlmn(hex("2af810")).ok).toBe(false);
    expect(decodePlmn(hex("02e810")).ok).toBe(false);
    expect(decodePlmn(hex("02f8")).ok).toBe(false);
    expect(() => encodePlmn({ mcc: "20", mnc: "01" })).toThrow(RangeError);
    expect(() => encodePlmn({ mcc: "208", mnc: "1" })).toThrow(RangeError);
  });
});

describe("decodeUserLocationInfo", () => {
  it.each<[string, string, Partial<UserLocation>]>([
    ["CGI", "00 02f810 1234 5678", { lac: 0x1234, ci: 0x5678 }],
    ["SAI", "01 02f810 1234 0042", { lac: 0x1234, sac: 0x42 }],
    ["RAI", "02 02f810 1234 05ff", { lac: 0x1234, rac: 5 }],
    ["TAI", "80 02f810 0b6b", { tac: 2923 }],
    [
      "ECGI",
      "81 02f810 01a2c30a",
      { eci: 0x01a2c30a, enbId: 0x1a2c3, enbIdBits: 20, cellId: 0x0a },
    ],
    [
      "TAI+ECGI",
      "82 02f810 0b6b 02f810 01a2c30a",
      { tac: 2923, eci: 0x01a2c30a, enbId: 0x1a2c3, cellId: 0x0a },
    ],
    ["eNodeB ID", "83 02f810 01a2c3", { enbId: 0x1a2c3, enbIdBits: 20 }],
    ["TAI+eNodeB ID", "84 02f810 0b6b 02f810 01a2c3", { tac: 2923, enbId: 0x1a2c3 }],
    ["extended eNodeB ID, long macro", "85 02f810 1fffff", { enbId: 0x1fffff, enbIdBits: 21 }],
    ["extended eNodeB ID, short macro", "85 02f810 83ffff", { enbId: 0x3ffff, enbIdBits: 18 }],
    [
      "TAI+extended eNodeB ID",
      "86 02f810 0b6b 02f810 012345",
      { tac: 2923, enbId: 0x12345, enbIdBits: 21 },
    ],
  ])("%s", (_name, value, fields) => {
    const loc = uli(value);
    expect(loc).toMatchObject({ mcc: "208", mnc: "01", raw: value.replace(/\s/g, ""), ...fields });
    expect(encodeUserLocationInfo(loc).toString("hex")).toBe(value.replace(/\s/g, ""));
  });

  it("reads the RAC of a RAI from either two-octet layout (RAC FF, or 00 RAC)", () => {
    expect(uli("02 02f810 1234 05ff").rac).toBe(5);
    expect(uli("02 02f810 1234 0005").rac).toBe(5);
    expect(uli("02 02f810 1234 00ff").rac).toBe(0);
  });

  it("ignores the spare bits in front of an ECI or eNodeB ID", () => {
    expect(uli("81 02f810 f1a2c30a").eci).toBe(0x01a2c30a);
    expect(uli("83 02f810 f1a2c3").enbId).toBe(0x1a2c3);
  });

  it("names the types", () => {
    expect(uli("82 32f403 0001 32f403 00000101").typeName).toBe("TAI+ECGI");
    expect(uli("00 32f403 0001 0002").typeName).toBe("CGI");
  });

  it("leaves out a RAC it cannot place", () => {
    const loc = uli("02 02f810 1234 0506");
    expect(loc.lac).toBe(0x1234);
    expect(loc.rac).toBeUndefined();
  });

  it("keeps the 5G types raw", () => {
    expect(uli("89 02f810 000001 02f810 000000000f")).toEqual({
      type: 137,
      typeName: "5GS-TAI+NCGI",
      raw: "8902f81000000102f810000000000f",
    });
    expect(encodeUserLocationInfo({ type: 138, raw: "8aabcd" }).toString("hex")).toBe("8aabcd");
  });

  it.each([
    ["empty", ""],
    ["unknown-type", "03 02f810 1234 5678"],
    ["unknown-type", "8c 00"],
    ["length", "00 02f810 1234 56"],
    ["length", "82 02f810 0b6b 02f810 01a2c30a 00"],
    ["plmn", "80 0af810 0001"],
    ["plmn", "82 02f810 0b6b ffffff 01a2c30a"],
  ])("refuses %s: %s", (reason, value) => {
    const r = decodeUserLocationInfo(hex(value));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

const arbPlmn = fc.record({
  mcc: fc.stringMatching(/^[0-9]{3}$/),
  mnc: fc.stringMatching(/^[0-9]{2,3}$/),
});
const u16 = fc.integer({ min: 0, max: 0xffff });
const arbInput: fc.Arbitrary<UserLocationInput> = fc.oneof(
  fc.tuple(arbPlmn, u16, u16).map(([p, lac, ci]) => ({ type: 0, ...p, lac, ci })),
  fc.tuple(arbPlmn, u16, u16).map(([p, lac, sac]) => ({ type: 1, ...p, lac, sac })),
  fc
    .tuple(arbPlmn, u16, fc.integer({ min: 0, max: 255 }))
    .map(([p, lac, rac]) => ({ type: 2, ...p, lac, rac })),
  fc.tuple(arbPlmn, u16).map(([p, tac]) => ({ type: 128, ...p, tac })),
  fc
    .tuple(fc.constantFrom(129, 130), arbPlmn, u16, fc.integer({ min: 0, max: 0x0fffffff }))
    .map(([type, p, tac, eci]) => (type === 129 ? { type, ...p, eci } : { type, ...p, tac, eci })),
  fc
    .tuple(fc.constantFrom(131, 132), arbPlmn, u16, fc.integer({ min: 0, max: 0xfffff }))
    .map(([type, p, tac, enbId]) =>
      type === 131 ? { type, ...p, enbId } : { type, ...p, tac, enbId },
    ),
  fc
    .tuple(
      fc.constantFrom(133, 134),
      arbPlmn,
      u16,
      fc.constantFrom(18 as const, 21 as const),
      fc.nat(),
    )
    .map(([type, p, tac, enbIdBits, n]) => {
      const enbId = n % 2 ** enbIdBits;
      return type === 133
        ? { type, ...p, enbId, enbIdBits }
        : { type, ...p, tac, enbId, enbIdBits };
    }),
);

describe("encodeUserLocationInfo", () => {
  it("decodes back to what was encoded, for every type", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = decodeUserLocationInfo(encodeUserLocationInfo(input));
        if (!r.ok) throw new Error(r.detail);
        expect(r.value).toMatchObject(input);
        if (r.value.eci !== undefined)
          expect(r.value.eci).toBe(r.value.enbId! * 256 + r.value.cellId!);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses an input missing what its type needs", () => {
    expect(() => encodeUserLocationInfo({ type: 130, mcc: "208", mnc: "01", tac: 1 })).toThrow(
      /eci/,
    );
    expect(() =>
      encodeUserLocationInfo({ type: 129, mcc: "208", mnc: "01", eci: 2 ** 28 }),
    ).toThrow(RangeError);
    expect(() => encodeUserLocationInfo({ type: 135 })).toThrow(RangeError);
    expect(() => encodeUserLocationInfo({ type: 5, mcc: "208", mnc: "01" })).toThrow(RangeError);
  });
});

describe("fuzzing decodeUserLocationInfo", () => {
  const typed = (r: ReturnType<typeof decodeUserLocationInfo>) => {
    if (!r.ok) return;
    const v = r.value;
    expect(typeof v.typeName).toBe("string");
    expect(v.raw).toMatch(/^([0-9a-f]{2})+$/);
    if (v.mcc !== undefined) expect(v.mcc).toMatch(/^[0-9]{3}$/);
    if (v.mnc !== undefined) expect(v.mnc).toMatch(/^[0-9]{2,3}$/);
    const limits = [
      ["lac", 0xffff],
      ["ci", 0xffff],
      ["sac", 0xffff],
      ["tac", 0xffff],
      ["rac", 0xff],
      ["eci", 0x0fffffff],
      ["enbId", 0x1fffff],
      ["cellId", 0xff],
    ] as const;
    for (const [k, max] of limits) {
      const n = v[k];
      if (n !== undefined)
        expect(Number.isInteger(n) && n >= 0 && n <= max, `${k}=${n}`).toBe(true);
    }
  };

  it("never throws on random bytes, and what it returns is well typed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2, 128, 129, 130, 131, 132, 133, 134, 137, 200),
        fc.uint8Array({ maxLength: 16 }),
        (type, rest) => typed(decodeUserLocationInfo(Buffer.from([type, ...rest]))),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (a) =>
        typed(decodeUserLocationInfo(Buffer.from(a))),
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on truncated or bit-flipped values", () => {
    fc.assert(
      fc.property(arbInput, fc.nat(), fc.nat(), (input, cut, flip) => {
        const buf = Buffer.from(encodeUserLocationInfo(input));
        buf[flip % buf.length]! ^= 1 << (flip % 8);
        typed(decodeUserLocationInfo(buf.subarray(0, cut % (buf.length + 1))));
      }),
      { numRuns: 2000 },
    );
  });
});
