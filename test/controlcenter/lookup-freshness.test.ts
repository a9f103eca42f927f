import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOtter, type Otter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { openDatabase } from "../../src/db/database.js";
import { KEY_PRINCIPAL_TTL_MS } from "../../src/modules/accounts/key-principals.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { TEST_ENGINE } from "../support/engine.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { testResolver } from "../support/resolver.js";
import { cc } from "./cc-client.js";

/**
 * A device lookup (`GET /rws/api/v1/devices/{iccid}`, `GET /api/v1/sims/{iccid}`) is one indexed
 * read: the API key's holder comes from this node's memory for a second, the holding account's name
 * and the plans from the SIM's own statement. Whatever a user changes must still show on the very
 * next request: a revoked key, a renamed account, a renamed plan.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

async function customerWithSim() {
  const c = await buildCustomer(t);
  const cat = await buildCatalog(t);
  await offer(t, cat, c.account.id);
  const sim = await buildSim(t, {
    accountId: c.account.id,
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  const as = { username: c.admin.email, apiKey: c.adminKey };
  return { c, cat, sim, as };
}

describe("a device lookup after a change", () => {
  it("refuses a key revoked through this node on the next request, on /rws and /api/v1", async () => {
    const { c, sim, as } = await customerWithSim();
    // Both routes have just checked the key: this node remembers its holder.
    expect((await cc(t, "GET", `/devices/${sim.iccid}`, { as })).status).toBe(200);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: c.adminKey })).status).toBe(200);

    const keys = await t.api("GET", `/api/v1/users/${c.admin.id}/api-keys`);
    const revoked = await t.api(
      "DELETE",
      `/api/v1/users/${c.admin.id}/api-keys/${keys.body.items[0].id}`,
    );
    expect(revoked.status).toBe(204);

    const rws = await cc(t, "GET", `/devices/${sim.iccid}`, { as });
    expect(rws.status).toBe(401);
    expect(rws.body.errorCode).toBe("10000001");
    const native = await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: c.adminKey });
    expect(native.status).toBe(401);
    expect(native.body.error.code).toBe("INVALID_API_KEY");
  });

  it("still refuses the right key with another user's e-mail once the key is remembered", async () => {
    const { c, sim, as } = await customerWithSim();
    expect((await cc(t, "GET", `/devices/${sim.iccid}`, { as })).status).toBe(200);
    const other = await cc(t, "GET", `/devices/${sim.iccid}`, {
      as: { username: c.user.email, apiKey: c.adminKey },
    });
    expect(other.status).toBe(401);
  });

  it("names the holding account as it is now, after a rename", async () => {
    const { c, sim, as } = await customerWithSim();
    const before = await cc(t, "GET", `/devices/${sim.iccid}`, { as });
    expect(before.body.accountName).toBe(c.account.name);
    const renamed = `${c.account.name} (renamed)`;
    expect(
      (await t.api("PATCH", `/api/v1/accounts/${c.account.id}`, { body: { name: renamed } }))
        .status,
    ).toBe(200);
    expect((await cc(t, "GET", `/devices/${sim.iccid}`, { as })).body.accountName).toBe(renamed);
  });

  it("names the plans as they are now, after a rename", async () => {
    const { cat, sim, as } = await customerWithSim();
    const before = await cc(t, "GET", `/devices/${sim.iccid}`, { as });
    expect(before.body.communicationPlan).toBe(cat.comm.name);
    expect(before.body.ratePlan).toBe(cat.rate.name);
    const renamed = `${cat.comm.name} (renamed)`;
    expect(
      (
        await t.api("PATCH", `/api/v1/communication-plans/${cat.comm.id}`, {
          body: { name: renamed },
        })
      ).status,
    ).toBe(200);
    expect((await cc(t, "GET", `/devices/${sim.iccid}`, { as })).body.communicationPlan).toBe(
      renamed,
    );
  });

  it("refuses at once a change with a key revoked in SQL, and a read once the second is over", async () => {
    const { c, sim } = await customerWithSim();
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: c.adminKey })).status).toBe(200);
    // Revoked in SQL, as an operator might in an emergency: no node hears of it.
    const { sql } = await import("kysely");
    await sql`UPDATE api_keys SET revoked_at = now() WHERE user_id = ${c.admin.id}`.execute(
      t.otter.database.db,
    );
    const change = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: c.adminKey,
      body: { notes: "must not be written" },
    });
    expect(change.status).toBe(401);
    const edit = await cc(t, "PUT", `/devices/${sim.iccid}`, {
      as: { username: c.admin.email, apiKey: c.adminKey },
      body: { simNotes: "must not be written" },
    });
    expect(edit.status).toBe(401);
    // A read is refused once the second is over.
    t.clock.advance(KEY_PRINCIPAL_TTL_MS);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: c.adminKey })).status).toBe(401);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.notes).toBeNull();
  });
});

describe.runIf(TEST_ENGINE === "postgres")("a key revoked through another node", () => {
  let second: { otter: Otter; url: string };
  beforeAll(async () => {
    const url = (t.otter.database as { url?: string }).url!;
    const database = await openDatabase({ url, poolSize: 3 });
    const otter = await buildOtter({
      config: loadConfig({
        OTTER_HTTP_PORT: "0",
        OTTER_HOST: "127.0.0.1",
        OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
        OTTER_LOG_LEVEL: "silent",
        OTTER_RATE_LIMIT_PER_MINUTE: "0",
        OTTER_CC_RATE_LIMIT_PER_SECOND: "0",
        OTTER_RADIUS_PORT: "0",
        OTTER_RADIUS_HOST: "127.0.0.1",
        OTTER_SMTP_PORT: "0",
        OTTER_SMTP_HOST: "127.0.0.1",
      }),
      logger: pino({ level: "silent" }),
      clock: t.clock,
      database,
      startWorkers: false,
      resolve: testResolver(),
    });
    second = { otter, url: await otter.listen() };
  });
  afterAll(async () => {
    await second?.otter.close();
  });

  it("changes nothing on the other node at once, and reads nothing there after a second", async () => {
    const { c, sim } = await customerWithSim();
    const on2nd = (method: string, path: string, body?: unknown) =>
      fetch(second.url + path, {
        method,
        headers: {
          authorization: `Bearer ${c.adminKey}`,
          ...(body !== undefined && { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.status);
    expect(await on2nd("GET", `/api/v1/sims/${sim.iccid}`)).toBe(200);

    const keys = await t.api("GET", `/api/v1/users/${c.admin.id}/api-keys`);
    expect(
      (await t.api("DELETE", `/api/v1/users/${c.admin.id}/api-keys/${keys.body.items[0].id}`))
        .status,
    ).toBe(204);

    expect(await on2nd("PATCH", `/api/v1/sims/${sim.iccid}`, { notes: "late" })).toBe(401);
    t.clock.advance(KEY_PRINCIPAL_TTL_MS);
    expect(await on2nd("GET", `/api/v1/sims/${sim.iccid}`)).toBe(401);
  });
});
