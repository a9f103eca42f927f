import {
  type Eid,
  type Iccid,
  type Imei,
  type Imsi,
  type Msisdn,
  parseEid,
  parseIccid,
  parseImei,
  parseImsi,
  parseMsisdn,
} from "../../../lib/identifiers.js";
import { isSimState, type SimState } from "../sim-lifecycle.js";
import { CUSTOM_FIELDS } from "../sims.schemas.js";

/**
 * The SIM import file format, as pure functions: header recognition and row validation. No I/O;
 * the import job streams the file through csv-parse and calls these per record.
 */
export const REQUIRED_COLUMNS = ["iccid", "imsi", "msisdn"] as const;
export const OPTIONAL_COLUMNS = [
  "eid",
  "imei",
  "account",
  "communicationPlan",
  "ratePlan",
  "state",
  ...CUSTOM_FIELDS,
] as const;
const CANONICAL = new Map<string, string>(
  [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((c) => [c.toLowerCase(), c]),
);
CANONICAL.set("accountid", "account");
CANONICAL.set("communicationplanname", "communicationPlan");
CANONICAL.set("rateplanname", "ratePlan");
CANONICAL.set("status", "state");

/** Column names are matched without case, spaces, dashes or underscores ("Rate plan" = "ratePlan"). */
export function canonicalColumn(name: string): string | null {
  return CANONICAL.get(name.replace(/[\s_-]/g, "").toLowerCase()) ?? null;
}

export type HeaderResult =
  | { ok: true; delimiter: "," | ";"; columns: string[] }
  | { ok: false; field: string; code: string; message: string };

/** Splits a header line (BOM removed) and checks it; a `;` separator is recognised. */
export function parseHeader(line: string): HeaderResult {
  const text = line.replace(/^\uFEFF/, "").replace(/\r$/, "");
  const delimiter = text.includes(";") && !text.includes(",") ? ";" : ",";
  const raw = text.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
  const columns: string[] = [];
  for (const name of raw) {
    const canon = canonicalColumn(name);
    if (!canon) {
      return {
        ok: false,
        field: name || "(empty)",
        code: "IMPORT_UNKNOWN_COLUMN",
        message: `Line 1: unknown column "${name}". Known columns: ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(", ")}.`,
      };
    }
    if (columns.includes(canon)) {
      return {
        ok: false,
        field: canon,
        code: "IMPORT_DUPLICATE_COLUMN",
        message: `Line 1: column "${canon}" appears twice.`,
      };
    }
    columns.push(canon);
  }
  for (const req of REQUIRED_COLUMNS) {
    if (!columns.includes(req))
      return {
        ok: false,
        field: req,
        code: "IMPORT_MISSING_COLUMN",
        message: `Line 1: the required column "${req}" is missing (required: iccid, imsi, msisdn).`,
      };
  }
  return { ok: true, delimiter, columns };
}

export interface SimDraft {
  iccid: Iccid;
  imsi: Imsi;
  msisdn: Msisdn;
  eid: Eid | null;
  imei: Imei | null;
  /** An account id or name, as the row gives it. */
  account: string | null;
  communicationPlan: string | null;
  ratePlan: string | null;
  state: SimState;
  /** True when the row named a state; otherwise a new SIM starts in INVENTORY. */
  stateGiven: boolean;
  customFields: Record<string, string>;
}

export type RowResult =
  { ok: true; draft: SimDraft } | { ok: false; field: string; code: string; message: string };

const fail = (field: string, code: string, message: string): RowResult => ({
  ok: false,
  field,
  code,
  message,
});

/** Validates one record against the header's columns. */
export function validateRow(values: string[], columns: string[]): RowResult {
  if (values.length !== columns.length) {
    return fail(
      "row",
      "ROW_COLUMN_COUNT",
      `The row has ${values.length} values; the header has ${columns.length} columns.`,
    );
  }
  // PostgreSQL stores no NUL character; the value is not repeated in the message for the same reason.
  const nul = values.findIndex((v) => v.includes("\u0000"));
  if (nul >= 0)
    return fail(
      columns[nul]!,
      "INVALID_CHARACTERS",
      `${columns[nul]} contains a NUL character (\\u0000), which Otter cannot store.`,
    );
  const get = (name: string): string => {
    const i = columns.indexOf(name);
    return i < 0 ? "" : (values[i] ?? "").trim();
  };
  const iccid = parseIccid(get("iccid"));
  if (!iccid.ok) return fail("iccid", iccid.code, iccid.message);
  const imsi = parseImsi(get("imsi"));
  if (!imsi.ok) return fail("imsi", imsi.code, imsi.message);
  const msisdn = parseMsisdn(get("msisdn"));
  if (!msisdn.ok) return fail("msisdn", msisdn.code, msisdn.message);
  let eid: Eid | null = null;
  if (get("eid")) {
    const r = parseEid(get("eid"));
    if (!r.ok) return fail("eid", r.code, r.message);
    eid = r.value;
  }
  let imei: Imei | null = null;
  if (get("imei")) {
    const r = parseImei(get("imei"));
    if (!r.ok) return fail("imei", r.code, r.message);
    imei = r.value;
  }
  // An account id or an account's name, resolved within the importer's subtree by the import job.
  const account = get("account") || null;
  if (account && account.length > 200)
    return fail("account", "ACCOUNT_INVALID", "The account is neither an account id nor a name.");
  const stateText = get("state").toUpperCase();
  let state: SimState = "INVENTORY";
  if (stateText) {
    if (!isSimState(stateText))
      return fail("state", "STATE_INVALID", `State "${get("state")}" is not a SIM state.`);
    if (stateText === "PURGED" || stateText === "REPLACED")
      return fail("state", "STATE_NOT_IMPORTABLE", `A SIM cannot be imported as ${stateText}.`);
    state = stateText;
  }
  const customFields: Record<string, string> = {};
  for (const f of CUSTOM_FIELDS) {
    const v = get(f);
    if (!v) continue;
    if (v.length > 255)
      return fail(f, "CUSTOM_FIELD_TOO_LONG", `${f} is longer than 255 characters.`);
    customFields[f] = v;
  }
  return {
    ok: true,
    draft: {
      iccid: iccid.value,
      imsi: imsi.value,
      msisdn: msisdn.value,
      eid,
      imei,
      account,
      communicationPlan: get("communicationPlan") || null,
      ratePlan: get("ratePlan") || null,
      state,
      stateGiven: stateText !== "",
      customFields,
    },
  };
}
