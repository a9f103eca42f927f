import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER_REASON } from "../../src/network/outbound-guard.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { PUBLIC_TEST_ADDRESS, testResolver } from "../support/resolver.js";
import { startReceiver } from "./receiver.js";

/**
 * Where a webhook may point (issue 9, server-side request forgery): a customer's only at public
 * addresses, checked when the URL is given and again when Otter connects, with nothing about what
 * listens inside the operator's network in the delivery log.
 */
const SECRET = "whsec_0123456789abcdef";
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});

async function receiver() {
  const r = await startReceiver(SECRET);
  cleanup.push(r.close);
  return r;
}

function harness() {
  const h = {} as { t: TestOtter; cat: Awaited<ReturnType<typeof buildCatalog>> };
  const customerWithSim = async () => {
    const c = await buildCustomer(h.t);
    await offer(h.t, h.cat, c.account.id);
    const sim = await buildSim(h.t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: h.cat.comm.id,
      ratePlan: h.cat.rate.id,
    });
    return { ...c, sim };
  };
  const create = (key: string | undefined, body: Record<string, unknown>) =>
    h.t.api("POST", "/api/v1/webhooks", { key, body: { secret: SECRET, events: ["*"], ...body } });
  const subscribe = async (key: string | undefined, body: Record<string, unknown>) => {
    const res = await create(key, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cleanup.push(() => h.t.api("DELETE", `/api/v1/webhooks/${res.body.id}`));
    return res.body as { id: string; url: string };
  };
  const work = () => h.t.otter.services.webhooks.runOnce();
  const changeState = (iccid: string, state: string) =>
    h.t.api("PATCH", `/api/v1/sims/${iccid}`, { body: { state } });
  const deliveries = async (id: string, key?: string) =>
    (await h.t.api("GET", `/api/v1/webhooks/${id}/deliveries`, { key })).body.items as any[];
  return { h, customerWithSim, create, subscribe, work, changeState, deliveries };
}

describe("an Otter with the default, empty OTTER_OUTBOUND_ALLOW", () => {
  // Stands in for DNS: names the test points anywhere it likes, the rest as testResolver answers.
  const zone: Record<string, string[]> = {};
  const { h, customerWithSim, create, subscribe, work, changeState, deliveries } = harness();
  beforeAll(async () => {
    h.t = await startOtter(
      { OTTER_OUTBOUND_ALLOW: "" },
      { startWorkers: false, resolve: testResolver(zone) },
    );
    h.cat = await buildCatalog(h.t);
  });
  afterAll(async () => {
    await h.t?.close();
  });

  const INTERNAL = [
    "http://127.0.0.1:5432/",
    "http://[::1]/hook",
    "http://0x7f000001/",
    "http://2130706433/",
    "http://127.1:6379/",
    "http://0177.0.0.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://localhost:8080/",
    "http://10.0.0.5/",
    "http://172.16.3.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://[fd00::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://0.0.0.0:5432/",
    "http://224.0.0.1/",
    "http://192.0.2.1/",
    "https://db.internal.test/", // a name that resolves nowhere gets the same answer
  ];

  it("refuses a customer's webhook to loopback, private, link-local and reserved addresses with 400 naming `url`, and stores nothing", async () => {
    const c = await buildCustomer(h.t);
    const messages = new Set<string>();
    for (const url of INTERNAL) {
      for (const [who, key, accountId] of [
        ["customer", c.adminKey, undefined],
        ["operator on the customer's account", undefined, c.account.id],
      ] as const) {
        const res = await create(key, { url, accountId });
        expect(res.status, `${who}: ${url}`).toBe(400);
        expect(res.body.error.code, `${who}: ${url}`).toBe("WEBHOOK_URL_NOT_PUBLIC");
        expect(res.body.error.details[0].field).toBe("url");
        messages.add(res.body.error.message);
      }
    }
    // The answer is the same for every refused host: it tells nothing about what exists inside.
    expect(messages.size).toBe(1);
    expect([...messages][0]).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|ENOTFOUND|db\.internal/);
    const list = await h.t.api("GET", `/api/v1/webhooks?accountId=${c.account.id}`);
    expect(list.body.items).toEqual([]);
  });

  it("refuses credentials in the URL, and accepts a public host", async () => {
    const c = await buildCustomer(h.t);
    const res = await create(c.adminKey, { url: "https://user:pass@hooks.example/in" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "WEBHOOK_URL_CREDENTIALS",
      details: [expect.objectContaining({ field: "url" })],
    });
    expect(
      (await create(c.adminKey, { url: "https://:token@hooks.example/in" })).body.error.code,
    ).toBe("WEBHOOK_URL_CREDENTIALS");
    await subscribe(c.adminKey, { url: "https://hooks.example/in" });
    await subscribe(c.adminKey, { url: `https://${PUBLIC_TEST_ADDRESS}/in` });
  });

  it("refuses a change of URL to an internal address and keeps the old one", async () => {
    const c = await buildCustomer(h.t);
    const sub = await subscribe(c.adminKey, { url: "https://hooks.example/in" });
    const res = await h.t.api("PATCH", `/api/v1/webhooks/${sub.id}`, {
      key: c.adminKey,
      body: { url: "http://169.254.169.254/latest/meta-data/" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("WEBHOOK_URL_NOT_PUBLIC");
    expect((await h.t.api("GET", `/api/v1/webhooks/${sub.id}`, { key: c.adminKey })).body.url).toBe(
      "https://hooks.example/in",
    );
  });

  it("lets the operator's own webhook point into its private network, but not at loopback or the metadata service", async () => {
    await subscribe(undefined, { url: "http://10.20.0.5:8080/events" });
    await subscribe(undefined, { url: "http://[fd00::5]/events" });
    for (const url of ["http://127.0.0.1:5432/", "http://169.254.169.254/"]) {
      const res = await create(undefined, { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe("WEBHOOK_URL_NOT_PUBLIC");
      expect(res.body.error.message, "the operator is told why").toMatch(/loopback|link-local/);
    }
  });

  it("checks again when it connects: a name that resolved to a public address, then to 127.0.0.1 (DNS rebinding), is never reached", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    const port = new URL(r.url).port;
    zone["rebind.test"] = [PUBLIC_TEST_ADDRESS];
    const sub = await subscribe(c.adminKey, {
      url: `http://rebind.test:${port}/otter-hook`,
      events: ["sim.state_changed"],
    });
    zone["rebind.test"] = ["127.0.0.1"];

    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    expect(r.received).toHaveLength(0);
    for (const key of [c.adminKey, undefined]) {
      const [d] = await deliveries(sub.id, key);
      expect(d).toMatchObject({
        status: "queued",
        lastStatusCode: null,
        lastError: CUSTOMER_REASON,
      });
      expect(d.attempts).toEqual([
        expect.objectContaining({ statusCode: null, error: CUSTOMER_REASON }),
      ]);
    }

    // A mixed answer is refused too: the connection might otherwise go to the internal one.
    zone["rebind.test"] = [PUBLIC_TEST_ADDRESS, "127.0.0.1"];
    h.t.clock.advance(30_000);
    await work();
    expect(r.received).toHaveLength(0);
    expect(
      (await deliveries(sub.id, c.adminKey))[0].attempts.map((a: { error: string }) => a.error),
    ).toEqual([CUSTOMER_REASON, CUSTOMER_REASON]);
  });

  it("shows a customer only the generic reason for a stored URL that names an internal address outright", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    const sub = await subscribe(c.adminKey, {
      url: "https://hooks.example/in",
      events: ["sim.state_changed"],
    });
    // As if stored before Otter checked URLs.
    await h.t.otter.database.db
      .updateTable("webhook_subscriptions")
      .set({ url: r.url })
      .where("id", "=", sub.id)
      .execute();
    await r.close(); // what would have answered ECONNREFUSED

    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    const [d] = await deliveries(sub.id, c.adminKey);
    expect(d.attempts).toEqual([
      expect.objectContaining({ statusCode: null, error: CUSTOMER_REASON }),
    ]);
    expect(JSON.stringify(d)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Parse Error/);
  });
});

describe("an Otter whose OTTER_OUTBOUND_ALLOW opens loopback", () => {
  const { h, customerWithSim, subscribe, work, changeState, deliveries } = harness();
  beforeAll(async () => {
    h.t = await startOtter(
      { OTTER_OUTBOUND_ALLOW: "127.0.0.0/8,::1/128" },
      { startWorkers: false, resolve: testResolver({ "hooks.customer.test": ["127.0.0.1"] }) },
    );
    h.cat = await buildCatalog(h.t);
  });
  afterAll(async () => {
    await h.t?.close();
  });

  it("delivers a customer's webhook to an allowed range, connecting to the address it resolved and checked", async () => {
    const c = await customerWithSim();
    const r = await receiver();
    // The machine's resolver does not know this name: only the guard's answer can take Otter there.
    const sub = await subscribe(c.adminKey, {
      url: `http://hooks.customer.test:${new URL(r.url).port}/otter-hook`,
      events: ["sim.state_changed"],
    });
    await changeState(c.sim.iccid, "DEACTIVATED");
    await work();
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.signatureValid).toBe(true);
    expect((await deliveries(sub.id, c.adminKey))[0]).toMatchObject({
      status: "delivered",
      lastStatusCode: 200,
    });
  });
});
