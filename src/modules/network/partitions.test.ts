import { describe, expect, it } from "vitest";
import {
  partitionName,
  rangeOf,
  retentionCutoff,
  TABLE_PLANS,
  wantedRanges,
} from "./partitions.js";

const plan = (table: string) => TABLE_PLANS.find((p) => p.table === table)!;
const RETENTION = { accountingRecordsDays: 90, registrationEventsDays: 90, usageMonths: 13 };
const NOW = new Date("2026-12-06T13:00:00Z");

describe("partition plans", () => {
  it("names a partition after the UTC day or month it starts, and reads the range back", () => {
    const day = new Date("2026-12-31T00:00:00Z");
    expect(partitionName("accounting_records", "day", day)).toBe("accounting_records_p20261231");
    expect(rangeOf("accounting_records", "accounting_records_p20261231")).toEqual({
      name: "accounting_records_p20261231",
      from: day,
      to: new Date("2027-01-01T00:00:00Z"),
    });
    expect(rangeOf("usage_daily", "usage_daily_p202612")?.to).toEqual(
      new Date("2027-01-01T00:00:00Z"),
    );
    expect(rangeOf("usage_daily", "usage_daily_default")).toBeNull();
    expect(rangeOf("usage_daily", "usage_daily_archive")).toBeNull();
  });

  it("wants the current partition and the ones ahead", () => {
    expect(wantedRanges(plan("accounting_records"), NOW).map((r) => r.name)).toEqual([
      "accounting_records_p20261206",
      "accounting_records_p20261207",
      "accounting_records_p20261208",
      "accounting_records_p20261209",
      "accounting_records_p20261210",
      "accounting_records_p20261211",
      "accounting_records_p20261212",
      "accounting_records_p20261213",
    ]);
    expect(wantedRanges(plan("usage_daily"), NOW).map((r) => r.name)).toEqual([
      "usage_daily_p202612",
      "usage_daily_p202701",
      "usage_daily_p202702",
    ]);
  });

  it("cuts raw records by days and usage by whole calendar months; 0 keeps all", () => {
    expect(retentionCutoff(plan("accounting_records"), RETENTION, NOW)).toEqual(
      new Date("2026-09-07T13:00:00Z"),
    );
    expect(retentionCutoff(plan("usage_daily"), RETENTION, NOW)).toEqual(
      new Date("2025-11-01T00:00:00Z"),
    );
    const forever = { accountingRecordsDays: 0, registrationEventsDays: 0, usageMonths: 0 };
    for (const p of TABLE_PLANS) expect(retentionCutoff(p, forever, NOW)).toBeNull();
  });
});
