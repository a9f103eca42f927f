import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useFormat, useLocale, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle, QueryView } from "../../ui/states";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { webhookMessages } from "./messages";
import { useMe } from "../../auth/session";
import {
  EventList,
  StateBadge,
  mayChangeWebhooks,
  webhooksKey,
  type Subscription,
} from "./WebhooksPage";
import { isoToZonedInput, zonedInputToIso } from "./zoned";
import { AccountLink } from "../automation/AccountLink";
import "./webhooks.css";

type Delivery =
  paths["/api/v1/webhooks/{id}/deliveries"]["get"]["responses"][200]["content"]["application/json"]["items"][number];
type Status = Delivery["status"];

const STATUS_KEY = {
  queued: "statusQueued",
  sending: "statusSending",
  delivered: "statusDelivered",
  failed: "statusFailed",
} as const;
const STATUS_BADGE = {
  queued: "neutral",
  sending: "warn",
  delivered: "ok",
  failed: "bad",
} as const;

const deliveriesKey = (id: string) => [...webhooksKey, id, "deliveries"] as const;

/** /webhooks/:id — the subscription, its delivery log with every attempt, and replay. */
export default function WebhookPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const sub = useQuery({
    queryKey: [...webhooksKey, id],
    queryFn: () => must(api.GET("/api/v1/webhooks/{id}", { params: { path: { id } } })),
  });
  return (
    <section className="webhooks">
      <QueryView query={sub} notFound>
        {(s) => (
          <>
            <SubscriptionHead sub={s} />
            <Deliveries sub={s} />
            {mayChangeWebhooks(me) && <ReplaySince sub={s} />}
          </>
        )}
      </QueryView>
    </section>
  );
}

function SubscriptionHead({ sub }: { sub: Subscription }) {
  const t = useT(webhookMessages);
  const canWrite = mayChangeWebhooks(useMe());
  const f = useFormat();
  const client = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (status: "active" | "paused") =>
      must(
        api.PATCH("/api/v1/webhooks/{id}", { params: { path: { id: sub.id } }, body: { status } }),
      ),
    onSuccess: (updated) => {
      client.setQueryData([...webhooksKey, sub.id], updated);
      void client.invalidateQueries({ queryKey: webhooksKey, exact: true });
    },
  });
  return (
    <>
      <div className="sub-head">
        <PageTitle title={t("subTitle", { url: sub.url })}>
          <span className="mono">{sub.url}</span>
        </PageTitle>
        <StateBadge sub={sub} />
        {canWrite && (
          <button
            type="button"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate(sub.status === "active" ? "paused" : "active")}
          >
            {sub.status === "active" ? t("pause") : t("resume")}
          </button>
        )}
      </div>
      {setStatus.error && <ErrorBox error={setStatus.error} />}
      <dl className="facts">
        {sub.description && (
          <>
            <dt>{t("description")}</dt>
            <dd>{sub.description}</dd>
          </>
        )}
        <dt>{t("events")}</dt>
        <dd>
          <EventList events={sub.events} />
        </dd>
        <dt>{t("failures")}</dt>
        <dd>{f.number(sub.consecutiveFailures)}</dd>
        <dt>{t("lastSuccess")}</dt>
        <dd>{f.dateTime(sub.lastSuccessAt)}</dd>
        <dt>{t("account")}</dt>
        <dd>
          <AccountLink id={sub.accountId} />
        </dd>
        <dt>{t("created")}</dt>
        <dd>{f.dateTime(sub.createdAt)}</dd>
      </dl>
    </>
  );
}

function Deliveries({ sub }: { sub: Subscription }) {
  const t = useT(webhookMessages);
  const canWrite = mayChangeWebhooks(useMe());
  const f = useFormat();
  const client = useQueryClient();
  const id = useId();
  const [status, setStatus] = useState<Status | "">("");
  const [replaying, setReplaying] = useState<Delivery | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const deliveries = useInfiniteQuery({
    queryKey: [...deliveriesKey(sub.id), status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/webhooks/{id}/deliveries", {
          params: {
            path: { id: sub.id },
            query: { limit: 50, cursor: pageParam, ...(status ? { status } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Deliveries on their way settle within seconds: follow them without a reload (and more slowly
    // while the next attempt of a failing one is further away).
    refetchInterval: (q) => {
      const items = q.state.data?.pages.flatMap((p) => p.items) ?? [];
      const soon = Date.now() + 60_000;
      if (
        items.some(
          (d) =>
            d.status === "sending" ||
            (d.status === "queued" && (!d.nextAttemptAt || Date.parse(d.nextAttemptAt) <= soon)),
        )
      )
        return 1500;
      return items.some((d) => d.status === "queued") ? 15_000 : false;
    },
  });
  const replay = useMutation({
    mutationFn: (d: Delivery) =>
      must(
        api.POST("/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", {
          params: { path: { id: sub.id, deliveryId: d.id } },
        }),
      ),
    onSuccess: () => {
      setReplaying(null);
      setNotice(t("replayQueued"));
      void client.invalidateQueries({ queryKey: deliveriesKey(sub.id) });
    },
  });
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("deliveriesTitle")}</h2>
      <div className="row">
        <label htmlFor={`${id}-status`}>{t("filterStatus")}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | "")}
        >
          <option value="">{t("filterAll")}</option>
          {(Object.keys(STATUS_KEY) as Status[]).map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </select>
      </div>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.error ? (
        <ErrorBox error={deliveries.error} onRetry={() => deliveries.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t("deliveriesEmpty")}</Empty>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("eventAt")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("attempts")}</th>
                <th scope="col">{t("responseCode")}</th>
                <th scope="col">{t("deliveredAt")}</th>
                {canWrite && <th scope="col">{t("actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-delivery={d.id}>
                  <td>
                    <code>{d.eventType}</code>
                    <div className="muted mono">{d.eventId}</div>
                  </td>
                  <td>{f.dateTime(d.eventCreatedAt)}</td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[d.status]}`}>
                      {t(STATUS_KEY[d.status])}
                    </span>
                    {d.status === "queued" && d.nextAttemptAt && d.attemptCount > 0 && (
                      <div className="muted">
                        {t("nextAttempt")}: {f.dateTime(d.nextAttemptAt)}
                      </div>
                    )}
                    {d.lastError && <div className="muted">{d.lastError}</div>}
                  </td>
                  <td>
                    <Attempts delivery={d} />
                  </td>
                  <td>{d.lastStatusCode ?? "—"}</td>
                  <td>{f.dateTime(d.deliveredAt)}</td>
                  {canWrite && (
                    <td>
                      <button
                        type="button"
                        disabled={d.status === "queued" || d.status === "sending"}
                        onClick={() => {
                          replay.reset();
                          setReplaying(d);
                        }}
                      >
                        {t("replay")}
                        <span className="visually-hidden">
                          {" "}
                          {d.eventType}, {f.dateTime(d.eventCreatedAt)}
                        </span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {deliveries.hasNextPage && (
            <p>
              <button
                type="button"
                disabled={deliveries.isFetchingNextPage}
                onClick={() => deliveries.fetchNextPage()}
              >
                {t("older")}
              </button>
            </p>
          )}
        </>
      )}
      <ConfirmDialog
        open={replaying !== null}
        title={t("replayOneTitle")}
        confirmLabel={t("replay")}
        busy={replay.isPending}
        onConfirm={() => replaying && replay.mutate(replaying)}
        onClose={() => setReplaying(null)}
      >
        {replaying && (
          <p>
            {t("replayOneText", {
              event: replaying.eventType,
              at: f.dateTime(replaying.eventCreatedAt),
              url: sub.url,
            })}
          </p>
        )}
        {replay.error && <ErrorBox error={replay.error} />}
      </ConfirmDialog>
    </section>
  );
}

/** The attempt count, and each attempt (time, response code, error, duration) on demand. */
function Attempts({ delivery }: { delivery: Delivery }) {
  const t = useT(webhookMessages);
  const f = useFormat();
  if (delivery.attempts.length === 0) return <>{f.number(delivery.attemptCount)}</>;
  return (
    <details>
      <summary>
        {f.number(Math.max(delivery.attempts.length, delivery.attemptCount))}
        <span className="visually-hidden"> — {t("attemptsOf", { event: delivery.eventType })}</span>
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("attemptAt")}</th>
            <th scope="col">{t("responseCode")}</th>
            <th scope="col">{t("duration")}</th>
          </tr>
        </thead>
        <tbody>
          {delivery.attempts.map((a, i) => (
            <tr key={i}>
              <td>{f.dateTime(a.at)}</td>
              <td>
                {a.statusCode ?? t("noCode")}
                {a.error && <div className="muted">{a.error}</div>}
              </td>
              <td>{t("durationMs", { ms: f.number(a.durationMs) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Replays every delivery of the events of a period, times in the user's zone. */
function ReplaySince({ sub }: { sub: Subscription }) {
  const t = useT(webhookMessages);
  const f = useFormat();
  const { timeZone } = useLocale();
  const id = useId();
  const client = useQueryClient();
  const [from, setFrom] = useState(() =>
    isoToZonedInput(new Date(Date.now() - 24 * 3600_000), timeZone),
  );
  const [to, setTo] = useState(() => isoToZonedInput(new Date(), timeZone));
  const [confirming, setConfirming] = useState(false);
  const [rangeError, setRangeError] = useState(false);
  const range = { from: zonedInputToIso(from, timeZone), to: zonedInputToIso(to, timeZone) };
  const replay = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/webhooks/{id}/replay", {
          params: { path: { id: sub.id } },
          body: { from: range.from!, to: range.to! },
        }),
      ),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: deliveriesKey(sub.id) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = range.from && range.to && range.from < range.to;
    setRangeError(!ok);
    if (ok) {
      replay.reset();
      setConfirming(true);
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("replaySinceTitle")}</h2>
      <p className="muted">{t("replaySinceIntro", { zone: timeZone })}</p>
      <form onSubmit={submit} className="replay-since">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t("from")}</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t("to")}</label>
          <input
            id={`${id}-to`}
            type="datetime-local"
            required
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <button type="submit">{t("replaySince")}</button>
      </form>
      {rangeError && (
        <p role="alert" className="field-error">
          {t("badRange")}
        </p>
      )}
      {replay.isSuccess && !confirming && (
        <p role="status">{t("replaySinceDone", { n: f.number(replay.data.requeued) })}</p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("replaySinceConfirmTitle")}
        confirmLabel={t("replaySince")}
        busy={replay.isPending}
        onConfirm={() => replay.mutate()}
        onClose={() => setConfirming(false)}
      >
        <p>
          {t("replaySinceConfirmText", {
            from: f.dateTime(range.from),
            to: f.dateTime(range.to),
            url: sub.url,
          })}
        </p>
        {replay.error && <ErrorBox error={replay.error} />}
      </ConfirmDialog>
    </section>
  );
}
