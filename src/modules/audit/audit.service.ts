import type { Db, Executor } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { Actor } from "../auth/principal.js";

/** The general audit log: who did what to which entity (SIM field changes have their own trail). */
export interface AuditEntry {
  accountId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

export function createAuditService(deps: { db: Db; clock: Clock }) {
  return {
    /** Entries of the accounts under `path`, newest first. */
    async list(
      path: string,
      q: {
        entityType?: string;
        entityId?: string;
        action?: string;
        cursor?: string;
        limit: number;
      },
    ) {
      let query = deps.db
        .selectFrom("audit_log")
        .innerJoin("accounts", "accounts.id", "audit_log.account_id")
        .selectAll("audit_log")
        .where("accounts.path", "like", `${path}%`);
      if (q.entityType) query = query.where("audit_log.entity_type", "=", q.entityType);
      if (q.entityId) query = query.where("audit_log.entity_id", "=", q.entityId);
      if (q.action) query = query.where("audit_log.action", "=", q.action);
      if (q.cursor) query = query.where("audit_log.id", "<", q.cursor);
      const rows = await query
        .orderBy("audit_log.id", "desc")
        .limit(q.limit + 1)
        .execute();
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          accountId: r.account_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          actor: { userId: r.actor_user_id, name: r.actor_name },
          data: r.data,
          createdAt: r.created_at.toISOString(),
        })),
        nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
      };
    },

    async record(tx: Executor, entry: AuditEntry): Promise<void> {
      await tx
        .insertInto("audit_log")
        .values({
          id: newId(),
          account_id: entry.accountId,
          actor_user_id: entry.actor.userId,
          actor_name: entry.actor.name,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          data: JSON.stringify(entry.data),
          created_at: deps.clock.now(),
        })
        .execute();
    },
    async listForEntity(db: Executor, entityType: string, entityId: string) {
      const rows = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("entity_type", "=", entityType)
        .where("entity_id", "=", entityId)
        .orderBy("id")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        action: r.action,
        actor: { userId: r.actor_user_id, name: r.actor_name },
        data: r.data as Record<string, unknown>,
        createdAt: r.created_at.toISOString(),
      }));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
