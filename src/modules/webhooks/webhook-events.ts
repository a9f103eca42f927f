import type { EventType } from "../events/event-types.js";

/**
 * Otter's internal domain event types and the public names webhooks carry, in one table. An
 * internal type missing here is never sent: a new event becomes public only by being named here.
 */
export const PUBLIC_EVENT_TYPES = {
  "sim.created": "sim.created",
  "sim.updated": "sim.updated",
  "sim.state_changed": "sim.state_changed",
  "sim.plan_changed": "sim.plan_changed",
  "sim.transferred": "sim.transferred",
  "sim.imei_changed": "sim.imei_changed",
  "sim.registration_rejected": "sim.registration_rejected",
  "session.started": "sim.session_started",
  "session.stopped": "sim.session_ended",
  "sim.data_limit_reached": "sim.data_limit_reached",
  "sims.imported": "sims.imported",
  "account.created": "account.created",
  "account.moved": "account.moved",
  "sim.zone_entered": "sim.zone_entered",
  "sim.usage_threshold": "sim.usage_threshold",
  "pool.usage_threshold": "pool.usage_threshold",
  "sim.silent": "sim.silent",
  "sim.back_online": "sim.back_online",
  "action.completed": "action.completed",
  "automation.rule_fired": "automation.rule_fired",
  "case.created": "case.created",
  "case.replied": "case.replied",
  "case.state_changed": "case.state_changed",
  "case.sla_at_risk": "case.sla_at_risk",
  "case.sla_breached": "case.sla_breached",
  // Onboardings are emitted on the operator's root account: only the operator's subscriptions get them.
  "onboarding.created": "onboarding.created",
  "onboarding.state_changed": "onboarding.state_changed",
  "onboarding.sims_assigned": "onboarding.sims_assigned",
  "onboarding.task_done": "onboarding.task_done",
} as const satisfies Partial<Record<EventType, string>>;

/** The internal types webhooks publish: the webhooks' event consumer takes these. */
export const WEBHOOK_SOURCE_TYPES = Object.keys(
  PUBLIC_EVENT_TYPES,
) as (keyof typeof PUBLIC_EVENT_TYPES)[];

export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[keyof typeof PUBLIC_EVENT_TYPES];

export const WEBHOOK_EVENT_TYPES = Object.values(PUBLIC_EVENT_TYPES) as [
  PublicEventType,
  ...PublicEventType[],
];

/** The public name of an internal event type, or null when the type is not published. */
export function publicEventType(internalType: string): PublicEventType | null {
  return (PUBLIC_EVENT_TYPES as Record<string, PublicEventType>)[internalType] ?? null;
}

/** True when a subscription to `events` (public names or "*") receives `type`. */
export const subscribedTo = (events: readonly string[], type: PublicEventType): boolean =>
  events.includes("*") || events.includes(type);
