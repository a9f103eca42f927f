import { CONNECTING, type SimState } from "../sims/sim-lifecycle.js";
import { describePlmn } from "../network/plmn.js";
import { causeMeaning } from "./causes.js";
import type { Message } from "../../lib/messages/messages.js";
import { diagnosisText } from "./diagnostics.messages.js";
import { ASSUMED_GAP_MS, rhythmOf, silenceLimitMs } from "../network/silence-policy.js";

// The silence yardstick lives beside the network signals it measures; still offered here for the
// automation rules that import it from the diagnosis.

/**
 * The diagnosis ladder every connectivity platform walks, as one pure function over what the network
 * saw: SIM state → limits → registration → roaming → data session → traffic → device. Each rung
 * says pass / warn / fail / skipped, shows its evidence with times, and names the fix. The verdict is
 * the first broken rung in a sentence a customer understands.
 *
 * Every text is built as a Message of diagnostics.messages.ts (code and parameters), rendered in the
 * caller's language by the service; the English fields (`summary`, `detail`, `description`,
 * `verdict`) are the same messages in the English the API has always answered.
 */
export const RUNGS = [
  "sim_state",
  "limits",
  "registration",
  "roaming",
  "data_session",
  "traffic",
  "device",
] as const;
export type RungName = (typeof RUNGS)[number];
export type RungStatus = "pass" | "warn" | "fail" | "skipped";
export type FixAction =
  | "activate"
  | "change-plan"
  | "override-limit"
  | "reset-connectivity"
  | "send-sms"
  | "check-device";

export interface Evidence {
  kind: "sim" | "plan" | "usage" | "registration" | "session" | "device";
  at?: string;
  detail: string;
  detailMessage: Message;
}
export interface Fix {
  action: FixAction;
  description: string;
  descriptionMessage: Message;
}
export interface Rung {
  name: RungName;
  status: RungStatus;
  summary: string;
  summaryMessage: Message;
  evidence: Evidence[];
  fix?: Fix;
  causeIn?: RungName;
}

export interface ZoneInfo {
  id: string;
  name: string;
  countries: string[];
  plmns: string[];
}
export interface DiagnosisInput {
  now: Date;
  sim: { iccid: string; state: string; overageLimitOverride: string };
  commPlan: {
    name: string;
    dataEnabled: boolean;
    rats: string[];
    apns: string[];
    zones: ZoneInfo[];
  } | null;
  ratePlan: {
    name: string;
    version: number;
    zoneIds: string[];
    dataLimitBytes: number | null;
  } | null;
  cycleBytes: number;
  /** Newest first. */
  registrations: {
    type: string;
    result: string | null;
    cause: number | null;
    causeType: string | null;
    at: Date;
    visitedPlmn: string | null;
    rat: string | null;
  }[];
  /** Newest first, the last days. */
  sessions: {
    status: "open" | "closed";
    startedAt: Date;
    endedAt: Date | null;
    lastUpdateAt: Date;
    lastTrafficAt: Date | null;
    apn: string | null;
    rat: string | null;
    mcc: string | null;
    mnc: string | null;
    bytesUp: number;
    bytesDown: number;
    terminateCause: string | null;
    imeisv: string | null;
  }[];
  device: {
    imei: string | null;
    previousImei: string | null;
    imeiChangedAt: Date | null;
    imeisv: string | null;
  } | null;
  /** Remote actions requested on the SIM whose proof Otter is still waiting for. */
  pendingActions?: PendingAction[];
}

/** A remote action being watched: the network has not yet proved (or disproved) that it worked. */
export interface PendingAction {
  id: string;
  type: string;
  requestedAt: Date;
  watchUntil: Date | null;
}

export interface Diagnosis {
  verdict: string;
  /** The verdict's sentences, in order. */
  verdictMessages: Message[];
  overall: "ok" | "warn" | "fail";
  firstBroken: RungName | null;
  rhythm: { typicalGapSeconds: number | null; basis: string; lastSessionAt: string | null };
  rungs: Rung[];
  actions: Fix[];
  /** Actions still being watched; the diagnosis does not recommend them again meanwhile. */
  watching: { actionId: string; type: string; requestedAt: string; watchUntil: string | null }[];
}

const HOUR = 3600_000;
const iso = (d: Date) => d.toISOString();
const { msg, legacy } = diagnosisText;

const evidenceOf = (kind: Evidence["kind"], message: Message, at?: Date): Evidence => ({
  kind,
  ...(at ? { at: iso(at) } : {}),
  detail: legacy(message),
  detailMessage: message,
});
const fixOf = (action: FixAction, message: Message): Fix => ({
  action,
  description: legacy(message),
  descriptionMessage: message,
});
function rung(
  name: RungName,
  status: RungStatus,
  summary: Message,
  evidence: Evidence[],
  more: { fix?: Fix; causeIn?: RungName } = {},
): Rung {
  return { name, status, summary: legacy(summary), summaryMessage: summary, evidence, ...more };
}

const RESET_SILENT = () => fixOf("reset-connectivity", msg("fix.reset_silent"));
const ASSIGN_PLAN = () => fixOf("change-plan", msg("fix.assign_comm_plan"));
const ACTIVATABLE = new Set(["INVENTORY", "ACTIVATION_READY", "DEACTIVATED", "TEST_READY"]);

/** A connecting state, and a communication plan (without one the HSS refuses the SIM). */
function simStateRung(input: DiagnosisInput): Rung {
  const state = input.sim.state as SimState;
  const stateEvidence = [evidenceOf("sim", msg("evidence.state", { state }))];
  if (!CONNECTING.has(state))
    return rung("sim_state", "fail", msg("state.refused", { state }), stateEvidence, {
      ...(ACTIVATABLE.has(state) ? { fix: fixOf("activate", msg("fix.activate")) } : {}),
    });
  if (!input.commPlan)
    return rung(
      "sim_state",
      "fail",
      msg("state.no_comm_plan", { state }),
      [evidenceOf("sim", msg("evidence.state_no_plan", { state }))],
      { fix: ASSIGN_PLAN() },
    );
  return rung("sim_state", "pass", msg("state.ok", { state }), stateEvidence);
}

function limitsRung(input: DiagnosisInput): Rung {
  const limit = input.ratePlan?.dataLimitBytes ?? null;
  const used = input.cycleBytes;
  const lifted = input.sim.overageLimitOverride !== "DEFAULT";
  if (limit === null)
    return rung("limits", "pass", msg("limits.none"), [
      evidenceOf("usage", msg("evidence.used", { used })),
    ]);
  const usage = evidenceOf("usage", msg("evidence.used_of", { used, limit }));
  if (used >= limit && !lifted) {
    const plan = msg("evidence.rate_plan", {
      name: input.ratePlan!.name,
      version: input.ratePlan!.version,
    });
    return rung(
      "limits",
      "fail",
      msg("limits.reached", { limit, used }),
      [usage, evidenceOf("plan", plan)],
      { fix: fixOf("override-limit", msg("fix.override_limit")) },
    );
  }
  const near = used >= 0.9 * limit && !lifted;
  const summary = near
    ? msg("limits.near", { pct: Math.round((100 * used) / limit), limit })
    : lifted
      ? msg("limits.lifted", { override: input.sim.overageLimitOverride })
      : msg("limits.within");
  return rung("limits", near ? "warn" : "pass", summary, [usage]);
}

type Registration = DiagnosisInput["registrations"][number];

function eventOf(r: Registration): Message {
  if (r.type === "location_update" && r.result === "accepted")
    return msg("event.location_update_accepted");
  if (r.type === "location_update" && r.result === "rejected")
    return msg("event.location_update_rejected", { cause: r.cause });
  if (r.type === "purge" || r.type === "cancel_location" || r.type === "auth_failure")
    return msg(`event.${r.type}`);
  return msg("event.location_update");
}

function registrationEvidence(r: Registration): Evidence {
  const event = eventOf(r);
  return evidenceOf(
    "registration",
    r.visitedPlmn
      ? msg("evidence.registration_in", { event, plmn: r.visitedPlmn })
      : msg("evidence.registration", { event }),
    r.at,
  );
}

function registrationRung(input: DiagnosisInput): Rung {
  const { now } = input;
  const lastReg = input.registrations[0];
  const lastUpdate = input.registrations.find((r) => r.type === "location_update");
  if (!lastReg)
    return input.sessions.length > 0
      ? rung("registration", "pass", msg("registration.sessions_only"), [])
      : rung("registration", "warn", msg("registration.none"), []);
  if (lastReg.type === "purge" || lastReg.type === "cancel_location")
    return rung(
      "registration",
      "warn",
      msg(`registration.${lastReg.type}`, { ago: now.getTime() - lastReg.at.getTime() }),
      [registrationEvidence(lastReg)],
    );
  if (lastUpdate?.result === "rejected") {
    const m = causeMeaning(lastUpdate.cause, lastUpdate.causeType);
    const summary = msg("registration.rejected", {
      ago: now.getTime() - lastUpdate.at.getTime(),
      meaning: msg(m.code, { cause: lastUpdate.cause ?? "unknown" }),
      name: m.name,
      cause: lastUpdate.cause,
    });
    return rung(
      "registration",
      "fail",
      summary,
      input.registrations.slice(0, 5).map(registrationEvidence),
      m.pointsTo ? { causeIn: m.pointsTo } : {},
    );
  }
  if (lastUpdate) {
    const ago = now.getTime() - lastUpdate.at.getTime();
    const summary = lastUpdate.visitedPlmn
      ? msg("registration.ok_in", { ago, plmn: lastUpdate.visitedPlmn })
      : msg("registration.ok", { ago });
    return rung("registration", "pass", summary, [registrationEvidence(lastUpdate)]);
  }
  return rung("registration", "warn", msg("registration.other", { event: eventOf(lastReg) }), [
    registrationEvidence(lastReg),
  ]);
}

function roamingRung(input: DiagnosisInput): Rung {
  const lastReg = input.registrations[0];
  const lastSession = input.sessions[0];
  const visited = lastReg?.visitedPlmn
    ? { mcc: lastReg.visitedPlmn.slice(0, 3), mnc: lastReg.visitedPlmn.slice(3), rat: lastReg.rat }
    : lastSession?.mcc && lastSession.mnc
      ? { mcc: lastSession.mcc, mnc: lastSession.mnc, rat: lastSession.rat }
      : null;
  if (!visited) return rung("roaming", "skipped", msg("roaming.no_network"), []);
  const plan = input.commPlan;
  if (!plan)
    return rung("roaming", "fail", msg("roaming.no_comm_plan"), [], { fix: ASSIGN_PLAN() });

  const info = describePlmn(visited.mcc, visited.mnc);
  const plmn = `${visited.mcc}${visited.mnc}`;
  const network = info.network ?? plmn;
  const where = info.country
    ? msg("where.network", { network, country: info.country, plmn })
    : msg("where.unknown_country", { network, plmn });
  const country = info.country ?? plmn;
  const zone = plan.zones.find(
    (z) => z.plmns.includes(plmn) || (info.country !== null && z.countries.includes(info.country)),
  );
  const planEvidence = msg("evidence.comm_plan", {
    name: plan.name,
    zones: plan.zones.map((z) => z.name).join(", "),
    rats: plan.rats.join(", "),
  });
  const evidence = [evidenceOf("plan", planEvidence)];
  if (!zone)
    return rung(
      "roaming",
      "fail",
      msg("roaming.zone_not_allowed", { where, plan: plan.name, country }),
      evidence,
      { fix: fixOf("change-plan", msg("fix.zone", { country })) },
    );
  if (visited.rat && !plan.rats.includes(visited.rat))
    return rung(
      "roaming",
      "fail",
      msg("roaming.rat_not_allowed", { rat: visited.rat, plan: plan.name }),
      evidence,
      {
        fix: fixOf(
          "change-plan",
          msg("fix.rat", { rat: visited.rat, rats: plan.rats.join(" / ") }),
        ),
      },
    );
  if (input.ratePlan && !input.ratePlan.zoneIds.includes(zone.id))
    return rung(
      "roaming",
      "warn",
      msg("roaming.zone_not_priced", { where, zone: zone.name, ratePlan: input.ratePlan.name }),
      evidence,
      { fix: fixOf("change-plan", msg("fix.price_zone", { zone: zone.name })) },
    );
  return rung("roaming", "pass", msg("roaming.ok", { where, zone: zone.name }), evidence);
}

type Rhythm = Diagnosis["rhythm"];

function dataSessionRung(input: DiagnosisInput, rhythm: Rhythm, expectedMs: number): Rung {
  const { now } = input;
  const lastSession = input.sessions[0];
  if (!lastSession) return rung("data_session", "fail", msg("session.none"), []);
  const recent = input.sessions.filter(
    (s) => now.getTime() - s.startedAt.getTime() <= 7 * 24 * HOUR,
  );
  const ev = input.sessions.slice(0, 5).map((s) => {
    const params = {
      status: msg(`session_status.${s.status}`),
      apn: s.apn ?? "?",
      bytes: s.bytesUp + s.bytesDown,
    };
    return evidenceOf(
      "session",
      s.terminateCause
        ? msg("evidence.session_ended", { ...params, cause: s.terminateCause })
        : msg("evidence.session", params),
      s.startedAt,
    );
  });
  const open = input.sessions.find((s) => s.status === "open");
  const plan = input.commPlan;
  const wrongApn =
    plan && lastSession.apn && !plan.apns.includes(lastSession.apn) ? lastSession.apn : null;
  // A closed last session is measured against the device's own rhythm: hours of quiet are
  // normal for a daily meter, not for a collar that reports every hour.
  const sinceLastMs = now.getTime() - lastSession.startedAt.getTime();
  const usual = rhythm.typicalGapSeconds
    ? msg("rhythm.sessions", { gap: expectedMs })
    : msg("rhythm.sessions_unknown");
  const silentOpenMs = open ? now.getTime() - (open.lastTrafficAt ?? open.startedAt).getTime() : 0;
  const short = recent.filter(
    (s) =>
      s.endedAt &&
      s.endedAt.getTime() - s.startedAt.getTime() < 60_000 &&
      now.getTime() - s.startedAt.getTime() < 24 * HOUR,
  );
  const zero = recent
    .filter((s) => s.status === "closed")
    .slice(0, 5)
    .filter((s) => s.bytesUp + s.bytesDown === 0);
  const last = iso(lastSession.startedAt);

  // A session still open that has missed the device's usual report by half again is hung: a
  // device with a live session reports on its rhythm.
  if (open && silentOpenMs > Math.max(1.5 * expectedMs, HOUR))
    return rung(
      "data_session",
      "fail",
      msg("session.hung", { since: iso(open.startedAt), silent: silentOpenMs }),
      ev,
      { fix: fixOf("reset-connectivity", msg("fix.reset_hung")) },
    );
  if (!open && sinceLastMs > silenceLimitMs(rhythm))
    return rung(
      "data_session",
      "fail",
      msg("session.silent", { silent: sinceLastMs, last, usual }),
      ev,
      { fix: RESET_SILENT() },
    );
  if (wrongApn)
    return rung(
      "data_session",
      "fail",
      msg("session.wrong_apn", { apn: wrongApn, plan: plan!.name, apns: plan!.apns.join(", ") }),
      ev,
      { fix: fixOf("send-sms", msg("fix.apn")) },
    );
  if (short.length >= 5)
    return rung("data_session", "warn", msg("session.flapping", { count: short.length }), ev);
  if (zero.length >= 3)
    return rung("data_session", "warn", msg("session.empty", { count: zero.length }), ev);
  if (!open && sinceLastMs > 1.5 * expectedMs)
    return rung(
      "data_session",
      "warn",
      msg("session.late", { silent: sinceLastMs, last, usual }),
      ev,
    );
  const summary = open
    ? open.apn
      ? msg("session.open", { apn: open.apn, since: iso(open.startedAt) })
      : msg("session.open_any_apn", { since: iso(open.startedAt) })
    : lastSession.apn
      ? msg("session.recent", { ago: sinceLastMs, apn: lastSession.apn })
      : msg("session.recent_any_apn", { ago: sinceLastMs });
  return rung("data_session", "pass", summary, ev);
}

/** When bytes last flowed, over the recent sessions; null when none carried any. */
function lastTrafficOf(input: DiagnosisInput): number | null {
  const times = input.sessions
    .map(
      (s) =>
        s.lastTrafficAt?.getTime() ??
        (s.bytesUp + s.bytesDown > 0 ? (s.endedAt ?? s.lastUpdateAt).getTime() : 0),
    )
    .filter((t) => t > 0);
  return times.length ? Math.max(...times) : null;
}

function trafficRung(
  input: DiagnosisInput,
  rhythm: Rhythm,
  expectedMs: number,
  lastTraffic: number | null,
  failedBefore: boolean,
): Rung {
  if (lastTraffic === null)
    return input.sessions.length
      ? rung("traffic", "fail", msg("traffic.none"), [])
      : rung("traffic", "skipped", msg("traffic.no_sessions"), []);
  const silent = input.now.getTime() - lastTraffic;
  const status: RungStatus =
    silent > silenceLimitMs(rhythm) ? "fail" : silent > 1.5 * expectedMs ? "warn" : "pass";
  const usual = rhythm.typicalGapSeconds
    ? msg("rhythm.reports", { gap: expectedMs })
    : msg("rhythm.reports_unknown");
  const at = new Date(lastTraffic);
  return rung(
    "traffic",
    status,
    msg("traffic.last", { ago: silent, at: iso(at), usual }),
    [evidenceOf("session", msg("evidence.last_bytes"), at)],
    status === "fail" && !failedBefore ? { fix: RESET_SILENT() } : {},
  );
}

function deviceRung(input: DiagnosisInput): Rung {
  const d = input.device;
  if (!d || !d.imei) return rung("device", "skipped", msg("device.unknown"), []);
  const sinceChange = d.imeiChangedAt ? input.now.getTime() - d.imeiChangedAt.getTime() : null;
  if (sinceChange !== null && sinceChange < 30 * 24 * HOUR) {
    const change = { previous: d.previousImei, imei: d.imei };
    return rung(
      "device",
      "warn",
      msg("device.moved", { ago: sinceChange, ...change }),
      [evidenceOf("device", msg("evidence.imei_change", change), d.imeiChangedAt!)],
      { fix: fixOf("check-device", msg("fix.moved")) },
    );
  }
  const svs = [...new Set(input.sessions.map((s) => s.imeisv).filter((x): x is string => !!x))];
  if (svs.length > 1)
    return rung(
      "device",
      "warn",
      msg("device.firmware", { versions: svs.slice(0, 2).join(" → ") }),
      svs.map((imeisv) => evidenceOf("device", msg("evidence.imeisv", { imeisv }))),
    );
  return rung("device", "pass", msg("device.same", { imei: d.imei }), [
    evidenceOf("device", msg("evidence.imei", { imei: d.imei })),
  ]);
}

/** The verdict's sentences: the first broken rung (and the rung it points to) with its next step. */
function verdictOf(
  rungs: Rung[],
  pending: PendingAction[],
  now: Date,
  lastTraffic: number | null,
): Message[] {
  const first = rungs.find((r) => r.status === "fail") ?? null;
  const warns = rungs.filter((r) => r.status === "warn");
  const watching = pending.map((p) => {
    const params = { action: msg(`action.${p.type as FixAction}`), at: iso(p.requestedAt) };
    return p.watchUntil
      ? msg("verdict.watching_until", { ...params, until: iso(p.watchUntil) })
      : msg("verdict.watching", params);
  });
  const parts: Message[] = [];
  if (first) {
    const pointed = first.causeIn
      ? rungs.find((r) => r.name === first.causeIn && r.status === "fail")
      : undefined;
    parts.push(first.summaryMessage);
    if (pointed) parts.push(pointed.summaryMessage);
    const fix = first.fix ?? pointed?.fix;
    // With an action being watched, the next step is its proof, not another action.
    if (fix && !watching.length)
      parts.push(msg("verdict.next_step", { fix: fix.descriptionMessage }));
  } else if (warns.length) {
    const summary = warns[0]!.summaryMessage;
    parts.push(
      warns.length === 1
        ? msg("verdict.warning", { summary })
        : msg("verdict.warnings", { count: warns.length, summary }),
    );
  } else {
    parts.push(
      lastTraffic ? msg("verdict.ok", { ago: now.getTime() - lastTraffic }) : msg("verdict.ready"),
    );
  }
  return [...parts, ...watching];
}

export function diagnose(input: DiagnosisInput): Diagnosis {
  const { now } = input;
  const rhythm = {
    ...rhythmOf(input.sessions),
    lastSessionAt: input.sessions[0] ? iso(input.sessions[0].startedAt) : null,
  };
  const expectedMs = rhythm.typicalGapSeconds ? rhythm.typicalGapSeconds * 1000 : ASSUMED_GAP_MS;
  const lastTraffic = lastTrafficOf(input);

  const rungs: Rung[] = [
    simStateRung(input),
    limitsRung(input),
    registrationRung(input),
    roamingRung(input),
    dataSessionRung(input, rhythm, expectedMs),
  ];
  rungs.push(
    trafficRung(
      input,
      rhythm,
      expectedMs,
      lastTraffic,
      rungs.some((r) => r.status === "fail"),
    ),
    deviceRung(input),
  );

  // While an action is watched, recommending it again would only repeat it before its proof is in.
  const pending = input.pendingActions ?? [];
  const awaited = new Set(pending.map((p) => p.type));
  for (const r of rungs) if (r.fix && awaited.has(r.fix.action)) delete r.fix;

  const first = rungs.find((r) => r.status === "fail") ?? null;
  const warns = rungs.filter((r) => r.status === "warn");
  const actions = [first?.fix, ...rungs.filter((r) => r.fix && r !== first).map((r) => r.fix)]
    .filter((f): f is Fix => !!f)
    .filter((f, i, all) => all.findIndex((g) => g.action === f.action) === i);
  const verdictMessages = verdictOf(rungs, pending, now, lastTraffic);
  return {
    verdict: verdictMessages.map(legacy).join(" "),
    verdictMessages,
    overall: first ? "fail" : warns.length ? "warn" : "ok",
    firstBroken: first?.name ?? null,
    rhythm,
    rungs,
    actions,
    watching: pending.map((p) => ({
      actionId: p.id,
      type: p.type,
      requestedAt: iso(p.requestedAt),
      watchUntil: p.watchUntil ? iso(p.watchUntil) : null,
    })),
  };
}
