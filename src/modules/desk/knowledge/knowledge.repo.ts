import type { Insertable, Updateable } from "kysely";
import { sql } from "kysely";
import type { Executor } from "../../../db/database.js";
import type { SqlExamples } from "../../../db/sql-examples.js";
import type { DeskArticlesTable, DeskMacrosTable } from "../../../db/schema.js";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
const ARTICLE_COLUMNS = ["id", "title", "body", "tags", "created_at", "updated_at"] as const;

/** Queries over saved replies (`desk_macros`) and knowledge base articles (`desk_articles`). */
export const knowledgeRepo = {
  /** An operator's saved replies by name, matching `q` in name or body and carrying `tag` (lower case). */
  macros: (db: Executor, operatorId: string, q: { q?: string; tag?: string }) => {
    let query = db.selectFrom("desk_macros").selectAll().where("operator_id", "=", operatorId);
    if (q.q)
      query = query.where((eb) =>
        eb.or([
          eb("name", "ilike", `%${likeEscape(q.q!)}%`),
          eb("body", "ilike", `%${likeEscape(q.q!)}%`),
        ]),
      );
    if (q.tag) query = query.where(sql<boolean>`tags @> ARRAY[${q.tag.toLowerCase()}]::text[]`);
    return query.orderBy("name").limit(500).execute();
  },

  findMacro: (db: Executor, operatorId: string, id: string) =>
    db
      .selectFrom("desk_macros")
      .selectAll()
      .where("id", "=", id)
      .where("operator_id", "=", operatorId)
      .executeTakeFirst(),

  insertMacro: (tx: Executor, row: Insertable<DeskMacrosTable>) =>
    tx.insertInto("desk_macros").values(row).execute(),

  updateMacro: (tx: Executor, id: string, set: Updateable<DeskMacrosTable>) =>
    tx.updateTable("desk_macros").set(set).where("id", "=", id).execute(),

  deleteMacro: (tx: Executor, id: string) =>
    tx.deleteFrom("desk_macros").where("id", "=", id).execute(),

  /**
   * An operator's articles matching `q` in full text ('simple' configuration) or in the title, best
   * matches first, then the most recently updated.
   */
  articles: (db: Executor, operatorId: string, q: { q?: string; tag?: string; limit: number }) => {
    let query = db
      .selectFrom("desk_articles")
      .select(ARTICLE_COLUMNS)
      .where("operator_id", "=", operatorId);
    if (q.tag) query = query.where(sql<boolean>`tags @> ARRAY[${q.tag.toLowerCase()}]::text[]`);
    if (q.q && q.q.trim()) {
      const term = q.q.trim();
      query = query
        .where((eb) =>
          eb.or([
            eb(sql`search`, "@@", sql`websearch_to_tsquery('simple', ${term})`),
            eb("title", "ilike", `%${likeEscape(term)}%`),
          ]),
        )
        .orderBy(sql`ts_rank(search, websearch_to_tsquery('simple', ${term}))`, "desc");
    }
    return query.orderBy("updated_at", "desc").orderBy("id").limit(q.limit).execute();
  },

  findArticle: (db: Executor, operatorId: string, id: string) =>
    db
      .selectFrom("desk_articles")
      .select(ARTICLE_COLUMNS)
      .where("id", "=", id)
      .where("operator_id", "=", operatorId)
      .executeTakeFirst(),

  insertArticle: (tx: Executor, row: Insertable<DeskArticlesTable>) =>
    tx.insertInto("desk_articles").values(row).execute(),

  updateArticle: (tx: Executor, id: string, set: Updateable<DeskArticlesTable>) =>
    tx.updateTable("desk_articles").set(set).where("id", "=", id).execute(),

  deleteArticle: (tx: Executor, id: string) =>
    tx.deleteFrom("desk_articles").where("id", "=", id).execute(),
};

const OPERATOR = "0190a8a0-0000-7000-8000-000000000001";
const ID = "0190a8a0-0000-7000-8000-000000000002";
const AT = new Date("2026-12-01T00:00:00Z");

export const knowledgeRepoSql: SqlExamples<typeof knowledgeRepo> = {
  macros: [
    [OPERATOR, {}],
    [OPERATOR, { q: "apn", tag: "roaming" }],
  ],
  findMacro: [[OPERATOR, ID]],
  insertMacro: [
    [
      {
        id: ID,
        operator_id: OPERATOR,
        name: "APN settings",
        body: "Hello {{contact.firstName}},",
        tags: ["apn"],
        created_by_user_id: null,
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  updateMacro: [[ID, { body: "Hello {{contact.name}},", updated_at: AT }]],
  deleteMacro: [[ID]],
  articles: [
    [OPERATOR, { limit: 20 }],
    [OPERATOR, { q: "roaming apn", tag: "apn", limit: 20 }],
  ],
  findArticle: [[OPERATOR, ID]],
  insertArticle: [
    [
      {
        id: ID,
        operator_id: OPERATOR,
        title: "Setting the APN",
        body: "Open the modem's settings.",
        tags: ["apn"],
        created_by_user_id: null,
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  updateArticle: [[ID, { title: "Setting the APN on a router", updated_at: AT }]],
  deleteArticle: [[ID]],
};
