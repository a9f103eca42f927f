import type { Executor } from "../../db/database.js";

/** Queries over SIMs, their audit trail and scheduled changes. */
export const simsRepo = {
  /** A SIM with its account's path (for the subtree check). */
  findByIccid: (db: Executor, iccid: string, opts: { forUpdate?: boolean } = {}) => {
    let q = db
      .selectFrom("sims")
      .innerJoin("accounts", "accounts.id", "sims.account_id")
      .selectAll("sims")
      .select("accounts.path as account_path")
      .where("sims.iccid", "=", iccid);
    if (opts.forUpdate) q = q.forUpdate("sims");
    return q.executeTakeFirst();
  },

  findById: (db: Executor, id: string, opts: { forUpdate?: boolean } = {}) => {
    let q = db
      .selectFrom("sims")
      .innerJoin("accounts", "accounts.id", "sims.account_id")
      .selectAll("sims")
      .select("accounts.path as account_path")
      .where("sims.id", "=", id);
    if (opts.forUpdate) q = q.forUpdate("sims");
    return q.executeTakeFirst();
  },

  /** The SIM's audit records, each with the path of the account that held the SIM then. */
  auditTrail: (db: Executor, simId: string, opts: { after?: string; limit: number }) => {
    let q = db
      .selectFrom("sim_audit")
      .leftJoin("accounts", "accounts.id", "sim_audit.account_id")
      .selectAll("sim_audit")
      .select("accounts.path as account_path")
      .where("sim_audit.sim_id", "=", simId);
    if (opts.after) q = q.where("sim_audit.id", ">", opts.after);
    return q.orderBy("sim_audit.id").limit(opts.limit).execute();
  },

  /** Pending changes, each with the path of the account that held the SIM when it was scheduled. */
  pendingChanges: (db: Executor, simId: string) =>
    db
      .selectFrom("sim_scheduled_changes")
      .leftJoin("accounts", "accounts.id", "sim_scheduled_changes.account_id")
      .selectAll("sim_scheduled_changes")
      .select("accounts.path as account_path")
      .where("sim_scheduled_changes.sim_id", "=", simId)
      .where("sim_scheduled_changes.status", "=", "pending")
      .orderBy("sim_scheduled_changes.effective_date")
      .execute(),

  scheduledChanges: (db: Executor, simId: string) =>
    db
      .selectFrom("sim_scheduled_changes")
      .leftJoin("accounts", "accounts.id", "sim_scheduled_changes.account_id")
      .selectAll("sim_scheduled_changes")
      .select("accounts.path as account_path")
      .where("sim_scheduled_changes.sim_id", "=", simId)
      .orderBy("sim_scheduled_changes.id")
      .execute(),

  /** Paths of the given accounts (ids that appear as values in a SIM's history). */
  accountPaths: async (db: Executor, ids: string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom("accounts")
      .select(["id", "path"])
      .where("id", "in", ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.path]));
  },

  /**
   * Cancels, on a change of holder, the pending changes that the customer users of the previous holder
   * scheduled (changes the operator scheduled stay and are checked again when due). Returns them.
   */
  cancelPendingByCustomers: async (tx: Executor, simId: string) => {
    const pending = await tx
      .selectFrom("sim_scheduled_changes")
      .selectAll()
      .where("sim_id", "=", simId)
      .where("status", "=", "pending")
      .orderBy("effective_date")
      .forUpdate()
      .execute();
    const theirs = pending.filter((c) => !(c.changes as { byOperator?: boolean }).byOperator);
    if (theirs.length === 0) return [];
    await tx
      .updateTable("sim_scheduled_changes")
      .set({ status: "cancelled" })
      .where(
        "id",
        "in",
        theirs.map((c) => c.id),
      )
      .execute();
    return theirs;
  },

  /** Due scheduled changes, claimed so that two Otter nodes never apply the same one. */
  claimDue: (db: Executor, now: Date, limit: number) =>
    db
      .selectFrom("sim_scheduled_changes")
      .selectAll()
      .where("status", "=", "pending")
      .where("effective_date", "<=", now)
      .orderBy("effective_date")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
};
