import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lateLine } from "./late-usage.js";
import {
  type PlanCycle,
  poolBytes,
  type RatedLine,
  rateCycle,
  type VersionInCycle,
} from "./rating.js";

/**
 * A SIM whose rate plan changes mid-cycle with immediate effect is rated on each plan for the days it
 * was on it (docs/billing.md, "Plan changes"): the billing run hands rating one plan per part of the
 * cycle, its SIM-days and pool contributions counted over that part only. November 2026, 30 days.
 */
const MB = 1024 * 1024;
const HOME = "00000000-0000-7000-8000-000000000001";

const version = (fee: string, poolMB: number, homePerMB: string): VersionInCycle => ({
  version: 1,
  fromDay: "2026-11-01",
  toDay: "2026-12-01",
  monthlyFee: fee,
  activationFee: "0",
  proration: "daily",
  includedBytes: poolMB * MB,
  includedSms: 0,
  pool: { type: "flex" },
  zones: [{ zoneId: HOME, zoneName: "Zone 1", dataPerMB: homePerMB, smsMO: "0", smsMT: "0" }],
  testReady: { dataBytes: 0, sms: 0 },
});

/** One SIM on a plan for `days` days of the cycle, from its first day there to the change. */
function part(id: string, v: VersionInCycle, days: number, homeBytes: number): PlanCycle {
  return {
    ratePlanId: id,
    name: id,
    versions: [v],
    simDays: [{ version: 1, days, sims: 1 }],
    simsBilled: [{ version: 1, sims: 1 }],
    contributionDays: days,
    contributingSims: 1,
    activations: [],
    usage: homeBytes
      ? [
          {
            day: "2026-11-05",
            zoneId: HOME,
            zoneName: "Zone 1",
            bytes: homeBytes,
            smsMo: 0,
            smsMt: 0,
          },
        ]
      : [],
    perSimOverage: [],
    testExcess: { bytes: 0, sms: 0, sims: 0 },
  };
}
const cycle = (plans: PlanCycle[]) => ({
  start: "2026-11-01",
  end: "2026-12-01",
  currency: "EUR",
  plans,
});

describe("a plan change split by day", () => {
  it("worked example: 10 MB Flex for 1–15 November, 20 MB Flex from the 16th", () => {
    const small = version("1.5", 10, "0.5");
    const big = version("3", 20, "0.25");
    const rated = rateCycle(
      cycle([part("A 10MB", small, 15, 7 * MB), part("B 20MB", big, 15, 12 * MB)]),
    );
    const by = (plan: string, kind: string) =>
      rated.lines.find((l) => l.ratePlanId === plan && l.kind === kind)!;
    // 1.50 × 15/30 = 0.75 and 3.00 × 15/30 = 1.50.
    expect(by("A 10MB", "subscription").amount).toBe("0.75");
    expect(by("B 20MB", "subscription").amount).toBe("1.50");
    // Pools 10 MB × 15/30 = 5 MB and 20 MB × 15/30 = 10 MB: 2 MB over each.
    expect(by("A 10MB", "pool")).toMatchObject({ quantity: "2", amount: "1.00" });
    expect(by("B 20MB", "pool")).toMatchObject({ quantity: "2", amount: "0.50" });
    expect(rated.subtotal).toBe("3.75");
  });

  it("adds up over the cycle: the same terms on both sides of a change give a whole month", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 29 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 1000 }),
        (k, cents, poolMB) => {
          const v = version(new Decimal(cents).div(100).toString(), poolMB, "0.5");
          const plans = [part("before", v, k, 0), part("after", v, 30 - k, 0)];
          const exact = rateCycle(cycle(plans))
            .lines.filter((l) => l.kind === "subscription")
            .reduce((s, l) => s.add(l.explanation.exact), new Decimal(0));
          expect(exact.toDecimalPlaces(15).toString()).toBe(new Decimal(cents).div(100).toString());
          const pools = plans.reduce((s, p) => s.add(poolBytes(p, 30).exact), new Decimal(0));
          expect(pools.toString()).toBe(String(poolMB * MB));
        },
      ),
    );
  });

  it("prorates each plan's fee by its own days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 29 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 9999 }),
        (k, a, b) => {
          const [fa, fb] = [new Decimal(a).div(100), new Decimal(b).div(100)];
          const rated = rateCycle(
            cycle([
              part("before", version(fa.toString(), 10, "0.5"), k, 0),
              part("after", version(fb.toString(), 10, "0.5"), 30 - k, 0),
            ]),
          );
          const exact = rated.lines
            .filter((l) => l.kind === "subscription")
            .reduce((s, l) => s.add(l.explanation.exact), new Decimal(0));
          // Exact to 15 places (a third of a cent repeats; a line writes its exact sum to 20 digits).
          const want = fa
            .mul(k)
            .add(fb.mul(30 - k))
            .div(30);
          expect(exact.toDecimalPlaces(15).toString()).toBe(want.toDecimalPlaces(15).toString());
        },
      ),
    );
  });
});

describe("the late-usage line", () => {
  const prior = {
    number_text: "INV-000041",
    cycle_start: "2026-10-01",
    cycle_end: "2026-11-01",
    currency: "EUR",
  };
  const usage = (amount: string, quantity: string): RatedLine => ({
    kind: "zone_data",
    description: "Tracker: data in Zone 2",
    ratePlanId: "p",
    planVersion: 1,
    zoneId: "z",
    quantity,
    unit: "MB",
    unitPrice: "2",
    amount,
    flags: [],
    explanation: { parts: [], exact: amount, rounding: "", facts: {}, sentence: "" },
  });

  it("is the difference of the usage lines, less what was billed late before", () => {
    const line = lateLine({
      prior,
      priorLines: [{ ...usage("4.00", "2"), rate_plan_id: "p", zone_id: "z" }],
      rerated: [usage("7.00", "3.5")],
      billedLate: [{ amount: "1.00", number: "INV-000042" }],
      lateBytes: 1 * MB,
      lateSms: 0,
    })!;
    expect(line.description).toBe(
      "Usage from October 2026 received after invoice INV-000041 was issued",
    );
    expect(line.amount).toBe("2.00");
    expect(line.explanation.parts.map((p) => p.amount)).toEqual(["3", "-1"]);
  });

  it("is not there when nothing arrived late", () => {
    const same = usage("4.00", "2");
    expect(
      lateLine({
        prior,
        priorLines: [same],
        rerated: [same],
        billedLate: [],
        lateBytes: 0,
        lateSms: 0,
      }),
    ).toBeNull();
  });
});
