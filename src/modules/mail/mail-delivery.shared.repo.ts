import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** How the mail module's messages behind the desk's replies are doing, for the case timeline. */
export const mailDeliveryRepo = {
  /** Status, last error and attempts of the given messages (the ones that exist). */
  deliveryOf: (db: Executor, ids: readonly string[]) =>
    db
      .selectFrom("mail_messages")
      .select(["id", "status", "last_error", "attempts"])
      .where("id", "in", [...ids])
      .execute(),
};

export const mailDeliveryRepoSql: SqlExamples<typeof mailDeliveryRepo> = {
  deliveryOf: [[["0190a8a0-0000-7000-8000-000000000001", "0190a8a0-0000-7000-8000-000000000002"]]],
};
