import type { Selectable } from "kysely";
import type { ClarityGlossaryTermRow, ClarityReplyFindingsTable } from "../../db/schema.js";
import type { ClarityResult, ClarityRule } from "./clarity.types.js";
import type { WeekRow, WeekRuleRow } from "./clarity.repo.js";

/** A check's answer: the result as the pure check gave it, findings in text order. */
export const presentCheck = (r: ClarityResult) => ({
  language: r.language,
  readability: { formula: r.readability.formula, score: round(r.readability.score, 1) },
  findings: [...r.findings]
    .sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      start: f.start,
      end: f.end,
      message: f.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    })),
});

export const presentTerm = (t: ClarityGlossaryTermRow) => ({
  language: t.language,
  term: t.term,
  explanation: t.explanation,
  origin: t.origin,
  updatedAt: t.updated_at.toISOString(),
});

export const presentSentCheck = (
  c: { language: ClarityResult["language"]; formula: ClarityResult["readability"]["formula"] } & {
    score: number;
    sent_at: Date;
  },
  findings: Selectable<ClarityReplyFindingsTable>[],
) => ({
  language: c.language,
  readability: { formula: c.formula, score: round(c.score, 1) },
  sentAt: c.sent_at.toISOString(),
  findings: findings.map((f) => ({
    rule: f.rule as ClarityRule,
    severity: f.severity,
    decision: f.decision,
    start: f.span_start,
    end: f.span_end,
    text: f.span_text,
    message: f.message,
    suggestion: f.suggestion,
  })),
});

/** The Mondays (UTC, YYYY-MM-DD) of the last `n` ISO weeks, oldest first, this week last. */
export function lastWeeks(now: Date, n: number): string[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  return Array.from({ length: n }, (_, i) =>
    new Date(monday.getTime() - (n - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

/** Every week asked for, empty weeks included, with the rules in the order of CLARITY_RULES. */
export function presentStats(
  weeks: string[],
  rows: WeekRow[],
  ruleRows: WeekRuleRow[],
  ruleOrder: readonly ClarityRule[],
) {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return {
    weeks: weeks.map((week) => {
      const w = byWeek.get(week);
      const replies = w?.replies ?? 0;
      const withOpen = w?.with_open ?? 0;
      const rules = ruleRows
        .filter((r) => r.week === week)
        .sort(
          (a, b) =>
            ruleOrder.indexOf(a.rule as ClarityRule) - ruleOrder.indexOf(b.rule as ClarityRule),
        );
      return {
        week,
        replies,
        withOpenFindings: withOpen,
        share: ratio(withOpen, replies),
        byRule: rules.map((r) => ({
          rule: r.rule as ClarityRule,
          replies: r.open_replies,
          share: ratio(r.open_replies, replies),
          dismissed: r.dismissed,
          accepted: r.accepted,
        })),
      };
    }),
  };
}

/** A share rounded to 4 places: a statistic for people, not an amount to add up. */
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
