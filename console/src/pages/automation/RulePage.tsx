import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, must } from "../../api/client";
import { useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle, QueryView } from "../../ui/states";
import {
  describeAction,
  describeCondition,
  describeTrigger,
  firingBadge,
  firingStatusKey,
  type Firing,
  type Rule,
} from "./describe";
import { automationMessages } from "./messages";
import { FormDialog } from "../../ui/forms";
import { RuleForm } from "./RuleForm";
import { draftOf } from "./rule-draft";
import { firingsKey, rulesKey } from "./RulesPage";
import { AccountLink } from "./AccountLink";
import "./automation.css";

/** /automation/:id — the rule, enable/disable, and its firing log with links to the SIMs. */
export default function RulePage() {
  const { id = "" } = useParams();
  const rule = useQuery({
    queryKey: [...rulesKey, id],
    queryFn: () => must(api.GET("/api/v1/automation-rules/{id}", { params: { path: { id } } })),
  });
  return (
    <section className="automation">
      <QueryView query={rule} notFound>
        {(r) => (
          <>
            <RuleHead rule={r} />
            <Firings ruleId={r.id} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function RuleHead({ rule }: { rule: Rule }) {
  const t = useT(automationMessages);
  const f = useFormat();
  const client = useQueryClient();
  // automation:write (docs/permissions.md): every role but a customer's plain user.
  const canWrite = useMe().role !== "customer_user";
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      must(
        api.PATCH("/api/v1/automation-rules/{id}", {
          params: { path: { id: rule.id } },
          body: { enabled },
        }),
      ),
    onSuccess: (updated) => {
      client.setQueryData([...rulesKey, rule.id], updated);
      void client.invalidateQueries({ queryKey: rulesKey, exact: true });
    },
  });
  return (
    <>
      <div className="rule-head">
        <PageTitle title={t("ruleTitle", { name: rule.name })}>{rule.name}</PageTitle>
        <span className={`badge ${rule.enabled ? "ok" : "neutral"}`}>
          {t("enabled")}: {rule.enabled ? t("on") : t("off")}
        </span>
        {canWrite && (
          <button
            type="button"
            className={rule.enabled ? undefined : "primary"}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate(!rule.enabled)}
          >
            {rule.enabled ? t("disable") : t("enable")}
          </button>
        )}
        {canWrite && (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t("editRule")}
          </button>
        )}
      </div>
      <div role="status">{saved && <p>{t("ruleSaved")}</p>}</div>
      {canWrite && (
        <FormDialog
          open={editing}
          title={t("editRuleTitle", { name: rule.name })}
          onClose={() => setEditing(false)}
          wide
        >
          <RuleForm
            initial={draftOf(rule)}
            rule={rule}
            onSaved={(updated) => {
              setEditing(false);
              setSaved(true);
              client.setQueryData([...rulesKey, rule.id], updated);
              void client.invalidateQueries({ queryKey: rulesKey, exact: true });
            }}
            onCancel={() => setEditing(false)}
          />
        </FormDialog>
      )}
      {toggle.error && <ErrorBox error={toggle.error} />}
      {!rule.enabled && <p className="muted">{t("disabledNote")}</p>}
      {rule.description && <p>{rule.description}</p>}
      <dl className="facts">
        <dt>{t("trigger")}</dt>
        <dd>{describeTrigger(rule.trigger, t)}</dd>
        <dt>{t("conditions")}</dt>
        <dd>
          {rule.conditions.length === 0 ? (
            t("none")
          ) : (
            <ul className="plain">
              {rule.conditions.map((c, i) => (
                <li key={i}>{describeCondition(c, t)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("actions")}</dt>
        <dd>
          <ul className="plain">
            {rule.actions.map((a, i) => (
              <li key={i}>{describeAction(a, t)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t("account")}</dt>
        <dd>
          <AccountLink id={rule.accountId} />
        </dd>
        <dt>{t("created")}</dt>
        <dd>{f.dateTime(rule.createdAt)}</dd>
        <dt>{t("updated")}</dt>
        <dd>{f.dateTime(rule.updatedAt)}</dd>
      </dl>
    </>
  );
}

function Firings({ ruleId }: { ruleId: string }) {
  const t = useT(automationMessages);
  const firings = useInfiniteQuery({
    queryKey: firingsKey(ruleId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/automation-rules/{id}/firings", {
          params: { path: { id: ruleId }, query: { limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Firings still running settle by themselves: follow them.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) =>
        p.items.some((i) => i.status === "pending" || i.status === "running"),
      )
        ? 2000
        : false,
  });
  const items = firings.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="firings-title">
      <h2 id="firings-title">{t("firingsTitle")}</h2>
      {firings.isPending ? (
        <Loading />
      ) : firings.error ? (
        <ErrorBox error={firings.error} onRetry={() => firings.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t("firingsEmpty")}</Empty>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("firedAt")}</th>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("sim")}</th>
                <th scope="col">{t("outcome")}</th>
                <th scope="col">{t("finished")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((firing) => (
                <FiringRow key={firing.id} firing={firing} />
              ))}
            </tbody>
          </table>
          {firings.hasNextPage && (
            <p>
              <button
                type="button"
                disabled={firings.isFetchingNextPage}
                onClick={() => firings.fetchNextPage()}
              >
                {t("older")}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function FiringRow({ firing }: { firing: Firing }) {
  const t = useT(automationMessages);
  const f = useFormat();
  return (
    <tr>
      <td>
        <time dateTime={firing.createdAt}>{f.dateTime(firing.createdAt)}</time>
      </td>
      <td>
        <code>{firing.eventType}</code>
      </td>
      <td>{firing.iccid ? <Link to={`/sims/${firing.iccid}`}>{firing.iccid}</Link> : "—"}</td>
      <td>
        <span className={`badge ${firingBadge[firing.status]}`}>
          {t(firingStatusKey[firing.status])}
        </span>
        {firing.results && firing.results.length > 0 && (
          <ul className="results">
            {firing.results.map((r, i) => (
              <ActionResult key={i} result={r} />
            ))}
          </ul>
        )}
      </td>
      <td>{f.dateTime(firing.finishedAt)}</td>
    </tr>
  );
}

function ActionResult({
  result,
}: {
  result: { type: string; ok: boolean } & Record<string, unknown>;
}) {
  const t = useT(automationMessages);
  const action = describeAction(result, t);
  const caseId = typeof result.caseId === "string" ? result.caseId : null;
  const detail = [result.code, result.message].filter((x) => typeof x === "string").join(": ");
  return (
    <li>
      {result.ok ? t("actionOk", { action }) : t("actionFailed", { action })}
      {caseId && (
        <>
          {" — "}
          <Link to={`/cases/${caseId}`}>
            {t("openCase")} {typeof result.caseNumber === "number" ? `#${result.caseNumber}` : ""}
          </Link>
        </>
      )}
      {detail && <span className="muted"> ({detail})</span>}
    </li>
  );
}
