/** What fired a rule, in one phrase a customer understands (mail subjects, case subjects, webhook summaries). */
export function describeFiring(eventType: string, d: Record<string, unknown>): string {
  const sim = typeof d.iccid === "string" ? `SIM ${d.iccid}` : "a SIM";
  const hours = (s: unknown) =>
    typeof s === "number" ? `${(s / 3600).toFixed(s < 36_000 ? 1 : 0)} h` : "a while";
  switch (eventType) {
    case "sim.state_changed":
      return `${sim} changed state from ${String(d.from)} to ${String(d.to)}`;
    case "sim.imei_changed":
      return `${sim} moved to another device (IMEI ${String(d.from)} → ${String(d.to)})`;
    case "sim.registration_rejected":
      return `${sim} was refused by the network${d.visitedPlmn ? ` ${String(d.visitedPlmn)}` : ""} (cause ${String(d.cause ?? "unknown")})`;
    case "sim.zone_entered": {
      const zone = d.zone as { name?: string } | null;
      return `${sim} entered ${zone?.name ? `zone ${zone.name}` : "a network"} in ${String(d.countryName ?? d.country ?? d.plmn)}${d.inPlan === false ? ", which its plan does not allow" : ""}`;
    }
    case "sim.usage_threshold":
      return `${sim} used ${String(d.thresholdPercent)} % of its ${d.basis === "dataLimit" ? "data limit" : "included data"} this cycle (${String(d.usedBytes)} bytes)`;
    case "pool.usage_threshold": {
      const plan = d.ratePlan as { name?: string } | undefined;
      const mb = (b: unknown) => `${(Number(b) / 1_048_576).toFixed(1)} MB`;
      return d.measure === "projected"
        ? `the pool of ${String(plan?.name ?? "a rate plan")} is projected to reach ${String(d.thresholdPercent)} % by the end of the cycle (${mb(d.projectedBytes)} of ${mb(d.poolBytes)})`
        : `the pool of ${String(plan?.name ?? "a rate plan")} is ${String(d.thresholdPercent)} % used this cycle (${mb(d.usedBytes)} of ${mb(d.poolBytes)})`;
    }
    case "sim.no_session":
      return `${sim} has had no session or traffic for ${hours(d.silentForSeconds)} (since ${String(d.lastActivityAt)})`;
    default:
      return `${sim}: ${eventType}`;
  }
}
