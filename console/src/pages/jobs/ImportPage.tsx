import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type DragEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, api, must } from "../../api/client";
import { useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { ErrorBox, Loading, PageTitle } from "../../ui/states";
import { JobProgress, RowErrors, isActive } from "./jobParts";
import { jobsMessages } from "./messages";
import "./jobs.css";

/** A header value must be Latin-1; a name with other characters keeps its shape with "_". */
const headerSafe = (name: string) => name.replace(/[^\x20-\x7e]/g, "_").slice(0, 255);

const isCsv = (file: File) =>
  /\.csv$/i.test(file.name) || file.type === "text/csv" || file.type === "application/csv";

/** Streams the file to POST /api/v1/sims/imports (body: the CSV itself); answers the job id. */
async function upload(
  file: File,
  opts: { accountId: string; skipInvalid: boolean; dryRun: boolean },
) {
  const res = await must(
    api.POST("/api/v1/sims/imports", {
      params: {
        query: {
          ...(opts.accountId ? { accountId: opts.accountId } : {}),
          skipInvalid: opts.skipInvalid ? "true" : "false",
          dryRun: opts.dryRun ? "true" : "false",
        },
      },
      // The route takes the raw CSV (never JSON): the file goes as it is.
      body: file as never,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: { "content-type": "text/csv", "x-otter-file-name": headerSafe(file.name) },
    }),
  );
  return (res as { jobId: string }).jobId;
}

/** /imports/new — choose or drop a CSV, check it with a dry run, then apply. */
export default function ImportPage() {
  const t = useT(jobsMessages);
  const f = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const ids = { file: useId(), account: useId(), accountHelp: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [accountId, setAccountId] = useState(me.accountId);
  const [skipInvalid, setSkipInvalid] = useState(false);

  const accounts = useQuery({
    queryKey: ["accounts", "all"],
    queryFn: () => must(api.GET("/api/v1/accounts", { params: { query: { limit: 500 } } })),
    staleTime: 60_000,
  });

  const dryRun = useMutation({
    mutationFn: (file: File) => upload(file, { accountId, skipInvalid, dryRun: true }),
  });
  const dryJob = useQuery({
    queryKey: ["jobs", dryRun.data],
    queryFn: () => must(api.GET("/api/v1/jobs/{id}", { params: { path: { id: dryRun.data! } } })),
    enabled: !!dryRun.data,
    refetchInterval: (q) => (!q.state.data || isActive(q.state.data) ? 1000 : false),
  });
  const apply = useMutation({
    mutationFn: (file: File) => upload(file, { accountId, skipInvalid, dryRun: false }),
    onSuccess: (jobId) => navigate(`/jobs/${jobId}`),
  });

  /** Any change of the file or the options: the earlier dry run no longer speaks for them. */
  const reset = () => {
    dryRun.reset();
    apply.reset();
  };
  const choose = (chosen: File | undefined | null) => {
    reset();
    if (!chosen) return;
    if (!isCsv(chosen)) {
      setFile(null);
      setFileError(t("notCsv", { name: chosen.name }));
      return;
    }
    setFileError(null);
    setFile(chosen);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files[0]);
  };

  const job = dryJob.data;
  const checked = job && !isActive(job);
  const canApply = !!file && checked && job.status === "succeeded" && !apply.isPending;
  const title = t("importTitle");
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t("importIntro")}</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return setFileError(t("chooseFirst"));
          dryRun.mutate(file);
        }}
      >
        <div
          className={`drop-zone${over ? " over" : ""}`}
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
              accept=".csv,text/csv"
              // Cleared as the picker opens: the same file chosen again (fixed) is a change too.
              onClick={(e) => {
                e.currentTarget.value = "";
              }}
              onChange={(e) => choose(e.currentTarget.files?.[0])}
            />
          </p>
          <p aria-live="polite">
            {file ? t("chosen", { name: file.name, size: f.bytes(file.size) }) : t("noFileChosen")}
          </p>
          {fileError && (
            <p role="alert" className="notice bad">
              {fileError}
            </p>
          )}
        </div>

        <div className="row">
          <label htmlFor={ids.account}>
            {t("accountLabel")}
            <select
              id={ids.account}
              value={accountId}
              aria-describedby={ids.accountHelp}
              onChange={(e) => {
                setAccountId(e.currentTarget.value);
                reset();
              }}
            >
              <option value="">{t("accountNone")}</option>
              {accounts.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
              {!accounts.data?.items.some((a) => a.id === me.accountId) && (
                <option value={me.accountId}>{me.accountId}</option>
              )}
            </select>
            <span id={ids.accountHelp} className="field-help">
              {t("accountHelp")}
            </span>
          </label>
        </div>
        {accounts.error && <ErrorBox error={accounts.error} onRetry={() => accounts.refetch()} />}
        <label className="check">
          <input
            type="checkbox"
            checked={skipInvalid}
            onChange={(e) => {
              setSkipInvalid(e.currentTarget.checked);
              reset();
            }}
          />
          {t("skipInvalid")}
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={dryRun.isPending}>
            {t("dryRunButton")}
          </button>
        </div>
      </form>

      {dryRun.error && (
        <div>
          {dryRun.error instanceof ApiError && [400, 413, 415].includes(dryRun.error.status) && (
            <p>{t("headerRefused")}</p>
          )}
          <ErrorBox error={dryRun.error} />
          <HeaderDetails error={dryRun.error} />
        </div>
      )}
      {(dryRun.isPending || (dryRun.data && (!job || isActive(job)))) && (
        <section aria-labelledby="dry-run-title">
          <h2 id="dry-run-title">{t("dryRunTitle")}</h2>
          <Loading label={t("checking")} />
          {job && <JobProgress job={job} />}
        </section>
      )}
      {dryJob.error && <ErrorBox error={dryJob.error} onRetry={() => dryJob.refetch()} />}
      {checked && (
        <section aria-labelledby="dry-run-title">
          <h2 id="dry-run-title">{t("dryRunTitle")}</h2>
          {job.counts.failed > 0 || job.errorCount > 0 ? (
            <p role="status" className="notice bad">
              {t("dryRunBad", { n: f.number(Math.max(job.counts.failed, job.errorCount)) })}
            </p>
          ) : job.status === "succeeded" ? (
            <p role="status" className="notice ok">
              {t("dryRunClean", { n: f.number(job.progress.total) })}
            </p>
          ) : (
            <div className="notice bad" role="status">
              {t("dryRunFailed")} {job.failure?.message} <code>{job.failure?.code}</code>
            </div>
          )}
          {(job.errorCount > 0 || job.hiddenErrorCount > 0) && (
            <>
              <h3>{t("rowErrors")}</h3>
              <RowErrors jobId={job.id} errorCount={job.errorCount} hidden={job.hiddenErrorCount} />
            </>
          )}
          <p className="muted">
            {t("dryRunJob")}: <Link to={`/jobs/${job.id}`}>{job.id}</Link>
          </p>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={!canApply}
              onClick={() => file && apply.mutate(file)}
            >
              {apply.isPending ? t("applying") : t("applyButton")}
            </button>
          </div>
          {apply.error && <ErrorBox error={apply.error} />}
        </section>
      )}
    </>
  );
}

/** A refused header names its line and column: shown like a row error. */
function HeaderDetails({ error }: { error: unknown }) {
  const t = useT(jobsMessages);
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const rows = (error.details as { line?: number; field?: string; message?: string }[]).filter(
    (d) => d && typeof d === "object",
  );
  if (rows.length === 0) return null;
  return (
    <table className="row-errors">
      <thead>
        <tr>
          <th scope="col">{t("colLine")}</th>
          <th scope="col">{t("colField")}</th>
          <th scope="col">{t("colMessage")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d, i) => (
          <tr key={i}>
            <td className="num">{d.line ?? "—"}</td>
            <td>{d.field ?? "—"}</td>
            <td>{d.message ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
