import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({ OTTER_RATE_LIMIT_PER_MINUTE: "5" }, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

describe("operability", () => {
  it("reports health with the engine, and Prometheus metrics", async () => {
    const health = await t.api("GET", "/healthz", { key: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: "ok",
      engine: expect.stringMatching(/pglite|postgres/),
    });
    const metrics = await t.api("GET", "/metrics", { key: null });
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    expect(metrics.body).toContain("otter_http_requests_total");
    expect(metrics.body).toContain('route="/healthz"');
  });

  it("echoes a request id, or makes one, on every answer", async () => {
    const given = await t.api("GET", "/api/v1/users/me", {
      headers: { "x-request-id": "case-4411-probe" },
    });
    expect(given.headers.get("x-request-id")).toBe("case-4411-probe");
    const made = await t.api("GET", "/api/v1/nowhere");
    expect(made.status).toBe(404);
    expect(made.body.error).toMatchObject({
      code: "ROUTE_NOT_FOUND",
      requestId: made.headers.get("x-request-id"),
    });
  });

  it("rate-limits an API key with 429, Retry-After and the error envelope, without touching others", async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 8; i++) {
      last = await t.api("GET", "/api/v1/zones");
      statuses.push(last.status);
    }
    expect(statuses).toContain(429);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.body.error.code).toBe("RATE_LIMITED");
    expect((await t.api("GET", "/healthz", { key: null })).status).toBe(200);
  });
});
