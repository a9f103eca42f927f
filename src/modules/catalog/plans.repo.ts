import type { Insertable, Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type {
  CommunicationPlansTable,
  RatePlansTable,
  RatePlanVersionsTable,
} from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { CatalogRef } from "./catalog.repo.js";

/** Queries over communication plans, rate plans and their versions. */
export const plansRepo = {
  findCommunicationPlan: (db: Executor, ref: CatalogRef) =>
    db
      .selectFrom("communication_plans")
      .selectAll()
      .where("id" in ref ? "id" : "name", "=", "id" in ref ? ref.id : ref.name)
      .executeTakeFirst(),

  findRatePlan: (db: Executor, ref: CatalogRef) =>
    db
      .selectFrom("rate_plans")
      .selectAll()
      .where("id" in ref ? "id" : "name", "=", "id" in ref ? ref.id : ref.name)
      .executeTakeFirst(),

  /** All communication plans by name, or only those with the given ids. */
  listCommunicationPlans: (db: Executor, ids: string[] | null) => {
    let q = db.selectFrom("communication_plans").selectAll().orderBy("name");
    if (ids) q = q.where("id", "in", ids);
    return q.execute();
  },

  /** All rate plans by name, or only those with the given ids. */
  listRatePlans: (db: Executor, ids: string[] | null) => {
    let q = db.selectFrom("rate_plans").selectAll().orderBy("name");
    if (ids) q = q.where("id", "in", ids);
    return q.execute();
  },

  communicationPlanNames: (db: Executor, ids: string[]) =>
    db.selectFrom("communication_plans").select(["id", "name"]).where("id", "in", ids).execute(),

  ratePlanNames: (db: Executor, ids: string[]) =>
    db.selectFrom("rate_plans").select(["id", "name"]).where("id", "in", ids).execute(),

  /** A communication plan that allows the zone, if any. */
  communicationPlanUsingZone: (db: Executor, zoneId: string) =>
    db
      .selectFrom("communication_plans")
      .select("name")
      .where((eb) => eb(eb.val(zoneId), "=", eb.fn.any("zone_ids")))
      .executeTakeFirst(),

  /** A rate plan with a version that prices the zone, if any. */
  ratePlanUsingZone: (db: Executor, zoneId: string) =>
    db
      .selectFrom("rate_plan_versions")
      .innerJoin("rate_plans", "rate_plans.id", "rate_plan_versions.rate_plan_id")
      .select("rate_plans.name")
      .where((eb) => eb(eb.val(zoneId), "=", eb.fn.any("rate_plan_versions.zone_ids")))
      .executeTakeFirst(),

  insertCommunicationPlan: (tx: Tx, row: Insertable<CommunicationPlansTable>) =>
    tx.insertInto("communication_plans").values(row).execute(),

  updateCommunicationPlan: (tx: Tx, id: string, patch: Updateable<CommunicationPlansTable>) =>
    tx.updateTable("communication_plans").set(patch).where("id", "=", id).execute(),

  insertRatePlan: (tx: Tx, row: Insertable<RatePlansTable>) =>
    tx.insertInto("rate_plans").values(row).execute(),

  /**
   * Locks these plans of one kind against deletion and key changes until the transaction ends, as a
   * foreign key's check does for each referencing row; returns the ids found.
   */
  lockPlanKeys: (tx: Tx, table: "communication_plans" | "rate_plans", ids: readonly string[]) =>
    tx
      .selectFrom(table)
      .select("id")
      .where("id", "in", [...ids])
      .forKeyShare()
      .execute(),

  /** Locks the rate plan so that two new versions never get the same number. */
  lockRatePlan: (tx: Tx, id: string) =>
    tx.selectFrom("rate_plans").select("id").where("id", "=", id).forUpdate().execute(),

  touchRatePlan: (tx: Tx, id: string, at: Date) =>
    tx.updateTable("rate_plans").set({ updated_at: at }).where("id", "=", id).execute(),

  /** The plan's versions, oldest first. */
  versionsOf: (db: Executor, ratePlanId: string) =>
    db
      .selectFrom("rate_plan_versions")
      .selectAll()
      .where("rate_plan_id", "=", ratePlanId)
      .orderBy("version")
      .execute(),

  insertRateVersion: (tx: Tx, row: Insertable<RatePlanVersionsTable>) =>
    tx.insertInto("rate_plan_versions").values(row).execute(),
};

const PLAN = "0190a8a0-0000-7000-8000-000000000002";
const ZONE = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000003";
const AT = new Date("2026-12-01T00:00:00Z");

export const plansRepoSql: SqlExamples<typeof plansRepo> = {
  findCommunicationPlan: [[{ id: PLAN }], [{ name: "IoT Europe" }]],
  findRatePlan: [[{ id: PLAN }], [{ name: "Europe 1 GB" }]],
  listCommunicationPlans: [[null], [[PLAN]]],
  listRatePlans: [[null], [[PLAN]]],
  communicationPlanNames: [[[PLAN]]],
  ratePlanNames: [[[PLAN]]],
  communicationPlanUsingZone: [[ZONE]],
  ratePlanUsingZone: [[ZONE]],
  insertCommunicationPlan: [
    [
      {
        id: PLAN,
        account_id: ACCOUNT,
        name: "IoT Europe",
        description: null,
        apns: JSON.stringify([{ name: "iot", type: "data", ipAddressing: "dynamic" }]),
        data_enabled: true,
        sms_enabled: true,
        voice_enabled: false,
        rats: ["LTE-M"],
        zone_ids: [ZONE],
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  updateCommunicationPlan: [[PLAN, { name: "IoT Europe", sms_enabled: false, updated_at: AT }]],
  insertRatePlan: [
    [
      {
        id: PLAN,
        account_id: ACCOUNT,
        name: "Europe 1 GB",
        currency: "EUR",
        description: null,
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  lockRatePlan: [[PLAN]],
  lockPlanKeys: [
    ["communication_plans", [PLAN]],
    ["rate_plans", [PLAN]],
  ],
  touchRatePlan: [[PLAN, AT]],
  versionsOf: [[PLAN]],
  insertRateVersion: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000004",
        rate_plan_id: PLAN,
        account_id: ACCOUNT,
        version: 2,
        effective_from: AT,
        terms: JSON.stringify({ subscription: 1.5, zones: [] }),
        zone_ids: [ZONE],
        created_at: AT,
      },
    ],
  ],
};
