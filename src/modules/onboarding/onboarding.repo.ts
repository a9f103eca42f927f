import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { OnboardingState, OnboardingsTable, OnboardingTasksTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";

/** Queries over `onboardings` (migration 0025). */
export const onboardingRepo = {
  findById: (db: Executor, id: string) =>
    db.selectFrom("onboardings").selectAll().where("id", "=", id).executeTakeFirst(),

  findByReference: (db: Executor, reference: string) =>
    db.selectFrom("onboardings").selectAll().where("reference", "=", reference).executeTakeFirst(),

  /** Locks the row: one provisioning run or state change at a time. */
  lock: (tx: Tx, id: string) =>
    tx.selectFrom("onboardings").selectAll().where("id", "=", id).forUpdate().executeTakeFirst(),

  /** Newest first, a page after the cursor (an id). */
  list: (db: Executor, opts: { before?: string; limit: number; state?: OnboardingState }) => {
    let q = db.selectFrom("onboardings").selectAll();
    if (opts.before) q = q.where("id", "<", opts.before);
    if (opts.state) q = q.where("state", "=", opts.state);
    return q.orderBy("id", "desc").limit(opts.limit).execute();
  },

  /** The private APNs and pools of the other onboardings that are not failed. */
  servicesOfOthers: (db: Executor, reference: string) =>
    db
      .selectFrom("onboardings")
      .select(["reference", "services"])
      .where("reference", "!=", reference)
      .where("state", "!=", "failed")
      .execute(),

  /**
   * The onboardings stored before PSKs were sealed that may still hold one in clear: a `"psk"` key
   * anywhere in the spec, the applied spec or the services (`pskSealed` does not match). Read once
   * at startup; after the re-sealing none is left, so the scan finds nothing.
   */
  idsWithClearPsk: (db: Executor) =>
    db
      .selectFrom("onboardings")
      .select("id")
      .where((eb) =>
        eb.or([
          eb(sql`spec::text`, "like", '%"psk":%'),
          eb(sql`provisioned::text`, "like", '%"psk":%'),
          eb(sql`services::text`, "like", '%"psk":%'),
        ]),
      )
      .execute(),

  insert: (tx: Tx, row: Insertable<OnboardingsTable>) =>
    tx.insertInto("onboardings").values(row).returningAll().executeTakeFirstOrThrow(),

  update: (tx: Tx, id: string, patch: Updateable<OnboardingsTable>) =>
    tx
      .updateTable("onboardings")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** The tasks of an onboarding, by due date (migration 0026). */
  tasksOf: (db: Executor, onboardingId: string) =>
    db
      .selectFrom("onboarding_tasks")
      .selectAll()
      .where("onboarding_id", "=", onboardingId)
      .orderBy("due_on")
      .orderBy("created_at")
      .execute(),

  /** Inserts the tasks not there yet (one per kind): a re-run of provisioning doubles none. */
  insertTasks: (tx: Tx, rows: Insertable<OnboardingTasksTable>[]) =>
    tx
      .insertInto("onboarding_tasks")
      .values(rows)
      .onConflict((oc) => oc.columns(["onboarding_id", "kind"]).doNothing())
      .execute(),

  lockTask: (tx: Tx, onboardingId: string, taskId: string) =>
    tx
      .selectFrom("onboarding_tasks")
      .selectAll()
      .where("onboarding_id", "=", onboardingId)
      .where("id", "=", taskId)
      .forUpdate()
      .executeTakeFirst(),

  completeTask: (
    tx: Tx,
    id: string,
    patch: { note: string | null; done_at: Date; done_by: string },
  ) =>
    tx
      .updateTable("onboarding_tasks")
      .set({ ...patch, state: "done" })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** The onboardings that reached `live`, with their dates, for the lead-time summary. */
  finished: (db: Executor) =>
    db
      .selectFrom("onboardings")
      .select(["id", "reference", "contract_signed", "live_at"])
      .where("live_at", "is not", null)
      .where("state", "=", "live")
      .execute(),
};

const ID = "0190a8a0-0000-7000-8000-0000000000a1";
const AT = new Date("2026-12-01T00:00:00Z");

export const onboardingRepoSql: SqlExamples<typeof onboardingRepo> = {
  findById: [[ID]],
  findByReference: [["CTR-2026-0042"]],
  lock: [[ID]],
  list: [[{ limit: 50 }], [{ before: ID, limit: 50, state: "live" }]],
  servicesOfOthers: [["CTR-2026-0042"]],
  idsWithClearPsk: [[]],
  insert: [
    [
      {
        id: ID,
        account_id: "0190a8a0-0000-7000-8000-000000000002",
        reference: "CTR-2026-0042",
        customer_name: "Savannah Wildlife Trust",
        spec: "{}",
        spec_hash: "abc",
        state: "validated",
        findings: "[]",
        owner_email: "ops@operator.example",
        contract_signed: "2026-12-01",
        requested_go_live: "2026-12-15",
        created_by: "0190a8a0-0000-7000-8000-000000000007",
        created_at: AT,
        validated_at: AT,
        updated_at: AT,
      },
    ],
  ],
  update: [[ID, { state: "provisioning", provisioning_at: AT, updated_at: AT }]],
  tasksOf: [[ID]],
  insertTasks: [
    [
      [
        {
          id: "0190a8a0-0000-7000-8000-0000000000b1",
          onboarding_id: ID,
          kind: "acceptance",
          title: "customer acceptance",
          owner_email: "ops@operator.example",
          due_on: "2026-12-15",
          state: "open",
          created_at: AT,
        },
      ],
    ],
  ],
  lockTask: [[ID, "0190a8a0-0000-7000-8000-0000000000b1"]],
  completeTask: [
    [
      "0190a8a0-0000-7000-8000-0000000000b1",
      { note: "shipped", done_at: AT, done_by: "0190a8a0-0000-7000-8000-000000000007" },
    ],
  ],
  finished: [[]],
};
