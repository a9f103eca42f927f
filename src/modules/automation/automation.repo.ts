import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { AutomationFiringsTable, AutomationRulesTable } from "../../db/schema.js";

/** Queries over the automation tables. Every function takes the executor it runs on. */
export const automationRepo = {
  insertRule: (db: Executor, row: Insertable<AutomationRulesTable>) =>
    db.insertInto("automation_rules").values(row).returningAll().executeTakeFirstOrThrow(),

  /** A rule, if its account lies in the subtree at `path`. */
  findVisible: (db: Executor, path: string, id: string) =>
    db
      .selectFrom("automation_rules")
      .innerJoin("accounts", "accounts.id", "automation_rules.account_id")
      .selectAll("automation_rules")
      .select("accounts.path as account_path")
      .where("automation_rules.id", "=", id)
      .where("accounts.path", "like", `${path}%`)
      .executeTakeFirst(),

  listVisible: (db: Executor, path: string, accountId?: string) => {
    let q = db
      .selectFrom("automation_rules")
      .innerJoin("accounts", "accounts.id", "automation_rules.account_id")
      .selectAll("automation_rules")
      .where("accounts.path", "like", `${path}%`);
    if (accountId) q = q.where("automation_rules.account_id", "=", accountId);
    return q.orderBy("automation_rules.id").execute();
  },

  updateRule: (db: Executor, id: string, patch: Updateable<AutomationRulesTable>) =>
    db
      .updateTable("automation_rules")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  deleteRule: (db: Executor, id: string) =>
    db.deleteFrom("automation_rules").where("id", "=", id).execute(),

  /** Enabled rules with their account's path: few enough to match events against in memory. */
  enabledRules: (db: Executor, clockDriven: boolean) => {
    const q = db
      .selectFrom("automation_rules")
      .innerJoin("accounts", "accounts.id", "automation_rules.account_id")
      .selectAll("automation_rules")
      .select("accounts.path as account_path")
      .where("automation_rules.enabled", "=", true);
    return (
      clockDriven
        ? q.where("automation_rules.trigger_type", "=", "no_session")
        : q.where("automation_rules.trigger_type", "!=", "no_session")
    )
      .orderBy("automation_rules.id")
      .execute();
  },

  /** Percentages asked for by enabled usage rules of the account at `path` or the accounts above it. */
  usagePercentsFor: async (db: Executor, path: string) =>
    (
      await db
        .selectFrom("automation_rules")
        .innerJoin("accounts", "accounts.id", "automation_rules.account_id")
        .select("automation_rules.usage_percent")
        .distinct()
        .where("automation_rules.enabled", "=", true)
        .where("automation_rules.usage_percent", "is not", null)
        .where(sql<boolean>`${path} like accounts.path || '%'`)
        .execute()
    ).map((r) => r.usage_percent!),

  /** Inserts firings; one that exists already for (rule, event or episode) is left alone. */
  insertFirings: (tx: Executor, rows: Insertable<AutomationFiringsTable>[]) =>
    rows.length === 0
      ? Promise.resolve(0)
      : tx
          .insertInto("automation_firings")
          .values(rows)
          .onConflict((oc) => oc.columns(["rule_id", "dedupe_key"]).doNothing())
          .returning("id")
          .execute()
          .then((r) => r.length),

  /** Of these SIMs, those the rule already fired for in their current silence episode. */
  firedEpisodes: async (db: Executor, ruleId: string, episodes: { simId: string; at: Date }[]) => {
    if (episodes.length === 0) return new Set<string>();
    const rows = await db
      .selectFrom("automation_firings")
      .select(["sim_id", "episode_at"])
      .where("rule_id", "=", ruleId)
      .where(
        "sim_id",
        "in",
        episodes.map((e) => e.simId),
      )
      .where("episode_at", "is not", null)
      .execute();
    return new Set(rows.map((r) => `${r.sim_id}|${r.episode_at!.getTime()}`));
  },

  /** Locks firings to run: pending ones, and running ones whose worker let its lease lapse. */
  lockDue: (tx: Executor, limit: number) =>
    tx
      .selectFrom("automation_firings")
      .innerJoin("automation_rules as r", "r.id", "automation_firings.rule_id")
      .innerJoin("accounts as a", "a.id", "r.account_id")
      .selectAll("automation_firings")
      .select([
        "r.name as rule_name",
        "r.actions as rule_actions",
        "r.trigger as rule_trigger",
        "a.path as rule_path",
      ])
      .where((eb) =>
        eb.or([
          eb("automation_firings.status", "=", "pending"),
          // Leases run on the database server's clock: a node whose clock is ahead must not take over a live one.
          eb.and([
            eb("automation_firings.status", "=", "running"),
            eb("automation_firings.lease_until", "<=", sql<Date>`now()`),
          ]),
        ]),
      )
      .orderBy("automation_firings.id")
      .limit(limit)
      .forUpdate(["automation_firings"])
      .skipLocked()
      .execute(),

  /** Marks a firing running for this attempt, its lease ending `leaseMs` from now on the database server's clock. */
  claimFiring: (tx: Executor, id: string, attempts: number, leaseMs: number) =>
    tx
      .updateTable("automation_firings")
      .set({
        status: "running",
        attempts,
        lease_until: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      .where("id", "=", id)
      .execute(),

  lockFiring: (tx: Executor, id: string) =>
    tx
      .selectFrom("automation_firings")
      .select(["id", "status", "attempts"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst(),

  updateFiring: (db: Executor, id: string, set: Updateable<AutomationFiringsTable>) =>
    db.updateTable("automation_firings").set(set).where("id", "=", id).execute(),

  /** Newest first; `before` is the id of the last firing of the previous page. */
  listFirings: (db: Executor, ruleId: string, opts: { before?: string; limit: number }) => {
    let q = db.selectFrom("automation_firings").selectAll().where("rule_id", "=", ruleId);
    if (opts.before) q = q.where("id", "<", opts.before);
    return q.orderBy("id", "desc").limit(opts.limit).execute();
  },
};
