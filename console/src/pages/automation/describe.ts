import type { paths } from "../../api/schema";
import { automationMessages } from "./messages";

export type Rule =
  paths["/api/v1/automation-rules/{id}"]["get"]["responses"][200]["content"]["application/json"];
export type Firing =
  paths["/api/v1/automation-rules/{id}/firings"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

type T = (
  key: keyof (typeof automationMessages)["en"],
  vars?: Record<string, string | number>,
) => string;
type Obj = Record<string, unknown>;

const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : "");

/** A rule's trigger in plain words. */
export function describeTrigger(trigger: Obj, t: T): string {
  switch (trigger.type) {
    case "sim_state_changed": {
      const parts = [t("trSimStateChanged")];
      if (list(trigger.from)) parts.push(t("trFrom", { states: list(trigger.from) }));
      if (list(trigger.to)) parts.push(t("trTo", { states: list(trigger.to) }));
      return parts.join(" ");
    }
    case "imei_changed":
      return t("trImei");
    case "no_session":
      if (typeof trigger.hours === "number") return t("trNoSession", { hours: trigger.hours });
      if (typeof trigger.rhythmMultiple === "number")
        return t("trNoSessionRhythm", { n: trigger.rhythmMultiple });
      return t("trNoSessionPlain");
    case "registration_rejected":
      return list(trigger.causes)
        ? `${t("trRejected")} (${t("trCauses", { causes: list(trigger.causes) })})`
        : t("trRejected");
    case "zone_entered": {
      const parts = [t("trZone")];
      if (trigger.notInPlan) parts.push(t("trZoneNotInPlan"));
      if (list(trigger.countries))
        parts.push(t("trZoneCountries", { countries: list(trigger.countries) }));
      return parts.join(", ");
    }
    case "usage_above":
      return t("trUsage", { percent: String(trigger.percent ?? "?") });
    case "pool_usage_above":
      return t(trigger.projected ? "trPoolProjected" : "trPool", {
        percent: String(trigger.percent ?? "?"),
      });
    default:
      return String(trigger.type);
  }
}

/** One action in plain words. */
export function describeAction(action: Obj, t: T): string {
  switch (action.type) {
    case "webhook":
      return t("acWebhook");
    case "email":
      return t("acEmail");
    case "change_state":
      return t("acChangeState", { state: String(action.state) });
    case "change_plan":
      return t("acChangePlan", {
        plan: [action.communicationPlan, action.ratePlan].filter(Boolean).join(" / "),
      });
    case "open_case":
      return t("acOpenCase");
    default:
      return String(action.type);
  }
}

/** One condition in plain words. */
export function describeCondition(c: Obj, t: T): string {
  switch (c.type) {
    case "account":
      return t("coAccount", { id: String(c.accountId) });
    case "sim_state":
      return t("coState", { states: list(c.states) });
    case "communication_plan":
      return t("coCommPlan", { plan: String(c.plan) });
    case "rate_plan":
      return t("coRatePlan", { plan: String(c.plan) });
    case "custom_field":
      return t("coField", {
        field: String(c.field),
        value: c.value == null || c.value === "" ? t("empty") : String(c.value),
      });
    default:
      return String(c.type);
  }
}

export const firingStatusKey = {
  pending: "statusPending",
  running: "statusRunning",
  done: "statusDone",
  failed: "statusFailed",
} as const;

export const firingBadge = {
  pending: "neutral",
  running: "warn",
  done: "ok",
  failed: "bad",
} as const;
