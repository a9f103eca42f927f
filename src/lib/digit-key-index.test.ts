import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DigitKeyIndex } from "./digit-key-index.js";

describe("DigitKeyIndex", () => {
  const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 30 });

  it("answers exactly like a Map with first-seen-wins, leading zeros and all", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(digits, fc.nat({ max: 2_000_000 })), { maxLength: 400 }),
        fc.array(digits, { maxLength: 50 }),
        (writes, probes) => {
          const index = new DigitKeyIndex(4);
          const model = new Map<string, number>();
          for (const [key, line] of writes) {
            index.setIfAbsent(key, line);
            if (!model.has(key)) model.set(key, line);
          }
          expect(index.size).toBe(model.size);
          for (const key of [...model.keys(), ...probes])
            expect(index.get(key)).toBe(model.get(key));
        },
      ),
    );
  });

  it("keeps strings that differ only in leading zeros or length apart", () => {
    const index = new DigitKeyIndex();
    index.setIfAbsent("0123", 2);
    index.setIfAbsent("123", 3);
    index.setIfAbsent("00123", 4);
    index.setIfAbsent("8944000000000000000", 5);
    index.setIfAbsent("89440000000000000000", 6);
    expect([
      index.get("0123"),
      index.get("123"),
      index.get("00123"),
      index.get("8944000000000000000"),
      index.get("89440000000000000000"),
    ]).toEqual([2, 3, 4, 5, 6]);
    expect(index.get("1230")).toBeUndefined();
  });

  it("holds a million ICCIDs exactly", () => {
    const index = new DigitKeyIndex();
    for (let i = 0; i < 1_000_000; i++)
      index.setIfAbsent(`89440${String(i).padStart(15, "0")}`, i + 2);
    expect(index.size).toBe(1_000_000);
    expect(index.get("89440000000000999999")).toBe(1_000_001);
    expect(index.get("89440000000001000000")).toBeUndefined();
  });

  it("refuses what is not a key instead of storing it wrongly", () => {
    const index = new DigitKeyIndex();
    expect(() => index.setIfAbsent("12a4", 1)).toThrow(RangeError);
    expect(() => index.setIfAbsent("1".repeat(31), 1)).toThrow(RangeError);
    expect(() => index.get("")).toThrow(RangeError);
  });
});
