import type { Locale } from "../../lib/messages/messages.js";
import { diagnosisText } from "./diagnostics.messages.js";
import type { Diagnosis } from "./ladder.js";

/**
 * A diagnosis as the API answers it: the English fields as always, and beside each composed text
 * its message (code, parameters) with the text in the caller's language and time zone.
 */
export function presentDiagnosis(
  d: Diagnosis & { iccid: string; checkedAt: string; dataAsOf: string | null },
  locale: Locale,
) {
  const render = (m: Parameters<typeof diagnosisText.rendered>[0]) =>
    diagnosisText.rendered(m, locale);
  const verdictMessages = d.verdictMessages.map(render);
  const fix = (f: Diagnosis["actions"][number]) => ({
    ...f,
    descriptionMessage: render(f.descriptionMessage),
  });
  return {
    ...d,
    language: locale.language,
    verdictText: verdictMessages.map((m) => m.text).join(" "),
    verdictMessages,
    rungs: d.rungs.map(({ fix: rungFix, ...r }) => ({
      ...r,
      summaryMessage: render(r.summaryMessage),
      evidence: r.evidence.map((e) => ({ ...e, detailMessage: render(e.detailMessage) })),
      ...(rungFix ? { fix: fix(rungFix) } : {}),
    })),
    actions: d.actions.map(fix),
  };
}
