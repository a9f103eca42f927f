import type { Updateable } from "kysely";
import { type Db, inTransaction } from "../../db/database.js";
import type { SimActionsTable } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, OtterError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import { type HolderView, holderView, PREVIOUS_HOLDER } from "../auth/holder.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal, SYSTEM_READER } from "../auth/principal.js";
import { inSubtree } from "../tenancy/tenancy.js";
import type { DiagnosticsService } from "../diagnostics/diagnostics.service.js";
import type { EventsService } from "../events/events.service.js";
import type { NetworkActionsService } from "../network/network-actions.service.js";
import type { NetworkViewService } from "../network/network-view.service.js";
import { CONNECTING, type SimState } from "../sims/sim-lifecycle.js";
import type { SimsService } from "../sims/sims.service.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { SmsPurpose, SmsService } from "../sms/sms.service.js";
import { actionSteps, type ActionStep, type ExpectedRhythm } from "./action-steps.js";
import { localeOf, type Locale, type Message } from "../../lib/messages/messages.js";
import { actionText } from "./sim-actions.messages.js";

const { msg } = actionText;

/**
 * An outcome's words, recorded both ways: `summary` in English (as the API always answered) and
 * `summaryMessages`, from which each reader gets them in their own language.
 */
const said = (...messages: Message[]) => ({
  summary: messages.map(actionText.legacy).join(" "),
  summaryMessages: messages,
});

/** An outcome's summary in the reader's language (recorded before its messages were: as recorded). */
function outcomeText(outcome: Record<string, unknown> | null, locale: Locale): string | null {
  const messages = outcome?.summaryMessages as Message[] | undefined;
  if (messages?.length) return messages.map((m) => actionText.text(m, locale)).join(" ");
  return typeof outcome?.summary === "string" ? outcome.summary : null;
}

const renderSteps = (steps: ActionStep[], locale: Locale) =>
  steps.map((s) => ({ ...s, message: actionText.rendered(s.message, locale) }));
import { simActionsRepo as repo } from "./sim-actions.repo.js";

export type SimActionRequest =
  | { type: "reset-connectivity"; reason: string; watchMinutes?: number }
  | { type: "activate"; reason: string; watchMinutes?: number }
  | {
      type: "change-plan";
      reason: string;
      communicationPlan?: string;
      ratePlan?: string;
      watchMinutes?: number;
    }
  | {
      type: "override-limit";
      reason: string;
      override: "TEMPORARY_OVERRIDE" | "PERMANENT_OVERRIDE" | "DEFAULT";
      watchMinutes?: number;
    }
  | {
      type: "send-sms";
      reason: string;
      text?: string;
      payloadHex?: string;
      purpose: SmsPurpose;
      watchMinutes?: number;
    };

/** Networks limit cancel-location requests; so does Otter, per SIM. */
const RESETS_PER_HOUR = 3;
/** SMS cost the customer and wake the device's modem: a few per SIM per hour is plenty. */
const SMS_PER_HOUR = 5;
/** How long after a "still silent" verdict late signals can still prove the device came back. */
const LATE_PROOF_MS = 24 * 3600_000;

interface Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  sims: Pick<SimsService, "requireVisibleSim" | "update" | "stillHeldBy">;
  networkActions: Pick<NetworkActionsService, "disconnectSim" | "cancelLocation" | "forSimAction">;
  networkView: Pick<NetworkViewService, "activitySince">;
  diagnostics: Pick<DiagnosticsService, "diagnose">;
  /** `action.completed` when an action reaches its final outcome (optional for callers that do not publish). */
  events?: Pick<EventsService, "emit">;
  sms: Pick<SmsService, "prepare" | "queue" | "forSimAction">;
  catalog: Pick<CatalogService, "communicationPlanDetail">;
}

/**
 * Remote actions on a SIM, each audited with who and why and followed until the network proves it
 * worked: Otter watches for the expected signals (registration accepted, new session, traffic) and
 * reports "back online at …", or "still silent after N minutes" with the next step from a fresh
 * diagnosis.
 */
export function createSimActionsService(deps: Deps) {
  const { db, clock } = deps;

  /**
   * An action as the reader may see it. One requested while another customer held the SIM shows its
   * type, status and times; who asked, why, what was asked (an SMS text…) and what the network showed
   * of that holder's device read "previous holder" or are left out (docs/permissions.md).
   */
  async function present(
    row: {
      id: string;
      sim_id: string;
      iccid: string;
      type: string;
      status: string;
      reason: string;
      params: unknown;
      requested_by: string;
      outcome: unknown;
      watch_until: Date | null;
      created_at: Date;
      completed_at: Date | null;
      account_path: string | null;
    },
    view: HolderView,
    locale: Locale,
  ) {
    const whole = view.seesWhoAndWhy(row.account_path);
    const params = whole ? (row.params as Record<string, unknown>) : {};
    const outcome = whole ? ((row.outcome as Record<string, unknown> | null) ?? null) : null;
    const sms = row.type === "send-sms" && whole ? await deps.sms.forSimAction(db, row.id) : null;
    const network = await deps.networkActions.forSimAction(db, row.id, view);
    return {
      id: row.id,
      iccid: row.iccid,
      type: row.type,
      status: row.status,
      reason: whole ? row.reason : PREVIOUS_HOLDER,
      params,
      requestedBy: whole ? row.requested_by : PREVIOUS_HOLDER,
      createdAt: row.created_at.toISOString(),
      watchUntil: row.watch_until?.toISOString() ?? null,
      completedAt: row.completed_at?.toISOString() ?? null,
      outcome,
      outcomeText: outcomeText(outcome, locale),
      sms,
      network,
      // Another customer's action keeps its type, status and times only: no steps.
      steps: whole
        ? renderSteps(
            actionSteps({
              now: clock.now(),
              action: {
                type: row.type,
                status: row.status,
                reason: row.reason,
                requestedBy: row.requested_by,
                createdAt: row.created_at,
                watchUntil: row.watch_until,
                completedAt: row.completed_at,
                params,
                outcome,
              },
              network,
              sms,
              seen: await seenAfter(row, outcome),
            }),
            locale,
          )
        : [],
    };
  }

  /**
   * The device's first signs of life after the action: read from the network while the action is
   * watched; afterwards from its outcome, which recorded them when it was decided.
   */
  async function seenAfter(
    row: { sim_id: string; status: string; created_at: Date },
    outcome: Record<string, unknown> | null,
  ) {
    const date = (v: unknown) => (typeof v === "string" ? new Date(v) : null);
    const text = (v: unknown) => (typeof v === "string" ? v : null);
    if (row.status === "watching")
      return deps.networkView.activitySince(row.sim_id, row.created_at);
    if (!outcome) return null;
    return {
      registeredAt: date(outcome.registeredAt),
      registeredIn: text(outcome.registeredIn),
      sessionAt: date(outcome.sessionAt),
      sessionApn: text(outcome.sessionApn),
      trafficAt: date(outcome.backOnlineAt),
    };
  }

  /**
   * Records an action's outcome and publishes `action.completed` in the same transaction — only when
   * the action is still in the state it was read in (two workers never complete it twice). A late
   * proof (still silent → back online) completes it again, with the new outcome.
   */
  async function complete(
    a: {
      id: string;
      account_id: string;
      iccid: string;
      type: string;
      status: string;
      requested_by: string;
      created_at: Date;
    },
    status: string,
    outcome: Record<string, unknown>,
  ): Promise<boolean> {
    const now = clock.now();
    return inTransaction(db, async (tx) => {
      const res = await repo.advance(tx, a.id, a.status, {
        status,
        outcome: JSON.stringify(outcome),
        completed_at: now,
        updated_at: now,
      });
      if (Number(res.numUpdatedRows) === 0) return false;
      await deps.events?.emit(tx, [
        {
          accountId: a.account_id,
          type: "action.completed",
          subjectId: a.id,
          data: {
            actionId: a.id,
            iccid: a.iccid,
            type: a.type,
            status,
            requestedBy: a.requested_by,
            requestedAt: a.created_at.toISOString(),
            completedAt: now.toISOString(),
            outcome,
          },
        },
      ]);
      return true;
    });
  }

  return {
    async request(principal: Principal, iccid: string, req: SimActionRequest) {
      requirePermission(principal, "sims:write");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const now = clock.now();
      const id = newId();
      let sms: Awaited<ReturnType<Deps["sms"]["prepare"]>> | null = null;
      if (req.type === "send-sms") {
        // Refuse what cannot work, before anything changes: the network would not deliver it.
        if (!CONNECTING.has(sim.state as SimState)) {
          throw conflict(
            "ACTION_CANNOT_WORK",
            `An SMS cannot reach a ${sim.state} SIM: the network does not serve it in that state. Activate it first.`,
          );
        }
        if (!sim.msisdn)
          throw conflict(
            "SIM_HAS_NO_MSISDN",
            `SIM ${sim.iccid} has no MSISDN, so an SMS cannot be addressed to it. Give it one (PATCH /api/v1/sims/${sim.iccid}).`,
          );
        const plan = sim.communication_plan_id
          ? await deps.catalog.communicationPlanDetail(db, sim.communication_plan_id)
          : null;
        if (plan && !plan.smsEnabled)
          throw conflict(
            "SMS_NOT_IN_PLAN",
            `The communication plan "${plan.name}" does not include SMS, so the network would not deliver one to this SIM.`,
          );
        const recent = await repo.requestedSince(
          db,
          sim.id,
          "send-sms",
          new Date(now.getTime() - 3600_000),
        );
        if (recent.length >= SMS_PER_HOUR) {
          throw new OtterError(
            "rate_limited",
            "ACTION_RATE_LIMITED",
            `At most ${SMS_PER_HOUR} SMS per SIM per hour. Wait for the delivery of the last one.`,
          );
        }
        sms = await deps.sms.prepare(
          db,
          sim,
          req.text !== undefined ? { text: req.text } : { payloadHex: req.payloadHex! },
          id,
        );
      }
      if (req.type === "reset-connectivity") {
        if (!CONNECTING.has(sim.state as SimState)) {
          throw conflict(
            "ACTION_CANNOT_WORK",
            `A reset cannot bring a ${sim.state} SIM online: the network refuses it in that state. Activate it first.`,
          );
        }
        const recent = await repo.requestedSince(
          db,
          sim.id,
          "reset-connectivity",
          new Date(now.getTime() - 3600_000),
        );
        if (recent.length >= RESETS_PER_HOUR) {
          throw new OtterError(
            "rate_limited",
            "ACTION_RATE_LIMITED",
            `At most ${RESETS_PER_HOUR} resets per SIM per hour: the network limits cancel-location requests. Wait for the follow-up of the last one.`,
          );
        }
      }
      // Plan, state and limit changes go through the SIMs service: same rules, same per-field audit,
      // same warnings (an activation without a communication plan…), passed on in the answer.
      let warnings: { code: string; message: string }[] = [];
      if (req.type === "activate")
        ({ warnings } = await deps.sims.update(principal, iccid, {
          state: "ACTIVATED",
          reason: req.reason,
        }));
      if (req.type === "change-plan")
        ({ warnings } = await deps.sims.update(principal, iccid, {
          communicationPlan: req.communicationPlan,
          ratePlan: req.ratePlan,
          reason: req.reason,
        }));
      if (req.type === "override-limit")
        ({ warnings } = await deps.sims.update(principal, iccid, {
          overageLimitOverride: req.override,
          reason: req.reason,
        }));

      // Watch long enough for the device to report on its own rhythm: twice its usual gap, at least 30 min.
      const rhythm = (await deps.diagnostics.diagnose(principal, iccid).catch(() => null))?.rhythm;
      const gap = rhythm?.typicalGapSeconds ?? null;
      // Kept with the action, so its steps can say when the device's next report is due.
      const expected: ExpectedRhythm = {
        typicalGapSeconds: gap,
        lastSessionAt: rhythm?.lastSessionAt ?? null,
      };
      // Without a known rhythm, two hours: devices retry registration on timers of minutes to an hour.
      const watchMinutes =
        req.watchMinutes ?? Math.min(24 * 60, gap ? Math.max(30, Math.ceil((2 * gap) / 60)) : 120);
      await inTransaction(db, async (tx) => {
        let sent: Record<string, unknown> = {};
        if (req.type === "reset-connectivity") {
          const sessions = await deps.networkActions.disconnectSim(
            tx,
            sim,
            `reset connectivity: ${req.reason}`,
            principal.name,
            undefined,
            id,
          );
          const hss = await deps.networkActions.cancelLocation(
            tx,
            { id: sim.id, account_id: sim.account_id, imsi: sim.imsi },
            `reset connectivity: ${req.reason}`,
            principal.name,
            id,
          );
          sent = {
            disconnectRequests: sessions,
            cancelLocation: hss ? "queued" : "no HSS endpoint registered for this IMSI",
          };
        }
        const { reason: _r, type: _t, ...params } = req;
        if (req.type === "send-sms")
          sent = {
            watchMinutes,
            ...(await deps.sms.queue(tx, {
              id: newId(),
              accountId: sim.account_id,
              simId: sim.id,
              simActionId: id,
              msisdn: sim.msisdn!,
              purpose: req.purpose,
              prepared: sms!,
            })),
            id: undefined,
          };
        await repo.insert(tx, {
          id,
          account_id: sim.account_id,
          sim_id: sim.id,
          iccid: sim.iccid,
          type: req.type,
          status: req.type === "send-sms" ? "queued" : "watching",
          reason: req.reason,
          params: JSON.stringify({ ...params, ...sent, expected }),
          requested_by_user: principal.userId,
          requested_by: principal.name,
          // An SMS is watched from its delivery on (followUp), not from the request.
          watch_until:
            req.type === "send-sms" ? null : new Date(now.getTime() + watchMinutes * 60_000),
          created_at: now,
          updated_at: now,
        });
        await deps.audit.record(tx, {
          accountId: sim.account_id,
          actor: actorOf(principal),
          action: `sim_action.${req.type}`,
          entityType: "sim",
          entityId: sim.iccid,
          data: { actionId: id, reason: req.reason, ...params, ...sent },
        });
      });
      return { ...(await this.get(principal, id)), warnings };
    },

    /** The SIM's actions whose proof is still awaited at `now`, for the diagnosis. */
    async pendingForSim(simId: string, now: Date) {
      const rows = await repo.pendingForSim(db, simId, now);
      return rows.map((r) => ({
        id: r.id,
        type: r.type,
        requestedAt: r.created_at,
        watchUntil: r.watch_until,
      }));
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "sims:read");
      const row = await repo.findById(db, id);
      if (!row || row.account_path === null || !inSubtree(principal.accountPath, row.account_path))
        throw notFound("ACTION_NOT_FOUND", `Action ${id} was not found.`);
      return present(row, holderView(principal), localeOf(principal));
    },

    async listForSim(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const rows = await repo.listForSim(db, sim.id, 100);
      const view = holderView(principal);
      return Promise.all(rows.map((r) => present(r, view, localeOf(principal))));
    },

    /**
     * Follows every action being watched: back online when the network shows a registration, a new
     * session and traffic after the action; still silent once the watch window ends.
     */
    async followUp(): Promise<number> {
      const now = clock.now();
      let progressed = 0;
      // SMS actions move with their SMS: submitted, then delivered (a wake-up is then watched) or failed.
      const sending = await repo.smsInFlight(db, 200);
      for (const a of sending) {
        const sms = await deps.sms.forSimAction(db, a.id);
        if (!sms) continue;
        const params = a.params as { purpose?: string; watchMinutes?: number };
        let patch: Updateable<SimActionsTable> | null = null;
        if (sms.status === "delivered" && params.purpose === "configuration") {
          if (
            await complete(a, "delivered", {
              ...said(msg("outcome.sms_delivered", { at: sms.deliveredAt })),
              deliveredAt: sms.deliveredAt,
            })
          )
            progressed++;
          continue;
        } else if (sms.status === "delivered") {
          const deliveredAt = new Date(sms.deliveredAt!);
          patch = {
            status: "watching",
            watch_until: new Date(deliveredAt.getTime() + (params.watchMinutes ?? 120) * 60_000),
          };
        } else if (sms.status === "failed") {
          if (
            await complete(a, "failed", {
              ...said(
                sms.error
                  ? msg("outcome.sms_failed", { error: sms.error })
                  : msg("outcome.sms_failed_no_reason"),
              ),
              error: sms.error,
              attempts: sms.attempts,
            })
          )
            progressed++;
          continue;
        } else if (sms.status === "submitted" && a.status === "queued")
          patch = { status: "submitted" };
        if (!patch) continue;
        await repo.advance(db, a.id, a.status, { ...patch, updated_at: now });
      }
      const watching = await repo.watching(db, 200);
      // An action already reported still silent is proved late when its signals come after all: the
      // network's signals carry their own times, and those that were in flight (or came after the
      // window) still show when the device came back. Looked for during LATE_PROOF_MS.
      const late = await repo.stillSilentSince(db, new Date(now.getTime() - LATE_PROOF_MS), 200);
      let done = 0;
      for (const a of [...watching, ...late]) {
        // Ownership ends at a transfer: the new holder's device is not watched for, nor reported to, the previous one.
        if (!(await deps.sims.stillHeldBy(db, a.sim_id, a.account_id))) {
          if (
            a.status === "watching" &&
            (await complete(a, "cancelled", said(msg("outcome.transferred"))))
          )
            done++;
          continue;
        }
        const seen = await deps.networkView.activitySince(a.sim_id, a.created_at);
        if (seen.trafficAt) {
          const at = (d: Date) => d.toISOString();
          const proof = [
            seen.registeredAt &&
              (seen.registeredIn
                ? msg("proof.registered_in", { at: at(seen.registeredAt), plmn: seen.registeredIn })
                : msg("proof.registered", { at: at(seen.registeredAt) })),
            seen.sessionAt &&
              (seen.sessionApn
                ? msg("proof.session_on", { at: at(seen.sessionAt), apn: seen.sessionApn })
                : msg("proof.session", { at: at(seen.sessionAt) })),
            msg("proof.traffic", { at: at(seen.trafficAt) }),
          ].filter((m): m is Message => !!m);
          const outcome = {
            ...said(
              a.status === "still_silent" && a.watch_until
                ? msg("outcome.back_online_late", {
                    at: at(seen.trafficAt),
                    ended: at(a.watch_until),
                    proof,
                  })
                : msg("outcome.back_online", { at: at(seen.trafficAt), proof }),
            ),
            backOnlineAt: seen.trafficAt.toISOString(),
            registeredAt: seen.registeredAt?.toISOString() ?? null,
            registeredIn: seen.registeredIn,
            sessionAt: seen.sessionAt?.toISOString() ?? null,
            sessionApn: seen.sessionApn,
            ...(a.status === "still_silent" && {
              earlier: (a.outcome as { summary?: string } | null)?.summary ?? null,
            }),
          };
          if (await complete(a, "back_online", outcome)) done++;
        } else if (
          a.status === "watching" &&
          a.watch_until &&
          a.watch_until.getTime() <= now.getTime()
        ) {
          const minutes = Math.round((now.getTime() - a.created_at.getTime()) / 60_000);
          const diagnosis = await deps.diagnostics
            .diagnose(SYSTEM_READER, a.iccid)
            .catch(() => null);
          const partial = seen.sessionAt
            ? [msg("outcome.session_no_traffic", { at: seen.sessionAt.toISOString() })]
            : seen.registeredAt
              ? [msg("outcome.registered_no_session", { at: seen.registeredAt.toISOString() })]
              : [];
          const next = diagnosis?.actions[0]?.descriptionMessage ?? msg("outcome.check_device");
          const outcome = {
            ...said(
              msg("outcome.still_silent", { minutes }),
              ...partial,
              msg("outcome.next_step", { fix: { code: next.code, params: next.params } }),
            ),
            diagnosis: diagnosis
              ? { verdict: diagnosis.verdict, firstBroken: diagnosis.firstBroken }
              : null,
            registeredAt: seen.registeredAt?.toISOString() ?? null,
            registeredIn: seen.registeredIn,
            sessionAt: seen.sessionAt?.toISOString() ?? null,
            sessionApn: seen.sessionApn,
          };
          if (await complete(a, "still_silent", outcome)) done++;
        }
      }
      return done + progressed;
    },
  };
}

export type SimActionsService = ReturnType<typeof createSimActionsService>;
