import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMsTimeZone, encodeMsTimeZone } from "./timezone.js";

describe("3GPP-MS-TimeZone", () => {
  it.each([
    ["4000", 60, 0], // UTC+1, no DST (the reference's example)
    ["8001", 120, 1], // UTC+2 of which 1 h DST (the reference's example)
    ["0000", 0, 0],
    ["0a00", -300, 0], // UTC−5, New York in winter
    ["6901", -240, 1], // UTC−4, New York in summer
    ["8300", 570, 0], // UTC+9:30, Darwin: 38 quarter hours, digits swapped
  ])("%s → %i min, DST %i h", (hex, offsetMinutes, dstHours) => {
    expect(decodeMsTimeZone(Buffer.from(hex, "hex"))).toEqual({
      ok: true,
      value: { offsetMinutes, dstHours },
    });
    expect(
      encodeMsTimeZone({ offsetMinutes, dstHours: dstHours as 0 | 1 | 2 }).toString("hex"),
    ).toBe(hex);
  });

  it.each(["40", "400000", "a000", "9500", "4003"])("refuses %s", (hex) => {
    expect(decodeMsTimeZone(Buffer.from(hex, "hex")).ok).toBe(false);
  });

  it("round-trips every quarter hour within ±14 h", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -56, max: 56 }),
        fc.constantFrom(0 as const, 1 as const, 2 as const),
        (q, dstHours) => {
          const tz = { offsetMinutes: q * 15, dstHours };
          expect(decodeMsTimeZone(encodeMsTimeZone(tz))).toEqual({ ok: true, value: tz });
        },
      ),
    );
    expect(() => encodeMsTimeZone({ offsetMinutes: 10, dstHours: 0 })).toThrow(RangeError);
  });
});
