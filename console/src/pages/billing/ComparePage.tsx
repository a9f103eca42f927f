import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle } from "../../ui/states";
import { useCustomers } from "./InvoicesPage";
import { billingMessages } from "./messages";
import "./billing.css";

/** The month before `period` (2026-11 → 2026-10). */
function monthBefore(period: string) {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** /invoices/compare — what changed between two cycles of a customer, sentence by sentence. */
export default function ComparePage() {
  const t = useT(billingMessages);
  const f = useFormat();
  const me = useMe();
  const operator = isOperator(me);
  const [params, setParams] = useSearchParams();
  const accountId = params.get("account") ?? (operator ? "" : me.accountId);
  const to = params.get("to") ?? "";
  const from = params.get("from") ?? (to ? monthBefore(to) : "");
  const [form, setForm] = useState({ accountId, from, to });
  const customers = useCustomers(operator);
  const ready = Boolean(accountId && from && to);
  const compare = useQuery({
    queryKey: ["billing", "compare", accountId, from, to],
    queryFn: () =>
      must(
        api.GET("/api/v1/accounts/{id}/billing/compare", {
          params: { path: { id: accountId }, query: { from, to } },
        }),
      ),
    enabled: ready,
  });
  return (
    <section className="billing">
      <PageTitle title={t("compareTitle")}>{t("compareTitle")}</PageTitle>
      <p className="muted">{t("compareIntro")}</p>
      <form
        className="row filters"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(new URLSearchParams({ account: form.accountId, from: form.from, to: form.to }));
        }}
      >
        {operator && (
          <label>
            {t("customer")}
            <select
              value={form.accountId}
              onChange={(e) => setForm({ ...form, accountId: e.target.value })}
              required
            >
              <option value="">{t("chooseCustomer")}</option>
              {customers.data?.items
                .filter((a) => a.kind === "customer")
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label>
          {t("from")}
          <input
            type="month"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            required
          />
        </label>
        <label>
          {t("to")}
          <input
            type="month"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            required
          />
        </label>
        <button type="submit">{t("compare")}</button>
      </form>
      {!ready && <Empty>{t("chooseCustomer")}</Empty>}
      {ready && compare.isPending && <Loading />}
      {compare.error && <ErrorBox error={compare.error} onRetry={() => compare.refetch()} />}
      {compare.data && (
        <>
          <p>
            <Link to={`/invoices/${compare.data.from.invoiceId}`}>
              {compare.data.from.cycleStart}
            </Link>{" "}
            →{" "}
            <Link to={`/invoices/${compare.data.to.invoiceId}`}>{compare.data.to.cycleStart}</Link>
          </p>
          <ul className="stack">
            {compare.data.sentences.map((s, i) => (
              <li key={i} className="card">
                <p className="sentence">{s.message.text}</p>
                <dl className="totals figures">
                  {Object.entries(s.figures).map(([k, v]) => (
                    <div key={k} style={{ display: "contents" }}>
                      <dt>{k}</dt>
                      <dd>{typeof v === "number" ? f.number(v) : v}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
