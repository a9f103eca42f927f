import type { Db } from "../../db/database.js";
import type { Principal } from "../auth/principal.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { FleetService } from "../network/fleet.service.js";
import type { SimState } from "../sims/sim-lifecycle.js";
import type { SearchOut } from "./search.schemas.js";

interface Deps {
  db: Db;
  fleet: Pick<FleetService, "findByPrefix">;
  accounts: Pick<AccountsService, "findByName" | "directory">;
}

/** Fewer digits than this match too much of any fleet to be worth a look-up. */
export const MIN_IDENTIFIER_DIGITS = 3;
export const MIN_NAME_LENGTH = 2;

/** What was typed as the digits of an identifier (`+44 7700-9` → `4477009`); undefined when it is not one. */
export function searchDigits(q: string): string | undefined {
  const digits = q.trim().replace(/^\+/, "").replace(/[\s-]/g, "");
  return /^[0-9]+$/.test(digits) && digits.length >= MIN_IDENTIFIER_DIGITS
    ? digits.slice(0, 20)
    : undefined;
}

/**
 * The console's search box, as the agent types: SIMs by the first digits of any identifier and
 * customers by part of their name, each within the caller's subtree. It owns no table: the network
 * module finds the SIMs (it knows the IMEI each was last seen in), the accounts module the customers.
 */
export function createSearchService(deps: Deps) {
  return {
    async search(principal: Principal, q: string, limit: number): Promise<SearchOut> {
      const text = q.trim();
      const digits = searchDigits(text);
      const [sims, accounts] = await Promise.all([
        digits ? deps.fleet.findByPrefix(principal, digits, limit + 1) : [],
        text.length >= MIN_NAME_LENGTH ? deps.accounts.findByName(principal, text, limit + 1) : [],
      ]);
      const shown = sims.slice(0, limit);
      const holders = await deps.accounts.directory.accountsByIds(deps.db, [
        ...new Set(shown.map((s) => s.account_id)),
      ]);
      const nameOf = new Map(holders.map((a) => [a.id, a.name]));
      return {
        q: text,
        sims: shown.map((s) => ({
          iccid: s.iccid,
          imsi: s.imsi,
          msisdn: s.msisdn,
          imei: s.imei,
          state: s.state as SimState,
          accountId: s.account_id,
          accountName: nameOf.get(s.account_id) ?? s.account_id,
          matchedBy: s.matched,
        })),
        moreSims: sims.length > limit,
        accounts: accounts.slice(0, limit),
        moreAccounts: accounts.length > limit,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
