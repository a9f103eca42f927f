import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { billedIncrement, ROUNDING_UNITS, roundingUnit, roundUp } from "./usage-rounding.js";

const unit = fc.constantFrom(ROUNDING_UNITS.perKB, ROUNDING_UNITS.perMB);

describe("rounding per session", () => {
  it("rounds the reference's session of 10,241 bytes to 11 KB, and ten of them to 110 KB", () => {
    const kb = roundingUnit("perKB");
    expect(roundUp(10_241, kb)).toBe(11 * 1024);
    const tenSessions = Array.from({ length: 10 }, () => billedIncrement(0, 10_241, kb));
    expect(tenSessions.reduce((a, b) => a + b, 0)).toBe(110 * 1024);
    // Not the 101 KB their bytes add up to.
    expect(roundUp(10 * 10_241, kb)).toBe(101 * 1024);
  });

  it("rounds per MB when the plan says so, and per KB without a plan", () => {
    expect(roundUp(1, roundingUnit("perMB"))).toBe(1024 * 1024);
    expect(roundingUnit(undefined)).toBe(1024);
    expect(roundUp(0, 1024)).toBe(0);
    expect(roundUp(2048, 1024)).toBe(2048);
  });

  it("adds up to roundUp(total) over any split of a session into Interim-Updates, in any order they arrive", () => {
    fc.assert(
      fc.property(
        unit,
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (u, increments, swaps) => {
          // Cumulative counters as the gateway reports them (Interim-Updates across days, then Stop).
          const counters: number[] = [];
          let total = 0;
          for (const inc of increments) counters.push((total += inc));
          // The network may deliver them late or out of order; counters never go backwards in Otter.
          const arrival = [...counters];
          for (const s of swaps) {
            const i = s % arrival.length;
            const j = (i + 1) % arrival.length;
            [arrival[i], arrival[j]] = [arrival[j]!, arrival[i]!];
          }
          let seen = 0;
          let billed = 0;
          for (const c of arrival) {
            billed += billedIncrement(seen, Math.max(seen, c), u);
            seen = Math.max(seen, c);
          }
          expect(billed).toBe(roundUp(total, u));
          expect(billed % u).toBe(0);
          expect(billed - total).toBeLessThan(u);
          expect(billed).toBeGreaterThanOrEqual(total);
        },
      ),
    );
  });
});
