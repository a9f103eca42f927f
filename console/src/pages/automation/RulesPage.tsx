import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import { useFormat, useT } from "../../i18n";
import { isOperator, useMe } from "../../auth/session";
import { Empty, PageTitle, QueryView } from "../../ui/states";
import { FormDialog } from "../../ui/forms";
import type { Rule } from "./describe";
import { RuleForm } from "./RuleForm";
import { emptyRule } from "./rule-draft";
import { AccountLink } from "./AccountLink";
import { describeAction, describeTrigger, firingBadge, firingStatusKey } from "./describe";
import { automationMessages } from "./messages";
import "./automation.css";

export const rulesKey = ["automation-rules"] as const;
export const firingsKey = (ruleId: string) => ["automation-rules", ruleId, "firings"] as const;

/** /automation: every rule of the user's subtree with its trigger, actions, state and last firing. */
export default function RulesPage() {
  const t = useT(automationMessages);
  const me = useMe();
  const operator = isOperator(me);
  // automation:write (docs/permissions.md): every role but a customer's plain user.
  const canWrite = me.role !== "customer_user";
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Rule | null>(null);
  const rules = useQuery({
    queryKey: rulesKey,
    queryFn: () => must(api.GET("/api/v1/automation-rules")),
  });
  return (
    <section className="automation">
      <PageTitle title={t("rulesTitle")}>{t("rulesTitle")}</PageTitle>
      <p className="muted">{t("rulesIntro")}</p>
      {canWrite && (
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t("newRule")}
          </button>
        </p>
      )}
      <div role="status">
        {created && (
          <p>
            <Link to={`/automation/${created.id}`}>{t("ruleCreated", { name: created.name })}</Link>
          </p>
        )}
      </div>
      <FormDialog open={creating} title={t("newRuleTitle")} onClose={() => setCreating(false)} wide>
        <RuleForm
          initial={emptyRule(me.accountId)}
          onSaved={(rule) => {
            setCreating(false);
            setCreated(rule);
            client.setQueryData([...rulesKey, rule.id], rule);
            void client.invalidateQueries({ queryKey: rulesKey, exact: true });
          }}
          onCancel={() => setCreating(false)}
        />
      </FormDialog>
      <QueryView query={rules}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("rulesEmpty")}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  {operator && <th scope="col">{t("account")}</th>}
                  <th scope="col">{t("trigger")}</th>
                  <th scope="col">{t("actions")}</th>
                  <th scope="col">{t("enabled")}</th>
                  <th scope="col">{t("lastFiring")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((rule) => (
                  <tr key={rule.id}>
                    <td>
                      <Link to={`/automation/${rule.id}`}>{rule.name}</Link>
                    </td>
                    {operator && (
                      <td>
                        <AccountLink id={rule.accountId} />
                      </td>
                    )}
                    <td>{describeTrigger(rule.trigger, t)}</td>
                    <td>
                      {rule.actions
                        .map((a) => describeAction(a as Record<string, unknown>, t))
                        .join("; ")}
                    </td>
                    <td>
                      <span className={`badge ${rule.enabled ? "ok" : "neutral"}`}>
                        {rule.enabled ? t("on") : t("off")}
                      </span>
                    </td>
                    <td>
                      <LastFiring ruleId={rule.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </section>
  );
}

/** The newest firing of one rule (its log, first page of one). */
function LastFiring({ ruleId }: { ruleId: string }) {
  const t = useT(automationMessages);
  const f = useFormat();
  const q = useQuery({
    queryKey: [...firingsKey(ruleId), "last"],
    queryFn: () =>
      must(
        api.GET("/api/v1/automation-rules/{id}/firings", {
          params: { path: { id: ruleId }, query: { limit: 1 } },
        }),
      ),
  });
  if (q.isPending) return <span className="muted">…</span>;
  if (q.error) return <span className="muted">—</span>;
  const last = q.data.items[0];
  if (!last) return <span className="muted">{t("never")}</span>;
  return (
    <span>
      <time dateTime={last.createdAt}>{f.dateTime(last.createdAt)}</time>{" "}
      <span className={`badge ${firingBadge[last.status]}`}>{t(firingStatusKey[last.status])}</span>
    </span>
  );
}
