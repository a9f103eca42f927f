import type { paths } from "../../api/schema";
import type { Rule } from "./describe";

/** What POST /api/v1/automation-rules takes, and PATCH (each part replaced whole). */
export type CreateRuleBody =
  paths["/api/v1/automation-rules"]["post"]["requestBody"]["content"]["application/json"];
export type UpdateRuleBody =
  paths["/api/v1/automation-rules/{id}"]["patch"]["requestBody"]["content"]["application/json"];
type TriggerBody = CreateRuleBody["trigger"];
type ConditionBody = NonNullable<CreateRuleBody["conditions"]>[number];
type ActionBody = CreateRuleBody["actions"][number];
export type SimState = NonNullable<
  Extract<TriggerBody, { type: "sim_state_changed" }>["to"]
>[number];
type CustomField = Extract<ConditionBody, { type: "custom_field" }>["field"];
type CaseCategory = NonNullable<Extract<ActionBody, { type: "open_case" }>["category"]>;
type CasePriority = NonNullable<Extract<ActionBody, { type: "open_case" }>["priority"]>;

export const TRIGGER_TYPES = [
  "sim_state_changed",
  "imei_changed",
  "no_session",
  "registration_rejected",
  "zone_entered",
  "usage_above",
  "pool_usage_above",
] as const satisfies readonly TriggerBody["type"][];
export const CONDITION_TYPES = [
  "account",
  "sim_state",
  "communication_plan",
  "rate_plan",
  "custom_field",
] as const satisfies readonly ConditionBody["type"][];
export const ACTION_TYPES = [
  "webhook",
  "email",
  "change_state",
  "change_plan",
  "open_case",
] as const satisfies readonly ActionBody["type"][];
export const SIM_STATES = [
  "TEST_READY",
  "INVENTORY",
  "ACTIVATION_READY",
  "ACTIVATED",
  "DEACTIVATED",
  "RETIRED",
  "PURGED",
  "REPLACED",
] as const satisfies readonly SimState[];
export const CUSTOM_FIELDS = [
  ...Array.from({ length: 10 }, (_, i) => `accountCustom${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `customerCustom${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `operatorCustom${i + 1}`),
] as CustomField[];
export const CASE_CATEGORIES = [
  "technical",
  "sim_order",
  "platform_howto",
  "billing",
  "plans",
  "products",
  "other",
] as const satisfies readonly CaseCategory[];
export const CASE_PRIORITIES = [
  "low",
  "normal",
  "high",
  "urgent",
] as const satisfies readonly CasePriority[];

export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type ConditionType = (typeof CONDITION_TYPES)[number];
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * The form's state: every parameter of every kind kept as typed (strings for numbers and lists), so
 * switching the kind back and forth loses nothing; `toBody` sends only what the chosen kind takes.
 */
export interface TriggerDraft {
  type: TriggerType;
  from: SimState[];
  to: SimState[];
  silentBy: "hours" | "rhythm";
  hours: string;
  rhythmMultiple: string;
  causes: string;
  notInPlan: boolean;
  countries: string;
  percent: string;
  projected: boolean;
}
export interface ConditionDraft {
  key: number;
  type: ConditionType;
  accountId: string;
  states: SimState[];
  plan: string;
  field: CustomField;
  value: string;
  unset: boolean;
}
export interface ActionDraft {
  key: number;
  type: ActionType;
  note: string;
  state: SimState;
  communicationPlan: string;
  ratePlan: string;
  subject: string;
  category: CaseCategory | "";
  priority: CasePriority | "";
}
export interface RuleDraft {
  name: string;
  description: string;
  accountId: string;
  enabled: boolean;
  trigger: TriggerDraft;
  conditions: ConditionDraft[];
  actions: ActionDraft[];
}

let nextKey = 1;
const key = () => nextKey++;

export const emptyTrigger = (): TriggerDraft => ({
  type: "sim_state_changed",
  from: [],
  to: [],
  silentBy: "hours",
  hours: "",
  rhythmMultiple: "",
  causes: "",
  notInPlan: true,
  countries: "",
  percent: "",
  projected: false,
});
export const emptyCondition = (accountId = ""): ConditionDraft => ({
  key: key(),
  type: "sim_state",
  accountId,
  states: [],
  plan: "",
  field: "accountCustom1",
  value: "",
  unset: false,
});
export const emptyAction = (): ActionDraft => ({
  key: key(),
  type: "webhook",
  note: "",
  state: "DEACTIVATED",
  communicationPlan: "",
  ratePlan: "",
  subject: "",
  category: "",
  priority: "",
});
export const emptyRule = (accountId: string): RuleDraft => ({
  name: "",
  description: "",
  accountId,
  enabled: true,
  trigger: emptyTrigger(),
  conditions: [],
  actions: [emptyAction()],
});

type Obj = Record<string, unknown>;
const str = (v: unknown) => (v == null ? "" : String(v));
const strings = <T extends string>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);

/** A stored rule as the form edits it. */
export function draftOf(rule: Rule): RuleDraft {
  const tr = rule.trigger as Obj;
  const trigger: TriggerDraft = {
    ...emptyTrigger(),
    type: tr.type as TriggerType,
    from: strings<SimState>(tr.from),
    to: strings<SimState>(tr.to),
    silentBy: tr.rhythmMultiple != null ? "rhythm" : "hours",
    hours: str(tr.hours),
    rhythmMultiple: str(tr.rhythmMultiple),
    causes: strings<string>(tr.causes).join(", "),
    notInPlan: tr.notInPlan !== false,
    countries: strings<string>(tr.countries).join(", "),
    percent: str(tr.percent),
    projected: tr.projected === true,
  };
  const conditions = rule.conditions.map((c: Obj): ConditionDraft => ({
    ...emptyCondition(),
    type: c.type as ConditionType,
    accountId: str(c.accountId),
    states: strings<SimState>(c.states),
    plan: str(c.plan),
    field: (c.field as CustomField) ?? "accountCustom1",
    value: str(c.value),
    unset: c.type === "custom_field" && c.value == null,
  }));
  const actions = rule.actions.map((a: Obj): ActionDraft => ({
    ...emptyAction(),
    type: a.type as ActionType,
    note: str(a.note),
    state: (a.state as SimState) ?? "DEACTIVATED",
    communicationPlan: str(a.communicationPlan),
    ratePlan: str(a.ratePlan),
    subject: str(a.subject),
    category: (a.category as CaseCategory) ?? "",
    priority: (a.priority as CasePriority) ?? "",
  }));
  return {
    name: rule.name,
    description: rule.description ?? "",
    accountId: rule.accountId,
    enabled: rule.enabled,
    trigger,
    conditions,
    actions,
  };
}

/** "FR, de;IT" → ["FR", "DE", "IT"]: lists typed as people type them. */
export const listOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A number as typed; what is not a number goes as typed, so Otter names the field that is wrong. */
const numberOf = (text: string): number => {
  const n = Number(text.trim().replace(",", "."));
  return Number.isFinite(n) ? n : (text as unknown as number);
};

function triggerBody(d: TriggerDraft): TriggerBody {
  switch (d.type) {
    case "sim_state_changed":
      return {
        type: d.type,
        ...(d.from.length > 0 && { from: d.from }),
        ...(d.to.length > 0 && { to: d.to }),
      };
    case "imei_changed":
      return { type: d.type };
    case "no_session": {
      const value = d.silentBy === "hours" ? d.hours : d.rhythmMultiple;
      if (value.trim() === "") return { type: d.type };
      return d.silentBy === "hours"
        ? { type: d.type, hours: numberOf(value) }
        : { type: d.type, rhythmMultiple: numberOf(value) };
    }
    case "registration_rejected": {
      const causes = listOf(d.causes).map(numberOf);
      return { type: d.type, ...(causes.length > 0 && { causes }) };
    }
    case "zone_entered": {
      const countries = listOf(d.countries).map((c) => c.toUpperCase());
      return { type: d.type, notInPlan: d.notInPlan, ...(countries.length > 0 && { countries }) };
    }
    case "usage_above":
      return { type: d.type, percent: numberOf(d.percent) };
    case "pool_usage_above":
      return { type: d.type, percent: numberOf(d.percent), projected: d.projected };
  }
}

function conditionBody(d: ConditionDraft): ConditionBody {
  switch (d.type) {
    case "account":
      return { type: d.type, accountId: d.accountId };
    case "sim_state":
      return { type: d.type, states: d.states };
    case "communication_plan":
    case "rate_plan":
      return { type: d.type, plan: d.plan };
    case "custom_field":
      return { type: d.type, field: d.field, value: d.unset ? null : d.value };
  }
}

function actionBody(d: ActionDraft): ActionBody {
  switch (d.type) {
    case "webhook":
      return { type: d.type };
    case "email":
      return { type: d.type, ...(d.note.trim() && { note: d.note.trim() }) };
    case "change_state":
      return { type: d.type, state: d.state };
    case "change_plan":
      return {
        type: d.type,
        ...(d.communicationPlan && { communicationPlan: d.communicationPlan }),
        ...(d.ratePlan && { ratePlan: d.ratePlan }),
      };
    case "open_case":
      return {
        type: d.type,
        ...(d.subject.trim() && { subject: d.subject.trim() }),
        ...(d.category && { category: d.category }),
        ...(d.priority && { priority: d.priority }),
      };
  }
}

/** The body of POST /api/v1/automation-rules. */
export function createBody(d: RuleDraft): CreateRuleBody {
  return {
    name: d.name.trim(),
    ...(d.description.trim() && { description: d.description.trim() }),
    accountId: d.accountId,
    enabled: d.enabled,
    trigger: triggerBody(d.trigger),
    conditions: d.conditions.map(conditionBody),
    actions: d.actions.map(actionBody),
  };
}

/** The body of PATCH /api/v1/automation-rules/{id}: every part the form shows, replaced whole. */
export function updateBody(d: RuleDraft): UpdateRuleBody {
  return {
    name: d.name.trim(),
    description: d.description.trim() || null,
    trigger: triggerBody(d.trigger),
    conditions: d.conditions.map(conditionBody),
    actions: d.actions.map(actionBody),
  };
}
