import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../support/engine.js";
import { buildAccount, buildCustomer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * A sub-account created while its parent moves ends below the parent's new place, whichever starts
 * first: creating reads the parent FOR SHARE, so it either waits for the move and reads the new path,
 * or the move waits for it and its one re-pathing statement sees the new child. The two transactions
 * are interleaved deterministically: a third connection holds the audit log locked, so each stops
 * just before its audit record, with its account locks held, until the test lets it go.
 * PostgreSQL only: PGlite runs one transaction at a time.
 */
describe.skipIf(TEST_ENGINE !== "postgres")("creating under an account that moves", () => {
  let t: TestOtter;
  let blocker: pg.Client;
  let watcher: pg.Client;
  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    watcher = new pg.Client({ connectionString: t.databaseUrl });
    await watcher.connect();
  });
  afterAll(async () => {
    await watcher?.end();
    await t?.close();
  });

  /** Holds the audit log so that any transaction about to write its audit record waits there. */
  async function holdAuditLog() {
    blocker = new pg.Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE audit_log IN EXCLUSIVE MODE");
    return async () => {
      await blocker.query("ROLLBACK");
      await blocker.end();
    };
  }

  /** Waits until a statement like `pattern` is waiting for a lock. */
  async function waitingAt(pattern: string) {
    for (const deadline = Date.now() + 10_000; ;) {
      const res = await watcher.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
        [pattern],
      );
      if (res.rowCount) return;
      if (Date.now() > deadline) throw new Error(`nothing waits at ${pattern}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** A customer with regions North and South and a site below North. */
  async function tree() {
    const customer = await buildCustomer(t);
    const north = await buildAccount(t, { name: "North", parentId: customer.account.id });
    const south = await buildAccount(t, { name: "South", parentId: customer.account.id });
    const site = await buildAccount(t, { name: "Lake site", parentId: north.id });
    return { customer, north, south, site };
  }
  const move = (id: string, parentId: string) =>
    t.api("POST", `/api/v1/accounts/${id}/move`, { body: { parentId } });
  const create = (name: string, parentId: string) =>
    t.api("POST", "/api/v1/accounts", { body: { name, parentId } });
  /** The account's ancestors by name, from its own rows' paths: what every scope check reads. */
  async function pathNames(id: string) {
    const res = await watcher.query<{ path: string }>("SELECT path FROM accounts WHERE id = $1", [
      id,
    ]);
    const ids = res.rows[0]!.path.split("/").filter(Boolean);
    const names = await watcher.query<{ id: string; name: string }>(
      "SELECT id, name FROM accounts WHERE id = ANY($1)",
      [ids],
    );
    const nameOf = new Map(names.rows.map((r) => [r.id, r.name]));
    return ids.slice(2).map((x) => nameOf.get(x));
  }

  it("the move first: the new child waits for it and is created at the new place", async () => {
    const w = await tree();
    const release = await holdAuditLog();
    const moving = move(w.site.id, w.south.id);
    await waitingAt('insert into "audit_log"%'); // the site is re-pathed, not yet committed
    const creating = create("Pump 7", w.site.id);
    await waitingAt("%for share%"); // the new child waits for its parent
    await release();
    const [moved, created] = await Promise.all([moving, creating]);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ moved: true, accounts: 1 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await pathNames(created.body.id)).toEqual(["South", "Lake site", "Pump 7"]);
    // The people of the new parent see it; the old parent's no longer.
    const below = await t.api("GET", `/api/v1/accounts?parentId=${w.site.id}`);
    expect(below.body.items.map((a: { name: string }) => a.name)).toEqual(["Pump 7"]);
  });

  it("the child first: the move waits for it, and re-paths it with the rest", async () => {
    const w = await tree();
    const release = await holdAuditLog();
    const creating = create("Pump 8", w.site.id);
    await waitingAt('insert into "audit_log"%'); // the child is written below the site, not committed
    const moving = move(w.site.id, w.south.id);
    await waitingAt("%for update%"); // the move waits for the child's share lock on the site
    await release();
    const [created, moved] = await Promise.all([creating, moving]);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await pathNames(created.body.id)).toEqual(["South", "Lake site", "Pump 8"]);
    // What the move says it moved counts the child it re-pathed.
    expect(moved.body).toMatchObject({ moved: true, accounts: 2 });
  });
});
