import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CycleToRate,
  type DayUsage,
  type PlanCycle,
  poolBytes,
  rateCycle,
  roundSessionBytes,
  type VersionInCycle,
} from "./rating.js";

/**
 * The worked examples of reference/iot-plans.md, each with its arithmetic, and the properties every
 * rating keeps. Plan "Tracker 10MB Flex": €1.50 per SIM per month prorated by day, 10 MB per SIM in
 * a flexible pool, zone 1 €0.50/MB over the pool, zone 2 €2.00/MB; November 2026 (30 days).
 */
const KB = 1024;
const MB = 1024 * KB;
const HOME = "00000000-0000-7000-8000-000000000001";
const ROAM = "00000000-0000-7000-8000-000000000002";

const tracker: VersionInCycle = {
  version: 1,
  fromDay: "2026-11-01",
  toDay: "2026-12-01",
  monthlyFee: "1.5",
  activationFee: "0",
  proration: "daily",
  includedBytes: 10 * MB,
  includedSms: 0,
  pool: { type: "flex" },
  zones: [
    { zoneId: HOME, zoneName: "Zone 1 (home)", dataPerMB: "0.5", smsMO: "0", smsMT: "0" },
    { zoneId: ROAM, zoneName: "Zone 2 (roaming)", dataPerMB: "2", smsMO: "0", smsMT: "0" },
  ],
  testReady: { dataBytes: 30 * KB, sms: 5 },
};

/** A plan's figures from SIMs given by their billable days and first billable day (1-based). */
function planOf(
  sims: { days: number; firstDay: number }[],
  usage: DayUsage[],
  versions: VersionInCycle[] = [tracker],
): PlanCycle {
  const simDays = versions.map((v) => ({
    version: v.version,
    days: v === versions[0] ? sims.reduce((n, s) => n + s.days, 0) : 0,
    sims: sims.length,
  }));
  return {
    ratePlanId: "plan",
    name: "Tracker 10MB Flex",
    versions,
    simDays,
    simsBilled: [{ version: 1, sims: sims.length }],
    contributionDays: sims.reduce((n, s) => n + (30 - s.firstDay + 1), 0),
    contributingSims: sims.length,
    activations: [],
    usage,
    perSimOverage: [],
    testExcess: { bytes: 0, sms: 0, sims: 0 },
  };
}
const cycleOf = (plans: PlanCycle[]): CycleToRate => ({
  start: "2026-11-01",
  end: "2026-12-01",
  currency: "EUR",
  plans,
});
const use = (day: number, zone: string, bytes: number): DayUsage => ({
  day: `2026-11-${String(day).padStart(2, "0")}`,
  zoneId: zone,
  zoneName: zone === HOME ? "Zone 1 (home)" : "Zone 2 (roaming)",
  bytes,
  smsMo: 0,
  smsMt: 0,
});

describe("the worked examples of reference/iot-plans.md", () => {
  it("1. flexible pool with SIMs joining and leaving: €3.25, no overage", () => {
    // A all month (30 days); B from 16 November (15 days); C until 20 November (20 days, but a SIM
    // leaving keeps its contribution: it counts from its first day to the cycle's end, 30 days).
    const plan = planOf(
      [
        { days: 30, firstDay: 1 },
        { days: 15, firstDay: 16 },
        { days: 20, firstDay: 1 },
      ],
      [use(5, HOME, 18 * MB), use(20, HOME, 2 * MB), use(10, HOME, 1 * MB)],
    );
    // Pool = 10 MB × (30 + 15 + 30) / 30 = 25 MB.
    expect(poolBytes(plan, 30).bytes).toBe(25 * MB);
    const rated = rateCycle(cycleOf([plan]));
    const fees = rated.lines.find((l) => l.kind === "subscription")!;
    // Fees = 1.50 × (30 + 15 + 20) / 30 = 1.50 + 0.75 + 1.00 = 3.25.
    expect(fees.amount).toBe("3.25");
    expect(fees.explanation.facts.simDays).toBe(65);
    const pool = rated.lines.find((l) => l.kind === "pool")!;
    // Zone 1: 18 + 2 + 1 = 21 MB ≤ 25 MB.
    expect(pool.amount).toBe("0.00");
    expect(pool.explanation.facts.homeMB).toBe("21");
    expect(pool.explanation.facts.poolMB).toBe("25");
    expect(rated.subtotal).toBe("3.25");
  });

  it("2. overage and roaming: €10.00 + €7.00 + €1.50 = €18.50", () => {
    const sessions = [2253 * KB, 1331 * KB]; // already rounded per session
    const plan = planOf(
      [{ days: 30, firstDay: 1 }],
      [use(3, HOME, 30 * MB), use(7, ROAM, sessions[0]!), use(8, ROAM, sessions[1]!)],
    );
    const rated = rateCycle(cycleOf([plan]));
    const by = (kind: string) => rated.lines.find((l) => l.kind === kind)!;
    // Zone 1: 30 MB − 10 MB pool = 20 MB × €0.50 = €10.00.
    expect(by("pool").quantity).toBe("20");
    expect(by("pool").amount).toBe("10.00");
    // Zone 2: 2,253 KB + 1,331 KB = 3,584 KB = 3.5 MB × €2.00 = €7.00, never from the pool.
    expect(by("zone_data").quantity).toBe("3.5");
    expect(by("zone_data").amount).toBe("7.00");
    expect(by("subscription").amount).toBe("1.50");
    expect(rated.subtotal).toBe("18.50");
  });

  it("3. rounding per session: ten sessions of 10,241 bytes are 110 KB, not 101 KB", () => {
    expect(roundSessionBytes(10_241, "perKB")).toBe(11 * KB);
    const perSession = Array.from({ length: 10 }, () => roundSessionBytes(10_241, "perKB"));
    expect(perSession.reduce((a, b) => a + b, 0)).toBe(110 * KB);
    expect(roundSessionBytes(10 * 10_241, "perKB")).toBe(101 * KB);
    expect(roundSessionBytes(1, "perMB")).toBe(MB);
  });

  it("4. test allowance: free test usage, fee €1.00, pool contribution 6,826.67 KB rounded up", () => {
    // Test usage (20 KB of 30 KB, 2 of 5 SMS) is within the allowance: the run counts it as test
    // usage and it reaches no line. Activated on 11 November: 20 billable days.
    const plan = planOf([{ days: 20, firstDay: 11 }], []);
    const pool = poolBytes(plan, 30);
    // 10 MB × 20 / 30 = 6,826.666… KB, kept exact, then rounded up to the whole byte.
    expect(pool.exact.div(KB).toDecimalPlaces(2).toString()).toBe("6826.67");
    expect(pool.bytes).toBe(Math.ceil((10 * MB * 20) / 30));
    const rated = rateCycle(cycleOf([plan]));
    expect(rated.lines.find((l) => l.kind === "subscription")!.amount).toBe("1.00");
    expect(rated.lines.some((l) => l.kind === "test_excess")).toBe(false);
    expect(rated.subtotal).toBe("1.00");
  });
});

describe("rating's properties", () => {
  const usageArb = fc.array(
    fc.record({
      day: fc.integer({ min: 1, max: 30 }),
      zone: fc.constantFrom(HOME, ROAM, null),
      bytes: fc.integer({ min: 0, max: 50 * MB }),
      smsMo: fc.integer({ min: 0, max: 20 }),
      smsMt: fc.integer({ min: 0, max: 20 }),
    }),
    { maxLength: 40 },
  );
  const simsArb = fc.array(
    fc.integer({ min: 1, max: 30 }).chain((firstDay) =>
      fc.record({
        firstDay: fc.constant(firstDay),
        days: fc.integer({ min: 0, max: 30 - firstDay + 1 }),
      }),
    ),
    { minLength: 1, maxLength: 20 },
  );
  const priceArb = fc
    .integer({ min: 0, max: 99_999 })
    .map((n) => new Decimal(n).div(10_000).toString());

  const cycleArb = fc
    .record({ sims: simsArb, usage: usageArb, fee: priceArb, home: priceArb, roam: priceArb })
    .map(({ sims, usage, fee, home, roam }) => {
      const v: VersionInCycle = {
        ...tracker,
        monthlyFee: fee,
        includedSms: 10,
        zones: [
          { ...tracker.zones[0]!, dataPerMB: home, smsMO: "0.05", smsMT: "0.02" },
          { ...tracker.zones[1]!, dataPerMB: roam, smsMO: "0.2", smsMT: "0.1" },
        ],
      };
      const rows = usage.map((u) => ({
        ...use(u.day, u.zone ?? HOME, u.bytes),
        zoneId: u.zone,
        zoneName: u.zone === null ? null : "zone",
        smsMo: u.smsMo,
        smsMt: u.smsMt,
      }));
      return cycleOf([planOf(sims, rows, [v])]);
    });

  it("the explained parts of every line add up to the line", () => {
    fc.assert(
      fc.property(cycleArb, (cycle) => {
        for (const line of rateCycle(cycle).lines) {
          const sum = line.explanation.parts.reduce((s, p) => s.add(p.amount), new Decimal(0));
          expect(sum.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)).toBe(line.amount);
        }
      }),
    );
  });

  it("the pool is never negative and never bills more than the zone-1 usage", () => {
    fc.assert(
      fc.property(cycleArb, (cycle) => {
        const plan = cycle.plans[0]!;
        expect(poolBytes(plan, 30).bytes).toBeGreaterThanOrEqual(0);
        const pool = rateCycle(cycle).lines.find((l) => l.kind === "pool");
        if (pool) {
          expect(Number(pool.explanation.facts.overBytes)).toBeGreaterThanOrEqual(0);
          expect(Number(pool.explanation.facts.overBytes)).toBeLessThanOrEqual(
            Number(pool.explanation.facts.homeBytes),
          );
        }
      }),
    );
  });

  it("proration by day adds up over a cycle: thirty one-day shares are one month's fee", () => {
    fc.assert(
      fc.property(priceArb, fc.integer({ min: 1, max: 30 }), (fee, split) => {
        const rate = (days: number) =>
          new Decimal(
            rateCycle(
              cycleOf([planOf([{ days, firstDay: 1 }], [], [{ ...tracker, monthlyFee: fee }])]),
            ).lines.find((l) => l.kind === "subscription")?.explanation.exact ?? "0",
          );
        expect(
          rate(split)
            .add(rate(30 - split))
            .toString(),
        ).toBe(new Decimal(fee).toString());
      }),
    );
  });

  it("rating the same usage twice gives the same invoice", () => {
    fc.assert(
      fc.property(cycleArb, (cycle) => {
        expect(rateCycle(structuredClone(cycle))).toEqual(rateCycle(cycle));
      }),
    );
  });

  it("usage in a zone the plan does not price is flagged, never silently free", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * MB }), (bytes) => {
        const rows = [{ ...use(4, HOME, bytes), zoneId: null, zoneName: null }];
        const rated = rateCycle(cycleOf([planOf([{ days: 30, firstDay: 1 }], rows)]));
        expect(rated.flags).toContain("UNPRICED_ZONE");
        expect(rated.lines.find((l) => l.kind === "unpriced")!.explanation.facts.bytes).toBe(bytes);
      }),
    );
  });
});
