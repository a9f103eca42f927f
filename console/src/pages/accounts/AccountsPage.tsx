import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { api, must } from "../../api/client";
import type { paths } from "../../api/schema";
import { useMe } from "../../auth/session";
import { useT } from "../../i18n";
import { ErrorBox, Loading, PageTitle, QueryView } from "../../ui/states";
import { accountsMessages } from "./messages";
import "./accounts.css";

export type Account =
  paths["/api/v1/accounts"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The sub-accounts of one account, a page at a time (GET /api/v1/accounts?parentId=…). */
export function useSubAccounts(parentId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ["accounts", "children", parentId],
    queryFn: ({ pageParam }) =>
      must(
        api.GET("/api/v1/accounts", {
          params: { query: { parentId, limit: 100, ...(pageParam && { cursor: pageParam }) } },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/**
 * The account tree: the signed-in user's own account at the top (the operator for its staff, the
 * customer for a customer's users), each branch opened on demand with a disclosure button.
 */
export default function AccountsPage() {
  const t = useT(accountsMessages);
  const me = useMe();
  const root = useQuery({
    queryKey: ["accounts", me.accountId],
    queryFn: () =>
      must(api.GET("/api/v1/accounts/{id}", { params: { path: { id: me.accountId } } })),
  });
  return (
    <>
      <PageTitle title={t("treeTitle")}>{t("treeTitle")}</PageTitle>
      <p className="muted">{t("treeIntro")}</p>
      <QueryView query={root}>
        {(account) => (
          <nav aria-label={t("treeLabel")}>
            <ul className="account-tree">
              <AccountNode account={account} initiallyOpen />
            </ul>
          </nav>
        )}
      </QueryView>
    </>
  );
}

function AccountNode({
  account,
  initiallyOpen = false,
}: {
  account: Account;
  initiallyOpen?: boolean;
}) {
  const t = useT(accountsMessages);
  const [open, setOpen] = useState(initiallyOpen);
  const childrenId = useId();
  return (
    <li>
      <div className="account-row">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={childrenId}
          aria-label={t(open ? "collapse" : "expand", { name: account.name })}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
        </button>
        <Link to={`/accounts/${account.id}`}>{account.name}</Link>
        {account.kind === "operator" && <span className="badge neutral">{t("operator")}</span>}
        {account.legalName && account.legalName !== account.name && (
          <span className="muted">{account.legalName}</span>
        )}
      </div>
      {open && <SubAccounts id={childrenId} parentId={account.id} />}
    </li>
  );
}

function SubAccounts({ id, parentId }: { id: string; parentId: string }) {
  const t = useT(accountsMessages);
  const children = useSubAccounts(parentId);
  if (children.isPending)
    return (
      <div id={id} className="account-children">
        <Loading />
      </div>
    );
  if (children.error)
    return (
      <div id={id} className="account-children">
        <ErrorBox error={children.error} onRetry={() => children.refetch()} />
      </div>
    );
  const items = children.data.pages.flatMap((p) => p.items).sort(byName);
  return (
    <div id={id} className="account-children">
      {items.length === 0 ? (
        <p className="muted">{t("noSubAccounts")}</p>
      ) : (
        <ul>
          {items.map((a) => (
            <AccountNode key={a.id} account={a} />
          ))}
        </ul>
      )}
      {children.hasNextPage && (
        <button
          type="button"
          className="link"
          disabled={children.isFetchingNextPage}
          onClick={() => children.fetchNextPage()}
        >
          {t("showMore")}
        </button>
      )}
    </div>
  );
}
