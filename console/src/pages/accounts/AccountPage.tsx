import { useWords } from "../../i18n/words";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { isOperator, useMe, type Me } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { Empty, ErrorBox, Loading, PageTitle, QueryView } from "../../ui/states";
import { catalogPath } from "../catalog/plans";
import { type Account, useSubAccounts } from "./AccountsPage";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { accountsMessages } from "./messages";
import { MoveAccount } from "./MoveAccount";
import "./accounts.css";

type AccountDetail =
  paths["/api/v1/accounts/{id}"]["get"]["responses"][200]["content"]["application/json"];
type Contact = AccountDetail["contacts"][number];
type Role = Me["role"];
type T = ReturnType<typeof useT<(typeof accountsMessages)["en"]>>;

const WRITERS: Role[] = ["operator_admin", "operator_agent", "customer_admin"];
const USER_ADMINS: Role[] = ["operator_admin", "customer_admin"];
const OPEN_CASE_STATES = ["new", "open", "waiting_on_customer", "waiting_on_consultation"] as const;

/** A customer's page: who they are, their SIMs, people, plans, cases and support terms. */
export default function AccountPage() {
  const { id = "" } = useParams();
  const t = useT(accountsMessages);
  const account = useQuery({
    queryKey: ["accounts", id],
    queryFn: () => must(api.GET("/api/v1/accounts/{id}", { params: { path: { id } } })),
  });
  return (
    <QueryView query={account} notFound>
      {(a) => (
        <>
          <PageTitle title={a.name}>{a.name}</PageTitle>
          <ParentLink account={a} />
          <div className="customer-sections">
            <Details account={a} t={t} />
            <SimCounts accountId={a.id} t={t} />
            <OpenCases accountId={a.id} t={t} />
            <SubAccountList accountId={a.id} t={t} />
            <Move account={a} />
            <Contacts account={a} t={t} />
            <Users account={a} t={t} />
            <OfferedPlans account={a} t={t} />
            <SupportAgreement accountId={a.id} t={t} />
          </div>
        </>
      )}
    </QueryView>
  );
}

/** The parent account, when the signed-in user may open it (not for a customer's own top account). */
function ParentLink({ account }: { account: AccountDetail }) {
  const t = useT(accountsMessages);
  const me = useMe();
  const parentId = account.parentId;
  const visible = !!parentId && !me.accountPath.slice(0, -1).includes(parentId);
  const parent = useQuery({
    queryKey: ["accounts", parentId],
    queryFn: () =>
      must(api.GET("/api/v1/accounts/{id}", { params: { path: { id: parentId ?? "" } } })),
    enabled: visible,
  });
  if (!visible || !parent.data) return null;
  return (
    <p className="muted">
      <Link to={`/accounts/${parent.data.id}`}>{t("partOf", { name: parent.data.name })}</Link>
    </p>
  );
}

/** Moving is for a sub-account (its parent is of the customer) and for those who may change it. */
function Move({ account }: { account: AccountDetail }) {
  const me = useMe();
  const parentId = account.parentId;
  const may =
    WRITERS.includes(me.role) && !!parentId && !me.accountPath.slice(0, -1).includes(parentId);
  const parent = useQuery({
    queryKey: ["accounts", parentId],
    queryFn: () =>
      must(api.GET("/api/v1/accounts/{id}", { params: { path: { id: parentId ?? "" } } })),
    enabled: may,
    // After a move the parent changes: the section (and what it says moved) stays meanwhile.
    placeholderData: keepPreviousData,
  });
  if (!may || !parentId || parent.data?.kind !== "customer") return null;
  return <MoveAccount key={account.id} account={{ ...account, parentId }} />;
}

function Details({ account: a, t }: { account: AccountDetail; t: T }) {
  const f = useFormat();
  const address = a.billingAddress as Record<string, string | undefined> | null;
  const addressText = address
    ? [
        address.addressLine1,
        address.addressLine2,
        [address.postalCode, address.city].filter(Boolean).join(" "),
        address.state,
        address.country,
      ]
        .filter(Boolean)
        .join(", ")
    : null;
  const none = <span className="muted">{t("none")}</span>;
  return (
    <section aria-labelledby="details-title" className="card">
      <h2 id="details-title">{t("details")}</h2>
      <dl className="facts">
        <dt>{t("legalName")}</dt>
        <dd>{a.legalName ?? none}</dd>
        <dt>{t("vatNumber")}</dt>
        <dd>{a.vatNumber ? <span className="mono">{a.vatNumber}</span> : none}</dd>
        <dt>{t("address")}</dt>
        <dd>{addressText ?? none}</dd>
        <dt>{t("currency")}</dt>
        <dd>{a.currency}</dd>
        <dt>{t("language")}</dt>
        <dd>{a.language}</dd>
        <dt>{t("timeZone")}</dt>
        <dd>{a.timeZone}</dd>
        <dt>{t("createdAt")}</dt>
        <dd>{f.date(a.createdAt)}</dd>
      </dl>
    </section>
  );
}

function SimCounts({ accountId, t }: { accountId: string; t: T }) {
  const f = useFormat();
  const count = (by: "state" | "connectivity") => ({
    queryKey: ["sims", "count", accountId, by],
    queryFn: () => must(api.GET("/api/v1/sims/count", { params: { query: { accountId, by } } })),
  });
  const byState = useQuery(count("state"));
  const byConnectivity = useQuery(count("connectivity"));
  const words = useWords();
  const table = (
    by: "state" | "connectivity",
    caption: string,
    groups: { key: string | null; count: number }[],
  ) => (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{by === "state" ? t("state") : t("connectivity")}</th>
          <th scope="col" className="num">
            {t("count")}
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key ?? "none"}>
            <td>
              <Link to={`/sims?accountId=${accountId}&${by}=${g.key ?? ""}`} title={g.key ?? ""}>
                {by === "state" ? words.state(g.key ?? "") : words.connectivity(g.key ?? "")}
              </Link>
            </td>
            <td className="num">{f.number(g.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="sims-title" className="card">
      <h2 id="sims-title">{t("sims")}</h2>
      <QueryView query={byState}>
        {(states) =>
          states.total === 0 ? (
            <Empty>{t("simsNone")}</Empty>
          ) : (
            <>
              <p>
                {t("simsTotal", { count: f.number(states.total) })}{" "}
                <Link to={`/sims?accountId=${accountId}`}>{t("allSims")}</Link>
              </p>
              <div className="counts">
                <div>
                  <h3>{t("simsByState")}</h3>
                  {table("state", t("simsByState"), states.groups)}
                </div>
                <div>
                  <h3>{t("simsByConnectivity")}</h3>
                  <QueryView query={byConnectivity}>
                    {(c) => table("connectivity", t("simsByConnectivity"), c.groups)}
                  </QueryView>
                </div>
              </div>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function OpenCases({ accountId, t }: { accountId: string; t: T }) {
  const f = useFormat();
  const cases = useQuery({
    queryKey: ["cases", "account", accountId, "open"],
    queryFn: () =>
      must(
        api.GET("/api/v1/cases", {
          params: { query: { account: accountId, state: [...OPEN_CASE_STATES], limit: 20 } },
        }),
      ),
  });
  return (
    <section aria-labelledby="cases-title" className="card">
      <h2 id="cases-title">{t("openCases")}</h2>
      <QueryView query={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t("casesNone")}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("caseNumber")}</th>
                  <th scope="col">{t("subject")}</th>
                  <th scope="col">{t("priority")}</th>
                  <th scope="col">{t("opened")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/cases/${c.id}`}>#{c.number}</Link>
                    </td>
                    <td>{c.subject}</td>
                    <td>{t(`priority_${c.priority}`)}</td>
                    <td>{f.dateTime(c.createdAt)}</td>
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

function SubAccountList({ accountId, t }: { accountId: string; t: T }) {
  const me = useMe();
  const client = useQueryClient();
  const children = useSubAccounts(accountId);
  const create = useMutation({
    mutationFn: (name: string) =>
      must(api.POST("/api/v1/accounts", { body: { name, parentId: accountId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["accounts", "children", accountId] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name")).trim();
    create.mutate(name, { onSuccess: () => form.reset() });
  };
  const items: Account[] = children.data?.pages.flatMap((p) => p.items) ?? [];
  items.sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="sub-title" className="card">
      <h2 id="sub-title">{t("subAccounts")}</h2>
      {children.isPending ? (
        <Loading />
      ) : children.error ? (
        <ErrorBox error={children.error} onRetry={() => children.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t("subAccountsNone")}</Empty>
      ) : (
        <ul className="plain-list">
          {items.map((a) => (
            <li key={a.id}>
              <Link to={`/accounts/${a.id}`}>{a.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {children.hasNextPage && (
        <button type="button" className="link" onClick={() => children.fetchNextPage()}>
          {t("showMore")}
        </button>
      )}
      {WRITERS.includes(me.role) && (
        <form className="inline-form stack" onSubmit={submit}>
          <div className="row">
            <label>
              {t("subAccountName")}
              <input name="name" required maxLength={200} autoComplete="off" />
            </label>
            <button type="submit" disabled={create.isPending}>
              {t("addSubAccount")}
            </button>
          </div>
          <p className="muted">{t("subAccountInherits")}</p>
          {create.error && <ErrorBox error={create.error} />}
          {create.isSuccess && (
            <p role="status">
              <Link to={`/accounts/${create.data.id}`}>
                {t("subAccountCreated", { name: create.data.name })}
              </Link>
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function Contacts({ account, t }: { account: AccountDetail; t: T }) {
  const me = useMe();
  const client = useQueryClient();
  const canWrite = WRITERS.includes(me.role);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["accounts", account.id] });
  const remove = useMutation({
    mutationFn: (c: Contact) =>
      must(
        api.DELETE("/api/v1/accounts/{id}/contacts/{contactId}", {
          params: { path: { id: account.id, contactId: c.id } },
        }),
      ),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
    },
  });
  const add = useMutation({
    mutationFn: (body: { name: string; email?: string; phone?: string; role?: string }) =>
      must(
        api.POST("/api/v1/accounts/{id}/contacts", { params: { path: { id: account.id } }, body }),
      ),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    add.mutate(
      {
        name: field("name") ?? "",
        email: field("email"),
        phone: field("phone"),
        role: field("role"),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section aria-labelledby="contacts-title" className="card">
      <h2 id="contacts-title">{t("contacts")}</h2>
      {account.contacts.length === 0 ? (
        <Empty>{t("contactsNone")}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("reach")}</th>
              {canWrite && <th scope="col">{t("actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {account.contacts.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.role ?? ""}</td>
                <td className="reach">
                  {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                  {c.phone && <a href={`tel:${c.phone.replace(/[^+0-9]/g, "")}`}>{c.phone}</a>}
                </td>
                {canWrite && (
                  <td>
                    <button
                      type="button"
                      aria-label={t("removeContact", { name: c.name })}
                      onClick={() => {
                        remove.reset();
                        setRemoving(c);
                      }}
                    >
                      {t("remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={submit}>
          <fieldset className="stack">
            <legend>{t("addContact")}</legend>
            <div className="row">
              <label>
                {t("name")}
                <input name="name" required maxLength={200} autoComplete="off" />
              </label>
              <label>
                {t("email")}
                <input name="email" type="email" autoComplete="off" />
              </label>
              <label>
                {t("phone")}
                <input name="phone" type="tel" autoComplete="off" />
              </label>
              <label>
                {t("contactRole")}
                <input name="role" maxLength={100} autoComplete="off" />
              </label>
              <button type="submit" disabled={add.isPending}>
                {t("add")}
              </button>
            </div>
            {add.error && <ErrorBox error={add.error} />}
            {add.isSuccess && <p role="status">{t("contactAdded", { name: add.data.name })}</p>}
          </fieldset>
        </form>
      )}
      <ConfirmDialog
        open={!!removing}
        title={t("removeContactTitle", { name: removing?.name ?? "" })}
        confirmLabel={t("remove")}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        danger
        onClose={() => setRemoving(null)}
      >
        <p>{t("removeContactText")}</p>
        {remove.error && <ErrorBox error={remove.error} />}
      </ConfirmDialog>
    </section>
  );
}

function Users({ account, t }: { account: AccountDetail; t: T }) {
  const me = useMe();
  const f = useFormat();
  const client = useQueryClient();
  const canRead = WRITERS.includes(me.role);
  const canInvite = USER_ADMINS.includes(me.role);
  const roles: Role[] =
    account.kind === "operator"
      ? ["operator_agent", "operator_admin"]
      : ["customer_user", "customer_admin"];
  const users = useQuery({
    queryKey: ["users", "account", account.id],
    queryFn: () => must(api.GET("/api/v1/users", { params: { query: { accountId: account.id } } })),
    enabled: canRead,
  });
  const invite = useMutation({
    mutationFn: async (body: { email: string; name: string; role: Role }) => {
      const user = await must(
        api.POST("/api/v1/users", { body: { ...body, accountId: account.id } }),
      );
      return must(api.POST("/api/v1/users/{id}/invitation", { params: { path: { id: user.id } } }));
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["users", "account", account.id] }),
  });
  if (!canRead) return null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      {
        name: String(data.get("name")).trim(),
        email: String(data.get("email")).trim(),
        role: String(data.get("role")) as Role,
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section aria-labelledby="users-title" className="card">
      <h2 id="users-title">{t("users")}</h2>
      <QueryView query={users}>
        {(u) =>
          u.items.length === 0 ? (
            <Empty>{t("usersNone")}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("email")}</th>
                  <th scope="col">{t("role")}</th>
                </tr>
              </thead>
              <tbody>
                {u.items.map((user) => (
                  <tr key={user.id}>
                    <td>
                      {user.name}{" "}
                      {user.disabled && <span className="badge neutral">{t("disabled")}</span>}
                    </td>
                    <td>{user.email}</td>
                    <td>{t(`role_${user.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {canInvite && (
        <form className="inline-form" onSubmit={submit}>
          <fieldset className="stack">
            <legend>{t("inviteUser")}</legend>
            <div className="row">
              <label>
                {t("name")}
                <input name="name" required maxLength={200} autoComplete="off" />
              </label>
              <label>
                {t("email")}
                <input name="email" type="email" required autoComplete="off" />
              </label>
              <label>
                {t("role")}
                <select name="role" defaultValue={roles[0]}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role_${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={invite.isPending}>
                {t("invite")}
              </button>
            </div>
            {invite.error && <ErrorBox error={invite.error} />}
            {invite.isSuccess && (
              <p role="status">
                {t("invited", {
                  email: invite.data.email,
                  until: f.dateTime(invite.data.expiresAt),
                })}
              </p>
            )}
          </fieldset>
        </form>
      )}
    </section>
  );
}

function OfferedPlans({ account, t }: { account: AccountDetail; t: T }) {
  const me = useMe();
  const client = useQueryClient();
  const operator = isOperator(me);
  const query = { params: { query: { accountId: account.id } } };
  const comm = useQuery({
    queryKey: ["plans", "communication", "account", account.id],
    queryFn: () => must(api.GET("/api/v1/communication-plans", query)),
  });
  const rate = useQuery({
    queryKey: ["plans", "rate", "account", account.id],
    queryFn: () => must(api.GET("/api/v1/rate-plans", query)),
  });
  // Everything an operator could offer: the whole catalog.
  const allComm = useQuery({
    queryKey: ["plans", "communication"],
    queryFn: () => must(api.GET("/api/v1/communication-plans")),
    enabled: operator && account.kind === "customer",
  });
  const allRate = useQuery({
    queryKey: ["plans", "rate"],
    queryFn: () => must(api.GET("/api/v1/rate-plans")),
    enabled: operator && account.kind === "customer",
  });
  const offer = useMutation({
    mutationFn: ({ kind, ref }: { kind: "communication" | "rate"; ref: string }) =>
      kind === "communication"
        ? must(
            api.POST("/api/v1/communication-plans/{ref}/offers", {
              params: { path: { ref } },
              body: { accountId: account.id },
            }),
          )
        : must(
            api.POST("/api/v1/rate-plans/{ref}/offers", {
              params: { path: { ref } },
              body: { accountId: account.id },
            }),
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["plans"] }),
  });
  const offerable = [
    ...(allComm.data?.items ?? [])
      .filter((p) => !comm.data?.items.some((o) => o.id === p.id))
      .map((p) => ({ kind: "communication" as const, id: p.id, name: p.name })),
    ...(allRate.data?.items ?? [])
      .filter((p) => !rate.data?.items.some((o) => o.id === p.id))
      .map((p) => ({ kind: "rate" as const, id: p.id, name: p.name })),
  ];
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const [kind, ref] = String(new FormData(e.currentTarget).get("plan")).split(":");
    if (kind && ref) offer.mutate({ kind: kind as "communication" | "rate", ref });
  };
  const list = (kind: "communication" | "rate", plans: { id: string; name: string }[]) =>
    plans.length === 0 ? (
      <p className="muted">{t("plansNone")}</p>
    ) : (
      <ul className="plain-list">
        {plans.map((p) => (
          <li key={p.id}>
            <Link to={catalogPath(kind, p.id)}>{p.name}</Link>
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="plans-title" className="card">
      <h2 id="plans-title">{t("offeredPlans")}</h2>
      <p className="muted">{t("offeredIntro")}</p>
      <h3>{t("communicationPlans")}</h3>
      <QueryView query={comm}>{(c) => list("communication", c.items)}</QueryView>
      <h3>{t("ratePlans")}</h3>
      <QueryView query={rate}>{(r) => list("rate", r.items)}</QueryView>
      {operator && account.kind === "customer" && offerable.length > 0 && (
        <form className="inline-form row" onSubmit={submit}>
          <label>
            {t("offerPlan")}
            <select name="plan" required defaultValue="">
              <option value="" disabled>
                {t("choose")}
              </option>
              <optgroup label={t("communicationPlans")}>
                {offerable
                  .filter((p) => p.kind === "communication")
                  .map((p) => (
                    <option key={p.id} value={`communication:${p.id}`}>
                      {p.name}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t("ratePlans")}>
                {offerable
                  .filter((p) => p.kind === "rate")
                  .map((p) => (
                    <option key={p.id} value={`rate:${p.id}`}>
                      {p.name}
                    </option>
                  ))}
              </optgroup>
            </select>
          </label>
          <button type="submit" disabled={offer.isPending}>
            {t("offer")}
          </button>
        </form>
      )}
      {offer.error && <ErrorBox error={offer.error} />}
    </section>
  );
}

/** "PT4H30M" → "4 h 30 min", in the user's words. */
function duration(iso: string | null | undefined, t: T): string {
  if (!iso) return t("noTarget");
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return iso;
  const [, d, h, min] = m;
  return (
    [d && t("days", { n: d }), h && t("hours", { n: h }), min && t("minutes", { n: min })]
      .filter(Boolean)
      .join(" ") || iso
  );
}

function SupportAgreement({ accountId, t }: { accountId: string; t: T }) {
  const f = useFormat();
  const agreement = useQuery({
    queryKey: ["support-agreement", accountId],
    queryFn: () =>
      must(
        api.GET("/api/v1/accounts/{id}/support-agreement", { params: { path: { id: accountId } } }),
      ),
  });
  const priorities = ["urgent", "high", "normal", "low"] as const;
  return (
    <section aria-labelledby="support-title" className="card">
      <h2 id="support-title">{t("support")}</h2>
      <QueryView query={agreement}>
        {(a) => (
          <>
            <p className="muted">
              {a.inherited ? t("inherited") : t("ownAgreement", { date: f.date(a.effectiveFrom) })}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("priority")}</th>
                  <th scope="col">{t("firstResponse")}</th>
                  <th scope="col">{t("resolution")}</th>
                </tr>
              </thead>
              <tbody>
                {priorities.map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(`priority_${p}`)}</th>
                    <td>{duration(a.firstResponse[p], t)}</td>
                    <td>{duration(a.resolution[p], t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryView>
    </section>
  );
}
