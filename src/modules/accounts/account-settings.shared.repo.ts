import type { ExpressionBuilder, ReferenceExpression } from "kysely";
import { expressionBuilder } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";

const accounts = expressionBuilder<DB, never>();

/**
 * Select-expression: the name of the account in column `accountId`, read in the caller's statement
 * (a SIM's detail names its holder without a second round trip). Alias it:
 * `.select((eb) => accountNameOf(eb, "sims.account_id").as("account_name"))`.
 */
export function accountNameOf<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  // Qualified, as for tenancy's pathOf: a bare column resolves inside the subquery.
  accountId: ReferenceExpression<DB, TB> & `${string}.${string}`,
) {
  return accounts
    .selectFrom("accounts")
    .select("accounts.name")
    .where("accounts.id", "=", eb.ref(accountId as never));
}

/**
 * Read interface for the sims module: account settings that decide what happens to the account's
 * SIMs, for many accounts at once.
 */
export const accountSettingsRepo = {
  /** Where each account's SIMs go when their test period ends (`test_ready_then`). */
  testReadyThen: async (db: Executor, ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom("accounts")
      .select(["id", "test_ready_then"])
      .where("id", "in", [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.test_ready_then]));
  },

  /** Each account's time zone (billing counts a customer's days and cycles in it). */
  timeZones: async (db: Executor, ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom("accounts")
      .select(["id", "time_zone"])
      .where("id", "in", [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.time_zone]));
  },
};

export const accountSettingsRepoSql: SqlExamples<typeof accountSettingsRepo> = {
  testReadyThen: [
    [["0190a8a0-0000-7000-8000-000000000001", "0190a8a0-0000-7000-8000-000000000002"]],
  ],
  timeZones: [[["0190a8a0-0000-7000-8000-000000000001"]]],
};
