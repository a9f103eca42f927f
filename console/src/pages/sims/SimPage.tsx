import { useWords } from "../../i18n/words";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Fragment,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { Link, useParams } from "react-router";
import { api, ApiError, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, PageTitle, QueryView } from "../../ui/states";
import { AuditTrail } from "./AuditTrail";
import { LocationMap } from "./LocationMap";
import { simPage } from "./sim-page.messages";
import { SimTimeline } from "./SimTimeline";
import { UsageChart } from "./UsageChart";
import "./sim-page.css";

type Json<
  P extends keyof paths,
  M extends "get" | "post" | "patch",
  S extends number,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { "application/json": infer T } } };
}
  ? T
  : never;
type Sim = Json<"/api/v1/sims/{iccid}", "get", 200>;
type SimState = Sim["state"];
type Connectivity = Json<"/api/v1/sims/{iccid}/connectivity", "get", 200>;
type Diagnosis = Json<"/api/v1/sims/{iccid}/diagnosis", "get", 200>;
type Action = Json<"/api/v1/actions/{id}", "get", 200>;
type ActionBody = NonNullable<
  paths["/api/v1/sims/{iccid}/actions"]["post"]["requestBody"]
>["content"]["application/json"];
type Warning = { code: string; message: string; text?: string };
type T = ReturnType<typeof useT<typeof simPage.en>>;

/** The remote actions the page offers as buttons. */
type RemoteKind = "reset-connectivity" | "send-sms" | "override-limit" | "activate" | "change-plan";
const REMOTE_LABEL = {
  "reset-connectivity": "action_reset",
  "send-sms": "action_sms",
  "override-limit": "action_override",
  activate: "action_activate",
  "change-plan": "action_change_plan",
} as const satisfies Record<RemoteKind, keyof typeof simPage.en>;
const isRemoteKind = (a: string): a is RemoteKind => a in REMOTE_LABEL;

/** An action that has reached its end: nothing more will change without a new request. */
const ENDED = new Set(["back_online", "delivered", "failed", "cancelled"]);

const simKey = (key: string) => ["sims", "detail", key] as const;

/**
 * The SIM page (/sims/:key): the key is any identifier Otter resolves — ICCID, IMSI, MSISDN or IMEI.
 * Everything an agent needs on one screen: who the SIM is, its state and plans, what the network sees,
 * the diagnosis ladder, the remote actions followed live until the network proves the outcome.
 */
export default function SimPage() {
  const { key = "" } = useParams();
  const t = useT(simPage);
  const sim = useQuery({
    queryKey: simKey(key),
    queryFn: () => must(api.GET("/api/v1/sims/{iccid}", { params: { path: { iccid: key } } })),
  });
  if (sim.error instanceof ApiError && sim.error.code === "SIM_IDENTIFIER_AMBIGUOUS")
    return <Ambiguous simKey={key} error={sim.error} />;
  return (
    <QueryView query={sim} notFound>
      {(s) => (
        // A new SIM (a link from one SIM's page to another's) starts with a fresh page state.
        <SimView key={s.iccid} sim={s} simKeyParam={key} t={t} />
      )}
    </QueryView>
  );
}

/** 409 SIM_IDENTIFIER_AMBIGUOUS: the key (a shared IMEI, say) names several SIMs; list each. */
function Ambiguous({ simKey: key, error }: { simKey: string; error: ApiError }) {
  const t = useT(simPage);
  const matches =
    (error.details as { matches?: { iccid: string; matchedBy: string }[] } | undefined)?.matches ??
    [];
  return (
    <>
      <PageTitle title={t("ambiguousTitle", { key })}>{t("ambiguousTitle", { key })}</PageTitle>
      <p>{t("ambiguousText", { key })}</p>
      <ul className="sim-matches">
        {matches.map((m) => (
          <li key={m.iccid}>
            <Link to={`/sims/${m.iccid}`} className="mono">
              {m.iccid}
            </Link>{" "}
            <span className="muted">{t("matchedBy", { field: m.matchedBy })}</span>
          </li>
        ))}
      </ul>
      {matches.length === 0 && <ErrorBox error={error} />}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card sim-section" aria-labelledby={`sim-${id}`}>
      <h2 id={`sim-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function SimView({ sim, simKeyParam, t }: { sim: Sim; simKeyParam: string; t: T }) {
  const me = useMe();
  const mayAct = me.role !== "customer_user";
  const [request, setRequest] = useState<RemoteKind | null>(null);
  const [followed, setFollowed] = useState<string | null>(null);
  const [actionWarnings, setActionWarnings] = useState<Warning[]>([]);
  return (
    <div className="sim-page">
      <PageTitle title={t("title", { iccid: sim.iccid })}>
        {t("title", { iccid: "" })}
        <span className="mono">{sim.iccid}</span> <StateBadge state={sim.state} />
      </PageTitle>
      {sim.warnings.length > 0 && (
        <div className="sim-warnings" role="note" aria-label={t("pageWarnings")}>
          <Warnings items={sim.warnings} />
        </div>
      )}
      <div className="sim-grid">
        <Section id="identity" title={t("identity")}>
          <dl className="facts">
            <dt>{t("iccid")}</dt>
            <dd className="mono">{sim.iccid}</dd>
            <dt>{t("imsi")}</dt>
            <dd className="mono">{sim.imsi}</dd>
            <dt>{t("msisdn")}</dt>
            <dd className="mono">{sim.msisdn ?? t("none")}</dd>
            <dt>{t("imei")}</dt>
            <dd className="mono">{sim.imei ?? t("none")}</dd>
            <dt>{t("eid")}</dt>
            <dd className="mono">{sim.eid ?? t("none")}</dd>
          </dl>
        </Section>
        <AccountAndPlans sim={sim} t={t} />
        <StateSection sim={sim} simKeyParam={simKeyParam} t={t} />
        <ConnectivitySection iccid={sim.iccid} t={t} />
      </div>
      <DiagnosisSection
        iccid={sim.iccid}
        t={t}
        onAction={mayAct ? setRequest : undefined}
        onFollow={setFollowed}
      />
      <ActionsSection
        sim={sim}
        t={t}
        mayAct={mayAct}
        followed={followed}
        warnings={actionWarnings}
        onFollow={setFollowed}
        onRequest={setRequest}
      />
      <ActionDialog
        sim={sim}
        kind={request}
        t={t}
        onClose={() => setRequest(null)}
        onRequested={(id, warnings) => {
          setRequest(null);
          setFollowed(id);
          setActionWarnings(warnings);
        }}
      />
      {/* Each part is a section with its own heading. */}
      <div className="card sim-section">
        <UsageChart iccid={sim.iccid} />
      </div>
      <div className="card sim-section">
        <LocationMap iccid={sim.iccid} />
      </div>
      <div className="card sim-section">
        <SimTimeline iccid={sim.iccid} />
      </div>
      <div className="card sim-section">
        <AuditTrail iccid={sim.iccid} />
      </div>
    </div>
  );
}

function StateBadge({ state }: { state: SimState }) {
  const tone =
    state === "ACTIVATED"
      ? "ok"
      : state === "DEACTIVATED" || state === "RETIRED" || state === "PURGED"
        ? "bad"
        : "neutral";
  const words = useWords();
  return (
    <span className={`badge ${tone}`} title={state}>
      {words.state(state)}
    </span>
  );
}

function Warnings({ items }: { items: Warning[] }) {
  return (
    <ul className="sim-warning-list">
      {items.map((w) => (
        <li key={w.code + w.message}>
          <span className="badge warn">{w.code}</span> {w.text ?? w.message}
        </li>
      ))}
    </ul>
  );
}

function AccountAndPlans({ sim, t }: { sim: Sim; t: T }) {
  const f = useFormat();
  const custom = Object.entries(sim.customFields);
  // The account's name for the link; the link works (and says "Open account") without it.
  const account = useQuery({
    queryKey: ["accounts", sim.accountId],
    queryFn: () =>
      must(api.GET("/api/v1/accounts/{id}", { params: { path: { id: sim.accountId } } })),
  });
  const limit = sim.usageLimit.dataLimitBytes;
  return (
    <Section id="account" title={t("accountAndPlans")}>
      <dl className="facts">
        <dt>{t("account")}</dt>
        <dd>
          <Link to={`/accounts/${sim.accountId}`}>{account.data?.name ?? t("openAccount")}</Link>
        </dd>
        <dt>{t("communicationPlan")}</dt>
        <dd>
          {sim.communicationPlan ? (
            <Link to={`/catalog/communication-plans/${sim.communicationPlan.id}`}>
              {sim.communicationPlan.name}
            </Link>
          ) : (
            t("noPlan")
          )}
        </dd>
        <dt>{t("ratePlan")}</dt>
        <dd>
          {sim.ratePlan ? (
            <Link to={`/catalog/rate-plans/${sim.ratePlan.id}`}>{sim.ratePlan.name}</Link>
          ) : (
            t("noPlan")
          )}
        </dd>
        <dt>{t("usageLimit")}</dt>
        <dd>
          {limit === null
            ? t("noLimit")
            : sim.usageLimit.enforced
              ? f.bytes(limit)
              : t("limitLifted", { limit: f.bytes(limit), override: sim.usageLimit.override })}
        </dd>
        {sim.notes && (
          <>
            <dt>{t("notes")}</dt>
            <dd>{sim.notes}</dd>
          </>
        )}
      </dl>
      <h3>{t("customFields")}</h3>
      {custom.length === 0 ? (
        <p className="muted">{t("noCustomFields", { iccid: sim.iccid })}</p>
      ) : (
        <dl className="facts">
          {custom.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </Section>
  );
}

/** A native modal <dialog>, opened while `open`; Escape and Cancel close it through onClose. */
function Modal({
  open,
  labelledBy,
  onClose,
  children,
}: {
  open: boolean;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className="sim-dialog" onClose={onClose}>
      {open && children}
    </dialog>
  );
}

function ReasonField({
  value,
  onChange,
  t,
}: {
  value: string;
  onChange: (v: string) => void;
  t: T;
}) {
  const hint = useId();
  return (
    <label>
      {t("reason")}
      <textarea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        minLength={3}
        maxLength={500}
        aria-describedby={hint}
        rows={3}
      />
      <span id={hint} className="muted sim-hint">
        {t("reasonHint")}
      </span>
    </label>
  );
}

function StateSection({ sim, simKeyParam, t }: { sim: Sim; simKeyParam: string; t: T }) {
  const f = useFormat();
  const client = useQueryClient();
  const selectId = useId();
  const titleId = useId();
  const [target, setTarget] = useState<SimState | "">(sim.allowedTransitions[0] ?? "");
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<{ state: SimState; warnings: Warning[] } | null>(null);
  const words = useWords();
  const change = useMutation({
    mutationFn: (body: { state: SimState; reason: string }) =>
      must(api.PATCH("/api/v1/sims/{iccid}", { params: { path: { iccid: sim.iccid } }, body })),
    onSuccess: (updated) => {
      client.setQueryData(simKey(simKeyParam), updated);
      setDone({ state: updated.state, warnings: updated.warnings });
      setConfirming(false);
      setReason("");
      setTarget(updated.allowedTransitions[0] ?? "");
      void client.invalidateQueries({ queryKey: ["sims", sim.iccid] });
    },
  });
  const allowed = sim.allowedTransitions.includes(target as SimState) ? target : "";
  return (
    <Section id="state" title={t("state")}>
      <dl className="facts">
        <dt>{t("currentState")}</dt>
        <dd>
          <StateBadge state={sim.state} />
        </dd>
        {sim.dateActivated && (
          <>
            <dt>{t("activatedOn")}</dt>
            <dd>{f.dateTime(sim.dateActivated)}</dd>
          </>
        )}
      </dl>
      {sim.allowedTransitions.length === 0 ? (
        <p className="muted">{t("noTransitions", { state: words.state(sim.state) })}</p>
      ) : (
        <div className="row sim-state-change">
          <label htmlFor={selectId}>{t("changeTo")}</label>
          <select
            id={selectId}
            value={allowed || sim.allowedTransitions[0]}
            onChange={(e) => setTarget(e.target.value as SimState)}
          >
            {sim.allowedTransitions.map((s) => (
              <option key={s} value={s}>
                {words.state(s)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              if (!allowed) setTarget(sim.allowedTransitions[0]!);
              change.reset();
              setConfirming(true);
            }}
          >
            {t("changeState")}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {done && (
          <>
            <p>{t("stateChanged", { state: words.state(done.state) })}</p>
            {done.warnings.length > 0 && <Warnings items={done.warnings} />}
          </>
        )}
      </div>
      {sim.pendingChanges.length > 0 && (
        <>
          <h3>{t("pendingChanges")}</h3>
          <ul>
            {sim.pendingChanges.map((c) => (
              <li key={c.id}>
                {t("pendingChange", {
                  changes: Object.entries(c.changes)
                    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
                    .join(", "),
                  date: f.dateTime(c.effectiveDate),
                  status: c.status,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <Modal open={confirming} labelledBy={titleId} onClose={() => setConfirming(false)}>
        <form
          className="stack"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const to = (allowed || sim.allowedTransitions[0]) as SimState;
            change.mutate({ state: to, reason: reason.trim() });
          }}
        >
          <h2 id={titleId}>
            {t("confirmStateTitle", {
              from: words.state(sim.state),
              to: words.state((allowed || sim.allowedTransitions[0]) ?? ""),
            })}
          </h2>
          <p>{t("confirmStateText")}</p>
          <ReasonField value={reason} onChange={setReason} t={t} />
          {change.error && <ErrorBox error={change.error} />}
          <div className="row">
            <button type="button" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className="primary" disabled={change.isPending}>
              {t("confirm")}
            </button>
          </div>
        </form>
      </Modal>
    </Section>
  );
}

const CONNECTIVITY_TONE: Record<Connectivity["state"], string> = {
  ONLINE: "ok",
  ATTACHED: "warn",
  OFFLINE: "neutral",
  BLOCKED: "bad",
};

function ConnectivitySection({ iccid, t }: { iccid: string; t: T }) {
  const f = useFormat();
  const words = useWords();
  const q = useQuery({
    queryKey: ["sims", iccid, "connectivity"],
    queryFn: () =>
      must(api.GET("/api/v1/sims/{iccid}/connectivity", { params: { path: { iccid } } })),
  });
  return (
    <Section id="connectivity" title={t("connectivity")}>
      <QueryView query={q}>
        {(c) => (
          <>
            <p>
              <span className={`badge ${CONNECTIVITY_TONE[c.state]}`} title={c.state}>
                {words.connectivity(c.state)}
              </span>{" "}
              {c.reasonMessage.text}
            </p>
            <dl className="facts">
              <dt>{t("lastSeen")}</dt>
              <dd>
                {c.lastSeen
                  ? `${f.dateTime(c.lastSeen)} (${f.fromNow(c.lastSeen)})`
                  : t("neverSeen")}
              </dd>
              {c.location && (
                <>
                  <dt>{t("network")}</dt>
                  <dd>
                    {[c.location.network, c.location.country, `${c.location.mcc}-${c.location.mnc}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </dd>
                </>
              )}
              {c.rat && (
                <>
                  <dt>{t("rat")}</dt>
                  <dd>{c.rat}</dd>
                </>
              )}
            </dl>
          </>
        )}
      </QueryView>
    </Section>
  );
}

const RUNG_STATUS_TONE = { pass: "ok", warn: "warn", fail: "bad", skipped: "neutral" } as const;
const RUNG_STATUS_LABEL = {
  pass: "statusPass",
  warn: "statusWarn",
  fail: "statusFail",
  skipped: "statusSkipped",
} as const;
const OVERALL = {
  ok: ["ok", "overallOk"],
  warn: ["warn", "overallWarn"],
  fail: ["bad", "overallFail"],
} as const;

function gapText(seconds: number) {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}

function DiagnosisSection({
  iccid,
  t,
  onAction,
  onFollow,
}: {
  iccid: string;
  t: T;
  onAction?: (kind: RemoteKind) => void;
  onFollow: (id: string) => void;
}) {
  const f = useFormat();
  const q = useQuery({
    queryKey: ["sims", iccid, "diagnosis"],
    queryFn: () => must(api.GET("/api/v1/sims/{iccid}/diagnosis", { params: { path: { iccid } } })),
  });
  return (
    <Section id="diagnosis" title={t("diagnosis")}>
      <QueryView query={q}>
        {(d: Diagnosis) => {
          const [tone, label] = OVERALL[d.overall];
          return (
            <>
              <div className={`sim-verdict ${tone}`}>
                <span className={`badge ${tone}`}>{t(label)}</span>
                <p className="sim-verdict-text" lang={d.language}>
                  {d.verdictText}
                </p>
              </div>
              <p className="muted">
                {t("checkedAt", {
                  time: f.dateTime(d.checkedAt),
                  dataAsOf: f.dateTime(d.dataAsOf),
                })}
                {d.rhythm.typicalGapSeconds !== null &&
                  ` ${t("typicalGap", { gap: gapText(d.rhythm.typicalGapSeconds) })}.`}
              </p>
              {d.watching.map((w) => (
                <p key={w.actionId}>
                  {t("watchingAlready", { action: w.type, until: f.dateTime(w.watchUntil) })}{" "}
                  <button type="button" className="link" onClick={() => onFollow(w.actionId)}>
                    {t("follow")}
                  </button>
                </p>
              ))}
              <h3>{t("recommended")}</h3>
              {d.actions.length === 0 ? (
                <p className="muted">{t("noRecommendation")}</p>
              ) : (
                <ul className="sim-recommended">
                  {d.actions.map((a) => (
                    <li key={a.action}>
                      {a.descriptionMessage.text}{" "}
                      {onAction && isRemoteKind(a.action) && (
                        <button
                          type="button"
                          className="primary"
                          onClick={() => onAction(a.action as RemoteKind)}
                        >
                          {t(REMOTE_LABEL[a.action as RemoteKind])}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <h3>{t("rungs")}</h3>
              <ol className="sim-ladder">
                {d.rungs.map((r) => (
                  <li key={r.name} className={`sim-rung ${RUNG_STATUS_TONE[r.status]}`}>
                    <div className="sim-rung-head">
                      <span className={`badge ${RUNG_STATUS_TONE[r.status]}`}>
                        {t(RUNG_STATUS_LABEL[r.status])}
                      </span>{" "}
                      <strong>{t(`rung_${r.name}`)}</strong>: {r.summaryMessage.text}
                    </div>
                    {r.causeIn && (
                      <p className="muted">{t("causeIn", { rung: t(`rung_${r.causeIn}`) })}</p>
                    )}
                    {r.evidence.length > 0 ? (
                      <ul className="sim-evidence" aria-label={t("evidence")}>
                        {r.evidence.map((e, i) => (
                          <li key={i}>
                            <span className="muted">{e.at ? f.dateTime(e.at) : e.kind}</span>{" "}
                            {e.detailMessage.text}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      r.status !== "skipped" && <p className="muted">{t("noEvidence")}</p>
                    )}
                    {r.fix && <p>{t("fix", { text: r.fix.descriptionMessage.text })}</p>}
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function ActionsSection({
  sim,
  t,
  mayAct,
  followed,
  warnings,
  onFollow,
  onRequest,
}: {
  sim: Sim;
  t: T;
  mayAct: boolean;
  followed: string | null;
  /** What the last requested action may not achieve (its answer's warnings). */
  warnings: Warning[];
  onFollow: (id: string) => void;
  onRequest: (kind: RemoteKind) => void;
}) {
  const f = useFormat();
  const list = useQuery({
    queryKey: ["sims", sim.iccid, "actions"],
    queryFn: () =>
      must(api.GET("/api/v1/sims/{iccid}/actions", { params: { path: { iccid: sim.iccid } } })),
  });
  const items = list.data?.items ?? [];
  // The action followed: the one just requested or picked, else the newest one still open.
  const current = followed ?? items.find((a) => !ENDED.has(a.status))?.id ?? null;
  const offered: RemoteKind[] = [
    "reset-connectivity",
    "send-sms",
    ...(sim.usageLimit.dataLimitBytes !== null && sim.usageLimit.enforced
      ? (["override-limit"] as const)
      : []),
    ...(sim.state !== "ACTIVATED" && sim.allowedTransitions.includes("ACTIVATED")
      ? (["activate"] as const)
      : []),
    "change-plan",
  ];
  return (
    <Section id="actions" title={t("remoteActions")}>
      {mayAct && (
        <>
          <p className="muted">{t("remoteActionsHint")}</p>
          <div className="row sim-action-buttons">
            {offered.map((k) => (
              <button key={k} type="button" onClick={() => onRequest(k)}>
                {t(REMOTE_LABEL[k])}
              </button>
            ))}
          </div>
        </>
      )}
      {warnings.length > 0 && (
        <div className="sim-warnings">
          <p>{t("actionWarnings")}</p>
          <Warnings items={warnings} />
        </div>
      )}
      {current && <ActionProgress id={current} iccid={sim.iccid} t={t} />}
      <h3>{t("recentActions")}</h3>
      <QueryView query={list}>
        {() =>
          items.length === 0 ? (
            <Empty>{t("noActions")}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("type")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("requestedAt")}</th>
                  <th scope="col">{t("requestedBy")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("follow")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, 10).map((a) => (
                  <tr key={a.id}>
                    <td>{a.type}</td>
                    <td>{a.status}</td>
                    <td>{f.dateTime(a.createdAt)}</td>
                    <td>{a.requestedBy}</td>
                    <td>
                      {a.id !== current && (
                        <button type="button" className="link" onClick={() => onFollow(a.id)}>
                          {t("follow")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Section>
  );
}

/**
 * One remote action followed live: GET /api/v1/actions/{id} every 2 s until it ends (every 15 s while
 * "still silent", since a late proof can still turn it into "back online"), its steps as they come.
 */
function ActionProgress({ id, iccid, t }: { id: string; iccid: string; t: T }) {
  const f = useFormat();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ["actions", id],
    queryFn: () => must(api.GET("/api/v1/actions/{id}", { params: { path: { id } } })),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status && ENDED.has(status)) return false;
      return status === "still_silent" ? 15_000 : 2_000;
    },
    refetchIntervalInBackground: true,
  });
  const status = q.data?.status;
  useEffect(() => {
    // The outcome changes what the network shows: refresh the SIM's other sections with it.
    if (status && status !== "watching")
      void client.invalidateQueries({ queryKey: ["sims", iccid] });
  }, [status, iccid, client]);
  return (
    <div className="sim-action-progress">
      <QueryView query={q}>
        {(a: Action) => (
          <>
            <p>
              {t("followed", {
                action: a.type,
                time: f.dateTime(a.createdAt),
                by: a.requestedBy,
              })}
            </p>
            <div role="status" aria-live="polite" className="sim-proof">
              <Proof action={a} t={t} />
            </div>
            <h3>{t("steps")}</h3>
            {a.steps.length === 0 ? (
              <p className="muted">{t("noSteps")}</p>
            ) : (
              <ol className="sim-steps">
                {a.steps.map((s, i) => (
                  <li key={i}>
                    <time dateTime={s.at}>{f.dateTime(s.at)}</time> {s.message.text}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}

function Proof({ action: a, t }: { action: Action; t: T }) {
  const f = useFormat();
  const outcome = {
    ...((a.outcome ?? {}) as { backOnlineAt?: string }),
    summary: a.outcomeText ?? undefined,
  };
  if (a.status === "back_online")
    return (
      <div className="sim-proof-ok">
        <p className="sim-proof-title">
          {t("backOnline", { time: f.dateTime(outcome.backOnlineAt ?? a.completedAt) })}
        </p>
        {outcome.summary && <p className="muted">{outcome.summary}</p>}
      </div>
    );
  if (a.status === "still_silent")
    return (
      <div className="sim-proof-bad">
        <p className="sim-proof-title">{t("stillSilent")}</p>
        {outcome.summary && <p>{outcome.summary}</p>}
      </div>
    );
  const text =
    a.status === "watching"
      ? t("status_watching", { until: f.dateTime(a.watchUntil) })
      : a.status === "queued"
        ? t("status_queued")
        : a.status === "submitted"
          ? t("status_submitted")
          : a.status === "delivered"
            ? t("status_delivered")
            : a.status === "failed"
              ? t("status_failed")
              : a.status === "cancelled"
                ? t("status_cancelled")
                : a.status;
  return (
    <div>
      <p className="sim-proof-title">{text}</p>
      {outcome.summary && <p className="muted">{outcome.summary}</p>}
    </div>
  );
}

/** The confirmation of a remote action: what it does, a reason (audited), the SMS text for send-sms. */
function ActionDialog({
  sim,
  kind,
  t,
  onClose,
  onRequested,
}: {
  sim: Sim;
  kind: RemoteKind | null;
  t: T;
  onClose: () => void;
  onRequested: (id: string, warnings: Warning[]) => void;
}) {
  const client = useQueryClient();
  const titleId = useId();
  const smsId = useId();
  const [reason, setReason] = useState("");
  const [text, setText] = useState("");
  const [communicationPlan, setCommunicationPlan] = useState("");
  const [ratePlan, setRatePlan] = useState("");
  const request = useMutation({
    mutationFn: (body: ActionBody) =>
      must(
        api.POST("/api/v1/sims/{iccid}/actions", {
          params: { path: { iccid: sim.iccid } },
          body,
        }),
      ),
    onSuccess: (a) => {
      client.setQueryData(["actions", a.id], a);
      void client.invalidateQueries({ queryKey: ["sims", sim.iccid] });
      // The SIM itself (its plans, state, limit) may have changed with the action.
      void client.invalidateQueries({ queryKey: ["sims", "detail"] });
      setReason("");
      setText("");
      onRequested(a.id, a.warnings ?? []);
    },
  });
  // A refusal shown in the dialog belongs to that attempt: closing the dialog forgets it.
  const close = () => {
    request.reset();
    onClose();
  };
  const label = kind ? t(REMOTE_LABEL[kind]) : "";
  const explain = kind
    ? t(
        (
          {
            "reset-connectivity": "action_reset_text",
            "send-sms": "action_sms_text",
            "override-limit": "action_override_text",
            activate: "action_activate_text",
            "change-plan": "action_change_plan_text",
          } as const
        )[kind],
      )
    : "";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    const r = reason.trim();
    const body: ActionBody =
      kind === "send-sms"
        ? { type: "send-sms", reason: r, text, purpose: "wake-up" }
        : kind === "override-limit"
          ? { type: "override-limit", reason: r, override: "TEMPORARY_OVERRIDE" }
          : kind === "change-plan"
            ? {
                type: "change-plan",
                reason: r,
                ...(communicationPlan && { communicationPlan }),
                ...(ratePlan && { ratePlan }),
              }
            : { type: kind, reason: r };
    request.mutate(body);
  };
  return (
    <Modal open={kind !== null} labelledBy={titleId} onClose={close}>
      <form className="stack" onSubmit={submit}>
        <h2 id={titleId}>{t("confirmActionTitle", { action: label })}</h2>
        <p>{explain}</p>
        {kind === "send-sms" && (
          <label htmlFor={smsId}>
            {t("smsText")}
            <input
              id={smsId}
              value={text}
              onChange={(e) => setText(e.target.value)}
              required
              maxLength={1000}
            />
          </label>
        )}
        {kind === "change-plan" && (
          <PlanChoice
            sim={sim}
            t={t}
            communicationPlan={communicationPlan}
            ratePlan={ratePlan}
            onCommunicationPlan={setCommunicationPlan}
            onRatePlan={setRatePlan}
          />
        )}
        <ReasonField value={reason} onChange={setReason} t={t} />
        {request.error && <ErrorBox error={request.error} />}
        <div className="row">
          <button type="button" onClick={close}>
            {t("cancel")}
          </button>
          <button type="submit" className="primary" disabled={request.isPending}>
            {t("requestAction")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * The plans a change-plan action may move the SIM to: those offered to its account (or an account
 * above it). Leaving one at "keep" changes only the other; the API refuses a request that changes neither.
 */
function PlanChoice({
  sim,
  t,
  communicationPlan,
  ratePlan,
  onCommunicationPlan,
  onRatePlan,
}: {
  sim: Sim;
  t: T;
  communicationPlan: string;
  ratePlan: string;
  onCommunicationPlan: (id: string) => void;
  onRatePlan: (id: string) => void;
}) {
  const commId = useId();
  const rateId = useId();
  const query = { params: { query: { accountId: sim.accountId, limit: 200 } } };
  const comm = useQuery({
    queryKey: ["catalog", "communication-plans", "offered", sim.accountId],
    queryFn: () => must(api.GET("/api/v1/communication-plans", query)),
  });
  const rate = useQuery({
    queryKey: ["catalog", "rate-plans", "offered", sim.accountId],
    queryFn: () => must(api.GET("/api/v1/rate-plans", query)),
  });
  return (
    <>
      <label htmlFor={commId}>
        {t("communicationPlan")}
        <select
          id={commId}
          value={communicationPlan}
          onChange={(e) => onCommunicationPlan(e.target.value)}
        >
          <option value="">
            {t("planKeep", { name: sim.communicationPlan?.name ?? t("noPlan") })}
          </option>
          {(comm.data?.items ?? [])
            .filter((p) => p.id !== sim.communicationPlan?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      <label htmlFor={rateId}>
        {t("ratePlan")}
        <select id={rateId} value={ratePlan} onChange={(e) => onRatePlan(e.target.value)}>
          <option value="">{t("planKeep", { name: sim.ratePlan?.name ?? t("noPlan") })}</option>
          {(rate.data?.items ?? [])
            .filter((p) => p.id !== sim.ratePlan?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      {(comm.error || rate.error) && <ErrorBox error={comm.error ?? rate.error} />}
    </>
  );
}
