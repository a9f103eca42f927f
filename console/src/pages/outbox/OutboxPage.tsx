import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, NotFound, PageTitle, QueryView } from "../../ui/states";
import { DeskNav } from "../cases/shared";
import { messages } from "./messages";
import "../cases/cases.css";
import "./outbox.css";

const STATUSES = ["queued", "sent", "failed"] as const;
type Status = (typeof STATUSES)[number];

function StatusBadge({ status, waitingForRelay }: { status: Status; waitingForRelay: boolean }) {
  const t = useT(messages);
  const tone = status === "sent" ? "ok" : status === "failed" ? "bad" : "warn";
  return (
    <span className={`badge ${tone}`}>
      {status === "queued" && waitingForRelay ? t("noRelay") : t(`status_${status}`)}
    </span>
  );
}

export default function OutboxPage() {
  const me = useMe();
  const t = useT(messages);
  const [params] = useSearchParams();
  if (!isOperator(me)) return <NotFound />;
  const id = params.get("id");
  return (
    <div className="cases-page">
      <PageTitle title={t("title")}>{t("title")}</PageTitle>
      <DeskNav operator />
      {id ? <OutboxMessage id={id} /> : <OutboxList />}
    </div>
  );
}

function OutboxList() {
  const t = useT(messages);
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const raw = params.get("status");
  const status = (STATUSES as readonly string[]).includes(raw ?? "") ? (raw as Status) : undefined;
  const list = useInfiniteQuery({
    queryKey: ["outbox", { status }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/outbox", {
          params: {
            query: {
              limit: 100,
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <p className="muted">{t("intro")}</p>
      <div className="row queue-filters">
        <label>
          {t("filterStatus")}
          <select
            value={status ?? ""}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value) next.set("status", e.target.value);
              else next.delete("status");
              setParams(next, { replace: true });
            }}
          >
            <option value="">{t("anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={list}>
        {() =>
          items.length === 0 ? (
            <Empty>{status ? t("emptyFiltered") : t("empty")}</Empty>
          ) : (
            <>
              <table className="outbox">
                <caption className="visually-hidden">{t("caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("colCreated")}</th>
                    <th scope="col">{t("colStatus")}</th>
                    <th scope="col">{t("colTo")}</th>
                    <th scope="col">{t("colSubject")}</th>
                    <th scope="col">{t("colPurpose")}</th>
                    <th scope="col">{t("colAttempts")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((m) => (
                    <tr key={m.id}>
                      <td>{f.dateTime(m.createdAt)}</td>
                      <td>
                        <StatusBadge status={m.status} waitingForRelay={m.waitingForRelay} />
                      </td>
                      <td className="mono">{m.to.join(", ")}</td>
                      <td>
                        <Link to={`/outbox?id=${m.id}`}>{m.subject || "—"}</Link>
                      </td>
                      <td className="mono">{m.purpose}</td>
                      <td>{f.number(m.attempts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {list.hasNextPage && (
                <p>
                  <button
                    type="button"
                    onClick={() => void list.fetchNextPage()}
                    disabled={list.isFetchingNextPage}
                  >
                    {t("loadMore")}
                  </button>
                </p>
              )}
            </>
          )
        }
      </QueryView>
    </>
  );
}

function OutboxMessage({ id }: { id: string }) {
  const t = useT(messages);
  const f = useFormat();
  const client = useQueryClient();
  const message = useQuery({
    queryKey: ["outbox", id],
    queryFn: () => must(api.GET("/api/v1/outbox/{id}", { params: { path: { id } } })),
    refetchInterval: 15_000,
  });
  const retry = useMutation({
    mutationFn: () => must(api.POST("/api/v1/outbox/{id}/retry", { params: { path: { id } } })),
    onSuccess: (m) => {
      client.setQueryData(["outbox", id], m);
      void client.invalidateQueries({ queryKey: ["outbox"] });
    },
  });
  return (
    <>
      <p>
        <Link to="/outbox">{t("close")}</Link>
      </p>
      <QueryView query={message} notFound>
        {(m) => (
          <section className="card" aria-labelledby="outbox-message">
            <h2 id="outbox-message">
              {m.subject || t("detailTitle")}{" "}
              <StatusBadge status={m.status} waitingForRelay={m.waitingForRelay} />
            </h2>
            <dl className="facts">
              <dt>{t("from")}</dt>
              <dd className="mono">{m.from}</dd>
              <dt>{t("to")}</dt>
              <dd className="mono">{m.to.join(", ")}</dd>
              {m.cc.length > 0 && (
                <>
                  <dt>{t("cc")}</dt>
                  <dd className="mono">{m.cc.join(", ")}</dd>
                </>
              )}
              <dt>{t("purpose")}</dt>
              <dd className="mono">{m.purpose}</dd>
              <dt>{t("messageId")}</dt>
              <dd className="mono">{m.messageId}</dd>
              <dt>{t("colCreated")}</dt>
              <dd>{f.dateTime(m.createdAt)}</dd>
              <dt>{t("attempts")}</dt>
              <dd>{f.number(m.attempts)}</dd>
              {m.nextAttemptAt && (
                <>
                  <dt>{t("nextAttempt")}</dt>
                  <dd>{f.dateTime(m.nextAttemptAt)}</dd>
                </>
              )}
              {m.sentAt && (
                <>
                  <dt>{t("sentAt")}</dt>
                  <dd>{f.dateTime(m.sentAt)}</dd>
                </>
              )}
              {m.lastError && (
                <>
                  <dt>{t("lastError")}</dt>
                  <dd className="overdue">{m.lastError}</dd>
                </>
              )}
            </dl>
            {m.status === "failed" && (
              <p>
                <button
                  type="button"
                  className="primary"
                  onClick={() => retry.mutate()}
                  disabled={retry.isPending}
                >
                  {t("retry")}
                </button>
              </p>
            )}
            {retry.error && <ErrorBox error={retry.error} />}
            {retry.isSuccess && <p role="status">{t("retried")}</p>}
            <h3>{t("body")}</h3>
            <pre className="outbox-body">{m.text}</pre>
            <details>
              <summary>{t("headers")}</summary>
              <table>
                <tbody>
                  {Object.entries(m.headers).map(([k, v]) => (
                    <tr key={k}>
                      <th scope="row" className="mono">
                        {k}
                      </th>
                      <td className="mono">{String(v)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        )}
      </QueryView>
    </>
  );
}
