import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { api, fileUrl, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { ErrorBox, PageTitle, QueryView } from "../../ui/states";
import { ClarityCheck, type ClarityDecision } from "./ClarityCheck";
import { CaseInvoices } from "./CaseInvoices";
import { explanationText } from "../billing/shared";
import type { InsertExplanationState } from "../billing/ExplanationPage";
import { billingMessages } from "../billing/messages";
import { messages } from "./messages";
import { useAgents } from "./QueuePage";
import {
  CASE_STATES,
  CATEGORIES,
  DeskNav,
  label,
  PRIORITIES,
  PriorityLabel,
  SlaBadge,
  StateBadge,
  TimeLeft,
  useDuration,
  type T,
} from "./shared";
import "./cases.css";

type Case = paths["/api/v1/cases/{id}"]["get"]["responses"][200]["content"]["application/json"];
type Entry = Case["timeline"][number];
type Clock = NonNullable<Case["sla"]>["firstResponse"];
type CaseState = Case["state"];

const caseKey = (id: string) => ["cases", id] as const;

export default function CasePage() {
  const { id = "" } = useParams();
  const me = useMe();
  const t = useT(messages);
  const operator = isOperator(me);
  const query = useQuery({
    queryKey: caseKey(id),
    queryFn: () => must(api.GET("/api/v1/cases/{id}", { params: { path: { id } } })),
    // Mail arrives and replies get sent while the agent reads: keep the page current.
    refetchInterval: 30_000,
  });
  const refresh = useRefresh(id);
  const bt = useT(billingMessages);
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const insert = useMutation({
    mutationFn: async ({ invoiceId, n }: { invoiceId: string; n: number }) => ({
      n,
      text: await explanationText(invoiceId, n),
    }),
    onSuccess: ({ n, text }) => setInserted((prev) => ({ text, n, seq: (prev?.seq ?? 0) + 1 })),
  });
  // Back from a line's explanation page with "insert into the reply": do it once, then forget it.
  const location = useLocation();
  const navigate = useNavigate();
  const asked = (location.state as InsertExplanationState | null)?.insertExplanation;
  useEffect(() => {
    if (!asked) return;
    insert.mutate(asked);
    void navigate(location.pathname, { replace: true, state: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked?.invoiceId, asked?.n]);
  return (
    <div className="cases-page">
      <QueryView query={query} notFound>
        {(c) => (
          <>
            <PageTitle title={`#${c.number} ${c.subject}`}>
              <span className="muted">{t("caseTitle", { number: c.number })}:</span> {c.subject}
            </PageTitle>
            <DeskNav operator={operator} />
            <CaseHeader c={c} operator={operator} />
            <div className="case-layout">
              <div>
                {operator && <Composer c={c} inserted={inserted} />}
                {insert.error && <ErrorBox error={insert.error} />}
                {inserted && (
                  <p role="status" className="status-line">
                    {bt("inserted", { n: inserted.n })}
                  </p>
                )}
                <Timeline c={c} operator={operator} />
              </div>
              <aside>
                {(c.category === "billing" || c.links.some((l) => l.kind === "invoice")) && (
                  <CaseInvoices
                    c={c}
                    operator={operator}
                    refresh={refresh}
                    inserting={insert.isPending}
                    onInsert={(invoiceId, n) => insert.mutate({ invoiceId, n })}
                  />
                )}
                <LinkedSims c={c} operator={operator} />
                {operator && <Consultations c={c} />}
              </aside>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}

/** Refreshes the case (and the queue) after a change. */
function useRefresh(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: caseKey(id) });
    void client.invalidateQueries({ queryKey: ["desk", "queue"] });
  };
}

function CaseHeader({ c, operator }: { c: Case; operator: boolean }) {
  const t = useT(messages);
  const f = useFormat();
  const [changed, setChanged] = useState(false);
  return (
    <section className="card case-header" aria-labelledby="case-details">
      <h2 id="case-details" className="visually-hidden">
        {t("caseDetails")}
      </h2>
      <dl className="facts">
        <dt>{t("customer")}</dt>
        <dd>
          {c.account ? (
            <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link>
          ) : (
            <span className="badge warn">{t("triage")}</span>
          )}
        </dd>
        <dt>{t("colState")}</dt>
        <dd>
          <StateBadge state={c.state} /> <span className="muted">TMF621: {c.tmf621Status}</span>
        </dd>
        <dt>{t("colPriority")}</dt>
        <dd>
          <PriorityLabel priority={c.priority} />
        </dd>
        <dt>{t("owner")}</dt>
        <dd>{c.owner ? c.owner.name : t("unassigned")}</dd>
        <dt>{t("category")}</dt>
        <dd>{label(t, "category", c.category)}</dd>
        {(c.requesterEmail || c.requesterName) && (
          <>
            <dt>{t("requester")}</dt>
            <dd>
              {c.requesterName}{" "}
              {c.requesterEmail && <span className="mono">{c.requesterEmail}</span>}
            </dd>
          </>
        )}
        {c.contacts.length > 0 && (
          <>
            <dt>{t("contacts")}</dt>
            <dd>
              {c.contacts
                .map((k) => [k.name, k.email, k.phone].filter(Boolean).join(" · "))
                .join("; ")}
            </dd>
          </>
        )}
        <dt>{t("created")}</dt>
        <dd>
          {f.dateTime(c.createdAt)} ({label(t, "channel", c.channel)})
        </dd>
        {c.reopenedFromCaseId && (
          <>
            <dt>{t("reopenedFrom")}</dt>
            <dd>
              <Link to={`/cases/${c.reopenedFromCaseId}`}>{t("previousCase")}</Link>
            </dd>
          </>
        )}
      </dl>
      {c.sla && (
        <>
          <h3 className="visually-hidden">{t("slaClocks")}</h3>
          <div className="sla-clocks">
            <SlaClock name={t("firstResponse")} clock={c.sla.firstResponse} />
            <SlaClock name={t("resolution")} clock={c.sla.resolution} />
          </div>
        </>
      )}
      {operator && (
        // A fresh form whenever the case changes underneath (a reply moved it to open, another agent took it).
        <ChangeCase
          key={`${c.state}|${c.priority}|${c.category}|${c.ownerUserId}|${c.accountId}`}
          c={c}
          done={changed}
          setDone={setChanged}
        />
      )}
    </section>
  );
}

function SlaClock({ name, clock }: { name: string; clock: Clock }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <div className="sla-clock">
      <h4 style={{ margin: 0, fontSize: "0.95rem" }}>
        {name} <SlaBadge state={clock.state} />
      </h4>
      {clock.state === "met" ? (
        <span className="muted">{t("metAt", { at: f.dateTime(clock.stoppedAt) })}</span>
      ) : clock.state === "none" ? (
        <span className="muted">{t("noClock")}</span>
      ) : (
        <>
          <TimeLeft remainingMs={clock.remainingMs} paused={clock.state === "paused"} />
          {clock.dueAt && (
            <div className="muted">{t("dueAt", { at: f.dateTime(clock.dueAt) })}</div>
          )}
          {clock.breachedAt && (
            <div className="muted">{t("breachedAt", { at: f.dateTime(clock.breachedAt) })}</div>
          )}
        </>
      )}
    </div>
  );
}

/** State, priority, category and owner, in one PATCH; "Take it" makes the caller the owner. */
function ChangeCase({
  c,
  done,
  setDone,
}: {
  c: Case;
  done: boolean;
  setDone: (done: boolean) => void;
}) {
  const t = useT(messages);
  const me = useMe();
  const refresh = useRefresh(c.id);
  const agents = useAgents(true);
  const [state, setState] = useState<CaseState>(c.state);
  const [priority, setPriority] = useState(c.priority);
  const [category, setCategory] = useState(c.category);
  const [owner, setOwner] = useState(c.ownerUserId ?? "");
  const [reason, setReason] = useState("");
  const [accountId, setAccountId] = useState("");
  // A case in triage (mail from an unknown sender) waits for a person to place it on a customer.
  const accounts = useQuery({
    queryKey: ["accounts", "list", { limit: 500 }],
    enabled: c.accountId == null,
    staleTime: 60_000,
    queryFn: () => must(api.GET("/api/v1/accounts", { params: { query: { limit: 500 } } })),
  });
  const patch = useMutation({
    mutationFn: (
      body: paths["/api/v1/cases/{id}"]["patch"]["requestBody"]["content"]["application/json"],
    ) => must(api.PATCH("/api/v1/cases/{id}", { params: { path: { id: c.id } }, body })),
    onSuccess: (updated) => {
      setState(updated.state);
      setPriority(updated.priority);
      setCategory(updated.category);
      setOwner(updated.ownerUserId ?? "");
      setReason("");
      setDone(true);
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const body: Record<string, unknown> = {};
    if (state !== c.state) body.state = state;
    if (priority !== c.priority) body.priority = priority;
    if (category !== c.category) body.category = category;
    if (owner !== (c.ownerUserId ?? "")) body.ownerUserId = owner || null;
    if (accountId) body.accountId = accountId;
    if (reason.trim()) body.reason = reason.trim();
    patch.mutate(body);
  };
  const closed = c.state === "closed";
  return (
    <form className="stack" onSubmit={submit} style={{ marginTop: "1rem" }}>
      <h3 style={{ margin: 0 }}>{t("changeCase")}</h3>
      <div className="row">
        {c.ownerUserId !== me.id && !closed && (
          <button
            type="button"
            className="primary"
            disabled={patch.isPending}
            onClick={() => {
              setDone(false);
              patch.mutate({ ownerUserId: "me" });
            }}
          >
            {t("takeIt")}
          </button>
        )}
        <label>
          {t("colState")}
          <select
            value={state}
            disabled={closed}
            onChange={(e) => setState(e.target.value as CaseState)}
          >
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {label(t, "state", s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("colPriority")}
          <select
            value={priority}
            disabled={closed}
            onChange={(e) => setPriority(e.target.value as Case["priority"])}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {label(t, "priority", p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("category")}
          <select
            value={category}
            disabled={closed}
            onChange={(e) => setCategory(e.target.value as Case["category"])}
          >
            {CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {label(t, "category", k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("owner")}
          <select value={owner} disabled={closed} onChange={(e) => setOwner(e.target.value)}>
            <option value="">{t("unassigned")}</option>
            {c.owner && !agents.data?.some((a) => a.id === c.owner!.id) && (
              <option value={c.owner.id}>{c.owner.name}</option>
            )}
            {agents.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === me.id ? `${a.name} (${t("you")})` : a.name}
              </option>
            ))}
          </select>
        </label>
        {c.accountId == null && (
          <label>
            {t("assignCustomer")}
            <select value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">{t("chooseCustomer")}</option>
              {accounts.data?.items
                .filter((a) => a.id !== me.accountId)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label style={{ flex: "1 1 16rem" }}>
          {t("reasonOptional")}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" disabled={patch.isPending || closed}>
          {t("apply")}
        </button>
      </div>
      {patch.error && <ErrorBox error={patch.error} />}
      {done && (
        <p role="status" className="status-line">
          {t("changed")}
        </p>
      )}
    </form>
  );
}

// ---- the timeline ---------------------------------------------------------------------------

function Timeline({ c, operator }: { c: Case; operator: boolean }) {
  const t = useT(messages);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline")}</h2>
      {c.timeline.length === 0 ? (
        <p className="muted">{t("timelineEmpty")}</p>
      ) : (
        <ol className="timeline">
          {c.timeline.map((e) => (
            <TimelineEntry key={e.id} c={c} e={e} operator={operator} />
          ))}
        </ol>
      )}
    </section>
  );
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function eventText(t: T, e: Entry, c: Case): string {
  const d = e.data as Record<string, unknown>;
  const type = str(d.type);
  switch (type) {
    case "created":
      return t("event_created");
    case "state_changed":
      return t("event_state_changed", {
        from: label(t, "state", str(d.from)),
        to: label(t, "state", str(d.to)),
      });
    case "priority_changed":
      return t("event_priority_changed", {
        from: label(t, "priority", str(d.from)),
        to: label(t, "priority", str(d.to)),
      });
    case "owner_changed":
    case "category_changed":
    case "subject_changed":
    case "account_changed":
    case "reply_retried":
      return t(`event_${type}`);
    case "linked":
      return d.sim
        ? t("event_linked", { sim: str(d.sim) })
        : t("linkedAccount", { name: c.account?.name ?? str(d.accountId) });
    case "unlinked":
      // Older entries carry only the SIM's id; newer ones its ICCID as well.
      return t("event_unlinked", { sim: str(d.sim) || str(d.simId) || str(d.accountId) });
    default:
      return t("event_other", { type: type || e.kind });
  }
}

function TimelineEntry({ c, e, operator }: { c: Case; e: Entry; operator: boolean }) {
  const t = useT(messages);
  const f = useFormat();
  const duration = useDuration();
  const d = e.data as Record<string, unknown>;
  const by = <span className="muted">{t("eventBy", { name: e.actor.name })}</span>;
  const when = (
    <time className="muted" dateTime={e.createdAt}>
      {f.dateTime(e.createdAt)}
    </time>
  );
  if (e.kind === "event")
    return (
      <li className="kind-event">
        <div className="entry-head">
          <span>{eventText(t, e, c)}</span>
          {typeof d.reason === "string" && (
            // Otter's own reasons have a key to word them by; a person's words are shown as typed.
            <span>“{d.reasonCode ? label(t, "reason", str(d.reasonCode)) : d.reason}”</span>
          )}
          {by}
          {when}
        </div>
      </li>
    );
  const m = e.message;
  let heading: string = t(`kind_${e.kind}`);
  if (e.kind === "phone")
    heading = t(d.direction === "outbound" ? "callOut" : "callIn", { number: str(d.number) });
  if (e.kind === "consultation") {
    const cons = c.consultations.find((k) => k.id === e.consultationId);
    heading = `${t("kind_consultation")}${cons ? ` · ${cons.subject}` : ""} (${label(t, "consultEntry", str(d.type))})`;
  }
  return (
    <li className={`kind-${e.kind}`}>
      <div className="entry-head">
        <h3>{heading}</h3>
        {m?.subject && <span>{m.subject}</span>}
        {e.kind === "phone" && typeof d.durationSeconds === "number" && (
          <span>{duration(d.durationSeconds * 1000)}</span>
        )}
        {d.automatic === true && <span className="badge neutral">{t("automatic")}</span>}
        {m && m.direction === "out" && m.sendStatus && <SendStatus c={c} m={m} />}
        {m?.needsHuman && <span className="badge warn">{t("needsHuman")}</span>}
        {m?.flags
          .filter((fl) => fl !== "automatic")
          .map((fl) => (
            <span key={fl} className="badge neutral">
              {label(t, "flag", fl)}
            </span>
          ))}
        {by}
        {when}
      </div>
      {m && (
        <p className="mail-meta muted">
          {m.from && (
            <>
              {t("from")}: <span className="mono">{m.from}</span>{" "}
            </>
          )}
          {m.to.length > 0 && (
            <>
              {t("to")}: <span className="mono">{m.to.join(", ")}</span>{" "}
            </>
          )}
          {m.cc.length > 0 && (
            <>
              {t("cc")}: <span className="mono">{m.cc.join(", ")}</span>{" "}
            </>
          )}
          {operator && m.direction === "in" && (
            <a href={fileUrl(`/api/v1/cases/${c.id}/messages/${m.id}/raw`)}>{t("rawMessage")}</a>
          )}
        </p>
      )}
      {e.body && <pre className="entry-body">{e.body}</pre>}
      {m && m.attachments.length > 0 && (
        <>
          <h4 className="visually-hidden">{t("attachments")}</h4>
          <ul className="attachments" aria-label={t("attachments")}>
            {m.attachments.map((a) => (
              <li key={a.id}>
                {a.stored ? (
                  <a href={fileUrl(`/api/v1/cases/${c.id}/attachments/${a.id}`)} download>
                    {a.filename ?? a.id}
                  </a>
                ) : (
                  <span>
                    {a.filename ?? a.id} <span className="muted">({t("notStored")})</span>
                  </span>
                )}{" "}
                <span className="muted">
                  {a.contentType}, {f.bytes(a.size)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {m?.sendError && <p className="overdue">{m.sendError}</p>}
    </li>
  );
}

type Message = NonNullable<Entry["message"]>;

function SendStatus({ c, m }: { c: Case; m: Message }) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const retry = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/replies/{subId}/retry", {
          params: { path: { id: c.id, subId: m.id } },
        }),
      ),
    onSuccess: refresh,
  });
  const status = m.sendStatus ?? "queued";
  const text =
    status === "sent"
      ? t("sendSent")
      : status === "failed"
        ? t("sendFailed")
        : m.waitingForRelay
          ? t("sendQueuedNoRelay")
          : t("sendQueued");
  return (
    <>
      <span
        className={`badge ${status === "sent" ? "ok" : status === "failed" ? "bad" : "warn"}`}
        data-send-status={status}
      >
        {text}
      </span>
      {m.sendAttempts != null && m.sendAttempts > 0 && (
        <span className="muted">{t("sendAttempts", { n: m.sendAttempts })}</span>
      )}
      {status === "failed" && (
        <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
          {t("retrySend")}
        </button>
      )}
      {retry.error && <ErrorBox error={retry.error} />}
    </>
  );
}

// ---- writing: reply, note, call, consultation -----------------------------------------------

type Tab = "reply" | "note" | "call" | "consult";
const TABS: Tab[] = ["reply", "note", "call", "consult"];
const TAB_LABEL = {
  reply: "tabReply",
  note: "tabNote",
  call: "tabCall",
  consult: "tabConsult",
} as const;

/** Text put into the reply editor from outside it (a line's explanation); `seq` tells each apart. */
interface Inserted {
  text: string;
  n: number;
  seq: number;
}

function Composer({ c, inserted }: { c: Case; inserted: Inserted | null }) {
  const t = useT(messages);
  const [tab, setTab] = useState<Tab>("reply");
  // The reply's text lives here, so it survives a look at the other tabs and takes inserted text.
  const [body, setBody] = useState("");
  useEffect(() => {
    if (!inserted) return;
    setTab("reply");
    setBody((b) => (b.trim() ? `${b.replace(/\s+$/, "")}\n\n${inserted.text}` : inserted.text));
  }, [inserted]);
  return (
    <section className="card composer" aria-labelledby="compose-title">
      <h2 id="compose-title" className="visually-hidden">
        {t("compose")}
      </h2>
      <div className="tabs" role="tablist" aria-label={t("compose")}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            onClick={() => setTab(k)}
          >
            {t(TAB_LABEL[k])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "reply" && <ReplyForm c={c} body={body} setBody={setBody} />}
        {tab === "note" && <NoteForm c={c} />}
        {tab === "call" && <CallForm c={c} />}
        {tab === "consult" && <ConsultForm c={c} />}
      </div>
    </section>
  );
}

function ReplyForm({
  c,
  body,
  setBody,
}: {
  c: Case;
  body: string;
  setBody: (update: string | ((prev: string) => string)) => void;
}) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const [to, setTo] = useState("");
  const [state, setState] = useState<"" | CaseState>("");
  const [macroId, setMacroId] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<ClarityDecision[]>([]);
  const macros = useQuery({
    queryKey: ["desk", "macros"],
    queryFn: () => must(api.GET("/api/v1/desk/macros")),
    staleTime: 60_000,
  });
  const render = useMutation({
    mutationFn: (id: string) =>
      must(
        api.POST("/api/v1/cases/{id}/macros/{macroId}/render", {
          params: { path: { id: c.id, macroId: id } },
        }),
      ),
    onSuccess: (r) => {
      setBody((b) => (b.trim() ? `${b.replace(/\s+$/, "")}\n\n${r.body}` : r.body));
      setMissing(r.missing);
    },
  });
  const send = useMutation({
    mutationFn: () => {
      const recipients = to
        .split(/[,;\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      return must(
        api.POST("/api/v1/cases/{id}/replies", {
          params: { path: { id: c.id } },
          body: {
            body,
            ...(recipients.length ? { to: recipients } : {}),
            ...(state ? { state } : {}),
            ...(decisions.length ? { clarity: { decisions } } : {}),
          },
        }),
      );
    },
    onSuccess: (r) => {
      setBody("");
      setMissing([]);
      setDecisions([]);
      // A reply is stored and queued in one transaction; the timeline follows it to sent or failed.
      setSent(r.waitingForRelay ? t("sendQueuedNoRelay") : t("sendQueued"));
      refresh();
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(null);
        send.mutate();
      }}
    >
      <div className="row">
        <label style={{ flex: "1 1 14rem" }}>
          {t("savedReply")}
          <select value={macroId} onChange={(e) => setMacroId(e.target.value)}>
            <option value="">
              {macros.data?.items.length === 0 ? t("noSavedReplies") : t("chooseSavedReply")}
            </option>
            {macros.data?.items.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!macroId || render.isPending}
          onClick={() => render.mutate(macroId)}
        >
          {t("insertSavedReply")}
        </button>
      </div>
      {macros.error && <ErrorBox error={macros.error} />}
      {render.error && <ErrorBox error={render.error} />}
      {missing.length > 0 && (
        <p className="muted">{t("savedReplyMissing", { names: missing.join(", ") })}</p>
      )}
      <label>
        {t("replyTo")}
        <input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder={c.requesterEmail ?? ""}
        />
      </label>
      <label>
        {t("replyBody")}
        <textarea value={body} onChange={(e) => setBody(e.target.value)} required rows={8} />
      </label>
      <ClarityCheck
        caseId={c.id}
        body={body}
        setBody={setBody}
        decisions={decisions}
        setDecisions={setDecisions}
      />
      <div className="row">
        <label>
          {t("stateAfter")}
          <select value={state} onChange={(e) => setState(e.target.value as CaseState | "")}>
            <option value="">{t("keepState")}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {label(t, "state", s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={send.isPending || !body.trim()}>
          {t("sendReply")}
        </button>
      </div>
      {send.error && <ErrorBox error={send.error} />}
      {sent && (
        <p role="status" className="status-line">
          {t("replySent", { status: sent })}
        </p>
      )}
    </form>
  );
}

function NoteForm({ c }: { c: Case }) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const [body, setBody] = useState("");
  const [done, setDone] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/notes", { params: { path: { id: c.id } }, body: { body } }),
      ),
    onSuccess: () => {
      setBody("");
      setDone(true);
      refresh();
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        add.mutate();
      }}
    >
      <label>
        {t("noteBody")}
        <textarea value={body} onChange={(e) => setBody(e.target.value)} required />
      </label>
      <div>
        <button type="submit" className="primary" disabled={add.isPending || !body.trim()}>
          {t("addNote")}
        </button>
      </div>
      {add.error && <ErrorBox error={add.error} />}
      {done && (
        <p role="status" className="status-line">
          {t("noteAdded")}
        </p>
      )}
    </form>
  );
}

function CallForm({ c }: { c: Case }) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const [direction, setDirection] = useState<"inbound" | "outbound">("inbound");
  const [number, setNumber] = useState(c.contacts.find((k) => k.phone)?.phone ?? "");
  const [minutes, setMinutes] = useState("5");
  const [summary, setSummary] = useState("");
  const [done, setDone] = useState(false);
  const log = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/calls", {
          params: { path: { id: c.id } },
          body: {
            direction,
            number,
            durationSeconds: Math.max(0, Math.round(Number(minutes) * 60)),
            summary,
          },
        }),
      ),
    onSuccess: () => {
      setSummary("");
      setDone(true);
      refresh();
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        log.mutate();
      }}
    >
      <div className="row">
        <label>
          {t("callDirection")}
          <select
            value={direction}
            onChange={(e) => setDirection(e.target.value as "inbound" | "outbound")}
          >
            <option value="inbound">{t("inbound")}</option>
            <option value="outbound">{t("outbound")}</option>
          </select>
        </label>
        <label>
          {t("callNumber")}
          <input type="tel" value={number} onChange={(e) => setNumber(e.target.value)} required />
        </label>
        <label>
          {t("callMinutes")}
          <input
            type="number"
            min={0}
            step={0.5}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            required
          />
        </label>
      </div>
      <label>
        {t("callSummary")}
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} required />
      </label>
      <div>
        <button type="submit" className="primary" disabled={log.isPending || !summary.trim()}>
          {t("logCall")}
        </button>
      </div>
      {log.error && <ErrorBox error={log.error} />}
      {done && (
        <p role="status" className="status-line">
          {t("callLogged")}
        </p>
      )}
    </form>
  );
}

function ConsultForm({ c }: { c: Case }) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const [team, setTeam] = useState("");
  const [address, setAddress] = useState("");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [done, setDone] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/consultations", {
          params: { path: { id: c.id } },
          body: {
            ...(team.trim() ? { team: team.trim() } : {}),
            ...(address.trim() ? { address: address.trim() } : {}),
            subject,
            body,
          },
        }),
      ),
    onSuccess: () => {
      setSubject("");
      setBody("");
      setDone(true);
      refresh();
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        start.mutate();
      }}
    >
      <div className="row">
        <label>
          {t("consultTeam")}
          <input value={team} onChange={(e) => setTeam(e.target.value)} placeholder="network" />
        </label>
        <label>
          {t("consultAddress")}
          <input type="email" value={address} onChange={(e) => setAddress(e.target.value)} />
        </label>
      </div>
      <label>
        {t("consultSubject")}
        <input value={subject} onChange={(e) => setSubject(e.target.value)} required />
      </label>
      <label>
        {t("consultBody")}
        <textarea value={body} onChange={(e) => setBody(e.target.value)} required />
      </label>
      <div>
        <button type="submit" className="primary" disabled={start.isPending}>
          {t("startConsultation")}
        </button>
      </div>
      {start.error && <ErrorBox error={start.error} />}
      {done && (
        <p role="status" className="status-line">
          {t("consultationStarted")}
        </p>
      )}
    </form>
  );
}

// ---- the side: linked SIMs, consultations ---------------------------------------------------

interface SimContext {
  sim?: { state?: string } | null;
  connectivity?: { state?: string; reason?: string } | null;
  diagnosis?: { verdict?: string; overall?: string } | null;
}

function LinkedSims({ c, operator }: { c: Case; operator: boolean }) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const [iccid, setIccid] = useState("");
  const link = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/links", {
          params: { path: { id: c.id } },
          body: { iccid: iccid.replace(/[\s-]/g, "") },
        }),
      ),
    onSuccess: () => {
      setIccid("");
      refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (linkId: string) =>
      must(
        api.DELETE("/api/v1/cases/{id}/links/{subId}", {
          params: { path: { id: c.id, subId: linkId } },
        }),
      ),
    onSuccess: refresh,
  });
  const sims = c.links.filter((l) => l.kind === "sim");
  return (
    <section className="card side-card" aria-labelledby="sims-title">
      <h2 id="sims-title">{t("linkedSims")}</h2>
      {sims.length === 0 && <p className="muted">{t("linkedSimsEmpty")}</p>}
      {sims.map((l) => {
        const ctx = (l.context ?? {}) as SimContext;
        const overall = ctx.diagnosis?.overall;
        return (
          <div key={l.id} className="sim-link">
            <p>
              <Link className="mono" to={`/sims/${l.iccid}`}>
                {l.iccid}
              </Link>
            </p>
            <p>
              {t("simState")}: {ctx.sim?.state ?? "—"} · {t("connectivity")}:{" "}
              {ctx.connectivity?.state ?? "—"}
            </p>
            <p>
              <span className="visually-hidden">{t("diagnosis")}: </span>
              {ctx.diagnosis?.verdict ? (
                <>
                  <span
                    className={`badge ${overall === "ok" ? "ok" : overall === "fail" ? "bad" : "warn"}`}
                  >
                    {label(t, "overall", overall)}
                  </span>{" "}
                  {ctx.diagnosis.verdict}
                </>
              ) : (
                <span className="muted">{t("noDiagnosis")}</span>
              )}
            </p>
            {operator && (
              <button
                type="button"
                className="link"
                onClick={() => unlink.mutate(l.id)}
                disabled={unlink.isPending}
              >
                {t("unlink", { iccid: l.iccid ?? "" })}
              </button>
            )}
          </div>
        );
      })}
      {c.links
        .filter((l) => l.kind === "account")
        .map((l) => (
          <p key={l.id}>
            <Link to={`/accounts/${l.accountId}`}>
              {t("linkedAccount", { name: l.accountName ?? l.accountId ?? "" })}
            </Link>
          </p>
        ))}
      {unlink.error && <ErrorBox error={unlink.error} />}
      {operator && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate();
          }}
        >
          <label>
            {t("linkIccid")}
            <input
              value={iccid}
              onChange={(e) => setIccid(e.target.value)}
              inputMode="numeric"
              required
            />
          </label>
          <button type="submit" disabled={link.isPending}>
            {t("linkSim")}
          </button>
        </form>
      )}
      {link.error && <ErrorBox error={link.error} />}
    </section>
  );
}

function Consultations({ c }: { c: Case }) {
  const t = useT(messages);
  return (
    <section className="card side-card" aria-labelledby="consultations-title">
      <h2 id="consultations-title">{t("consultations")}</h2>
      {c.consultations.length === 0 ? (
        <p className="muted">{t("consultationsEmpty")}</p>
      ) : (
        c.consultations.map((k) => <ConsultationItem key={k.id} c={c} k={k} />)
      )}
    </section>
  );
}

function ConsultationItem({ c, k }: { c: Case; k: Case["consultations"][number] }) {
  const t = useT(messages);
  const refresh = useRefresh(c.id);
  const [body, setBody] = useState("");
  const [answer, setAnswer] = useState(true);
  const reply = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/consultations/{subId}/replies", {
          params: { path: { id: c.id, subId: k.id } },
          body: { body, answer },
        }),
      ),
    onSuccess: () => {
      setBody("");
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/consultations/{subId}/close", {
          params: { path: { id: c.id, subId: k.id } },
        }),
      ),
    onSuccess: refresh,
  });
  const key = `cons-${k.id}`;
  return (
    <div className="consultation-item">
      <p>
        <strong>{k.subject}</strong>{" "}
        <span className={`badge ${k.state === "open" ? "warn" : "neutral"}`}>
          {label(t, "consultState", k.state)}
        </span>
      </p>
      <p className="muted">{t("consultWith", { who: k.team ?? k.address ?? "—" })}</p>
      {k.state !== "closed" && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            reply.mutate();
          }}
        >
          <label htmlFor={`${key}-body`}>{t("consultReply")}</label>
          <textarea
            id={`${key}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            rows={3}
          />
          <label style={{ flexDirection: "row", alignItems: "center", fontWeight: 400 }}>
            <input type="checkbox" checked={answer} onChange={(e) => setAnswer(e.target.checked)} />
            {t("consultIsAnswer")}
          </label>
          <div className="row">
            <button type="submit" disabled={reply.isPending || !body.trim()}>
              {t("sendConsultReply")}
            </button>
            <button type="button" onClick={() => close.mutate()} disabled={close.isPending}>
              {t("closeConsultation")}
            </button>
          </div>
        </form>
      )}
      {reply.error && <ErrorBox error={reply.error} />}
      {close.error && <ErrorBox error={close.error} />}
    </div>
  );
}
