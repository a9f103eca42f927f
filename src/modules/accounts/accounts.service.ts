import { isLanguage } from "../../lib/messages/messages.js";
import type { Logger } from "pino";
import { type Db, type Executor, inTransaction, type Tx } from "../../db/database.js";
import type { Account } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, forbidden, notFound, OtterError, validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, isOperatorRole, type Principal, type Role } from "../auth/principal.js";
import { inSubtree } from "../tenancy/tenancy.js";
import type { EventsService } from "../events/events.service.js";
import { displayPrefix, generateApiKey, hashApiKey } from "./api-key.js";
import { createKeyUseRecorder } from "./key-use.js";
import { createKeyPrincipals } from "./key-principals.js";
import { accountsRepo as repo } from "./accounts.repo.js";
import { presentAccount, presentContact, presentUser } from "./accounts.presenter.js";
import type {
  AccountInput,
  AccountMoveInput,
  AccountPatch,
  ContactInput,
  UserInput,
  UserPreferencesPatch,
} from "./accounts.schemas.js";

export const accountNotFound = (id: string) =>
  notFound("ACCOUNT_NOT_FOUND", `Account ${id} was not found.`);

/** The customer an account belongs to: the second id of its path (none for the operator's root). */
const customerOf = (path: string): string | undefined => path.split("/").filter(Boolean)[1];

interface Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  events: EventsService;
  /**
   * How many SIMs the subtree at a path holds, for a move's audit record: the sims module's count,
   * given by the composition root (sims sits above accounts, so accounts must not import it).
   */
  simsWithin: (ex: Executor, scopePath: string) => Promise<number>;
  /** Where a failed `lastUsedAt` write is reported; it never fails the request. */
  logger?: Pick<Logger, "warn">;
}

/**
 * Accounts form a tree (operator → customers → sub-accounts). The tree is stored as a materialised
 * path, so "is this in my subtree" is a prefix test and listing a subtree is one indexed query.
 */
export function createAccountsService(deps: Deps) {
  const { db, clock } = deps;
  const keyUse = createKeyUseRecorder({
    clock,
    write: async (keyId, at) => {
      await repo.touchApiKey(db, keyId, at);
    },
    onError: (err, keyId) =>
      deps.logger?.warn(
        { err, apiKeyId: keyId },
        "could not record when the API key was last used",
      ),
  });

  /** Who an API key is, with the user's e-mail (Control Center's credentials name the user by it). */
  interface KeyHolder {
    principal: Principal;
    email: string;
  }
  const keyPrincipals = createKeyPrincipals<KeyHolder>({ clock });

  async function holderOfKey(hash: string): Promise<KeyHolder | null> {
    const row = await repo.findPrincipalByKeyHash(db, hash);
    if (!row) return null;
    return {
      email: row.email,
      principal: {
        userId: row.user_id,
        name: row.name || row.email,
        accountId: row.account_id,
        accountPath: row.account_path,
        role: row.role as Role,
        apiKeyId: row.api_key_id,
        // A machine's language comes with each request (Accept-Language, src/http/server.ts).
        locale: { language: "en", timeZone: row.time_zone },
      },
    };
  }

  /**
   * Resolves an API key to who holds it (the principal and the user's e-mail), or null; notes the
   * key's use (`lastUsedAt`, throttled). A read (`fresh` false) may be answered from what this node
   * found for the key within the last second; a change (`fresh`) always asks the database, so a key
   * revoked anywhere changes nothing more (docs/decisions.md).
   */
  async function keyHolder(key: string, opts: { fresh?: boolean } = {}): Promise<KeyHolder | null> {
    const hash = hashApiKey(key);
    const holder =
      (!opts.fresh && keyPrincipals.get(hash)) ||
      (await keyPrincipals.load(hash, () => holderOfKey(hash)));
    if (!holder) return null;
    keyUse.note(holder.principal.apiKeyId);
    return { email: holder.email, principal: { ...holder.principal } };
  }

  /** The account, if the principal may see it; otherwise "not found", never "forbidden". */
  async function requireVisible(
    principal: Principal,
    accountId: string,
    ex: Executor = db,
  ): Promise<Account> {
    const account = await repo.findById(ex, accountId);
    if (!account || !inSubtree(principal.accountPath, account.path))
      throw accountNotFound(accountId);
    return account;
  }

  async function insertContacts(tx: Tx, accountId: string, contacts: ContactInput[]) {
    if (contacts.length === 0) return;
    await repo.insertContacts(
      tx,
      contacts.map((c) => ({
        id: newId(),
        account_id: accountId,
        name: c.name,
        email: c.email ?? null,
        phone: c.phone ?? null,
        language: c.language ?? null,
        role: c.role ?? null,
        created_at: clock.now(),
      })),
    );
  }

  return {
    requireVisible,

    /** Creates the operator's root account and its first admin on an empty database. */
    async bootstrap(opts: {
      apiKey?: string;
      adminEmail?: string;
    }): Promise<{ created: boolean; apiKey?: string; adminUserId?: string; adminEmail?: string }> {
      return inTransaction(db, async (tx) => {
        if (await repo.findRoot(tx)) return { created: false };
        const now = clock.now();
        const rootId = newId();
        await repo.insertAccount(tx, {
          id: rootId,
          parent_id: null,
          path: `/${rootId}/`,
          kind: "operator",
          name: "Operator",
          currency: "EUR",
          language: "en",
          time_zone: "UTC",
          test_ready_then: "ACTIVATED",
          created_at: now,
          updated_at: now,
        });
        const userId = newId();
        const adminEmail = opts.adminEmail ?? "admin@otter.local";
        await repo.insertUser(tx, {
          id: userId,
          account_id: rootId,
          email: adminEmail,
          name: "Operator admin",
          role: "operator_admin",
          created_at: now,
        });
        const key = opts.apiKey ?? generateApiKey();
        await repo.insertApiKey(tx, {
          id: newId(),
          user_id: userId,
          account_id: rootId,
          key_hash: hashApiKey(key),
          prefix: displayPrefix(key),
          name: "bootstrap",
          created_at: now,
        });
        return { created: true, apiKey: key, adminUserId: userId, adminEmail };
      });
    },

    async rootAccount(ex: Executor = db): Promise<Account> {
      const root = await repo.findRoot(ex);
      if (!root)
        throw new OtterError("internal", "NOT_BOOTSTRAPPED", "Otter has no operator account yet.");
      return root;
    },

    /** Resolves when the background `lastUsedAt` writes started so far are done. */
    settleKeyUse: () => keyUse.settled(),

    keyHolder,

    /** Resolves a bearer key to its principal, or null (see `keyHolder`). */
    async authenticate(key: string, opts: { fresh?: boolean } = {}): Promise<Principal | null> {
      return (await keyHolder(key, opts))?.principal ?? null;
    },

    /** The principal of a signed-in user's session, or null when the user is gone or disabled. */
    async principalOfUser(userId: string, sessionId: string): Promise<Principal | null> {
      const row = await repo.findPrincipalByUserId(db, userId);
      if (!row) return null;
      return {
        userId: row.user_id,
        name: row.name || row.email,
        accountId: row.account_id,
        accountPath: row.account_path,
        role: row.role as Role,
        apiKeyId: "",
        sessionId,
        locale: {
          language: isLanguage(row.language) ? row.language : "en",
          timeZone: row.time_zone,
        },
      };
    },

    /** Who is calling, with the language and time zone to show them things in (theirs, else the account's). */
    async me(principal: Principal) {
      const user = await this.requireVisibleUser(principal, principal.userId);
      const account = (await repo.findById(db, user.account_id))!;
      return {
        ...presentUser(user),
        accountPath: principal.accountPath.split("/").filter(Boolean),
        language: user.language ?? account.language,
        timeZone: user.time_zone ?? account.time_zone,
        own: { language: user.language, timeZone: user.time_zone },
        authenticatedBy: principal.sessionId ? ("session" as const) : ("api_key" as const),
      };
    },

    /** A user sets their own language and time zone; null gives the account's back. */
    async updateMe(principal: Principal, patch: UserPreferencesPatch) {
      await repo.updateUserPreferences(db, principal.userId, {
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
      });
      keyPrincipals.forgetAll();
      return this.me(principal);
    },

    async create(principal: Principal, input: AccountInput) {
      requirePermission(principal, "accounts:write");
      return inTransaction(db, async (tx) => {
        const seen = await requireVisible(principal, input.parentId ?? principal.accountId, tx);
        // Read again under a share lock: a move of the parent waits for this account or is seen whole.
        const parent = (await repo.lockById(tx, seen.id, "share")) ?? seen;
        const now = clock.now();
        const id = newId();
        await repo.insertAccount(tx, {
          id,
          parent_id: parent.id,
          path: `${parent.path}${id}/`,
          kind: "customer",
          name: input.name,
          legal_name: input.legalName ?? null,
          vat_number: input.vatNumber ?? null,
          currency: input.currency ?? parent.currency,
          language: input.language ?? parent.language,
          time_zone: input.timeZone ?? parent.time_zone,
          billing_address: input.billingAddress ? JSON.stringify(input.billingAddress) : null,
          test_ready_then: input.testReadyThen ?? parent.test_ready_then,
          created_at: now,
          updated_at: now,
        });
        await insertContacts(tx, id, input.contacts ?? []);
        await deps.audit.record(tx, {
          accountId: id,
          actor: actorOf(principal),
          action: "account.created",
          entityType: "account",
          entityId: id,
          data: { name: input.name, parentId: parent.id },
        });
        await deps.events.emit(tx, [
          {
            accountId: id,
            type: "account.created",
            subjectId: id,
            data: { name: input.name, parentId: parent.id },
          },
        ]);
        const account = (await repo.findById(tx, id))!;
        return {
          ...presentAccount(account),
          contacts: (await repo.listContacts(tx, id)).map(presentContact),
        };
      });
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "accounts:read");
      const account = await requireVisible(principal, id);
      return {
        ...presentAccount(account),
        contacts: (await repo.listContacts(db, id)).map(presentContact),
      };
    },

    async list(principal: Principal, opts: { parentId?: string; cursor?: string; limit: number }) {
      requirePermission(principal, "accounts:read");
      if (opts.cursor && !isUuid(opts.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      if (opts.parentId) await requireVisible(principal, opts.parentId);
      const rows = await repo.listSubtree(db, principal.accountPath, {
        parentId: opts.parentId,
        after: opts.cursor,
        limit: opts.limit + 1,
      });
      const items = rows.slice(0, opts.limit).map(presentAccount);
      return { items, nextCursor: rows.length > opts.limit ? items[items.length - 1]!.id : null };
    },

    /** Customer accounts the principal may see whose name contains `text` (any case), at most `limit`. */
    async findByName(principal: Principal, text: string, limit: number) {
      requirePermission(principal, "accounts:read");
      const rows = await repo.customersNamed(db, principal.accountPath, text, limit);
      return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name }));
    },

    async update(principal: Principal, id: string, patch: AccountPatch) {
      requirePermission(principal, "accounts:write");
      // The account's language and time zone are in its users' principals: forgotten after the commit.
      const updated = await inTransaction(db, async (tx) => {
        const before = await requireVisible(principal, id, tx);
        for (const [i, contactId] of (patch.removeContacts ?? []).entries()) {
          const res = await repo.deleteContact(tx, id, contactId);
          if (Number(res.numDeletedRows) === 0)
            throw validationError(
              `removeContacts.${i}`,
              "CONTACT_NOT_FOUND",
              `Contact ${contactId} is not one of this account's contacts.`,
            );
        }
        await insertContacts(tx, id, patch.addContacts ?? []);
        await repo.updateAccount(tx, id, {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.legalName !== undefined && { legal_name: patch.legalName }),
          ...(patch.vatNumber !== undefined && { vat_number: patch.vatNumber }),
          ...(patch.currency !== undefined && { currency: patch.currency }),
          ...(patch.language !== undefined && { language: patch.language }),
          ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
          ...(patch.billingAddress !== undefined && {
            billing_address:
              patch.billingAddress === null ? null : JSON.stringify(patch.billingAddress),
          }),
          ...(patch.testReadyThen !== undefined && { test_ready_then: patch.testReadyThen }),
          updated_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: id,
          actor: actorOf(principal),
          action: "account.updated",
          entityType: "account",
          entityId: id,
          data: { before: presentAccount(before), patch },
        });
        const account = (await repo.findById(tx, id))!;
        return {
          ...presentAccount(account),
          contacts: (await repo.listContacts(tx, id)).map(presentContact),
        };
      });
      keyPrincipals.forgetAll();
      return updated;
    },

    /**
     * Moves an account, with its sub-accounts and the SIMs they hold, under another account of the
     * same customer: one statement re-paths the subtree (SIMs, sessions, cases and keys name their
     * account by id, so nothing else is rewritten), one audit record, one `account.moved` event.
     * Refusals (a top-level account, a parent below the account, another customer's) change nothing.
     */
    async move(principal: Principal, id: string, input: AccountMoveInput) {
      requirePermission(principal, "accounts:write");
      const result = await inTransaction(db, async (tx) => {
        const seen = await requireVisible(principal, id, tx);
        const customerId = customerOf(seen.path);
        if (!customerId || seen.id === customerId)
          throw validationError(
            "id",
            "ACCOUNT_MOVE_TOP_LEVEL",
            `Account ${id} is ${customerId ? "a customer's top account" : "the operator's account"}: only a sub-account moves, within its customer.`,
          );
        // Moves within a customer queue on the customer's account: each reads the tree the last left.
        await repo.lockById(tx, customerId, "update");
        const account = await requireVisible(principal, id, tx);
        const parent = await requireVisible(principal, input.parentId, tx);
        if (inSubtree(account.path, parent.path))
          throw validationError(
            "parentId",
            "ACCOUNT_MOVE_CYCLE",
            parent.id === account.id
              ? `An account cannot be moved under itself.`
              : `Account ${parent.id} is below account ${id}: an account cannot be moved under its own sub-account.`,
          );
        if (customerOf(parent.path) !== customerId)
          throw validationError(
            "parentId",
            "ACCOUNT_MOVE_OTHER_CUSTOMER",
            `Account ${parent.id} is not of the same customer as account ${id}: an account moves only within its customer.`,
          );
        const fromParentId = account.parent_id!;
        if (fromParentId === parent.id)
          return { account, fromParentId, moved: false, accounts: 0, sims: 0 };
        const to = `${parent.path}${account.id}/`;
        await repo.lockSubtree(tx, account.path);
        // Counted from the rewrite, not the lock: a child committed while the lock waited is not
        // in the lock's snapshot but is re-pathed (and moved) by the statement that follows.
        const rewritten = await repo.moveSubtree(tx, {
          accountId: account.id,
          parentId: parent.id,
          from: account.path,
          to,
          at: clock.now(),
        });
        const accounts = Number(rewritten.numUpdatedRows);
        const sims = await deps.simsWithin(tx, to);
        const data = { fromParentId, toParentId: parent.id, accounts, sims };
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "account.moved",
          entityType: "account",
          entityId: account.id,
          data,
        });
        await deps.events.emit(tx, [
          { accountId: account.id, type: "account.moved", subjectId: account.id, data },
        ]);
        const moved = (await repo.findById(tx, account.id))!;
        return { account: moved, fromParentId, moved: true, accounts, sims };
      });
      // The paths of the subtree are in its users' principals: forgotten after the commit (other
      // nodes within a second, as for a revoked key).
      if (result.moved) keyPrincipals.forgetAll();
      return { ...result, account: presentAccount(result.account) };
    },

    async addContact(principal: Principal, accountId: string, input: ContactInput) {
      requirePermission(principal, "accounts:write");
      return inTransaction(db, async (tx) => {
        await requireVisible(principal, accountId, tx);
        await insertContacts(tx, accountId, [input]);
        const contacts = await repo.listContacts(tx, accountId);
        return presentContact(contacts[contacts.length - 1]!);
      });
    },

    async listContacts(principal: Principal, accountId: string) {
      requirePermission(principal, "accounts:read");
      await requireVisible(principal, accountId);
      return (await repo.listContacts(db, accountId)).map(presentContact);
    },

    async deleteContact(principal: Principal, accountId: string, contactId: string) {
      requirePermission(principal, "accounts:write");
      await requireVisible(principal, accountId);
      const res = await repo.deleteContact(db, accountId, contactId);
      if (Number(res.numDeletedRows) === 0)
        throw notFound("CONTACT_NOT_FOUND", `Contact ${contactId} was not found.`);
    },

    async createUser(principal: Principal, input: UserInput) {
      requirePermission(principal, "users:write");
      return inTransaction(db, async (tx) => {
        const account = await requireVisible(principal, input.accountId, tx);
        if (isOperatorRole(input.role) !== (account.kind === "operator")) {
          throw validationError(
            "role",
            "ROLE_ACCOUNT_MISMATCH",
            account.kind === "operator"
              ? "Users of the operator account have an operator role."
              : "Users of a customer account have a customer role.",
          );
        }
        if (isOperatorRole(input.role) && principal.role !== "operator_admin")
          throw forbidden("Only an operator admin creates operator users.");
        if (await repo.findUserByEmail(tx, input.email))
          throw conflict("USER_EMAIL_TAKEN", `A user with e-mail ${input.email} already exists.`);
        const id = newId();
        await repo.insertUser(tx, {
          id,
          account_id: account.id,
          email: input.email,
          name: input.name,
          role: input.role,
          created_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "user.created",
          entityType: "user",
          entityId: id,
          data: { email: input.email, role: input.role },
        });
        return presentUser((await repo.findUserById(tx, id))!);
      });
    },

    async requireVisibleUser(principal: Principal, userId: string, ex: Executor = db) {
      const user = await repo.findUserById(ex, userId);
      if (!user || !inSubtree(principal.accountPath, user.account_path))
        throw notFound("USER_NOT_FOUND", `User ${userId} was not found.`);
      return user;
    },

    async getUser(principal: Principal, userId: string) {
      requirePermission(principal, "users:read");
      const user = await this.requireVisibleUser(principal, userId);
      return presentUser(user);
    },

    async listUsers(principal: Principal, accountId?: string) {
      requirePermission(principal, "users:read");
      if (accountId) await requireVisible(principal, accountId);
      return (await repo.listUsers(db, principal.accountPath, accountId)).map(presentUser);
    },

    /** Users manage their own keys; admins manage the keys of users in their subtree. */
    async createApiKey(principal: Principal, userId: string, name?: string) {
      if (userId !== principal.userId) requirePermission(principal, "users:write");
      return inTransaction(db, async (tx) => {
        const user = await this.requireVisibleUser(principal, userId, tx);
        if (user.disabled_at) throw conflict("USER_DISABLED", "The user is disabled.");
        const key = generateApiKey();
        const id = newId();
        await repo.insertApiKey(tx, {
          id,
          user_id: user.id,
          account_id: user.account_id,
          key_hash: hashApiKey(key),
          prefix: displayPrefix(key),
          name: name ?? null,
          created_at: clock.now(),
        });
        await deps.audit.record(tx, {
          accountId: user.account_id,
          actor: actorOf(principal),
          action: "api_key.created",
          entityType: "user",
          entityId: user.id,
          data: { apiKeyId: id, name: name ?? null },
        });
        return { id, key, prefix: displayPrefix(key) };
      });
    },

    async listApiKeys(principal: Principal, userId: string) {
      if (userId !== principal.userId) requirePermission(principal, "users:read");
      await this.requireVisibleUser(principal, userId);
      return (await repo.listApiKeys(db, userId)).map((k) => ({
        id: k.id,
        prefix: k.prefix,
        name: k.name,
        createdAt: k.created_at.toISOString(),
        revokedAt: k.revoked_at?.toISOString() ?? null,
        lastUsedAt: k.last_used_at?.toISOString() ?? null,
      }));
    },

    async revokeApiKey(principal: Principal, userId: string, keyId: string) {
      if (userId !== principal.userId) requirePermission(principal, "users:write");
      await inTransaction(db, async (tx) => {
        const user = await this.requireVisibleUser(principal, userId, tx);
        const res = await repo.revokeApiKey(tx, user.id, keyId, clock.now());
        if (Number(res.numUpdatedRows) === 0)
          throw notFound(
            "API_KEY_NOT_FOUND",
            `API key ${keyId} was not found or is already revoked.`,
          );
        await deps.audit.record(tx, {
          accountId: user.account_id,
          actor: actorOf(principal),
          action: "api_key.revoked",
          entityType: "user",
          entityId: user.id,
          data: { apiKeyId: keyId },
        });
      });
      // After the commit: this node refuses the key from the next request on.
      keyPrincipals.forgetAll();
    },

    /** Name and e-mail of an enabled user, for notices other modules send. */
    async userContact(
      ex: Executor,
      userId: string,
    ): Promise<{ name: string; email: string } | null> {
      return (await repo.enabledUserContact(ex, userId)) ?? null;
    },

    /**
     * Where notices for an account go: its contacts with an e-mail address, or, when it has none,
     * its enabled administrators.
     */
    async noticeAddresses(ex: Executor, accountId: string): Promise<string[]> {
      const contacts = await repo.contactEmails(ex, accountId);
      if (contacts.length > 0) return [...new Set(contacts.map((c) => c.email!))];
      const admins = await repo.adminEmails(ex, accountId);
      return [...new Set(admins.map((u) => u.email))];
    },

    /** Ancestors of an account from the root down, including itself. */
    ancestorIds(account: Pick<Account, "path">): string[] {
      return account.path.split("/").filter(Boolean);
    },

    /**
     * The directory other modules read people and accounts through (the desk's sender and caller
     * lookup, the names on a case, a customer's time zone): plain lookups without a principal — the
     * calling service has already decided what its principal may see.
     */
    directory: {
      async contactsByIds(ex: Executor, ids: readonly string[]) {
        if (ids.length === 0) return [];
        return repo.contactsByIds(ex, ids);
      },
      /** Contacts with this address (any case), oldest first; only the given account's when one is named. */
      async contactsByEmail(ex: Executor, email: string, accountId?: string) {
        return repo.contactsByEmail(ex, email, accountId);
      },
      /** Contacts in the subtree at `accountPath` whose phone number ends in `tail` (digits only), with their account's name. */
      async contactsByPhoneTail(ex: Executor, tail: string, accountPath: string, limit = 20) {
        return repo.contactsByPhoneTail(ex, tail, accountPath, limit);
      },
      /** The language to write to a user in (`en`, `it`, `sv`…): their own, else their account's. */
      async userLanguage(ex: Executor, userId: string): Promise<string> {
        return (await repo.userLanguage(ex, userId))?.language ?? "en";
      },
      /** The user signing in with this address (any case), enabled or not. */
      async userByEmail(ex: Executor, email: string) {
        return repo.findUserByEmail(ex, email);
      },
      async usersByIds(ex: Executor, ids: readonly string[]) {
        if (ids.length === 0) return [];
        return repo.usersByIds(ex, ids);
      },
      /** Users with this address: of one account, or of customer accounts only. */
      async usersByEmail(
        ex: Executor,
        email: string,
        scope: { accountId: string } | { customersOnly: true },
      ) {
        return repo.usersByEmail(ex, email, scope);
      },
      /**
       * Whether every one of these accounts exists, each locked against deletion until `tx` ends:
       * what a foreign key's check does for one referencing row, done once for many.
       */
      async keepAccounts(tx: Tx, ids: readonly string[]) {
        const unique = [...new Set(ids)];
        if (unique.length === 0) return true;
        return (await repo.lockKeys(tx, unique)).length === unique.length;
      },
      async accountsByIds(ex: Executor, ids: readonly string[]) {
        if (ids.length === 0) return [];
        return repo.accountsByIds(ex, ids);
      },
      /** The direct children of an account (its sub-accounts one level down), by id. */
      async children(ex: Executor, parent: Pick<Account, "id" | "path">): Promise<Account[]> {
        const out: Account[] = [];
        for (;;) {
          const page = await repo.listSubtree(ex, parent.path, {
            parentId: parent.id,
            after: out.at(-1)?.id,
            limit: 500,
          });
          out.push(...page);
          if (page.length < 500) return out;
        }
      },
      /** The children of an account with this name (any case), oldest first. */
      async childrenNamed(ex: Executor, parentId: string, name: string) {
        return repo.childrenNamed(ex, parentId, name);
      },
      /** Ids and names of the given accounts, ordered by name. */
      async accountsByName(ex: Executor, ids: readonly string[]) {
        if (ids.length === 0) return [];
        return repo.accountsByName(ex, ids);
      },
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
