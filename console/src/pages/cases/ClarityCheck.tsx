import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { api, must } from "../../api/client";
import type { components } from "../../api/schema";
import { useT } from "../../i18n";
import { ErrorBox } from "../../ui/states";
import { clarityMessages } from "./clarity-messages";

type Finding = components["schemas"]["ClarityFinding"];
type Check = components["schemas"]["ClarityCheck"];

/** What the agent did with a finding of the draft; sent with the reply (`clarity.decisions`). */
export interface ClarityDecision {
  rule: Finding["rule"];
  decision: "accepted" | "dismissed";
  text: string;
  suggestion?: string;
  message?: string;
  severity?: Finding["severity"];
}

const covers = (f: Finding, body: string) => f.start === 0 && f.end === body.length;

/**
 * The findings left after replacing body[start, end) with `replacement`: those after it move by the
 * change in length, a finding about the whole text still spans all of it, and a finding that
 * overlapped the replaced text is gone (its text is no longer there).
 */
export function afterReplacing(
  findings: Finding[],
  body: string,
  start: number,
  end: number,
  replacement: string,
): Finding[] {
  const delta = replacement.length - (end - start);
  const kept: Finding[] = [];
  for (const f of findings) {
    if (covers(f, body)) kept.push({ ...f, end: f.end + delta });
    else if (f.end <= start) kept.push(f);
    else if (f.start >= end) kept.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return kept;
}

/** The draft with each finding's span marked where it stands (whole-text findings are listed only). */
function Marked({ body, findings }: { body: string; findings: Finding[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const spans = findings
    .filter((f) => !covers(f, body) && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  for (const f of spans) {
    if (f.start < at) continue;
    parts.push(body.slice(at, f.start));
    parts.push(
      <mark key={`${f.rule}-${f.start}`} className={`clarity-${f.severity}`} title={f.message}>
        {body.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(body.slice(at));
  return <p className="clarity-preview">{parts}</p>;
}

/**
 * The "Check" action of the reply editor: the server's clarity check of the draft, shown inline;
 * each suggestion is accepted in one click (it replaces its span) and each finding can be dismissed.
 * It informs and never blocks: the reply can be sent whatever it says.
 */
export function ClarityCheck({
  caseId,
  body,
  setBody,
  decisions,
  setDecisions,
}: {
  caseId: string;
  body: string;
  setBody: (b: string) => void;
  decisions: ClarityDecision[];
  setDecisions: (d: ClarityDecision[]) => void;
}) {
  const t = useT(clarityMessages);
  const [result, setResult] = useState<{ check: Check; body: string } | null>(null);
  const run = useMutation({
    mutationFn: (text: string) =>
      must(
        api.POST("/api/v1/cases/{id}/replies/check", {
          params: { path: { id: caseId } },
          body: { body: text },
        }),
      ),
    onSuccess: (check, text) => setResult({ check, body: text }),
  });
  const stale = result !== null && result.body !== body;
  const findings = result?.check.findings ?? [];

  const accept = (f: Finding) => {
    const replacement = f.suggestion ?? "";
    const next = body.slice(0, f.start) + replacement + body.slice(f.end);
    const rest = afterReplacing(
      findings.filter((x) => x !== f),
      body,
      f.start,
      f.end,
      replacement,
    );
    setDecisions([
      ...decisions,
      {
        rule: f.rule,
        decision: "accepted",
        text: body.slice(f.start, f.end),
        suggestion: replacement,
        message: f.message,
        severity: f.severity,
      },
    ]);
    setBody(next);
    setResult({ check: { ...result!.check, findings: rest }, body: next });
  };
  const dismiss = (f: Finding) => {
    setDecisions([
      ...decisions,
      { rule: f.rule, decision: "dismissed", text: body.slice(f.start, f.end) },
    ]);
    setResult({ check: { ...result!.check, findings: findings.filter((x) => x !== f) }, body });
  };
  const accepted = decisions.filter((d) => d.decision === "accepted").length;

  return (
    <div className="clarity">
      <div className="row">
        <button
          type="button"
          disabled={!body.trim() || run.isPending}
          onClick={() => run.mutate(body)}
        >
          {run.isPending ? t("checking") : t("check")}
        </button>
        {decisions.length > 0 && (
          <span className="muted">
            {t("decisions", { accepted, dismissed: decisions.length - accepted })}
          </span>
        )}
      </div>
      {run.error && <ErrorBox error={run.error} />}
      {result && stale && <p className="muted">{t("stale")}</p>}
      {result && !stale && (
        <section aria-label={t("checkTitle")} className="clarity-result">
          <p className="muted">
            {t("readability", {
              language: result.check.language,
              formula: result.check.readability.formula,
              score: result.check.readability.score,
            })}
          </p>
          {findings.length === 0 ? (
            <p role="status">{t("noFindings")}</p>
          ) : (
            <>
              <Marked body={body} findings={findings} />
              <p>{t("findingsCount", { count: findings.length })}</p>
              <ul className="clarity-findings">
                {findings.map((f) => (
                  <li key={`${f.rule}-${f.start}-${f.end}`} data-rule={f.rule}>
                    <strong>{t(`rule_${f.rule}`)}</strong>{" "}
                    <span className={`badge clarity-${f.severity}`}>
                      {t(`severity_${f.severity}`)}
                    </span>{" "}
                    <q>{covers(f, body) ? t("wholeText") : body.slice(f.start, f.end)}</q>
                    <div>{f.message}</div>
                    {f.suggestion !== undefined && (
                      <div className="muted">{t("suggestion", { text: f.suggestion })}</div>
                    )}
                    <div className="row">
                      {f.suggestion !== undefined && (
                        <button type="button" onClick={() => accept(f)}>
                          {t("accept")}
                        </button>
                      )}
                      <button type="button" onClick={() => dismiss(f)}>
                        {t("dismiss")}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
