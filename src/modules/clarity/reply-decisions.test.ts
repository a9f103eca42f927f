import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLARITY_RULES, type ClarityFinding } from "./clarity.types.js";
import { matchDecisions, type ReplyDecision } from "./reply-decisions.js";

const BODY = "Hello Dana, the APN of SIM 89440012345678901239 is set; we will call tomorrow.";
const rule = fc.constantFrom(...CLARITY_RULES);
const finding = fc
  .tuple(rule, fc.nat(BODY.length), fc.nat(BODY.length))
  .map(([r, a, b]): ClarityFinding => ({
    rule: r,
    severity: "warning",
    start: Math.min(a, b),
    end: Math.max(a, b),
    message: r,
  }));

describe("matching the agent's decisions to the findings of the reply as sent", () => {
  it("dismisses exactly the findings a dismissal names by rule and text, each dismissal once", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), fc.array(fc.boolean()), (fs, pick) => {
        // The agent dismissed some of these findings (by their text), and accepted nothing else.
        const dismissals: ReplyDecision[] = fs
          .filter((_, i) => pick[i])
          .map((f) => ({ rule: f.rule, decision: "dismissed", text: BODY.slice(f.start, f.end) }));
        const out = matchDecisions(BODY, fs, dismissals);
        expect(out.map((o) => o.finding)).toEqual(fs);
        expect(out.filter((o) => o.decision === "dismissed")).toHaveLength(dismissals.length);
        for (const o of out.filter((x) => x.decision === "dismissed"))
          expect(dismissals.some((d) => d.rule === o.finding.rule)).toBe(true);
      }),
    );
  });

  it("leaves open what no dismissal names, and never matches an accepted suggestion", () => {
    const apn: ClarityFinding = {
      rule: "jargon",
      severity: "warning",
      start: 16,
      end: 19,
      message: "APN",
    };
    const whole: ClarityFinding = {
      rule: "readability",
      severity: "info",
      start: 0,
      end: BODY.length,
      message: "hard",
    };
    const out = matchDecisions(
      BODY,
      [apn, whole],
      [
        { rule: "jargon", decision: "accepted", text: "APN", suggestion: "network name" },
        { rule: "passive_voice", decision: "dismissed", text: "APN" },
        // The whole text changed since the draft: the same rule is enough.
        { rule: "readability", decision: "dismissed", text: "an older draft" },
      ],
    );
    expect(out.map((o) => o.decision)).toEqual(["open", "dismissed"]);
  });
});
