import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, PageTitle, QueryView } from "../../ui/states";
import { messages } from "./messages";
import { DeskNav, PriorityLabel, SlaBadge, StateBadge } from "./shared";
import "./cases.css";

/** Digits of a number as typed or pasted ("+39 02 1234-5678", "0039…"): at least three to look up. */
const digitsOf = (s: string) => s.replace(/[^\d]/g, "");

export default function CallersPage() {
  const me = useMe();
  const t = useT(messages);
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("number") ?? "");
  const number = params.get("number") ?? "";

  // Looks up as the agent types or pastes, a moment after the last key.
  useEffect(() => {
    const id = setTimeout(() => {
      if (text.trim() === number) return;
      const next = new URLSearchParams(params);
      if (text.trim()) next.set("number", text.trim());
      else next.delete("number");
      setParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(id);
  }, [text, number, params, setParams]);

  const enabled = digitsOf(number).length >= 3;
  const lookup = useQuery({
    queryKey: ["desk", "callers", number],
    enabled,
    queryFn: () => must(api.GET("/api/v1/desk/callers", { params: { query: { number } } })),
  });

  return (
    <div className="cases-page">
      <PageTitle title={t("callersTitle")}>{t("callersTitle")}</PageTitle>
      <DeskNav operator={isOperator(me)} />
      <p className="muted">{t("callersIntro")}</p>
      <form
        className="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(params);
          next.set("number", text.trim());
          setParams(next, { replace: true });
        }}
      >
        <label>
          {t("callerNumber")}
          <input
            type="tel"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="+39 02 1234 5678"
          />
        </label>
        <button type="submit" className="primary">
          {t("lookUp")}
        </button>
      </form>
      {!enabled ? (
        number ? (
          <p className="muted">{t("callerPrompt")}</p>
        ) : null
      ) : (
        <QueryView query={lookup}>
          {(data) =>
            data.matches.length === 0 ? (
              <Empty>{t("callerNoMatch", { number: data.number })}</Empty>
            ) : (
              <>
                {data.matches.map((m) => (
                  <section
                    key={m.contact.id}
                    className="card caller-match"
                    aria-labelledby={`caller-${m.contact.id}`}
                  >
                    <h2 id={`caller-${m.contact.id}`}>
                      {m.contact.name} ·{" "}
                      <Link to={`/accounts/${m.account.id}`}>{m.account.name}</Link>
                    </h2>
                    <dl className="facts">
                      <dt>{t("contact")}</dt>
                      <dd>
                        {[m.contact.phone, m.contact.email].filter(Boolean).join(" · ") || "—"}
                      </dd>
                      <dt>{t("customer")}</dt>
                      <dd>
                        <Link to={`/accounts/${m.account.id}`}>{m.account.name}</Link>
                      </dd>
                    </dl>
                    <h3>{t("openCases")}</h3>
                    {m.openCases.length === 0 ? (
                      <p className="muted">{t("noOpenCases")}</p>
                    ) : (
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t("colNumber")}</th>
                            <th scope="col">{t("colSubject")}</th>
                            <th scope="col">{t("colState")}</th>
                            <th scope="col">{t("colPriority")}</th>
                            <th scope="col">{t("colSla")}</th>
                            <th scope="col">{t("colUpdated")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {m.openCases.map((c) => (
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
                              <td>
                                <PriorityLabel priority={c.priority} />
                              </td>
                              <td>{c.sla ? <SlaBadge state={c.sla.state} /> : "—"}</td>
                              <td>{f.dateTime(c.updatedAt)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </section>
                ))}
              </>
            )
          }
        </QueryView>
      )}
    </div>
  );
}
