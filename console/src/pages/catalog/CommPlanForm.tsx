import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useT } from "../../i18n";
import { Field, FieldError, FormError, problemsAt } from "../../ui/forms";
import { catalogMessages } from "./messages";

type Body =
  paths["/api/v1/communication-plans"]["post"]["requestBody"]["content"]["application/json"];
type CommPlan =
  paths["/api/v1/communication-plans"]["post"]["responses"][201]["content"]["application/json"];
type Apn = Body["apns"][number];
type Rat = Body["rats"][number];
const RATS: Rat[] = ["2G", "3G", "LTE", "LTE-M", "NB-IoT", "5G"];

interface ApnDraft {
  key: number;
  name: string;
  type: NonNullable<Apn["type"]>;
  ipAddressing: NonNullable<Apn["ipAddressing"]>;
  ipPool: string;
}
let nextKey = 1;
const emptyApn = (): ApnDraft => ({
  key: nextKey++,
  name: "",
  type: "public",
  ipAddressing: "dynamic",
  ipPool: "",
});

/** A new communication plan (POST /api/v1/communication-plans): APNs, services, radios and zones. */
export function CommPlanForm({
  onSaved,
  onCancel,
}: {
  onSaved: (plan: CommPlan) => void;
  onCancel: () => void;
}) {
  const t = useT(catalogMessages);
  const id = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [apns, setApns] = useState<ApnDraft[]>([emptyApn()]);
  const [services, setServices] = useState({ data: true, sms: true, voice: false });
  const [rats, setRats] = useState<Rat[]>([]);
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const zones = useQuery({
    queryKey: ["zones"],
    queryFn: () => must(api.GET("/api/v1/zones")),
  });
  const save = useMutation({
    mutationFn: () =>
      must(
        api.POST("/api/v1/communication-plans", {
          body: {
            name: name.trim(),
            ...(description.trim() && { description: description.trim() }),
            apns: apns.map((a) => ({
              name: a.name.trim(),
              type: a.type,
              ipAddressing: a.ipAddressing,
              ...(a.ipPool.trim() && { ipPool: a.ipPool.trim() }),
            })),
            dataEnabled: services.data,
            smsEnabled: services.sms,
            voiceEnabled: services.voice,
            rats,
            zones: zoneIds,
          },
        }),
      ),
    onSuccess: onSaved,
  });
  const err = save.error;
  const setApn = (i: number, patch: Partial<ApnDraft>) =>
    setApns((prev) => prev.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const toggle = <X,>(list: X[], x: X, on: boolean) =>
    on ? [...list.filter((y) => y !== x), x] : list.filter((y) => y !== x);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const labelOf = (field: string) => {
    const [head, index] = field.split(".");
    if (head === "apns" && index !== undefined) return t("apnN", { n: Number(index) + 1 });
    if (head === "rats") return t("rats");
    if (head === "zones") return t("allowedZones");
    if (head === "name") return t("name");
    return undefined;
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
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
      <fieldset className="form-part">
        <legend>{t("apns")}</legend>
        <div className="stack">
          {apns.map((a, i) => (
            <fieldset
              key={a.key}
              className={`form-part${problemsAt(err, `apns.${i}`).length ? " has-error" : ""}`}
            >
              <legend>{t("apnN", { n: i + 1 })}</legend>
              <div className="row">
                <Field id={`${id}-apn-${a.key}`} label={t("apnName")} error={undefined} field="">
                  {(props) => (
                    <input
                      {...props}
                      autoComplete="off"
                      placeholder="iot.example.com"
                      value={a.name}
                      onChange={(e) => setApn(i, { name: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  id={`${id}-apn-type-${a.key}`}
                  label={t("apnType")}
                  error={undefined}
                  field=""
                >
                  {(props) => (
                    <select
                      {...props}
                      value={a.type}
                      onChange={(e) => setApn(i, { type: e.target.value as ApnDraft["type"] })}
                    >
                      <option value="public">{t("apnPublic")}</option>
                      <option value="private">{t("apnPrivate")}</option>
                    </select>
                  )}
                </Field>
                <Field
                  id={`${id}-apn-ip-${a.key}`}
                  label={t("ipAddressing")}
                  error={undefined}
                  field=""
                >
                  {(props) => (
                    <select
                      {...props}
                      value={a.ipAddressing}
                      onChange={(e) =>
                        setApn(i, { ipAddressing: e.target.value as ApnDraft["ipAddressing"] })
                      }
                    >
                      <option value="dynamic">{t("ipDynamic")}</option>
                      <option value="static">{t("ipStatic")}</option>
                    </select>
                  )}
                </Field>
                <Field
                  id={`${id}-apn-pool-${a.key}`}
                  label={t("ipPool")}
                  error={undefined}
                  field=""
                >
                  {(props) => (
                    <input
                      {...props}
                      autoComplete="off"
                      placeholder="10.20.0.0/16"
                      value={a.ipPool}
                      onChange={(e) => setApn(i, { ipPool: e.target.value })}
                    />
                  )}
                </Field>
                {apns.length > 1 && (
                  <button
                    type="button"
                    onClick={() => setApns((prev) => prev.filter((_, j) => j !== i))}
                  >
                    {t("removeApn", { n: i + 1 })}
                  </button>
                )}
              </div>
              <FieldError id={`${id}-apn-${a.key}-error`} error={err} field={`apns.${i}`} />
            </fieldset>
          ))}
        </div>
        {apns.length < 20 && (
          <p>
            <button type="button" onClick={() => setApns((prev) => [...prev, emptyApn()])}>
              {t("addApn")}
            </button>
          </p>
        )}
      </fieldset>
      <fieldset className="form-part">
        <legend>{t("services")}</legend>
        {(["data", "sms", "voice"] as const).map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={services[s]}
              onChange={(e) => setServices((prev) => ({ ...prev, [s]: e.target.checked }))}
            />
            {t(s)}
          </label>
        ))}
      </fieldset>
      <fieldset className={`form-part${problemsAt(err, "rats").length ? " has-error" : ""}`}>
        <legend>{t("rats")}</legend>
        <div className="check-grid">
          {RATS.map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={rats.includes(r)}
                onChange={(e) => setRats((prev) => toggle(prev, r, e.target.checked))}
              />
              {r}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-rats-error`} error={err} field="rats" />
      </fieldset>
      <fieldset className={`form-part${problemsAt(err, "zones").length ? " has-error" : ""}`}>
        <legend>{t("allowedZones")}</legend>
        <div className="check-grid">
          {(zones.data?.items ?? []).map((z) => (
            <label key={z.id} className="check">
              <input
                type="checkbox"
                checked={zoneIds.includes(z.id)}
                onChange={(e) => setZoneIds((prev) => toggle(prev, z.id, e.target.checked))}
              />
              {z.name}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-zones-error`} error={err} field="zones" />
      </fieldset>
      {zones.error && <FormError error={zones.error} />}
      {err && <FormError error={err} labelOf={labelOf} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("createCommPlan")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
