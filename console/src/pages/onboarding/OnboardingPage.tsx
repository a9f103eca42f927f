import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, api, fileUrl, must } from "../../api/client";
import type { components } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { ErrorBox, PageTitle, QueryView } from "../../ui/states";
import { JobProgress, StatusBadge, isActive } from "../jobs/jobParts";
import { OnboardingState } from "./OnboardingsPage";
import { onboardingMessages } from "./messages";
import "./onboarding.css";

type Detail = components["schemas"]["OnboardingDetail"];
type Task = components["schemas"]["OnboardingTask"];

/** Whether the spec asks for an IPsec tunnel on any of its private APNs. */
function hasTunnel(spec: Detail["spec"]) {
  const services = spec.services as { apns?: { ipsec?: unknown }[] } | undefined;
  return (services?.apns ?? []).some((a) => a.ipsec != null);
}

/** /onboardings/:id — one onboarding: its steps, last run, tasks, desk case and tunnel files. */
export default function OnboardingPage() {
  const { id = "" } = useParams();
  const onboarding = useQuery({
    queryKey: ["onboardings", id],
    queryFn: () => must(api.GET("/api/v1/onboardings/{id}", { params: { path: { id } } })),
    refetchInterval: (q) =>
      q.state.data && ["validated", "provisioning"].includes(q.state.data.state) ? 1500 : false,
    retry: (n, err) => n < 2 && !(err instanceof ApiError && err.status < 500),
  });
  return (
    <QueryView query={onboarding} notFound>
      {(data) => <OnboardingView o={data} />}
    </QueryView>
  );
}

function OnboardingView({ o }: { o: Detail }) {
  const t = useT(onboardingMessages);
  const f = useFormat();
  const title = t("onboardingTitle", { name: o.customerName });
  const steps: [string, string | null][] = [
    [t("created"), o.createdAt],
    [t("validated"), o.validatedAt],
    [t("provisioning"), o.provisioningAt],
    [t("waitingOnCustomer"), o.waitingOnCustomerAt],
    [t("live"), o.liveAt],
  ];
  if (o.failedAt) steps.push([t("failed"), o.failedAt]);
  const base = `/api/v1/onboardings/${o.id}`;
  const days = (n: number | null) =>
    n == null ? t("notYet") : t("days", { n: f.number(Math.round(n * 10) / 10) });
  return (
    <div className="onboarding-page">
      <PageTitle title={title}>{title}</PageTitle>
      <div className="page-actions">
        <OnboardingState state={o.state} />
        <span className="mono">{o.reference}</span>
        <Link to="/onboardings">{t("allOnboardings")}</Link>
      </div>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("steps")}</h2>
        <dl className="facts">
          {steps.map(([label, at]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{at ? f.dateTime(at) : <span className="muted">{t("notYet")}</span>}</dd>
            </Fragment>
          ))}
          <dt>{t("owner")}</dt>
          <dd>{o.ownerEmail}</dd>
          {o.jobId && (
            <>
              <dt>{t("provisioningJob")}</dt>
              <dd>
                <Link to={`/jobs/${o.jobId}`}>{t("openJob")}</Link>
              </dd>
            </>
          )}
          {o.case && (
            <>
              <dt>{t("deskCase")}</dt>
              <dd>
                <Link to={`/cases/${o.case.id}`}>
                  #{o.case.number} {o.case.subject}
                </Link>
              </dd>
            </>
          )}
        </dl>
      </section>

      {o.jobId && <Progress jobId={o.jobId} />}

      <section className="card" aria-labelledby="lead-title">
        <h2 id="lead-title">{t("leadTimeTitle")}</h2>
        <dl className="facts">
          <dt>{t("daysToFirstSimOnline")}</dt>
          <dd>{days(o.daysToFirstSimOnline)}</dd>
          <dt>{t("daysToLive")}</dt>
          <dd>{days(o.leadTimeDays)}</dd>
        </dl>
      </section>

      {o.findings.length > 0 && (
        <section className="card" aria-labelledby="findings-title">
          <h2 id="findings-title">{t("findings")}</h2>
          <ul>
            {o.findings.map((w, i) => (
              <li key={i}>
                {w.text} <code className="muted">{w.path}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t("tasks")}</h2>
        {o.tasks.length === 0 ? (
          <p className="muted">{t("noTasks")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("colTask")}</th>
                <th scope="col">{t("colOwner")}</th>
                <th scope="col">{t("colDue")}</th>
                <th scope="col">{t("colState")}</th>
                <th scope="col">{t("colNote")}</th>
              </tr>
            </thead>
            <tbody>
              {o.tasks.map((task) => (
                <TaskRow key={task.id} onboardingId={o.id} task={task} />
              ))}
            </tbody>
          </table>
        )}
      </section>

      {hasTunnel(o.spec) && (
        <section className="card" aria-labelledby="tunnel-title">
          <h2 id="tunnel-title">{t("tunnel")}</h2>
          <ul className="downloads">
            <li>
              <a href={fileUrl(`${base}/ipsec?side=operator`)} download>
                {t("operatorSide")}
              </a>
            </li>
            <li>
              <a href={fileUrl(`${base}/ipsec?side=customer`)} download>
                {t("customerSide")}
              </a>
            </li>
            <li>
              <a href={fileUrl(`${base}/tunnel-sheet`)} download>
                {t("tunnelSheet")}
              </a>
            </li>
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="report-title">
        <h2 id="report-title">{t("lastRun")}</h2>
        {o.report ? (
          <pre className="onboarding-report">{JSON.stringify(o.report, null, 2)}</pre>
        ) : (
          <p className="muted">{t("noReport")}</p>
        )}
      </section>
    </div>
  );
}

/** The provisioning job's progress, followed live while it runs; the page refreshes when it ends. */
function Progress({ jobId }: { jobId: string }) {
  const t = useT(onboardingMessages);
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ["jobs", jobId],
    queryFn: async () => {
      const j = await must(api.GET("/api/v1/jobs/{id}", { params: { path: { id: jobId } } }));
      if (!isActive(j)) void client.invalidateQueries({ queryKey: ["onboardings"] });
      return j;
    },
    refetchInterval: (q) => (!q.state.data || isActive(q.state.data) ? 1000 : false),
  });
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("progressTitle")}</h2>
      {job.error && <ErrorBox error={job.error} onRetry={() => job.refetch()} />}
      {job.data && (
        <p className="row">
          <StatusBadge status={job.data.status} />
          <JobProgress job={job.data} label={t("progressLabel")} />
          {job.data.failure && (
            <span>
              {job.data.failure.message} <code>{job.data.failure.code}</code>
            </span>
          )}
        </p>
      )}
    </section>
  );
}

/** One task; an open one can be marked done with a note, in a native modal dialog. */
function TaskRow({ onboardingId, task }: { onboardingId: string; task: Task }) {
  const t = useT(onboardingMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState("");
  const client = useQueryClient();
  const done = useMutation({
    mutationFn: () =>
      must(
        api.PATCH("/api/v1/onboardings/{id}/tasks/{taskId}", {
          params: { path: { id: onboardingId, taskId: task.id } },
          body: { state: "done", note },
        }),
      ),
    onSuccess: () => {
      dialog.current?.close();
      return client.invalidateQueries({ queryKey: ["onboardings"] });
    },
  });
  const titleId = `done-${task.id}`;
  return (
    <tr>
      <td>{task.title}</td>
      <td>{task.ownerEmail}</td>
      <td>{task.dueOn}</td>
      <td>
        <span className={`badge ${task.state === "done" ? "ok" : "neutral"}`}>
          {t(`task_${task.state}`)}
        </span>
      </td>
      <td>
        {task.state === "done" ? (
          task.note
        ) : (
          <>
            <button type="button" onClick={() => dialog.current?.showModal()}>
              {t("markDone")}
            </button>
            <dialog ref={dialog} aria-labelledby={titleId}>
              <form
                method="dialog"
                onSubmit={(e) => {
                  e.preventDefault();
                  done.mutate();
                }}
              >
                <h2 id={titleId}>{t("markDoneTitle", { title: task.title })}</h2>
                <label htmlFor={`${titleId}-note`}>{t("note")}</label>
                <textarea
                  id={`${titleId}-note`}
                  value={note}
                  required
                  onChange={(e) => setNote(e.target.value)}
                />
                {done.error && <ErrorBox error={done.error} />}
                <div className="row">
                  <button type="submit" className="primary" disabled={done.isPending}>
                    {t("confirmDone")}
                  </button>
                  <button type="button" onClick={() => dialog.current?.close()}>
                    {t("cancel")}
                  </button>
                </div>
              </form>
            </dialog>
          </>
        )}
      </td>
    </tr>
  );
}
