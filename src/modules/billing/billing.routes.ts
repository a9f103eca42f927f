import { pipeline, Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { csvWriter } from "../../lib/csv.js";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { BillingService } from "./billing.service.js";
import {
  accountIdParams,
  billingProfileInput,
  billingProfileOut,
  billingRunInput,
  billingRunOut,
  compareOut,
  compareQuery,
  creditNoteInput,
  cycleToDateOut,
  simCycleToDateOut,
  simIccidParams,
  explanationOut,
  explanationQuery,
  invoiceIdParams,
  invoiceListQuery,
  invoiceOut,
  invoicePage,
  lineParams,
  mailOut,
} from "./billing.schemas.js";

/** Billing: profiles, runs, invoices, credit notes, explanations and comparisons. */
export const billingRoutes =
  (s: { billing: BillingService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["billing"];

    app.get(
      "/api/v1/accounts/:id/billing-profile",
      {
        schema: {
          operationId: "getBillingProfile",
          tags,
          summary:
            "An account's billing profile, with what invoices take from the account and the VAT that applies",
          params: accountIdParams,
          response: { 200: billingProfileOut, ...errorResponses },
        },
      },
      async (req) => s.billing.getProfile(principalOf(req), req.params.id),
    );

    app.put(
      "/api/v1/accounts/:id/billing-profile",
      {
        schema: {
          operationId: "putBillingProfile",
          tags,
          summary: "Set an account's billing cycle, country and billing contact",
          params: accountIdParams,
          body: billingProfileInput,
          response: { 200: billingProfileOut, ...errorResponses },
        },
      },
      async (req) => s.billing.putProfile(principalOf(req), req.params.id, req.body),
    );

    app.post(
      "/api/v1/billing-runs",
      {
        schema: {
          operationId: "startBillingRun",
          tags,
          summary: "Rate a month's cycle into draft invoices, as a resumable job",
          body: billingRunInput,
          response: { 202: billingRunOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await s.billing.startRun(principalOf(req), req.body)),
    );

    app.get(
      "/api/v1/invoices",
      {
        schema: {
          operationId: "listInvoices",
          tags,
          summary: "Invoices and credit notes, newest cycle first (customers see issued ones)",
          querystring: invoiceListQuery,
          response: { 200: invoicePage, ...errorResponses },
        },
      },
      async (req) => s.billing.list(principalOf(req), req.query),
    );

    app.get(
      "/api/v1/invoices/:id",
      {
        schema: {
          operationId: "getInvoice",
          tags,
          summary: "An invoice or credit note with its lines",
          params: invoiceIdParams,
          response: { 200: invoiceOut, ...errorResponses },
        },
      },
      async (req) => s.billing.get(principalOf(req), req.params.id),
    );

    app.get(
      "/api/v1/invoices/:id/lines.csv",
      {
        schema: {
          operationId: "downloadInvoiceLines",
          tags,
          description:
            "The invoice's lines as CSV: n, kind, description, quantity, unit, unit_price, amount, currency, flags, sub_account (the sub-account billed when the customer is invoiced per sub-account, else empty). A cell that would start a spreadsheet formula is prefixed with a single quote.",
          params: invoiceIdParams,
          produces: ["text/csv"],
          response: { ...errorResponses },
        } as object,
      },
      async (req, reply) => {
        const inv = await s.billing.get(principalOf(req), (req.params as { id: string }).id);
        const csv = csvWriter([
          "n",
          "kind",
          "description",
          "quantity",
          "unit",
          "unit_price",
          "amount",
          "currency",
          "flags",
          "sub_account",
        ]);
        const rows = inv.lines.map((l) => ({
          n: String(l.n),
          kind: l.kind,
          description: l.description,
          quantity: l.quantity,
          unit: l.unit,
          unit_price: l.unitPrice,
          amount: l.amount,
          currency: inv.currency,
          flags: l.flags.join(" "),
          sub_account: inv.subAccount?.name ?? "",
        }));
        pipeline(Readable.from(rows), csv, (err) => {
          if (err && err.code !== "ERR_STREAM_PREMATURE_CLOSE")
            req.log.error({ err, invoiceId: inv.id }, "invoice lines CSV failed");
        });
        reply.header("content-type", "text/csv; charset=utf-8");
        reply.header(
          "content-disposition",
          `attachment; filename="${inv.number ?? `draft-${inv.id}`}-lines.csv"`,
        );
        return reply.send(csv);
      },
    );

    app.post(
      "/api/v1/invoices/:id/issue",
      {
        schema: {
          operationId: "issueInvoice",
          tags,
          summary: "Issue a reviewed draft: numbered without gaps, immutable from then on",
          params: invoiceIdParams,
          response: { 200: invoiceOut, ...errorResponses },
        },
      },
      async (req) => s.billing.issue(principalOf(req), req.params.id),
    );

    app.post(
      "/api/v1/invoices/:id/credit-notes",
      {
        schema: {
          operationId: "creditInvoice",
          tags,
          summary: "Issue a credit note against an issued invoice",
          params: invoiceIdParams,
          body: creditNoteInput,
          response: { 201: invoiceOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.billing.creditNote(principalOf(req), req.params.id, req.body)),
    );

    app.post(
      "/api/v1/invoices/:id/mail",
      {
        schema: {
          operationId: "mailInvoice",
          tags,
          summary: "Mail an issued invoice to the billing contact",
          params: invoiceIdParams,
          response: { 202: mailOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await s.billing.mail(principalOf(req), req.params.id)),
    );

    app.get(
      "/api/v1/invoices/:id/lines/:n/explanation",
      {
        schema: {
          operationId: "explainInvoiceLine",
          tags,
          summary:
            "An invoice line explained: arithmetic, plan version, and the SIMs behind it paged by SIM",
          description:
            "With `format=text` the answer is text/plain: the line, a plain summary, the arithmetic and the first SIMs, in the customer's language (or `language`), ready to put into a reply.",
          params: lineParams,
          querystring: explanationQuery,
          response: { 200: explanationOut, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { format, language, ...page } = req.query;
        if (format === "text") {
          const out = await s.billing.explainText(
            principalOf(req),
            req.params.id,
            req.params.n,
            language,
          );
          // A string with a non-JSON content type goes out as it is, past the JSON schema.
          reply.header("content-type", "text/plain; charset=utf-8");
          reply.header("content-language", out.language);
          return reply.send(out.text as never);
        }
        return s.billing.explain(principalOf(req), req.params.id, req.params.n, page);
      },
    );

    app.get(
      "/api/v1/accounts/:id/billing/cycle-to-date",
      {
        schema: {
          operationId: "billingCycleToDate",
          tags,
          summary: "The current cycle so far and the invoice it is heading for, line by line",
          params: accountIdParams,
          response: { 200: cycleToDateOut, ...errorResponses },
        },
      },
      async (req) => s.billing.cycleToDate(principalOf(req), req.params.id),
    );

    app.get(
      "/api/v1/sims/:iccid/billing/cycle-to-date",
      {
        schema: {
          operationId: "simBillingCycleToDate",
          tags,
          summary:
            "One SIM's current cycle so far and projected: usage, allowance left, projected overage",
          params: simIccidParams,
          response: { 200: simCycleToDateOut, ...errorResponses },
        },
      },
      async (req) => s.billing.simCycleToDate(principalOf(req), req.params.iccid),
    );

    app.get(
      "/api/v1/accounts/:id/billing/compare",
      {
        schema: {
          operationId: "compareBillingCycles",
          tags,
          summary:
            "What changed between two cycles' invoices, in plain sentences with their figures",
          params: accountIdParams,
          querystring: compareQuery,
          response: { 200: compareOut, ...errorResponses },
        },
      },
      async (req) =>
        s.billing.compare(principalOf(req), req.params.id, req.query.from, req.query.to),
    );
  };
