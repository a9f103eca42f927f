import { type Insertable, sql, type Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type { AccountsTable, ApiKeysTable, ContactsTable, UsersTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";

const CONTACT_COLUMNS = ["id", "account_id", "name", "email", "phone", "language"] as const;
const USER_COLUMNS = ["id", "account_id", "name", "email", "role", "disabled_at"] as const;

/** Queries over accounts, contacts, users and API keys. Every function takes the executor it runs on. */
export const accountsRepo = {
  findById: (db: Executor, id: string) =>
    db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst(),

  /**
   * Locks these accounts against deletion and key changes until the transaction ends, as a foreign
   * key's check does for each row that references one; returns the ids found.
   */
  lockKeys: (tx: Tx, ids: readonly string[]) =>
    tx
      .selectFrom("accounts")
      .select("id")
      .where("id", "in", [...ids])
      .forKeyShare()
      .execute(),

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

  /**
   * Customer accounts of the subtree at `path` whose name contains `text` (any case), with their
   * parent's name; names that start with it first, then by name. The account tree is small next to
   * the fleet (thousands of accounts, not millions): a scan of it stays fast.
   */
  customersNamed: (db: Executor, path: string, text: string, limit: number) => {
    const pattern = `%${text.replace(/[\\%_]/g, "\\$&")}%`;
    return db
      .selectFrom("accounts")
      .leftJoin("accounts as parent", "parent.id", "accounts.parent_id")
      .select(["accounts.id", "accounts.name", "parent.name as parent_name"])
      .where("accounts.path", "like", `${path}%`)
      .where("accounts.kind", "=", "customer")
      .where("accounts.name", "ilike", pattern)
      .orderBy(sql`strpos(lower(accounts.name), lower(${text}))`)
      .orderBy("accounts.name")
      .orderBy("accounts.id")
      .limit(limit)
      .execute();
  },

  insertAccount: (tx: Tx, row: Insertable<AccountsTable>) =>
    tx.insertInto("accounts").values(row).execute(),

  updateAccount: (tx: Tx, id: string, patch: Updateable<AccountsTable>) =>
    tx.updateTable("accounts").set(patch).where("id", "=", id).execute(),

  /**
   * The account, locked until the transaction ends: `update` by a move (moves within a customer
   * queue on the customer's account), `share` by a child's creation (a move of the parent waits
   * for it, and it reads the parent's path as a move committed it).
   */
  lockById: (tx: Tx, id: string, mode: "update" | "share") => {
    const q = tx.selectFrom("accounts").selectAll().where("id", "=", id);
    return (mode === "update" ? q.forUpdate() : q.forShare()).executeTakeFirst();
  },

  /** Locks every account of the subtree at `path` (a child being created waits, or is seen). */
  lockSubtree: (tx: Tx, path: string) =>
    tx
      .selectFrom("accounts")
      .select("id")
      .where("path", "like", `${path}%`)
      .orderBy("id")
      .forUpdate()
      .execute(),

  /**
   * Moves the account at `from` (its whole subtree) to the path `to`, under `parentId`: one
   * statement rewrites every path of the subtree and the moved account's parent.
   */
  moveSubtree: (
    tx: Tx,
    m: { accountId: string; parentId: string; from: string; to: string; at: Date },
  ) =>
    tx
      .updateTable("accounts")
      .set((eb) => ({
        path: sql<string>`${m.to} || substr(${eb.ref("path")}, ${m.from.length + 1})`,
        parent_id: eb
          .case()
          .when("id", "=", m.accountId)
          .then(m.parentId)
          .else(eb.ref("parent_id"))
          .end(),
        updated_at: m.at,
      }))
      .where("path", "like", `${m.from}%`)
      .executeTakeFirst(),

  accountsByIds: (db: Executor, ids: readonly string[]) =>
    db
      .selectFrom("accounts")
      .select(["id", "name", "path", "kind", "time_zone"])
      .where("id", "in", [...ids])
      .orderBy("id")
      .execute(),

  /** Ids and names of the given accounts, ordered by name as the database collates it. */
  accountsByName: (db: Executor, ids: readonly string[]) =>
    db
      .selectFrom("accounts")
      .select(["id", "name"])
      .where("id", "in", [...ids])
      .orderBy("name")
      .execute(),

  /** Children of an account with this name (any case), oldest first. */
  childrenNamed: (db: Executor, parentId: string, name: string) =>
    db
      .selectFrom("accounts")
      .selectAll()
      .where("parent_id", "=", parentId)
      .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
      .orderBy("created_at")
      .execute(),

  listContacts: (db: Executor, accountId: string) =>
    db
      .selectFrom("contacts")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("id")
      .execute(),

  insertContacts: (tx: Tx, rows: Insertable<ContactsTable>[]) =>
    tx.insertInto("contacts").values(rows).execute(),

  deleteContact: (db: Executor, accountId: string, contactId: string) =>
    db
      .deleteFrom("contacts")
      .where("id", "=", contactId)
      .where("account_id", "=", accountId)
      .executeTakeFirst(),

  /** E-mail addresses of the account's contacts that have one. */
  contactEmails: (db: Executor, accountId: string) =>
    db
      .selectFrom("contacts")
      .select("email")
      .where("account_id", "=", accountId)
      .where("email", "is not", null)
      .execute(),

  contactsByIds: (db: Executor, ids: readonly string[]) =>
    db
      .selectFrom("contacts")
      .select(CONTACT_COLUMNS)
      .where("id", "in", [...ids])
      .orderBy("id")
      .execute(),

  /** Contacts with this address (any case), oldest first; only the given account's when one is named. */
  contactsByEmail: (db: Executor, email: string, accountId?: string) => {
    let q = db
      .selectFrom("contacts")
      .select(CONTACT_COLUMNS)
      .where((eb) => eb.fn("lower", ["email"]), "=", email.toLowerCase());
    if (accountId) q = q.where("account_id", "=", accountId);
    return q.orderBy("id").execute();
  },

  /** Contacts in the subtree at `path` whose phone number ends in `tail` (digits only), with their account's name. */
  contactsByPhoneTail: (db: Executor, tail: string, path: string, limit: number) =>
    db
      .selectFrom("contacts")
      .innerJoin("accounts", "accounts.id", "contacts.account_id")
      .select([
        "contacts.id",
        "contacts.account_id",
        "contacts.name",
        "contacts.email",
        "contacts.phone",
        "accounts.name as account_name",
      ])
      .where("accounts.path", "like", `${path}%`)
      .where(
        sql<string>`right(regexp_replace(coalesce(contacts.phone, ''), '[^0-9]', '', 'g'), ${tail.length})`,
        "=",
        tail,
      )
      .orderBy("contacts.id")
      .limit(limit)
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

  insertUser: (tx: Tx, row: Insertable<UsersTable>) => tx.insertInto("users").values(row).execute(),

  /** Name and e-mail of the user, if enabled. */
  enabledUserContact: (db: Executor, id: string) =>
    db
      .selectFrom("users")
      .select(["name", "email"])
      .where("id", "=", id)
      .where("disabled_at", "is", null)
      .executeTakeFirst(),

  /** E-mail addresses of the account's enabled administrators. */
  adminEmails: (db: Executor, accountId: string) =>
    db
      .selectFrom("users")
      .select("email")
      .where("account_id", "=", accountId)
      .where("role", "in", ["customer_admin", "operator_admin"])
      .where("disabled_at", "is", null)
      .execute(),

  usersByIds: (db: Executor, ids: readonly string[]) =>
    db
      .selectFrom("users")
      .select(USER_COLUMNS)
      .where("id", "in", [...ids])
      .orderBy("id")
      .execute(),

  /** Users with this address (any case): of one account, or of customer accounts only. */
  usersByEmail: (
    db: Executor,
    email: string,
    scope: { accountId: string } | { customersOnly: true },
  ) => {
    let q = db
      .selectFrom("users")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .select(USER_COLUMNS.map((c) => `users.${c}` as const))
      .where((eb) => eb.fn("lower", ["users.email"]), "=", email.toLowerCase());
    q =
      "accountId" in scope
        ? q.where("users.account_id", "=", scope.accountId)
        : q.where("accounts.kind", "=", "customer");
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
      .select((eb) => [
        eb.fn.coalesce("users.language", "accounts.language").as("language"),
        eb.fn.coalesce("users.time_zone", "accounts.time_zone").as("time_zone"),
      ])
      .where("api_keys.key_hash", "=", hash)
      .where("api_keys.revoked_at", "is", null)
      .where("users.disabled_at", "is", null)
      .executeTakeFirst(),

  /** The principal of a signed-in user (a session), if the user is enabled. */
  findPrincipalByUserId: (db: Executor, userId: string) =>
    db
      .selectFrom("users")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .select([
        "users.id as user_id",
        "users.name",
        "users.email",
        "users.role",
        "accounts.id as account_id",
        "accounts.path as account_path",
      ])
      .select((eb) => [
        eb.fn.coalesce("users.language", "accounts.language").as("language"),
        eb.fn.coalesce("users.time_zone", "accounts.time_zone").as("time_zone"),
      ])
      .where("users.id", "=", userId)
      .where("users.disabled_at", "is", null)
      .executeTakeFirst(),

  /** The language to write to a user in: their own, else their account's. */
  userLanguage: (db: Executor, userId: string) =>
    db
      .selectFrom("users")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .select((eb) => eb.fn.coalesce("users.language", "accounts.language").as("language"))
      .where("users.id", "=", userId)
      .executeTakeFirst(),

  /** A user's own language and time zone (null: the account's). */
  updateUserPreferences: (
    db: Executor,
    id: string,
    patch: { language?: string | null; time_zone?: string | null },
  ) => db.updateTable("users").set(patch).where("id", "=", id).execute(),

  /** Sets when the key was last used, never moving it backwards (another node may have written later). */
  touchApiKey: (db: Executor, id: string, at: Date) =>
    db
      .updateTable("api_keys")
      .set({ last_used_at: at })
      .where("id", "=", id)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", at)]))
      .execute(),

  insertApiKey: (tx: Tx, row: Insertable<ApiKeysTable>) =>
    tx.insertInto("api_keys").values(row).execute(),

  /** Revokes the user's key, unless it is revoked already. */
  revokeApiKey: (tx: Tx, userId: string, keyId: string, at: Date) =>
    tx
      .updateTable("api_keys")
      .set({ revoked_at: at })
      .where("id", "=", keyId)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst(),

  listApiKeys: (db: Executor, userId: string) =>
    db
      .selectFrom("api_keys")
      .select(["id", "prefix", "name", "created_at", "revoked_at", "last_used_at"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute(),
};

const ROOT = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const USER = "0190a8a0-0000-7000-8000-000000000003";
const KEY = "0190a8a0-0000-7000-8000-000000000004";
const CONTACT = "0190a8a0-0000-7000-8000-000000000005";
const PARENT = "0190a8a0-0000-7000-8000-000000000006";
const PATH = `/${ROOT}/${ACCOUNT}/`;
const AT = new Date("2026-12-01T00:00:00Z");

export const accountsRepoSql: SqlExamples<typeof accountsRepo> = {
  findById: [[ACCOUNT]],
  findRoot: [[]],
  listSubtree: [
    [PATH, { limit: 51 }],
    [PATH, { parentId: ACCOUNT, after: ACCOUNT, limit: 51 }],
  ],
  customersNamed: [[PATH, "giraffe", 6]],
  insertAccount: [
    [
      {
        id: ACCOUNT,
        parent_id: ROOT,
        path: PATH,
        kind: "customer",
        name: "Acme Logistics",
        currency: "EUR",
        language: "en",
        time_zone: "Europe/Berlin",
        test_ready_then: "ACTIVATED",
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  updateAccount: [[ACCOUNT, { name: "Acme Logistics GmbH", updated_at: AT }]],
  lockById: [
    [ACCOUNT, "update"],
    [ACCOUNT, "share"],
  ],
  lockSubtree: [[PATH]],
  moveSubtree: [
    [
      {
        accountId: ACCOUNT,
        parentId: PARENT,
        from: PATH,
        to: `/${ROOT}/${PARENT}/${ACCOUNT}/`,
        at: AT,
      },
    ],
  ],
  accountsByIds: [[[ROOT, ACCOUNT]]],
  lockKeys: [[[ROOT, ACCOUNT]]],
  accountsByName: [[[ROOT, ACCOUNT]]],
  childrenNamed: [[ROOT, "Savannah Wildlife Trust"]],
  listContacts: [[ACCOUNT]],
  insertContacts: [
    [
      [
        {
          id: CONTACT,
          account_id: ACCOUNT,
          name: "Dana Fleet",
          email: "dana@acme.example",
          phone: "+4930123456",
          language: "de",
          role: "technical",
          created_at: AT,
        },
      ],
    ],
  ],
  deleteContact: [[ACCOUNT, CONTACT]],
  contactEmails: [[ACCOUNT]],
  contactsByIds: [[[CONTACT]]],
  contactsByEmail: [["dana@acme.example"], ["dana@acme.example", ACCOUNT]],
  contactsByPhoneTail: [["0123456", PATH, 20]],
  findUserById: [[USER]],
  findUserByEmail: [["dana@acme.example"]],
  listUsers: [[PATH], [PATH, ACCOUNT]],
  insertUser: [
    [
      {
        id: USER,
        account_id: ACCOUNT,
        email: "dana@acme.example",
        name: "Dana Fleet",
        role: "customer_admin",
        created_at: AT,
      },
    ],
  ],
  enabledUserContact: [[USER]],
  adminEmails: [[ACCOUNT]],
  usersByIds: [[[USER]]],
  usersByEmail: [
    ["dana@acme.example", { accountId: ACCOUNT }],
    ["dana@acme.example", { customersOnly: true }],
  ],
  findPrincipalByKeyHash: [["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]],
  findPrincipalByUserId: [[USER]],
  userLanguage: [[USER]],
  updateUserPreferences: [[USER, { language: "it", time_zone: "Europe/Rome" }]],
  touchApiKey: [[KEY, AT]],
  insertApiKey: [
    [
      {
        id: KEY,
        user_id: USER,
        account_id: ACCOUNT,
        key_hash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        prefix: "otk_3f9a",
        name: "fleet dashboard",
        created_at: AT,
      },
    ],
  ],
  revokeApiKey: [[USER, KEY, AT]],
  listApiKeys: [[USER]],
};
