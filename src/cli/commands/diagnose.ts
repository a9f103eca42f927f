import type { Command } from "commander";
import { seg } from "../client.js";
import { contextOf } from "../context.js";
import { printJson } from "../format.js";

interface Diagnosis {
  iccid: string;
  verdict: string;
  overall: string;
  checkedAt: string;
  dataAsOf: string | null;
  rungs: {
    name: string;
    status: string;
    summary: string;
    evidence: { at?: string; detail: string }[];
    fix?: { action: string; description: string };
  }[];
  actions: { action: string; description: string }[];
  watching?: { actionId: string; type: string; requestedAt: string; watchUntil: string | null }[];
}

const MARK: Record<string, string> = { pass: "ok  ", warn: "WARN", fail: "FAIL", skipped: " -- " };

export function registerDiagnose(program: Command) {
  program
    .command("diagnose")
    .description("Why a SIM is (not) online: the diagnosis ladder with evidence and the fix.")
    .argument("<iccid>")
    .option("--evidence", "also print each rung's evidence")
    .action(async (iccid: string, opts: { evidence?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const d = await ctx.client.get<Diagnosis>(`/api/v1/sims/${seg(iccid)}/diagnosis`);
      if (ctx.json) return printJson(d);
      const lines = [
        `${d.iccid}: ${d.verdict}`,
        `checked ${d.checkedAt}; newest network data ${d.dataAsOf ?? "none"}`,
        "",
      ];
      for (const r of d.rungs) {
        lines.push(`  ${MARK[r.status] ?? r.status} ${r.name.padEnd(13)} ${r.summary}`);
        if (opts.evidence)
          for (const e of r.evidence)
            lines.push(`         ${" ".repeat(13)} · ${e.at ? `${e.at} ` : ""}${e.detail}`);
      }
      if (d.actions.length) {
        lines.push("", "Next steps:");
        for (const a of d.actions) lines.push(`  ${a.action}: ${a.description}`);
      }
      if (d.watching?.length) {
        lines.push("", "Being watched (proof pending):");
        for (const w of d.watching)
          lines.push(
            `  ${w.type} requested ${w.requestedAt}, watched until ${w.watchUntil ?? "its SMS is delivered"}: otter actions show ${w.actionId}`,
          );
      }
      process.stdout.write(`${lines.join("\n")}\n`);
      process.exitCode = d.overall === "fail" ? 1 : 0;
    });
}
