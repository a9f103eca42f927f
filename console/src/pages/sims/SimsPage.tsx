import { useWords } from "../../i18n/words";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { useMe } from "../../auth/session";
import type { paths } from "../../api/schema";
import { common } from "../../i18n/common";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle, QueryView } from "../../ui/states";
import { simsListMessages } from "./sims-list.messages";
import "./sims-list.css";

type ListQuery = NonNullable<paths["/api/v1/sims"]["get"]["parameters"]["query"]>;
type SimRow =
  paths["/api/v1/sims"]["get"]["responses"][200]["content"]["application/json"]["items"][number];
type SimState = NonNullable<ListQuery["state"]>;
type Connectivity = NonNullable<ListQuery["connectivity"]>;
type CustomField = NonNullable<ListQuery["customField"]>;

const STATES: SimState[] = [
  "TEST_READY",
  "INVENTORY",
  "ACTIVATION_READY",
  "ACTIVATED",
  "DEACTIVATED",
  "RETIRED",
  "PURGED",
  "REPLACED",
];
const CONNECTIVITY: Connectivity[] = ["ONLINE", "ATTACHED", "OFFLINE", "BLOCKED"];
const CUSTOM_FIELDS = [
  ...Array.from({ length: 10 }, (_, i) => `accountCustom${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `operatorCustom${i + 1}`),
] as CustomField[];
const PAGE_SIZE = 50;
const BADGE: Record<Connectivity, string> = {
  ONLINE: "ok",
  ATTACHED: "ok",
  OFFLINE: "warn",
  BLOCKED: "bad",
};

/** The filters of the list as the address holds them: a filtered list is a link to share. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const filters = {
    accountId: get("accountId"),
    state: get("state") as SimState | undefined,
    communicationPlan: get("communicationPlan"),
    ratePlan: get("ratePlan"),
    connectivity: get("connectivity") as Connectivity | undefined,
    customField: get("customField") as CustomField | undefined,
    customValue: get("customField") ? get("customValue") : undefined,
  };
  const cursor = get("cursor");
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    // Another filter is another list: back to its first page.
    if (!("cursor" in patch)) next.delete("cursor");
    setParams(next);
  };
  return { filters, cursor, set, clear: () => setParams(new URLSearchParams()) };
}

export default function SimsPage() {
  const t = useT(simsListMessages);
  const c = useT(common);
  const words = useWords();
  const fmt = useFormat();
  // A customer's plain user reads SIMs but changes none (docs/permissions.md: sims:write).
  const canChange = useMe().role !== "customer_user";
  const { filters, cursor, set, clear } = useFilters();
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const filterKey = JSON.stringify(filters);
  // A new filter: the selection and the way back belong to the old list.
  useEffect(() => {
    setSelected(new Set());
    setPrevious([]);
  }, [filterKey]);

  const accounts = useQuery({
    queryKey: ["accounts", "all"],
    queryFn: () => must(api.GET("/api/v1/accounts", { params: { query: { limit: 1000 } } })),
    staleTime: 60_000,
  });
  const commPlans = useQuery({
    queryKey: ["communication-plans"],
    queryFn: () => must(api.GET("/api/v1/communication-plans")),
    staleTime: 60_000,
  });
  const ratePlans = useQuery({
    queryKey: ["rate-plans"],
    queryFn: () => must(api.GET("/api/v1/rate-plans")),
    staleTime: 60_000,
  });
  // A custom field filters once it has a value to match (the API needs both).
  const query = {
    ...filters,
    customField: filters.customValue !== undefined ? filters.customField : undefined,
  };
  const list = useQuery({
    queryKey: ["sims", "list", filterKey, cursor],
    queryFn: () =>
      must(api.GET("/api/v1/sims", { params: { query: { ...query, cursor, limit: PAGE_SIZE } } })),
  });
  const count = useQuery({
    queryKey: ["sims", "count", filterKey],
    queryFn: () =>
      must(api.GET("/api/v1/sims/count", { params: { query: { ...query, by: "connectivity" } } })),
  });
  const accountName = useMemo(
    () => new Map((accounts.data?.items ?? []).map((a) => [a.id, a.name])),
    [accounts.data],
  );
  // A sub-account reads "Customer › Region": two "North" accounts stay apart.
  const customers = (accounts.data?.items ?? [])
    .filter((a) => a.kind === "customer")
    .map((a) => {
      const parent = a.parentId ? accountName.get(a.parentId) : undefined;
      const isSub = accounts.data?.items.some((p) => p.id === a.parentId && p.kind === "customer");
      return { id: a.id, label: isSub && parent ? `${parent} › ${a.name}` : a.name };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  const anyFilter = Object.values(filters).some((v) => v !== undefined);

  const rows = list.data?.items ?? [];
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.iccid));
  const toggle = (iccid: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(iccid)) next.delete(iccid);
      else next.add(iccid);
      return next;
    });
  const togglePage = () =>
    setSelected((s) => {
      const next = new Set(s);
      for (const r of rows) {
        if (allOnPage) next.delete(r.iccid);
        else next.add(r.iccid);
      }
      return next;
    });

  return (
    <>
      <PageTitle title={t("title")}>{t("title")}</PageTitle>
      <form className="card sims-filters" onSubmit={(e) => e.preventDefault()}>
        <h2 className="visually-hidden">{t("filters")}</h2>
        <div className="row">
          <label>
            {t("account")}
            <select
              value={filters.accountId ?? ""}
              onChange={(e) => set({ accountId: e.target.value })}
            >
              <option value="">{t("anyAccount")}</option>
              {customers.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("state")}
            <select value={filters.state ?? ""} onChange={(e) => set({ state: e.target.value })}>
              <option value="">{t("anyState")}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {words.state(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("connectivity")}
            <select
              value={filters.connectivity ?? ""}
              onChange={(e) => set({ connectivity: e.target.value })}
            >
              <option value="">{t("anyConnectivity")}</option>
              {CONNECTIVITY.map((s) => (
                <option key={s} value={s}>
                  {words.connectivity(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("communicationPlan")}
            <select
              value={filters.communicationPlan ?? ""}
              onChange={(e) => set({ communicationPlan: e.target.value })}
            >
              <option value="">{t("anyPlan")}</option>
              {(commPlans.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("ratePlan")}
            <select
              value={filters.ratePlan ?? ""}
              onChange={(e) => set({ ratePlan: e.target.value })}
            >
              <option value="">{t("anyPlan")}</option>
              {(ratePlans.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <CustomFieldFilter
            field={filters.customField}
            value={filters.customValue}
            onChange={(field, value) => set({ customField: field, customValue: value })}
          />
          {anyFilter && (
            <button type="button" onClick={clear}>
              {t("clearFilters")}
            </button>
          )}
        </div>
      </form>

      {count.data && (
        <p className="sims-count" aria-live="polite">
          <strong>{t("matching", { n: fmt.number(count.data.total) })}</strong>
          {count.data.groups.map((g) => (
            <span key={g.key ?? "none"} className={`badge ${BADGE[g.key as Connectivity] ?? ""}`}>
              {g.key} {fmt.number(g.count)}
            </span>
          ))}
        </p>
      )}
      {count.error && <ErrorBox error={count.error} onRetry={() => count.refetch()} />}

      {selected.size > 0 && (
        <BulkChange iccids={[...selected]} onClear={() => setSelected(new Set())} />
      )}

      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{anyFilter ? t("empty") : t("emptyFleet")}</Empty>
          ) : (
            <>
              <table className="sims-table">
                <thead>
                  <tr>
                    {canChange && (
                      <th scope="col">
                        <input
                          type="checkbox"
                          aria-label={t("selectPage")}
                          checked={allOnPage}
                          onChange={togglePage}
                        />
                      </th>
                    )}
                    <th scope="col">{t("iccid")}</th>
                    <th scope="col">{t("imsi")}</th>
                    <th scope="col">{t("msisdn")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col">{t("connectivity")}</th>
                    <th scope="col">{t("plans")}</th>
                    <th scope="col">{t("customer")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <SimLine
                      key={s.iccid}
                      sim={s}
                      selectable={canChange}
                      checked={selected.has(s.iccid)}
                      onToggle={() => toggle(s.iccid)}
                      label={t("select", { iccid: s.iccid })}
                      accountName={accountName.get(s.accountId)}
                    />
                  ))}
                </tbody>
              </table>
              <nav className="row sims-paging" aria-label={t("pageOf", { n: previous.length + 1 })}>
                <button
                  type="button"
                  disabled={previous.length === 0}
                  onClick={() => {
                    const back = previous[previous.length - 1];
                    setPrevious((p) => p.slice(0, -1));
                    set({ cursor: back });
                  }}
                >
                  {c("previous")}
                </button>
                <span className="muted">{t("pageOf", { n: previous.length + 1 })}</span>
                <button
                  type="button"
                  disabled={!data.nextCursor}
                  onClick={() => {
                    setPrevious((p) => [...p, cursor]);
                    set({ cursor: data.nextCursor ?? undefined });
                  }}
                >
                  {c("next")}
                </button>
              </nav>
            </>
          )
        }
      </QueryView>
    </>
  );
}

function SimLine({
  sim,
  selectable,
  checked,
  onToggle,
  label,
  accountName,
}: {
  sim: SimRow;
  selectable: boolean;
  checked: boolean;
  onToggle: () => void;
  label: string;
  accountName: string | undefined;
}) {
  const words = useWords();
  return (
    <tr className={checked ? "selected" : undefined}>
      {selectable && (
        <td>
          <input type="checkbox" aria-label={label} checked={checked} onChange={onToggle} />
        </td>
      )}
      <td>
        <Link to={`/sims/${sim.iccid}`} className="mono">
          {sim.iccid}
        </Link>
      </td>
      <td className="mono">{sim.imsi}</td>
      <td className="mono">{sim.msisdn ? `+${sim.msisdn}` : "—"}</td>
      <td title={sim.state}>{words.state(sim.state)}</td>
      <td>
        <span className={`badge ${BADGE[sim.connectivity]}`} title={sim.connectivity}>
          {words.connectivity(sim.connectivity)}
        </span>
      </td>
      <td>
        {sim.communicationPlan?.name ?? "—"}
        <br />
        <span className="muted">{sim.ratePlan?.name ?? "—"}</span>
      </td>
      <td>
        <Link to={`/accounts/${sim.accountId}`}>{accountName ?? sim.accountId}</Link>
      </td>
    </tr>
  );
}

/** A custom field and the value to match; the value applies on Enter or the button, not per key. */
function CustomFieldFilter({
  field,
  value,
  onChange,
}: {
  field: CustomField | undefined;
  value: string | undefined;
  onChange: (field: string | undefined, value: string | undefined) => void;
}) {
  const t = useT(simsListMessages);
  const [draft, setDraft] = useState(value ?? "");
  useEffect(() => setDraft(value ?? ""), [value]);
  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    onChange(field, draft);
  };
  return (
    <>
      <label>
        {t("customField")}
        <select
          value={field ?? ""}
          onChange={(e) =>
            onChange(e.target.value || undefined, e.target.value ? draft : undefined)
          }
        >
          <option value="">{t("noCustomField")}</option>
          {CUSTOM_FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      {field && (
        <>
          <label>
            {t("customValue")}
            <input
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && apply(e)}
            />
          </label>
          <button type="button" onClick={() => apply()}>
            {t("applyValue")}
          </button>
        </>
      )}
    </>
  );
}

type Kind = "state" | "communicationPlan" | "ratePlan";

/** The change for the selected SIMs: what, to which value, why; confirmed in a dialog, run as a job. */
function BulkChange({ iccids, onClear }: { iccids: string[]; onClear: () => void }) {
  const t = useT(simsListMessages);
  const c = useT(common);
  const words = useWords();
  const fmt = useFormat();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<Kind>("state");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const commPlans = useQuery({
    queryKey: ["communication-plans"],
    queryFn: () => must(api.GET("/api/v1/communication-plans")),
    enabled: kind === "communicationPlan",
  });
  const ratePlans = useQuery({
    queryKey: ["rate-plans"],
    queryFn: () => must(api.GET("/api/v1/rate-plans")),
    enabled: kind === "ratePlan",
  });
  const choices: { value: string; label: string }[] =
    kind === "state"
      ? STATES.map((s) => ({ value: s, label: words.state(s) }))
      : ((kind === "communicationPlan" ? commPlans.data?.items : ratePlans.data?.items) ?? []).map(
          (p) => ({ value: p.id, label: p.name }),
        );
  const start = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/sims/bulk", {
          body: {
            iccids,
            change:
              kind === "state"
                ? { state: value as SimState }
                : kind === "communicationPlan"
                  ? { communicationPlan: value }
                  : { ratePlan: value },
            reason: reason.trim() || undefined,
            dryRun: false,
          },
        }),
      ),
    onSuccess: (res) => {
      dialog.current?.close();
      onClear();
      void navigate(`/jobs/${res.jobId}`);
    },
  });
  const what = {
    state: t("bulkState"),
    communicationPlan: t("bulkCommunicationPlan"),
    ratePlan: t("bulkRatePlan"),
  }[kind];
  const valueLabel = choices.find((x) => x.value === value)?.label ?? value;
  return (
    <section className="card sims-bulk" aria-labelledby="sims-bulk-title">
      <h2 id="sims-bulk-title">
        {t("bulkTitle")}{" "}
        <span className="muted">({t("selected", { n: fmt.number(iccids.length) })})</span>
      </h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          start.reset();
          dialog.current?.showModal();
        }}
      >
        <label>
          {t("bulkWhat")}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setValue("");
            }}
          >
            <option value="state">{t("state")}</option>
            <option value="communicationPlan">{t("communicationPlan")}</option>
            <option value="ratePlan">{t("ratePlan")}</option>
          </select>
        </label>
        <label>
          {t("bulkValue")}
          <select required value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">{t("choose")}</option>
            {choices.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label className="sims-reason">
          {c("reason")}
          <input
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="sims-reason-hint"
          />
          <span id="sims-reason-hint" className="muted">
            {t("reasonHint")}
          </span>
        </label>
        <button type="submit" className="primary">
          {t("review")}
        </button>
        <button type="button" onClick={onClear}>
          {t("clearSelection")}
        </button>
      </form>
      <dialog ref={dialog} aria-labelledby="sims-bulk-confirm">
        <h2 id="sims-bulk-confirm">{t("confirmTitle", { n: fmt.number(iccids.length) })}</h2>
        <p>{t("confirmText", { what, value: valueLabel, n: fmt.number(iccids.length) })}</p>
        {reason.trim() && (
          <p>
            {c("reason")}: {reason.trim()}
          </p>
        )}
        {start.error && <ErrorBox error={start.error} />}
        {start.isPending && <Loading label={t("starting")} />}
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {t("start")}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {c("cancel")}
          </button>
        </div>
      </dialog>
    </section>
  );
}
