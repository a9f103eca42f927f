import type { Db, Executor } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { Actor } from "../auth/principal.js";
import { auditRepo } from "./audit.repo.js";

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
      const rows = await auditRepo.listWithin(deps.db, path, {
        entityType: q.entityType,
        entityId: q.entityId,
        action: q.action,
        before: q.cursor,
        limit: q.limit + 1,
      });
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
      await auditRepo.insert(tx, {
        id: newId(),
        account_id: entry.accountId,
        actor_user_id: entry.actor.userId,
        actor_name: entry.actor.name,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        data: JSON.stringify(entry.data),
        created_at: deps.clock.now(),
      });
    },
    async listForEntity(db: Executor, entityType: string, entityId: string) {
      const rows = await auditRepo.listForEntity(db, entityType, entityId);
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
