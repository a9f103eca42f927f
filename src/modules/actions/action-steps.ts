import type { Message } from "../../lib/messages/messages.js";
import { describePlmn } from "../network/plmn.js";
import { actionText } from "./sim-actions.messages.js";

/**
 * The steps of a remote action as they happened, for people following it (`otter actions run
 * --wait`, `actions show`): each from something recorded — the action row, the network actions it
 * queued with the gateway's and the HSS's answers, its SMS, and the signals the network reported
 * after it. Nothing is announced that Otter did not see. Pure: the service gathers the records.
 */
export interface ActionStep {
  at: string;
  /** requested, applied, disconnect, cancel_location, sms, registered, waiting, session, back_online, still_silent, delivered, failed, cancelled */
  kind: string;
  /** In English, as the API has always answered it. */
  text: string;
  /** The same step as a message of sim-actions.messages.ts, rendered in the caller's language. */
  message: Message;
}

const { msg, legacy } = actionText;
const step = (at: string, kind: string, message: Message): ActionStep => ({
  at,
  kind,
  text: legacy(message),
  message,
});

export interface StepsInput {
  now: Date;
  action: {
    type: string;
    status: string;
    reason: string;
    requestedBy: string;
    createdAt: Date;
    watchUntil: Date | null;
    completedAt: Date | null;
    params: Record<string, unknown>;
    outcome: Record<string, unknown> | null;
  };
  network: {
    kind: string;
    status: string;
    attempts: number;
    result: unknown;
    createdAt: string;
    updatedAt: string;
  }[];
  sms: {
    status: string;
    smsCentre: string | null;
    submittedAt: string | null;
    deliveredAt: string | null;
    failedAt: string | null;
    error: string | null;
  } | null;
  /** The first signs of life after the request (read live while the action is watched). */
  seen: {
    registeredAt: Date | null;
    registeredIn: string | null;
    sessionAt: Date | null;
    sessionApn: string | null;
    trafficAt: Date | null;
  } | null;
}

/** What the device's rhythm was when the action was requested (recorded in its params). */
export interface ExpectedRhythm {
  typicalGapSeconds: number | null;
  lastSessionAt: string | null;
}

/** "Safaricom in Kenya (63902)" for a visited PLMN, or the PLMN itself when it is not known. */
export function networkName(plmn: string): Message | string {
  const info = describePlmn(plmn.slice(0, 3), plmn.slice(3));
  if (!info.network && !info.country) return plmn;
  const network = info.network ?? plmn;
  return info.country
    ? msg("where.network", { network, country: info.country, plmn })
    : msg("where.unknown_country", { network, plmn });
}

/**
 * When the device's next data session is due after `after`, from its own rhythm: the last session
 * before the action plus whole reporting gaps (a device on a timer keeps its timer). Null without a
 * known rhythm.
 */
export function nextExpectedAt(rhythm: ExpectedRhythm | null, after: Date): Date | null {
  const gapMs = (rhythm?.typicalGapSeconds ?? 0) * 1000;
  if (!gapMs) return null;
  const base = rhythm?.lastSessionAt ? Date.parse(rhythm.lastSessionAt) : after.getTime();
  const n = Math.max(1, Math.ceil((after.getTime() - base) / gapMs));
  return new Date(base + n * gapMs);
}

const FINAL_NETWORK = new Set(["acked", "nak", "failed"]);

function networkStep(n: StepsInput["network"][number]): ActionStep {
  const r = (n.result ?? {}) as {
    at?: string;
    gateway?: string;
    endpoint?: string;
    errorCause?: number | null;
    httpStatus?: number;
    error?: string;
    outcome?: string;
  };
  const at = r.at ?? n.updatedAt;
  const disconnect = n.kind === "disconnect";
  const what = msg(disconnect ? "what.disconnect" : "what.cancel_location");
  const name = disconnect ? r.gateway : r.endpoint;
  const peer = (preposition: "by" | "for") => {
    const node = disconnect ? "gateway" : "hss";
    return name
      ? msg(`peer.${preposition}_${node}_named`, { name })
      : msg(`peer.${preposition}_${node}`);
  };
  const kind = disconnect ? "disconnect" : "cancel_location";
  const httpError = r.httpStatus ? `HTTP ${r.httpStatus}` : undefined;
  const attempts = n.attempts;
  switch (n.status) {
    case "acked":
      return step(at, kind, msg("network.acked", { what, peer: peer("by") }));
    case "nak":
      return step(
        at,
        kind,
        r.errorCause
          ? msg("network.refused_cause", { what, peer: peer("by"), cause: r.errorCause })
          : msg("network.refused", { what, peer: peer("by") }),
      );
    case "failed": {
      const error = r.error ?? httpError ?? r.outcome;
      return step(
        at,
        kind,
        error
          ? msg("network.failed", { what, attempts, error })
          : msg("network.failed_no_answer", { what, attempts }),
      );
    }
    default: {
      if (attempts === 0)
        return step(n.createdAt, kind, msg("network.queued", { what, peer: peer("for") }));
      const error = r.error ?? httpError;
      return step(
        at,
        kind,
        error
          ? msg("network.retrying_error", { what, peer: peer("by"), attempts, error })
          : msg("network.retrying", { what, peer: peer("by"), attempts }),
      );
    }
  }
}

/** What an outcome says, as recorded: its messages, or (recorded before they were) its English. */
function outcomeMessage(
  outcome: { summary?: string; summaryMessages?: Message[] },
  fallback: Message,
) {
  if (outcome.summaryMessages?.length)
    return outcome.summaryMessages.length === 1
      ? outcome.summaryMessages[0]!
      : msg("step.recorded_parts", { parts: outcome.summaryMessages });
  return outcome.summary ? msg("step.recorded", { text: outcome.summary }) : fallback;
}

export function actionSteps(input: StepsInput): ActionStep[] {
  const { action: a, seen } = input;
  const params = a.params;
  const requestedAt = a.createdAt.toISOString();
  const action = msg(`action.${a.type as "activate"}`);
  const steps: ActionStep[] = [
    step(
      requestedAt,
      "requested",
      msg("step.requested", { action, by: a.requestedBy, reason: a.reason }),
    ),
  ];

  // What the request changed at once (through the SIMs service, audited there).
  if (a.type === "activate")
    steps.push(step(requestedAt, "applied", msg("step.activated", { state: "ACTIVATED" })));
  if (a.type === "change-plan") {
    const comm = params.communicationPlan ? String(params.communicationPlan) : null;
    const rate = params.ratePlan ? String(params.ratePlan) : null;
    const moved =
      comm && rate
        ? msg("step.moved_both", { comm, rate })
        : comm
          ? msg("step.moved_comm", { comm })
          : msg("step.moved_rate", { rate });
    steps.push(step(requestedAt, "applied", moved));
  }
  if (a.type === "override-limit")
    steps.push(
      step(requestedAt, "applied", msg("step.override", { override: String(params.override) })),
    );

  if (a.type === "reset-connectivity") {
    if (params.disconnectRequests === 0)
      steps.push(step(requestedAt, "disconnect", msg("step.no_session")));
    if (typeof params.cancelLocation === "string" && params.cancelLocation !== "queued")
      steps.push(
        step(
          requestedAt,
          "cancel_location",
          msg("step.no_cancel_location", { why: params.cancelLocation }),
        ),
      );
  }
  const network = [...input.network].sort(
    (x, y) => (x.kind < y.kind ? 1 : x.kind > y.kind ? -1 : 0), // disconnect before cancel_location
  );
  for (const n of network) steps.push(networkStep(n));

  const sms = input.sms;
  if (sms?.submittedAt)
    steps.push(
      step(
        sms.submittedAt,
        "sms",
        sms.smsCentre
          ? msg("step.sms_submitted_to", { centre: sms.smsCentre })
          : msg("step.sms_submitted"),
      ),
    );
  if (sms?.deliveredAt) steps.push(step(sms.deliveredAt, "sms", msg("step.sms_delivered")));

  const final = a.completedAt !== null;
  const watching = !final && a.status === "watching";
  const until = a.watchUntil?.toISOString() ?? null;
  const networkDone = input.network.every((n) => FINAL_NETWORK.has(n.status));
  const smsDone = !sms || sms.deliveredAt !== null || sms.failedAt !== null;
  if (seen?.registeredAt) {
    const at = seen.registeredAt.toISOString();
    steps.push(
      step(
        at,
        "registered",
        seen.registeredIn
          ? msg("step.registered_on", { network: networkName(seen.registeredIn), at })
          : msg("step.registered", { at }),
      ),
    );
  } else if (watching && networkDone && smsDone && !seen?.sessionAt) {
    // Shown once the network's answers are in, so its time does not move while they arrive; gone
    // once a session opens (a device still attached may not register again).
    const since = [
      a.createdAt.getTime(),
      ...input.network.map((n) =>
        Date.parse(((n.result ?? {}) as { at?: string }).at ?? n.updatedAt),
      ),
      ...(sms?.deliveredAt ? [Date.parse(sms.deliveredAt)] : []),
    ];
    steps.push(
      step(
        new Date(Math.max(...since)).toISOString(),
        "waiting",
        msg("step.waiting_registration", { until }),
      ),
    );
  }
  if (seen?.sessionAt) {
    const at = seen.sessionAt.toISOString();
    steps.push(
      step(
        at,
        "session",
        seen.sessionApn
          ? msg("step.session_on", { at, apn: seen.sessionApn })
          : msg("step.session", { at }),
      ),
    );
    if (!seen.trafficAt && watching) steps.push(step(at, "waiting", msg("step.waiting_bytes")));
  } else if (seen?.registeredAt && watching) {
    const rhythm = (params.expected ?? null) as ExpectedRhythm | null;
    const next = nextExpectedAt(rhythm, seen.registeredAt);
    steps.push(
      step(
        seen.registeredAt.toISOString(),
        "waiting",
        next
          ? msg("step.waiting_session", {
              next: next.toISOString(),
              gap: rhythm!.typicalGapSeconds! * 1000,
              until,
            })
          : msg("step.waiting_session_no_rhythm", { until }),
      ),
    );
  }

  const outcome = (a.outcome ?? {}) as {
    summary?: string;
    summaryMessages?: Message[];
    backOnlineAt?: string;
  };
  const completedAt = a.completedAt?.toISOString() ?? input.now.toISOString();
  if (a.status === "back_online" || seen?.trafficAt) {
    const at = outcome.backOnlineAt ?? seen?.trafficAt?.toISOString() ?? completedAt;
    steps.push(step(at, "back_online", msg("step.back_online", { at })));
  } else if (a.status === "still_silent" || a.status === "failed" || a.status === "cancelled") {
    const said = outcomeMessage(outcome, msg("step.recorded", { text: a.status }));
    steps.push(step(completedAt, a.status, said));
  } else if (a.status === "delivered") {
    steps.push(step(completedAt, "delivered", outcomeMessage(outcome, msg("outcome.delivered"))));
  }
  return steps;
}
