import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { CliError, seg } from "../client.js";
import { contextOf } from "../context.js";
import { resolveAccount } from "../account-ref.js";
import { out, printJson, printTable } from "../format.js";

interface Rule {
  id: string;
  accountId: string;
  name: string;
  enabled: boolean;
  trigger: { type: string } & Record<string, unknown>;
  conditions: Record<string, unknown>[];
  actions: ({ type: string } & Record<string, unknown>)[];
}

/** `no_session 6 h`, `usage_above 80 %`: a trigger in a few words, for the table. */
function describeTrigger(t: Rule["trigger"]): string {
  if (t.type === "no_session")
    return t.hours !== undefined
      ? `no_session ${String(t.hours)} h`
      : `no_session ${String(t.rhythmMultiple)}× rhythm`;
  if (t.type === "usage_above") return `usage_above ${String(t.percent)} %`;
  const filters = Object.entries(t)
    .filter(([k]) => k !== "type")
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : String(v)}`);
  return [t.type, ...filters].join(" ");
}

export function registerRules(program: Command) {
  const rules = program
    .command("rules")
    .description(
      "Automation rules: when a trigger fires for a SIM and the conditions hold, run the actions (docs/automation.md).",
    );

  rules
    .command("list")
    .description("The automation rules of your accounts.")
    .option("--account <account>", "only this account's rules (id or name)")
    .action(async (opts: { account?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.get<{ items: Rule[] }>(
        "/api/v1/automation-rules",
        opts.account ? { accountId: await resolveAccount(ctx, opts.account) } : undefined,
      );
      if (ctx.json) return printJson(res);
      printTable(
        res.items,
        [
          { header: "NAME", value: (r) => r.name },
          { header: "ENABLED", value: (r) => (r.enabled ? "yes" : "no") },
          { header: "TRIGGER", value: (r) => describeTrigger(r.trigger) },
          { header: "ACTIONS", value: (r) => r.actions.map((a) => a.type) },
          { header: "ID", value: (r) => r.id },
        ],
        "No automation rules.",
      );
    });

  rules
    .command("create")
    .description("Create a rule from a JSON file (the body of POST /api/v1/automation-rules).")
    .requiredOption("--file <path>", "the rule as JSON; - reads standard input")
    .action(async (opts: { file: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const text =
        opts.file === "-"
          ? await readStdin()
          : await readFile(opts.file, "utf8").catch((err: NodeJS.ErrnoException) => {
              throw new CliError(
                "FILE_UNREADABLE",
                `Cannot read ${opts.file}: ${err.code ?? err.message}`,
              );
            });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (err) {
        throw new CliError(
          "MALFORMED_JSON",
          `${opts.file} is not valid JSON: ${(err as Error).message}`,
        );
      }
      const rule = await ctx.client.post<Rule>("/api/v1/automation-rules", body);
      if (ctx.json) return printJson(rule);
      out(
        `Rule "${rule.name}" created (${rule.id}), ${rule.enabled ? "enabled" : "disabled"}: ${describeTrigger(rule.trigger)} → ${rule.actions.map((a) => a.type).join(", ")}`,
      );
    });

  for (const [verb, enabled] of [
    ["enable", true],
    ["disable", false],
  ] as const) {
    rules
      .command(verb)
      .description(`${verb === "enable" ? "Enable" : "Disable"} a rule.`)
      .argument("<id>")
      .action(async (id: string, _opts: unknown, cmd: Command) => {
        const ctx = contextOf(cmd);
        const rule = await ctx.client.patch<Rule>(`/api/v1/automation-rules/${seg(id)}`, {
          enabled,
        });
        if (ctx.json) return printJson(rule);
        out(`Rule "${rule.name}" is ${rule.enabled ? "enabled" : "disabled"}.`);
      });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
