import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import type { components } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle } from "../../ui/states";
import { onboardingMessages } from "./messages";
import "./onboarding.css";

type Stats = components["schemas"]["OnboardingLeadTimeStats"];
type State = components["schemas"]["Onboarding"]["state"];

const TONE: Record<State, string> = {
  draft: "neutral",
  validated: "neutral",
  provisioning: "warn",
  waiting_on_customer: "warn",
  live: "ok",
  failed: "bad",
};

export function OnboardingState({ state }: { state: State }) {
  const t = useT(onboardingMessages);
  return <span className={`badge ${TONE[state]}`}>{t(`state_${state}`)}</span>;
}

/** /onboardings: every onboarding, newest first, with the lead times' summary on top. */
export default function OnboardingsPage() {
  const t = useT(onboardingMessages);
  const f = useFormat();
  const list = useQuery({
    queryKey: ["onboardings", "list"],
    queryFn: () => must(api.GET("/api/v1/onboardings")),
  });
  const leads = useQuery({
    queryKey: ["onboardings", "lead-times"],
    queryFn: () => must(api.GET("/api/v1/onboardings/lead-times")),
  });
  const title = t("boardTitle");
  const days = (n: number | null | undefined) =>
    n == null ? t("none") : t("days", { n: f.number(Math.round(n * 10) / 10) });
  let body;
  if (list.isPending || leads.isPending) body = <Loading />;
  else if (list.error || leads.error)
    body = (
      <ErrorBox
        error={list.error ?? leads.error}
        onRetry={() => {
          void list.refetch();
          void leads.refetch();
        }}
      />
    );
  else if (list.data!.items.length === 0) body = <Empty>{t("noOnboardings")}</Empty>;
  else {
    const lead = leads.data!;
    const byId = new Map(lead.items.map((i) => [i.id, i]));
    const summary = (label: string, s: Stats) => (
      <div className="lead-stat">
        <h3>{label}</h3>
        <dl className="facts">
          <dt>{t("average")}</dt>
          <dd>{days(s.averageDays)}</dd>
          <dt>{t("median")}</dt>
          <dd>{days(s.medianDays)}</dd>
          <dt>{t("record")}</dt>
          <dd>
            {days(s.recordDays)}
            {s.recordReference && <span className="muted"> ({s.recordReference})</span>}
          </dd>
        </dl>
      </div>
    );
    body = (
      <>
        <section className="card lead-times" aria-labelledby="lead-times-title">
          <h2 id="lead-times-title">{t("leadTimes")}</h2>
          <div className="lead-stats">
            {summary(t("toFirstSimOnline"), lead.toFirstSimOnline)}
            {summary(t("toLive"), lead.toLive)}
          </div>
        </section>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("colCustomer")}</th>
              <th scope="col">{t("colReference")}</th>
              <th scope="col">{t("colState")}</th>
              <th scope="col">{t("colContract")}</th>
              <th scope="col">{t("colGoLive")}</th>
              <th scope="col">{t("colFirstOnline")}</th>
              <th scope="col">{t("colLive")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data!.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/onboardings/${o.id}`}>{o.customerName}</Link>
                </td>
                <td className="mono">{o.reference}</td>
                <td>
                  <OnboardingState state={o.state} />
                </td>
                <td>{o.contractSigned}</td>
                <td>{o.requestedGoLive}</td>
                <td className="num">
                  {days(byId.get(o.id)?.daysToFirstSimOnline ?? o.daysToFirstSimOnline)}
                </td>
                <td className="num">{days(byId.get(o.id)?.daysToLive ?? o.leadTimeDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{t("boardIntro")}</p>
      <div className="page-actions">
        <Link to="/onboardings/new" className="button primary">
          {t("newOnboarding")}
        </Link>
      </div>
      {body}
    </>
  );
}
