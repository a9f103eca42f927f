import type { Command } from "commander";
import { ROLES, type Role } from "../../modules/auth/principal.js";
import { seg } from "../client.js";
import { contextOf, oneOf } from "../context.js";
import { resolveAccount, resolveAccountOption } from "../account-ref.js";
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

interface Invitation {
  userId: string;
  email: string;
  expiresAt: string;
}

const invite = (ctx: ReturnType<typeof contextOf>, userId: string) =>
  ctx.client.post<Invitation>(`/api/v1/users/${seg(userId)}/invitation`, {});

const invitationLine = (i: Invitation) =>
  `Invitation mailed to ${i.email}; the link works once, until ${i.expiresAt}.`;

export function registerUsers(program: Command) {
  const users = program.command("users").description("People and their API keys.");

  users
    .command("list")
    .description("Users you can see.")
    .option("--account <account>", "only users of this account (id or name)")
    .action(async (opts: { account?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const res = await ctx.client.get<{ items: User[] }>("/api/v1/users", {
        accountId: await resolveAccountOption(ctx, opts.account),
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
    .requiredOption("--account <account>", "the user's account (id or name)")
    .requiredOption("--email <email>", "e-mail address")
    .requiredOption("--name <name>", "full name")
    .requiredOption(
      "--role <role>",
      `one of ${ROLES.join(", ")}`,
      oneOf(ROLES, (s) => s.toLowerCase()),
    )
    .option("--invite", "mail them a link to choose their password and sign in")
    .action(
      async (
        opts: { account: string; email: string; name: string; role: Role; invite?: boolean },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const u = await ctx.client.post<User>("/api/v1/users", {
          accountId: await resolveAccount(ctx, opts.account),
          email: opts.email,
          name: opts.name,
          role: opts.role,
        });
        const invitation = opts.invite ? await invite(ctx, u.id) : undefined;
        if (ctx.json) return printJson(invitation ? { ...u, invitation } : u);
        out(`Created user ${u.name} <${u.email}> (${u.id}), role ${u.role}.`);
        if (invitation) out(invitationLine(invitation));
        else note(`Invite them to sign in with: otter users invite ${u.id}`);
        note(`Give them an API key with: otter users key ${u.id}`);
      },
    );

  users
    .command("invite")
    .description(
      "Mail a user a one-time link to choose their password (again: a new link replaces the old one).",
    )
    .argument("<user-id>", "the user's id")
    .action(async (userId: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const invitation = await invite(ctx, userId);
      if (ctx.json) return printJson(invitation);
      out(invitationLine(invitation));
    });

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
