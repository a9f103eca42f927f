import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { Link, useParams } from "react-router";
import { ApiError, api, fileUrl, must } from "../../api/client";
import { useFormat, useT } from "../../i18n";
import { ErrorBox, NotFound, PageTitle, QueryView } from "../../ui/states";
import {
  JobProgress,
  RowErrors,
  StatusBadge,
  UserName,
  isActive,
  kindLabel,
  type Job,
} from "./jobParts";
import { jobsMessages } from "./messages";
import "./jobs.css";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /jobs/:id — a job followed live (polled every second while it is queued or running). */
export default function JobPage() {
  const { id = "" } = useParams();
  // Job ids are UUIDs: any other address is an unknown job, shown as such (not as a 400).
  const wellFormed = UUID.test(id);
  const job = useQuery({
    queryKey: ["jobs", id],
    queryFn: () => must(api.GET("/api/v1/jobs/{id}", { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 1000 : false),
    retry: (n, err) => n < 2 && !(err instanceof ApiError && err.status < 500),
    enabled: wellFormed,
  });
  if (!wellFormed) return <NotFound />;
  return (
    <QueryView query={job} notFound>
      {(data) => <JobView job={data} />}
    </QueryView>
  );
}

function JobView({ job }: { job: Job }) {
  const t = useT(jobsMessages);
  const f = useFormat();
  const name = job.fileName ?? job.id.slice(0, 8);
  const title = t("jobTitle", { name });
  const active = isActive(job);
  return (
    <div className="job-page">
      <PageTitle title={title}>{title}</PageTitle>
      <div className="page-actions">
        <StatusBadge status={job.status} />
        <span>
          {kindLabel(t, job.kind)}
          {job.dryRun && <span className="muted"> ({t("dryRunTag")})</span>}
        </span>
        {active && !job.cancelRequested && <CancelJob job={job} />}
        <Link to="/jobs">{t("allJobs")}</Link>
      </div>

      <section className="card" aria-labelledby="job-progress-title">
        <h2 id="job-progress-title">{t("colProgress")}</h2>
        {/* Announced as it changes, so a screen reader hears the job finish. */}
        <div role="status" aria-live="polite">
          <p>
            <JobProgress job={job} />
          </p>
          <p className="visually-hidden">{t(`status_${job.status}`)}</p>
        </div>
        {active && <p className="muted">{t("live")}</p>}
        {job.cancelRequested && active && <p>{t("cancelling")}</p>}
        {job.dryRun && !active && <p>{t("dryRunNote")}</p>}
        <h3>{t("counts")}</h3>
        <dl className="counts">
          <div>
            <dt>{t("countCreated")}</dt>
            <dd>{f.number(job.counts.created)}</dd>
          </div>
          <div>
            <dt>{t("countUpdated")}</dt>
            <dd>{f.number(job.counts.updated)}</dd>
          </div>
          <div>
            <dt>{t("countUnchanged")}</dt>
            <dd>{f.number(job.counts.unchanged)}</dd>
          </div>
          <div>
            <dt>{t("countFailed")}</dt>
            <dd>{f.number(job.counts.failed)}</dd>
          </div>
        </dl>
      </section>

      {job.failure && (
        <section className="card" aria-labelledby="job-failure-title">
          <h2 id="job-failure-title">{t("failure")}</h2>
          <p>
            {job.failure.message} <code>{job.failure.code}</code>
          </p>
        </section>
      )}

      <section className="card" aria-labelledby="job-results-title">
        <h2 id="job-results-title">{t("results")}</h2>
        <p>
          <a href={fileUrl(`/api/v1/jobs/${job.id}/results.csv`)} download>
            {t("resultsCsv")}
          </a>
        </p>
        <p className="muted">{t("resultsHelp")}</p>
        {job.kind === "sims.import" && !active && (
          <p>
            <Link to="/imports/new">{t("importAgain")}</Link>
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="job-errors-title">
        <h2 id="job-errors-title">{t("rowErrors")}</h2>
        <RowErrors
          jobId={job.id}
          errorCount={job.errorCount}
          hidden={job.hiddenErrorCount}
          live={active}
        />
      </section>

      <section className="card" aria-labelledby="job-facts-title">
        <h2 id="job-facts-title">{t("jobFacts")}</h2>
        <dl className="facts">
          <dt>{t("file")}</dt>
          <dd>{job.fileName ?? <span className="muted">{t("noFile")}</span>}</dd>
          <dt>{t("account")}</dt>
          <dd>
            <AccountName id={job.accountId} />
          </dd>
          <dt>{t("colCreatedBy")}</dt>
          <dd>
            <UserName id={job.createdBy} />
          </dd>
          <dt>{t("created")}</dt>
          <dd>{f.dateTime(job.createdAt)}</dd>
          <dt>{t("started")}</dt>
          <dd>{job.startedAt ? f.dateTime(job.startedAt) : t("notYet")}</dd>
          <dt>{t("finished")}</dt>
          <dd>{job.finishedAt ? f.dateTime(job.finishedAt) : t("notYet")}</dd>
        </dl>
      </section>
    </div>
  );
}

/** The job's account by name, linked to its page. */
function AccountName({ id }: { id: string }) {
  const account = useQuery({
    queryKey: ["accounts", id],
    queryFn: () => must(api.GET("/api/v1/accounts/{id}", { params: { path: { id } } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return (
    <Link to={`/accounts/${id}`} className={account.data ? undefined : "mono"}>
      {account.data?.name ?? id}
    </Link>
  );
}

/** Cancel, after a confirmation in a native modal dialog. */
function CancelJob({ job }: { job: Job }) {
  const t = useT(jobsMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      must(api.POST("/api/v1/jobs/{id}/cancel", { params: { path: { id: job.id } } })),
    onSuccess: (data) => {
      client.setQueryData(["jobs", job.id], data);
      dialog.current?.close();
    },
  });
  return (
    <>
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        {t("cancelJob")}
      </button>
      <dialog ref={dialog} aria-labelledby="cancel-job-title">
        <h2 id="cancel-job-title">{t("cancelTitle")}</h2>
        <p>{t("cancelText")}</p>
        {cancel.error && <ErrorBox error={cancel.error} />}
        <div className="row">
          <button
            type="button"
            className="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t("cancelConfirm")}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t("keepRunning")}
          </button>
        </div>
      </dialog>
    </>
  );
}
