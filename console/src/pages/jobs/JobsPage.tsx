import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import { common } from "../../i18n/common";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle } from "../../ui/states";
import { JobProgress, StatusBadge, UserName, isActive, kindLabel, type Job } from "./jobParts";
import { jobsMessages } from "./messages";
import "./jobs.css";

const listJobs = (query: { status?: "running" | "queued"; cursor?: string; limit: number }) =>
  must(api.GET("/api/v1/jobs", { params: { query } }));

/** /jobs: every job of the reader's subtree, running and queued ones first, followed live. */
export default function JobsPage() {
  const t = useT(jobsMessages);
  const c = useT(common);
  // The cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const active = useQuery({
    queryKey: ["jobs", "active"],
    queryFn: async () => {
      const [running, queued] = await Promise.all([
        listJobs({ status: "running", limit: 200 }),
        listJobs({ status: "queued", limit: 200 }),
      ]);
      return [...running.items, ...queued.items];
    },
    refetchInterval: (q) => ((q.state.data?.length ?? 0) > 0 ? 1500 : 10_000),
  });
  const recent = useQuery({
    queryKey: ["jobs", "list", cursor],
    queryFn: () => listJobs({ cursor, limit: 50 }),
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1500 : false),
  });
  const error = active.error ?? recent.error;
  const title = t("jobsTitle");
  let body;
  if (active.isPending || recent.isPending) body = <Loading />;
  else if (error)
    body = (
      <ErrorBox
        error={error}
        onRetry={() => {
          void active.refetch();
          void recent.refetch();
        }}
      />
    );
  else {
    const first = cursors.length === 1 ? active.data! : [];
    const seen = new Set(first.map((j) => j.id));
    const jobs = [...first, ...recent.data!.items.filter((j) => !seen.has(j.id) && !isActive(j))];
    // Later pages list active jobs in place: the first page already shows them on top.
    if (cursors.length > 1)
      jobs.push(...recent.data!.items.filter((j) => isActive(j) && !seen.has(j.id)));
    body =
      jobs.length === 0 ? (
        <Empty>
          {t("noJobs")} <Link to="/imports/new">{t("importSims")}</Link>
        </Empty>
      ) : (
        <>
          <JobsTable jobs={jobs} />
          <div className="row pager">
            {cursors.length > 1 && (
              <button type="button" onClick={() => setCursors((cs) => cs.slice(0, -1))}>
                {c("previous")}
              </button>
            )}
            {recent.data!.nextCursor && (
              <button
                type="button"
                onClick={() => setCursors((cs) => [...cs, recent.data!.nextCursor ?? undefined])}
              >
                {c("next")}
              </button>
            )}
          </div>
        </>
      );
  }
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <div className="page-actions">
        <p className="muted" style={{ margin: 0 }}>
          {t("jobsIntro")}
        </p>
        <Link className="button primary" to="/imports/new">
          {t("importSims")}
        </Link>
      </div>
      {body}
    </>
  );
}

export function JobsTable({ jobs }: { jobs: Job[] }) {
  const t = useT(jobsMessages);
  const f = useFormat();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t("colJob")}</th>
          <th scope="col">{t("colKind")}</th>
          <th scope="col">{t("colState")}</th>
          <th scope="col">{t("colProgress")}</th>
          <th scope="col">{t("colCreatedBy")}</th>
          <th scope="col">{t("colCreatedAt")}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <td>
              <Link to={`/jobs/${job.id}`}>{job.fileName ?? job.id.slice(0, 8)}</Link>
            </td>
            <td>
              {kindLabel(t, job.kind)}
              {job.dryRun && <span className="muted"> ({t("dryRunTag")})</span>}
            </td>
            <td>
              <StatusBadge status={job.status} />
            </td>
            <td>
              <JobProgress
                job={job}
                label={`${t("progressLabel")} ${job.fileName ?? job.id.slice(0, 8)}`}
              />
            </td>
            <td>
              <UserName id={job.createdBy} />
            </td>
            <td>{f.dateTime(job.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
