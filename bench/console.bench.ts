/**
 * `npm run bench:console` — the console's performance at scale (issue 13, docs/benchmarks.md).
 *
 * On PostgreSQL (a fresh database, dropped at the end): 1,000,000 SIMs through Otter's import fast
 * path (`POST /api/v1/sims/imports`, the COPY-based job), the built server (`node dist/cli/otter.js
 * serve`, `npm run build` first) serving the built console, then in Chromium (test/support/browser.ts):
 *   1. the SIM page from a cold load — a new browser context per run (no cache, the session cookie
 *      only): first contentful paint (`performance.getEntriesByName('first-contentful-paint')`) and
 *      the time until the SIM's ICCID is on the screen; beside it the floor, the FCP of a static page
 *      with one line of text served by a bare Node HTTP server;
 *   2. search-as-you-type: in the search box (role=combobox), the time from typing the last
 *      character of an ICCID until an option naming that SIM is rendered. When the console has no
 *      search box yet, the fallback is `GET /api/v1/sims?identifier=<ICCID>` over HTTP, which the
 *      output says; beside it the floor, the same indexed `SELECT` Otter runs, over one connection;
 *   3. the first route's JavaScript: the gzip size (level 9) of every script the cold SIM page load
 *      fetched, read from console/dist.
 *
 *   npm run bench:console                       # 1,000,000 SIMs
 *   npm run bench:console -- --sims 100000 --runs 5 --searches 10
 *   npm run bench:console -- --admin-url postgres://root@127.0.0.1:5432/postgres
 */
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import http from "node:http";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { luhnCheckDigit } from "../src/lib/identifiers.js";
import { launchBrowser } from "../test/support/browser.js";
import { directPostgres, latencies, type Latencies } from "./sim-lookup.js";
import {
  adminQuery,
  BENCH_DIR,
  freeTcpPort,
  intOption,
  loadavg,
  log,
  onCleanup,
  prng,
  ROOT,
  round,
  runCleanups,
  sleep,
  startBench,
  withDatabase,
} from "./util.js";

const API_KEY = `otk_bench_${randomBytes(16).toString("hex")}`;
const PASSWORD = "otter-bench-console-4711";
const DIST = join(ROOT, "console/dist");
const TARGETS = { fcpMs: 1000, searchMs: 200, firstRouteJsKb: 300 };

interface Options {
  sims: number;
  runs: number;
  searches: number;
  adminUrl: string;
  database: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      sims: { type: "string", default: "1000000" },
      runs: { type: "string", default: "5" },
      searches: { type: "string", default: "10" },
      "admin-url": {
        type: "string",
        default: process.env.OTTER_BENCH_PG ?? "postgres://root@127.0.0.1:5432/postgres",
      },
      database: { type: "string", default: "otter_bench_console" },
    },
  });
  if (!/^[a-z_][a-z0-9_]*$/.test(values.database!)) throw new Error("--database: a plain name");
  return {
    sims: intOption("sims", values.sims!, 1, 10_000_000),
    runs: intOption("runs", values.runs!, 1, 100),
    searches: intOption("searches", values.searches!, 1, 1000),
    adminUrl: values["admin-url"]!,
    database: values.database!,
  };
}

// ─── SIMs ───────────────────────────────────────────────────────────────────────────────────

/** ICCID i, as bench/import.bench.ts makes them: 89 44 0 + 14-digit serial + Luhn digit. */
function iccidAt(i: number): string {
  const payload = `89440${String(i).padStart(14, "0")}`;
  return payload + luhnCheckDigit(payload);
}

async function generateCsv(file: string, rows: number) {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  await write("iccid,imsi,msisdn\n");
  for (let start = 0; start < rows; start += 10_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + 10_000); i++)
      lines.push(
        `${iccidAt(i)},00101${String(i).padStart(10, "0")},+447${String(i).padStart(9, "0")}\n`,
      );
    await write(lines.join(""));
  }
  out.end();
  await once(out, "finish");
}

// ─── Otter ──────────────────────────────────────────────────────────────────────────────────

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(
  port: number,
  method: string,
  path: string,
  opts: {
    body?: string | NodeJS.ReadableStream;
    headers?: Record<string, string>;
    auth?: boolean;
  } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((res, rej) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent: typeof opts.body === "object" ? new http.Agent({ keepAlive: false }) : agent,
        headers: {
          ...(opts.auth === false ? {} : { authorization: `Bearer ${API_KEY}` }),
          ...(typeof opts.body === "string" ? { "content-type": "application/json" } : {}),
          ...opts.headers,
        },
      },
      (resp) => {
        const parts: Buffer[] = [];
        resp.on("data", (d: Buffer) => parts.push(d));
        resp.on("end", () =>
          res({ status: resp.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }),
        );
        resp.on("error", rej);
      },
    );
    req.on("error", rej);
    if (typeof opts.body === "object") opts.body.pipe(req);
    else req.end(opts.body);
  });
}

async function json<T>(port: number, method: string, path: string, body?: unknown): Promise<T> {
  const r = await request(port, method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (r.status >= 300)
    throw new Error(`${method} ${path} answered ${r.status}: ${r.body.slice(0, 400)}`);
  return JSON.parse(r.body) as T;
}

function build() {
  log("building Otter and the console (npm run build)");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
}

async function startOtter(databaseUrl: string) {
  const port = await freeTcpPort();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("OTTER_") && k !== "DATABASE_URL") env[k] = v;
  Object.assign(env, {
    DATABASE_URL: databaseUrl,
    OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
    OTTER_HOST: "127.0.0.1",
    OTTER_HTTP_PORT: String(port),
    OTTER_RADIUS_PORT: "0",
    OTTER_RADIUS_HOST: "127.0.0.1",
    OTTER_SMTP_PORT: "0",
    OTTER_SMTP_HOST: "127.0.0.1",
    OTTER_BOOTSTRAP_API_KEY: API_KEY,
    OTTER_PUBLIC_URL: `http://127.0.0.1:${port}`,
    OTTER_LOG_LEVEL: "warn",
    OTTER_RATE_LIMIT_PER_MINUTE: "0",
  });
  const logFile = join(BENCH_DIR, "otter-console.log");
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, ["dist/cli/otter.js", "serve"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  let exited = false;
  child.once("exit", () => (exited = true));
  onCleanup(async () => {
    if (exited) return;
    child.kill("SIGTERM");
    await Promise.race([once(child, "exit"), sleep(20_000)]);
    if (!exited) child.kill("SIGKILL");
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`otter serve exited during start; see ${logFile}`);
    const ok = await request(port, "GET", "/healthz", { auth: false }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`otter serve did not start; see ${logFile}`);
    await sleep(100);
  }
  return port;
}

async function importSims(port: number, file: string) {
  const me = await json<{ id: string; accountId: string; email: string }>(
    port,
    "GET",
    "/api/v1/users/me",
  );
  const t0 = Date.now();
  const up = await request(port, "POST", `/api/v1/sims/imports?accountId=${me.accountId}`, {
    body: createReadStream(file),
    headers: { "content-type": "text/csv", "x-otter-file-name": "bench.csv" },
  });
  if (up.status !== 202)
    throw new Error(`the upload answered ${up.status}: ${up.body.slice(0, 400)}`);
  const { jobId } = JSON.parse(up.body) as { jobId: string };
  for (;;) {
    const job = await json<{ status: string; failure: unknown }>(
      port,
      "GET",
      `/api/v1/jobs/${jobId}`,
    );
    if (job.status === "succeeded") break;
    if (job.status === "failed" || job.status === "cancelled")
      throw new Error(`the import ${job.status}: ${JSON.stringify(job.failure)}`);
    await sleep(500);
  }
  return { me, seconds: round((Date.now() - t0) / 1000, 1) };
}

/** The operator admin (the bootstrap key's user) gets a password through its invitation link. */
async function givePassword(port: number, userId: string) {
  const invited = await json<{ email: string }>(
    port,
    "POST",
    `/api/v1/users/${userId}/invitation`,
    {},
  );
  const list = await json<{ items: { id: string; purpose: string; to: string[] }[] }>(
    port,
    "GET",
    "/api/v1/outbox?limit=20",
  );
  const summary = list.items.find(
    (m) => m.purpose === "user_invitation" && m.to.includes(invited.email),
  )!;
  const mail = await json<{ text: string }>(port, "GET", `/api/v1/outbox/${summary.id}`);
  const token = decodeURIComponent(mail.text.match(/#token=([A-Za-z0-9_%-]+)/)![1]!);
  const set = await request(port, "POST", "/api/v1/auth/password", {
    auth: false,
    body: JSON.stringify({ token, password: PASSWORD }),
  });
  if (set.status !== 200) throw new Error(`set password: ${set.body}`);
  return invited.email;
}

// ─── the browser ────────────────────────────────────────────────────────────────────────────

interface ColdLoad {
  fcpMs: number;
  iccidVisibleMs: number;
  scripts: string[];
}

async function coldLoad(
  browser: Browser,
  url: string,
  cookies: StorageState,
  text: string,
): Promise<ColdLoad> {
  const context = await browser.newContext({
    storageState: cookies,
    viewport: { width: 1280, height: 860 },
  });
  try {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(
      (t) => {
        const w = window as unknown as { __seen?: number };
        if (w.__seen === undefined && document.body?.innerText.includes(t))
          w.__seen = performance.now();
        return w.__seen !== undefined;
      },
      text,
      { polling: "raf", timeout: 60_000 },
    );
    const fcpMs = await fcp(page);
    const iccidVisibleMs = await page.evaluate(
      () => (window as unknown as { __seen: number }).__seen,
    );
    await page.waitForLoadState("networkidle");
    return {
      fcpMs: round(fcpMs, 1),
      iccidVisibleMs: round(iccidVisibleMs, 1),
      scripts: [...new Set(scripts)],
    };
  } finally {
    await context.close();
  }
}

function fcp(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((res) => {
        const have = performance.getEntriesByName("first-contentful-paint")[0];
        if (have) return res(have.startTime);
        new PerformanceObserver((list, obs) => {
          const e = list.getEntriesByName("first-contentful-paint")[0];
          if (e) {
            obs.disconnect();
            res(e.startTime);
          }
        }).observe({ type: "paint", buffered: true });
      }),
  );
}

type StorageState = Awaited<ReturnType<import("playwright-core").BrowserContext["storageState"]>>;

/** The floor under the FCP: a static page with one line of text, from a bare Node server. */
async function staticFcp(browser: Browser, runs: number): Promise<number[]> {
  const html =
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>floor</title></head><body><p>8944000000000000001</p></body></html>";
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  const out: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      out.push(round(await fcp(page), 1));
      await context.close();
    }
  } finally {
    server.close();
  }
  return out;
}

/** Typing an ICCID in the search box: last keystroke → an option naming the SIM. Null: no box. */
async function searchBox(
  browser: Browser,
  baseUrl: string,
  cookies: StorageState,
  iccids: string[],
): Promise<number[] | null> {
  const context = await browser.newContext({
    storageState: cookies,
    viewport: { width: 1280, height: 860 },
  });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole("navigation").first().waitFor({ timeout: 60_000 });
    const box = page.getByRole("combobox").first();
    if ((await box.count()) === 0) return null;
    const times: number[] = [];
    // tsx compiles this file keeping function names, through a `__name` helper the page lacks.
    await page.evaluate("window.__name = (f) => f");
    for (const iccid of iccids) {
      await box.fill("");
      await box.pressSequentially(iccid.slice(0, -1), { delay: 30 });
      await page.evaluate((id) => {
        const w = window as unknown as { __t0?: number; __done?: Promise<number> };
        w.__t0 = undefined;
        document.addEventListener("keydown", () => (w.__t0 ??= performance.now()), {
          capture: true,
          once: true,
        });
        w.__done = new Promise<number>((res) => {
          const check = () => {
            const found = [...document.querySelectorAll('[role="option"]')].some((o) =>
              (o.textContent ?? "").includes(id),
            );
            if (found && w.__t0 !== undefined) {
              obs.disconnect();
              res(performance.now() - w.__t0);
            }
          };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      }, iccid);
      await box.press(iccid.at(-1)!);
      const ms = await page.evaluate(() =>
        Promise.race([
          (window as unknown as { __done: Promise<number> }).__done,
          new Promise<number>((r) => setTimeout(() => r(-1), 30_000)),
        ]),
      );
      if (ms < 0) throw new Error(`the search box showed no option for ${iccid} within 30 s`);
      times.push(ms);
    }
    return times;
  } finally {
    await context.close();
  }
}

/** The fallback: GET /api/v1/sims?identifier=<ICCID>, sequential over keep-alive. */
async function identifierLookups(port: number, iccids: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const iccid of iccids) {
    const t0 = performance.now();
    const r = await request(port, "GET", `/api/v1/sims?identifier=${iccid}&limit=10`);
    times.push(performance.now() - t0);
    if (r.status !== 200 || !r.body.includes(iccid))
      throw new Error(`identifier lookup: ${r.status}`);
  }
  return times;
}

function gzipKb(scripts: string[]) {
  let raw = 0;
  let gz = 0;
  const files: { file: string; gzKb: number }[] = [];
  for (const path of scripts) {
    const file = join(DIST, path);
    if (!existsSync(file)) continue;
    const buf = readFileSync(file);
    const g = gzipSync(buf, { level: 9 }).length;
    raw += buf.length;
    gz += g;
    files.push({ file: path, gzKb: round(g / 1024, 1) });
  }
  return { rawKb: round(raw / 1024, 1), gzKb: round(gz / 1024, 1), files };
}

/** The SIM page's chart and map chunks, which load only once there is something to draw. */
function lazyCharts() {
  const assets = join(DIST, "assets");
  return readdirSync(assets)
    .filter((f) => /^(UsageBars|WorldMap)-.*\.js$/.test(f))
    .map((f) => ({
      file: f,
      gzKb: round(gzipSync(readFileSync(join(assets, f)), { level: 9 }).length / 1024, 1),
    }));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : round(s[Math.floor((s.length - 1) / 2)]!, 1);
};

// ─── main ───────────────────────────────────────────────────────────────────────────────────

async function main() {
  const o = parseOptions();
  const run = startBench();
  const loadStart = loadavg();
  log(
    `console bench: ${o.sims} SIMs on PostgreSQL, ${o.runs} cold loads; load ${loadStart.join(" ")}`,
  );
  build();
  await adminQuery(o.adminUrl, `DROP DATABASE IF EXISTS ${o.database} WITH (FORCE)`);
  await adminQuery(o.adminUrl, `CREATE DATABASE ${o.database}`);
  onCleanup(() =>
    adminQuery(o.adminUrl, `DROP DATABASE IF EXISTS ${o.database} WITH (FORCE)`).then(
      () => undefined,
    ),
  );
  const databaseUrl = withDatabase(o.adminUrl, o.database);
  const csv = join(BENCH_DIR, "console-sims.csv");
  await generateCsv(csv, o.sims);
  log(`CSV of ${o.sims} SIMs: ${round(statSync(csv).size / 1e6, 1)} MB`);
  const port = await startOtter(databaseUrl);
  const baseUrl = `http://127.0.0.1:${port}`;
  const imported = await importSims(port, csv);
  log(`imported in ${imported.seconds} s`);
  await adminQuery(databaseUrl, "VACUUM ANALYZE sims");
  const email = await givePassword(port, imported.me.id);

  const rand = prng(0xc0501e);
  const pick = () => iccidAt(Math.floor(rand() * o.sims));
  const browser = await launchBrowser();
  onCleanup(() => browser.close());
  // Sign in once through the page; each cold load is a new context with that cookie and no cache.
  const signing = await browser.newContext();
  const page = await signing.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/^password$/i).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.getByRole("navigation").first().waitFor({ timeout: 60_000 });
  const cookies = await signing.storageState();
  await signing.close();

  // Warm Otter and PostgreSQL (not the browser): one uncounted load.
  await coldLoad(browser, `${baseUrl}/sims/${pick()}`, cookies, "");
  const loads: ColdLoad[] = [];
  for (let i = 0; i < o.runs; i++) {
    const iccid = pick();
    loads.push(await coldLoad(browser, `${baseUrl}/sims/${iccid}`, cookies, iccid));
  }
  const floorFcp = await staticFcp(browser, o.runs);
  const js = gzipKb(loads[0]!.scripts);

  const searchIccids = Array.from({ length: o.searches }, pick);
  const boxTimes = await searchBox(browser, baseUrl, cookies, searchIccids);
  const fallback = boxTimes === null;
  const searchTimes: number[] =
    boxTimes ?? (await identifierLookups(port, [pick(), ...searchIccids])).slice(1);
  const direct = await directPostgres(databaseUrl);
  const floorTimes: number[] = [];
  for (const iccid of [pick(), ...searchIccids]) {
    const t0 = performance.now();
    await direct.select(iccid);
    floorTimes.push(performance.now() - t0);
  }
  await direct.close();
  const search: Latencies = latencies(searchTimes, 0);
  const floorSelect: Latencies = latencies(floorTimes.slice(1), 0);
  const loadEnd = loadavg();

  const fcpMs = median(loads.map((l) => l.fcpMs));
  const visibleMs = median(loads.map((l) => l.iccidVisibleMs));
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const out = [
    "",
    `Console at ${o.sims.toLocaleString("en")} SIMs on PostgreSQL (commit ${run.commit}${run.dirty ? ", src/ dirty" : ""}; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"})`,
    `load average at start ${loadStart.join(" ")}, at end ${loadEnd.join(" ")}; import ${imported.seconds} s`,
    "",
    `SIM page, cold load (median of ${o.runs}): FCP ${fcpMs} ms, ICCID visible ${visibleMs} ms   [target FCP ≤ ${TARGETS.fcpMs} ms: ${verdict(fcpMs <= TARGETS.fcpMs)}]`,
    `  each: FCP ${loads.map((l) => l.fcpMs).join(", ")} ms; ICCID ${loads.map((l) => l.iccidVisibleMs).join(", ")} ms`,
    `  floor: FCP of a static one-line page ${median(floorFcp)} ms (${floorFcp.join(", ")})`,
    `Search ${fallback ? "(FALLBACK: no search box in this console; GET /api/v1/sims?identifier=<ICCID> over HTTP)" : "box, last keystroke → option rendered"}: p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms, max ${search.maxMs} ms over ${search.requests}   [target ≤ ${TARGETS.searchMs} ms: ${verdict(search.p95Ms <= TARGETS.searchMs)} at p95]`,
    `  floor: the indexed SELECT by ICCID over one connection: p50 ${floorSelect.p50Ms} ms, p95 ${floorSelect.p95Ms} ms`,
    `First route's JavaScript: ${js.gzKb} kB gzipped (${js.rawKb} kB raw) in ${js.files.length} files   [target ≤ ${TARGETS.firstRouteJsKb} kB: ${verdict(js.gzKb <= TARGETS.firstRouteJsKb)}]`,
    ...js.files.map((f) => `  ${f.file}: ${f.gzKb} kB`),
    `  loaded later, when the SIM has usage or locations (not in the figure above): ${lazyCharts()
      .map((f) => `${f.file} ${f.gzKb} kB`)
      .join(", ")}`,
    "",
  ];
  process.stdout.write(out.join("\n") + "\n");
  process.stdout.write(
    JSON.stringify({
      sims: o.sims,
      commit: run.commit,
      loadStart,
      loadEnd,
      importSeconds: imported.seconds,
      fcpMs,
      iccidVisibleMs: visibleMs,
      loads: loads.map(({ fcpMs, iccidVisibleMs }) => ({ fcpMs, iccidVisibleMs })),
      floorFcpMs: floorFcp,
      search: { fallback, ...search },
      floorSelect,
      firstRouteJs: js,
    }) + "\n",
  );
}

main()
  .catch((err) => {
    log(`failed: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
