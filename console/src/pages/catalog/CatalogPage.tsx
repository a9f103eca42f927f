import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { api, must } from "../../api/client";
import { isOperator, useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, NotFound, PageTitle, QueryView } from "../../ui/states";
import { FormDialog } from "../../ui/forms";
import { BillShockWarnings } from "./BillShockWarnings";
import { CommPlanForm } from "./CommPlanForm";
import { VersionForm } from "./VersionForm";
import { catalogMessages } from "./messages";
import { catalogPath, money, planBytes } from "./plans";
import "./catalog.css";

/** The operator's catalog: zones, communication plans, rate plans and every bill-shock risk. */
export default function CatalogPage() {
  const me = useMe();
  if (!isOperator(me)) return <NotFound />;
  return <Catalog />;
}

function Catalog() {
  const t = useT(catalogMessages);
  const f = useFormat();
  const zones = useQuery({
    queryKey: ["zones"],
    queryFn: () => must(api.GET("/api/v1/zones")),
  });
  const comm = useQuery({
    queryKey: ["plans", "communication"],
    queryFn: () => must(api.GET("/api/v1/communication-plans")),
  });
  const rate = useQuery({
    queryKey: ["plans", "rate"],
    queryFn: () => must(api.GET("/api/v1/rate-plans")),
  });
  const check = useQuery({
    queryKey: ["catalog", "check", "all"],
    queryFn: () => must(api.GET("/api/v1/catalog/check")),
  });
  return (
    <>
      <PageTitle title={t("title")}>{t("title")}</PageTitle>
      <p className="muted">{t("intro")}</p>

      <section aria-labelledby="rate-title">
        <h2 id="rate-title">{t("ratePlans")}</h2>
        <NewPlan kind="rate" />
        <QueryView query={rate}>
          {(r) =>
            r.items.length === 0 ? (
              <Empty>{t("rateNone")}</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("version")}</th>
                    <th scope="col" className="num">
                      {t("monthlyFee")}
                    </th>
                    <th scope="col" className="num">
                      {t("includedData")}
                    </th>
                    <th scope="col" className="num">
                      {t("dataLimit")}
                    </th>
                    <th scope="col">{t("zones")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((p) => {
                    const v = p.currentVersion;
                    return (
                      <tr key={p.id}>
                        <td>
                          <Link to={catalogPath("rate", p.id)}>{p.name}</Link>
                        </td>
                        <td>
                          {v ? t("currentVersion", { version: v.version }) : t("noVersionYet")}
                        </td>
                        <td className="num">
                          {v ? money(v.subscription.monthlyFeePerSim, p.currency, f.tag) : "—"}
                        </td>
                        <td className="num">{v ? planBytes(v.included.dataBytes, f.tag) : "—"}</td>
                        <td className="num">
                          {v
                            ? v.dataLimitBytes === null
                              ? t("noLimit")
                              : planBytes(v.dataLimitBytes, f.tag)
                            : "—"}
                        </td>
                        <td>{v?.zones.map((z) => z.zone.name).join(", ")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </section>

      <section aria-labelledby="comm-title">
        <h2 id="comm-title">{t("communicationPlans")}</h2>
        <NewPlan kind="communication" />
        <QueryView query={comm}>
          {(c) =>
            c.items.length === 0 ? (
              <Empty>{t("commNone")}</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("rats")}</th>
                    <th scope="col">{t("services")}</th>
                    <th scope="col">{t("apns")}</th>
                    <th scope="col">{t("zones")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={catalogPath("communication", p.id)}>{p.name}</Link>
                      </td>
                      <td>{p.rats.join(", ")}</td>
                      <td>
                        {[
                          p.dataEnabled && t("data"),
                          p.smsEnabled && t("sms"),
                          p.voiceEnabled && t("voice"),
                        ]
                          .filter(Boolean)
                          .join(", ")}
                      </td>
                      <td className="mono">{p.apns.map((a) => a.name).join(", ")}</td>
                      <td>{p.zones.map((z) => z.name).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </section>

      <section aria-labelledby="shock-title">
        <h2 id="shock-title">{t("billShock")}</h2>
        <p className="muted">{t("billShockIntro")}</p>
        <QueryView query={check}>{(c) => <BillShockWarnings warnings={c.warnings} />}</QueryView>
      </section>

      <section aria-labelledby="zones-title">
        <h2 id="zones-title">{t("zones")}</h2>
        <QueryView query={zones}>
          {(z) =>
            z.items.length === 0 ? (
              <Empty>{t("zonesNone")}</Empty>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("countries")}</th>
                    <th scope="col">{t("networks")}</th>
                    <th scope="col">{t("description")}</th>
                  </tr>
                </thead>
                <tbody>
                  {z.items.map((zone) => (
                    <tr key={zone.id}>
                      <td>{zone.name}</td>
                      <td>{zone.countries.join(", ")}</td>
                      <td className="mono">
                        {zone.plmns.length ? zone.plmns.join(", ") : t("allNetworks")}
                      </td>
                      <td>{zone.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
        <NewZone />
      </section>
    </>
  );
}

/** "KE, tz ug" → ["KE", "TZ", "UG"]: lists typed as people type them. */
const listOf = (text: FormDataEntryValue | null) =>
  String(text ?? "")
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

function NewZone() {
  const t = useT(catalogMessages);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: {
      name: string;
      countries: string[];
      plmns?: string[];
      description?: string;
    }) => must(api.POST("/api/v1/zones", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["zones"] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const plmns = listOf(data.get("plmns"));
    const description = String(data.get("description") ?? "").trim();
    create.mutate(
      {
        name: String(data.get("name")).trim(),
        countries: listOf(data.get("countries")),
        ...(plmns.length > 0 && { plmns }),
        ...(description && { description }),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <form className="card stack new-zone" onSubmit={submit}>
      <h3>{t("newZone")}</h3>
      <div className="row">
        <label>
          {t("name")}
          <input name="name" required maxLength={100} autoComplete="off" />
        </label>
        <label>
          {t("countriesInput")}
          <input name="countries" required autoComplete="off" placeholder="KE, TZ, UG" />
        </label>
        <label>
          {t("networksInput")}
          <input name="plmns" autoComplete="off" placeholder="63902, 64002" />
        </label>
        <label>
          {t("description")}
          <input name="description" maxLength={500} autoComplete="off" />
        </label>
        <button type="submit" disabled={create.isPending}>
          {t("createZone")}
        </button>
      </div>
      {create.error && <ErrorBox error={create.error} />}
      {create.isSuccess && <p role="status">{t("zoneCreated", { name: create.data.name })}</p>}
    </form>
  );
}

/**
 * "New rate plan" / "New communication plan" (catalog:write: operator admins and agents): the form in
 * a dialog; the new plan's page opens, with its bill-shock warnings against every plan of the other
 * kind.
 */
function NewPlan({ kind }: { kind: "rate" | "communication" }) {
  const t = useT(catalogMessages);
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  if (!me.role.startsWith("operator_")) return null;
  const saved = (plan: { id: string }) => {
    setOpen(false);
    void client.invalidateQueries({ queryKey: ["plans"] });
    void client.invalidateQueries({ queryKey: ["catalog", "check"] });
    void navigate(catalogPath(kind, plan.id));
  };
  const form: ReactNode =
    kind === "rate" ? (
      <VersionForm warnings={undefined} onSaved={saved} onCancel={() => setOpen(false)} />
    ) : (
      <CommPlanForm onSaved={saved} onCancel={() => setOpen(false)} />
    );
  return (
    <>
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {kind === "rate" ? t("newRatePlan") : t("newCommPlan")}
        </button>
      </p>
      <FormDialog
        open={open}
        title={kind === "rate" ? t("newRatePlan") : t("newCommPlan")}
        onClose={() => setOpen(false)}
        wide
      >
        {form}
      </FormDialog>
    </>
  );
}
