import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

describe("accounts", () => {
  it("creates a customer under the operator with details and contacts", async () => {
    const res = await t.api("POST", "/api/v1/accounts", {
      body: {
        name: "Savanna Trackers",
        legalName: "Savanna Trackers Ltd",
        vatNumber: "GB123456789",
        currency: "GBP",
        language: "en",
        timeZone: "Africa/Nairobi",
        billingAddress: { addressLine1: "1 Park Road", city: "Nairobi", country: "KE" },
        contacts: [
          {
            name: "Wanjiru",
            email: "wanjiru@savanna.example",
            phone: "+254700000000",
            language: "sw",
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      parentId: t.rootAccountId,
      kind: "customer",
      currency: "GBP",
      timeZone: "Africa/Nairobi",
    });
    expect(res.body.contacts).toHaveLength(1);
    const got = await t.api("GET", `/api/v1/accounts/${res.body.id}`);
    expect(got.body.contacts[0].email).toBe("wanjiru@savanna.example");
  });

  it("rejects bad input naming the field and creates nothing", async () => {
    const before = await t.api("GET", "/api/v1/accounts?limit=1000");
    const res = await t.api("POST", "/api/v1/accounts", {
      body: { name: "X", currency: "EURO", timeZone: "Mars/Olympus" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["currency", "timeZone"]));
    expect(res.body.error.requestId).toBeTruthy();
    const after = await t.api("GET", "/api/v1/accounts?limit=1000");
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it("names the field and a stable code for each bad detail, and normalises the VAT number", async () => {
    const res = await t.api("POST", "/api/v1/accounts", {
      body: {
        name: "Bad details",
        vatNumber: "IT-12?",
        billingAddress: { addressLine1: "Via Roma 1", city: "Roma", country: "XX" },
        contacts: [{ name: "Luca", email: "luca-at-example", phone: "call me" }],
      },
    });
    expect(res.status).toBe(400);
    expect(
      res.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
    ).toEqual(
      expect.arrayContaining([
        ["vatNumber", "VAT_NUMBER_INVALID"],
        ["billingAddress.country", "COUNTRY_INVALID"],
        ["contacts.0.email", "EMAIL_INVALID"],
        ["contacts.0.phone", "PHONE_INVALID"],
      ]),
    );
    const ok = await t.api("POST", "/api/v1/accounts", {
      body: { name: "Giraffe Trust", vatNumber: "it 123.456.789-01" },
    });
    expect(ok.body.vatNumber).toBe("IT12345678901");
  });

  it("updates legal name, VAT number, billing address and contacts in one change", async () => {
    const made = await t.api("POST", "/api/v1/accounts", {
      body: {
        name: "Sea Otter Research",
        vatNumber: "FR40303265045",
        billingAddress: { addressLine1: "Quai 3", city: "Brest", country: "FR" },
        contacts: [{ name: "Anne", email: "anne@otters.example" }],
      },
    });
    const id = made.body.id;
    const anne = made.body.contacts[0].id;
    const refused = await t.api("PATCH", `/api/v1/accounts/${id}`, {
      body: {
        legalName: "Sea Otter Research SAS",
        addContacts: [{ name: "Yann" }],
        removeContacts: ["00000000-0000-7000-8000-000000000000"],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({
      field: "removeContacts.0",
      code: "CONTACT_NOT_FOUND",
    });
    const unchanged = await t.api("GET", `/api/v1/accounts/${id}`);
    expect(unchanged.body.legalName).toBeNull();
    expect(unchanged.body.contacts.map((c: { name: string }) => c.name)).toEqual(["Anne"]);

    const res = await t.api("PATCH", `/api/v1/accounts/${id}`, {
      body: {
        legalName: "Sea Otter Research SAS",
        vatNumber: null,
        billingAddress: {
          addressLine1: "Quai 4",
          city: "Brest",
          postalCode: "29200",
          country: "FR",
        },
        addContacts: [{ name: "Yann", email: "yann@otters.example", role: "billing" }],
        removeContacts: [anne],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      legalName: "Sea Otter Research SAS",
      vatNumber: null,
      billingAddress: { addressLine1: "Quai 4", postalCode: "29200" },
      contacts: [{ name: "Yann", email: "yann@otters.example", role: "billing" }],
    });
    expect(res.body.contacts).toHaveLength(1);
  });

  it("answers malformed JSON and unknown fields with 400, never 500", async () => {
    const bad = await t.api("POST", "/api/v1/accounts", {
      raw: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("MALFORMED_JSON");
    const unknown = await t.api("POST", "/api/v1/accounts", {
      body: { name: "A", colour: "blue" },
    });
    expect(unknown.status).toBe(400);
    const wrongType = await t.api("POST", "/api/v1/accounts", {
      raw: "name=A",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrongType.status).toBe(415);
  });

  it("requires an API key and refuses revoked keys", async () => {
    expect((await t.api("GET", "/api/v1/accounts", { key: null })).status).toBe(401);
    expect((await t.api("GET", "/api/v1/accounts", { key: "otk_nope" })).body.error.code).toBe(
      "INVALID_API_KEY",
    );
    const c = await buildCustomer(t);
    const keys = await t.api("GET", `/api/v1/users/${c.admin.id}/api-keys`);
    expect(keys.status).toBe(200);
    const keyId = keys.body.items[0].id;
    expect((await t.api("GET", "/api/v1/users/me", { key: c.adminKey })).status).toBe(200);
    expect((await t.api("DELETE", `/api/v1/users/${c.admin.id}/api-keys/${keyId}`)).status).toBe(
      204,
    );
    expect((await t.api("GET", "/api/v1/users/me", { key: c.adminKey })).status).toBe(401);
  });

  it("lets a customer admin build its own sub-accounts and users", async () => {
    const c = await buildCustomer(t);
    const region = await buildAccount(t, { name: "North region" }, c.adminKey);
    expect(region.parentId).toBe(c.account.id);
    const deeper = await buildAccount(t, { name: "Depot 7", parentId: region.id }, c.adminKey);
    expect(deeper.parentId).toBe(region.id);
    const u = await buildUser(t, deeper.id, "customer_user", c.adminKey);
    expect(u.user.accountId).toBe(deeper.id);
    const list = await t.api("GET", "/api/v1/accounts", { key: c.adminKey });
    expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual(
      [c.account.id, region.id, deeper.id].sort(),
    );
  });

  it("keeps roles within their rights (403 inside the subtree)", async () => {
    const c = await buildCustomer(t);
    const res = await t.api("POST", "/api/v1/accounts", { key: c.userKey, body: { name: "nope" } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
    const op = await t.api("POST", "/api/v1/users", {
      key: c.adminKey,
      body: { accountId: c.account.id, email: "x@y.example", name: "X", role: "operator_admin" },
    });
    expect(op.status).toBe(400);
    expect(op.body.error.code).toBe("ROLE_ACCOUNT_MISMATCH");
  });
});

describe("tenant isolation on account routes", () => {
  it("never shows or changes another customer's accounts, users or keys (404)", async () => {
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    const bId = b.account.id;
    const cases: [string, string, unknown?][] = [
      ["GET", `/api/v1/accounts/${bId}`],
      ["PATCH", `/api/v1/accounts/${bId}`, { name: "hijacked" }],
      ["GET", `/api/v1/accounts/${bId}/contacts`],
      ["POST", `/api/v1/accounts/${bId}/contacts`, { name: "spy" }],
      ["POST", "/api/v1/accounts", { name: "child", parentId: bId }],
      ["GET", `/api/v1/accounts?parentId=${bId}`],
      ["GET", `/api/v1/users/${b.admin.id}`],
      ["GET", `/api/v1/users?accountId=${bId}`],
      [
        "POST",
        "/api/v1/users",
        { accountId: bId, email: "spy@a.example", name: "Spy", role: "customer_admin" },
      ],
      ["POST", `/api/v1/users/${b.admin.id}/api-keys`, {}],
      ["GET", `/api/v1/users/${b.admin.id}/api-keys`],
      ["GET", `/api/v1/accounts/${t.rootAccountId}`],
    ];
    for (const [method, path, body] of cases) {
      const res = await t.api(method, path, { key: a.adminKey, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const listed = await t.api("GET", "/api/v1/users", { key: a.adminKey });
    expect(
      listed.body.items.every((u: { accountId: string }) => u.accountId === a.account.id),
    ).toBe(true);
    const unchanged = await t.api("GET", `/api/v1/accounts/${bId}`);
    expect(unchanged.body.name).toBe(b.account.name);
  });
});
