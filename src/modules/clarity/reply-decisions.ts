import type { ClarityDecision } from "../../db/schema.js";
import type { ClarityFinding, ClarityRule } from "./clarity.types.js";

/** What the agent did with a finding of the draft (the reply's `clarity.decisions`). */
export interface ReplyDecision {
  rule: ClarityRule;
  decision: "accepted" | "dismissed";
  text: string;
  suggestion?: string;
  message?: string;
  severity?: "info" | "warning";
}

/**
 * Pairs the findings of the reply as sent with the agent's dismissals of the draft's findings: the
 * same rule and the same text (offsets move as the agent edits, the text does not), or for a finding
 * about the whole text, the same rule. Each dismissal pairs with one finding at most; a finding no
 * dismissal names is `open`.
 */
export function matchDecisions(
  body: string,
  findings: readonly ClarityFinding[],
  decisions: readonly ReplyDecision[],
): { finding: ClarityFinding; decision: ClarityDecision }[] {
  const dismissals = decisions.filter((d) => d.decision === "dismissed");
  return findings.map((f) => {
    const text = body.slice(f.start, f.end);
    const whole = f.start === 0 && f.end === body.length;
    const i = dismissals.findIndex((d) => d.rule === f.rule && (d.text === text || whole));
    if (i < 0) return { finding: f, decision: "open" };
    dismissals.splice(i, 1);
    return { finding: f, decision: "dismissed" };
  });
}
