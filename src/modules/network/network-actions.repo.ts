import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { NetworkActionsTable } from "../../db/schema.js";
import { pathOf } from "../tenancy/tenancy.js";

/** Queries over the actions Otter takes towards the network, and the gateways and HSSs they go to. */
export const networkActionsRepo = {
  insert: (db: Executor, row: Insertable<NetworkActionsTable>) =>
    db.insertInto("network_actions").values(row).execute(),

  /** Whether a Disconnect-Request for the session is waiting or being sent. */
  pendingDisconnect: (db: Executor, sessionId: string) =>
    db
      .selectFrom("network_actions")
      .select("id")
      .where("session_id", "=", sessionId)
      .where("kind", "=", "disconnect")
      .where("status", "in", ["queued", "sending"])
      .executeTakeFirst(),

  /** Actions taken for one remote action, oldest first, each with the path of the account that held the SIM. */
  forSimAction: (db: Executor, simActionId: string) =>
    db
      .selectFrom("network_actions")
      .selectAll("network_actions")
      .select((eb) => pathOf(eb, "network_actions.account_id").as("account_path"))
      .where("network_actions.sim_action_id", "=", simActionId)
      .orderBy("network_actions.id")
      .execute(),

  /** The SIM's latest actions, newest first, each with the path of the account that held the SIM. */
  latestForSim: (db: Executor, simId: string, limit: number) =>
    db
      .selectFrom("network_actions")
      .selectAll("network_actions")
      .select((eb) => pathOf(eb, "network_actions.account_id").as("account_path"))
      .where("network_actions.sim_id", "=", simId)
      .orderBy("network_actions.id", "desc")
      .limit(limit)
      .execute(),

  /**
   * Puts back in the queue the actions whose sending node let its claim lapse (crashed mid-send),
   * on the database server's clock (node clocks may differ).
   */
  requeueLapsed: (tx: Tx, now: Date) =>
    tx
      .updateTable("network_actions")
      .set({ status: "queued", next_attempt_at: now })
      .where("status", "=", "sending")
      .where("next_attempt_at", "<", sql<Date>`now()`)
      .execute(),

  /** Up to `limit` due actions no other node has locked (`SKIP LOCKED`), soonest due first. */
  lockDue: (tx: Tx, now: Date, limit: number) =>
    tx
      .selectFrom("network_actions")
      .selectAll()
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  /**
   * While an action is `sending`, `next_attempt_at` holds the moment its claim lapses, `leaseMs`
   * from now on the database server's clock.
   */
  markSending: (tx: Tx, ids: string[], leaseMs: number, now: Date) =>
    tx
      .updateTable("network_actions")
      .set({
        status: "sending",
        next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
        updated_at: now,
      })
      .where("id", "in", ids)
      .execute(),

  /** What one delivery attempt came to: status, attempts, the network's answer and the next try. */
  recordAttempt: (db: Executor, id: string, outcome: Updateable<NetworkActionsTable>) =>
    db.updateTable("network_actions").set(outcome).where("id", "=", id).execute(),

  /** The session a Disconnect-Request tears down, with the address and secret of its gateway. */
  disconnectTarget: (db: Executor, sessionId: string) =>
    db
      .selectFrom("data_sessions")
      .innerJoin("network_clients", "network_clients.id", "data_sessions.client_id")
      .select([
        "data_sessions.acct_session_id",
        "data_sessions.imsi",
        "data_sessions.ip",
        "data_sessions.nas_ip",
        "data_sessions.status",
        "network_clients.address",
        "network_clients.coa_port",
        "network_clients.secret_sealed",
      ])
      .where("data_sessions.id", "=", sessionId)
      .executeTakeFirst(),
};

const ACTION = "0190a8a0-0000-7000-8000-000000000001";
const SIM = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-12-01T00:00:00Z");

export const networkActionsRepoSql: SqlExamples<typeof networkActionsRepo> = {
  insert: [
    [
      {
        id: ACTION,
        account_id: "0190a8a0-0000-7000-8000-000000000003",
        sim_id: SIM,
        session_id: "0190a8a0-0000-7000-8000-000000000004",
        kind: "disconnect",
        status: "queued",
        reason: "data limit of 1000000 bytes reached",
        requested_by: "system",
        next_attempt_at: AT,
        created_at: AT,
        updated_at: AT,
        sim_action_id: null,
      },
    ],
  ],
  pendingDisconnect: [["0190a8a0-0000-7000-8000-000000000004"]],
  forSimAction: [["0190a8a0-0000-7000-8000-000000000005"]],
  latestForSim: [[SIM, 200]],
  requeueLapsed: [[AT]],
  lockDue: [[AT, 50]],
  markSending: [[[ACTION], 600_000, AT]],
  recordAttempt: [
    [
      ACTION,
      {
        status: "acked",
        attempts: 1,
        result: JSON.stringify({ outcome: "ack" }),
        updated_at: AT,
        next_attempt_at: null,
      },
    ],
  ],
  disconnectTarget: [["0190a8a0-0000-7000-8000-000000000004"]],
};
