import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The operator's endpoint registries (network clients, HSS endpoints, SMS centres) behave alike:
 * listed by name without their secrets, names unique, every change in the audit log.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

const auditOf = async (entityType: string, entityId: string) =>
  (await t.api("GET", `/api/v1/audit-log?entityType=${entityType}&entityId=${entityId}`)).body
    .items as { action: string; accountId: string; data: Record<string, unknown> }[];

const missing = "0190a8a0-0000-7000-8000-00000000dead";

describe("network clients", () => {
  it("are listed by name without their secret, renamed only to a free name, and audited", async () => {
    const path = "/api/v1/network/clients";
    const b = await t.api("POST", path, {
      body: { name: "pgw-b", address: "10.1.0.0/16", secret: "secret-of-b" },
    });
    expect(b.status).toBe(201);
    expect(b.body).toEqual({
      id: expect.any(String),
      name: "pgw-b",
      address: "10.1.0.0/16",
      coaPort: 3799,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const a = await t.api("POST", path, {
      body: { name: "pgw-a", address: "10.2.0.1", secret: "secret-of-a", coaPort: 1700 },
    });
    const list = await t.api("GET", path);
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(["pgw-a", "pgw-b"]);
    expect(JSON.stringify(list.body)).not.toMatch(/secret-of|sealed/);

    const taken = await t.api("POST", path, {
      body: { name: "pgw-a", address: "10.3.0.1", secret: "12345678" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("NETWORK_CLIENT_NAME_TAKEN");
    const clash = await t.api("PATCH", `${path}/${b.body.id}`, { body: { name: "pgw-a" } });
    expect(clash.body.error.code).toBe("NETWORK_CLIENT_NAME_TAKEN");
    const badAddress = await t.api("PATCH", `${path}/${b.body.id}`, {
      body: { address: "10.0.0.0/33" },
    });
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.error).toMatchObject({
      code: "ADDRESS_INVALID",
      details: [{ field: "address", code: "ADDRESS_INVALID" }],
    });
    const unknown = await t.api("PATCH", `${path}/${missing}`, { body: { coaPort: 3800 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NETWORK_CLIENT_NOT_FOUND");

    const renamed = await t.api("PATCH", `${path}/${a.body.id}`, {
      body: { name: "pgw-a2", secret: "rotated-secret" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "pgw-a2", address: "10.2.0.1", coaPort: 1700 });
    const keep = await t.api("PATCH", `${path}/${a.body.id}`, { body: { name: "pgw-a2" } });
    expect(keep.status).toBe(200);

    expect((await t.api("DELETE", `${path}/${a.body.id}`)).status).toBe(204);
    const gone = await t.api("DELETE", `${path}/${a.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("NETWORK_CLIENT_NOT_FOUND");

    const audit = await auditOf("network_client", a.body.id);
    expect(audit.map((e) => [e.action, e.data])).toEqual([
      ["network_client.deleted", { name: "pgw-a2" }],
      ["network_client.updated", { fields: ["name"], secretRotated: false }],
      ["network_client.updated", { fields: ["name", "secret"], secretRotated: true }],
      ["network_client.created", { name: "pgw-a", address: "10.2.0.1", coaPort: 1700 }],
    ]);
    expect(audit.every((e) => e.accountId === t.rootAccountId)).toBe(true);
  });
});

describe("HSS endpoints", () => {
  it("are listed by name without their secret, with unique names, and audited", async () => {
    const path = "/api/v1/network/hss-endpoints";
    const z = await t.api("POST", path, {
      body: {
        name: "hss-z",
        url: "http://10.0.0.9/s6a",
        secret: "0123456789abcdef",
        imsiPrefixes: ["23415", "23415", "23420"],
      },
    });
    expect(z.status).toBe(201);
    expect(z.body).toEqual({
      id: expect.any(String),
      name: "hss-z",
      url: "http://10.0.0.9/s6a",
      imsiPrefixes: ["23415", "23420"],
      createdAt: expect.any(String),
    });
    await t.api("POST", path, {
      body: { name: "hss-y", url: "http://10.0.0.8/s6a", secret: "0123456789abcdef" },
    });
    const list = await t.api("GET", path);
    expect(list.body.items.map((e: { name: string }) => e.name)).toEqual(["hss-y", "hss-z"]);
    expect(JSON.stringify(list.body)).not.toMatch(/0123456789abcdef|sealed/);

    const taken = await t.api("POST", path, {
      body: { name: "hss-z", url: "http://10.0.0.7/s6a", secret: "0123456789abcdef" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("HSS_ENDPOINT_NAME_TAKEN");
    const notUrl = await t.api("POST", path, {
      body: { name: "hss-x", url: "http://[::1/", secret: "0123456789abcdef" },
    });
    expect(notUrl.status).toBe(400);

    expect((await t.api("DELETE", `${path}/${z.body.id}`)).status).toBe(204);
    const gone = await t.api("DELETE", `${path}/${z.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("HSS_ENDPOINT_NOT_FOUND");

    const audit = await auditOf("hss_endpoint", z.body.id);
    expect(audit.map((e) => [e.action, e.data])).toEqual([
      ["hss_endpoint.deleted", { name: "hss-z" }],
      [
        "hss_endpoint.created",
        { name: "hss-z", url: "http://10.0.0.9/s6a", imsiPrefixes: ["23415", "23420"] },
      ],
    ]);
  });
});

describe("SMS centres", () => {
  it("are listed by name without their password, with unique names, and audited", async () => {
    const path = "/api/v1/network/sms-centres";
    const centre = (name: string) => ({
      name,
      host: "10.0.0.20",
      port: 2775,
      systemId: "otter",
      password: "smpp-pw",
      sourceAddress: "4400",
      imsiPrefixes: ["23415"],
    });
    const s = await t.api("POST", path, { body: centre("smsc-s") });
    expect(s.status).toBe(201);
    expect(s.body).toEqual({
      id: expect.any(String),
      name: "smsc-s",
      host: "10.0.0.20",
      port: 2775,
      systemId: "otter",
      systemType: "",
      sourceAddress: "4400",
      imsiPrefixes: ["23415"],
      createdAt: expect.any(String),
    });
    await t.api("POST", path, { body: centre("smsc-r") });
    const list = await t.api("GET", path);
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(["smsc-r", "smsc-s"]);
    expect(JSON.stringify(list.body)).not.toMatch(/smpp-pw|sealed/);

    const taken = await t.api("POST", path, { body: centre("smsc-s") });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("SMS_CENTRE_NAME_TAKEN");

    expect((await t.api("DELETE", `${path}/${s.body.id}`)).status).toBe(204);
    const gone = await t.api("DELETE", `${path}/${s.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("SMS_CENTRE_NOT_FOUND");

    const audit = await auditOf("sms_centre", s.body.id);
    expect(audit.map((e) => [e.action, e.data])).toEqual([
      ["sms_centre.deleted", { name: "smsc-s" }],
      [
        "sms_centre.created",
        {
          name: "smsc-s",
          host: "10.0.0.20",
          port: 2775,
          systemId: "otter",
          systemType: "",
          sourceAddress: "4400",
          imsiPrefixes: ["23415"],
        },
      ],
    ]);
  });
});
