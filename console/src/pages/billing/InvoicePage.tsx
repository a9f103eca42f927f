import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { api, fileUrl, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useT } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorBox, PageTitle, QueryView } from "../../ui/states";
import { AccountLink } from "../automation/AccountLink";
import { billingMessages } from "./messages";
import {
  fetchInvoice,
  type Invoice,
  invoiceKey,
  InvoiceTitle,
  StatusBadge,
  useDay,
  useDecimal,
  useMoney,
  useUnitWord,
} from "./shared";
import "./billing.css";

/** /invoices/:id — an invoice or credit note with its lines, each explained on its own page. */
export default function InvoicePage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  // Opened from a billing case: the explanation pages offer to put their text into its reply.
  const caseId = params.get("case");
  const query = useQuery({ queryKey: invoiceKey(id), queryFn: () => fetchInvoice(id) });
  return (
    <section className="billing">
      <QueryView query={query} notFound>
        {(invoice) => <InvoiceView invoice={invoice} caseId={caseId} />}
      </QueryView>
    </section>
  );
}

function InvoiceView({ invoice, caseId }: { invoice: Invoice; caseId: string | null }) {
  const t = useT(billingMessages);
  const money = useMoney();
  const decimal = useDecimal();
  const unitWord = useUnitWord();
  const day = useDay();
  const me = useMe();
  const operator = isOperator(me);
  const cur = invoice.currency;
  const suffix = caseId ? `?case=${encodeURIComponent(caseId)}` : "";
  const title = invoice.number ?? t("draft");
  return (
    <>
      <PageTitle title={title}>
        <InvoiceTitle invoice={invoice} />
      </PageTitle>
      <p>
        <StatusBadge status={invoice.status} /> {invoice.subAccount && <>{t("subAccount")} </>}
        <AccountLink id={invoice.accountId} />
        {invoice.scope === "account" && <> ({t("ownAccountOnly")})</>} ·{" "}
        {t("cycleRange", { start: day(invoice.cycleStart), end: day(invoice.cycleEnd) })}
        {invoice.creditedInvoiceId && (
          <>
            {" "}
            · {t("creditedInvoice")}{" "}
            <Link to={`/invoices/${invoice.creditedInvoiceId}`}>{invoice.creditedInvoiceId}</Link>
          </>
        )}
      </p>
      {invoice.flags.length > 0 && (
        <div className="card" role="note">
          <h2>{t("flags")}</h2>
          <ul>
            {invoice.flags.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>{t("lines")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("lineN")}</th>
            <th scope="col">{t("description")}</th>
            <th scope="col" className="num">
              {t("quantity")}
            </th>
            <th scope="col" className="num">
              {t("unitPrice")}
            </th>
            <th scope="col" className="num">
              {t("amount")}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t("explain")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((l) => (
            <tr key={l.n}>
              <td>{l.n}</td>
              <td>
                {l.descriptionText ?? l.description}
                {l.flags.length > 0 && <div className="muted">{l.flags.join(", ")}</div>}
              </td>
              <td className="num">
                {decimal(l.quantity)} {unitWord(l.unit)}
              </td>
              <td className="num">{money(l.unitPrice, cur, true)}</td>
              <td className="num">{money(l.amount, cur)}</td>
              <td>
                <Link
                  to={`/invoices/${invoice.id}/lines/${l.n}${suffix}`}
                  aria-label={t("explainLine", { n: l.n })}
                >
                  {t("explain")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals">
        <dt>{t("subtotal")}</dt>
        <dd>{money(invoice.subtotal, cur)}</dd>
        <dt>{t("vat", { rate: decimal(invoice.vatRate) })}</dt>
        <dd>{money(invoice.vatAmount, cur)}</dd>
        <dt>
          <strong>{t("total")}</strong>
        </dt>
        <dd>
          <strong>{money(invoice.total, cur)}</strong>
        </dd>
      </dl>
      {invoice.reverseCharge && <p>{t("reverseCharge")}</p>}
      {invoice.notes.length > 0 && (
        <>
          <h2>{t("notes")}</h2>
          <ul>
            {(invoice.notesText ?? invoice.notes).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <p className="row">
        <a href={fileUrl(`/api/v1/invoices/${invoice.id}/lines.csv`)} download>
          {t("downloadCsv")}
        </a>
        <Link
          to={`/invoices/compare?account=${invoice.accountId}&to=${invoice.cycleStart.slice(0, 7)}`}
        >
          {t("compareCycles")}
        </Link>
      </p>
      {operator &&
        invoice.kind === "invoice" &&
        invoice.status === "draft" &&
        me.role === "operator_admin" && <IssueAction invoice={invoice} />}
      {operator &&
        invoice.kind === "invoice" &&
        invoice.status === "issued" &&
        me.role === "operator_admin" && <CreditForm invoice={invoice} />}
    </>
  );
}

function IssueAction({ invoice }: { invoice: Invoice }) {
  const t = useT(billingMessages);
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const issue = useMutation({
    mutationFn: () =>
      must(api.POST("/api/v1/invoices/{id}/issue", { params: { path: { id: invoice.id } } })),
    onSuccess: (issued) => {
      setOpen(false);
      client.setQueryData(invoiceKey(invoice.id), issued);
      void client.invalidateQueries({ queryKey: ["invoices", "list"] });
    },
  });
  return (
    <div className="card">
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {t("issue")}
      </button>
      <ConfirmDialog
        open={open}
        title={t("issueConfirmTitle")}
        confirmLabel={t("issue")}
        busy={issue.isPending}
        onConfirm={() => issue.mutate()}
        onClose={() => setOpen(false)}
      >
        <p>{t("issueConfirmText")}</p>
        {issue.error && <ErrorBox error={issue.error} />}
      </ConfirmDialog>
      {issue.data?.number && <p role="status">{t("issuedDone", { number: issue.data.number })}</p>}
    </div>
  );
}

function CreditForm({ invoice }: { invoice: Invoice }) {
  const t = useT(billingMessages);
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const [description, setDescription] = useState("");
  const [amount, setAmount] = useState("");
  const credit = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/invoices/{id}/credit-notes", {
          params: { path: { id: invoice.id } },
          body: { reason, lines: [{ description, amount: amount.replace(",", ".") }] },
        }),
      ),
    onSuccess: () => {
      setReason("");
      setDescription("");
      setAmount("");
      void client.invalidateQueries({ queryKey: ["invoices", "list"] });
    },
  });
  return (
    <form
      className="card stack"
      aria-labelledby="credit-title"
      onSubmit={(e) => {
        e.preventDefault();
        credit.mutate();
      }}
    >
      <h2 id="credit-title">{t("credit")}</h2>
      <label>
        {t("creditReason")}
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <div className="row">
        <label>
          {t("creditDescription")}
          <input value={description} onChange={(e) => setDescription(e.target.value)} required />
        </label>
        <label>
          {t("creditAmount")}
          <input
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            required
          />
        </label>
        <button type="submit" disabled={credit.isPending}>
          {t("credit")}
        </button>
      </div>
      {credit.error && <ErrorBox error={credit.error} />}
      {credit.data && (
        <p role="status">
          <Link to={`/invoices/${credit.data.id}`}>
            {t("creditDone", { number: credit.data.number ?? "" })}
          </Link>
        </p>
      )}
    </form>
  );
}
