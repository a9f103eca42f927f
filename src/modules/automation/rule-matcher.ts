import type { Condition, TriggerInput } from "./automation.schemas.js";

/**
 * Which rules an event fires, as pure functions over the stored rule and the event's data (unit- and
 * property-tested in rule-matcher.test.ts). Stored conditions name plans by id.
 */
export type TriggerType = TriggerInput["type"];

/** The domain event type each event-driven trigger listens to; `no_session` runs on the clock. */
export const TRIGGER_EVENT: Record<Exclude<TriggerType, "no_session">, string> = {
  sim_state_changed: "sim.state_changed",
  imei_changed: "sim.imei_changed",
  registration_rejected: "sim.registration_rejected",
  zone_entered: "sim.zone_entered",
  usage_above: "sim.usage_threshold",
};

export const triggerOfEvent = (eventType: string): TriggerType | null =>
  (Object.entries(TRIGGER_EVENT).find(([, e]) => e === eventType)?.[0] as TriggerType | undefined) ?? null;

type Data = Record<string, unknown>;

/** True when `event` is one `trigger` fires on. */
export function triggerMatches(trigger: TriggerInput, event: { type: string; data: Data }): boolean {
  if (trigger.type === "no_session" || TRIGGER_EVENT[trigger.type] !== event.type) return false;
  const d = event.data;
  switch (trigger.type) {
    case "sim_state_changed":
      // A change made by a rule never fires a rule: two rules cannot bounce a SIM between states.
      if (d.byRule) return false;
      return (!trigger.from || trigger.from.includes(d.from as never)) && (!trigger.to || trigger.to.includes(d.to as never));
    case "imei_changed":
      return true;
    case "registration_rejected":
      return !trigger.causes || (typeof d.cause === "number" && trigger.causes.includes(d.cause));
    case "zone_entered":
      return (!trigger.notInPlan || d.inPlan === false) && (!trigger.countries || trigger.countries.includes(d.country as string));
    case "usage_above":
      return d.thresholdPercent === trigger.percent;
    default: {
      const exhaustive: never = trigger;
      return exhaustive;
    }
  }
}

export interface SimFacts {
  accountId: string;
  /** Materialised path of the SIM's account, `/<root>/<customer>/…/`. */
  accountPath: string;
  state: string;
  communicationPlanId: string | null;
  ratePlanId: string | null;
  customFields: Record<string, string>;
}

/** True when every condition holds for the SIM (no conditions: always). */
export function conditionsHold(conditions: readonly Condition[], sim: SimFacts): boolean {
  return conditions.every((c) => {
    switch (c.type) {
      case "account":
        return sim.accountPath.includes(`/${c.accountId}/`);
      case "sim_state":
        return c.states.includes(sim.state as never);
      case "communication_plan":
        return sim.communicationPlanId === c.plan;
      case "rate_plan":
        return sim.ratePlanId === c.plan;
      case "custom_field":
        return (sim.customFields[c.field] ?? null) === c.value;
      default: {
        const exhaustive: never = c;
        return exhaustive;
      }
    }
  });
}
