import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useT } from "../../i18n";
import { ErrorBox } from "../../ui/states";
import { billingMessages } from "../billing/messages";
import { InvoiceTitle, StatusBadge, useMoney } from "../billing/shared";
import "../billing/billing.css";

type Case = paths["/api/v1/cases/{id}"]["get"]["responses"][200]["content"]["application/json"];

/**
 * A billing case's invoices: each linked invoice with its lines, a link to each line's explanation,
 * and "insert explanation", which puts the line's explanation — as text in the customer's language
 * — into the reply editor.
 */
export function CaseInvoices({
  c,
  operator,
  refresh,
  onInsert,
  inserting,
}: {
  c: Case;
  operator: boolean;
  refresh: () => void;
  onInsert: (invoiceId: string, n: number) => void;
  inserting: boolean;
}) {
  const t = useT(billingMessages);
  const money = useMoney();
  const [invoiceId, setInvoiceId] = useState("");
  const linked = c.links.filter((l) => l.kind === "invoice");
  const customerInvoices = useQuery({
    queryKey: ["invoices", "list", c.accountId, "for-case"],
    queryFn: () =>
      must(
        api.GET("/api/v1/invoices", {
          params: { query: { accountId: c.accountId!, limit: 50 } },
        }),
      ),
    enabled: operator && !!c.accountId,
  });
  const link = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/cases/{id}/links", {
          params: { path: { id: c.id } },
          body: { invoiceId },
        }),
      ),
    onSuccess: () => {
      setInvoiceId("");
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
  const choices = (customerInvoices.data?.items ?? []).filter(
    (i) => !linked.some((l) => l.invoiceId === i.id),
  );
  return (
    <section className="card side-card case-invoices" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t("caseInvoices")}</h2>
      {linked.length === 0 && <p className="muted">{t("caseInvoicesEmpty")}</p>}
      {linked.map((l) => {
        const inv = l.invoice;
        if (!inv)
          return (
            <p key={l.id} className="muted">
              {t("notVisible")}
            </p>
          );
        const name = inv.number ?? t("draft");
        return (
          <div key={l.id}>
            <p>
              <Link to={`/invoices/${inv.id}?case=${c.id}`}>
                <InvoiceTitle invoice={inv} />
              </Link>{" "}
              <StatusBadge status={inv.status} /> · {money(inv.total, inv.currency)}
            </p>
            <ol>
              {inv.lines.map((line) => (
                <li key={line.n} value={line.n}>
                  <Link to={`/invoices/${inv.id}/lines/${line.n}?case=${c.id}`}>
                    {line.description}
                  </Link>{" "}
                  <span className="num">{money(line.amount, inv.currency)}</span>
                  {operator && (
                    <div>
                      <button
                        type="button"
                        className="link"
                        disabled={inserting}
                        onClick={() => onInsert(inv.id, line.n)}
                      >
                        {t("insertExplanation", { n: line.n })}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
            {operator && (
              <button
                type="button"
                className="link"
                onClick={() => unlink.mutate(l.id)}
                disabled={unlink.isPending}
              >
                {t("unlink", { number: name })}
              </button>
            )}
          </div>
        );
      })}
      {unlink.error && <ErrorBox error={unlink.error} />}
      {operator && c.accountId && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate();
          }}
        >
          <label>
            {t("linkInvoice")}
            <select value={invoiceId} onChange={(e) => setInvoiceId(e.target.value)} required>
              <option value="">{t("chooseInvoice")}</option>
              {choices.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.number ?? t("draft")} · {i.cycleStart} · {money(i.total, i.currency)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={link.isPending || !invoiceId}>
            {t("link")}
          </button>
        </form>
      )}
      {customerInvoices.error && <ErrorBox error={customerInvoices.error} />}
      {link.error && <ErrorBox error={link.error} />}
    </section>
  );
}
