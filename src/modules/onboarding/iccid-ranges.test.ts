import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Iccid, luhnCheckDigit, luhnValid } from "../../lib/identifiers.js";
import {
  iccidAt,
  inRange,
  overlappingRanges,
  parseIccidRange,
  rangeIndex,
} from "./iccid-ranges.js";

/** An ICCID payload (18 or 19 digits, starting 89) and its ICCID. */
const payload = fc
  .tuple(fc.constantFrom(16, 17), fc.bigInt({ min: 0n, max: 10n ** 15n }))
  .map(([width, n]) => `89${n.toString().padStart(width, "0").slice(-width)}`);
const iccidOf = (p: string) => p + luhnCheckDigit(p);

describe("ICCID ranges", () => {
  it("hold to − from + 1 payloads, every one with a valid check digit, from and to included", () => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 0, max: 5000 }), (p, extra) => {
        const from = iccidOf(p);
        const to = iccidAt({ from: from as never }, extra);
        const r = parseIccidRange(from, to);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.range.size).toBe(extra + 1);
        expect(iccidAt(r.range, 0)).toBe(from);
        expect(iccidAt(r.range, extra)).toBe(to);
        const mid = iccidAt(r.range, Math.floor(extra / 2));
        expect(luhnValid(mid)).toBe(true);
        expect(inRange(r.range, mid)).toBe(true);
      }),
    );
  });

  it("refuse an end whose check digit is wrong, naming which end", () => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 1, max: 9 }), fc.boolean(), (p, shift, atFrom) => {
        const good = iccidOf(p);
        const bad = p + String((Number(good.at(-1)) + shift) % 10);
        const r = atFrom ? parseIccidRange(bad, good) : parseIccidRange(good, bad);
        expect(r).toMatchObject({
          ok: false,
          field: atFrom ? "from" : "to",
          code: "ICCID_CHECK_DIGIT",
        });
      }),
    );
  });

  it("refuse reversed ranges and ends of different lengths", () => {
    expect(
      parseIccidRange(iccidOf("894400000000000010"), iccidOf("894400000000000001")),
    ).toMatchObject({ ok: false, code: "ICCID_RANGE_REVERSED" });
    expect(
      parseIccidRange(iccidOf("894400000000000001"), iccidOf("8944000000000000010")),
    ).toMatchObject({ ok: false, code: "ICCID_RANGE_LENGTHS" });
  });

  it("find exactly the pairs of ranges that share an ICCID", () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 }))
      .map(([start, len]) => {
        const from = iccidOf(`8944000000000${String(start).padStart(5, "0")}`) as Iccid;
        return { from, to: iccidAt({ from }, len), start, end: start + len };
      });
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), (ranges) => {
        const expected: [number, number][] = [];
        for (let i = 0; i < ranges.length; i++)
          for (let j = i + 1; j < ranges.length; j++)
            if (ranges[i]!.start <= ranges[j]!.end && ranges[j]!.start <= ranges[i]!.end)
              expected.push([i, j]);
        expect(overlappingRanges(ranges)).toEqual(expected);
      }),
    );
  });

  it("find the range an ICCID falls in, as a scan over every range would", () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 20 }))
      .map(([start, len]) => {
        const from = iccidOf(`8944000000000${String(start * 30).padStart(5, "0")}`) as Iccid;
        return { from, to: iccidAt({ from }, len) };
      });
    fc.assert(
      fc.property(
        fc.uniqueArray(range, { maxLength: 30, selector: (r) => r.from }),
        fc.integer({ min: 0, max: 151_000 }),
        (all, n) => {
          const ranges = all.filter((r, i) =>
            overlappingRanges(all).every(([a, b]) => a !== i && b !== i),
          );
          const iccid = iccidOf(`8944000000000${String(n).padStart(5, "0")}`);
          expect(rangeIndex(ranges)(iccid)).toBe(ranges.find((r) => inRange(r, iccid)));
        },
      ),
    );
  });
});
