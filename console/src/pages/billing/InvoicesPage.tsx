import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useT } from "../../i18n";
import { AccountLink } from "../automation/AccountLink";
import { Empty, ErrorBox, Loading, PageTitle } from "../../ui/states";
import { billingMessages } from "./messages";
import { InvoiceTitle, StatusBadge, useDay, useMoney } from "./shared";
import "./billing.css";

/** The customers an operator bills: the operator's own children (a customer sees only itself). */
export function useCustomers(enabled: boolean) {
  return useQuery({
    queryKey: ["accounts", "customers"],
    queryFn: () => must(api.GET("/api/v1/accounts", { params: { query: { limit: 1000 } } })),
    enabled,
    staleTime: 60_000,
  });
}

/** /invoices: invoices and credit notes, filtered by customer, state and cycle, newest cycle first. */
export default function InvoicesPage() {
  const t = useT(billingMessages);
  const money = useMoney();
  const day = useDay();
  const me = useMe();
  const operator = isOperator(me);
  const [params, setParams] = useSearchParams();
  const accountId = params.get("account") ?? "";
  const status = (params.get("state") ?? "") as "" | "draft" | "issued";
  const cycle = params.get("cycle") ?? "";
  const [form, setForm] = useState({ accountId, status, cycle });
  const customers = useCustomers(operator);
  const invoices = useInfiniteQuery({
    queryKey: ["invoices", "list", accountId, status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/invoices", {
          params: {
            query: {
              limit: 100,
              ...(accountId && { accountId }),
              ...(status && { status }),
              ...(pageParam && { cursor: pageParam }),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // The API lists newest cycle first; a cycle (a month) narrows the pages already read.
  const items = (invoices.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (i) => !cycle || i.cycleStart.startsWith(cycle),
  );
  return (
    <section className="billing">
      <PageTitle title={t("invoicesTitle")}>{t("invoicesTitle")}</PageTitle>
      <p className="muted">{t("invoicesIntro")}</p>
      <form
        className="row filters"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          if (form.accountId) next.set("account", form.accountId);
          if (form.status) next.set("state", form.status);
          if (form.cycle) next.set("cycle", form.cycle);
          setParams(next);
        }}
      >
        {operator && (
          <label>
            {t("customer")}
            <select
              value={form.accountId}
              onChange={(e) => setForm({ ...form, accountId: e.target.value })}
            >
              <option value="">{t("anyCustomer")}</option>
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
          {t("state")}
          <select
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.target.value as typeof status })}
          >
            <option value="">{t("anyState")}</option>
            <option value="draft">{t("draft")}</option>
            <option value="issued">{t("issued")}</option>
          </select>
        </label>
        <label>
          {t("cycle")}
          <input
            type="month"
            value={form.cycle}
            onChange={(e) => setForm({ ...form, cycle: e.target.value })}
          />
        </label>
        <button type="submit">{t("filter")}</button>
        <Link to="/invoices/compare" className="push-right">
          {t("compareCycles")}
        </Link>
      </form>
      {invoices.isPending && <Loading />}
      {invoices.error && <ErrorBox error={invoices.error} onRetry={() => invoices.refetch()} />}
      {invoices.data &&
        (items.length === 0 ? (
          <Empty>{t("noInvoices")}</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                {operator && <th scope="col">{t("customer")}</th>}
                <th scope="col">{t("subAccount")}</th>
                <th scope="col">{t("cycle")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col" className="num">
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/invoices/${i.id}`}>
                      <InvoiceTitle invoice={i} />
                    </Link>
                  </td>
                  {operator && (
                    <td>
                      <AccountLink id={i.subAccount?.customerId ?? i.accountId} />
                    </td>
                  )}
                  <td>
                    {i.subAccount?.name ?? (i.scope === "account" ? t("ownAccountOnly") : "—")}
                  </td>
                  <td>{t("cycleRange", { start: day(i.cycleStart), end: day(i.cycleEnd) })}</td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td className="num">{money(i.total, i.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {invoices.hasNextPage && (
        <button
          type="button"
          onClick={() => invoices.fetchNextPage()}
          disabled={invoices.isFetchingNextPage}
        >
          {t("loadMore")}
        </button>
      )}
    </section>
  );
}
