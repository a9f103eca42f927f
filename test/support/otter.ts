import { randomBytes } from "node:crypto";
import pino from "pino";
import { buildOtter, type Otter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { CaseOpener } from "../../src/modules/automation/automation.service.js";
import type { Resolver } from "../../src/network/outbound-guard.js";
import { createTestDatabase } from "./engine.js";
import { testResolver } from "./resolver.js";

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestOtter {
  otter: Otter;
  url: string;
  clock: ManualClock;
  adminKey: string;
  rootAccountId: string;
  /** The PostgreSQL database Otter runs on (undefined on PGlite), for tests that open their own connections. */
  databaseUrl?: string;
  /** Calls the API over real HTTP with the given key (the operator admin's by default). */
  api<T = any>(
    method: string,
    path: string,
    opts?: {
      key?: string | null;
      body?: unknown;
      headers?: Record<string, string>;
      raw?: BodyInit;
    },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the real Otter on a fresh database and an ephemeral port, with a manual clock.
 * `startWorkers: false` leaves background work (mail delivery…) to the test, which drives it by hand.
 * Outbound connections may reach loopback (the tests' receivers, HSS and SMS centre live there), and
 * host names resolve through `testResolver` unless `resolve` stands in for DNS otherwise.
 */
export async function startOtter(
  env: Record<string, string> = {},
  opts: {
    startWorkers?: boolean;
    cases?: CaseOpener;
    resolve?: Resolver;
    pgliteOnDisk?: boolean;
  } = {},
): Promise<TestOtter> {
  const database = await createTestDatabase({ pgliteOnDisk: opts.pgliteOnDisk });
  const adminKey = `otk_test_${randomBytes(24).toString("hex")}`;
  const config = loadConfig({
    OTTER_HTTP_PORT: "0",
    OTTER_HOST: "127.0.0.1",
    OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
    OTTER_BOOTSTRAP_API_KEY: adminKey,
    OTTER_LOG_LEVEL: "silent",
    OTTER_WORKER_POLL_MS: "20",
    OTTER_RATE_LIMIT_PER_MINUTE: "0",
    // The /rws per-key limit (50/s) is off too: a contract test that sends more than 50 requests in
    // one second would read a 429 where it expects the answer; throttle.test.ts turns it on.
    OTTER_CC_RATE_LIMIT_PER_SECOND: "0",
    OTTER_RADIUS_PORT: "0",
    OTTER_RADIUS_HOST: "127.0.0.1",
    OTTER_SMTP_PORT: "0",
    OTTER_SMTP_HOST: "127.0.0.1",
    OTTER_OUTBOUND_ALLOW: "127.0.0.0/8,::1/128",
    ...env,
  });
  const clock = new ManualClock("2026-03-01T09:00:00Z");
  const otter = await buildOtter({
    config,
    logger: pino({ level: "silent" }),
    clock,
    database,
    startWorkers: opts.startWorkers,
    cases: opts.cases,
    resolve: opts.resolve ?? testResolver(),
  });
  const url = await otter.listen();
  const root = await otter.services.accounts.rootAccount();

  const api: TestOtter["api"] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const key = opts.key === undefined ? adminKey : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: BodyInit | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(opts.body);
    }
    // A hung request fails with its route named instead of as an anonymous test time-out.
    const res = await fetch(url + path, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(30_000),
    }).catch((err: Error) => {
      throw new Error(`${method} ${path}: ${err.name}: ${err.message}`);
    });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as any, headers: res.headers };
  };

  return {
    otter,
    url,
    clock,
    adminKey,
    rootAccountId: root.id,
    databaseUrl: database.url,
    api,
    async close() {
      await otter.close();
      await database.close();
    },
  };
}
