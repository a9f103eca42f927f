import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { AuditLogTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { withinSubtree } from "../tenancy/tenancy.js";

/** Queries over the general audit log. Every function takes the executor it runs on. */
export const auditRepo = {
  insert: (db: Executor, row: Insertable<AuditLogTable>) =>
    db.insertInto("audit_log").values(row).execute(),

  /** Entries of the accounts in the subtree at `path`, newest first; `before` is an entry id. */
  listWithin: (
    db: Executor,
    path: string,
    opts: {
      entityType?: string;
      entityId?: string;
      action?: string;
      before?: string;
      limit: number;
    },
  ) => {
    let q = db
      .selectFrom("audit_log")
      .selectAll("audit_log")
      .where((eb) => withinSubtree(eb, "audit_log.account_id", path));
    if (opts.entityType) q = q.where("audit_log.entity_type", "=", opts.entityType);
    if (opts.entityId) q = q.where("audit_log.entity_id", "=", opts.entityId);
    if (opts.action) q = q.where("audit_log.action", "=", opts.action);
    if (opts.before) q = q.where("audit_log.id", "<", opts.before);
    return q.orderBy("audit_log.id", "desc").limit(opts.limit).execute();
  },

  /** Every entry about one entity, oldest first. */
  listForEntity: (db: Executor, entityType: string, entityId: string) =>
    db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", entityType)
      .where("entity_id", "=", entityId)
      .orderBy("id")
      .execute(),
};

const ACCOUNT = "0190a8a0-0000-7000-8000-000000000001";
const AT = new Date("2026-12-01T00:00:00Z");

export const auditRepoSql: SqlExamples<typeof auditRepo> = {
  insert: [
    [
      {
        id: "0190a8a0-0000-7000-8000-000000000002",
        account_id: ACCOUNT,
        actor_user_id: "0190a8a0-0000-7000-8000-000000000003",
        actor_name: "Dana Fleet",
        action: "zone.created",
        entity_type: "zone",
        entity_id: "0190a8a0-0000-7000-8000-000000000004",
        data: JSON.stringify({ name: "Europe" }),
        created_at: AT,
      },
    ],
  ],
  listWithin: [
    [`/${ACCOUNT}/`, { limit: 51 }],
    [
      `/${ACCOUNT}/`,
      {
        entityType: "sim",
        entityId: "89440000000000000001",
        action: "sim_action.reset-connectivity",
        before: "0190a8a0-0000-7000-8000-000000000009",
        limit: 51,
      },
    ],
  ],
  listForEntity: [["sim", "89440000000000000001"]],
};
