import type { Insertable, Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { PlanOffersTable, ZonesTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { onPathTo, withinSubtree } from "../tenancy/tenancy.js";

export type PlanKind = PlanOffersTable["plan_kind"];

/** A catalog entry named in a request: by id, or by its unique name. */
export type CatalogRef = { id: string } | { name: string };

/** Queries over zones and plan offers. Every function takes the executor it runs on. */
export const catalogRepo = {
  findZone: (db: Executor, ref: CatalogRef) =>
    db
      .selectFrom("zones")
      .selectAll()
      .where("id" in ref ? "id" : "name", "=", "id" in ref ? ref.id : ref.name)
      .executeTakeFirst(),

  zonesByIds: (db: Executor, ids: string[]) =>
    db.selectFrom("zones").selectAll().where("id", "in", ids).execute(),

  listZones: (db: Executor) => db.selectFrom("zones").selectAll().orderBy("name").execute(),

  insertZone: (tx: Tx, row: Insertable<ZonesTable>) => tx.insertInto("zones").values(row).execute(),

  updateZone: (tx: Tx, id: string, patch: Updateable<ZonesTable>) =>
    tx.updateTable("zones").set(patch).where("id", "=", id).execute(),

  deleteZone: (tx: Tx, id: string) => tx.deleteFrom("zones").where("id", "=", id).execute(),

  /** An offer of the plan to any of the given accounts, if there is one. */
  offerToAny: (db: Executor, planId: string, accountIds: string[]) =>
    db
      .selectFrom("plan_offers")
      .select("plan_id")
      .where("plan_id", "=", planId)
      .where("account_id", "in", accountIds)
      .executeTakeFirst(),

  /**
   * An offer of the plan that a principal at `scopePath` may see: to its account or an ancestor
   * (what it may use), or to an account in its subtree (what it passed on).
   */
  visibleOffer: (db: Executor, planId: string, scopePath: string) =>
    db
      .selectFrom("plan_offers")
      .select("plan_offers.plan_id")
      .where("plan_offers.plan_id", "=", planId)
      .where((eb) =>
        eb.or([
          onPathTo(eb, "plan_offers.account_id", scopePath),
          withinSubtree(eb, "plan_offers.account_id", scopePath),
        ]),
      )
      .executeTakeFirst(),

  /** Ids of the plans of `kind` with an offer a principal at `scopePath` may see (`visibleOffer`). */
  visiblePlanIds: (db: Executor, kind: PlanKind, scopePath: string) =>
    db
      .selectFrom("plan_offers")
      .select("plan_offers.plan_id")
      .where("plan_offers.plan_kind", "=", kind)
      .where((eb) =>
        eb.or([
          onPathTo(eb, "plan_offers.account_id", scopePath),
          withinSubtree(eb, "plan_offers.account_id", scopePath),
        ]),
      )
      .distinct()
      .execute(),

  /** Ids of the plans of `kind` offered to any of the given accounts (an account and its ancestors). */
  offeredPlanIds: (db: Executor, kind: PlanKind, accountIds: string[]) =>
    db
      .selectFrom("plan_offers")
      .select("plan_offers.plan_id")
      .where("plan_offers.plan_kind", "=", kind)
      .where("plan_offers.account_id", "in", accountIds)
      .distinct()
      .execute(),

  /** Offering a plan twice to the same account changes nothing. */
  insertOffer: (tx: Tx, row: Insertable<PlanOffersTable>) =>
    tx
      .insertInto("plan_offers")
      .values(row)
      .onConflict((oc) => oc.columns(["plan_id", "account_id"]).doNothing())
      .execute(),

  deleteOffer: (tx: Tx, planId: string, accountId: string) =>
    tx
      .deleteFrom("plan_offers")
      .where("plan_id", "=", planId)
      .where("account_id", "=", accountId)
      .executeTakeFirst(),

  offersOf: (db: Executor, planId: string) =>
    db
      .selectFrom("plan_offers")
      .select(["account_id", "created_at"])
      .where("plan_id", "=", planId)
      .execute(),
};

const ZONE = "0190a8a0-0000-7000-8000-000000000001";
const PLAN = "0190a8a0-0000-7000-8000-000000000002";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000003";
const PATH = "/0190a8a0-0000-7000-8000-000000000001/0190a8a0-0000-7000-8000-000000000003/";
const AT = new Date("2026-12-01T00:00:00Z");

export const catalogRepoSql: SqlExamples<typeof catalogRepo> = {
  findZone: [[{ id: ZONE }], [{ name: "Europe" }]],
  zonesByIds: [[[ZONE]]],
  listZones: [[]],
  insertZone: [
    [
      {
        id: ZONE,
        account_id: ACCOUNT,
        name: "Europe",
        description: "EU roaming",
        countries: ["DE", "FR"],
        plmns: ["26201"],
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  updateZone: [[ZONE, { name: "Europe", countries: ["DE"], updated_at: AT }]],
  deleteZone: [[ZONE]],
  offerToAny: [[PLAN, [ACCOUNT]]],
  visibleOffer: [[PLAN, PATH]],
  visiblePlanIds: [["rate", PATH]],
  offeredPlanIds: [["communication", [ZONE, ACCOUNT]]],
  insertOffer: [
    [{ plan_kind: "communication", plan_id: PLAN, account_id: ACCOUNT, created_at: AT }],
  ],
  deleteOffer: [[PLAN, ACCOUNT]],
  offersOf: [[PLAN]],
};
