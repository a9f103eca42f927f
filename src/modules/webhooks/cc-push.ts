import { createHmac } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";
import type { PublicEventType } from "./webhook-events.js";

/**
 * Control Center's push format (docs/webhooks.md, "Control Center push format"): what a push
 * receiver written for Cisco IoT Control Center reads. One form-encoded POST per event with
 * `eventId`, `eventType`, `timestamp`, `signature2` and `data`; `data` is XML in the `ws/schema`
 * namespace (the classic receivers) or the same fields as a JSON object. Pure: no I/O.
 */

/** The namespace of Control Center's XML (receivers look up `{…/ws/schema}iccid`). */
export const CC_NAMESPACE = "http://api.jasperwireless.com/ws/schema";

export const WEBHOOK_FORMATS = ["otter", "controlcenter"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const CC_DATA_FORMATS = ["xml", "json"] as const;
export type CcDataFormat = (typeof CC_DATA_FORMATS)[number];

/**
 * Otter's public event types that have a Control Center push event, with CC's `eventType` and the
 * root element of its XML `data`. Nothing else is sent to a Control Center-format subscription.
 */
export const CC_PUSH_EVENTS = {
  "sim.state_changed": { eventType: "SIM_STATE_CHANGE", root: "SimStateChange" },
  "sim.session_started": { eventType: "SESSION_START", root: "Session" },
  "sim.session_ended": { eventType: "SESSION_STOP", root: "Session" },
  "sim.usage_threshold": { eventType: "CTD_USAGE", root: "CtdUsage" },
  "sim.imei_changed": { eventType: "SIM_IMEI_CHANGE", root: "SimImeiChange" },
} as const satisfies Partial<Record<PublicEventType, { eventType: string; root: string }>>;

export type CcMappedEventType = keyof typeof CC_PUSH_EVENTS;
export const CC_MAPPED_EVENT_TYPES = Object.keys(CC_PUSH_EVENTS) as CcMappedEventType[];

export const isCcMapped = (type: string): type is CcMappedEventType =>
  Object.hasOwn(CC_PUSH_EVENTS, type);

/**
 * The SIM states of Control Center's push messages: not the REST names (`ACTIVATION_READY`) but
 * their own enum. A state it has no value for is `UNKNOWN`, never a name a strict receiver's enum
 * would refuse.
 */
const PUSH_STATES: Record<string, string> = {
  ACTIVATION_READY: "ACTIVATIONREADY",
  ACTIVATED: "ACTIVATED",
  DEACTIVATED: "DEACTIVATED",
  PURGED: "PURGED",
};
export const ccPushState = (otterState: string | null | undefined): string =>
  (otterState && PUSH_STATES[otterState]) || "UNKNOWN";

/** `2026-03-01 09:00:00.000+0000`: Control Center's REST date format, used in JSON `data`. */
export function ccRestDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}+0000`
  );
}

/** xsd:dateTime in UTC (`2026-03-01T09:00:00.000Z`): the XML schema's dates, and `timestamp`. */
export const ccXmlDate = (iso: string): string => new Date(iso).toISOString();

/** One field of `data`: a date, a byte count (an integer), or text; null when Otter does not know it. */
type Field =
  | { kind: "text"; value: string | null }
  | { kind: "date"; value: string | null }
  | { kind: "bytes"; value: number | null };
const text = (value: unknown): Field => ({
  kind: "text",
  value: typeof value === "string" || typeof value === "number" ? String(value) : null,
});
const date = (value: unknown): Field => ({
  kind: "date",
  value: typeof value === "string" && value !== "" ? value : null,
});
const bytes = (value: unknown): Field => ({
  kind: "bytes",
  value: typeof value === "number" && Number.isFinite(value) ? Math.round(value) : null,
});

/**
 * Control Center's fields of each mapped event, in CC's order, from the Otter event's data and
 * the time it was recorded (a state change's data carries no time of its own: it is the event's).
 */
function fieldsOf(
  type: CcMappedEventType,
  d: Record<string, unknown>,
  eventAt: string,
): [string, Field][] {
  switch (type) {
    case "sim.state_changed":
      return [
        ["iccid", text(d.iccid)],
        ["previousState", text(ccPushState(d.from as string))],
        ["currentState", text(ccPushState(d.to as string))],
        ["dateChanged", date(eventAt)],
      ];
    case "sim.session_started":
      return [
        ["iccid", text(d.iccid)],
        ["ipAddress", text(d.ipAddress)],
        ["apn", text(d.apn)],
        ["dateSessionStarted", date(d.at)],
        ["dateSessionEnded", date(null)],
      ];
    case "sim.session_ended":
      return [
        ["iccid", text(d.iccid)],
        ["ipAddress", text(d.ipAddress)],
        ["apn", text(d.apn)],
        ["dateSessionStarted", date(d.startedAt)],
        ["dateSessionEnded", date(d.at)],
      ];
    case "sim.usage_threshold":
      return [
        ["iccid", text(d.iccid)],
        ["dataUsage", bytes(d.usedBytes)],
      ];
    case "sim.imei_changed":
      return [
        ["iccid", text(d.iccid)],
        ["previousImei", text(d.from)],
        ["currentImei", text(d.to)],
        ["dateChanged", date(d.at)],
      ];
  }
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_" });

/**
 * The `data` field of a push: XML (`<Session xmlns="…/ws/schema"><iccid>…</iccid>…</Session>`,
 * unknown values left out, dates as xsd:dateTime) or a flat JSON object of the same fields
 * (unknown values null, dates in CC's REST format, byte counts as integers).
 */
export function ccPushData(
  type: CcMappedEventType,
  eventData: Record<string, unknown>,
  eventAt: string,
  format: CcDataFormat,
): string {
  const fields = fieldsOf(type, eventData, eventAt);
  if (format === "json") {
    const out: Record<string, string | number | null> = {};
    for (const [name, f] of fields)
      out[name] = f.kind === "date" && f.value !== null ? ccRestDate(f.value) : f.value;
    return JSON.stringify(out);
  }
  const element: Record<string, string | number> = { "@_xmlns": CC_NAMESPACE };
  for (const [name, f] of fields) {
    if (f.value === null) continue;
    element[name] = f.kind === "date" ? ccXmlDate(f.value) : f.value;
  }
  return xml.build({ [CC_PUSH_EVENTS[type].root]: element }) as string;
}

/** `signature2`: base64 of HMAC-SHA256 over the `timestamp` field's exact text, keyed with the secret. */
export const signature2 = (secret: string, timestamp: string): string =>
  createHmac("sha256", secret).update(timestamp, "utf8").digest("base64");

/** The form-encoded body of one push, signed. */
export function ccPushBody(p: {
  eventId: string;
  type: CcMappedEventType;
  eventData: Record<string, unknown>;
  /** When the event was recorded. */
  eventAt: Date;
  dataFormat: CcDataFormat;
  sentAt: Date;
  secret: string;
}): string {
  const timestamp = p.sentAt.toISOString();
  return new URLSearchParams({
    eventId: p.eventId,
    eventType: CC_PUSH_EVENTS[p.type].eventType,
    timestamp,
    signature2: signature2(p.secret, timestamp),
    data: ccPushData(p.type, p.eventData, p.eventAt.toISOString(), p.dataFormat),
  }).toString();
}
