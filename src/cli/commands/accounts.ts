import type { Command } from "commander";
import { seg } from "../client.js";
import { contextOf } from "../context.js";
import { out, printFields, printJson, printTable } from "../format.js";

interface Account {
  id: string;
  parentId: string | null;
  kind: "operator" | "customer";
  name: string;
  legalName: string | null;
  vatNumber: string | null;
  currency: string;
  language: string;
  timeZone: string;
  testReadyThen: string;
  createdAt: string;
  updatedAt: string;
  contacts?: { name: string; email: string | null; phone: string | null; role: string | null }[];
}

export function registerAccounts(program: Command) {
  const accounts = program
    .command("accounts")
    .description("The account tree: the operator, its customers and their sub-accounts.");

  accounts
    .command("list")
    .description("Accounts you can see (every page).")
    .option("--parent <id>", "only the direct children of this account")
    .action(async (opts: { parent?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const items: Account[] = [];
      for await (const page of ctx.client.pages<Account>("/api/v1/accounts", {
        parentId: opts.parent,
        limit: 1000,
      }))
        items.push(...page.items);
      if (ctx.json) return printJson({ items });
      printTable(
        items,
        [
          { header: "ID", value: (a) => a.id },
          { header: "NAME", value: (a) => a.name },
          { header: "KIND", value: (a) => a.kind },
          { header: "PARENT", value: (a) => a.parentId },
          { header: "CURRENCY", value: (a) => a.currency },
          { header: "TIME ZONE", value: (a) => a.timeZone },
        ],
        "No accounts.",
      );
    });

  accounts
    .command("get")
    .description("One account with its contacts.")
    .argument("<id>", "account id")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const a = await ctx.client.get<Account>(`/api/v1/accounts/${seg(id)}`);
      if (ctx.json) return printJson(a);
      printFields([
        ["Account", a.id],
        ["Name", a.name],
        ["Kind", a.kind],
        ["Parent", a.parentId],
        ["Legal name", a.legalName],
        ["VAT number", a.vatNumber],
        ["Currency", a.currency],
        ["Language", a.language],
        ["Time zone", a.timeZone],
        ["Test-ready then", a.testReadyThen],
        ["Created", a.createdAt],
        ["Updated", a.updatedAt],
      ]);
      if (a.contacts?.length) {
        out("");
        out("Contacts:");
        printTable(
          a.contacts,
          [
            { header: "  NAME", value: (c) => `  ${c.name}` },
            { header: "EMAIL", value: (c) => c.email },
            { header: "PHONE", value: (c) => c.phone },
            { header: "ROLE", value: (c) => c.role },
          ],
          "",
        );
      }
    });

  accounts
    .command("create")
    .description("Create a customer account (below yours, or below --parent).")
    .requiredOption("--name <name>", "display name")
    .option("--parent <id>", "parent account (default: your own)")
    .option("--currency <code>", "ISO 4217 currency, e.g. EUR")
    .option("--time-zone <tz>", "IANA time zone, e.g. Europe/Rome")
    .action(
      async (
        opts: { name: string; parent?: string; currency?: string; timeZone?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const a = await ctx.client.post<Account>("/api/v1/accounts", {
          name: opts.name,
          parentId: opts.parent,
          currency: opts.currency,
          timeZone: opts.timeZone,
        });
        if (ctx.json) return printJson(a);
        out(`Created account ${a.name} (${a.id}).`);
      },
    );
}
