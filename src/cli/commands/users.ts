import type { Command } from "commander";
import { ROLES, type Role } from "../../modules/auth/principal.js";
import { seg } from "../client.js";
import { contextOf, oneOf } from "../context.js";
import { note, out, printJson, printTable } from "../format.js";

interface User {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export function registerUsers(program: Command) {
  const users = program.command("users").description("People and their API keys.");

  users
    .command("list")
    .description("Users you can see.")
    .option("--account <id>", "only users of this account")
    .action(async (opts: { account?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.get<{ items: User[] }>("/api/v1/users", {
        accountId: opts.account,
      });
      if (ctx.json) return printJson(res);
      printTable(
        res.items,
        [
          { header: "ID", value: (u) => u.id },
          { header: "NAME", value: (u) => u.name },
          { header: "EMAIL", value: (u) => u.email },
          { header: "ROLE", value: (u) => u.role },
          { header: "ACCOUNT", value: (u) => u.accountId },
          { header: "DISABLED", value: (u) => (u.disabled ? "yes" : "") },
        ],
        "No users.",
      );
    });

  users
    .command("create")
    .description("Create a user in an account.")
    .requiredOption("--account <id>", "the user's account")
    .requiredOption("--email <email>", "e-mail address")
    .requiredOption("--name <name>", "full name")
    .requiredOption(
      "--role <role>",
      `one of ${ROLES.join(", ")}`,
      oneOf(ROLES, (s) => s.toLowerCase()),
    )
    .action(
      async (opts: { account: string; email: string; name: string; role: Role }, cmd: Command) => {
        const ctx = contextOf(cmd);
        const u = await ctx.client.post<User>("/api/v1/users", {
          accountId: opts.account,
          email: opts.email,
          name: opts.name,
          role: opts.role,
        });
        if (ctx.json) return printJson(u);
        out(`Created user ${u.name} <${u.email}> (${u.id}), role ${u.role}.`);
        note(`Give them an API key with: otter users key ${u.id}`);
      },
    );

  users
    .command("key")
    .description("Create an API key for a user; the key is printed once.")
    .argument("<user-id>", "the user's id")
    .option("--name <name>", "a label to tell keys apart")
    .action(async (userId: string, opts: { name?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const k = await ctx.client.post<{ id: string; key: string; prefix: string }>(
        `/api/v1/users/${seg(userId)}/api-keys`,
        { name: opts.name },
      );
      if (ctx.json) return printJson(k);
      out(k.key);
      note(`API key ${k.prefix}… (id ${k.id}) created. Store it now, it is not shown again.`);
    });
}
