import type { SimStats } from "./engine.js";
import { formatDuration } from "./units.js";

/** The simulator's words for people: one line per simulated hour, and the closing summary. */

const causes = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([code, n]) => `${code} ×${n}`)
    .join(", ");

export function progressLine(s: SimStats): string {
  const elapsed = Date.parse(s.simTime) - Date.parse(s.start);
  const r = s.radius;
  return [
    `[${s.simTime.slice(0, 16).replace("T", " ")}Z +${formatDuration(Math.round(elapsed / 60_000) * 60_000)}]`,
    `sessions ${s.sessionsOpen} open${s.sessionsHung ? ` (${s.sessionsHung} hung)` : ""}`,
    `accounting ${r.sent} sent / ${r.answered} answered / ${r.retransmitted} retransmitted / ${r.unanswered} unanswered`,
    `registrations ${s.registrations.accepted} accepted / ${s.registrations.rejected} rejected${s.registrations.rejected ? ` (${causes(s.registrations.causes)})` : ""}`,
    `disconnects ${s.disconnects.received}`,
  ].join(" · ");
}

export function summaryLines(s: SimStats): string[] {
  const r = s.radius;
  const span = formatDuration(
    Math.round((Date.parse(s.simTime) - Date.parse(s.start)) / 1000) * 1000,
  );
  const problems = [
    r.unanswered ? `${r.unanswered} accounting request(s) never answered` : "",
    r.inFlight ? `${r.inFlight} still in flight` : "",
    s.events.failed ? `${s.events.failed} registration event(s) not stored` : "",
    s.errors ? `${s.errors} internal error(s) (see above)` : "",
  ].filter(Boolean);
  return [
    `Simulation ${s.scenario}: ${span} of simulated time (${s.start} → ${s.simTime}) in ${(s.realElapsedMs / 1000).toFixed(1)} s`,
    `  devices        ${s.devices} (${s.registered} registered)`,
    `  sessions open  ${s.sessionsOpen}${s.sessionsHung ? ` (${s.sessionsHung} hung)` : ""}`,
    `  accounting     ${r.sent} sent, ${r.answered} answered, ${r.retransmitted} retransmitted, ${r.unanswered} unanswered (start ${s.records.start}, interim ${s.records.interim}, stop ${s.records.stop}${s.records.accountingOn ? `, accounting-on ${s.records.accountingOn}` : ""})`,
    `  registrations  ${s.registrations.accepted} accepted, ${s.registrations.rejected} rejected${s.registrations.rejected ? ` (${causes(s.registrations.causes)})` : ""}${s.registrations.errors ? `, ${s.registrations.errors} not decided (Otter unreadable)` : ""}`,
    `  events         ${s.events.posted} posted, ${s.events.stored} stored, ${s.events.failed} failed`,
    `  disconnects    ${s.disconnects.received} received: ${s.disconnects.acked} ACK, ${s.disconnects.naked} NAK; ${s.disconnects.discarded} discarded (bad authenticator)${s.cancelLocations ? `; cancel location ${s.cancelLocations}` : ""}`,
    `  result         ${problems.length === 0 ? "every request answered" : problems.join("; ")}`,
  ];
}
