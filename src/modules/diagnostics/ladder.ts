import { CONNECTING, type SimState } from "../sims/sim-lifecycle.js";
import { describePlmn } from "../network/plmn.js";
import { causeMeaning } from "./causes.js";
import { ASSUMED_GAP_MS, rhythmOf, silenceLimitMs } from "../network/silence-policy.js";

// The silence yardstick lives beside the network signals it measures; still offered here for the
// automation rules that import it from the diagnosis.

/**
 * The diagnosis ladder every connectivity platform walks, as one pure function over what the network
 * saw: SIM state → limits → registration → roaming → data session → traffic → device. Each rung
 * says pass / warn / fail / skipped, shows its evidence with times, and names the fix. The verdict is
 * the first broken rung in a sentence a customer understands.
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
}
export interface Fix {
  action: FixAction;
  description: string;
}
export interface Rung {
  name: RungName;
  status: RungStatus;
  summary: string;
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
const ago = (ms: number) =>
  ms < 2 * HOUR
    ? `${Math.round(ms / 60_000)} min`
    : ms < 48 * HOUR
      ? `${(ms / HOUR).toFixed(ms < 10 * HOUR ? 1 : 0)} h`
      : `${Math.round(ms / (24 * HOUR))} days`;
export function diagnose(input: DiagnosisInput): Diagnosis {
  const { now } = input;
  const rungs: Rung[] = [];
  const rhythm = {
    ...rhythmOf(input.sessions),
    lastSessionAt: input.sessions[0] ? iso(input.sessions[0].startedAt) : null,
  };
  const expectedMs = rhythm.typicalGapSeconds ? rhythm.typicalGapSeconds * 1000 : ASSUMED_GAP_MS;

  // sim_state: a connecting state, and a communication plan (without one the HSS refuses the SIM)
  const state = input.sim.state as SimState;
  const stateEvidence: Evidence[] = [{ kind: "sim", detail: `state ${state}` }];
  if (!CONNECTING.has(state)) {
    const activatable = ["INVENTORY", "ACTIVATION_READY", "DEACTIVATED", "TEST_READY"];
    rungs.push({
      name: "sim_state",
      status: "fail",
      summary: `The SIM is ${state}: the network refuses it until it is activated.`,
      evidence: stateEvidence,
      ...(activatable.includes(state)
        ? { fix: { action: "activate" as const, description: "Activate the SIM." } }
        : {}),
    });
  } else if (!input.commPlan) {
    rungs.push({
      name: "sim_state",
      status: "fail",
      summary: `The SIM is ${state} but has no communication plan: the network will refuse its registrations and data sessions.`,
      evidence: [{ kind: "sim", detail: `state ${state}, no communication plan` }],
      fix: { action: "change-plan", description: "Assign a communication plan." },
    });
  } else {
    rungs.push({
      name: "sim_state",
      status: "pass",
      summary: `The SIM is ${state}, a state in which the network lets it connect.`,
      evidence: stateEvidence,
    });
  }

  // limits
  const limit = input.ratePlan?.dataLimitBytes ?? null;
  const lifted = input.sim.overageLimitOverride !== "DEFAULT";
  if (limit === null) {
    rungs.push({
      name: "limits",
      status: "pass",
      summary: "No data limit applies.",
      evidence: [{ kind: "usage", detail: `${input.cycleBytes} bytes used this cycle` }],
    });
  } else if (input.cycleBytes >= limit && !lifted) {
    rungs.push({
      name: "limits",
      status: "fail",
      summary: `The data limit of ${limit} bytes for this cycle is reached (${input.cycleBytes} bytes used): the SIM is barred.`,
      evidence: [
        { kind: "usage", detail: `${input.cycleBytes} of ${limit} bytes this cycle` },
        { kind: "plan", detail: `rate plan ${input.ratePlan!.name} v${input.ratePlan!.version}` },
      ],
      fix: {
        action: "override-limit",
        description: "Lift the limit for this cycle (TEMPORARY_OVERRIDE) or move to a larger plan.",
      },
    });
  } else {
    const near = input.cycleBytes >= 0.9 * limit && !lifted;
    rungs.push({
      name: "limits",
      status: near ? "warn" : "pass",
      summary: near
        ? `The SIM has used ${Math.round((100 * input.cycleBytes) / limit)} % of its ${limit}-byte limit this cycle.`
        : lifted
          ? `The data limit is lifted (${input.sim.overageLimitOverride}).`
          : "Within its data limit.",
      evidence: [{ kind: "usage", detail: `${input.cycleBytes} of ${limit} bytes this cycle` }],
    });
  }

  // registration
  const lastReg = input.registrations[0];
  const lastUpdate = input.registrations.find((r) => r.type === "location_update");
  if (!lastReg) {
    rungs.push(
      input.sessions.length > 0
        ? {
            name: "registration",
            status: "pass",
            summary:
              "No registration reported by the HSS, but data sessions prove the SIM attached.",
            evidence: [],
          }
        : {
            name: "registration",
            status: "warn",
            summary: "The network has reported no registration of this SIM.",
            evidence: [],
          },
    );
  } else if (lastReg.type === "purge" || lastReg.type === "cancel_location") {
    rungs.push({
      name: "registration",
      status: "warn",
      summary: `The network reported ${lastReg.type.replace("_", " ")} ${ago(now.getTime() - lastReg.at.getTime())} ago: the device must register again.`,
      evidence: [{ kind: "registration", at: iso(lastReg.at), detail: lastReg.type }],
    });
  } else if (lastUpdate?.result === "rejected") {
    const m = causeMeaning(lastUpdate.cause, lastUpdate.causeType);
    rungs.push({
      name: "registration",
      status: "fail",
      summary: `The last registration, ${ago(now.getTime() - lastUpdate.at.getTime())} ago, was rejected: ${m.plain} (${m.name}, cause ${lastUpdate.cause}).`,
      evidence: input.registrations.slice(0, 5).map((r) => ({
        kind: "registration" as const,
        at: iso(r.at),
        detail:
          `${r.type} ${r.result ?? ""}${r.cause !== null ? ` cause ${r.cause}` : ""}${r.visitedPlmn ? ` in ${r.visitedPlmn}` : ""}`.trim(),
      })),
      ...(m.pointsTo ? { causeIn: m.pointsTo } : {}),
    });
  } else if (lastUpdate) {
    rungs.push({
      name: "registration",
      status: "pass",
      summary: `Registered ${ago(now.getTime() - lastUpdate.at.getTime())} ago${lastUpdate.visitedPlmn ? ` in ${lastUpdate.visitedPlmn}` : ""}.`,
      evidence: [
        {
          kind: "registration",
          at: iso(lastUpdate.at),
          detail: `location update accepted${lastUpdate.visitedPlmn ? ` in ${lastUpdate.visitedPlmn}` : ""}`,
        },
      ],
    });
  } else {
    rungs.push({
      name: "registration",
      status: "warn",
      summary: `The last network event is ${lastReg.type.replace("_", " ")}.`,
      evidence: [{ kind: "registration", at: iso(lastReg.at), detail: lastReg.type }],
    });
  }

  // roaming
  const lastSession = input.sessions[0];
  const visited = lastReg?.visitedPlmn
    ? {
        mcc: lastReg.visitedPlmn.slice(0, 3),
        mnc: lastReg.visitedPlmn.slice(3),
        at: lastReg.at,
        rat: lastReg.rat,
      }
    : lastSession?.mcc && lastSession.mnc
      ? {
          mcc: lastSession.mcc,
          mnc: lastSession.mnc,
          at: lastSession.lastUpdateAt,
          rat: lastSession.rat,
        }
      : null;
  if (!visited) {
    rungs.push({
      name: "roaming",
      status: "skipped",
      summary: "No serving network reported yet.",
      evidence: [],
    });
  } else if (!input.commPlan) {
    rungs.push({
      name: "roaming",
      status: "fail",
      summary: "The SIM has no communication plan, so no network is allowed.",
      evidence: [],
      fix: { action: "change-plan", description: "Assign a communication plan." },
    });
  } else {
    const info = describePlmn(visited.mcc, visited.mnc);
    const plmn = `${visited.mcc}${visited.mnc}`;
    const where = `${info.network ?? plmn} in ${info.countryName ?? info.country ?? "an unknown country"} (${plmn})`;
    const zone = input.commPlan.zones.find(
      (z) =>
        z.plmns.includes(plmn) || (info.country !== null && z.countries.includes(info.country)),
    );
    const evidence: Evidence[] = [
      {
        kind: "plan",
        detail: `communication plan ${input.commPlan.name}: zones ${input.commPlan.zones.map((z) => z.name).join(", ")}; RATs ${input.commPlan.rats.join(", ")}`,
      },
    ];
    if (!zone) {
      rungs.push({
        name: "roaming",
        status: "fail",
        summary: `The SIM is in ${where}, and its communication plan "${input.commPlan.name}" allows no zone that covers ${info.countryName ?? plmn}.`,
        evidence,
        fix: {
          action: "change-plan",
          description: `Move the SIM to a communication plan (and a rate plan that prices it) whose zones include ${info.countryName ?? plmn}.`,
        },
      });
    } else if (visited.rat && !input.commPlan.rats.includes(visited.rat)) {
      rungs.push({
        name: "roaming",
        status: "fail",
        summary: `The device uses ${visited.rat}, which plan "${input.commPlan.name}" does not allow.`,
        evidence,
        fix: {
          action: "change-plan",
          description: `Allow ${visited.rat} in the plan, or configure the device for ${input.commPlan.rats.join(" / ")}.`,
        },
      });
    } else if (input.ratePlan && !input.ratePlan.zoneIds.includes(zone.id)) {
      rungs.push({
        name: "roaming",
        status: "warn",
        summary: `Allowed in ${where} (zone ${zone.name}), but rate plan "${input.ratePlan.name}" does not price that zone: usage there is charged at pay-per-use prices.`,
        evidence,
        fix: {
          action: "change-plan",
          description: `Add zone ${zone.name} to the rate plan, or restrict the communication plan.`,
        },
      });
    } else {
      rungs.push({
        name: "roaming",
        status: "pass",
        summary: `Allowed in ${where} (zone ${zone.name}).`,
        evidence,
      });
    }
  }

  // data_session
  const recent = input.sessions.filter(
    (s) => now.getTime() - s.startedAt.getTime() <= 7 * 24 * HOUR,
  );
  if (!lastSession) {
    rungs.push({
      name: "data_session",
      status: "fail",
      summary: "No data session in the last days.",
      evidence: [],
    });
  } else {
    const ev = input.sessions.slice(0, 5).map((s) => ({
      kind: "session" as const,
      at: iso(s.startedAt),
      detail: `${s.status} on ${s.apn ?? "?"}, ${s.bytesUp + s.bytesDown} bytes${s.terminateCause ? `, ended ${s.terminateCause}` : ""}`,
    }));
    const open = input.sessions.find((s) => s.status === "open");
    const wrongApn =
      input.commPlan && lastSession.apn && !input.commPlan.apns.includes(lastSession.apn)
        ? lastSession.apn
        : null;
    // A closed last session is measured against the device's own rhythm: hours of quiet are
    // normal for a daily meter, not for a collar that reports every hour.
    const sinceLastMs = now.getTime() - lastSession.startedAt.getTime();
    const usualSessions = rhythm.typicalGapSeconds
      ? `the device usually opens one every ${ago(expectedMs)}`
      : "a device without a known rhythm is expected at least daily";
    const silentOpenMs = open
      ? now.getTime() - (open.lastTrafficAt ?? open.startedAt).getTime()
      : 0;
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
    // A session still open that has missed the device's usual report by half again is hung: a
    // device with a live session reports on its rhythm.
    if (open && silentOpenMs > Math.max(1.5 * expectedMs, HOUR)) {
      rungs.push({
        name: "data_session",
        status: "fail",
        summary: `A data session has been open since ${iso(open.startedAt)} but has carried no traffic for ${ago(silentOpenMs)}: the session is hung at the gateway.`,
        evidence: ev,
        fix: {
          action: "reset-connectivity",
          description:
            "Reset connectivity: tear the session down and make the device attach again.",
        },
      });
    } else if (!open && sinceLastMs > silenceLimitMs(rhythm)) {
      rungs.push({
        name: "data_session",
        status: "fail",
        summary: `No data session for ${ago(sinceLastMs)} (last at ${iso(lastSession.startedAt)}), while ${usualSessions}.`,
        evidence: ev,
        fix: {
          action: "reset-connectivity",
          description:
            "Reset connectivity so the device attaches again; if it stays silent, check the device (power, coverage).",
        },
      });
    } else if (wrongApn) {
      rungs.push({
        name: "data_session",
        status: "fail",
        summary: `The device opened its session on APN "${wrongApn}", which plan "${input.commPlan!.name}" does not offer (${input.commPlan!.apns.join(", ")}).`,
        evidence: ev,
        fix: {
          action: "send-sms",
          description: "Send the device its APN configuration, or add the APN to the plan.",
        },
      });
    } else if (short.length >= 5) {
      rungs.push({
        name: "data_session",
        status: "warn",
        summary: `${short.length} sessions in the last 24 h lasted under a minute: the connection is flapping.`,
        evidence: ev,
      });
    } else if (zero.length >= 3) {
      rungs.push({
        name: "data_session",
        status: "warn",
        summary: `${zero.length} of the last closed sessions carried no bytes.`,
        evidence: ev,
      });
    } else if (!open && sinceLastMs > 1.5 * expectedMs) {
      rungs.push({
        name: "data_session",
        status: "warn",
        summary: `The last data session is ${ago(sinceLastMs)} old (${iso(lastSession.startedAt)}), later than usual: ${usualSessions}.`,
        evidence: ev,
      });
    } else {
      rungs.push({
        name: "data_session",
        status: "pass",
        summary: open
          ? `A session is open on ${open.apn ?? "its APN"} since ${iso(open.startedAt)}.`
          : `Last session ${ago(now.getTime() - lastSession.startedAt.getTime())} ago on ${lastSession.apn ?? "its APN"}.`,
        evidence: ev,
      });
    }
  }

  // traffic
  const trafficTimes = input.sessions
    .map(
      (s) =>
        s.lastTrafficAt?.getTime() ??
        (s.bytesUp + s.bytesDown > 0 ? (s.endedAt ?? s.lastUpdateAt).getTime() : 0),
    )
    .filter((t) => t > 0);
  const lastTraffic = trafficTimes.length ? Math.max(...trafficTimes) : null;
  const usual = rhythm.typicalGapSeconds
    ? `it usually reports every ${ago(expectedMs)}`
    : "no usual rhythm known yet";
  if (lastTraffic === null) {
    rungs.push({
      name: "traffic",
      status: input.sessions.length ? "fail" : "skipped",
      summary: input.sessions.length
        ? "No bytes have flowed in the recent sessions."
        : "No sessions to measure traffic.",
      evidence: [],
    });
  } else {
    const silent = now.getTime() - lastTraffic;
    const status: RungStatus =
      silent > silenceLimitMs(rhythm) ? "fail" : silent > 1.5 * expectedMs ? "warn" : "pass";
    rungs.push({
      name: "traffic",
      status,
      summary: `Last traffic ${ago(silent)} ago (${new Date(lastTraffic).toISOString()}); ${usual}.`,
      evidence: [
        { kind: "session", at: new Date(lastTraffic).toISOString(), detail: "last bytes seen" },
      ],
      ...(status === "fail" && !rungs.some((r) => r.status === "fail")
        ? {
            fix: {
              action: "reset-connectivity" as const,
              description:
                "Reset connectivity so the device attaches again; if it stays silent, check the device (power, coverage).",
            },
          }
        : {}),
    });
  }

  // device
  const d = input.device;
  if (!d || !d.imei) {
    rungs.push({
      name: "device",
      status: "skipped",
      summary: "No device identity (IMEI) reported yet.",
      evidence: [],
    });
  } else if (d.imeiChangedAt && now.getTime() - d.imeiChangedAt.getTime() < 30 * 24 * HOUR) {
    rungs.push({
      name: "device",
      status: "warn",
      summary: `The SIM moved to another device ${ago(now.getTime() - d.imeiChangedAt.getTime())} ago (IMEI ${d.previousImei} → ${d.imei}).`,
      evidence: [
        { kind: "device", at: iso(d.imeiChangedAt), detail: `IMEI ${d.previousImei} → ${d.imei}` },
      ],
      fix: {
        action: "check-device",
        description: "Confirm with the customer that the SIM was moved on purpose.",
      },
    });
  } else {
    const svs = [...new Set(input.sessions.map((s) => s.imeisv).filter((x): x is string => !!x))];
    rungs.push(
      svs.length > 1
        ? {
            name: "device",
            status: "warn",
            summary: `The device's software version changed recently (${svs.slice(0, 2).join(" → ")}): a firmware update.`,
            evidence: svs.map((v) => ({ kind: "device" as const, detail: `IMEISV ${v}` })),
          }
        : {
            name: "device",
            status: "pass",
            summary: `Same device (IMEI ${d.imei}).`,
            evidence: [{ kind: "device", detail: `IMEI ${d.imei}` }],
          },
    );
  }

  // While an action is watched, recommending it again would only repeat it before its proof is in.
  const pending = input.pendingActions ?? [];
  const awaited = new Set(pending.map((p) => p.type));
  for (const r of rungs) if (r.fix && awaited.has(r.fix.action)) delete r.fix;

  const first = rungs.find((r) => r.status === "fail") ?? null;
  const warns = rungs.filter((r) => r.status === "warn");
  const actions = [first?.fix, ...rungs.filter((r) => r.fix && r !== first).map((r) => r.fix)]
    .filter((f): f is Fix => !!f)
    .filter((f, i, all) => all.findIndex((g) => g.action === f.action) === i);
  const watchingNote = pending.length
    ? ` ${pending
        .map(
          (p) =>
            `A ${p.type} requested at ${iso(p.requestedAt)} is being watched${p.watchUntil ? ` until ${iso(p.watchUntil)}` : ""}: Otter is waiting for the network to prove it worked.`,
        )
        .join(" ")}`
    : "";
  let verdict: string;
  if (first) {
    const pointed = first.causeIn
      ? rungs.find((r) => r.name === first.causeIn && r.status === "fail")
      : undefined;
    verdict = pointed ? `${first.summary} ${pointed.summary}` : first.summary;
    const fix = first.fix ?? pointed?.fix;
    // With an action being watched, the next step is its proof, not another action.
    if (fix && !watchingNote) verdict += ` Next step: ${fix.description}`;
  } else if (warns.length) {
    verdict = `Connected, with ${warns.length === 1 ? "a warning" : `${warns.length} warnings`}: ${warns[0]!.summary}`;
  } else {
    verdict = lastTraffic
      ? `The SIM is connected and its traffic flows as usual (last traffic ${ago(now.getTime() - lastTraffic)} ago).`
      : "The SIM is ready; nothing suggests a problem.";
  }
  verdict += watchingNote;
  return {
    verdict,
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
