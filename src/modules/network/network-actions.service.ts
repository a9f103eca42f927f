import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { requirePermission } from "../auth/permissions.js";
import { type HolderView, holderView, PREVIOUS_HOLDER } from "../auth/holder.js";
import type { Principal } from "../auth/principal.js";
import type { SimsService } from "../sims/sims.service.js";
import type { DisconnectResult, DisconnectTarget } from "../../network/disconnect-client.js";
import { hssEndpointsRepo } from "./hss-endpoints.repo.js";
import { networkActionsRepo as repo } from "./network-actions.repo.js";
import { sessionsRepo } from "./sessions.repo.js";

/** A signed cancel-location request to an HSS endpoint; returns the HTTP status or throws. */
export type CancelLocationSender = (
  url: string,
  secret: string,
  body: { requestId: string; imsi: string; cancellationType: "subscription_withdrawal" },
) => Promise<number>;

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
  cancelLocation: CancelLocationSender;
}

const RETRY_MS = [60_000, 5 * 60_000, 30 * 60_000];
/** How long a node may hold an action it is sending before another node takes it back. */
const CLAIM_MS = 10 * 60_000;

export function createNetworkActionsService(deps: Deps) {
  const { db, clock } = deps;

  type Row = {
    id: string;
    kind: string;
    status: string;
    reason: string;
    requested_by: string;
    attempts: number;
    result: unknown;
    created_at: Date;
    updated_at: Date;
    session_id: string | null;
    account_path: string | null;
  };

  /**
   * An action as the reader may see it: one asked for while another customer held the SIM keeps its
   * kind, status and times, not who asked, why, nor that holder's session and the network's answer.
   */
  function present(a: Row, view: HolderView) {
    const whole = view.seesWhoAndWhy(a.account_path);
    return {
      id: a.id,
      kind: a.kind,
      status: a.status,
      reason: whole ? a.reason : PREVIOUS_HOLDER,
      requestedBy: whole ? a.requested_by : PREVIOUS_HOLDER,
      attempts: a.attempts,
      sessionId: whole ? a.session_id : null,
      result: whole ? (a.result ?? null) : null,
      createdAt: a.created_at.toISOString(),
      updatedAt: a.updated_at.toISOString(),
    };
  }

  async function deliverCancelLocation(action: { id: string; attempts: number; target: unknown }) {
    const t = action.target as { hssEndpointId: string; imsi: string };
    const endpoint = await hssEndpointsRepo.findById(db, t.hssEndpointId);
    let status: "acked" | "failed" | "queued";
    let result: Record<string, unknown>;
    if (!endpoint) {
      status = "failed";
      result = { error: "The HSS endpoint no longer exists." };
    } else {
      const url = `${endpoint.url.replace(/\/$/, "")}/cancel-location`;
      try {
        const code = await deps.cancelLocation(url, deps.secrets.open(endpoint.secret_sealed), {
          requestId: action.id,
          imsi: t.imsi,
          cancellationType: "subscription_withdrawal",
        });
        status =
          code >= 200 && code < 300
            ? "acked"
            : code >= 500 || code === 429
              ? action.attempts + 1 > RETRY_MS.length
                ? "failed"
                : "queued"
              : "failed";
        result = {
          outcome: status === "acked" ? "ack" : "http_error",
          httpStatus: code,
          endpoint: endpoint.name,
          at: clock.now().toISOString(),
        };
      } catch (err) {
        status = action.attempts + 1 > RETRY_MS.length ? "failed" : "queued";
        result = {
          outcome: "unreachable",
          error: (err as Error).message,
          endpoint: endpoint.name,
          at: clock.now().toISOString(),
        };
      }
    }
    await repo.recordAttempt(db, action.id, {
      status,
      attempts: action.attempts + 1,
      result: JSON.stringify(result),
      updated_at: clock.now(),
      next_attempt_at:
        status === "queued"
          ? new Date(
              clock.now().getTime() + RETRY_MS[Math.min(action.attempts, RETRY_MS.length - 1)]!,
            )
          : null,
    });
  }

  return {
    /** Queues a Disconnect-Request for the SIM's open sessions (or one of them), in the caller's transaction. */
    async disconnectSim(
      tx: Executor,
      sim: { id: string; account_id: string },
      reason: string,
      requestedBy: string,
      only?: { clientId: string; acctSessionId: string },
      simActionId?: string,
    ): Promise<number> {
      const open = await sessionsRepo.openIds(tx, sim.id, only);
      const now = clock.now();
      for (const s of open) {
        const already = await repo.pendingDisconnect(tx, s.id);
        if (already) continue;
        await repo.insert(tx, {
          id: newId(),
          account_id: sim.account_id,
          sim_id: sim.id,
          session_id: s.id,
          kind: "disconnect",
          status: "queued",
          reason,
          requested_by: requestedBy,
          next_attempt_at: now,
          created_at: now,
          updated_at: now,
          sim_action_id: simActionId ?? null,
        });
      }
      return open.length;
    },

    /**
     * Queues a cancel-location (subscription withdrawal) to the HSS endpoint that serves the IMSI —
     * the longest matching IMSI prefix, or an endpoint without prefixes — so the device re-attaches.
     * Returns false when no HSS endpoint is registered for it.
     */
    async cancelLocation(
      tx: Executor,
      sim: { id: string; account_id: string; imsi: string },
      reason: string,
      requestedBy: string,
      simActionId?: string,
    ): Promise<boolean> {
      const endpoints = await hssEndpointsRepo.listImsiPrefixes(tx);
      const scored = endpoints
        .map((e) => ({
          e,
          score:
            e.imsi_prefixes.length === 0
              ? 0
              : Math.max(
                  -1,
                  ...e.imsi_prefixes.filter((p) => sim.imsi.startsWith(p)).map((p) => p.length),
                ),
        }))
        .filter((x) => x.score >= 0)
        .sort((a, b) => b.score - a.score);
      const chosen = scored[0]?.e;
      if (!chosen) return false;
      const now = clock.now();
      await repo.insert(tx, {
        id: newId(),
        account_id: sim.account_id,
        sim_id: sim.id,
        session_id: null,
        kind: "cancel_location",
        status: "queued",
        reason,
        requested_by: requestedBy,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
        sim_action_id: simActionId ?? null,
        target: JSON.stringify({ hssEndpointId: chosen.id, imsi: sim.imsi }),
      });
      return true;
    },

    /** Network actions taken for one remote action, with their results, as `view`'s reader may see them. */
    async forSimAction(ex: Executor, simActionId: string, view: HolderView) {
      const rows = await repo.forSimAction(ex, simActionId);
      return rows.map((r) => present(r, view));
    },

    /** Sends due actions; each is claimed (SKIP LOCKED) so two Otter nodes never send the same one. */
    async deliverDue(limit = 50): Promise<number> {
      const claimed = await inTransaction(db, async (tx) => {
        // A claim whose node died mid-send lapses and is sent again (gateways and HSSs take repeats).
        await repo.requeueLapsed(tx, clock.now());
        const due = await repo.lockDue(tx, clock.now(), limit);
        if (due.length === 0) return [];
        await repo.markSending(
          tx,
          due.map((d) => d.id),
          CLAIM_MS,
          clock.now(),
        );
        return due;
      });
      for (const action of claimed) {
        if (action.kind === "cancel_location") {
          await deliverCancelLocation(action);
          continue;
        }
        const target = await repo.disconnectTarget(db, action.session_id!);
        let status: "acked" | "nak" | "failed" | "queued";
        let result: Record<string, unknown>;
        if (!target) {
          status = "failed";
          result = { error: "The session or its gateway no longer exists." };
        } else {
          const host = target.nas_ip ?? target.address.split("/")[0]!;
          const r = await Promise.resolve()
            .then(() =>
              deps.send({
                host,
                port: target.coa_port,
                secret: deps.secrets.open(target.secret_sealed),
                sessionId: target.acct_session_id,
                imsi: target.imsi,
                framedIp: target.ip,
                nasIp: target.nas_ip,
              }),
            )
            .catch((err: Error) => ({ outcome: "error" as const, message: err.message }));
          result = { ...r, gateway: `${host}:${target.coa_port}`, at: clock.now().toISOString() };
          if (r.outcome === "ack") status = "acked";
          else if (r.outcome === "nak") status = "nak";
          else status = action.attempts + 1 >= RETRY_MS.length + 1 ? "failed" : "queued";
        }
        await repo.recordAttempt(db, action.id, {
          status,
          attempts: action.attempts + 1,
          result: JSON.stringify(result),
          updated_at: clock.now(),
          next_attempt_at:
            status === "queued"
              ? new Date(
                  clock.now().getTime() + RETRY_MS[Math.min(action.attempts, RETRY_MS.length - 1)]!,
                )
              : null,
        });
        if (status !== "acked")
          deps.logger.warn({ actionId: action.id, result }, "Disconnect-Request not acknowledged");
      }
      return claimed.length;
    },

    async listForSim(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const rows = await repo.latestForSim(db, sim.id, 200);
      const view = holderView(principal);
      return rows.map((r) => present(r, view));
    },
  };
}

export type NetworkActionsService = ReturnType<typeof createNetworkActionsService>;
