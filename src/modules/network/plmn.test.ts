import { describe, expect, it } from "vitest";
import { describePlmn, splitPlmn } from "./plmn.js";

describe("PLMN names", () => {
  it("names the country and the network of a serving PLMN", () => {
    expect(describePlmn("639", "02")).toMatchObject({ country: "KE", network: "Safaricom" });
    expect(describePlmn("208", "01")).toMatchObject({ country: "FR", network: "Orange" });
    expect(describePlmn("240", "07")).toMatchObject({ country: "SE" });
    expect(describePlmn("000", "00")).toMatchObject({ country: null, network: null });
  });
  it("keeps the MNC a string", () => {
    expect(splitPlmn("20801")).toEqual({ mcc: "208", mnc: "01" });
    expect(splitPlmn("310170")).toEqual({ mcc: "310", mnc: "170" });
    expect(splitPlmn("2080")).toBeNull();
  });
});
