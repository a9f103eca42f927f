import type { Zone } from "../../db/schema.js";
import { describePlmn } from "./plmn.js";

/**
 * The zone of a rate plan version (`zoneIds`, its priced zones in order) that covers the serving
 * network: one that names the network (MCC+MNC) first, else one that covers its country; null when
 * none does (unpriced: the bill-shock case). The zone a SIM's data and SMS usage is counted in.
 */
export function rateZoneFor(
  zoneIds: readonly string[],
  allZones: readonly Zone[],
  serving: { mcc: string; mnc: string },
): Zone | null {
  const country = describePlmn(serving.mcc, serving.mnc).country;
  const plmn = `${serving.mcc}${serving.mnc}`;
  const candidates = zoneIds
    .map((id) => allZones.find((z) => z.id === id))
    .filter((z): z is Zone => !!z);
  return (
    candidates.find((z) => z.plmns.includes(plmn)) ??
    candidates.find((z) => country !== null && z.countries.includes(country)) ??
    null
  );
}
