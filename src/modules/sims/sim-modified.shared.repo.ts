import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { type SimFilter, simsMatching } from "./sim-lookup.shared.repo.js";

/** Where a page in modification order starts: after this SIM (its `updated_at` as text, exact to the microsecond). */
export interface ModifiedKey {
  updatedAt: string;
  id: string;
}

/**
 * SIMs in the order they were last modified, for exports that walk the whole fleet page by page
 * (the Control-Center-compatible devices search): a page after a key reads the index
 * `sims_updated_idx (updated_at, id)` from that key on, so page 20,000 costs what page 1 does.
 */
export const simModifiedRepo = {
  /**
   * Up to `limit` SIMs of the subtree at `scopePath` (null: all) that match `filter`, modified in
   * `[filter.modifiedSince, modifiedTill]`, in (updated_at, id) order: after `page.after` when
   * given, then skipping `page.offset` rows (what is left to skip from the nearest known place).
   */
  page: (
    db: Executor,
    scopePath: string | null,
    filter: SimFilter & { modifiedTill?: Date },
    page: { after?: ModifiedKey; offset?: number; limit: number },
  ) => {
    let q = db
      .selectFrom(simsMatching(scopePath, filter).as("s"))
      .select([
        "s.id",
        "s.iccid",
        "s.state",
        "s.communication_plan_id",
        "s.rate_plan_id",
        sql<string>`s.updated_at::text`.as("updated_key"),
      ]);
    if (filter.modifiedTill) q = q.where("s.updated_at", "<=", filter.modifiedTill);
    if (page.after)
      q = q.where(
        sql`(s.updated_at, s.id)`,
        ">",
        sql`(${page.after.updatedAt}::timestamptz, ${page.after.id}::uuid)`,
      );
    q = q.orderBy("s.updated_at").orderBy("s.id").limit(page.limit);
    if (page.offset) q = q.offset(page.offset);
    return q.execute();
  },

  /**
   * Where pages start, far into a search: the keys of the SIMs at every `stride`-th place after
   * `from.after` (from the start when absent), at most `count` of them, read in one statement (one
   * snapshot) that hops `stride` index entries at a time. Fewer than `count` when the search ends.
   * A page at any depth then reads from the nearest key on, skipping fewer than `stride` rows.
   */
  anchors: async (
    db: Executor,
    scopePath: string | null,
    filter: SimFilter & { modifiedTill?: Date },
    from: { after?: ModifiedKey; stride: number; count: number },
  ): Promise<ModifiedKey[]> => {
    const hop = (after: RawBuilder<unknown> | null) => {
      let q = db
        .selectFrom(simsMatching(scopePath, filter).as("s"))
        .select(["s.updated_at", "s.id"]);
      if (filter.modifiedTill) q = q.where("s.updated_at", "<=", filter.modifiedTill);
      if (after) q = q.where(sql`(s.updated_at, s.id)`, ">", after);
      return q
        .orderBy("s.updated_at")
        .orderBy("s.id")
        .offset(from.stride - 1)
        .limit(1);
    };
    const first = hop(
      from.after ? sql`(${from.after.updatedAt}::timestamptz, ${from.after.id}::uuid)` : null,
    );
    const next = hop(sql`(a.updated_at, a.id)`);
    const { rows } = await sql<{ updated_key: string; id: string }>`
      WITH RECURSIVE a (updated_at, id, n) AS (
        SELECT f.updated_at, f.id, 1 FROM (${first}) f
        UNION ALL
        SELECT x.updated_at, x.id, a.n + 1 FROM a CROSS JOIN LATERAL (${next}) x
        WHERE a.n < ${from.count}
      )
      SELECT a.updated_at::text AS updated_key, a.id FROM a ORDER BY a.n`.execute(db);
    return rows.map((r) => ({ updatedAt: r.updated_key, id: r.id }));
  },
};

const SCOPE = "/0190a8a0-0000-7000-8000-000000000001/";
const SIM = "0190a8a0-0000-7000-8000-000000000004";

export const simModifiedRepoSql: SqlExamples<typeof simModifiedRepo> = {
  page: [
    [null, { modifiedSince: new Date("2026-01-01T00:00:00Z") }, { limit: 51 }],
    [
      SCOPE,
      {
        modifiedSince: new Date("2026-01-01T00:00:00Z"),
        modifiedTill: new Date("2026-12-01T00:00:00Z"),
        state: "ACTIVATED",
      },
      { after: { updatedAt: "2026-03-01 09:00:00.123456+00", id: SIM }, limit: 51 },
    ],
    [SCOPE, { modifiedSince: new Date("2026-01-01T00:00:00Z") }, { offset: 950, limit: 51 }],
  ],
  anchors: [
    [null, { modifiedSince: new Date("2026-01-01T00:00:00Z") }, { stride: 500, count: 40 }],
    [
      SCOPE,
      { modifiedSince: new Date("2026-01-01T00:00:00Z"), state: "ACTIVATED" },
      { after: { updatedAt: "2026-03-01 09:00:00.123456+00", id: SIM }, stride: 500, count: 40 },
    ],
  ],
};
