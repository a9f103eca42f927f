import mccMncList from "mcc-mnc-list";
import { describePlmn } from "../modules/network/plmn.js";

/**
 * Networks by country for the simulator, from the same data Otter uses to name serving networks
 * (mcc-mnc-list), so the simulator's idea of "which country is 63902" is Otter's.
 */
interface Entry {
  countryCode: string | null;
  mcc: string;
  mnc: string;
  status: string | null;
}
const firstNetwork = new Map<string, string>();
for (const e of (mccMncList.all() as Entry[])
  .filter((x) => x.status === "Operational")
  .concat(mccMncList.all() as Entry[])) {
  const code = e.countryCode?.split(/[/,]/)[0]?.trim().toUpperCase();
  if (code && /^[0-9]{3}$/.test(e.mcc) && /^[0-9]{2,3}$/.test(e.mnc) && !firstNetwork.has(code))
    firstNetwork.set(code, `${e.mcc}${e.mnc}`);
}

/** An operational network of the country (the first listed), e.g. KE → "63902"; null if none is known. */
export function plmnOfCountry(country: string): string | null {
  return firstNetwork.get(country.toUpperCase()) ?? null;
}

/** "20801" → { mcc: "208", mnc: "01", country: "FR" }. */
export function describeVisited(plmn: string): {
  mcc: string;
  mnc: string;
  country: string | null;
} {
  const mcc = plmn.slice(0, 3);
  const mnc = plmn.slice(3);
  return { mcc, mnc, country: describePlmn(mcc, mnc).country };
}
