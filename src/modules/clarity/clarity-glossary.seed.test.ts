import { describe, expect, it } from "vitest";
import type { ClarityLanguage } from "./clarity.types.js";
import { checkClarity } from "./clarity-check.js";
import { CLARITY_GLOSSARY_SEED } from "./clarity-glossary.seed.js";

describe("the shipped glossary", () => {
  it("has every term in English, Italian and Swedish, including the issue's list", () => {
    const by = (l: ClarityLanguage) =>
      CLARITY_GLOSSARY_SEED.filter((g) => g.language === l).map((g) => g.term);
    expect(by("it")).toEqual(by("en"));
    expect(by("sv")).toEqual(by("en"));
    for (const t of [
      "APN",
      "PDP",
      "IMSI",
      "ICCID",
      "MSISDN",
      "IMEI",
      "RAT",
      "PLMN",
      "HLR",
      "HSS",
      "RADIUS",
      "eUICC",
      "roaming",
      "LTE-M",
      "NB-IoT",
    ]) {
      expect(by("en")).toContain(t);
    }
    for (const g of CLARITY_GLOSSARY_SEED) expect(g.explanation.trim().length).toBeGreaterThan(10);
  });

  it("explains each term in words the check itself does not flag (no other term, no date, no word of ours)", () => {
    for (const g of CLARITY_GLOSSARY_SEED) {
      const r = checkClarity({
        body: g.explanation,
        language: g.language,
        customerMails: [],
        glossary: CLARITY_GLOSSARY_SEED,
        identifierOwners: new Map(),
        now: new Date("2026-12-07T09:30:00Z"),
        timeZone: "Europe/Rome",
      });
      const flagged = r.findings.filter((f) =>
        ["jargon", "relative_date", "passive_voice", "unfilled_placeholder"].includes(f.rule),
      );
      expect(
        flagged.map(
          (f) => `${g.language} ${g.term}: ${f.rule} ${g.explanation.slice(f.start, f.end)}`,
        ),
      ).toEqual([]);
    }
  });
});
