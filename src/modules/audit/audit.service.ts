import type { Executor } from "../../db/database.js";
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

export function createAuditService(deps: { clock: Clock }) {
  return {
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
