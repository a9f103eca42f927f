import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc, operatorAdmin } from "./cc-client.js";

describe("Control Center API: identity, errors, echo", () => {
  let t: TestOtter;
  beforeAll(async () => {
    t = await startOtter();
  });
  afterAll(() => t.close());

  it("echoes with and without a parameter", async () => {
    const bare = await cc(t, "GET", "/echo");
    expect(bare.status).toBe(200);
    const withParam = await cc(t, "GET", "/echo/hello");
    expect(withParam.status).toBe(200);
    expect(withParam.body).toMatchObject({ context: "hello", value: "hello" });
    expect((await cc(t, "GET", "/echo/")).status).toBe(200);
  });

  it("asks for credentials with a Basic challenge, and refuses a wrong key with 10000001", async () => {
    const none = await cc(t, "GET", "/echo/x", { as: null });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(none.body).toEqual({
      errorMessage: "Full authentication is required to access this resource",
      errorCode: "10000001",
    });
    const wrong = await cc(t, "GET", "/echo/x", {
      as: { username: "admin@otter.local", apiKey: "otk_nope" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errorCode).toBe("10000001");
  });

  it("takes the user's e-mail (any case) as the username, and only with that user's key", async () => {
    const a = await buildCustomer(t);
    const ok = await cc(t, "GET", "/echo/x", {
      as: { username: a.admin.email.toUpperCase(), apiKey: a.adminKey },
    });
    expect(ok.status).toBe(200);
    const otherUser = await cc(t, "GET", "/echo/x", {
      as: { username: a.user.email, apiKey: a.adminKey },
    });
    expect(otherUser.status).toBe(401);
    expect(otherUser.body.errorCode).toBe("10000001");
  });

  it("does not accept Otter's bearer key on /rws, nor Control Center's Basic on /api/v1", async () => {
    const bearer = await cc(t, "GET", "/echo/x", {
      as: null,
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(bearer.status).toBe(401);
  });

  it("answers another API version with 10000024 and an unknown path in Control Center's shape", async () => {
    const v2 = await cc(t, "GET", "/rws/api/v2/echo/x");
    expect(v2.status).toBe(400);
    expect(v2.body.errorCode).toBe("10000024");
    const unknown = await cc(t, "GET", "/nothing/here");
    expect(unknown.status).toBe(404);
    expect(typeof unknown.body.errorCode).toBe("string");
    expect(unknown.body.errorMessage).toMatch(/not part of the Control Center API/);
  });

  it("answers what Otter has no meaning for with Control Center's forbidden, not a 404", async () => {
    const r = await cc(t, "GET", "/eventplan/89440000000000000001");
    expect(r.status).toBe(403);
    expect(r.body.errorCode).toBe("10000080");
    const d = await cc(t, "GET", "/dynareport/operators/1/accts/2/usage");
    expect(d.status).toBe(403);
  });

  it("says an unknown ICCID is not found with 20000001", async () => {
    const sim = await buildSim(t);
    const found = await cc(t, "GET", `/devices/${sim.iccid}`, { as: operatorAdmin(t) });
    expect(found.status).toBe(200);
    const r = await cc(t, "GET", "/devices/89440000000000000001");
    expect(r.status).toBe(404);
    expect(r.body.errorCode).toBe("20000001");
  });
});
