import type { Db, Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/**
 * Queries over `desk_blob_chunks`. The writes take the root handle on purpose: every piece is its
 * own statement outside any transaction (desk-blobs.ts says why).
 */
export const deskBlobsRepo = {
  insertChunk: (db: Db, ownerId: string, seq: number, bytes: Buffer) =>
    db.insertInto("desk_blob_chunks").values({ owner_id: ownerId, seq, bytes }).execute(),

  /** The pieces numbered `from` up to (not including) `to`, in order. */
  chunks: (db: Db, ownerId: string, from: number, to: number) =>
    db
      .selectFrom("desk_blob_chunks")
      .select(["seq", "bytes"])
      .where("owner_id", "=", ownerId)
      .where("seq", ">=", from)
      .where("seq", "<", to)
      .orderBy("seq")
      .execute(),

  deleteOwner: (db: Executor, ownerId: string) =>
    db.deleteFrom("desk_blob_chunks").where("owner_id", "=", ownerId).execute(),
};

export const deskBlobsRepoSql: SqlExamples<typeof deskBlobsRepo> = {
  insertChunk: [["0190a8a0-0000-7000-8000-000000000001", 0, Buffer.from("Received: from mx")]],
  chunks: [["0190a8a0-0000-7000-8000-000000000001", 0, 8]],
  deleteOwner: [["0190a8a0-0000-7000-8000-000000000001"]],
};
