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
type Firing =
  paths["/api/v1/automation-rules/{id}/firings"]["get"]["responses"][200]["content"]["application/json"]["items"][number];
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
 * Silent SIMs that matter: the latest firings of the enabled `no_session` rules (automation's silence
 * detector, which knows each device's rhythm). Without such a rule, activated SIMs offline now.
 */
function SilentSims() {
  const t = useT(homeMessages);
  const silence = useQuery({
    queryKey: ["home", "silent"],
    queryFn: async () => {
      const rules = await must(api.GET("/api/v1/automation-rules"));
      const silenceRules = rules.items
        .filter((r) => r.enabled && r.trigger.type === "no_session")
        .slice(0, 10);
      if (silenceRules.length === 0) {
        const offline = await must(
          api.GET("/api/v1/sims", {
            params: { query: { state: "ACTIVATED", connectivity: "OFFLINE", limit: 10 } },
          }),
        );
        return { kind: "offline" as const, sims: offline.items, more: !!offline.nextCursor };
      }
      const pages = await Promise.all(
        silenceRules.map((r) =>
          must(
            api.GET("/api/v1/automation-rules/{id}/firings", {
              params: { path: { id: r.id }, query: { limit: 20 } },
            }),
          ).then((p) => p.items.map((firing) => ({ firing, rule: r }))),
        ),
      );
      // The latest firing per SIM, newest first.
      const latest = new Map<string, { firing: Firing; rule: (typeof silenceRules)[number] }>();
      for (const item of pages
        .flat()
        .sort((a, b) => b.firing.createdAt.localeCompare(a.firing.createdAt))) {
        const iccid = item.firing.iccid;
        if (iccid && !latest.has(iccid)) latest.set(iccid, item);
      }
      return { kind: "firings" as const, items: [...latest.values()].slice(0, 10) };
    },
    refetchInterval: 60_000,
  });
  return (
    <section className="card" aria-labelledby="silent-title">
      <h2 id="silent-title">{t("silentTitle")}</h2>
      <QueryView query={silence}>
        {(data) =>
          data.kind === "firings" ? (
            <SilentFirings items={data.items} />
          ) : (
            <OfflineSims sims={data.sims} more={data.more} />
          )
        }
      </QueryView>
    </section>
  );
}

function SilentFirings({
  items,
}: {
  items: { firing: Firing; rule: { id: string; name: string } }[];
}) {
  const t = useT(homeMessages);
  const f = useFormat();
  return (
    <>
      <p className="muted">{t("silentIntro")}</p>
      {items.length === 0 ? (
        <Empty>{t("noSilent")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("colSim")}</th>
              <th scope="col">{t("colSilentFor")}</th>
              <th scope="col">{t("colLastActivity")}</th>
              <th scope="col">{t("colRule")}</th>
              <th scope="col">{t("colFlagged")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ firing, rule }) => {
              const d = firing.data as { silentForSeconds?: number; lastActivityAt?: string };
              return (
                <tr key={firing.id}>
                  <td>
                    <Link className="mono" to={`/sims/${firing.iccid}`}>
                      {firing.iccid}
                    </Link>
                  </td>
                  <td>
                    {d.silentForSeconds != null
                      ? t("hours", {
                          n: new Intl.NumberFormat(f.tag, { maximumFractionDigits: 1 }).format(
                            d.silentForSeconds / 3600,
                          ),
                        })
                      : "—"}
                  </td>
                  <td>{f.dateTime(d.lastActivityAt)}</td>
                  <td>
                    <Link to={`/automation/${rule.id}`}>{rule.name}</Link>
                  </td>
                  <td>{f.fromNow(firing.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function OfflineSims({
  sims,
  more,
}: {
  sims: paths["/api/v1/sims"]["get"]["responses"][200]["content"]["application/json"]["items"];
  more: boolean;
}) {
  const t = useT(homeMessages);
  const f = useFormat();
  return (
    <>
      <p className="muted">
        {t("silentFallback")} <Link to="/automation">{t("makeRule")}</Link>
      </p>
      {sims.length === 0 ? (
        <Empty>{t("noOffline")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("colSim")}</th>
              <th scope="col">{t("colPlanActivated")}</th>
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
                  {s.ratePlan?.name ?? "—"} · {f.date(s.dateActivated)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <p>
          <Link to="/sims?state=ACTIVATED&connectivity=OFFLINE">{t("seeOffline")}</Link>
        </p>
      )}
    </>
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
                        <td>{c.priority}</td>
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
