import type { Insertable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { SmsCentresTable } from "../../db/schema.js";

/** Queries over `sms_centres`, the SMSCs Otter binds to over SMPP. */
export const smsCentresRepo = {
  /** The id of the centre with this name, if there is one. */
  findIdByName: (db: Executor, name: string) =>
    db.selectFrom("sms_centres").select("id").where("name", "=", name).executeTakeFirst(),

  insert: (tx: Tx, row: Insertable<SmsCentresTable>) =>
    tx.insertInto("sms_centres").values(row).returningAll().executeTakeFirstOrThrow(),

  /** The centre as it was, or undefined when there is no such centre. */
  delete: (tx: Tx, id: string) =>
    tx.deleteFrom("sms_centres").where("id", "=", id).returningAll().executeTakeFirst(),

  listByName: (db: Executor) => db.selectFrom("sms_centres").selectAll().orderBy("name").execute(),

  /** Each centre's IMSI prefixes, by name, to choose the one that serves an IMSI. */
  listImsiPrefixes: (db: Executor) =>
    db.selectFrom("sms_centres").select(["id", "name", "imsi_prefixes"]).orderBy("name").execute(),

  findById: (db: Executor, id: string) =>
    db.selectFrom("sms_centres").selectAll().where("id", "=", id).executeTakeFirst(),
};

const at = new Date("2026-12-01T00:00:00Z");

export const smsCentresRepoSql: SqlExamples<typeof smsCentresRepo> = {
  findIdByName: [["smsc-lon"]],
  insert: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000001",
        account_id: "0190a8a0-0000-7000-8000-000000000002",
        name: "smsc-lon",
        host: "10.30.0.5",
        port: 2775,
        system_id: "otter",
        password_sealed: "v1:aXY:dGFn:Y3Q",
        system_type: "",
        source_address: "Otter",
        imsi_prefixes: ["23415"],
        created_at: at,
        updated_at: at,
      },
    ],
  ],
  delete: [["0190a8a0-0000-7000-8000-000000000001"]],
  listByName: [[]],
  listImsiPrefixes: [[]],
  findById: [["0190a8a0-0000-7000-8000-000000000001"]],
};
