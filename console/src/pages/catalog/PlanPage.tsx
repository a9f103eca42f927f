import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, NotFound, PageTitle, QueryView } from "../../ui/states";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { FormDialog } from "../../ui/forms";
import { VersionForm } from "./VersionForm";
import { BillShockWarnings } from "./BillShockWarnings";
import { catalogMessages } from "./messages";
import { money, planBytes } from "./plans";
import "./catalog.css";

type CommPlan =
  paths["/api/v1/communication-plans/{ref}"]["get"]["responses"][200]["content"]["application/json"];
type RatePlan =
  paths["/api/v1/rate-plans/{ref}"]["get"]["responses"][200]["content"]["application/json"];
type Version = RatePlan["versions"][number];
type Kind = "communication" | "rate";
type T = ReturnType<typeof useT<(typeof catalogMessages)["en"]>>;

type Messages = (typeof catalogMessages)["en"];

/** A term's value in words (`daily` → "by the day"); a value this console does not know stays as is. */
function label(t: T, term: "proration" | "pool" | "rounding" | "planChange", value: string) {
  const key = `${term}_${value}`;
  return key in catalogMessages.en ? t(key as keyof Messages) : value;
}

const KINDS: Record<string, Kind> = {
  "communication-plans": "communication",
  "rate-plans": "rate",
};

/** One plan: its terms (every version for a rate plan), its bill-shock warnings, whom it is offered to. */
export default function PlanPage() {
  const { kind: segment = "", ref = "" } = useParams();
  const kind = KINDS[segment];
  if (!kind) return <NotFound />;
  return kind === "rate" ? <RatePlanPage planRef={ref} /> : <CommPlanPage planRef={ref} />;
}

function CommPlanPage({ planRef }: { planRef: string }) {
  const t = useT(catalogMessages);
  const plan = useQuery({
    queryKey: ["plans", "communication", planRef],
    queryFn: () =>
      must(api.GET("/api/v1/communication-plans/{ref}", { params: { path: { ref: planRef } } })),
  });
  return (
    <QueryView query={plan} notFound>
      {(p) => (
        <>
          <p className="muted">{t("planKindCommunication")}</p>
          <PageTitle title={p.name}>{p.name}</PageTitle>
          {p.description && <p>{p.description}</p>}
          <div className="plan-sections">
            <CommDetails plan={p} t={t} />
            <div>
              <Warnings kind="communication" plan={p} t={t} />
              <Offers kind="communication" plan={p} t={t} />
            </div>
          </div>
        </>
      )}
    </QueryView>
  );
}

function CommDetails({ plan: p, t }: { plan: CommPlan; t: T }) {
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t("details")}</h2>
      <dl className="facts card">
        <dt>{t("services")}</dt>
        <dd>
          {t("data")}: {p.dataEnabled ? t("yes") : t("no")} · {t("sms")}:{" "}
          {p.smsEnabled ? t("yes") : t("no")} · {t("voice")}: {p.voiceEnabled ? t("yes") : t("no")}
        </dd>
        <dt>{t("rats")}</dt>
        <dd>{p.rats.join(", ")}</dd>
        <dt>{t("allowedZones")}</dt>
        <dd>{p.zones.map((z) => z.name).join(", ")}</dd>
      </dl>
      <h3>{t("apns")}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("apnName")}</th>
            <th scope="col">{t("apnType")}</th>
            <th scope="col">{t("ipAddressing")}</th>
            <th scope="col">{t("ipPool")}</th>
          </tr>
        </thead>
        <tbody>
          {p.apns.map((a) => (
            <tr key={a.name}>
              <td className="mono">{a.name}</td>
              <td>{a.type}</td>
              <td>{a.ipAddressing}</td>
              <td className="mono">{a.ipPool ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RatePlanPage({ planRef }: { planRef: string }) {
  const t = useT(catalogMessages);
  const plan = useQuery({
    queryKey: ["plans", "rate", planRef],
    queryFn: () =>
      must(api.GET("/api/v1/rate-plans/{ref}", { params: { path: { ref: planRef } } })),
  });
  return (
    <QueryView query={plan} notFound>
      {(p) => (
        <>
          <p className="muted">{t("planKindRate")}</p>
          <PageTitle title={p.name}>{p.name}</PageTitle>
          {p.description && <p>{p.description}</p>}
          <Warnings kind="rate" plan={p} t={t} />
          <AddVersion plan={p} t={t} />
          <Versions plan={p} t={t} />
          <Offers kind="rate" plan={p} t={t} />
        </>
      )}
    </QueryView>
  );
}

function Versions({ plan: p, t }: { plan: RatePlan; t: T }) {
  const f = useFormat();
  const now = Date.now();
  // Newest first: the version that will apply next, then the one in force, then the past.
  const versions = [...p.versions].sort((a, b) => b.version - a.version);
  const status = (v: Version) =>
    v.version === p.currentVersion?.version
      ? t("current")
      : new Date(v.effectiveFrom).getTime() > now
        ? t("future")
        : t("past");
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t("versions")}</h2>
      {versions.map((v) => (
        <article key={v.version} className="card" aria-labelledby={`version-${v.version}`}>
          <h3 id={`version-${v.version}`}>
            {t("version")} {v.version}{" "}
            <span className={`badge ${v.version === p.currentVersion?.version ? "ok" : "neutral"}`}>
              {status(v)}
            </span>
          </h3>
          <dl className="facts">
            <dt>{t("effectiveFrom")}</dt>
            <dd>{f.dateTime(v.effectiveFrom)}</dd>
            <dt>{t("monthlyFee")}</dt>
            <dd>{money(v.subscription.monthlyFeePerSim, p.currency, f.tag)}</dd>
            <dt>{t("activationFee")}</dt>
            <dd>{money(v.subscription.activationFee, p.currency, f.tag)}</dd>
            <dt>{t("proration")}</dt>
            <dd>{label(t, "proration", v.subscription.proration)}</dd>
            <dt>{t("included")}</dt>
            <dd>
              {t("includedValue", {
                data: planBytes(v.included.dataBytes, f.tag),
                sms: f.number(v.included.sms),
                voice: f.number(v.included.voiceSeconds),
              })}
            </dd>
            <dt>{t("pool")}</dt>
            <dd>
              {label(t, "pool", v.pool.type)}
              {v.pool.fixedPoolBytes != null && ` (${planBytes(v.pool.fixedPoolBytes, f.tag)})`}
            </dd>
            <dt>{t("dataLimit")}</dt>
            <dd>{v.dataLimitBytes === null ? t("noLimit") : planBytes(v.dataLimitBytes, f.tag)}</dd>
            <dt>{t("testReady")}</dt>
            <dd>
              {t("testReadyValue", {
                data: planBytes(v.testReady.dataBytes, f.tag),
                sms: f.number(v.testReady.sms),
                voice: f.number(v.testReady.voiceSeconds),
                days: f.number(v.testReady.maxDays),
              })}
            </dd>
            <dt>{t("rounding")}</dt>
            <dd>{label(t, "rounding", v.rounding)}</dd>
            <dt>{t("planChange")}</dt>
            <dd>{label(t, "planChange", v.planChange)}</dd>
          </dl>
          <table>
            <caption className="table-caption">{t("zonePrices")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("zone")}</th>
                <th scope="col" className="num">
                  {t("perMB")}
                </th>
                <th scope="col" className="num">
                  {t("smsMO")}
                </th>
                <th scope="col" className="num">
                  {t("smsMT")}
                </th>
                <th scope="col" className="num">
                  {t("perMinute")}
                </th>
              </tr>
            </thead>
            <tbody>
              {v.zones.map((z) => (
                <tr key={z.zone.id}>
                  <th scope="row">{z.zone.name}</th>
                  <td className="num">{money(z.dataPerMB, p.currency, f.tag)}</td>
                  <td className="num">{money(z.smsMO, p.currency, f.tag)}</td>
                  <td className="num">{money(z.smsMT, p.currency, f.tag)}</td>
                  <td className="num">{money(z.voicePerMinute, p.currency, f.tag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}

/** The bill-shock check of one plan against every plan of the other kind (the version in force). */
function usePlanCheck(kind: Kind, planId: string) {
  return useQuery({
    queryKey: ["catalog", "check", kind, planId],
    queryFn: () =>
      must(
        api.GET("/api/v1/catalog/check", {
          params: {
            query: kind === "rate" ? { ratePlan: planId } : { communicationPlan: planId },
          },
        }),
      ),
  });
}

/**
 * "Add a version" (operator staff: catalog:write): the form in a dialog, then what was added and,
 * for a version that applies later, why the warnings have not changed yet.
 */
function AddVersion({ plan, t }: { plan: RatePlan; t: T }) {
  const me = useMe();
  const f = useFormat();
  const client = useQueryClient();
  const check = usePlanCheck("rate", plan.id);
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<Version | null>(null);
  // catalog:write (docs/permissions.md): operator admins and agents.
  if (!isOperator(me) || !me.role.startsWith("operator_")) return null;
  const later = added && new Date(added.effectiveFrom).getTime() > Date.now();
  return (
    <>
      <p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setAdded(null);
            setOpen(true);
          }}
        >
          {t("addVersion")}
        </button>
      </p>
      <div role="status">
        {added && (
          <p>
            {t("versionAdded", { version: added.version, date: f.dateTime(added.effectiveFrom) })}
            {later && <> {t("versionAddedLater", { version: added.version })}</>}
          </p>
        )}
      </div>
      <FormDialog
        open={open}
        title={t("addVersionTitle", { plan: plan.name })}
        onClose={() => setOpen(false)}
        wide
      >
        <VersionForm
          plan={plan}
          warnings={check.data?.warnings}
          onSaved={(updated) => {
            setOpen(false);
            const newest = [...updated.versions].sort((a, b) => b.version - a.version)[0];
            setAdded(newest ?? null);
            client.setQueryData(["plans", "rate", plan.id], updated);
            void client.invalidateQueries({ queryKey: ["plans"] });
            void client.invalidateQueries({ queryKey: ["catalog", "check"] });
          }}
          onCancel={() => setOpen(false)}
        />
      </FormDialog>
    </>
  );
}

/** The bill-shock check of this plan against every plan of the other kind. */
function Warnings({ kind, plan, t }: { kind: Kind; plan: { id: string }; t: T }) {
  const check = usePlanCheck(kind, plan.id);
  return (
    <section aria-labelledby="shock-title">
      <h2 id="shock-title">{t("billShock")}</h2>
      <p className="muted">{t("billShockIntro")}</p>
      <QueryView query={check}>{(c) => <BillShockWarnings warnings={c.warnings} />}</QueryView>
    </section>
  );
}

/** The customers the plan is offered to (operators only), each withdrawable. */
function Offers({ kind, plan, t }: { kind: Kind; plan: { id: string; name: string }; t: T }) {
  const me = useMe();
  const f = useFormat();
  const client = useQueryClient();
  const operator = isOperator(me);
  const [withdrawing, setWithdrawing] = useState<{ id: string; name: string } | null>(null);
  const path = { params: { path: { ref: plan.id } } };
  const offers = useQuery({
    queryKey: ["plans", kind, plan.id, "offers"],
    queryFn: () =>
      kind === "rate"
        ? must(api.GET("/api/v1/rate-plans/{ref}/offers", path))
        : must(api.GET("/api/v1/communication-plans/{ref}/offers", path)),
    enabled: operator,
  });
  const withdraw = useMutation({
    mutationFn: (accountId: string) => {
      const params = { params: { path: { ref: plan.id, accountId } } };
      return kind === "rate"
        ? must(api.DELETE("/api/v1/rate-plans/{ref}/offers/{accountId}", params))
        : must(api.DELETE("/api/v1/communication-plans/{ref}/offers/{accountId}", params));
    },
    onSuccess: async () => {
      setWithdrawing(null);
      await client.invalidateQueries({ queryKey: ["plans"] });
    },
  });
  if (!operator) return null;
  return (
    <section aria-labelledby="offers-title">
      <h2 id="offers-title">{t("offers")}</h2>
      <QueryView query={offers}>
        {(o) =>
          o.accounts.length === 0 ? (
            <Empty>{t("offersNone")}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("customer")}</th>
                  <th scope="col">{t("offeredAt")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("withdraw")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.accounts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/accounts/${a.id}`}>{a.name}</Link>
                    </td>
                    <td>{f.date(a.offeredAt)}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={t("withdrawFrom", { name: a.name })}
                        onClick={() => {
                          withdraw.reset();
                          setWithdrawing(a);
                        }}
                      >
                        {t("withdraw")}
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
        open={!!withdrawing}
        title={t("withdrawTitle", { plan: plan.name, name: withdrawing?.name ?? "" })}
        confirmLabel={t("withdraw")}
        busy={withdraw.isPending}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id)}
        danger
        onClose={() => setWithdrawing(null)}
      >
        <p>{t("withdrawText")}</p>
        {withdraw.error && <ErrorBox error={withdraw.error} />}
      </ConfirmDialog>
    </section>
  );
}
