import { isOperatorRole, type Principal } from "./principal.js";

/** What a reader sees instead of the previous holder's people, words and accounts. */
export const PREVIOUS_HOLDER = "previous holder";

/**
 * The customer an account belongs to: the top-level account under the operator's root
 * (`/<root>/<customer>/…`), or null for the operator's own account (its stock).
 */
export function customerOf(accountPath: string): string | null {
  return accountPath.split("/").filter(Boolean)[1] ?? null;
}

/**
 * True when a SIM moving from `fromPath` to `toPath` changes hands: it reaches another customer (or
 * leaves one for the operator's stock). A move inside one customer's own subtree is not a change.
 */
export const changesHolder = (fromPath: string, toPath: string) => {
  const from = customerOf(fromPath);
  return from !== null && from !== customerOf(toPath);
};

/**
 * How much of a SIM's history a reader sees. A record belongs to whoever held the SIM when it was made
 * (its `account_id` then). The operator sees everything. A customer sees who did what and why for what
 * was recorded while the SIM was with that customer (any account of its subtree) or in the operator's
 * stock; what another customer did shows when and what, with its people, words and account ids as
 * "previous holder".
 */
export interface HolderView {
  /** May the reader see who made, and why, a record made while the SIM was in the account at `recordPath`? */
  seesWhoAndWhy(recordPath: string | null): boolean;
  /** May the reader see this account (a value in the history) by its id? */
  seesAccount(accountPath: string | null): boolean;
}

export function holderView(reader: Principal): HolderView {
  if (isOperatorRole(reader.role)) return { seesWhoAndWhy: () => true, seesAccount: () => true };
  const own = customerOf(reader.accountPath);
  const notAnotherCustomer = (path: string | null) => {
    if (path === null) return false;
    const customer = customerOf(path);
    return customer === null || customer === own;
  };
  return { seesWhoAndWhy: notAnotherCustomer, seesAccount: notAnotherCustomer };
}
