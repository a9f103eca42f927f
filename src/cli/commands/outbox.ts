import type { Command } from "commander";
import { OUTBOX_STATUSES } from "../../modules/mail/mail.schemas.js";
import { contextOf, oneOf, positiveInt } from "../context.js";
import { note, printJson, printTable } from "../format.js";

const STATUSES = OUTBOX_STATUSES;

interface MailSummary {
  id: string;
  to: string[];
  subject: string;
  purpose: string;
  status: (typeof STATUSES)[number];
  waitingForRelay: boolean;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export function registerOutbox(program: Command) {
  const outbox = program.command("outbox").description("Mail Otter stored for sending.");

  outbox
    .command("list")
    .description("Outbound mail, newest first.")
    .option(
      "--status <status>",
      `only mail in this status (${STATUSES.join(", ")})`,
      oneOf(STATUSES, (s) => s.toLowerCase()),
    )
    .option("--limit <n>", "how many", positiveInt(1000), 50)
    .action(async (opts: { status?: string; limit: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client.get<{ items: MailSummary[]; nextCursor: string | null }>(
        "/api/v1/outbox",
        { status: opts.status, limit: opts.limit },
      );
      if (ctx.json) return printJson(page);
      printTable(
        page.items,
        [
          { header: "CREATED", value: (m) => m.createdAt },
          {
            header: "STATUS",
            value: (m) => (m.waitingForRelay ? `${m.status} (no relay)` : m.status),
          },
          { header: "TO", value: (m) => m.to },
          { header: "SUBJECT", value: (m) => m.subject },
          { header: "TRIES", value: (m) => m.attempts },
          { header: "LAST ERROR", value: (m) => m.lastError },
        ],
        "The outbox is empty.",
      );
      if (page.nextCursor) note(`More messages: raise --limit (at most 1000).`);
      if (page.items.some((m) => m.waitingForRelay))
        note(
          "(no relay): stored while no relay was configured (OTTER_SMTP_RELAY); once one is, POST /api/v1/outbox/{id}/retry sends it.",
        );
    });
}
