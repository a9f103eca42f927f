import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Command } from "commander";
import { type OtterClient, seg } from "../client.js";
import { contextOf, positiveInt } from "../context.js";
import { note, out, printFields, printJson, printTable } from "../format.js";
import { watchJob } from "./jobs.js";

interface Line {
  n: number;
  kind: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  flags: string[];
}

interface Invoice {
  id: string;
  kind: string;
  status: string;
  number: string | null;
  accountId: string;
  cycleStart: string;
  cycleEnd: string;
  currency: string;
  subtotal: string;
  vatRate: string;
  vatAmount: string;
  total: string;
  notes: string[];
  flags: string[];
  lines: Line[];
}

interface Explanation {
  summary: string;
  planVersion: number | null;
  cycle: { start: string; end: string; days: number };
  line: Line;
  arithmetic: {
    parts: { label: string; amount: string }[];
    exact: string;
    rounding: string;
    amount: string;
  };
  lateFor?: { number: string | null; cycle: { start: string; end: string } };
  sims: { items: Record<string, unknown>[]; nextCursor: string | null };
}

/** `otter invoices`: billing runs, invoices, issuing, and a line explained. */
export function registerInvoices(program: Command) {
  const invoices = program.command("invoices").description("Invoices, billing runs, explanations.");

  invoices
    .command("run")
    .description("Rate a month's cycle into draft invoices (a job; shows its progress).")
    .argument("<period>", "the month, YYYY-MM")
    .option("--account <id>", "only this customer")
    .option("--no-wait", "start the job and return")
    .action(async (period: string, opts: { account?: string; wait: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.post<{ jobId: string }>("/api/v1/billing-runs", {
        period,
        ...(opts.account && { accountId: opts.account }),
      });
      if (ctx.json && !opts.wait) return printJson(res);
      note(`Billing run started: job ${res.jobId}`);
      if (opts.wait) process.exitCode = await watchJob(ctx, res.jobId);
    });

  invoices
    .command("list")
    .description("Invoices and credit notes, newest cycle first.")
    .option("--account <id>", "of this account")
    .option("--status <status>", "draft or issued")
    .option("--limit <n>", "how many", positiveInt(1000), 50)
    .action(async (opts: { account?: string; status?: string; limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client.get<{ items: Omit<Invoice, "lines">[] }>("/api/v1/invoices", {
        accountId: opts.account,
        status: opts.status,
        limit: opts.limit,
      });
      if (ctx.json) return printJson(page);
      printTable(
        page.items,
        [
          { header: "ID", value: (i) => i.id },
          { header: "NUMBER", value: (i) => i.number ?? "(draft)" },
          { header: "CYCLE", value: (i) => `${i.cycleStart} – ${i.cycleEnd}` },
          { header: "TOTAL", value: (i) => `${i.total} ${i.currency}` },
          { header: "FLAGS", value: (i) => i.flags.join(", ") },
        ],
        "No invoices.",
      );
    });

  invoices
    .command("show")
    .description("An invoice with its lines.")
    .argument("<id>")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const inv = await ctx.client.get<Invoice>(`/api/v1/invoices/${seg(id)}`);
      if (ctx.json) return printJson(inv);
      printFields([
        ["Invoice", inv.number ?? `draft ${inv.id}`],
        ["Cycle", `${inv.cycleStart} – ${inv.cycleEnd}`],
        ["Subtotal", `${inv.subtotal} ${inv.currency}`],
        [`VAT ${inv.vatRate}%`, `${inv.vatAmount} ${inv.currency}`],
        ["Total", `${inv.total} ${inv.currency}`],
        ["Flags", inv.flags.join(", ") || "none"],
      ]);
      out();
      printTable(
        inv.lines,
        [
          { header: "N", value: (l) => l.n },
          { header: "LINE", value: (l) => l.description },
          { header: "QUANTITY", value: (l) => `${l.quantity} ${l.unit}` },
          { header: "PRICE", value: (l) => l.unitPrice },
          { header: "AMOUNT", value: (l) => l.amount },
        ],
        "No lines.",
      );
      for (const n of inv.notes) note(n);
    });

  invoices
    .command("issue")
    .description("Issue a reviewed draft (operator admin): numbered, immutable.")
    .argument("<id>")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const inv = await ctx.client.post<Invoice>(`/api/v1/invoices/${seg(id)}/issue`, {});
      if (ctx.json) return printJson(inv);
      out(`Issued ${inv.number}: ${inv.total} ${inv.currency}`);
    });

  invoices
    .command("explain")
    .description(
      "An invoice line explained: the arithmetic, the plan version and the SIMs behind it.",
    )
    .argument("<id>", "the invoice")
    .argument("<n>", "the line number", positiveInt(100_000))
    .option("--limit <n>", "SIMs per page", positiveInt(500), 20)
    .option("--cursor <cursor>", "the next page, from a previous answer")
    .action(
      async (id: string, n: number, opts: { limit: number; cursor?: string }, cmd: Command) => {
        const ctx = contextOf(cmd);
        const ex = await ctx.client.get<Explanation>(
          `/api/v1/invoices/${seg(id)}/lines/${n}/explanation`,
          { limit: opts.limit, cursor: opts.cursor },
        );
        if (ctx.json) return printJson(ex);
        out(`${ex.line.n}. ${ex.line.description}: ${ex.line.amount}`);
        out(ex.summary);
        out(
          `Cycle ${ex.cycle.start} – ${ex.cycle.end} (${ex.cycle.days} days)${ex.planVersion ? `, plan version ${ex.planVersion}` : ""}`,
        );
        out();
        for (const p of ex.arithmetic.parts) out(`  ${p.label} = ${p.amount}`);
        out(`  sum ${ex.arithmetic.exact} → ${ex.arithmetic.amount} (${ex.arithmetic.rounding})`);
        out();
        // A late line's SIMs: a row per SIM and zone of the earlier cycle its usage belongs to.
        if (ex.lateFor)
          out(
            `Usage of the cycle ${ex.lateFor.cycle.start} – ${ex.lateFor.cycle.end}, billed on ${ex.lateFor.number ?? "a draft"}`,
          );
        const keys = [...new Set(ex.sims.items.flatMap((s) => Object.keys(s)))];
        printTable(
          ex.sims.items,
          keys.map((k) => ({
            header: k.toUpperCase(),
            value: (s: Record<string, unknown>) => s[k],
          })),
          "No SIMs behind this line.",
        );
        if (ex.sims.nextCursor) note(`More SIMs: --cursor ${ex.sims.nextCursor}`);
      },
    );

  invoices
    .command("pdf")
    .description("The invoice as a PDF in the customer's language (a draft is watermarked).")
    .argument("<invoice>", "its number (INV-000042) or id")
    .requiredOption("-o, --output <file>", "write the PDF to this file")
    .option("--language <language>", "en, it or sv instead of the customer's language")
    .action(async (ref: string, opts: { output: string; language?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const query = opts.language ? `?language=${encodeURIComponent(opts.language)}` : "";
      await download(
        ctx.client,
        `/api/v1/invoices/${seg(ref)}/pdf${query}`,
        "application/pdf",
        opts.output,
      );
    });

  invoices
    .command("rated-usage")
    .description("The rated usage behind an invoice as CSV: one row per SIM, day and zone.")
    .argument("<invoice>", "its number (INV-000042) or id")
    .option("-o, --output <file>", "write to this file instead of stdout")
    .action(async (ref: string, opts: { output?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      await download(
        ctx.client,
        `/api/v1/invoices/${seg(ref)}/rated-usage.csv`,
        "text/csv",
        opts.output,
      );
    });

  invoices
    .command("tmf678")
    .description("The invoice as a TMF678 CustomerBill (JSON).")
    .argument("<invoice>", "its number (INV-000042) or id")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      printJson(await ctx.client.get(`/api/v1/invoices/${seg(ref)}/tmf678`));
    });
}

/** Streams a download to a file (or stdout), never holding it whole. */
async function download(client: OtterClient, path: string, accept: string, output?: string) {
  const body = await client.download(path, accept);
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  if (!output) {
    await pipeline(source, process.stdout, { end: false });
    return;
  }
  const file = createWriteStream(output);
  await pipeline(source, file);
  note(`Wrote ${file.bytesWritten} bytes to ${output}.`);
}
