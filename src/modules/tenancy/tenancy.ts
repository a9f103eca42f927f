import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from "kysely";
import { expressionBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.js";

/**
 * Account scope, in one place. Every account has a materialised path (`/<root>/<customer>/…/`); a
 * principal sees its own account's subtree. Other modules never read `accounts.path`: they filter
 * with these helpers, which read the `account_scope` view (migration 0016). Row-level security,
 * when it comes, goes here too.
 */

/** Subqueries on the view, built apart from any caller's tables so their types stay simple. */
const scope = expressionBuilder<DB, never>();
const subtreeIds = (scopePath: string) =>
  scope
    .selectFrom("account_scope")
    .select("account_scope.account_id")
    .where("account_scope.path", "like", `${scopePath}%`);
const pathIds = (path: string) =>
  scope
    .selectFrom("account_scope")
    .select("account_scope.account_id")
    .where(sql<SqlBool>`${path} like account_scope.path || '%'`);

/**
 * Subquery: the ids (`account_id`) of the accounts in the subtree at `scopePath`, for a query that
 * visits each account of a subtree in turn (a lateral join on a per-account index).
 */
export const subtreeAccounts = (scopePath: string) => subtreeIds(scopePath);

/**
 * Subquery: the ids of the accounts a billed scope holds (docs/billing.md, "Invoices per
 * sub-account"): the subtree at `scopePath`, or with `alone` the account at `scopePath` by itself,
 * without its sub-accounts.
 */
export const scopeAccounts = (scopePath: string, alone = false) =>
  alone
    ? scope
        .selectFrom("account_scope")
        .select("account_scope.account_id")
        .where("account_scope.path", "=", scopePath)
    : subtreeIds(scopePath);

/** True when the account with `path` lies in the subtree whose root has `scopePath`. */
export const inSubtree = (scopePath: string, path: string) => path.startsWith(scopePath);

/**
 * Where-clause: the account in column `accountId` lies in the subtree at `scopePath`.
 *
 * @example
 * db.selectFrom("sims").selectAll().where((eb) => withinSubtree(eb, "sims.account_id", principal.accountPath))
 */
export function withinSubtree<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  accountId: ReferenceExpression<DB, TB>,
  scopePath: string,
): Expression<SqlBool> {
  return eb(accountId, "in", subtreeIds(scopePath) as never);
}

/**
 * Where-clause: the account in column `accountId` lies on the way from the root down to the account
 * at `path`, itself included (the accounts whose plans, rules or calendars apply to it).
 */
export function onPathTo<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  accountId: ReferenceExpression<DB, TB>,
  path: string,
): Expression<SqlBool> {
  return eb(accountId, "in", pathIds(path) as never);
}

/**
 * Select-expression: the path of the account in column `accountId` (null when the column is),
 * for a later `inSubtree` check in code. Alias it: `.select((eb) => pathOf(eb, "x.account_id").as("account_path"))`.
 */
export function pathOf<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  // Qualified ("sims.account_id"): a bare "account_id" would resolve to the view's own column
  // inside the correlated subquery and match every account.
  accountId: ReferenceExpression<DB, TB> & `${string}.${string}`,
) {
  return scope
    .selectFrom("account_scope")
    .select("account_scope.path")
    .where("account_scope.account_id", "=", eb.ref(accountId as never));
}
