import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { type PlanTerms, rateSimDays, type UsageDay } from "./rated-usage.js";

const MB = 1_048_576;
const HOME = "zone-home";
const ROAM = "zone-roam";
const plan = (pool: PlanTerms["pool"]): PlanTerms => ({
  name: "Tracker",
  pool,
  includedBytes: 10 * MB,
  versions: [
    {
      version: 1,
      fromDay: "2026-11-01",
      toDay: "2026-11-16",
      zones: [
        { zoneId: HOME, dataPerMB: "0.5" },
        { zoneId: ROAM, dataPerMB: "2" },
      ],
    },
    {
      version: 2,
      fromDay: "2026-11-16",
      toDay: "2026-12-01",
      zones: [
        { zoneId: HOME, dataPerMB: "0.4" },
        { zoneId: ROAM, dataPerMB: "2.5" },
      ],
    },
  ],
});
const day = (d: string, zoneId: string | null, mb: number, test = false): UsageDay => ({
  iccid: "8944000000000000001",
  simId: "sim",
  day: d,
  zoneId,
  zoneName: zoneId ?? "networks in no zone",
  test,
  bytes: mb * MB,
  ratedBytes: mb * MB,
  smsMo: 0,
  smsMt: 0,
});
const LINES: Record<string, number> = {
  allowance: 1,
  pool: 1,
  zone_data: 2,
  unpriced: 3,
  test_excess: 4,
};
const lineOf = (kind: string) => LINES[kind] ?? null;

describe("rated usage rows", () => {
  it("charge zone-1 data beyond the SIM's own allowance from the day it runs out, at that day's version", () => {
    const rows = rateSimDays(
      plan("none"),
      [day("2026-11-20", HOME, 6), day("2026-11-02", HOME, 6), day("2026-11-25", HOME, 3)],
      "EUR",
      lineOf,
    );
    expect(rows.map((r) => [r.day, r.charged_as, r.charged_mb, r.amount, r.plan_version])).toEqual([
      ["2026-11-02", "allowance", "0", "0", "1"],
      ["2026-11-20", "allowance", "2", "0.8", "2"],
      ["2026-11-25", "allowance", "3", "1.2", "2"],
    ]);
  });

  it("charge other zones from the first byte; leave pooled, test and unpriced rows to their lines", () => {
    const rows = rateSimDays(
      plan("flex"),
      [
        day("2026-11-03", HOME, 50),
        day("2026-11-04", ROAM, 1.5),
        day("2026-11-17", ROAM, 0.25),
        day("2026-11-05", null, 1),
        day("2026-11-01", HOME, 1, true),
      ],
      "EUR",
      lineOf,
    );
    const by = (d: string) => rows.find((r) => r.day === d)!;
    expect(by("2026-11-03")).toMatchObject({
      charged_as: "pool",
      amount: "",
      price_per_mb: "0.5",
      line: "1",
    });
    expect(by("2026-11-04")).toMatchObject({ charged_as: "zone", amount: "3", line: "2" });
    expect(by("2026-11-17")).toMatchObject({
      charged_as: "zone",
      amount: "0.625",
      plan_version: "2",
    });
    expect(by("2026-11-05")).toMatchObject({
      charged_as: "unpriced",
      amount: "",
      price_per_mb: "",
      line: "3",
    });
    expect(by("2026-11-01")).toMatchObject({ charged_as: "test", test: "yes", amount: "" });
    const zone = rows.filter((r) => r.charged_as === "zone");
    expect(zone.reduce((s, r) => s.add(r.amount), new Decimal(0)).toString()).toBe("3.625");
  });
});
