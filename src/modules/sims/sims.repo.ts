import type { Executor } from "../../db/database.js";

/** Queries over SIMs, their audit trail and scheduled changes. */
export const simsRepo = {
  /** A SIM with its account's path (for the subtree check). */
  findByIccid: (db: Executor, iccid: string, opts: { forUpdate?: boolean } = {}) => {
    let q = db.selectFrom("sims").innerJoin("accounts", "accounts.id", "sims.account_id")
      .selectAll("sims").select("accounts.path as account_path").where("sims.iccid", "=", iccid);
    if (opts.forUpdate) q = q.forUpdate("sims");
    return q.executeTakeFirst();
  },

  findById: (db: Executor, id: string, opts: { forUpdate?: boolean } = {}) => {
    let q = db.selectFrom("sims").innerJoin("accounts", "accounts.id", "sims.account_id")
      .selectAll("sims").select("accounts.path as account_path").where("sims.id", "=", id);
    if (opts.forUpdate) q = q.forUpdate("sims");
    return q.executeTakeFirst();
  },

  auditTrail: (db: Executor, simId: string, opts: { after?: string; limit: number }) => {
    let q = db.selectFrom("sim_audit").selectAll().where("sim_id", "=", simId);
    if (opts.after) q = q.where("id", ">", opts.after);
    return q.orderBy("id").limit(opts.limit).execute();
  },

  pendingChanges: (db: Executor, simId: string) =>
    db.selectFrom("sim_scheduled_changes").selectAll().where("sim_id", "=", simId)
      .where("status", "=", "pending").orderBy("effective_date").execute(),

  scheduledChanges: (db: Executor, simId: string) =>
    db.selectFrom("sim_scheduled_changes").selectAll().where("sim_id", "=", simId).orderBy("id").execute(),

  /** Due scheduled changes, claimed so that two Otter nodes never apply the same one. */
  claimDue: (db: Executor, now: Date, limit: number) =>
    db.selectFrom("sim_scheduled_changes").selectAll().where("status", "=", "pending")
      .where("effective_date", "<=", now).orderBy("effective_date").limit(limit)
      .forUpdate().skipLocked().execute(),
};
