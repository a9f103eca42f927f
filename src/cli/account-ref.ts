import { CliError } from "./client.js";
import type { CliContext } from "./context.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface FoundAccount {
  id: string;
  name: string;
  parentName: string | null;
}

/**
 * An account as people name it on the command line: its id, or its name (case-insensitive, as the
 * console's search box finds customers). A name must match exactly one account the caller can see;
 * otherwise the command stops and lists what it found, so nothing is done to the wrong customer.
 */
export async function resolveAccount(ctx: CliContext, ref: string): Promise<string> {
  const name = ref.trim();
  if (UUID.test(name)) return name;
  if (name.length < 2)
    throw new CliError("ACCOUNT_NOT_FOUND", `No account is named '${ref}': give its id or name.`);
  const found = await ctx.client.get<{ accounts: FoundAccount[] }>("/api/v1/search", {
    q: name.slice(0, 64),
    limit: 20,
  });
  const exact = found.accounts.filter((a) => a.name.toLowerCase() === name.toLowerCase());
  if (exact.length === 1) return exact[0]!.id;
  const label = (a: FoundAccount) =>
    `  ${a.name}${a.parentName ? ` (under ${a.parentName})` : ""}: ${a.id}`;
  if (exact.length > 1)
    throw new CliError(
      "ACCOUNT_AMBIGUOUS",
      `${exact.length} accounts are named '${name}'; give the id of the one you mean:\n${exact.map(label).join("\n")}`,
    );
  const near = found.accounts.length
    ? ` Accounts whose name contains it:\n${found.accounts.map(label).join("\n")}`
    : "";
  throw new CliError("ACCOUNT_NOT_FOUND", `No account you can see is named '${name}'.${near}`);
}

/** `resolveAccount` for an option that may be absent. */
export async function resolveAccountOption(
  ctx: CliContext,
  ref: string | undefined,
): Promise<string | undefined> {
  return ref === undefined ? undefined : resolveAccount(ctx, ref);
}
