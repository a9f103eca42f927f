import mccMncList from "mcc-mnc-list";

/**
 * Serving network names and countries from MCC+MNC, using the mcc-mnc-list package (the Wikipedia
 * "Mobile country code" tables, kept as data) rather than a table of our own.
 */
interface Entry {
  countryCode: string | null;
  countryName: string | null;
  brand: string | null;
  operator: string | null;
  mcc: string;
  mnc: string;
}
const entries = mccMncList.all() as Entry[];
const byPlmn = new Map<string, Entry>();
const countryByMcc = new Map<string, { code: string; name: string }>();
for (const e of entries) {
  byPlmn.set(`${e.mcc}${e.mnc}`, e);
  if (e.countryCode && !countryByMcc.has(e.mcc)) {
    // Some entries list two countries ("GB/GG"); the first is the MCC's own.
    countryByMcc.set(e.mcc, {
      code: e.countryCode.split(/[/,]/)[0]!.trim().toUpperCase(),
      name: e.countryName ?? e.countryCode,
    });
  }
}

export interface PlmnInfo {
  mcc: string;
  mnc: string;
  country: string | null;
  countryName: string | null;
  network: string | null;
}

export function describePlmn(mcc: string, mnc: string): PlmnInfo {
  const entry = byPlmn.get(`${mcc}${mnc}`);
  const country = countryByMcc.get(mcc);
  return {
    mcc,
    mnc,
    country: country?.code ?? null,
    countryName: country?.name ?? null,
    network: entry ? (entry.brand ?? entry.operator) : null,
  };
}

/** "20801" → { mcc: "208", mnc: "01" }; a 6-digit PLMN has a 3-digit MNC. */
export function splitPlmn(plmn: string): { mcc: string; mnc: string } | null {
  if (!/^[0-9]{5,6}$/.test(plmn)) return null;
  return { mcc: plmn.slice(0, 3), mnc: plmn.slice(3) };
}
