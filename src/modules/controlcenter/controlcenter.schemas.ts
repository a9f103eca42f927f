import type { SimState } from "../sims/sim-lifecycle.js";
import { CUSTOM_FIELDS } from "../sims/sims.schemas.js";
import { parseCcStatus, requireCcDate } from "./cc-wire.js";
import { ccErrors } from "./controlcenter.errors.js";

/**
 * The requests of the Control-Center-compatible API, parsed by hand rather than by a schema: each
 * problem gets Control Center's own error code (section 5), and what real clients send (section 8:
 * numbers as strings, nulls, lower-case states, `+` as a space) is accepted.
 */
export type Query = Record<string, string | string[] | undefined>;

/** One value of a query parameter (the last, when a client repeats it). */
export function one(q: Query, name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

const PAGING = ["pageSize", "pageNumber", "fields"];

/** Refuses a query parameter the endpoint does not know (a mistyped filter must not widen an export). */
export function onlyKnown(q: Query, known: readonly string[]) {
  for (const name of Object.keys(q))
    if (!known.includes(name) && !PAGING.includes(name)) throw ccErrors.unrecognizedParameter(name);
}

export interface DeviceSearch {
  modifiedSince: Date;
  modifiedTill?: Date;
  accountId?: string;
  status?: SimState;
  iccid?: string;
  imsi?: string;
  msisdn?: string;
  imei?: string;
  customFields: { name: string; value: string }[];
}

const SEARCH_PARAMS = [
  "modifiedSince",
  "modifiedTill",
  "accountId",
  "status",
  "iccid",
  "imsi",
  "msisdn",
  "imei",
  ...CUSTOM_FIELDS,
];

export function parseDeviceSearch(q: Query): DeviceSearch {
  onlyKnown(q, SEARCH_PARAMS);
  const since = one(q, "modifiedSince");
  if (!since) throw ccErrors.modifiedSinceMissing();
  const out: DeviceSearch = {
    modifiedSince: requireCcDate("modifiedSince", since),
    customFields: [],
  };
  const till = one(q, "modifiedTill");
  if (till) out.modifiedTill = requireCcDate("modifiedTill", till);
  if (out.modifiedTill && out.modifiedTill < out.modifiedSince)
    throw ccErrors.toDateBeforeFromDate();
  const accountId = one(q, "accountId")?.trim();
  if (accountId) out.accountId = accountId;
  const status = one(q, "status")?.trim();
  if (status) {
    const s = parseCcStatus(status);
    if (!s) throw ccErrors.invalidStatus(status);
    out.status = s;
  }
  for (const k of ["iccid", "imsi", "msisdn", "imei"] as const) {
    const v = one(q, k)?.trim().replace(/^\+/, "");
    if (v) out[k] = v;
  }
  for (const name of CUSTOM_FIELDS) {
    const v = one(q, name);
    if (v !== undefined && v !== "") out.customFields.push({ name, value: v });
  }
  return out;
}

export interface DeviceEdit {
  effectiveDate?: Date;
  status?: string;
  ratePlan?: string;
  communicationPlan?: string;
  customer?: string;
  overageLimitOverride?: string;
  simNotes?: string;
  customFields: Record<string, string>;
  /** Editable in Control Center, not stored by Otter: refused only when they would change. */
  unsupported: Record<string, string | null>;
}

const UNSUPPORTED = ["deviceID", "modemID", "ipv4Address", "ipv6Address"];
/** Device fields a PUT built from an exported row carries along; they cannot be edited and are ignored. */
const READ_ONLY = new Set([
  "iccid",
  "imsi",
  "msisdn",
  "imei",
  "endConsumerId",
  "dateActivated",
  "dateAdded",
  "dateUpdated",
  "dateModified",
  "dateShipped",
  "accountId",
  "accountName",
  "fixedIPAddress",
  "fixedIpv6Address",
  "globalSimType",
  "eid",
  "euiccid",
  "simProfileId",
  "mec",
  "testReadyDataLimit",
  "testReadySmsLimit",
  "testReadyVoiceLimit",
  "testReadyCsdLimit",
  "p5gCommercialStatus",
  "lastSessionEndTime",
]);

/** A value as a CSV-built body sends it: a string, a number or boolean written out, or null (no change). */
function text(name: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw ccErrors.malformedJson(`${name} must be a string.`);
}

export function parseDeviceEdit(body: unknown): DeviceEdit {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw ccErrors.requiredFieldsMissing("a JSON object with at least one field to edit");
  const edit: DeviceEdit = { customFields: {}, unsupported: {} };
  let editable = 0;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const v = text(name, raw);
    if (READ_ONLY.has(name)) continue;
    if (UNSUPPORTED.includes(name)) {
      edit.unsupported[name] = v;
      editable++;
      continue;
    }
    if (CUSTOM_FIELDS.includes(name)) {
      editable++;
      if (v !== null) edit.customFields[name] = v;
      continue;
    }
    switch (name) {
      case "effectiveDate":
        if (v) edit.effectiveDate = requireCcDate("effectiveDate", v);
        continue;
      case "status":
      case "ratePlan":
      case "communicationPlan":
      case "customer":
      case "overageLimitOverride":
      case "simNotes":
        editable++;
        if (name === "customer" || name === "simNotes") {
          if (v !== null) edit[name] = v;
        } else if (v !== null && v.trim() !== "") edit[name] = v.trim();
        continue;
      default:
        throw ccErrors.unrecognizedParameter(name);
    }
  }
  if (editable === 0)
    throw ccErrors.requiredFieldsMissing(
      "at least one of status, ratePlan, communicationPlan, customer, overageLimitOverride, the custom fields",
    );
  return edit;
}
