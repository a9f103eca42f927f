import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../../lib/identifiers.js";
import { parseHeader, validateRow } from "./sim-csv.js";

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const iccidArb = fc
  .tuple(fc.constantFrom(18, 19), fc.constant(0))
  .chain(([len]) => digits(len))
  .map((p) => p + luhnCheckDigit(p));

describe("SIM import header", () => {
  it("accepts a BOM, ; separators and loose column names", () => {
    expect(parseHeader("\uFEFFICCID;IMSI;MSISDN;Rate plan;account_custom_1")).toEqual({
      ok: true,
      delimiter: ";",
      columns: ["iccid", "imsi", "msisdn", "ratePlan", "accountCustom1"],
    });
  });
  it("names the missing, unknown or repeated column", () => {
    expect(parseHeader("iccid,imsi")).toMatchObject({
      ok: false,
      code: "IMPORT_MISSING_COLUMN",
      field: "msisdn",
    });
    expect(parseHeader("iccid,imsi,msisdn,colour")).toMatchObject({
      ok: false,
      code: "IMPORT_UNKNOWN_COLUMN",
      field: "colour",
    });
    expect(parseHeader("iccid,imsi,msisdn,ICCID")).toMatchObject({
      ok: false,
      code: "IMPORT_DUPLICATE_COLUMN",
    });
  });
});

describe("SIM import rows", () => {
  const cols = ["iccid", "imsi", "msisdn", "state"];
  it("accepts every well-formed row and keeps identifiers as strings", () => {
    fc.assert(
      fc.property(
        iccidArb,
        digits(15),
        fc.tuple(fc.integer({ min: 1, max: 9 }), digits(10)).map(([a, b]) => `${a}${b}`),
        (iccid, imsi, msisdn) => {
          const r = validateRow([iccid, imsi, `+${msisdn}`, ""], cols);
          return (
            r.ok &&
            r.draft.iccid === iccid &&
            r.draft.msisdn === msisdn &&
            r.draft.state === "INVENTORY" &&
            !r.draft.stateGiven
          );
        },
      ),
    );
  });
  it("refuses any single-digit change of a valid ICCID (Luhn catches every one)", () => {
    fc.assert(
      fc.property(iccidArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (iccid, pos, delta) => {
        const i = pos % iccid.length;
        const changed = iccid.slice(0, i) + ((Number(iccid[i]) + delta) % 10) + iccid.slice(i + 1);
        const r = validateRow([changed, "234150000000001", "447700900000", ""], cols);
        return !r.ok && r.field === "iccid" && r.code === "ICCID_CHECK_DIGIT";
      }),
    );
  });
  it("never throws on arbitrary input and always names a field when it refuses", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (values) => {
        const r = validateRow(values, cols);
        return r.ok || (typeof r.field === "string" && r.code.length > 0 && r.message.length > 0);
      }),
    );
  });
  it("recognises spreadsheet damage and bad states", () => {
    expect(validateRow(["8.94E+19", "234150000000001", "447700900000", ""], cols)).toMatchObject({
      ok: false,
      code: "ICCID_SCIENTIFIC_NOTATION",
    });
    expect(
      validateRow(["89440000000000000005", "234150000000001", "447700900000", "ON"], cols),
    ).toMatchObject({ ok: false, field: "iccid" });
    const iccid = "894400000000000000" + luhnCheckDigit("894400000000000000");
    expect(validateRow([iccid, "234150000000001", "447700900000", "purged"], cols)).toMatchObject({
      ok: false,
      code: "STATE_NOT_IMPORTABLE",
    });
    expect(
      validateRow([iccid, "234150000000001", "447700900000", "activated"], cols),
    ).toMatchObject({ ok: true, draft: { state: "ACTIVATED", stateGiven: true } });
    expect(validateRow([iccid, "234150000000001"], cols)).toMatchObject({
      ok: false,
      code: "ROW_COLUMN_COUNT",
    });
  });
});
