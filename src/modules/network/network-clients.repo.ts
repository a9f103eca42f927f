import type { Insertable, Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { NetworkClientsTable } from "../../db/schema.js";

/** Queries over `network_clients`, the packet gateways allowed to send RADIUS accounting. */
export const networkClientsRepo = {
  /** The id of the client with this name, other than `exceptId` (the one being renamed). */
  findIdByName: (db: Executor, name: string, exceptId?: string) => {
    let q = db.selectFrom("network_clients").select("id").where("name", "=", name);
    if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
    return q.executeTakeFirst();
  },

  insert: (tx: Tx, row: Insertable<NetworkClientsTable>) =>
    tx.insertInto("network_clients").values(row).returningAll().executeTakeFirstOrThrow(),

  /** The client as changed, or undefined when there is no such client. */
  update: (tx: Tx, id: string, changes: Updateable<NetworkClientsTable>) =>
    tx
      .updateTable("network_clients")
      .set(changes)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),

  /** The client as it was, or undefined when there is no such client. */
  delete: (tx: Tx, id: string) =>
    tx.deleteFrom("network_clients").where("id", "=", id).returningAll().executeTakeFirst(),

  listByName: (db: Executor) =>
    db.selectFrom("network_clients").selectAll().orderBy("name").execute(),

  /** Every client in no particular order, for the RADIUS edge's address table. */
  listAll: (db: Executor) => db.selectFrom("network_clients").selectAll().execute(),
};

const id = "0190a8a0-0000-7000-8000-000000000001";
const at = new Date("2026-12-01T00:00:00Z");

export const networkClientsRepoSql: SqlExamples<typeof networkClientsRepo> = {
  findIdByName: [["pgw-lon-1"], ["pgw-lon-1", id]],
  insert: [
    [
      {
        id,
        account_id: "0190a8a0-0000-7000-8000-000000000002",
        name: "pgw-lon-1",
        address: "10.20.0.0/16",
        secret_sealed: "v1:aXY:dGFn:Y3Q",
        coa_port: 3799,
        created_at: at,
        updated_at: at,
      },
    ],
  ],
  update: [[id, { address: "10.20.0.0/16", secret_sealed: "v1:aXY:dGFn:Y3Q", updated_at: at }]],
  delete: [[id]],
  listByName: [[]],
  listAll: [[]],
};
