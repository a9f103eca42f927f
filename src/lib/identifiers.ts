/**
 * Validation of the identifiers that name SIMs and devices. Pure functions, no I/O; each returns
 * either the normalised value or a reason code + message a user can act on.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Iccid = Brand<string, "Iccid">;
export type Imsi = Brand<string, "Imsi">;
export type Msisdn = Brand<string, "Msisdn">;
export type Imei = Brand<string, "Imei">;
export type Eid = Brand<string, "Eid">;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: string, message: string): Parsed<T> => ({ ok: false, code, message });

const DIGITS = /^[0-9]+$/;
/** What a spreadsheet makes of a long number: `8.94E+19`, `8,94457E+19`. */
const SCIENTIFIC = /^[0-9]+([.,][0-9]+)?[eE]\+?[0-9]+$/;

/** Luhn (ISO/IEC 7812-1) check over a string of digits whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `payload + digit` pass the Luhn check. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return String(d);
  throw new Error("unreachable");
}

export function parseIccid(input: string): Parsed<Iccid> {
  const v = input.trim();
  if (v === "") return bad("ICCID_MISSING", "ICCID is required.");
  if (SCIENTIFIC.test(v))
    return bad(
      "ICCID_SCIENTIFIC_NOTATION",
      `ICCID "${v}" was turned into a number by a spreadsheet; format the column as text and export again.`,
    );
  if (!DIGITS.test(v)) return bad("ICCID_NOT_DIGITS", `ICCID "${v}" must contain digits only.`);
  if (v.length < 19 || v.length > 20)
    return bad("ICCID_LENGTH", `ICCID "${v}" has ${v.length} digits; an ICCID has 19 or 20.`);
  if (!luhnValid(v)) return bad("ICCID_CHECK_DIGIT", `ICCID "${v}" fails the Luhn check digit.`);
  return ok(v as Iccid);
}

export function parseImsi(input: string): Parsed<Imsi> {
  const v = input.trim();
  if (v === "") return bad("IMSI_MISSING", "IMSI is required.");
  if (SCIENTIFIC.test(v))
    return bad(
      "IMSI_SCIENTIFIC_NOTATION",
      `IMSI "${v}" was turned into a number by a spreadsheet.`,
    );
  if (!DIGITS.test(v)) return bad("IMSI_NOT_DIGITS", `IMSI "${v}" must contain digits only.`);
  if (v.length !== 15)
    return bad("IMSI_LENGTH", `IMSI "${v}" has ${v.length} digits; an IMSI has 15.`);
  return ok(v as Imsi);
}

/** E.164: accepted with or without a leading `+` (and with spaces or dashes), stored as digits. */
export function parseMsisdn(input: string): Parsed<Msisdn> {
  const raw = input.trim();
  if (raw === "") return bad("MSISDN_MISSING", "MSISDN is required.");
  if (SCIENTIFIC.test(raw))
    return bad(
      "MSISDN_SCIENTIFIC_NOTATION",
      `MSISDN "${raw}" was turned into a number by a spreadsheet.`,
    );
  const v = raw.replace(/^\+/, "").replace(/[\s-]/g, "");
  if (!DIGITS.test(v)) return bad("MSISDN_NOT_DIGITS", `MSISDN "${raw}" must be an E.164 number.`);
  if (v.startsWith("0"))
    return bad("MSISDN_FORMAT", `MSISDN "${raw}" must start with the country code, not 0.`);
  if (v.length < 8 || v.length > 15)
    return bad(
      "MSISDN_LENGTH",
      `MSISDN "${raw}" has ${v.length} digits; E.164 numbers have 8 to 15.`,
    );
  return ok(v as Msisdn);
}

/** IMEI: 15 digits with a Luhn check digit. (An IMEISV has 16 digits and no check digit.) */
export function parseImei(input: string): Parsed<Imei> {
  const v = input.trim();
  if (SCIENTIFIC.test(v))
    return bad(
      "IMEI_SCIENTIFIC_NOTATION",
      `IMEI "${v}" was turned into a number by a spreadsheet.`,
    );
  if (!DIGITS.test(v)) return bad("IMEI_NOT_DIGITS", `IMEI "${v}" must contain digits only.`);
  if (v.length !== 15)
    return bad("IMEI_LENGTH", `IMEI "${v}" has ${v.length} digits; an IMEI has 15.`);
  if (!luhnValid(v)) return bad("IMEI_CHECK_DIGIT", `IMEI "${v}" fails the Luhn check digit.`);
  return ok(v as Imei);
}

/** EID (GSMA SGP.02/SGP.22): 32 digits whose value mod 97 is 1 (ISO 7064 MOD 97-10). */
export function parseEid(input: string): Parsed<Eid> {
  const v = input.trim();
  if (!DIGITS.test(v)) return bad("EID_NOT_DIGITS", `EID "${v}" must contain digits only.`);
  if (v.length !== 32)
    return bad("EID_LENGTH", `EID "${v}" has ${v.length} digits; an EID has 32.`);
  let rem = 0;
  for (const ch of v) rem = (rem * 10 + (ch.charCodeAt(0) - 48)) % 97;
  if (rem !== 1) return bad("EID_CHECK_DIGITS", `EID "${v}" fails its check digits.`);
  return ok(v as Eid);
}

export const MCC_RE = /^[0-9]{3}$/;
export const MNC_RE = /^[0-9]{2,3}$/;
/** A PLMN is written MCC+MNC as one string, e.g. "23415" or "310410"; the MNC stays a string. */
export const PLMN_RE = /^[0-9]{5,6}$/;

/** APN network identifier (3GPP TS 23.003 §9.1): dot-separated labels of letters, digits, hyphens. */
export function isValidApn(apn: string): boolean {
  if (apn.length === 0 || apn.length > 100) return false;
  return apn
    .split(".")
    .every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/**
 * The identifier a lookup key names, exactly as Otter stores it, or undefined when it names none.
 * A lookup by an unknown key answers "not found", never "invalid": a key that is not a valid
 * identifier, or not in its stored form (spaces, a leading `+`), matches no stored row.
 */
export function storedForm<T extends string>(
  parse: (s: string) => Parsed<T>,
  key: string,
): T | undefined {
  const r = parse(key);
  return r.ok && r.value === key ? r.value : undefined;
}

/** Throws-free helper for code that needs a boolean. */
export const isIccid = (s: string) => parseIccid(s).ok;
