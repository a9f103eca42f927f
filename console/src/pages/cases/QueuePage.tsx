import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, PageTitle, QueryView } from "../../ui/states";
import { messages } from "./messages";
import {
  DeskNav,
  label,
  PriorityLabel,
  SlaBadge,
  StateBadge,
  TimeLeft,
  WORKING_STATES,
} from "./shared";
import "./cases.css";

const OWNERS = ["me", "none", "all"] as const;
type Owner = (typeof OWNERS)[number];
type WorkingState = (typeof WORKING_STATES)[number];
const PAGE = 100;

/** The operator staff's users, to name a case's owner. */
export function useAgents(enabled: boolean) {
  const me = useMe();
  return useQuery({
    queryKey: ["users", { accountId: me.accountId }],
    enabled,
    staleTime: 60_000,
    queryFn: () =>
      must(api.GET("/api/v1/users", { params: { query: { accountId: me.accountId } } })),
    select: (d) =>
      d.items.filter(
        (u) => !u.disabled && (u.role === "operator_admin" || u.role === "operator_agent"),
      ),
  });
}

export default function QueuePage() {
  const me = useMe();
  const t = useT(messages);
  const operator = isOperator(me);
  return (
    <div className="cases-page">
      <PageTitle title={t("queueTitle")}>{t("queueTitle")}</PageTitle>
      <DeskNav operator={operator} />
      {operator ? <AgentQueue /> : <CustomerCases />}
    </div>
  );
}

function AgentQueue() {
  const me = useMe();
  const t = useT(messages);
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const owner: Owner = (OWNERS as readonly string[]).includes(params.get("owner") ?? "")
    ? (params.get("owner") as Owner)
    : "me";
  const stateParam = params.get("state");
  const state = (WORKING_STATES as readonly string[]).includes(stateParam ?? "")
    ? (stateParam as WorkingState)
    : undefined;
  const [limit, setLimit] = useState(PAGE);
  const agents = useAgents(true);
  const nameOf = (id: string | null) => {
    if (!id) return t("unassigned");
    if (id === me.id) return t("you");
    return agents.data?.find((a) => a.id === id)?.name ?? t("someoneElse");
  };

  const queue = useQuery({
    queryKey: ["desk", "queue", { owner, state, limit }],
    queryFn: () =>
      must(
        api.GET("/api/v1/desk/queue", {
          params: { query: { owner, limit, ...(state ? { state } : {}) } },
        }),
      ),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setLimit(PAGE);
  };

  return (
    <>
      <p className="muted">{t("queueIntro")}</p>
      <div className="row queue-filters">
        <fieldset className="segmented">
          <legend>{t("filterOwner")}</legend>
          {OWNERS.map((o) => (
            <label key={o} className={owner === o ? "checked" : undefined}>
              <input
                type="radio"
                name="owner"
                value={o}
                checked={owner === o}
                onChange={() => set("owner", o === "me" ? undefined : o)}
              />
              {t(o === "me" ? "ownerMine" : o === "none" ? "ownerNone" : "ownerAll")}
            </label>
          ))}
        </fieldset>
        <label>
          {t("filterState")}
          <select value={state ?? ""} onChange={(e) => set("state", e.target.value || undefined)}>
            <option value="">{t("anyState")}</option>
            {WORKING_STATES.map((s) => (
              <option key={s} value={s}>
                {label(t, "state", s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={queue}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>
              {owner === "me" ? (
                <>
                  {t("emptyMine")} <Link to="/cases?owner=none">{t("ownerNone")}</Link> ·{" "}
                  <Link to="/cases?owner=all">{t("ownerAll")}</Link>
                </>
              ) : (
                t(owner === "none" ? "emptyNone" : "emptyAll")
              )}
            </Empty>
          ) : (
            <>
              <table className="queue">
                <caption className="visually-hidden">
                  {t("queueCaption", { count: f.number(data.total) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("colNumber")}</th>
                    <th scope="col">{t("colSubject")}</th>
                    <th scope="col">{t("colCustomer")}</th>
                    <th scope="col">{t("colState")}</th>
                    <th scope="col">{t("colPriority")}</th>
                    {owner === "all" && <th scope="col">{t("colOwner")}</th>}
                    <th scope="col">{t("colSla")}</th>
                    <th scope="col">{t("colTimeLeft")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id} className={`sla-${c.sla.state}`}>
                      <td className="mono">
                        <Link to={`/cases/${c.id}`}>#{c.number}</Link>
                      </td>
                      <td>
                        <Link to={`/cases/${c.id}`}>{c.subject}</Link>
                      </td>
                      <td>
                        {c.accountId ? (
                          <Link to={`/accounts/${c.accountId}`}>
                            {c.accountName ?? c.accountId}
                          </Link>
                        ) : (
                          <span className="muted">{t("triage")}</span>
                        )}
                      </td>
                      <td>
                        <StateBadge state={c.state} />
                      </td>
                      <td>
                        <PriorityLabel priority={c.priority} />
                      </td>
                      {owner === "all" && <td>{nameOf(c.ownerUserId)}</td>}
                      <td>
                        <SlaBadge state={c.sla.state} />
                      </td>
                      <td title={c.sla.dueAt ? f.dateTime(c.sla.dueAt) : undefined}>
                        <TimeLeft remainingMs={c.sla.remainingMs} paused={c.sla.paused} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">
                {t("queueCaption", { count: f.number(data.total) })}
                {data.nextAfter != null && (
                  <>
                    {" "}
                    <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
                      {t("loadMore")}
                    </button>
                  </>
                )}
              </p>
            </>
          )
        }
      </QueryView>
    </>
  );
}

/** A customer's users see their own cases (the queue is operator staff's). */
function CustomerCases() {
  const t = useT(messages);
  const f = useFormat();
  const cases = useQuery({
    queryKey: ["cases", "list"],
    queryFn: () => must(api.GET("/api/v1/cases", { params: { query: { limit: 100 } } })),
  });
  return (
    <QueryView query={cases}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty>{t("emptyAll")}</Empty>
        ) : (
          <table className="queue">
            <thead>
              <tr>
                <th scope="col">{t("colNumber")}</th>
                <th scope="col">{t("colSubject")}</th>
                <th scope="col">{t("colState")}</th>
                <th scope="col">{t("colUpdated")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td className="mono">
                    <Link to={`/cases/${c.id}`}>#{c.number}</Link>
                  </td>
                  <td>
                    <Link to={`/cases/${c.id}`}>{c.subject}</Link>
                  </td>
                  <td>
                    <StateBadge state={c.state} />
                  </td>
                  <td>{f.dateTime(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </QueryView>
  );
}
