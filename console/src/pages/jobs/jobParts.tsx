import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { ErrorBox, Loading } from "../../ui/states";
import { jobsMessages } from "./messages";

export type Job =
  paths["/api/v1/jobs/{id}"]["get"]["responses"][200]["content"]["application/json"];
export type JobError = Job["errors"][number];

export const ACTIVE = new Set<Job["status"]>(["queued", "running"]);
export const isActive = (job: Pick<Job, "status">) => ACTIVE.has(job.status);

type T = ReturnType<typeof useT<(typeof jobsMessages)["en"]>>;

/** "sims.import" → "SIM import"; an unknown kind is shown as it is. */
export function kindLabel(t: T, kind: string) {
  const key = `kind_${kind.replace(/\./g, "_")}` as keyof (typeof jobsMessages)["en"];
  return key in jobsMessages.en ? t(key) : kind;
}

const TONE: Record<Job["status"], string> = {
  queued: "neutral",
  running: "warn",
  succeeded: "ok",
  failed: "bad",
  cancelled: "neutral",
};

export function StatusBadge({ status }: { status: Job["status"] }) {
  const t = useT(jobsMessages);
  return <span className={`badge ${TONE[status]}`}>{t(`status_${status}`)}</span>;
}

/** A bar and "n of m (phase)": the bar is a native progress element with a name. */
export function JobProgress({ job, label }: { job: Job; label?: string }) {
  const t = useT(jobsMessages);
  const f = useFormat();
  const { done, total, phase } = job.progress;
  const phaseKey = `phase_${phase}` as keyof (typeof jobsMessages)["en"];
  const phaseText = phaseKey in jobsMessages.en ? t(phaseKey) : phase;
  const finished = job.status === "succeeded";
  return (
    <span className="job-progress">
      <progress
        max={Math.max(total, 1)}
        value={finished ? Math.max(total, 1) : Math.min(done, total)}
        aria-label={label ?? t("progressLabel")}
      />
      <span>
        {t("progressOf", { done: f.number(finished ? total : done), total: f.number(total) })}
        {isActive(job) && <span className="muted"> · {phaseText}</span>}
      </span>
    </span>
  );
}

/** Who started a job: the user's name when the reader may see that user. */
export function UserName({ id }: { id: string }) {
  const t = useT(jobsMessages);
  const user = useQuery({
    queryKey: ["users", id],
    queryFn: () => must(api.GET("/api/v1/users/{id}", { params: { path: { id } } })),
    staleTime: 10 * 60_000,
    retry: false,
  });
  if (user.data) return <>{user.data.name}</>;
  if (user.isPending) return <span className="muted">…</span>;
  return <span className="muted">{t("unknownUser")}</span>;
}

/** Every row error of a job, by line, a thousand at a time (GET /jobs/{id}/errors). */
export function RowErrors({
  jobId,
  errorCount,
  hidden,
  live,
}: {
  jobId: string;
  errorCount: number;
  hidden: number;
  /** The job still runs: its error list grows, so it is read again. */
  live?: boolean;
}) {
  const t = useT(jobsMessages);
  const f = useFormat();
  const errors = useInfiniteQuery({
    queryKey: ["jobs", jobId, "errors", errorCount],
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/jobs/{id}/errors", {
          params: {
            path: { id: jobId },
            query: { limit: 1000, ...(pageParam != null ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.nextCursor == null ? undefined : Number(last.nextCursor)),
    refetchInterval: live ? 2000 : false,
  });
  if (errors.isPending) return <Loading />;
  if (errors.error) return <ErrorBox error={errors.error} onRetry={() => errors.refetch()} />;
  const rows = errors.data.pages.flatMap((p) => p.items);
  return (
    <>
      {rows.length === 0 ? (
        <p>{t("noRowErrors")}</p>
      ) : (
        <table className="row-errors">
          <thead>
            <tr>
              <th scope="col">{t("colLine")}</th>
              <th scope="col">{t("colIccid")}</th>
              <th scope="col">{t("colField")}</th>
              <th scope="col">{t("colMessage")}</th>
              <th scope="col">{t("colCode")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={`${e.line}-${e.field ?? ""}-${e.code}`}>
                <td className="num">{f.number(e.line)}</td>
                <td className="mono">{e.iccid ?? "—"}</td>
                <td>{e.field ?? "—"}</td>
                <td>{e.message}</td>
                <td>
                  <code>{e.code}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errors.hasNextPage && (
        <p>
          <button
            type="button"
            onClick={() => errors.fetchNextPage()}
            disabled={errors.isFetchingNextPage}
          >
            {t("moreErrors")}
          </button>
        </p>
      )}
      {hidden > 0 && <p className="muted">{t("rowErrorsHidden", { n: f.number(hidden) })}</p>}
    </>
  );
}
