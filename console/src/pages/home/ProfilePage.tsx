import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { ME_KEY, useMe, type Me } from "../../auth/session";
import { common } from "../../i18n/common";
import { useFormat, useT, type Language } from "../../i18n";
import { Empty, ErrorBox, PageTitle, QueryView } from "../../ui/states";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { profileMessages } from "./profile-messages";
import { AccountLink } from "../automation/AccountLink";
import "./profile.css";

type Session =
  paths["/api/v1/auth/sessions"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

/** Each language named in itself, so anyone can find their own. */
const LANGUAGE_NAMES: Record<Language, string> = { en: "English", it: "Italiano", sv: "Svenska" };

const ROLE_KEY = {
  operator_admin: "roleOperatorAdmin",
  operator_agent: "roleOperatorAgent",
  customer_admin: "roleCustomerAdmin",
  customer_user: "roleCustomerUser",
} as const;

const SESSIONS_KEY = ["auth", "sessions"] as const;

/** /profile — who you are, your language and time zone, and your sessions. */
export default function ProfilePage() {
  const t = useT(profileMessages);
  const me = useMe();
  return (
    <section className="profile">
      <PageTitle title={t("title")}>{t("title")}</PageTitle>
      <dl className="facts">
        <dt>{t("name")}</dt>
        <dd>{me.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{me.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{t(ROLE_KEY[me.role])}</dd>
        <dt>{t("account")}</dt>
        <dd>
          <AccountLink id={me.accountId} />
        </dd>
      </dl>
      <Preferences me={me} />
      <Sessions />
    </section>
  );
}

function Preferences({ me }: { me: Me }) {
  const t = useT(profileMessages);
  const c = useT(common);
  const f = useFormat();
  const id = useId();
  const client = useQueryClient();
  const [language, setLanguage] = useState(me.own.language ?? "");
  const [timeZone, setTimeZone] = useState(me.own.timeZone ?? "");
  // The browser's zones, plus UTC and the user's own (an alias such as Europe/Kiev that the browser
  // lists under its new name must still show as chosen, or saving would drop it).
  const zones = useMemo(() => {
    const all = new Set(Intl.supportedValuesOf("timeZone"));
    for (const z of ["UTC", me.own.timeZone]) if (z) all.add(z);
    return [...all].sort();
  }, [me.own.timeZone]);
  const save = useMutation({
    mutationFn: () =>
      must(
        api.PATCH("/api/v1/users/me", {
          body: {
            language: language === "" ? null : (language as Language),
            timeZone: timeZone === "" ? null : timeZone,
          },
        }),
      ),
    // The whole console reads language and zone from ["users","me"]: it switches at once.
    onSuccess: (updated) => {
      client.setQueryData(ME_KEY, updated);
      // Everything Otter composed (a verdict, a reason) was answered in the old language and zone.
      void client.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const previewZone = timeZone || me.timeZone;
  const now = useMemo(
    () =>
      new Intl.DateTimeFormat(f.tag, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: previewZone,
      }).format(new Date()),
    [f.tag, previewZone],
  );
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("preferencesTitle")}</h2>
      <p className="muted">{t("preferencesIntro")}</p>
      <form onSubmit={submit} className="stack preferences">
        <div>
          <label htmlFor={`${id}-language`}>{c("language")}</label>
          <select
            id={`${id}-language`}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="">{t("accountDefault")}</option>
            {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-zone`}>{c("timeZone")}</label>
          <select
            id={`${id}-zone`}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            aria-describedby={`${id}-zone-hint`}
          >
            <option value="">{t("accountDefault")}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          <p id={`${id}-zone-hint`} className="muted">
            {t("zoneHint", { now })}
          </p>
        </div>
        {save.error && <ErrorBox error={save.error} />}
        <div className="row">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? t("saving") : c("save")}
          </button>
          {save.isSuccess && <span role="status">{t("saved")}</span>}
        </div>
      </form>
    </section>
  );
}

function Sessions() {
  const t = useT(profileMessages);
  const f = useFormat();
  const id = useId();
  const client = useQueryClient();
  const [ending, setEnding] = useState<Session | null>(null);
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => must(api.GET("/api/v1/auth/sessions")),
  });
  const revoke = useMutation({
    mutationFn: (s: Session) =>
      must(api.DELETE("/api/v1/auth/sessions/{id}", { params: { path: { id: s.id } } })),
    onSuccess: (_data, s) => {
      setEnding(null);
      if (s.current) {
        // Our own session ended: back to the sign-in page, nothing read stays in memory.
        client.setQueryData(ME_KEY, null);
        client.removeQueries({
          predicate: (q) => !(q.queryKey[0] === ME_KEY[0] && q.queryKey[1] === ME_KEY[1]),
        });
      } else void client.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("sessionsTitle")}</h2>
      <p className="muted">{t("sessionsIntro")}</p>
      <QueryView query={sessions}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("sessionsEmpty")}</Empty>
          ) : (
            <table className="sessions">
              <thead>
                <tr>
                  <th scope="col">{t("started")}</th>
                  <th scope="col">{t("lastSeen")}</th>
                  <th scope="col">{t("expires")}</th>
                  <th scope="col">{t("device")}</th>
                  <th scope="col">{t("ip")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id} className={s.current ? "current" : undefined}>
                    <td>
                      <time dateTime={s.createdAt} className="started">
                        {f.dateTime(s.createdAt)}
                      </time>
                      {s.current && (
                        <>
                          {" "}
                          <span className="badge ok">{t("current")}</span>
                        </>
                      )}
                    </td>
                    <td>{f.dateTime(s.lastSeenAt)}</td>
                    <td>{f.dateTime(s.expiresAt)}</td>
                    <td className="device">{s.userAgent ?? t("unknown")}</td>
                    <td>{s.ip ?? t("unknown")}</td>
                    <td>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          revoke.reset();
                          setEnding(s);
                        }}
                      >
                        {s.current ? t("revokeCurrent") : t("revoke")}
                        <span className="visually-hidden">
                          {" "}
                          {t("revokeSuffix", { at: f.dateTime(s.createdAt) })}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <ConfirmDialog
        open={ending !== null}
        title={t("revokeTitle")}
        confirmLabel={ending?.current ? t("revokeCurrent") : t("revoke")}
        danger
        busy={revoke.isPending}
        onConfirm={() => ending && revoke.mutate(ending)}
        onClose={() => setEnding(null)}
      >
        <p>
          {ending?.current
            ? t("revokeCurrentText")
            : t("revokeText", { device: ending?.userAgent ?? t("unknown") })}
        </p>
        {revoke.error && <ErrorBox error={revoke.error} />}
      </ConfirmDialog>
    </section>
  );
}
