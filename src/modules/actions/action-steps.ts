import { describePlmn } from "../network/plmn.js";

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
  text: string;
}

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

const HOUR = 3600_000;
const every = (seconds: number) =>
  seconds * 1000 < 2 * HOUR
    ? `${Math.round(seconds / 60)} min`
    : `${(seconds / 3600).toFixed(seconds < 10 * 3600 ? 1 : 0)} h`;

/** "Safaricom in Kenya (63902)" for a visited PLMN, or the PLMN itself when it is not known. */
export function networkName(plmn: string): string {
  const info = describePlmn(plmn.slice(0, 3), plmn.slice(3));
  if (!info.network && !info.countryName) return plmn;
  return `${info.network ?? "a network"} in ${info.countryName ?? info.country ?? "?"} (${plmn})`;
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
  const what = disconnect ? "Disconnect" : "cancel-location";
  const peer = disconnect
    ? `the gateway${r.gateway ? ` ${r.gateway}` : ""}`
    : `the HSS${r.endpoint ? ` ${r.endpoint}` : ""}`;
  const kind = disconnect ? "disconnect" : "cancel_location";
  switch (n.status) {
    case "acked":
      return { at, kind, text: `${what} acknowledged by ${peer}.` };
    case "nak":
      return {
        at,
        kind,
        text: `${what} refused by ${peer}${r.errorCause ? ` (Error-Cause ${r.errorCause})` : ""}.`,
      };
    case "failed":
      return {
        at,
        kind,
        text: `${what} failed after ${n.attempts} attempt(s): ${r.error ?? (r.httpStatus ? `HTTP ${r.httpStatus}` : (r.outcome ?? "no answer"))}.`,
      };
    default:
      return n.attempts > 0
        ? {
            at,
            kind,
            text: `${what} not answered yet by ${peer} (attempt ${n.attempts}${r.error ? `: ${r.error}` : r.httpStatus ? `: HTTP ${r.httpStatus}` : ""}); Otter tries again.`,
          }
        : { at: n.createdAt, kind, text: `${what} queued for ${peer}.` };
  }
}

export function actionSteps(input: StepsInput): ActionStep[] {
  const { action: a, seen } = input;
  const params = a.params;
  const requestedAt = a.createdAt.toISOString();
  const steps: ActionStep[] = [
    {
      at: requestedAt,
      kind: "requested",
      text: `${a.type} requested by ${a.requestedBy}: ${a.reason}`,
    },
  ];

  // What the request changed at once (through the SIMs service, audited there).
  if (a.type === "activate")
    steps.push({ at: requestedAt, kind: "applied", text: "The SIM is ACTIVATED." });
  if (a.type === "change-plan") {
    const plans = [
      params.communicationPlan && `communication plan ${String(params.communicationPlan)}`,
      params.ratePlan && `rate plan ${String(params.ratePlan)}`,
    ].filter(Boolean);
    steps.push({ at: requestedAt, kind: "applied", text: `Moved to ${plans.join(" and ")}.` });
  }
  if (a.type === "override-limit")
    steps.push({
      at: requestedAt,
      kind: "applied",
      text: `Data limit override set to ${String(params.override)}.`,
    });

  if (a.type === "reset-connectivity") {
    if (params.disconnectRequests === 0)
      steps.push({
        at: requestedAt,
        kind: "disconnect",
        text: "No open data session to tear down at the gateway.",
      });
    if (typeof params.cancelLocation === "string" && params.cancelLocation !== "queued")
      steps.push({
        at: requestedAt,
        kind: "cancel_location",
        text: `No cancel-location sent: ${params.cancelLocation}.`,
      });
  }
  const network = [...input.network].sort(
    (x, y) => (x.kind < y.kind ? 1 : x.kind > y.kind ? -1 : 0), // disconnect before cancel_location
  );
  for (const n of network) steps.push(networkStep(n));

  const sms = input.sms;
  if (sms?.submittedAt)
    steps.push({
      at: sms.submittedAt,
      kind: "sms",
      text: `SMS submitted to the SMS centre${sms.smsCentre ? ` ${sms.smsCentre}` : ""}.`,
    });
  if (sms?.deliveredAt)
    steps.push({ at: sms.deliveredAt, kind: "sms", text: "SMS delivered to the device." });

  const final = a.completedAt !== null;
  const networkDone = input.network.every((n) => FINAL_NETWORK.has(n.status));
  const smsDone = !sms || sms.deliveredAt !== null || sms.failedAt !== null;
  if (seen?.registeredAt) {
    const where = seen.registeredIn ? ` on ${networkName(seen.registeredIn)}` : "";
    steps.push({
      at: seen.registeredAt.toISOString(),
      kind: "registered",
      text: `Re-registered${where} at ${seen.registeredAt.toISOString()}.`,
    });
  } else if (!final && a.status === "watching" && networkDone && smsDone && !seen?.sessionAt) {
    // Shown once the network's answers are in, so its time does not move while they arrive; gone
    // once a session opens (a device still attached may not register again).
    const since = [
      a.createdAt.getTime(),
      ...input.network.map((n) =>
        Date.parse(((n.result ?? {}) as { at?: string }).at ?? n.updatedAt),
      ),
      ...(sms?.deliveredAt ? [Date.parse(sms.deliveredAt)] : []),
    ];
    steps.push({
      at: new Date(Math.max(...since)).toISOString(),
      kind: "waiting",
      text: `Waiting for the device to register on the network (watching until ${a.watchUntil?.toISOString() ?? "—"}).`,
    });
  }
  if (seen?.sessionAt) {
    steps.push({
      at: seen.sessionAt.toISOString(),
      kind: "session",
      text: `Data session opened at ${seen.sessionAt.toISOString()}${seen.sessionApn ? ` on ${seen.sessionApn}` : ""}.`,
    });
    if (!seen.trafficAt && !final && a.status === "watching")
      steps.push({
        at: seen.sessionAt.toISOString(),
        kind: "waiting",
        text: "Waiting for its first bytes.",
      });
  } else if (seen?.registeredAt && !final && a.status === "watching") {
    const rhythm = (params.expected ?? null) as ExpectedRhythm | null;
    const next = nextExpectedAt(rhythm, seen.registeredAt);
    steps.push({
      at: seen.registeredAt.toISOString(),
      kind: "waiting",
      text: next
        ? `Waiting for the first data session — next expected around ${next.toISOString()} from the device's own rhythm (every ${every(rhythm!.typicalGapSeconds!)}); watching until ${a.watchUntil?.toISOString() ?? "—"}.`
        : `Waiting for the first data session — the device has no known reporting rhythm yet; watching until ${a.watchUntil?.toISOString() ?? "—"}.`,
    });
  }

  const outcome = (a.outcome ?? {}) as { summary?: string; backOnlineAt?: string };
  const completedAt = a.completedAt?.toISOString() ?? input.now.toISOString();
  if (a.status === "back_online" || seen?.trafficAt) {
    const at = outcome.backOnlineAt ?? seen?.trafficAt?.toISOString() ?? completedAt;
    steps.push({ at, kind: "back_online", text: `Back online at ${at}.` });
  } else if (a.status === "still_silent" || a.status === "failed" || a.status === "cancelled") {
    const kind = a.status;
    steps.push({ at: completedAt, kind, text: outcome.summary ?? a.status });
  } else if (a.status === "delivered") {
    steps.push({ at: completedAt, kind: "delivered", text: outcome.summary ?? "Delivered." });
  }
  return steps;
}
