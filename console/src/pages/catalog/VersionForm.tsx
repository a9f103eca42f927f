import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState, type FormEvent } from "react";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useFormat, useT } from "../../i18n";
import { Field, FieldError, FormError, problemsAt } from "../../ui/forms";
import { zonedInputToIso } from "../webhooks/zoned";
import { catalogMessages } from "./messages";
import {
  SIZE_UNITS,
  draftFrom,
  emptyZonePrice,
  versionBody,
  type Size,
  type SizeUnit,
  type VersionDraft,
  type ZonePriceDraft,
} from "./version-draft";

type RatePlan =
  paths["/api/v1/rate-plans/{ref}"]["get"]["responses"][200]["content"]["application/json"];
type Warning =
  paths["/api/v1/catalog/check"]["get"]["responses"][200]["content"]["application/json"]["warnings"][number];
type T = ReturnType<typeof useT<(typeof catalogMessages)["en"]>>;

/**
 * A new dated version of a rate plan (POST /api/v1/rate-plans/{ref}/versions), started from the
 * newest version's terms — or, without `plan`, a new rate plan with its version 1 (POST
 * /api/v1/rate-plans: name, currency, description too). Above the terms, the plan's bill-shock
 * warnings as Otter answers them now,
 * each saying whether the new version prices the zone it is about.
 */
export function VersionForm({
  plan,
  warnings,
  onSaved,
  onCancel,
}: {
  plan?: RatePlan;
  warnings: Warning[] | undefined;
  onSaved: (plan: RatePlan) => void;
  onCancel: () => void;
}) {
  const t = useT(catalogMessages);
  const f = useFormat();
  const id = useId();
  const plain = useMemo(
    () => new Intl.NumberFormat(f.tag, { useGrouping: false, maximumFractionDigits: 4 }),
    [f.tag],
  );
  const latest = [...(plan?.versions ?? [])].sort((a, b) => b.version - a.version)[0];
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("");
  const [description, setDescription] = useState("");
  const [d, setD] = useState<VersionDraft>(() => draftFrom(latest, (n) => plain.format(n)));
  const zones = useQuery({
    queryKey: ["zones"],
    queryFn: () => must(api.GET("/api/v1/zones")),
  });
  const save = useMutation({
    mutationFn: (draft: VersionDraft) => {
      const effectiveFrom = draft.effectiveFrom
        ? (zonedInputToIso(draft.effectiveFrom, f.timeZone) ?? draft.effectiveFrom)
        : null;
      const terms = versionBody(draft, effectiveFrom, f.tag);
      if (!plan)
        return must(
          api.POST("/api/v1/rate-plans", {
            body: {
              name: name.trim(),
              currency: currency.trim().toUpperCase(),
              ...(description.trim() && { description: description.trim() }),
              ...terms,
            },
          }),
        );
      return must(
        api.POST("/api/v1/rate-plans/{ref}/versions", {
          params: { path: { ref: plan.id } },
          body: terms,
        }),
      );
    },
    onSuccess: onSaved,
  });
  const set = (patch: Partial<VersionDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const setZone = (i: number, patch: Partial<ZonePriceDraft>) =>
    setD((prev) => ({
      ...prev,
      zones: prev.zones.map((z, j) => (j === i ? { ...z, ...patch } : z)),
    }));
  const err = save.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(d);
  };
  const planCurrency = plan?.currency ?? (currency.trim().toUpperCase() || "…");
  const money = (label: string) => t("inCurrency", { label, currency: planCurrency });
  const priced = new Set(d.zones.map((z) => z.zone));

  return (
    <form className="stack version-form" onSubmit={submit} noValidate>
      {plan ? (
        <section aria-labelledby={`${id}-shock`} className="version-shock">
          <h3 id={`${id}-shock`}>{t("billShockNow")}</h3>
          {warnings === undefined ? null : warnings.length === 0 ? (
            <p>{t("billShockNone")}</p>
          ) : (
            <ul className="warnings">
              {warnings.map((w, i) => (
                <li key={`${w.communicationPlan.id}-${w.zone?.id ?? i}`}>
                  <span className="badge warn">{w.code}</span> {w.text}
                  {w.zone && (
                    <p>
                      <strong>
                        {priced.has(w.zone.id)
                          ? t("draftPricesZone", { zone: w.zone.name })
                          : t("draftLeavesZone", { zone: w.zone.name })}
                      </strong>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <>
          <Field id={`${id}-name`} label={t("name")} error={err} field="name">
            {(props) => (
              <input
                {...props}
                required
                maxLength={100}
                autoComplete="off"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field
            id={`${id}-currency`}
            label={t("currency")}
            hint={t("currencyHint")}
            error={err}
            field="currency"
          >
            {(props) => (
              <input
                {...props}
                required
                maxLength={3}
                size={4}
                autoComplete="off"
                placeholder="EUR"
                value={currency}
                onChange={(e) => setCurrency(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-description`} label={t("description")} error={err} field="description">
            {(props) => (
              <input
                {...props}
                maxLength={500}
                autoComplete="off"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
        </>
      )}

      <Field
        id={`${id}-from`}
        label={t("effectiveFromInput", { zone: f.timeZone })}
        hint={t("effectiveFromHint")}
        error={err}
        field="effectiveFrom"
      >
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            value={d.effectiveFrom}
            onChange={(e) => set({ effectiveFrom: e.target.value })}
          />
        )}
      </Field>

      <fieldset className="form-part">
        <legend>{t("subscription")}</legend>
        <div className="row">
          <Field
            id={`${id}-fee`}
            label={money(t("monthlyFee"))}
            error={err}
            field="subscription.monthlyFeePerSim"
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                required
                value={d.monthlyFeePerSim}
                onChange={(e) => set({ monthlyFeePerSim: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`${id}-activation`}
            label={money(t("activationFee"))}
            error={err}
            field="subscription.activationFee"
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={d.activationFee}
                onChange={(e) => set({ activationFee: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`${id}-proration`}
            label={t("proration")}
            error={err}
            field="subscription.proration"
          >
            {(props) => (
              <select
                {...props}
                value={d.proration}
                onChange={(e) => set({ proration: e.target.value as VersionDraft["proration"] })}
              >
                <option value="daily">{t("proration_daily")}</option>
                <option value="none">{t("proration_none")}</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-part">
        <legend>{t("included")}</legend>
        <div className="row">
          <SizeField
            id={`${id}-incl-data`}
            label={t("includedData")}
            size={d.includedData}
            onChange={(includedData) => set({ includedData })}
            error={err}
            field="included.dataBytes"
            t={t}
          />
          <Field id={`${id}-incl-sms`} label={t("includedSms")} error={err} field="included.sms">
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={d.includedSms}
                onChange={(e) => set({ includedSms: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`${id}-incl-voice`}
            label={t("includedVoice")}
            error={err}
            field="included.voiceSeconds"
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={d.includedVoiceSeconds}
                onChange={(e) => set({ includedVoiceSeconds: e.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-part">
        <legend>{t("poolAndLimit")}</legend>
        <div className="row">
          <Field id={`${id}-pool`} label={t("pool")} error={err} field="pool.type">
            {(props) => (
              <select
                {...props}
                value={d.poolType}
                onChange={(e) => set({ poolType: e.target.value as VersionDraft["poolType"] })}
              >
                <option value="none">{t("pool_none")}</option>
                <option value="flex">{t("pool_flex")}</option>
                <option value="fixed">{t("pool_fixed")}</option>
              </select>
            )}
          </Field>
          {d.poolType === "fixed" && (
            <SizeField
              id={`${id}-pool-size`}
              label={t("poolSize")}
              size={d.fixedPool}
              onChange={(fixedPool) => set({ fixedPool })}
              error={err}
              field="pool.fixedPoolBytes"
              t={t}
            />
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={d.limited}
              onChange={(e) => set({ limited: e.target.checked })}
            />
            {t("hasDataLimit")}
          </label>
          {d.limited && (
            <SizeField
              id={`${id}-limit`}
              label={t("dataLimit")}
              size={d.dataLimit}
              onChange={(dataLimit) => set({ dataLimit })}
              error={err}
              field="dataLimitBytes"
              t={t}
            />
          )}
        </div>
      </fieldset>

      <fieldset className="form-part">
        <legend>{t("zonePrices")}</legend>
        <p className="muted">{t("zonePricesHint", { currency: planCurrency })}</p>
        <div className="stack">
          {d.zones.map((z, i) => (
            <ZonePriceRow
              key={z.key}
              n={i + 1}
              price={z}
              zones={(zones.data?.items ?? []).map((x) => ({ id: x.id, name: x.name }))}
              set={(patch) => setZone(i, patch)}
              remove={
                d.zones.length > 1
                  ? () => setD((prev) => ({ ...prev, zones: prev.zones.filter((_, j) => j !== i) }))
                  : undefined
              }
              error={err}
              t={t}
            />
          ))}
        </div>
        <p>
          <button
            type="button"
            onClick={() => setD((prev) => ({ ...prev, zones: [...prev.zones, emptyZonePrice()] }))}
          >
            {t("addZonePrice")}
          </button>
        </p>
      </fieldset>

      <fieldset className="form-part">
        <legend>{t("testReady")}</legend>
        <div className="row">
          <SizeField
            id={`${id}-tr-data`}
            label={t("testReadyData")}
            size={d.testReadyData}
            onChange={(testReadyData) => set({ testReadyData })}
            error={err}
            field="testReady.dataBytes"
            t={t}
          />
          <Field id={`${id}-tr-sms`} label={t("includedSms")} error={err} field="testReady.sms">
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={d.testReadySms}
                onChange={(e) => set({ testReadySms: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`${id}-tr-voice`}
            label={t("includedVoice")}
            error={err}
            field="testReady.voiceSeconds"
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={d.testReadyVoiceSeconds}
                onChange={(e) => set({ testReadyVoiceSeconds: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`${id}-tr-days`}
            label={t("testReadyDays")}
            error={err}
            field="testReady.maxDays"
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={d.testReadyMaxDays}
                onChange={(e) => set({ testReadyMaxDays: e.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <div className="row">
        <Field id={`${id}-rounding`} label={t("rounding")} error={err} field="rounding">
          {(props) => (
            <select
              {...props}
              value={d.rounding}
              onChange={(e) => set({ rounding: e.target.value as VersionDraft["rounding"] })}
            >
              <option value="perKB">{t("rounding_perKB")}</option>
              <option value="perMB">{t("rounding_perMB")}</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-change`} label={t("planChange")} error={err} field="planChange">
          {(props) => (
            <select
              {...props}
              value={d.planChange}
              onChange={(e) => set({ planChange: e.target.value as VersionDraft["planChange"] })}
            >
              <option value="nextCycle">{t("planChange_nextCycle")}</option>
              <option value="immediate">{t("planChange_immediate")}</option>
            </select>
          )}
        </Field>
      </div>

      {zones.error && <FormError error={zones.error} />}
      {err && <FormError error={err} labelOf={(field) => versionFieldLabel(field, t)} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t("saving") : plan ? t("addVersionSubmit") : t("createRatePlan")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** "zones.1.dataPerMB" → "Zone price 2"; the part of the form a problem belongs to, in words. */
function versionFieldLabel(field: string, t: T): string | undefined {
  const [head, index] = field.split(".");
  if (head === "zones" && index !== undefined) return t("zonePriceN", { n: Number(index) + 1 });
  if (head === "effectiveFrom") return t("effectiveFrom");
  if (head === "name") return t("name");
  if (head === "currency") return t("currency");
  if (head === "description") return t("description");
  if (head === "subscription") return t("subscription");
  if (head === "included") return t("included");
  if (head === "pool") return t("pool");
  if (head === "dataLimitBytes") return t("dataLimit");
  if (head === "testReady") return t("testReady");
  return undefined;
}

function SizeField({
  id,
  label,
  size,
  onChange,
  error,
  field,
  t,
}: {
  id: string;
  label: string;
  size: Size;
  onChange: (s: Size) => void;
  error: unknown;
  field: string;
  t: T;
}) {
  const bad = problemsAt(error, field).length > 0;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <span className="size-input">
        <input
          id={id}
          inputMode="decimal"
          value={size.amount}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...size, amount: e.target.value })}
        />
        <select
          aria-label={t("unitOf", { label })}
          value={size.unit}
          onChange={(e) => onChange({ ...size, unit: e.target.value as SizeUnit })}
        >
          {SIZE_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </span>
      <FieldError id={`${id}-error`} error={error} field={field} />
    </div>
  );
}

function ZonePriceRow({
  n,
  price: z,
  zones,
  set,
  remove,
  error,
  t,
}: {
  n: number;
  price: ZonePriceDraft;
  zones: { id: string; name: string }[];
  set: (patch: Partial<ZonePriceDraft>) => void;
  remove?: () => void;
  error: unknown;
  t: T;
}) {
  const id = useId();
  const field = `zones.${n - 1}`;
  const bad = problemsAt(error, field).length > 0;
  const price = (key: "dataPerMB" | "smsMO" | "smsMT" | "voicePerMinute", label: string) => (
    <div>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        inputMode="decimal"
        size={8}
        value={z[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className={`form-part${bad ? " has-error" : ""}`}>
      <legend>{t("zonePriceN", { n })}</legend>
      <div className="row">
        <div>
          <label htmlFor={`${id}-zone`}>{t("zone")}</label>
          <select id={`${id}-zone`} value={z.zone} onChange={(e) => set({ zone: e.target.value })}>
            <option value="">{t("chooseZone")}</option>
            {z.zone && !zones.some((x) => x.id === z.zone) && (
              <option value={z.zone}>{z.zone}</option>
            )}
            {zones.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        {price("dataPerMB", t("perMB"))}
        {price("smsMO", t("smsMO"))}
        {price("smsMT", t("smsMT"))}
        {price("voicePerMinute", t("perMinute"))}
        {remove && (
          <button type="button" onClick={remove}>
            {t("removeZonePrice", { n })}
          </button>
        )}
      </div>
      <FieldError id={`${id}-error`} error={error} field={field} />
    </fieldset>
  );
}
