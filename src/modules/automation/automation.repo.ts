import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { onPathTo, pathOf, withinSubtree } from "../tenancy/tenancy.js";
import type { AutomationFiringsTable, AutomationRulesTable } from "../../db/schema.js";

/**
 * Queries over the automation tables. Every function takes the executor it runs on. A rule's
 * account is a foreign key, so the path selected with it is never null.
 */
export const automationRepo = {
  insertRule: (db: Executor, row: Insertable<AutomationRulesTable>) =>
    db.insertInto("automation_rules").values(row).returningAll().executeTakeFirstOrThrow(),

  /** A rule, if its account lies in the subtree at `path`. */
  findVisible: (db: Executor, path: string, id: string) =>
    db
      .selectFrom("automation_rules")
      .selectAll()
      .select((eb) => pathOf(eb, "automation_rules.account_id").$asScalar().as("account_path"))
      .where("id", "=", id)
      .where((eb) => withinSubtree(eb, "automation_rules.account_id", path))
      .executeTakeFirst(),

  listVisible: (db: Executor, path: string, accountId?: string) => {
    let q = db
      .selectFrom("automation_rules")
      .selectAll()
      .where((eb) => withinSubtree(eb, "automation_rules.account_id", path));
    if (accountId) q = q.where("account_id", "=", accountId);
    return q.orderBy("id").execute();
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
      .selectAll()
      .select((eb) => pathOf(eb, "automation_rules.account_id").$asScalar().as("account_path"))
      .where("enabled", "=", true);
    return (
      clockDriven
        ? q.where("trigger_type", "=", "no_session")
        : q.where("trigger_type", "!=", "no_session")
    )
      .orderBy("id")
      .execute();
  },

  /** Percentages asked for by enabled usage rules of the account at `path` or the accounts above it. */
  usagePercentsFor: async (db: Executor, path: string) =>
    (
      await db
        .selectFrom("automation_rules")
        .select("usage_percent")
        .distinct()
        .where("enabled", "=", true)
        .where("usage_percent", "is not", null)
        .where((eb) => onPathTo(eb, "automation_rules.account_id", path))
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
      .innerJoin("automation_rules", "automation_rules.id", "automation_firings.rule_id")
      .selectAll("automation_firings")
      .select([
        "automation_rules.name as rule_name",
        "automation_rules.actions as rule_actions",
        "automation_rules.trigger as rule_trigger",
      ])
      .select((eb) => pathOf(eb, "automation_rules.account_id").$asScalar().as("rule_path"))
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

const ACCOUNT_ID = "0190a8a0-0000-7000-8000-000000000001";
const RULE_ID = "0190a8a0-0000-7000-8000-000000000002";
const FIRING_ID = "0190a8a0-0000-7000-8000-000000000003";
const EVENT_ID = "0190a8a0-0000-7000-8000-000000000004";
const SIM_ID = "0190a8a0-0000-7000-8000-000000000005";
const PATH = `/${ACCOUNT_ID}/`;
const AT = new Date("2026-12-01T00:00:00Z");

export const automationRepoSql: SqlExamples<typeof automationRepo> = {
  insertRule: [
    [
      {
        id: RULE_ID,
        account_id: ACCOUNT_ID,
        name: "Suspend on 90 % of the plan",
        description: null,
        enabled: true,
        trigger_type: "usage_above",
        trigger: JSON.stringify({ type: "usage_above", percent: 90 }),
        conditions: JSON.stringify([]),
        actions: JSON.stringify([{ type: "change_state", state: "SUSPENDED" }]),
        usage_percent: 90,
        created_by: "Ops",
        events_from: "41",
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  findVisible: [[PATH, RULE_ID]],
  listVisible: [[PATH], [PATH, ACCOUNT_ID]],
  updateRule: [[RULE_ID, { enabled: false, updated_at: AT }]],
  deleteRule: [[RULE_ID]],
  enabledRules: [[false], [true]],
  usagePercentsFor: [[`${PATH}0190a8a0-0000-7000-8000-000000000006/`]],
  insertFirings: [
    [
      [
        {
          id: FIRING_ID,
          rule_id: RULE_ID,
          account_id: ACCOUNT_ID,
          dedupe_key: EVENT_ID,
          event_id: EVENT_ID,
          event_type: "sim.state_changed",
          event_data: JSON.stringify({
            iccid: "89440000000000000001",
            from: "ACTIVATED",
            to: "SUSPENDED",
          }),
          sim_id: SIM_ID,
          iccid: "89440000000000000001",
          status: "pending",
          created_at: AT,
        },
      ],
    ],
  ],
  firedEpisodes: [[RULE_ID, [{ simId: SIM_ID, at: AT }]]],
  lockDue: [[20]],
  claimFiring: [[FIRING_ID, 1, 300_000]],
  lockFiring: [[FIRING_ID]],
  updateFiring: [[FIRING_ID, { status: "done", finished_at: AT, lease_until: null }]],
  listFirings: [
    [RULE_ID, { limit: 51 }],
    [RULE_ID, { before: FIRING_ID, limit: 51 }],
  ],
};
