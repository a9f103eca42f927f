import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import type { SimsService } from "../sims/sims.service.js";
import type { DisconnectResult, DisconnectTarget } from "../../network/disconnect-client.js";

/**
 * Actions Otter takes towards the network, stored in the transaction that decides them and then
 * delivered by a worker: today the RFC 5176 Disconnect-Request that tears down a data session (a SIM
 * over its data limit is barred this way). Every action keeps its result, so "what did Otter do and
 * what did the network say" has an answer.
 */
interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  sims: Pick<SimsService, "requireVisibleSim">;
  send: (target: DisconnectTarget) => Promise<DisconnectResult>;
}

const RETRY_MS = [60_000, 5 * 60_000, 30 * 60_000];

export function createNetworkActionsService(deps: Deps) {
  const { db, clock } = deps;

  const present = (a: { id: string; kind: string; status: string; reason: string; requested_by: string; attempts: number; result: unknown; created_at: Date; updated_at: Date; session_id: string | null }) => ({
    id: a.id, kind: a.kind, status: a.status, reason: a.reason, requestedBy: a.requested_by, attempts: a.attempts,
    sessionId: a.session_id, result: a.result ?? null, createdAt: a.created_at.toISOString(), updatedAt: a.updated_at.toISOString(),
  });

  return {
    /** Queues a Disconnect-Request for the SIM's open sessions (or one of them), in the caller's transaction. */
    async disconnectSim(tx: Executor, sim: { id: string; account_id: string }, reason: string, requestedBy: string, only?: { clientId: string; acctSessionId: string }): Promise<number> {
      let q = tx.selectFrom("data_sessions").select(["id"]).where("sim_id", "=", sim.id).where("status", "=", "open");
      if (only) q = q.where("client_id", "=", only.clientId).where("acct_session_id", "=", only.acctSessionId);
      const open = await q.execute();
      const now = clock.now();
      for (const s of open) {
        const already = await tx.selectFrom("network_actions").select("id").where("session_id", "=", s.id).where("kind", "=", "disconnect")
          .where("status", "in", ["queued", "sending"]).executeTakeFirst();
        if (already) continue;
        await tx.insertInto("network_actions").values({
          id: newId(), account_id: sim.account_id, sim_id: sim.id, session_id: s.id, kind: "disconnect", status: "queued",
          reason, requested_by: requestedBy, next_attempt_at: now, created_at: now, updated_at: now,
        }).execute();
      }
      return open.length;
    },

    /** Sends due actions; each is claimed (SKIP LOCKED) so two Otter nodes never send the same one. */
    async deliverDue(limit = 50): Promise<number> {
      const claimed = await inTransaction(db, async (tx) => {
        const due = await tx.selectFrom("network_actions").selectAll().where("status", "=", "queued")
          .where("next_attempt_at", "<=", clock.now()).orderBy("next_attempt_at").limit(limit).forUpdate().skipLocked().execute();
        if (due.length === 0) return [];
        await tx.updateTable("network_actions").set({ status: "sending", updated_at: clock.now() }).where("id", "in", due.map((d) => d.id)).execute();
        return due;
      });
      for (const action of claimed) {
        const target = await db.selectFrom("data_sessions").innerJoin("network_clients", "network_clients.id", "data_sessions.client_id")
          .select(["data_sessions.acct_session_id", "data_sessions.imsi", "data_sessions.ip", "data_sessions.nas_ip", "data_sessions.status", "network_clients.address", "network_clients.coa_port", "network_clients.secret_sealed"])
          .where("data_sessions.id", "=", action.session_id!).executeTakeFirst();
        let status: "acked" | "nak" | "failed" | "queued";
        let result: Record<string, unknown>;
        if (!target) {
          status = "failed";
          result = { error: "The session or its gateway no longer exists." };
        } else {
          const host = target.nas_ip ?? target.address.split("/")[0]!;
          const r = await deps.send({ host, port: target.coa_port, secret: deps.secrets.open(target.secret_sealed), sessionId: target.acct_session_id, imsi: target.imsi, framedIp: target.ip, nasIp: target.nas_ip }).catch((err: Error) => ({ outcome: "error" as const, message: err.message }));
          result = { ...r, gateway: `${host}:${target.coa_port}`, at: clock.now().toISOString() };
          if (r.outcome === "ack") status = "acked";
          else if (r.outcome === "nak") status = "nak";
          else status = action.attempts + 1 >= RETRY_MS.length + 1 ? "failed" : "queued";
        }
        await db.updateTable("network_actions").set({
          status, attempts: action.attempts + 1, result: JSON.stringify(result), updated_at: clock.now(),
          next_attempt_at: status === "queued" ? new Date(clock.now().getTime() + RETRY_MS[Math.min(action.attempts, RETRY_MS.length - 1)]!) : null,
        }).where("id", "=", action.id).execute();
        if (status !== "acked") deps.logger.warn({ actionId: action.id, result }, "Disconnect-Request not acknowledged");
      }
      return claimed.length;
    },

    async listForSim(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const rows = await db.selectFrom("network_actions").selectAll().where("sim_id", "=", sim.id).orderBy("id", "desc").limit(200).execute();
      return rows.map(present);
    },
  };
}

export type NetworkActionsService = ReturnType<typeof createNetworkActionsService>;
