import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { isOperator, useMe, type Me } from "../../auth/session";
import { Empty, ErrorBox, PageTitle, QueryView } from "../../ui/states";
import { AccountLink } from "../automation/AccountLink";
import { webhookMessages } from "./messages";
import "./webhooks.css";

type EventName =
  paths["/api/v1/webhooks"]["post"]["requestBody"]["content"]["application/json"]["events"][number];
export type Subscription =
  paths["/api/v1/webhooks/{id}"]["get"]["responses"][200]["content"]["application/json"];

/** Every event a subscription can ask for (docs/webhooks.md), "*" aside. */
const EVENTS = [
  "sim.created",
  "sim.updated",
  "sim.state_changed",
  "sim.plan_changed",
  "sim.transferred",
  "sim.imei_changed",
  "sim.registration_rejected",
  "sim.session_started",
  "sim.session_ended",
  "sim.data_limit_reached",
  "sims.imported",
  "account.created",
  "account.moved",
  "sim.zone_entered",
  "sim.usage_threshold",
  "sim.silent",
  "sim.back_online",
  "action.completed",
  "automation.rule_fired",
  "case.created",
  "case.replied",
  "case.state_changed",
  "case.sla_at_risk",
  "case.sla_breached",
] as const satisfies readonly EventName[];

export const webhooksKey = ["webhooks"] as const;

/** webhooks:write (docs/permissions.md): every role but a customer's plain user. */
export const mayChangeWebhooks = (me: Me) => me.role !== "customer_user";

/** /webhooks: the subscriptions of the user's subtree, and a form to add one. */
export default function WebhooksPage() {
  const t = useT(webhookMessages);
  const f = useFormat();
  const me = useMe();
  const operator = isOperator(me);
  const canWrite = mayChangeWebhooks(me);
  const subs = useQuery({
    queryKey: webhooksKey,
    queryFn: () => must(api.GET("/api/v1/webhooks")),
  });
  return (
    <section className="webhooks">
      <PageTitle title={t("listTitle")}>{t("listTitle")}</PageTitle>
      <p className="muted">{t("listIntro")}</p>
      <QueryView query={subs}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{canWrite ? t("listEmpty") : t("listEmptyReadOnly")}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("url")}</th>
                  {operator && <th scope="col">{t("account")}</th>}
                  <th scope="col">{t("events")}</th>
                  <th scope="col">{t("state")}</th>
                  <th scope="col">{t("failures")}</th>
                  <th scope="col">{t("lastSuccess")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/webhooks/${s.id}`} className="mono">
                        {s.url}
                      </Link>
                      {s.description && <div className="muted">{s.description}</div>}
                    </td>
                    {operator && (
                      <td>
                        <AccountLink id={s.accountId} />
                      </td>
                    )}
                    <td>
                      <EventList events={s.events} />
                    </td>
                    <td>
                      <StateBadge sub={s} />
                    </td>
                    <td>{f.number(s.consecutiveFailures)}</td>
                    <td>{f.dateTime(s.lastSuccessAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {canWrite ? <CreateSubscription /> : <p className="muted">{t("readOnly")}</p>}
    </section>
  );
}

export function EventList({ events }: { events: string[] }) {
  const t = useT(webhookMessages);
  if (events.includes("*")) return <>{t("allEvents")}</>;
  return (
    <ul className="events">
      {events.map((e) => (
        <li key={e}>
          <code>{e}</code>
        </li>
      ))}
    </ul>
  );
}

export function StateBadge({ sub }: { sub: Subscription }) {
  const t = useT(webhookMessages);
  return (
    <>
      <span className={`badge ${sub.status === "active" ? "ok" : "warn"}`}>
        {sub.status === "active" ? t("active") : t("paused")}
      </span>
      {sub.pausedReason && <div className="muted">{sub.pausedReason}</div>}
    </>
  );
}

/** A fresh signing secret, made in the browser: Otter keeps it encrypted and never shows it again. */
function newSecret() {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function CreateSubscription() {
  const t = useT(webhookMessages);
  const id = useId();
  const client = useQueryClient();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [all, setAll] = useState(false);
  const [events, setEvents] = useState<Set<EventName>>(new Set());
  const [missingEvents, setMissingEvents] = useState(false);
  const create = useMutation({
    mutationFn: async () => {
      const secret = newSecret();
      const sub = await must(
        api.POST("/api/v1/webhooks", {
          body: {
            url,
            events: all ? ["*"] : [...events],
            secret,
            ...(description ? { description } : {}),
          },
        }),
      );
      return { sub, secret };
    },
    onSuccess: () => {
      setUrl("");
      setDescription("");
      setEvents(new Set());
      setAll(false);
      void client.invalidateQueries({ queryKey: webhooksKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!all && events.size === 0) {
      setMissingEvents(true);
      return;
    }
    setMissingEvents(false);
    create.mutate();
  };
  const toggle = (name: EventName) =>
    setEvents((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <section aria-labelledby={`${id}-title`} className="card create-webhook">
      <h2 id={`${id}-title`}>{t("createTitle")}</h2>
      {create.data && (
        <div className="secret-once" role="status">
          <h3>{t("createdTitle")}</h3>
          <p>{t("secretIntro")}</p>
          <label htmlFor={`${id}-secret`}>{t("secretLabel")}</label>
          <input
            id={`${id}-secret`}
            className="mono"
            readOnly
            value={create.data.secret}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="row">
            <Link to={`/webhooks/${create.data.sub.id}`} className="button primary">
              {t("openIt")}
            </Link>
            <button type="button" onClick={() => create.reset()}>
              {t("dismiss")}
            </button>
          </div>
        </div>
      )}
      <form onSubmit={submit} className="stack">
        <div>
          <label htmlFor={`${id}-url`}>{t("url")}</label>
          <input
            id={`${id}-url`}
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-describedby={`${id}-url-hint`}
            placeholder="https://"
          />
          <p id={`${id}-url-hint`} className="muted">
            {t("createUrlHint")}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-description`}>{t("description")}</label>
          <input
            id={`${id}-description`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <fieldset aria-describedby={missingEvents ? `${id}-events-error` : undefined}>
          <legend>{t("createEvents")}</legend>
          <label className="check">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />{" "}
            {t("allEvents")} (<code>*</code>)
          </label>
          <div className="event-grid">
            {EVENTS.map((name) => (
              <label key={name} className="check">
                <input
                  type="checkbox"
                  disabled={all}
                  checked={all || events.has(name)}
                  onChange={() => toggle(name)}
                />{" "}
                <code>{name}</code>
              </label>
            ))}
          </div>
          {missingEvents && (
            <p id={`${id}-events-error`} role="alert" className="field-error">
              {t("pickEvent")}
            </p>
          )}
        </fieldset>
        {create.error && <ErrorBox error={create.error} />}
        <div>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("createSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}
