import { useMutation } from "@tanstack/react-query";
import { useId, useState, type DragEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, api, must } from "../../api/client";
import type { components } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorBox, Loading, PageTitle } from "../../ui/states";
import { onboardingMessages } from "./messages";
import "../jobs/jobs.css";
import "./onboarding.css";

type Check = components["schemas"]["OnboardingCheck"];
type Finding = components["schemas"]["OnboardingFinding"];
type Plan = components["schemas"]["OnboardingPlan"];

const isSpecFile = (file: File) =>
  /\.(ya?ml|json)$/i.test(file.name) ||
  ["application/json", "application/yaml", "application/x-yaml", "text/yaml"].includes(file.type);

/** A plan entry's before/after, short: text as it is, anything else as compact JSON. */
const shown = (v: unknown) =>
  v === undefined || v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v);

/**
 * /onboardings/new — drop or paste a spec, see every feasibility finding with its path, then (for
 * an onboarding that exists) the plan of differences, and confirm: the confirmation carries the
 * plan's hash, so Otter applies exactly the plan shown. The onboarding's page follows the job.
 */
export default function NewOnboardingPage() {
  const t = useT(onboardingMessages);
  const f = useFormat();
  const navigate = useNavigate();
  const ids = { file: useId(), spec: useId() };
  const [spec, setSpec] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [stale, setStale] = useState(false);

  const check = useMutation({
    mutationFn: (text: string) =>
      must(
        api.POST("/api/v1/onboardings", { body: { spec: text, dryRun: true } }),
      ) as Promise<Check>,
  });
  const apply = useMutation({
    mutationFn: (v: { text: string; hash?: string }) =>
      must(
        api.POST("/api/v1/onboardings", {
          body: { spec: v.text, dryRun: false, ...(v.hash && { confirmPlan: v.hash }) },
        }),
      ),
    onSuccess: (res) => {
      setConfirming(false);
      const created = res as { onboarding: { id: string } };
      void navigate(`/onboardings/${created.onboarding.id}`);
    },
    onError: (err, v) => {
      setConfirming(false);
      // Someone applied a change meanwhile: the plan shown is no longer the plan; show the new one.
      if (err instanceof ApiError && err.code === "ONBOARDING_PLAN_NOT_CONFIRMED") {
        setStale(true);
        apply.reset();
        check.mutate(v.text);
      }
    },
  });

  /** A new text: the earlier check no longer speaks for it. */
  const edit = (text: string) => {
    setSpec(text);
    setStale(false);
    check.reset();
    apply.reset();
  };
  const choose = async (file: File | undefined | null) => {
    if (!file) return;
    if (!isSpecFile(file)) return setFileError(t("notSpecFile", { name: file.name }));
    setFileError(null);
    edit(await file.text());
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void choose(e.dataTransfer.files[0]);
  };

  const result = check.data;
  const plan = result?.plan;
  const changes = plan ? plan.entries.length : 0;
  const canApply = !!result?.feasible && !(plan && changes === 0) && !apply.isPending;
  const title = t("newTitle");
  return (
    <div className="onboarding-page">
      <PageTitle title={title}>{title}</PageTitle>
      <div className="page-actions">
        <Link to="/onboardings">{t("allOnboardings")}</Link>
      </div>
      <p>{t("newIntro")}</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!spec.trim()) return setFileError(t("specEmpty"));
          setStale(false);
          check.mutate(spec);
        }}
      >
        <div
          className={`drop-zone${over ? " over" : ""}`}
          data-testid="spec-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p className="drop-title">{t("dropZone")}</p>
          <p>
            {t("dropOr")}{" "}
            <label htmlFor={ids.file} className="visually-hidden">
              {t("fileLabel")}
            </label>
            <input
              id={ids.file}
              type="file"
              accept=".yaml,.yml,.json,application/json,application/yaml"
              onClick={(e) => {
                e.currentTarget.value = "";
              }}
              onChange={(e) => void choose(e.currentTarget.files?.[0])}
            />
          </p>
          {fileError && (
            <p role="alert" className="notice bad">
              {fileError}
            </p>
          )}
        </div>
        <label htmlFor={ids.spec}>{t("specLabel")}</label>
        <textarea
          id={ids.spec}
          className="spec-text mono"
          spellCheck={false}
          value={spec}
          onChange={(e) => edit(e.currentTarget.value)}
        />
        <div className="row">
          <button type="submit" className="primary" disabled={check.isPending}>
            {t("checkButton")}
          </button>
        </div>
      </form>

      {stale && (
        <p role="alert" className="notice bad">
          {t("planStale")}
        </p>
      )}
      {check.isPending && <Loading label={t("checking")} />}
      {check.error && <ErrorBox error={check.error} />}
      {result && (
        <section className="card" aria-labelledby="check-title">
          <h2 id="check-title">{t("checkTitle")}</h2>
          <p role="status" className={`notice ${result.feasible ? "ok" : "bad"}`}>
            {result.summary === null
              ? t("unparsed") + " "
              : result.feasible
                ? t("feasible", { warnings: f.number(result.warnings) })
                : t("notFeasible", {
                    errors: f.number(result.errors),
                    warnings: f.number(result.warnings),
                  })}
          </p>
          {result.summary && (
            <p>
              {t("asksFor", {
                accounts: f.number(result.summary.accounts),
                plans: f.number(
                  result.summary.communicationPlans.create + result.summary.ratePlans.create,
                ),
                sims: f.number(result.summary.sims),
                apns: f.number(result.summary.privateApns),
                tunnels: f.number(result.summary.tunnels),
              })}
            </p>
          )}
          <Findings
            id="errors-title"
            title={t("errorsTitle")}
            findings={result.findings.filter((x) => x.severity === "error")}
          />
          <Findings
            id="warnings-title"
            title={t("warningsTitle")}
            findings={result.findings.filter((x) => x.severity === "warning")}
          />
        </section>
      )}
      {result?.feasible && plan && <PlanView plan={plan} reference={result.reference ?? ""} />}
      {result?.feasible && (
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!canApply}
            onClick={() => setConfirming(true)}
          >
            {plan ? t("applyPlanButton") : t("provisionButton")}
          </button>
        </div>
      )}
      {apply.error && <ErrorBox error={apply.error} />}
      <ConfirmDialog
        open={confirming}
        title={t("confirmTitle", { reference: result?.reference ?? "" })}
        confirmLabel={t("confirmButton")}
        busy={apply.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => apply.mutate({ text: spec, ...(plan && { hash: plan.hash }) })}
      >
        <p>
          {plan
            ? t("confirmPlan", { n: f.number(changes) })
            : t("confirmNew", { sims: f.number(result?.summary?.sims ?? 0) })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** Findings of one severity, each with its path in the spec and its code. */
function Findings({ id, title, findings }: { id: string; title: string; findings: Finding[] }) {
  const t = useT(onboardingMessages);
  if (findings.length === 0) return null;
  return (
    <>
      <h3 id={id}>{title}</h3>
      <table aria-labelledby={id} className="findings">
        <thead>
          <tr>
            <th scope="col">{t("colPath")}</th>
            <th scope="col">{t("colMessage")}</th>
            <th scope="col">{t("colCode")}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((x, i) => (
            <tr key={i}>
              <td>
                <code>{x.path}</code>
              </td>
              <td>{x.text}</td>
              <td>
                <code className="muted">{x.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The plan of differences, like `terraform plan`: what applying the spec creates, changes, moves. */
function PlanView({ plan, reference }: { plan: Plan; reference: string }) {
  const t = useT(onboardingMessages);
  const f = useFormat();
  const s = plan.summary;
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t("planTitle")}</h2>
      <p>{t("planIntro", { reference })}</p>
      {plan.entries.length === 0 ? (
        <p role="status" className="notice ok">
          {t("planEmpty")}
        </p>
      ) : (
        <>
          <p role="status">
            {t("planSummary", {
              create: f.number(s.create),
              change: f.number(s.change),
              move: f.number(s.move),
              remove: f.number(s.remove),
            })}
          </p>
          <table aria-labelledby="plan-title" className="plan">
            <thead>
              <tr>
                <th scope="col">{t("colAction")}</th>
                <th scope="col">{t("colPath")}</th>
                <th scope="col">{t("colObject")}</th>
                <th scope="col">{t("colBefore")}</th>
                <th scope="col">{t("colAfter")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.entries.map((e, i) => (
                <tr key={i} className={`plan-${e.action}`}>
                  <td>{t(`action_${e.action}`)}</td>
                  <td>
                    <code>{e.path}</code>
                  </td>
                  <td>
                    {e.objectMessage.text}
                    {e.count != null && (
                      <span className="muted"> ({t("simsCount", { n: f.number(e.count) })})</span>
                    )}
                  </td>
                  <td className="mono">{shown(e.before)}</td>
                  <td className="mono">{shown(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
