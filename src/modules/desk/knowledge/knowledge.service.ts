import { type Db, type Executor, inTransaction } from "../../../db/database.js";
import type { Case } from "../../../db/schema.js";
import type { Clock } from "../../../lib/clock.js";
import { conflict, notFound } from "../../../lib/errors.js";
import { isUuid, newId } from "../../../lib/ids.js";
import type { AccountsService } from "../../accounts/accounts.service.js";
import type { AuditService } from "../../audit/audit.service.js";
import { requirePermission } from "../../auth/permissions.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import type { SimsService } from "../../sims/sims.service.js";
import { casesRepo } from "../cases.repo.js";
import { knowledgeRepo } from "./knowledge.repo.js";
import { checkPlaceholders, type PlaceholderName, renderPlaceholders } from "./placeholders.js";

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<AccountsService, "rootAccount" | "directory">;
  audit: Pick<AuditService, "record">;
  sims: Pick<SimsService, "findById">;
  /** The case, if the principal may see it (the cases service's check). */
  requireVisibleCase: (principal: Principal, id: string) => Promise<Case>;
}

export const knowledgeErrors = {
  macroNotFound: (id: string) => notFound("MACRO_NOT_FOUND", `Saved reply ${id} was not found.`),
  macroNameTaken: (name: string) =>
    conflict("MACRO_NAME_TAKEN", `A saved reply named "${name}" already exists.`),
  articleNotFound: (id: string) =>
    notFound("ARTICLE_NOT_FOUND", `Knowledge base article ${id} was not found.`),
};

const normTags = (tags?: string[]) => [
  ...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean)),
];

type MacroRow = {
  id: string;
  name: string;
  body: string;
  tags: string[];
  created_at: Date;
  updated_at: Date;
};
type ArticleRow = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  created_at: Date;
  updated_at: Date;
};

const presentMacro = (r: MacroRow) => ({
  id: r.id,
  name: r.name,
  body: r.body,
  tags: r.tags,
  placeholders: checkPlaceholders("body", r.body),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});
const presentArticle = (r: ArticleRow) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  tags: r.tags,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "23505";

/**
 * Saved replies (macros) and the knowledge base: operator-level, for the operator's agents only
 * (customer keys get 403: the answers are the team's working material, not a public FAQ).
 * Every change is audited under the operator's account.
 */
export function createKnowledgeService(deps: Deps) {
  const { db, clock } = deps;

  async function requireMacro(operatorId: string, id: string, ex: Executor = db) {
    if (!isUuid(id)) throw knowledgeErrors.macroNotFound(id);
    const r = await knowledgeRepo.findMacro(ex, operatorId, id);
    if (!r) throw knowledgeErrors.macroNotFound(id);
    return r;
  }
  async function requireArticle(operatorId: string, id: string, ex: Executor = db) {
    if (!isUuid(id)) throw knowledgeErrors.articleNotFound(id);
    const r = await knowledgeRepo.findArticle(ex, operatorId, id);
    if (!r) throw knowledgeErrors.articleNotFound(id);
    return r;
  }

  return {
    async listMacros(principal: Principal, q: { q?: string; tag?: string }) {
      requirePermission(principal, "cases:work");
      const op = await deps.accounts.rootAccount();
      const rows = await knowledgeRepo.macros(db, op.id, q);
      return { items: rows.map(presentMacro) };
    },

    async getMacro(principal: Principal, id: string) {
      requirePermission(principal, "cases:work");
      return presentMacro(await requireMacro((await deps.accounts.rootAccount()).id, id));
    },

    async createMacro(
      principal: Principal,
      input: { name: string; body: string; tags?: string[] },
    ) {
      requirePermission(principal, "cases:work");
      checkPlaceholders("body", input.body);
      try {
        return await inTransaction(db, async (tx) => {
          const op = await deps.accounts.rootAccount(tx);
          const now = clock.now();
          const row = {
            id: newId(),
            operator_id: op.id,
            name: input.name.trim(),
            body: input.body,
            tags: normTags(input.tags),
            created_by_user_id: principal.userId,
            created_at: now,
            updated_at: now,
          };
          await knowledgeRepo.insertMacro(tx, row);
          await deps.audit.record(tx, {
            accountId: op.id,
            actor: actorOf(principal),
            action: "desk.macro.create",
            entityType: "desk_macro",
            entityId: row.id,
            data: { name: row.name },
          });
          return presentMacro(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw knowledgeErrors.macroNameTaken(input.name);
        throw err;
      }
    },

    async updateMacro(
      principal: Principal,
      id: string,
      patch: { name?: string; body?: string; tags?: string[] },
    ) {
      requirePermission(principal, "cases:work");
      if (patch.body !== undefined) checkPlaceholders("body", patch.body);
      try {
        return await inTransaction(db, async (tx) => {
          const op = await deps.accounts.rootAccount(tx);
          const before = await requireMacro(op.id, id, tx);
          const set = {
            ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
            ...(patch.body !== undefined ? { body: patch.body } : {}),
            ...(patch.tags !== undefined ? { tags: normTags(patch.tags) } : {}),
            updated_at: clock.now(),
          };
          await knowledgeRepo.updateMacro(tx, before.id, set);
          await deps.audit.record(tx, {
            accountId: op.id,
            actor: actorOf(principal),
            action: "desk.macro.update",
            entityType: "desk_macro",
            entityId: id,
            data: {
              before: { name: before.name, body: before.body, tags: before.tags },
              changed: Object.keys(patch),
            },
          });
          return presentMacro({ ...before, ...set });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw knowledgeErrors.macroNameTaken(patch.name ?? "");
        throw err;
      }
    },

    async deleteMacro(principal: Principal, id: string) {
      requirePermission(principal, "cases:work");
      await inTransaction(db, async (tx) => {
        const op = await deps.accounts.rootAccount(tx);
        const before = await requireMacro(op.id, id, tx);
        await knowledgeRepo.deleteMacro(tx, id);
        await deps.audit.record(tx, {
          accountId: op.id,
          actor: actorOf(principal),
          action: "desk.macro.delete",
          entityType: "desk_macro",
          entityId: id,
          data: { name: before.name, body: before.body },
        });
      });
    },

    /** A saved reply filled in for one case: text the agent edits and sends as a reply. Changes nothing. */
    async renderMacro(principal: Principal, caseId: string, macroId: string) {
      requirePermission(principal, "cases:work");
      const c = await deps.requireVisibleCase(principal, caseId);
      const macro = await requireMacro(c.operator_id, macroId);
      const { directory } = deps.accounts;
      const [contact] = c.contact_ids.length
        ? await directory.contactsByIds(db, [c.contact_ids[0]!])
        : [];
      const name = (contact?.name ?? c.requester_name ?? "").trim();
      const [first, ...rest] = name ? name.split(/\s+/) : [];
      const [account] = c.account_id ? await directory.accountsByIds(db, [c.account_id]) : [];
      const link = await casesRepo.firstSimLink(db, c.id);
      const sim = link?.sim_id ? await deps.sims.findById(db, link.sim_id) : undefined;
      const [agent] = await directory.usersByIds(db, [principal.userId]);
      const values: Partial<Record<PlaceholderName, string | null | undefined>> = {
        "contact.firstName": first,
        "contact.lastName": rest.join(" "),
        "contact.name": name,
        "contact.email": contact?.email ?? c.requester_email,
        "case.number": String(c.number),
        "case.tag": `[Case #${c.number}]`,
        "case.subject": c.subject,
        "case.state": c.state,
        "case.priority": c.priority,
        "account.name": account?.name,
        "sim.iccid": sim?.iccid,
        "sim.msisdn": sim?.msisdn,
        "sim.state": sim?.state,
        "agent.name": agent?.name ?? principal.name,
        "agent.email": agent?.email,
      };
      const r = renderPlaceholders(macro.body, values);
      return { macroId: macro.id, caseId: c.id, body: r.text, missing: r.missing };
    },

    /**
     * Articles matching `q` in PostgreSQL full text ('simple' configuration: no stemming, so Italian,
     * Swedish and English words all match as written) or, for fragments of a word, in the title;
     * best matches first.
     */
    async listArticles(principal: Principal, q: { q?: string; tag?: string; limit: number }) {
      requirePermission(principal, "cases:work");
      const op = await deps.accounts.rootAccount();
      const rows = await knowledgeRepo.articles(db, op.id, q);
      return { items: rows.map(presentArticle) };
    },

    async getArticle(principal: Principal, id: string) {
      requirePermission(principal, "cases:work");
      return presentArticle(await requireArticle((await deps.accounts.rootAccount()).id, id));
    },

    async createArticle(
      principal: Principal,
      input: { title: string; body: string; tags?: string[] },
    ) {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        const op = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const row = {
          id: newId(),
          operator_id: op.id,
          title: input.title.trim(),
          body: input.body,
          tags: normTags(input.tags),
          created_by_user_id: principal.userId,
          created_at: now,
          updated_at: now,
        };
        await knowledgeRepo.insertArticle(tx, row);
        await deps.audit.record(tx, {
          accountId: op.id,
          actor: actorOf(principal),
          action: "desk.article.create",
          entityType: "desk_article",
          entityId: row.id,
          data: { title: row.title },
        });
        return presentArticle(row);
      });
    },

    async updateArticle(
      principal: Principal,
      id: string,
      patch: { title?: string; body?: string; tags?: string[] },
    ) {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        const op = await deps.accounts.rootAccount(tx);
        const before = await requireArticle(op.id, id, tx);
        const set = {
          ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
          ...(patch.body !== undefined ? { body: patch.body } : {}),
          ...(patch.tags !== undefined ? { tags: normTags(patch.tags) } : {}),
          updated_at: clock.now(),
        };
        await knowledgeRepo.updateArticle(tx, id, set);
        await deps.audit.record(tx, {
          accountId: op.id,
          actor: actorOf(principal),
          action: "desk.article.update",
          entityType: "desk_article",
          entityId: id,
          data: {
            before: { title: before.title, body: before.body, tags: before.tags },
            changed: Object.keys(patch),
          },
        });
        return presentArticle({ ...before, ...set });
      });
    },

    async deleteArticle(principal: Principal, id: string) {
      requirePermission(principal, "cases:work");
      await inTransaction(db, async (tx) => {
        const op = await deps.accounts.rootAccount(tx);
        const before = await requireArticle(op.id, id, tx);
        await knowledgeRepo.deleteArticle(tx, id);
        await deps.audit.record(tx, {
          accountId: op.id,
          actor: actorOf(principal),
          action: "desk.article.delete",
          entityType: "desk_article",
          entityId: id,
          data: { title: before.title, body: before.body },
        });
      });
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
