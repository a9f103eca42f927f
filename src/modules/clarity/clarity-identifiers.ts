import { luhnValid, parseMsisdn } from "../../lib/identifiers.js";
import type { FoundIdentifier } from "./clarity.types.js";

/** Digits in groups of one space or dash (`8944 5000 0000 0000 001`, `+46 70 123 45 67`), with an optional `+`. */
const NUMBER = /(?<![\p{L}\p{N}+])\+?\d(?:[ -]?\d)*(?![\p{L}\p{N}])/gu;

/**
 * Invoice numbers as Otter's billing issues them: `INV-` (or `CN-` for a credit note) and 4 to 8
 * digits — `INV-000042` — also with a year between (`INV-2026-000123`), as other systems write them. They have no check digit; only their owner is judged.
 */
const INVOICE = /(?<![\p{L}\p{N}-])(?:INV|CN)-(?:\d{4}-)?\d{4,8}(?![\p{L}\p{N}])/gu;

/** The word naming the identifier just before it on the same line ("IMEI 3569…", "ICCID: 8946…"). */
const NAMED_BEFORE = /\b(ICCID|IMSI|IMEI|MSISDN)\b[^\n\d]{0,20}$/i;

/**
 * IMEIs and IMSIs both have 15 digits. Unnamed, a number whose first two digits are a common IMEI
 * reporting body (35, 86, 01, 99: most devices in service) is read as an IMEI; others as an IMSI,
 * whose first digit is the MCC's (2 to 7).
 */
const IMEI_PREFIXES = ["35", "86", "01", "99"];

/**
 * The identifiers in a reply, with offsets into it, for the check digit and owner rules:
 * - ICCID: 19 or 20 digits starting with 89 (ITU-T E.118), grouped or not; Luhn check digit;
 * - IMEI: 15 digits named "IMEI" or starting with a common reporting body; Luhn check digit;
 * - IMSI: 15 digits otherwise (no check digit);
 * - MSISDN: an E.164 number written with `+` (spaces allowed), or 10–15 digits named "MSISDN";
 * - invoice: `INV-000042` / `CN-000007` (or with a year: `INV-2026-000123`).
 * `value` is the stored form (digits only; the invoice number as written), which the service looks up.
 */
export function findIdentifiers(body: string): FoundIdentifier[] {
  const out: FoundIdentifier[] = [];
  for (const m of body.matchAll(NUMBER)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    const plus = token.startsWith("+");
    const digits = token.replace(/\D/g, "");
    const together = /^\+?\d+$/.test(token);
    const named = NAMED_BEFORE.exec(body.slice(Math.max(0, start - 30), start))?.[1]?.toUpperCase();
    if (!plus && (digits.length === 19 || digits.length === 20) && digits.startsWith("89")) {
      out.push({ kind: "iccid", value: digits, start, end, checkDigitValid: luhnValid(digits) });
    } else if (!plus && digits.length === 15 && named !== "MSISDN") {
      const imei =
        named === "IMEI" || (named !== "IMSI" && IMEI_PREFIXES.includes(digits.slice(0, 2)));
      out.push(
        imei
          ? { kind: "imei", value: digits, start, end, checkDigitValid: luhnValid(digits) }
          : { kind: "imsi", value: digits, start, end, checkDigitValid: true },
      );
    } else if (
      plus ||
      (together && named === "MSISDN" && digits.length >= 10 && digits.length <= 15)
    ) {
      if (parseMsisdn(digits).ok)
        out.push({ kind: "msisdn", value: digits, start, end, checkDigitValid: true });
    }
  }
  for (const m of body.matchAll(INVOICE)) {
    out.push({
      kind: "invoice",
      value: m[0],
      start: m.index,
      end: m.index + m[0].length,
      checkDigitValid: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
