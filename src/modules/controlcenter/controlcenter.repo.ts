import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";

export type NumericKind = "account" | "user" | "sms";

/** Queries over the Control Center numbers of Otter ids and the edits' idempotency keys. */
export const controlcenterRepo = {
  /** The numbers already given to these Otter ids. */
  numbersOf: (db: Executor, kind: NumericKind, otterIds: readonly string[]) =>
    db
      .selectFrom("cc_numeric_ids")
      .select(["otter_id", "cc_id"])
      .where("kind", "=", kind)
      .where("otter_id", "in", [...otterIds])
      .execute(),

  /** The Otter id a number was given to, with the account it belongs to. */
  otterIdOf: (db: Executor, kind: NumericKind, ccId: number) =>
    db
      .selectFrom("cc_numeric_ids")
      .select(["otter_id", "account_id"])
      .where("kind", "=", kind)
      .where("cc_id", "=", ccId)
      .executeTakeFirst(),

  /** Offers numbers; a row whose number or Otter id is taken is skipped (the caller reads back). */
  offerNumbers: (
    db: Executor,
    rows: readonly { kind: NumericKind; cc_id: number; otter_id: string; account_id: string }[],
    at: Date,
  ) =>
    db
      .insertInto("cc_numeric_ids")
      .values(rows.map((r) => ({ ...r, created_at: at })))
      .onConflict((oc) => oc.doNothing())
      .execute(),

  /** The answer an earlier edit with this key got, if within the window. */
  findIdempotent: (db: Executor, accountId: string, key: string, since: Date) =>
    db
      .selectFrom("cc_idempotency")
      .select(["iccid", "status"])
      .where("account_id", "=", accountId)
      .where("key", "=", key)
      .where("created_at", ">=", since)
      .executeTakeFirst(),

  /** Remembers an edit's key (replacing one older than the window); false when another request holds it. */
  rememberIdempotent: async (
    db: Executor,
    row: { account_id: string; key: string; iccid: string; status: number },
    at: Date,
    since: Date,
  ) => {
    const res = await db
      .insertInto("cc_idempotency")
      .values({ ...row, created_at: at })
      .onConflict((oc) =>
        oc
          .columns(["account_id", "key"])
          .doUpdateSet({ iccid: row.iccid, status: row.status, created_at: at })
          .where("cc_idempotency.created_at", "<", since),
      )
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};

const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const SMS = "0190a8a0-0000-7000-8000-000000000005";
const AT = new Date("2026-12-01T00:00:00Z");
const DAY_BEFORE = new Date("2026-11-30T00:00:00Z");

export const controlcenterRepoSql: SqlExamples<typeof controlcenterRepo> = {
  numbersOf: [["account", [ACCOUNT]]],
  otterIdOf: [["sms", 1770000000000001]],
  offerNumbers: [
    [[{ kind: "sms", cc_id: 1770000000000001, otter_id: SMS, account_id: ACCOUNT }], AT],
  ],
  findIdempotent: [[ACCOUNT, "import-row-17", DAY_BEFORE]],
  rememberIdempotent: [
    [
      { account_id: ACCOUNT, key: "import-row-17", iccid: "89440000000000000001", status: 200 },
      AT,
      DAY_BEFORE,
    ],
  ],
};
