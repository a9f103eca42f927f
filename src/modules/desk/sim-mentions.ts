import {
  type Iccid,
  type Imsi,
  type Msisdn,
  parseIccid,
  parseImsi,
  parseMsisdn,
} from "../../lib/identifiers.js";

/** The SIM identifiers a customer's mail names, each in the form Otter stores it. */
export interface SimMentions {
  iccids: Iccid[];
  imsis: Imsi[];
  msisdns: Msisdn[];
}

/** At most this many identifiers per mail are looked up (a pasted list of hundreds links nothing more). */
export const MAX_MENTIONS = 20;

/** Digits in groups of one space or dash (`8944 5000 0000 0000 001`, `+44 7700-900123`), with an optional `+`. */
const NUMBER = /(?<![\d+])\+?\d(?:[ -]?\d)*(?!\d)/g;

/**
 * SIM identifiers in the text of a mail, for linking the SIMs to the case. Quoted lines (`> …`, our
 * own earlier mail) are skipped. Precision over recall, since every hit is looked up:
 * - ICCID: 19 or 20 digits starting with 89 (the telecom issuer prefix of ITU-T E.118) and passing
 *   the Luhn check digit — a random 19-digit reference passes both one time in a thousand;
 * - IMSI: exactly 15 digits written together;
 * - MSISDN: an E.164 number written with `+`, or 10 to 15 digits written together (not from 0).
 * A group that is not an identifier as a whole (two ICCIDs separated by a space) is read run by run.
 */
export function simMentionsIn(text: string): SimMentions {
  const own = text
    .split(/\r?\n/)
    .filter((line) => !/^\s*>/.test(line))
    .join("\n");
  const iccids = new Set<Iccid>();
  const imsis = new Set<Imsi>();
  const msisdns = new Set<Msisdn>();
  const total = () => iccids.size + imsis.size + msisdns.size;

  const consider = (token: string) => {
    const plus = token.startsWith("+");
    const digits = token.replace(/\D/g, "");
    const together = /^\+?\d+$/.test(token);
    if (!plus && (digits.length === 19 || digits.length === 20) && digits.startsWith("89")) {
      const iccid = parseIccid(digits); // checks the Luhn digit
      if (iccid.ok) {
        iccids.add(iccid.value);
        return true;
      }
    }
    let hit = false;
    if (!plus && together && digits.length === 15) {
      const imsi = parseImsi(digits);
      if (imsi.ok) {
        imsis.add(imsi.value);
        hit = true;
      }
    }
    if (plus || (together && digits.length >= 10 && digits.length <= 15)) {
      const msisdn = parseMsisdn(digits);
      if (msisdn.ok) {
        msisdns.add(msisdn.value);
        hit = true;
      }
    }
    return hit;
  };

  for (const m of own.matchAll(NUMBER)) {
    if (total() >= MAX_MENTIONS) break;
    const token = m[0];
    if (consider(token)) continue;
    // Not an identifier as a whole: perhaps several written side by side.
    const runs = token.replace(/^\+/, "").split(/[ -]/);
    if (runs.length > 1) for (const run of runs) if (total() < MAX_MENTIONS) consider(run);
  }
  return { iccids: [...iccids], imsis: [...imsis], msisdns: [...msisdns] };
}
