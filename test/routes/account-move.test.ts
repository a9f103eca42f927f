import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer, buildSim, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * Moving a sub-account under another parent of the same customer: its subtree and SIMs go with it,
 * the people above see what is below them now, and every refusal changes nothing.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

/** A customer with regions North and South, a site below North, and a SIM at the site. */
async function tree() {
  const customer = await buildCustomer(t);
  const north = await buildAccount(t, { name: "North", parentId: customer.account.id });
  const south = await buildAccount(t, { name: "South", parentId: customer.account.id });
  const site = await buildAccount(t, { name: "Lake site", parentId: north.id });
  const sim = await buildSim(t, { accountId: site.id });
  const northUser = await buildUser(t, north.id, "customer_user");
  const southUser = await buildUser(t, south.id, "customer_user");
  const siteUser = await buildUser(t, site.id, "customer_user");
  return { customer, north, south, site, sim, northUser, southUser, siteUser };
}

const parentOf = async (id: string) => (await t.api("GET", `/api/v1/accounts/${id}`)).body.parentId;
const sees = async (key: string, iccid: string) =>
  (await t.api("GET", `/api/v1/sims/${iccid}`, { key })).status === 200;
const move = (id: string, body: unknown, key?: string) =>
  t.api("POST", `/api/v1/accounts/${id}/move`, { body, key });

describe("moving an account", () => {
  it("moves the subtree and its SIMs: the new parent's people see them, the old parent's no longer", async () => {
    const w = await tree();
    // Read once before the move: the keys' holders are remembered, and must not outlive it.
    expect(await sees(w.northUser.key, w.sim.iccid)).toBe(true);
    expect(await sees(w.southUser.key, w.sim.iccid)).toBe(false);
    expect(await sees(w.siteUser.key, w.sim.iccid)).toBe(true);

    const res = await move(w.site.id, { parentId: w.south.id }, w.customer.adminKey);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      account: { id: w.site.id, parentId: w.south.id },
      fromParentId: w.north.id,
      moved: true,
      accounts: 1,
      sims: 1,
    });

    expect(await parentOf(w.site.id)).toBe(w.south.id);
    expect(await sees(w.siteUser.key, w.sim.iccid)).toBe(true);
    expect(await sees(w.southUser.key, w.sim.iccid)).toBe(true);
    expect(await sees(w.northUser.key, w.sim.iccid)).toBe(false);
    const southList = await t.api("GET", `/api/v1/accounts?parentId=${w.south.id}`, {
      key: w.southUser.key,
    });
    expect(southList.body.items.map((a: { id: string }) => a.id)).toEqual([w.site.id]);

    // One audit record, one event.
    const audit = await t.api(
      "GET",
      `/api/v1/audit-log?accountId=${w.site.id}&action=account.moved`,
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      entityId: w.site.id,
      data: { fromParentId: w.north.id, toParentId: w.south.id, accounts: 1, sims: 1 },
    });
    expect(audit.body.items[0].actor.userId).toBe(w.customer.admin.id);
    const events = await t.otter.database.db
      .selectFrom("domain_events")
      .select(["data"])
      .where("type", "=", "account.moved")
      .where("subject_id", "=", w.site.id)
      .execute();
    expect(events.map((e) => e.data)).toEqual([
      { fromParentId: w.north.id, toParentId: w.south.id, accounts: 1, sims: 1 },
    ]);

    // Again: nothing changes.
    const again = await move(w.site.id, { parentId: w.south.id }, w.customer.adminKey);
    expect(again.body).toMatchObject({ moved: false, accounts: 0, sims: 0 });
  });

  it("moves a region with its sites: every path below is rewritten", async () => {
    const w = await tree();
    const east = await buildAccount(t, { name: "East", parentId: w.customer.account.id });
    // North (with Lake site and its SIM) under East: two accounts, one SIM.
    const res = await move(w.north.id, { parentId: east.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ accounts: 2, sims: 1 });
    const eastUser = await buildUser(t, east.id, "customer_user");
    expect(await sees(eastUser.key, w.sim.iccid)).toBe(true);
    expect(await sees(w.northUser.key, w.sim.iccid)).toBe(true);
    expect(await parentOf(w.site.id)).toBe(w.north.id);
    // Lake site is now below East: moving East under it is a cycle.
    const cycle = await move(east.id, { parentId: w.site.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.code).toBe("ACCOUNT_MOVE_CYCLE");
  });

  it("makes no cycle of two moves at once that would each be fine alone", async () => {
    const w = await tree();
    const [a, b] = await Promise.all([
      move(w.north.id, { parentId: w.south.id }),
      move(w.south.id, { parentId: w.north.id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect([a, b].find((r) => r.status === 400)!.body.error.code).toBe("ACCOUNT_MOVE_CYCLE");
    const parents = [await parentOf(w.north.id), await parentOf(w.south.id)];
    expect(parents).toContain(w.customer.account.id);
    // Whichever won, the SIM is still seen from the top and from the account above the other.
    expect(await sees(w.customer.userKey, w.sim.iccid)).toBe(true);
    const top = parents[0] === w.customer.account.id ? w.northUser : w.southUser;
    expect(await sees(top.key, w.sim.iccid)).toBe(true);
  });

  it("refuses a cycle, another customer, a top-level account and bad input, changing nothing", async () => {
    const w = await tree();
    const other = await buildCustomer(t);
    const cases: [string, unknown, number, string, string | undefined][] = [
      [w.north.id, { parentId: w.site.id }, 400, "ACCOUNT_MOVE_CYCLE", "parentId"],
      [w.north.id, { parentId: w.north.id }, 400, "ACCOUNT_MOVE_CYCLE", "parentId"],
      [w.north.id, { parentId: other.account.id }, 400, "ACCOUNT_MOVE_OTHER_CUSTOMER", "parentId"],
      [w.north.id, { parentId: t.rootAccountId }, 400, "ACCOUNT_MOVE_OTHER_CUSTOMER", "parentId"],
      [w.customer.account.id, { parentId: other.account.id }, 400, "ACCOUNT_MOVE_TOP_LEVEL", "id"],
      [w.north.id, { parentId: "south" }, 400, "VALIDATION_FAILED", "parentId"],
      [w.north.id, {}, 400, "VALIDATION_FAILED", "parentId"],
    ];
    for (const [id, body, status, code, field] of cases) {
      const res = await move(id, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await parentOf(w.north.id)).toBe(w.customer.account.id);
    expect(await parentOf(w.site.id)).toBe(w.north.id);
    expect(await sees(w.northUser.key, w.sim.iccid)).toBe(true);
    const audit = await t.api(
      "GET",
      `/api/v1/audit-log?accountId=${w.customer.account.id}&action=account.moved`,
    );
    expect(audit.body.items).toEqual([]);
  });

  it("answers 404 for another tenant's account or parent, and 403 to a user who may not write", async () => {
    const w = await tree();
    const b = await tree();
    // Another customer's account, as the account or as the parent: not found, as if it did not exist.
    const theirs = await move(b.site.id, { parentId: w.south.id }, w.customer.adminKey);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("ACCOUNT_NOT_FOUND");
    const intoTheirs = await move(w.site.id, { parentId: b.south.id }, w.customer.adminKey);
    expect(intoTheirs.status).toBe(404);
    expect(intoTheirs.body.error.code).toBe("ACCOUNT_NOT_FOUND");
    expect(JSON.stringify(intoTheirs.body)).not.toContain(b.customer.account.id);
    // A sub-account's admin may not reach above its own account.
    const northAdmin = await buildUser(t, w.north.id, "customer_admin");
    const above = await move(w.site.id, { parentId: w.south.id }, northAdmin.key);
    expect(above.status).toBe(404);
    const plain = await move(w.site.id, { parentId: w.south.id }, w.customer.userKey);
    expect(plain.status).toBe(403);
    expect(await parentOf(w.site.id)).toBe(w.north.id);
    expect(await parentOf(b.site.id)).toBe(b.north.id);
  });
});
