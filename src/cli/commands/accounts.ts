import type { Command } from "commander";
import { seg } from "../client.js";
import { type CliContext, contextOf } from "../context.js";
import { resolveAccount, resolveAccountOption } from "../account-ref.js";
import { out, printFields, printJson, printTable } from "../format.js";
import { collect, spec } from "../parse.js";

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
  billingAddress: Address | null;
  testReadyThen: string;
  createdAt: string;
  updatedAt: string;
  contacts?: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    language: string | null;
    role: string | null;
  }[];
}

interface Address {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

const CONTACT_FIELDS = ["name", "email", "phone", "role", "language"] as const;

/** `Wanjiru K.,email=w@x.example,phone=+254…,role=billing` → a contact of the API. */
function contact(raw: string) {
  const { head, pairs } = spec(raw, CONTACT_FIELDS, "contact");
  return { ...(head && { name: head }), ...pairs };
}

interface DetailOptions {
  name?: string;
  legalName?: string;
  vatNumber?: string;
  currency?: string;
  language?: string;
  timeZone?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

function detailOptions(cmd: Command, clearing: boolean) {
  const clear = clearing ? '; "" clears it' : "";
  return cmd
    .option("--legal-name <name>", `registered company name, for invoices${clear}`)
    .option("--vat-number <number>", `VAT or tax number, e.g. IT12345678901${clear}`)
    .option("--currency <code>", "ISO 4217 currency, e.g. EUR")
    .option("--language <tag>", "language of mail to the customer, e.g. en, sw, sv-SE")
    .option("--time-zone <tz>", "IANA time zone, e.g. Europe/Rome")
    .option("--address-line1 <text>", "billing address: street and number")
    .option("--address-line2 <text>", "billing address: second line")
    .option("--city <city>", "billing address: city")
    .option("--state <state>", "billing address: state or region")
    .option("--postal-code <code>", "billing address: postal code")
    .option("--country <code>", "billing address: ISO 3166 country code, e.g. KE");
}

/** The billing address from the flags, over the one the account has (an update changes a part). */
function addressFrom(o: DetailOptions, current: Address | null = null): Address | undefined {
  const given: Address = {
    addressLine1: o.addressLine1,
    addressLine2: o.addressLine2,
    city: o.city,
    state: o.state,
    postalCode: o.postalCode,
    country: o.country,
  };
  if (Object.values(given).every((v) => v === undefined)) return undefined;
  const merged: Record<string, string> = {};
  for (const part of [current ?? {}, given])
    for (const [k, v] of Object.entries(part)) if (v !== undefined) merged[k] = v;
  // An empty flag removes that part of the address.
  for (const [k, v] of Object.entries(merged)) if (v === "") delete merged[k];
  return merged;
}

function detailBody(o: DetailOptions, clearing: boolean) {
  const orClear = (v: string | undefined) => (clearing && v === "" ? null : v);
  return {
    name: o.name,
    legalName: orClear(o.legalName),
    vatNumber: orClear(o.vatNumber),
    currency: o.currency,
    language: o.language,
    timeZone: o.timeZone,
  };
}

const oneLine = (a: Address | null) =>
  a &&
  [
    a.addressLine1,
    a.addressLine2,
    [a.postalCode, a.city].filter(Boolean).join(" "),
    a.state,
    a.country,
  ]
    .filter(Boolean)
    .join(", ");

interface TreeNode {
  id: string;
  name: string;
  kind: string;
  children: TreeNode[];
}

async function everyAccount(ctx: CliContext): Promise<Account[]> {
  const items: Account[] = [];
  for await (const page of ctx.client.pages<Account>("/api/v1/accounts", { limit: 1000 }))
    items.push(...page.items);
  return items;
}

/** The accounts as trees: below `rootId`, or from the topmost accounts the caller can see. */
function treesOf(accounts: Account[], rootId?: string): TreeNode[] {
  const byParent = new Map<string | null, Account[]>();
  const ids = new Set(accounts.map((a) => a.id));
  for (const a of accounts) {
    const parent = a.parentId !== null && ids.has(a.parentId) ? a.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), a]);
  }
  const node = (a: Account): TreeNode => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    children: (byParent.get(a.id) ?? []).sort((x, y) => x.name.localeCompare(y.name)).map(node),
  });
  const roots = rootId
    ? accounts.filter((a) => a.id === rootId)
    : (byParent.get(null) ?? []).sort((x, y) => x.name.localeCompare(y.name));
  return roots.map(node);
}

/** `├── name (kind) id` lines, as `tree` draws a directory. */
function drawTree(n: TreeNode, prefix = "", branch = ""): string[] {
  const lines = [`${prefix}${branch}${n.name} (${n.kind}) ${n.id}`];
  const inner = prefix + (branch === "├── " ? "│   " : branch === "└── " ? "    " : "");
  n.children.forEach((c, i) => {
    lines.push(...drawTree(c, inner, i === n.children.length - 1 ? "└── " : "├── "));
  });
  return lines;
}

export function registerAccounts(program: Command) {
  const accounts = program
    .command("accounts")
    .description("The account tree: the operator, its customers and their sub-accounts.");

  accounts
    .command("list")
    .description("Accounts you can see (every page).")
    .option("--parent <account>", "only the direct children of this account (id or name)")
    .action(async (opts: { parent?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const items: Account[] = [];
      for await (const page of ctx.client.pages<Account>("/api/v1/accounts", {
        parentId: await resolveAccountOption(ctx, opts.parent),
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
    .argument("<account>", "the account's id or name")
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const a = await ctx.client.get<Account>(
        `/api/v1/accounts/${seg(await resolveAccount(ctx, ref))}`,
      );
      if (ctx.json) return printJson(a);
      printFields([
        ["Account", a.id],
        ["Name", a.name],
        ["Kind", a.kind],
        ["Parent", a.parentId],
        ["Legal name", a.legalName],
        ["VAT number", a.vatNumber],
        ["Billing address", oneLine(a.billingAddress)],
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
            { header: "LANGUAGE", value: (c) => c.language },
            { header: "ID", value: (c) => c.id },
          ],
          "",
        );
      }
    });

  detailOptions(
    accounts
      .command("create")
      .description("Create a customer account (below yours, or below --parent).")
      .requiredOption("--name <name>", "display name")
      .option("--parent <account>", "parent account, by id or name (default: your own)"),
    false,
  )
    .option(
      "--contact <spec>",
      "a contact: name[,email=…][,phone=…][,role=…][,language=…]; repeat for more",
      collect(contact),
    )
    .action(
      async (
        opts: DetailOptions & { name: string; parent?: string; contact?: object[] },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const a = await ctx.client.post<Account>("/api/v1/accounts", {
          ...detailBody(opts, false),
          parentId: await resolveAccountOption(ctx, opts.parent),
          billingAddress: addressFrom(opts),
          contacts: opts.contact,
        });
        if (ctx.json) return printJson(a);
        out(`Created account ${a.name} (${a.id}).`);
      },
    );

  detailOptions(
    accounts
      .command("update")
      .description("Change an account's details; address flags change those parts of the address.")
      .argument("<account>", "the account's id or name")
      .option("--name <name>", "display name"),
    true,
  )
    .option(
      "--add-contact <spec>",
      "add a contact: name[,email=…][,phone=…][,role=…][,language=…]; repeat for more",
      collect(contact),
    )
    .option(
      "--remove-contact <id>",
      "remove a contact (its id from `accounts get`); repeatable",
      collect(String),
    )
    .action(
      async (
        ref: string,
        opts: DetailOptions & { addContact?: object[]; removeContact?: string[] },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const id = await resolveAccount(ctx, ref);
        let billingAddress = addressFrom(opts);
        if (billingAddress) {
          const current = await ctx.client.get<Account>(`/api/v1/accounts/${seg(id)}`);
          billingAddress = addressFrom(opts, current.billingAddress);
        }
        const a = await ctx.client.patch<Account>(`/api/v1/accounts/${seg(id)}`, {
          ...detailBody(opts, true),
          billingAddress,
          addContacts: opts.addContact,
          removeContacts: opts.removeContact,
        });
        if (ctx.json) return printJson(a);
        out(`Updated account ${a.name} (${a.id}).`);
      },
    );

  accounts
    .command("move")
    .description(
      "Move a sub-account, with its sub-accounts and SIMs, under another account of the same customer.",
    )
    .argument("<account>", "the account to move, by id or name")
    .requiredOption("--parent <account>", "the account to move it under, by id or name")
    .action(async (ref: string, opts: { parent: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const id = await resolveAccount(ctx, ref);
      const parentId = await resolveAccount(ctx, opts.parent);
      const r = await ctx.client.post<{
        account: Account;
        fromParentId: string;
        moved: boolean;
        accounts: number;
        sims: number;
      }>(`/api/v1/accounts/${seg(id)}/move`, { parentId });
      if (ctx.json) return printJson(r);
      if (!r.moved) return out(`${r.account.name} is already under ${parentId}; nothing changed.`);
      out(
        `Moved ${r.account.name} (${r.account.id}) from ${r.fromParentId} to ${parentId}: ` +
          `${r.accounts} account(s), ${r.sims} SIM(s).`,
      );
    });

  accounts
    .command("tree")
    .description("The account hierarchy as a tree: yours, or the one below <id>.")
    .argument(
      "[account]",
      "the account at the top, by id or name (default: the topmost you can see)",
    )
    .action(async (ref: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const id = await resolveAccountOption(ctx, ref);
      if (id) await ctx.client.get<Account>(`/api/v1/accounts/${seg(id)}`); // ACCOUNT_NOT_FOUND
      const trees = treesOf(await everyAccount(ctx), id);
      if (ctx.json) return printJson({ items: trees });
      for (const t of trees) for (const line of drawTree(t)) out(line);
    });
}
