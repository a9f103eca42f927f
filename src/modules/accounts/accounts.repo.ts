import type { Executor } from "../../db/database.js";

/** Queries over accounts, contacts, users and API keys. Every function takes the executor it runs on. */
export const accountsRepo = {
  findById: (db: Executor, id: string) =>
    db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst(),

  findRoot: (db: Executor) =>
    db.selectFrom("accounts").selectAll().where("parent_id", "is", null).executeTakeFirst(),

  listSubtree: (
    db: Executor,
    path: string,
    opts: { parentId?: string; after?: string; limit: number },
  ) => {
    let q = db.selectFrom("accounts").selectAll().where("path", "like", `${path}%`);
    if (opts.parentId) q = q.where("parent_id", "=", opts.parentId);
    if (opts.after) q = q.where("id", ">", opts.after);
    return q.orderBy("id").limit(opts.limit).execute();
  },

  listContacts: (db: Executor, accountId: string) =>
    db
      .selectFrom("contacts")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("id")
      .execute(),

  findUserById: (db: Executor, id: string) =>
    db
      .selectFrom("users")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .selectAll("users")
      .select("accounts.path as account_path")
      .where("users.id", "=", id)
      .executeTakeFirst(),

  findUserByEmail: (db: Executor, email: string) =>
    db
      .selectFrom("users")
      .selectAll()
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
      .executeTakeFirst(),

  listUsers: (db: Executor, path: string, accountId?: string) => {
    let q = db
      .selectFrom("users")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .selectAll("users")
      .where("accounts.path", "like", `${path}%`);
    if (accountId) q = q.where("users.account_id", "=", accountId);
    return q.orderBy("users.id").execute();
  },

  /** The principal behind an API key, if the key is live and its user enabled. */
  findPrincipalByKeyHash: (db: Executor, hash: string) =>
    db
      .selectFrom("api_keys")
      .innerJoin("users", "users.id", "api_keys.user_id")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .select([
        "api_keys.id as api_key_id",
        "users.id as user_id",
        "users.name",
        "users.email",
        "users.role",
        "accounts.id as account_id",
        "accounts.path as account_path",
      ])
      .where("api_keys.key_hash", "=", hash)
      .where("api_keys.revoked_at", "is", null)
      .where("users.disabled_at", "is", null)
      .executeTakeFirst(),

  /** Sets when the key was last used, never moving it backwards (another node may have written later). */
  touchApiKey: (db: Executor, id: string, at: Date) =>
    db
      .updateTable("api_keys")
      .set({ last_used_at: at })
      .where("id", "=", id)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", at)]))
      .execute(),

  listApiKeys: (db: Executor, userId: string) =>
    db
      .selectFrom("api_keys")
      .select(["id", "prefix", "name", "created_at", "revoked_at", "last_used_at"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute(),
};
