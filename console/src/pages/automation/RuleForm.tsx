import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, must } from "../../api/client";
import { useT } from "../../i18n";
import { useWords } from "../../i18n/words";
import { Field, FieldError, FormError, problemsAt } from "../../ui/forms";
import type { Rule } from "./describe";
import { automationMessages } from "./messages";
import {
  ACTION_TYPES,
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CONDITION_TYPES,
  CUSTOM_FIELDS,
  SIM_STATES,
  TRIGGER_TYPES,
  createBody,
  emptyAction,
  emptyCondition,
  updateBody,
  type ActionDraft,
  type ConditionDraft,
  type RuleDraft,
  type SimState,
  type TriggerDraft,
} from "./rule-draft";

type T = ReturnType<typeof useT<(typeof automationMessages)["en"]>>;
type Messages = (typeof automationMessages)["en"];
const k = (s: string) => s as keyof Messages;

interface Choice {
  id: string;
  label: string;
}

/** The accounts a rule may watch (the user's subtree) and the plans offered to the rule's account. */
function useChoices(accountId: string) {
  const accounts = useQuery({
    queryKey: ["accounts", "all"],
    queryFn: () => must(api.GET("/api/v1/accounts", { params: { query: { limit: 1000 } } })),
    staleTime: 60_000,
  });
  const query = { params: { query: { accountId } } };
  const comm = useQuery({
    queryKey: ["plans", "communication", "offered", accountId],
    queryFn: () => must(api.GET("/api/v1/communication-plans", query)),
    enabled: !!accountId,
    staleTime: 60_000,
  });
  const rate = useQuery({
    queryKey: ["plans", "rate", "offered", accountId],
    queryFn: () => must(api.GET("/api/v1/rate-plans", query)),
    enabled: !!accountId,
    staleTime: 60_000,
  });
  const items = accounts.data?.items ?? [];
  const byId = new Map(items.map((a) => [a.id, a]));
  // A sub-account reads "Customer › Region", so two "North" accounts stay apart.
  const accountChoices: Choice[] = items
    .map((a) => {
      const parent = a.parentId ? byId.get(a.parentId) : undefined;
      const label = parent && parent.kind === "customer" ? `${parent.name} › ${a.name}` : a.name;
      return { id: a.id, label };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  const plans = (q: typeof comm | typeof rate): Choice[] =>
    (q.data?.items ?? []).map((p) => ({ id: p.id, label: p.name }));
  return {
    accounts: accountChoices,
    commPlans: plans(comm),
    ratePlans: plans(rate),
    error: accounts.error ?? comm.error ?? rate.error,
  };
}

/**
 * A rule's form: name, scope, trigger with its parameters, conditions and actions, each of every kind
 * the API takes (docs/automation.md). Creates the rule, or changes one (`rule` given) with PATCH.
 */
export function RuleForm({
  initial,
  rule,
  onSaved,
  onCancel,
}: {
  initial: RuleDraft;
  rule?: Rule;
  onSaved: (rule: Rule) => void;
  onCancel: () => void;
}) {
  const t = useT(automationMessages);
  const id = useId();
  const [d, setD] = useState<RuleDraft>(initial);
  const choices = useChoices(d.accountId);
  const save = useMutation({
    mutationFn: (draft: RuleDraft) =>
      rule
        ? must(
            api.PATCH("/api/v1/automation-rules/{id}", {
              params: { path: { id: rule.id } },
              body: updateBody(draft),
            }),
          )
        : must(api.POST("/api/v1/automation-rules", { body: createBody(draft) })),
    onSuccess: onSaved,
  });
  const set = (patch: Partial<RuleDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const setTrigger = (patch: Partial<TriggerDraft>) =>
    setD((prev) => ({ ...prev, trigger: { ...prev.trigger, ...patch } }));
  const setCondition = (i: number, patch: Partial<ConditionDraft>) =>
    setD((prev) => ({
      ...prev,
      conditions: prev.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    }));
  const setAction = (i: number, patch: Partial<ActionDraft>) =>
    setD((prev) => ({
      ...prev,
      actions: prev.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(d);
  };
  const err = save.error;
  const labelOf = (field: string) => fieldLabel(field, t);

  return (
    <form className="stack rule-form" onSubmit={submit} noValidate>
      <Field id={`${id}-name`} label={t("name")} error={err} field="name">
        {(props) => (
          <input
            {...props}
            required
            maxLength={100}
            autoComplete="off"
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-description`} label={t("description")} error={err} field="description">
        {(props) => (
          <input
            {...props}
            maxLength={500}
            autoComplete="off"
            value={d.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      <Field
        id={`${id}-account`}
        label={t("scope")}
        hint={rule ? t("scopeFixed") : t("scopeHint")}
        error={err}
        field="accountId"
      >
        {(props) => (
          <select
            {...props}
            value={d.accountId}
            disabled={!!rule}
            onChange={(e) => set({ accountId: e.target.value })}
          >
            {!choices.accounts.some((a) => a.id === d.accountId) && (
              <option value={d.accountId}>{d.accountId}</option>
            )}
            {choices.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        )}
      </Field>

      <TriggerPart trigger={d.trigger} set={setTrigger} error={err} t={t} />

      <fieldset className="form-part">
        <legend>{t("conditionsLegend")}</legend>
        {d.conditions.length === 0 && <p className="muted">{t("conditionsNone")}</p>}
        <div className="stack">
          {d.conditions.map((c, i) => (
            <ConditionPart
              key={c.key}
              n={i + 1}
              condition={c}
              set={(patch) => setCondition(i, patch)}
              remove={() =>
                setD((prev) => ({ ...prev, conditions: prev.conditions.filter((_, j) => j !== i) }))
              }
              error={err}
              field={`conditions.${i}`}
              choices={choices}
              t={t}
            />
          ))}
        </div>
        {d.conditions.length < 10 && (
          <p>
            <button
              type="button"
              onClick={() =>
                setD((prev) => ({
                  ...prev,
                  conditions: [...prev.conditions, emptyCondition(prev.accountId)],
                }))
              }
            >
              {t("addCondition")}
            </button>
          </p>
        )}
      </fieldset>

      <fieldset className="form-part">
        <legend>{t("actionsLegend")}</legend>
        <div className="stack">
          {d.actions.map((a, i) => (
            <ActionPart
              key={a.key}
              n={i + 1}
              action={a}
              set={(patch) => setAction(i, patch)}
              remove={
                d.actions.length > 1
                  ? () =>
                      setD((prev) => ({
                        ...prev,
                        actions: prev.actions.filter((_, j) => j !== i),
                      }))
                  : undefined
              }
              error={err}
              field={`actions.${i}`}
              choices={choices}
              t={t}
            />
          ))}
        </div>
        {d.actions.length < 10 && (
          <p>
            <button
              type="button"
              onClick={() =>
                setD((prev) => ({ ...prev, actions: [...prev.actions, emptyAction()] }))
              }
            >
              {t("addAction")}
            </button>
          </p>
        )}
      </fieldset>

      {!rule && (
        <label className="check">
          <input
            type="checkbox"
            checked={d.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          {t("enabledFromStart")}
        </label>
      )}
      {choices.error && <FormError error={choices.error} />}
      {err && <FormError error={err} labelOf={labelOf} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t("saving") : rule ? t("saveSubmit") : t("createSubmit")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** "actions.1.ratePlan" → "Action 2"; the part of the form a problem belongs to, in words. */
function fieldLabel(field: string, t: T): string | undefined {
  const [head, index] = field.split(".");
  if (head === "conditions" && index !== undefined)
    return t("conditionN", { n: Number(index) + 1 });
  if (head === "actions" && index !== undefined) return t("actionN", { n: Number(index) + 1 });
  if (head === "trigger") return t("trigger");
  if (head === "name") return t("name");
  if (head === "description") return t("description");
  if (head === "accountId") return t("scope");
  return undefined;
}

/** Tick boxes for SIM states, in words (the code in the tooltip). */
function StatePicker({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: SimState[];
  onChange: (states: SimState[]) => void;
}) {
  const words = useWords();
  return (
    <fieldset className="form-part">
      <legend>{legend}</legend>
      <div className="check-grid">
        {SIM_STATES.map((s) => (
          <label key={s} className="check" title={s}>
            <input
              type="checkbox"
              checked={value.includes(s)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? SIM_STATES.filter((x) => x === s || value.includes(x))
                    : value.filter((x) => x !== s),
                )
              }
            />
            {words.state(s)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TriggerPart({
  trigger: tr,
  set,
  error,
  t,
}: {
  trigger: TriggerDraft;
  set: (patch: Partial<TriggerDraft>) => void;
  error: unknown;
  t: T;
}) {
  const id = useId();
  const bad = problemsAt(error, "trigger").length > 0;
  return (
    <fieldset className={`form-part${bad ? " has-error" : ""}`}>
      <legend>{t("triggerLegend")}</legend>
      <div className="stack">
        <Field id={`${id}-type`} label={t("triggerType")} error={error} field="trigger.type">
          {(props) => (
            <select
              {...props}
              value={tr.type}
              onChange={(e) => set({ type: e.target.value as TriggerDraft["type"] })}
            >
              {TRIGGER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(k(`tt_${type}`))}
                </option>
              ))}
            </select>
          )}
        </Field>
        {tr.type === "sim_state_changed" && (
          <>
            <StatePicker
              legend={t("fromStates")}
              value={tr.from}
              onChange={(from) => set({ from })}
            />
            <StatePicker legend={t("toStates")} value={tr.to} onChange={(to) => set({ to })} />
          </>
        )}
        {tr.type === "no_session" && (
          <>
            <fieldset className="form-part">
              <legend>{t("silentBy")}</legend>
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-silent`}
                  checked={tr.silentBy === "hours"}
                  onChange={() => set({ silentBy: "hours" })}
                />
                {t("silentByHours")}
              </label>{" "}
              <label className="check">
                <input
                  type="radio"
                  name={`${id}-silent`}
                  checked={tr.silentBy === "rhythm"}
                  onChange={() => set({ silentBy: "rhythm" })}
                />
                {t("silentByRhythm")}
              </label>
            </fieldset>
            {tr.silentBy === "hours" ? (
              <Field id={`${id}-hours`} label={t("hours")} error={error} field="trigger.hours">
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={tr.hours}
                    onChange={(e) => set({ hours: e.target.value })}
                  />
                )}
              </Field>
            ) : (
              <Field
                id={`${id}-rhythm`}
                label={t("rhythmMultiple")}
                hint={t("rhythmHint")}
                error={error}
                field="trigger.rhythmMultiple"
              >
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={tr.rhythmMultiple}
                    onChange={(e) => set({ rhythmMultiple: e.target.value })}
                  />
                )}
              </Field>
            )}
          </>
        )}
        {tr.type === "registration_rejected" && (
          <Field
            id={`${id}-causes`}
            label={t("causes")}
            hint={t("causesHint")}
            error={error}
            field="trigger.causes"
          >
            {(props) => (
              <input
                {...props}
                autoComplete="off"
                placeholder="5004, 5420"
                value={tr.causes}
                onChange={(e) => set({ causes: e.target.value })}
              />
            )}
          </Field>
        )}
        {tr.type === "zone_entered" && (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={tr.notInPlan}
                onChange={(e) => set({ notInPlan: e.target.checked })}
              />
              {t("notInPlan")}
            </label>
            <Field
              id={`${id}-countries`}
              label={t("countries")}
              hint={t("countriesHint")}
              error={error}
              field="trigger.countries"
            >
              {(props) => (
                <input
                  {...props}
                  autoComplete="off"
                  placeholder="FR, DE"
                  value={tr.countries}
                  onChange={(e) => set({ countries: e.target.value })}
                />
              )}
            </Field>
          </>
        )}
        {(tr.type === "usage_above" || tr.type === "pool_usage_above") && (
          <Field
            id={`${id}-percent`}
            label={t("percent")}
            hint={tr.type === "usage_above" ? t("percentSimHint") : t("percentPoolHint")}
            error={error}
            field="trigger.percent"
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={tr.percent}
                onChange={(e) => set({ percent: e.target.value })}
              />
            )}
          </Field>
        )}
        {tr.type === "pool_usage_above" && (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={tr.projected}
                onChange={(e) => set({ projected: e.target.checked })}
              />
              {t("projected")}
            </label>
            <p className="muted">{t("poolNote")}</p>
          </>
        )}
        <FieldError id={`${id}-error`} error={error} field="trigger" />
      </div>
    </fieldset>
  );
}

function PlanSelect({
  props,
  value,
  plans,
  onChange,
  none,
}: {
  props: object;
  value: string;
  plans: Choice[];
  onChange: (v: string) => void;
  none: string;
}) {
  return (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {value && !plans.some((p) => p.id === value) && <option value={value}>{value}</option>}
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
    </select>
  );
}

function ConditionPart({
  n,
  condition: c,
  set,
  remove,
  error,
  field,
  choices,
  t,
}: {
  n: number;
  condition: ConditionDraft;
  set: (patch: Partial<ConditionDraft>) => void;
  remove: () => void;
  error: unknown;
  field: string;
  choices: ReturnType<typeof useChoices>;
  t: T;
}) {
  const id = useId();
  const bad = problemsAt(error, field).length > 0;
  return (
    <fieldset className={`form-part${bad ? " has-error" : ""}`}>
      <legend>{t("conditionN", { n })}</legend>
      <div className="row">
        <Field id={`${id}-type`} label={t("conditionType")} error={undefined} field="">
          {(props) => (
            <select
              {...props}
              value={c.type}
              onChange={(e) => set({ type: e.target.value as ConditionDraft["type"] })}
            >
              {CONDITION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(k(`ct_${type}`))}
                </option>
              ))}
            </select>
          )}
        </Field>
        {c.type === "account" && (
          <Field id={`${id}-account`} label={t("conditionAccount")} error={undefined} field="">
            {(props) => (
              <PlanSelect
                props={props}
                value={c.accountId}
                plans={choices.accounts}
                onChange={(accountId) => set({ accountId })}
                none={t("choose")}
              />
            )}
          </Field>
        )}
        {(c.type === "communication_plan" || c.type === "rate_plan") && (
          <Field id={`${id}-plan`} label={t("plan")} error={undefined} field="">
            {(props) => (
              <PlanSelect
                props={props}
                value={c.plan}
                plans={c.type === "rate_plan" ? choices.ratePlans : choices.commPlans}
                onChange={(plan) => set({ plan })}
                none={t("choose")}
              />
            )}
          </Field>
        )}
        {c.type === "custom_field" && (
          <>
            <Field id={`${id}-field`} label={t("customField")} error={undefined} field="">
              {(props) => (
                <select
                  {...props}
                  value={c.field}
                  onChange={(e) => set({ field: e.target.value as ConditionDraft["field"] })}
                >
                  {CUSTOM_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-value`} label={t("value")} error={undefined} field="">
              {(props) => (
                <input
                  {...props}
                  autoComplete="off"
                  disabled={c.unset}
                  value={c.value}
                  onChange={(e) => set({ value: e.target.value })}
                />
              )}
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={c.unset}
                onChange={(e) => set({ unset: e.target.checked })}
              />
              {t("valueUnset")}
            </label>
          </>
        )}
        <button type="button" onClick={remove}>
          {t("removeCondition", { n })}
        </button>
      </div>
      {c.type === "sim_state" && (
        <StatePicker legend={t("states")} value={c.states} onChange={(states) => set({ states })} />
      )}
      <FieldError id={`${id}-error`} error={error} field={field} />
    </fieldset>
  );
}

function ActionPart({
  n,
  action: a,
  set,
  remove,
  error,
  field,
  choices,
  t,
}: {
  n: number;
  action: ActionDraft;
  set: (patch: Partial<ActionDraft>) => void;
  remove?: () => void;
  error: unknown;
  field: string;
  choices: ReturnType<typeof useChoices>;
  t: T;
}) {
  const id = useId();
  const words = useWords();
  const bad = problemsAt(error, field).length > 0;
  return (
    <fieldset className={`form-part${bad ? " has-error" : ""}`}>
      <legend>{t("actionN", { n })}</legend>
      <div className="row">
        <Field id={`${id}-type`} label={t("actionType")} error={undefined} field="">
          {(props) => (
            <select
              {...props}
              value={a.type}
              onChange={(e) => set({ type: e.target.value as ActionDraft["type"] })}
            >
              {ACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(k(`at_${type}`))}
                </option>
              ))}
            </select>
          )}
        </Field>
        {a.type === "change_state" && (
          <Field id={`${id}-state`} label={t("newState")} error={undefined} field="">
            {(props) => (
              <select
                {...props}
                value={a.state}
                onChange={(e) => set({ state: e.target.value as SimState })}
              >
                {SIM_STATES.map((s) => (
                  <option key={s} value={s}>
                    {words.state(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {a.type === "change_plan" && (
          <>
            <Field id={`${id}-comm`} label={t("commPlan")} error={undefined} field="">
              {(props) => (
                <PlanSelect
                  props={props}
                  value={a.communicationPlan}
                  plans={choices.commPlans}
                  onChange={(communicationPlan) => set({ communicationPlan })}
                  none={t("keepPlan")}
                />
              )}
            </Field>
            <Field id={`${id}-rate`} label={t("ratePlan")} error={undefined} field="">
              {(props) => (
                <PlanSelect
                  props={props}
                  value={a.ratePlan}
                  plans={choices.ratePlans}
                  onChange={(ratePlan) => set({ ratePlan })}
                  none={t("keepPlan")}
                />
              )}
            </Field>
          </>
        )}
        {a.type === "open_case" && (
          <>
            <Field id={`${id}-subject`} label={t("caseSubject")} error={undefined} field="">
              {(props) => (
                <input
                  {...props}
                  maxLength={200}
                  autoComplete="off"
                  value={a.subject}
                  onChange={(e) => set({ subject: e.target.value })}
                />
              )}
            </Field>
            <Field id={`${id}-category`} label={t("caseCategory")} error={undefined} field="">
              {(props) => (
                <select
                  {...props}
                  value={a.category}
                  onChange={(e) => set({ category: e.target.value as ActionDraft["category"] })}
                >
                  <option value="">{t("byDefault")}</option>
                  {CASE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(k(`cat_${c}`))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-priority`} label={t("casePriority")} error={undefined} field="">
              {(props) => (
                <select
                  {...props}
                  value={a.priority}
                  onChange={(e) => set({ priority: e.target.value as ActionDraft["priority"] })}
                >
                  <option value="">{t("byDefault")}</option>
                  {CASE_PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {t(k(`prio_${p}`))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        {remove && (
          <button type="button" onClick={remove}>
            {t("removeAction", { n })}
          </button>
        )}
      </div>
      {a.type === "email" && (
        <Field id={`${id}-note`} label={t("emailNote")} error={undefined} field="">
          {(props) => (
            <textarea
              {...props}
              maxLength={2000}
              value={a.note}
              onChange={(e) => set({ note: e.target.value })}
            />
          )}
        </Field>
      )}
      <FieldError id={`${id}-error`} error={error} field={field} />
    </fieldset>
  );
}
