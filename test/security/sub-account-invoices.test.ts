import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer, buildSim, buildUser, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addDailyUsage, flexCatalog, runBilling } from "../billing/billing-support.js";

/**
 * A customer invoiced per sub-account (docs/billing.md, "Invoices per sub-account"): its
 * administrators see every one of its invoices; a sub-account's administrator sees its own
 * sub-account's and nothing of its sibling's or of the customer's own — by id, in a list, as an
 * export, or through the comparison and the cycle to date.
 */
const MB = 1024 * 1024;
let t: TestOtter;
let w: {
  customer: Awaited<ReturnType<typeof buildCustomer>>;
  northKey: string;
  other: Awaited<ReturnType<typeof buildCustomer>>;
  north: string;
  south: string;
  invoices: Map<string, string>;
  southIccid: string;
};

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  t.clock.set("2026-09-01T08:00:00Z");
  await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  const plans = await flexCatalog(t);
  const customer = await buildCustomer(t, { currency: "EUR" });
  const other = await buildCustomer(t, { currency: "EUR" });
  await offer(t, plans, customer.account.id);
  await t.api("PUT", `/api/v1/accounts/${customer.account.id}/billing-profile`, {
    body: { cycle: "calendar", country: "IT", perSubAccount: true },
  });
  const north = await buildAccount(t, { name: "North", parentId: customer.account.id });
  const south = await buildAccount(t, { name: "South", parentId: customer.account.id });
  const sims: Record<string, { iccid: string; accountId: string }> = {};
  for (const [name, accountId] of [
    ["own", customer.account.id],
    ["north", north.id],
    ["south", south.id],
  ] as const) {
    sims[name] = await buildSim(t, {
      accountId,
      communicationPlan: plans.comm.name,
      ratePlan: plans.rate.name,
      state: "ACTIVATED",
    });
    await addDailyUsage(t, sims[name], "2026-11-04", plans.home.id as string, 2 * MB);
  }
  t.clock.set("2026-12-01T06:00:00Z");
  await runBilling(t, "2026-11", customer.account.id);
  const list = await t.api("GET", `/api/v1/invoices?accountId=${customer.account.id}`);
  const invoices = new Map<string, string>();
  for (const i of list.body.items as { id: string; accountId: string }[]) {
    expect((await t.api("POST", `/api/v1/invoices/${i.id}/issue`)).status).toBe(200);
    invoices.set(i.accountId, i.id);
  }
  expect(invoices.size).toBe(3);
  const northAdmin = await buildUser(t, north.id, "customer_admin");
  w = {
    customer,
    northKey: northAdmin.key,
    other,
    north: north.id,
    south: south.id,
    invoices,
    southIccid: sims.south!.iccid,
  };
});
afterAll(() => t?.close());

const routes = (id: string): ["GET" | "POST", string][] => [
  ["GET", `/api/v1/invoices/${id}`],
  ["GET", `/api/v1/invoices/${id}/pdf`],
  ["GET", `/api/v1/invoices/${id}/tmf678`],
  ["GET", `/api/v1/invoices/${id}/lines.csv`],
  ["GET", `/api/v1/invoices/${id}/rated-usage.csv`],
  ["GET", `/api/v1/invoices/${id}/lines/1/explanation`],
  ["POST", `/api/v1/invoices/${id}/mail`],
];

describe("invoices per sub-account: who sees which", () => {
  it("the customer's administrator sees all three, naming the sub-accounts", async () => {
    const list = await t.api("GET", "/api/v1/invoices", { key: w.customer.adminKey });
    expect(list.status).toBe(200);
    const seen = (list.body.items as { id: string; subAccount: { name: string } | null }[]).map(
      (i) => [i.id, i.subAccount?.name ?? null],
    );
    expect(seen.sort()).toEqual(
      [
        [w.invoices.get(w.customer.account.id), null],
        [w.invoices.get(w.north), "North"],
        [w.invoices.get(w.south), "South"],
      ].sort(),
    );
    for (const id of w.invoices.values())
      expect(
        (await t.api("GET", `/api/v1/invoices/${id}`, { key: w.customer.adminKey })).status,
      ).toBe(200);
  });

  it("a sub-account's administrator sees its own invoice only", async () => {
    const list = await t.api("GET", "/api/v1/invoices", { key: w.northKey });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([w.invoices.get(w.north)]);
    const mine = await t.api("GET", `/api/v1/invoices/${w.invoices.get(w.north)}/pdf`, {
      key: w.northKey,
    });
    expect(mine.status).toBe(200);
    for (const account of [w.customer.account.id, w.south]) {
      for (const [method, url] of routes(w.invoices.get(account)!)) {
        const res = await t.api(method, url, { key: w.northKey });
        expect([403, 404], `${method} ${url}`).toContain(res.status);
      }
    }
    for (const url of [
      `/api/v1/invoices?accountId=${w.customer.account.id}`,
      `/api/v1/invoices?accountId=${w.south}`,
      `/api/v1/accounts/${w.south}/billing/compare?from=2026-10&to=2026-11`,
      `/api/v1/accounts/${w.south}/billing/cycle-to-date`,
      `/api/v1/accounts/${w.customer.account.id}/billing/cycle-to-date`,
      `/api/v1/sims/${w.southIccid}/billing/cycle-to-date`,
    ]) {
      const res = await t.api("GET", url, { key: w.northKey });
      expect([403, 404], url).toContain(res.status);
      for (const id of [w.invoices.get(w.south)!, w.invoices.get(w.customer.account.id)!])
        expect(JSON.stringify(res.body), url).not.toContain(id);
    }
  });

  it("another customer sees none of them", async () => {
    const list = await t.api("GET", "/api/v1/invoices", { key: w.other.adminKey });
    for (const id of w.invoices.values()) expect(JSON.stringify(list.body)).not.toContain(id);
    for (const id of w.invoices.values())
      for (const [method, url] of routes(id)) {
        const res = await t.api(method, url, { key: w.other.adminKey });
        expect([403, 404], `${method} ${url}`).toContain(res.status);
      }
  });
});
