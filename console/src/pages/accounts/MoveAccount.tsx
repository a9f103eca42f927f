import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, must } from "../../api/client";
import { useMe } from "../../auth/session";
import { useFormat, useT } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorBox, QueryView } from "../../ui/states";
import type { Account } from "./AccountsPage";
import { accountsMessages } from "./messages";

type Node = Pick<Account, "id" | "name" | "parentId" | "kind">;
/** A place the account may move to: an account of the same customer, named by its path. */
interface Place {
  id: string;
  label: string;
}

async function getAccount(id: string): Promise<Node> {
  return must(api.GET("/api/v1/accounts/{id}", { params: { path: { id } } }));
}

async function childrenOf(parentId: string): Promise<Node[]> {
  const out: Node[] = [];
  let cursor: string | undefined;
  do {
    const page = await must(
      api.GET("/api/v1/accounts", {
        params: { query: { parentId, limit: 1000, ...(cursor && { cursor }) } },
      }),
    );
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Where `account` may move: the accounts of its customer (or of the user's own subtree, for a
 * customer's admin below the top), without the account itself, what lies below it and its current
 * parent. The API refuses the rest anyway; the list only keeps them out of the choice.
 */
async function placesFor(account: Node, ownAccountId: string): Promise<Place[]> {
  let top = account;
  while (top.parentId && top.id !== ownAccountId) {
    const parent = await getAccount(top.parentId);
    if (parent.kind === "operator") break;
    top = parent;
  }
  const places: Place[] = [];
  const visit = async (node: Node, label: string) => {
    if (node.id !== account.parentId) places.push({ id: node.id, label });
    for (const child of await childrenOf(node.id))
      if (child.id !== account.id) await visit(child, `${label} › ${child.name}`);
  };
  await visit(top, top.name);
  return places;
}

/**
 * Moving a sub-account, with its sub-accounts and SIMs, under another account of the same customer
 * (POST /api/v1/accounts/{id}/move): pick the place, confirm, see how much moved.
 */
export function MoveAccount({ account }: { account: Node & { parentId: string } }) {
  const t = useT(accountsMessages);
  const f = useFormat();
  const me = useMe();
  const client = useQueryClient();
  const [target, setTarget] = useState<Place | null>(null);
  const places = useQuery({
    queryKey: ["accounts", "move-places", account.id],
    queryFn: () => placesFor(account, me.accountPath.at(-1) ?? ""),
  });
  const move = useMutation({
    mutationFn: (parentId: string) =>
      must(
        api.POST("/api/v1/accounts/{id}/move", {
          params: { path: { id: account.id } },
          body: { parentId },
        }),
      ),
    onSuccess: async () => {
      setTarget(null);
      await client.invalidateQueries({ queryKey: ["accounts"] });
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const id = String(new FormData(e.currentTarget).get("parent"));
    const place = places.data?.find((p) => p.id === id);
    if (!place) return;
    move.reset();
    setTarget(place);
  };
  return (
    <section aria-labelledby="move-title" className="card">
      <h2 id="move-title">{t("moveTitle")}</h2>
      <p className="muted">{t("moveIntro")}</p>
      <QueryView query={places}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t("moveNowhere")}</p>
          ) : (
            <form className="inline-form row" onSubmit={submit}>
              <label>
                {t("moveUnder")}
                <select name="parent" required defaultValue="">
                  <option value="" disabled>
                    {t("choose")}
                  </option>
                  {list.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={move.isPending}>
                {t("move")}
              </button>
            </form>
          )
        }
      </QueryView>
      {move.isSuccess && (
        <p role="status">
          {move.data.moved
            ? t("moved", {
                name: move.data.account.name,
                accounts: f.number(move.data.accounts),
                sims: f.number(move.data.sims),
              })
            : t("movedNothing", { name: move.data.account.name })}
        </p>
      )}
      {move.error && !target && <ErrorBox error={move.error} />}
      <ConfirmDialog
        open={!!target}
        title={t("moveConfirmTitle", { name: account.name, parent: target?.label ?? "" })}
        confirmLabel={t("move")}
        busy={move.isPending}
        onConfirm={() => target && move.mutate(target.id)}
        onClose={() => setTarget(null)}
      >
        <p>{t("moveConfirmText")}</p>
        {move.error && <ErrorBox error={move.error} />}
      </ConfirmDialog>
    </section>
  );
}
