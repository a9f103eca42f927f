import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";
import { cc } from "./cc-client.js";

describe("Control Center API: its own rate limit", () => {
  let t: TestOtter;
  beforeAll(async () => {
    // The native limit is tiny here: /rws must not count against it.
    t = await startOtter({ OTTER_CC_RATE_LIMIT_PER_SECOND: "3", OTTER_RATE_LIMIT_PER_MINUTE: "2" });
  });
  afterAll(() => t.close());

  it("sends RateLimit headers on every answer and 429 with 40000029 and Retry-After past the limit", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => cc(t, "GET", "/echo/x")));
    for (const r of answers) {
      expect(r.headers.get("ratelimit-limit")).toBe("3");
      expect(r.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
      expect(r.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
    }
    const limited = answers.filter((r) => r.status === 429);
    const passed = answers.filter((r) => r.status === 200);
    // Eight requests within at most two one-second windows: at most six pass.
    expect(passed.length).toBeLessThanOrEqual(6);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]!.body.errorCode).toBe("40000029");
    expect(limited[0]!.headers.get("retry-after")).toMatch(/^\d+$/);
    // The native API's own limit did not apply to those requests.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await t.api("GET", "/api/v1/accounts")).status).toBe(200);
  });
});
