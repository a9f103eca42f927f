import type { Command } from "commander";
import { seg } from "../client.js";
import { contextOf } from "../context.js";
import { out, printJson, printTable } from "../format.js";

/** `otter sims scheduled list|cancel`: the changes scheduled for a SIM's future, and undoing one. */
interface ScheduledChange {
  id: string;
  effectiveDate: string;
  changes: Record<string, unknown>;
  status: string;
  reason: string | null;
  requestedBy: string;
  createdAt: string;
  error: { code?: string; message?: string } | null;
}

const what = (c: ScheduledChange) =>
  Object.entries(c.changes)
    .map(([k, v]) => `${k} → ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");

export function registerSimsScheduled(sims: Command) {
  const scheduled = sims
    .command("scheduled")
    .description("Changes scheduled for a SIM's future (pending, applied, failed, cancelled).");

  scheduled
    .command("list")
    .description("A SIM's scheduled changes, pending or done, with their ids.")
    .argument("<iccid>", "the SIM's ICCID")
    .option("--pending", "only those still to come")
    .action(async (iccid: string, opts: { pending?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { items } = await ctx.client.get<{ items: ScheduledChange[] }>(
        `/api/v1/sims/${seg(iccid)}/scheduled-changes`,
      );
      const shown = opts.pending ? items.filter((c) => c.status === "pending") : items;
      if (ctx.json) return printJson(shown);
      printTable(
        shown,
        [
          { header: "ID", value: (c) => c.id },
          { header: "EFFECTIVE", value: (c) => c.effectiveDate },
          { header: "STATUS", value: (c) => c.status },
          { header: "CHANGES", value: what },
          { header: "BY", value: (c) => c.requestedBy },
          { header: "REASON", value: (c) => c.error?.message ?? c.reason },
        ],
        "No scheduled changes on this SIM.",
      );
    });

  scheduled
    .command("cancel")
    .description("Cancel a pending scheduled change (kept in the SIM's audit trail).")
    .argument("<iccid>", "the SIM's ICCID")
    .argument("<change-id>", "the change's id (from `sims scheduled list` or `sims get`)")
    .action(async (iccid: string, changeId: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await ctx.client.delete(`/api/v1/sims/${seg(iccid)}/scheduled-changes/${seg(changeId)}`);
      if (ctx.json) return printJson({ id: changeId, status: "cancelled" });
      out(`Scheduled change ${changeId} on SIM ${iccid} cancelled.`);
    });
}
