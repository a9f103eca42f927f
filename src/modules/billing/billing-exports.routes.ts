import { pipeline, Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { csvWriter } from "../../lib/csv.js";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { BillingExportsService } from "./billing-exports.service.js";
import {
  customerBillOut,
  invoiceRefParams,
  type PdfQuery,
  pdfQuery,
} from "./billing-exports.schemas.js";
import { RATED_USAGE_COLUMNS } from "./rated-usage.js";

/** The name a downloaded export is saved under: the invoice's number, or draft-<id>. */
const fileName = (inv: { id: string; number: string | null }, suffix: string) =>
  `${inv.number ?? `draft-${inv.id}`}${suffix}`;

/** Exports of an invoice: PDF, rated usage as CSV, TMF678 CustomerBill. */
export const billingExportsRoutes =
  (s: { billingExports: BillingExportsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["billing"];

    app.get(
      "/api/v1/invoices/:id/pdf",
      {
        schema: {
          operationId: "downloadInvoicePdf",
          tags,
          description:
            "The invoice or credit note as a PDF in the customer's language and currency format: both parties' legal details, VAT number, lines, subtotal, VAT, total, the VAT and rounding statements. A draft is watermarked DRAFT. The invoice may be named by its id or its number.",
          params: invoiceRefParams,
          querystring: pdfQuery,
          produces: ["application/pdf"],
          response: { ...errorResponses },
        } as object,
      },
      async (req, reply) => {
        const { id } = req.params as { id: string };
        const { language } = req.query as PdfQuery;
        const { invoice, bytes } = await s.billingExports.pdf(principalOf(req), id, language);
        reply.header("content-type", "application/pdf");
        reply.header("content-disposition", `attachment; filename="${fileName(invoice, ".pdf")}"`);
        return reply.send(bytes);
      },
    );

    app.get(
      "/api/v1/invoices/:id/rated-usage.csv",
      {
        schema: {
          operationId: "downloadInvoiceRatedUsage",
          tags,
          description: `The rated usage behind the invoice as CSV, one row per SIM, day and zone: ${RATED_USAGE_COLUMNS.join(", ")}. charged_as says how a row was charged (zone, pool, allowance, unpriced, test); amount is exact, before the line's rounding, and empty where the charge is not the row's own (pool, test). Streamed. A cell that would start a spreadsheet formula is prefixed with a single quote.`,
          params: invoiceRefParams,
          produces: ["text/csv"],
          response: { ...errorResponses },
        } as object,
      },
      async (req, reply) => {
        const { id } = req.params as { id: string };
        const { invoice, rows } = await s.billingExports.ratedUsage(principalOf(req), id);
        const csv = csvWriter(RATED_USAGE_COLUMNS);
        // pipeline, not pipe: a failing read destroys the CSV stream and ends the response.
        pipeline(Readable.from(rows), csv, (err) => {
          if (err && err.code !== "ERR_STREAM_PREMATURE_CLOSE")
            req.log.error({ err, invoiceId: invoice.id }, "rated usage CSV failed");
        });
        reply.header("content-type", "text/csv; charset=utf-8");
        reply.header(
          "content-disposition",
          `attachment; filename="${fileName(invoice, "-rated-usage.csv")}"`,
        );
        return reply.send(csv);
      },
    );

    app.get(
      "/api/v1/invoices/:id/tmf678",
      {
        schema: {
          operationId: "getInvoiceTmf678",
          tags,
          summary:
            "The invoice as a TM Forum TMF678 CustomerBill (docs/billing.md has the mapping)",
          params: invoiceRefParams,
          response: { 200: customerBillOut, ...errorResponses },
        },
      },
      async (req) => s.billingExports.customerBill(principalOf(req), req.params.id),
    );
  };
