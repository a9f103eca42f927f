import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../lib/identifiers.js";
import { MAX_MENTIONS, simMentionsIn } from "./sim-mentions.js";

const iccid = (payload18: string) => payload18 + luhnCheckDigit(payload18);
const ICCID = iccid("894450000000000001");

describe("SIM identifiers in a customer's mail", () => {
  it("finds ICCIDs (grouped or not), IMSIs and MSISDNs, each in its stored form", () => {
    const grouped = ICCID.replace(/(\d{4})(?=\d)/g, "$1 ");
    const m = simMentionsIn(
      `Hello,\nSIM ${grouped} and ICCID:${iccid("894450000000000002")} are silent.\n` +
        `IMSI 234150000000123, number +44 7700 900123 and 447700900124.\n`,
    );
    expect(m.iccids).toEqual([ICCID, iccid("894450000000000002")]);
    expect(m.imsis).toEqual(["234150000000123"]);
    expect(m.msisdns).toEqual(["234150000000123", "447700900123", "447700900124"]);
  });

  it("ignores a wrong check digit, an ICCID without the 89 prefix, dates, short numbers and quoted lines", () => {
    const wrong = ICCID.slice(0, -1) + String((Number(ICCID.at(-1)) + 1) % 10);
    const m = simMentionsIn(
      `Order ${wrong}, ref ${iccid("123450000000000001")}, on 2026-03-01 at 10:30, call 020 7946 0000.\n` +
        `> SIM ${iccid("894450000000000003")} (quoted from our earlier mail)\n`,
    );
    expect(m).toEqual({ iccids: [], imsis: [], msisdns: [] });
  });

  it("reads two identifiers written side by side, and stops after MAX_MENTIONS", () => {
    const two = simMentionsIn(`${ICCID} ${iccid("894450000000000004")}`);
    expect(two.iccids).toHaveLength(2);
    const many = Array.from({ length: 50 }, (_, i) =>
      iccid(`8944500000000${String(i).padStart(5, "0")}`),
    ).join("\n");
    expect(simMentionsIn(many).iccids).toHaveLength(MAX_MENTIONS);
  });
});
