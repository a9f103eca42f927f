import type { Insertable, Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SimActionsTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { pathOf } from "../tenancy/tenancy.js";

/** Queries over remote actions on SIMs. Every function takes the executor it runs on. */
export const simActionsRepo = {
  insert: (tx: Tx, row: Insertable<SimActionsTable>) =>
    tx.insertInto("sim_actions").values(row).execute(),

  /** An action with the path of the account that requested it (for the subtree check). */
  findById: (db: Executor, id: string) =>
    db
      .selectFrom("sim_actions")
      .selectAll("sim_actions")
      .select((eb) => pathOf(eb, "sim_actions.account_id").as("account_path"))
      .where("sim_actions.id", "=", id)
      .executeTakeFirst(),

  /** The SIM's latest actions, newest first, each with the path of the account that requested it. */
  listForSim: (db: Executor, simId: string, limit: number) =>
    db
      .selectFrom("sim_actions")
      .selectAll("sim_actions")
      .select((eb) => pathOf(eb, "sim_actions.account_id").as("account_path"))
      .where("sim_actions.sim_id", "=", simId)
      .orderBy("sim_actions.id", "desc")
      .limit(limit)
      .execute(),

  /** Ids of the SIM's actions of `type` requested after `since` (for the hourly limits). */
  requestedSince: (db: Executor, simId: string, type: string, since: Date) =>
    db
      .selectFrom("sim_actions")
      .select("id")
      .where("sim_id", "=", simId)
      .where("type", "=", type)
      .where("created_at", ">", since)
      .execute(),

  /** The SIM's actions still waiting for their proof at `now` (queued, submitted, or watched until later). */
  pendingForSim: (db: Executor, simId: string, now: Date) =>
    db
      .selectFrom("sim_actions")
      .select(["id", "type", "created_at", "watch_until"])
      .where("sim_id", "=", simId)
      .where("status", "in", ["queued", "submitted", "watching"])
      .where((eb) => eb.or([eb("watch_until", "is", null), eb("watch_until", ">", now)]))
      .orderBy("created_at")
      .execute(),

  /** SMS actions whose SMS is not yet delivered or failed, oldest first. */
  smsInFlight: (db: Executor, limit: number) =>
    db
      .selectFrom("sim_actions")
      .selectAll()
      .where("type", "=", "send-sms")
      .where("status", "in", ["queued", "submitted"])
      .orderBy("created_at")
      .limit(limit)
      .execute(),

  /** Actions whose network signals are being watched for, oldest first. */
  watching: (db: Executor, limit: number) =>
    db
      .selectFrom("sim_actions")
      .selectAll()
      .where("status", "=", "watching")
      .orderBy("created_at")
      .limit(limit)
      .execute(),

  /** Actions reported still silent after `since`, which late signals may still prove back online. */
  stillSilentSince: (db: Executor, since: Date, limit: number) =>
    db
      .selectFrom("sim_actions")
      .selectAll()
      .where("status", "=", "still_silent")
      .where("completed_at", ">", since)
      .orderBy("completed_at")
      .limit(limit)
      .execute(),

  /** Moves an action on, only if it is still in `fromStatus` (another node may have moved it). */
  advance: (db: Executor, id: string, fromStatus: string, patch: Updateable<SimActionsTable>) =>
    db
      .updateTable("sim_actions")
      .set(patch)
      .where("id", "=", id)
      .where("status", "=", fromStatus)
      .executeTakeFirst(),
};

const ACTION = "0190a8a0-0000-7000-8000-000000000001";
const SIM = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-12-01T00:00:00Z");

export const simActionsRepoSql: SqlExamples<typeof simActionsRepo> = {
  insert: [
    [
      {
        id: ACTION,
        account_id: "0190a8a0-0000-7000-8000-000000000003",
        sim_id: SIM,
        iccid: "89440000000000000001",
        type: "reset-connectivity",
        status: "watching",
        reason: "device offline since the weekend",
        params: JSON.stringify({ watchMinutes: 120 }),
        requested_by_user: "0190a8a0-0000-7000-8000-000000000004",
        requested_by: "Dana Fleet",
        watch_until: new Date("2026-12-01T02:00:00Z"),
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  findById: [[ACTION]],
  listForSim: [[SIM, 100]],
  requestedSince: [[SIM, "send-sms", AT]],
  pendingForSim: [[SIM, AT]],
  smsInFlight: [[200]],
  watching: [[200]],
  stillSilentSince: [[AT, 200]],
  advance: [
    [
      ACTION,
      "watching",
      {
        status: "back_online",
        outcome: JSON.stringify({ summary: "Back online." }),
        completed_at: AT,
        updated_at: AT,
      },
    ],
    [ACTION, "queued", { status: "submitted", updated_at: AT }],
  ],
};
