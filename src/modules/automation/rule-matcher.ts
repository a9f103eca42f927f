import type { EventData, EventType } from "../events/event-types.js";
import type { Condition, TriggerInput } from "./automation.schemas.js";

/**
 * Which rules an event fires, as pure functions over the stored rule and the event's data (unit- and
 * property-tested in rule-matcher.test.ts). Stored conditions name plans by id.
 */
export type TriggerType = TriggerInput["type"];

/** The domain event type each event-driven trigger listens to; `no_session` runs on the clock. */
export const TRIGGER_EVENT = {
  sim_state_changed: "sim.state_changed",
  imei_changed: "sim.imei_changed",
  registration_rejected: "sim.registration_rejected",
  zone_entered: "sim.zone_entered",
  usage_above: "sim.usage_threshold",
  pool_usage_above: "pool.usage_threshold",
} as const satisfies Record<Exclude<TriggerType, "no_session">, EventType>;

type TriggerEventType = (typeof TRIGGER_EVENT)[keyof typeof TRIGGER_EVENT];
/** An event a trigger listens to, its data typed by the event's schema (src/modules/events/event-types.ts). */
export type TriggerEvent = {
  [T in TriggerEventType]: { type: T; data: EventData<T> };
}[TriggerEventType];

export const triggerOfEvent = (eventType: string): TriggerType | null =>
  (Object.entries(TRIGGER_EVENT).find(([, e]) => e === eventType)?.[0] as
    TriggerType | undefined) ?? null;

/** True when `event` is one `trigger` fires on. */
export function triggerMatches(
  trigger: TriggerInput,
  event: { type: string; data: unknown },
): boolean {
  if (trigger.type === "no_session" || TRIGGER_EVENT[trigger.type] !== event.type) return false;
  const e = event as TriggerEvent;
  switch (e.type) {
    case "sim.state_changed": {
      const t = trigger as Extract<TriggerInput, { type: "sim_state_changed" }>;
      // A change made by a rule never fires a rule: two rules cannot bounce a SIM between states.
      if (e.data.byRule) return false;
      return (
        (!t.from || t.from.includes(e.data.from as never)) &&
        (!t.to || t.to.includes(e.data.to as never))
      );
    }
    case "sim.imei_changed":
      return true;
    case "sim.registration_rejected": {
      const t = trigger as Extract<TriggerInput, { type: "registration_rejected" }>;
      return !t.causes || (typeof e.data.cause === "number" && t.causes.includes(e.data.cause));
    }
    case "sim.zone_entered": {
      const t = trigger as Extract<TriggerInput, { type: "zone_entered" }>;
      return (
        (!t.notInPlan || e.data.inPlan === false) &&
        (!t.countries || (e.data.country !== null && t.countries.includes(e.data.country)))
      );
    }
    case "sim.usage_threshold":
      return (
        e.data.thresholdPercent ===
        (trigger as Extract<TriggerInput, { type: "usage_above" }>).percent
      );
    case "pool.usage_threshold": {
      const t = trigger as Extract<TriggerInput, { type: "pool_usage_above" }>;
      return (
        e.data.thresholdPercent === t.percent &&
        e.data.measure === (t.projected ? "projected" : "used")
      );
    }
    default: {
      const exhaustive: never = e;
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

/** True for an event about a pool rather than a SIM: its rules check the customer and the plan. */
export const isPoolEvent = (eventType: string) => eventType === "pool.usage_threshold";

/**
 * True when every condition holds for a customer's pool of a rate plan (no conditions: always);
 * only account and rate_plan conditions can be stored on a pool rule (automation.schemas.ts).
 */
export function poolConditionsHold(
  conditions: readonly Condition[],
  pool: { accountPath: string; ratePlanId: string },
): boolean {
  return conditions.every((c) =>
    c.type === "account"
      ? pool.accountPath.includes(`/${c.accountId}/`)
      : c.type === "rate_plan"
        ? pool.ratePlanId === c.plan
        : false,
  );
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
