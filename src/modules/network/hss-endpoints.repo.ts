import type { Insertable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { HssEndpointsTable } from "../../db/schema.js";

/** Queries over `hss_endpoints`, where Otter sends cancel-location requests. */
export const hssEndpointsRepo = {
  /** The id of the endpoint with this name, if there is one. */
  findIdByName: (db: Executor, name: string) =>
    db.selectFrom("hss_endpoints").select("id").where("name", "=", name).executeTakeFirst(),

  insert: (tx: Tx, row: Insertable<HssEndpointsTable>) =>
    tx.insertInto("hss_endpoints").values(row).returningAll().executeTakeFirstOrThrow(),

  /** The endpoint as it was, or undefined when there is no such endpoint. */
  delete: (tx: Tx, id: string) =>
    tx.deleteFrom("hss_endpoints").where("id", "=", id).returningAll().executeTakeFirst(),

  findById: (db: Executor, id: string) =>
    db.selectFrom("hss_endpoints").selectAll().where("id", "=", id).executeTakeFirst(),

  /** Every HSS endpoint with the IMSI prefixes it serves, to pick the one for an IMSI. */
  listImsiPrefixes: (db: Executor) =>
    db.selectFrom("hss_endpoints").select(["id", "imsi_prefixes"]).execute(),

  listByName: (db: Executor) =>
    db.selectFrom("hss_endpoints").selectAll().orderBy("name").execute(),
};

const at = new Date("2026-12-01T00:00:00Z");

export const hssEndpointsRepoSql: SqlExamples<typeof hssEndpointsRepo> = {
  findIdByName: [["hss-lon"]],
  insert: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000001",
        account_id: "0190a8a0-0000-7000-8000-000000000002",
        name: "hss-lon",
        url: "https://hss.operator.example/cancel-location",
        secret_sealed: "v1:aXY:dGFn:Y3Q",
        imsi_prefixes: ["23415"],
        created_at: at,
        updated_at: at,
      },
    ],
  ],
  delete: [["0190a8a0-0000-7000-8000-000000000001"]],
  findById: [["0190a8a0-0000-7000-8000-000000000006"]],
  listImsiPrefixes: [[]],
  listByName: [[]],
};
