import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ApiError, api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, PageTitle, QueryView } from "../../ui/states";
import { JobProgress, StatusBadge, kindLabel } from "../jobs/jobParts";
import { jobsMessages } from "../jobs/messages";
import { homeMessages } from "./messages";
import "../jobs/jobs.css";
import "./home.css";

type Key = keyof (typeof homeMessages)["en"];
type Count = paths["/api/v1/sims/count"]["get"]["responses"][200]["content"]["application/json"];
type QueueItem =
  paths["/api/v1/desk/queue"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

/** Home: how are we doing — SIMs by state and connectivity, silent SIMs, cases at risk, running jobs. */
export default function HomePage() {
  const t = useT(homeMessages);
  const me = useMe();
  const title = t("title");
  return (
    <div className="home">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{t("hello", { name: me.name })}</p>
      <div className="home-grid">
        <SimCounts by="state" />
        <SimCounts by="connectivity" />
      </div>
      <SilentSims />
      {isOperator(me) && <CasesAtRisk />}
      <RunningJobs />
    </div>
  );
}

const STATE_ORDER = [
  "ACTIVATED",
  "TEST_READY",
  "ACTIVATION_READY",
  "INVENTORY",
  "DEACTIVATED",
  "RETIRED",
  "REPLACED",
  "PURGED",
];
const CONN_ORDER = ["ONLINE", "ATTACHED", "OFFLINE", "BLOCKED"];

/** SIM counts by state or connectivity; each count links to the SIM list filtered by it. */
function SimCounts({ by }: { by: "state" | "connectivity" }) {
  const t = useT(homeMessages);
  const f = useFormat();
  const counts = useQuery({
    queryKey: ["sims", "count", by],
    queryFn: () => must(api.GET("/api/v1/sims/count", { params: { query: { by } } })),
    refetchInterval: 60_000,
  });
  const titleId = `sims-by-${by}`;
  const order = by === "state" ? STATE_ORDER : CONN_ORDER;
  const prefix = by === "state" ? "state_" : "conn_";
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(by === "state" ? "simsByState" : "simsByConnectivity")}</h2>
      <QueryView query={counts}>
        {(data: Count) => {
          if (data.total === 0)
            return (
              <Empty>
                {t("noSims")} <Link to="/imports/new">{t("importSims")}</Link>
              </Empty>
            );
          const groups = [...data.groups]
            .filter((g) => g.key != null && g.count > 0)
            .sort((a, b) => rank(order, a.key!) - rank(order, b.key!));
          return (
            <>
              <p className="home-total">{t("total", { n: f.number(data.total) })}</p>
              <ul className="counts-list">
                {groups.map((g) => {
                  const label = labelOf(t, prefix, g.key!);
                  return (
                    <li key={g.key}>
                      <Link to={`/sims?${by}=${encodeURIComponent(g.key!)}`}>
                        <span className="count">{f.number(g.count)}</span>{" "}
                        <span className={`dot ${by}-${g.key}`} aria-hidden="true" />
                        {label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
              <p className="muted small">{t("asOf", { time: f.time(data.asOf) })}</p>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

const rank = (order: string[], key: string) => {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
};

function labelOf(t: (k: Key) => string, prefix: string, key: string) {
  const k = `${prefix}${key}` as Key;
  return k in homeMessages.en ? t(k) : key;
}

/**
 * Silent SIMs that matter: those the silence detector marks silent now — SIMs in a connecting state
 * whose last session or traffic is older than their own rhythm allows (GET /sims?silent=true).
 */
function SilentSims() {
  const t = useT(homeMessages);
  const f = useFormat();
  const silent = useQuery({
    queryKey: ["home", "silent"],
    queryFn: async () => {
      const [list, count] = await Promise.all([
        must(api.GET("/api/v1/sims", { params: { query: { silent: "true", limit: 10 } } })),
        must(api.GET("/api/v1/sims/count", { params: { query: { silent: "true", by: "state" } } })),
      ]);
      return { sims: list.items, total: count.total };
    },
    refetchInterval: 60_000,
  });
  return (
    <section className="card" aria-labelledby="silent-title">
      <h2 id="silent-title">{t("silentTitle")}</h2>
      <p className="muted">{t("silentIntro")}</p>
      <QueryView query={silent}>
        {({ sims, total }) =>
          sims.length === 0 ? (
            <Empty>{t("noSilent")}</Empty>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("colSim")}</th>
                    <th scope="col">{t("colSilentSince")}</th>
                    <th scope="col">{t("colConnectivity")}</th>
                    <th scope="col">{t("colPlan")}</th>
                  </tr>
                </thead>
                <tbody>
                  {sims.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link className="mono" to={`/sims/${s.iccid}`}>
                          {s.iccid}
                        </Link>
                      </td>
                      <td>
                        <time dateTime={s.silentSince ?? undefined}>
                          {f.dateTime(s.silentSince)}
                        </time>{" "}
                        <span className="muted">({f.fromNow(s.silentSince)})</span>
                      </td>
                      <td>{labelOf(t, "conn_", s.connectivity)}</td>
                      <td>{s.ratePlan?.name ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {total > sims.length && (
                <p>
                  <Link to="/sims?silent=true">{t("allSilent", { n: f.number(total) })}</Link>
                </p>
              )}
            </>
          )
        }
      </QueryView>
      <p className="muted small">
        {t("silentRules")} <Link to="/automation">{t("makeRule")}</Link>
      </p>
    </section>
  );
}

const SLA_RANK: Record<string, number> = { breached: 0, at_risk: 1, running: 2, paused: 3 };

/** Open cases closest to a breach, from the agent's own queue and the unassigned one. */
function CasesAtRisk() {
  const t = useT(homeMessages);
  const f = useFormat();
  const cases = useQuery({
    queryKey: ["home", "cases-at-risk"],
    queryFn: async () => {
      const [mine, unassigned] = await Promise.all(
        ["me", "none"].map((owner) =>
          must(api.GET("/api/v1/desk/queue", { params: { query: { owner, limit: 10 } } })),
        ),
      );
      const seen = new Set<string>();
      return [...mine!.items, ...unassigned!.items]
        .filter((c) => !seen.has(c.id) && seen.add(c.id))
        .sort(
          (a, b) =>
            (SLA_RANK[a.sla.state] ?? 9) - (SLA_RANK[b.sla.state] ?? 9) ||
            (a.sla.remainingMs ?? Infinity) - (b.sla.remainingMs ?? Infinity),
        )
        .slice(0, 8);
    },
    refetchInterval: 60_000,
    retry: (n, err) => n < 2 && !(err instanceof ApiError && err.status < 500),
  });
  // Someone without access to the desk (403) has no cases to be told about.
  if (cases.error instanceof ApiError && cases.error.status === 403) return null;
  return (
    <section className="card" aria-labelledby="cases-title">
      <h2 id="cases-title">{t("casesTitle")}</h2>
      <p className="muted">{t("casesIntro")}</p>
      <QueryView query={cases}>
        {(items: QueueItem[]) =>
          items.length === 0 ? (
            <Empty>
              {t("noCases")} <Link to="/cases">{t("openQueue")}</Link>
            </Empty>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("colCase")}</th>
                    <th scope="col">{t("colSla")}</th>
                    <th scope="col">{t("colTimeLeft")}</th>
                    <th scope="col">{t("colPriority")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => {
                    const left = c.sla.remainingMs;
                    const due = left == null ? null : new Date(Date.now() + left).toISOString();
                    return (
                      <tr key={c.id}>
                        <td>
                          <Link to={`/cases/${c.id}`}>
                            #{c.number} {c.subject}
                          </Link>
                        </td>
                        <td>
                          <span
                            className={`badge ${c.sla.state === "breached" ? "bad" : c.sla.state === "at_risk" ? "warn" : "neutral"}`}
                          >
                            {labelOf(t, "sla_", c.sla.state)}
                          </span>
                        </td>
                        <td>{due ? f.fromNow(due) : "—"}</td>
                        <td>{labelOf(t, "prio_", c.priority)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p>
                <Link to="/cases">{t("openQueue")}</Link>
              </p>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

/** Jobs queued or running now, followed while they run. */
function RunningJobs() {
  const t = useT(homeMessages);
  const j = useT(jobsMessages);
  const jobs = useQuery({
    queryKey: ["jobs", "active"],
    queryFn: async () => {
      const [running, queued] = await Promise.all(
        (["running", "queued"] as const).map((status) =>
          must(api.GET("/api/v1/jobs", { params: { query: { status, limit: 200 } } })),
        ),
      );
      return [...running!.items, ...queued!.items];
    },
    refetchInterval: (q) => ((q.state.data?.length ?? 0) > 0 ? 1500 : 15_000),
  });
  return (
    <section className="card" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t("jobsTitle")}</h2>
      <QueryView query={jobs}>
        {(items) =>
          items.length === 0 ? (
            <Empty>
              {t("noJobs")} <Link to="/imports/new">{t("importSims")}</Link>
            </Empty>
          ) : (
            <ul className="job-list">
              {items.map((job) => (
                <li key={job.id}>
                  <Link to={`/jobs/${job.id}`}>{job.fileName ?? job.id.slice(0, 8)}</Link>{" "}
                  <span className="muted">{kindLabel(j, job.kind)}</span>{" "}
                  <StatusBadge status={job.status} />{" "}
                  <JobProgress
                    job={job}
                    label={`${j("progressLabel")} ${job.fileName ?? job.id.slice(0, 8)}`}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <p>
        <Link to="/jobs">{t("allJobs")}</Link>
      </p>
    </section>
  );
}
