/** `otter serve` as a child process, its HTTP API, and the checks run against its database afterwards. */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import { once } from "node:events";
import { join } from "node:path";
import pg from "pg";
import { BENCH_DIR, freeTcpPort, log, onCleanup, ROOT, sleep } from "../util.js";

export type OtterEngine = "pglite" | "postgres";

export interface OtterServer {
  child: ChildProcess;
  httpPort: number;
  radiusPort: number;
  logFile: string;
  apiKey: string;
  /** SIGTERM (Otter stores and answers what it received, then closes), SIGKILL after 60 s. */
  stop(): Promise<void>;
}

/** `otter serve` exactly as an operator runs it, on the given storage. */
export async function startOtter(
  engine: OtterEngine,
  p: {
    storage: Record<string, string>;
    apiKey: string;
    radiusPort: number;
    root?: string;
    env?: Record<string, string>;
    /** The log file's name under .bench/. */ logName?: string;
  },
): Promise<OtterServer> {
  const httpPort = await freeTcpPort();
  const env: Record<string, string> = {};
  // The bench's own environment must not leak Otter settings (a DATABASE_URL would switch engines).
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("OTTER_") && k !== "DATABASE_URL") env[k] = v;
  Object.assign(
    env,
    p.storage,
    {
      OTTER_HOST: "127.0.0.1",
      OTTER_HTTP_PORT: String(httpPort),
      OTTER_RADIUS_HOST: "127.0.0.1",
      OTTER_RADIUS_PORT: String(p.radiusPort),
      OTTER_SMTP_HOST: "127.0.0.1",
      OTTER_SMTP_PORT: "0",
      OTTER_BOOTSTRAP_API_KEY: p.apiKey,
      OTTER_LOG_LEVEL: "warn",
      OTTER_RATE_LIMIT_PER_MINUTE: "0",
      // The benchmarks' webhook receivers listen on this machine.
      OTTER_OUTBOUND_ALLOW: "127.0.0.0/8,::1/128",
    },
    p.env,
  );
  const logFile = join(BENCH_DIR, p.logName ?? `radius-otter-${engine}.log`);
  const fd = openSync(logFile, "w");
  // OTTER_BENCH_NODE_ARGS adds Node.js flags to the server, e.g. "--cpu-prof --cpu-prof-dir=.bench/prof"
  // to see where its time goes (flags NODE_OPTIONS refuses).
  const nodeArgs = (process.env.OTTER_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "src/cli/otter.ts", "serve"],
    {
      cwd: p.root ?? ROOT,
      env,
      stdio: ["ignore", fd, fd],
    },
  );
  closeSync(fd);
  let exited = false;
  let stopping = false;
  const exit = once(child, "exit");
  child.once("exit", (code, signal) => {
    exited = true;
    if (!stopping)
      log(
        `${engine}: otter serve exited unexpectedly (code ${code}, signal ${signal}); see ${logFile}`,
      );
  });
  const stop = async () => {
    if (exited) return;
    stopping = true;
    child.kill("SIGTERM");
    const gone = await Promise.race([exit.then(() => true), sleep(60_000).then(() => false)]);
    if (!gone && !exited) {
      log(`${engine}: otter serve did not stop within 60 s of SIGTERM; SIGKILL`);
      child.kill("SIGKILL");
      await exit;
    }
  };
  onCleanup(stop);
  const server: OtterServer = {
    child,
    httpPort,
    radiusPort: p.radiusPort,
    logFile,
    apiKey: p.apiKey,
    stop,
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited)
      throw new Error(
        `otter serve exited during start; see ${logFile}:\n${readFileSync(logFile, "utf8").slice(-2000)}`,
      );
    const ok = await request(server, "GET", "/healthz").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline)
      throw new Error(`otter serve did not answer /healthz within 120 s; see ${logFile}`);
    await sleep(100);
  }
  return server;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
export const closeHttpAgent = () => agent.destroy();

export function request(
  server: OtterServer,
  method: string,
  path: string,
  body?: string | Buffer,
  contentType = "application/json",
): Promise<{ status: number; body: string }> {
  return new Promise((res, rej) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.httpPort,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${server.apiKey}`,
          ...(body !== undefined && {
            "content-type": contentType,
            "content-length": Buffer.byteLength(body),
          }),
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
    req.end(body);
  });
}

export async function api<T>(
  server: OtterServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const r = await request(
    server,
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
  );
  if (r.status < 200 || r.status > 299)
    throw new Error(`${method} ${path} answered ${r.status}: ${r.body.slice(0, 500)}`);
  return JSON.parse(r.body) as T;
}

/** Imports the SIMs through POST /api/v1/sims/imports and waits for the job; returns seconds taken. */
export async function importSims(
  server: OtterServer,
  accountId: string,
  csv: string,
  timeoutS: number,
): Promise<number> {
  const t0 = Date.now();
  const up = await request(
    server,
    "POST",
    `/api/v1/sims/imports?accountId=${accountId}`,
    csv,
    "text/csv",
  );
  if (up.status !== 202)
    throw new Error(`the SIM import upload answered ${up.status}: ${up.body.slice(0, 500)}`);
  const { jobId } = JSON.parse(up.body) as { jobId: string };
  for (;;) {
    const job = await api<{
      status: string;
      counts: Record<string, number>;
      errorCount: number;
      failure: unknown;
    }>(server, "GET", `/api/v1/jobs/${jobId}`);
    if (job.status === "succeeded") {
      if (job.errorCount > 0)
        throw new Error(
          `the SIM import reported ${job.errorCount} row errors: ${JSON.stringify(job.counts)}`,
        );
      return (Date.now() - t0) / 1000;
    }
    if (job.status === "failed" || job.status === "cancelled")
      throw new Error(`the SIM import ${job.status}: ${JSON.stringify(job.failure)}`);
    if (Date.now() - t0 > timeoutS * 1000)
      throw new Error(`the SIM import did not end within ${timeoutS} s`);
    await sleep(250);
  }
}

/** Otter's RADIUS metrics: requests by outcome, drops by reason, group-commit sizes and times. */
export interface RadiusMetrics {
  outcomes: Record<string, number>;
  dropped: Record<string, number>;
  batches: number;
  meanBatch: number;
  meanCommitMs: number;
}

export async function radiusMetrics(server: OtterServer): Promise<RadiusMetrics> {
  const r = await request(server, "GET", "/metrics");
  const outcomes: Record<string, number> = {};
  const dropped: Record<string, number> = {};
  let batchSum = 0,
    batchCount = 0,
    commitSum = 0,
    commitCount = 0;
  for (const line of r.body.split("\n")) {
    let m = line.match(/^otter_radius_requests_total\{outcome="([^"]+)"\} (\S+)/);
    if (m) outcomes[m[1]!] = Number(m[2]);
    m = line.match(/^otter_radius_dropped_total\{reason="([^"]+)"\} (\S+)/);
    if (m) dropped[m[1]!] = Number(m[2]);
    m = line.match(/^otter_radius_(batch_size|commit_seconds)_(sum|count) (\S+)/);
    if (m) {
      const v = Number(m[3]);
      if (m[1] === "batch_size") {
        if (m[2] === "sum") batchSum = v;
        else batchCount = v;
      } else if (m[2] === "sum") commitSum = v;
      else commitCount = v;
    }
  }
  return {
    outcomes,
    dropped,
    batches: batchCount,
    meanBatch: batchCount ? Math.round((batchSum / batchCount) * 10) / 10 : 0,
    meanCommitMs: commitCount ? Math.round((commitSum / commitCount) * 10000) / 10 : 0,
  };
}

// ─── the database afterwards ────────────────────────────────────────────────────────────────

export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** A query function on Otter's database once `otter serve` has stopped; `close` releases it. */
export async function openStoredDatabase(
  engine: OtterEngine,
  storage: Record<string, string>,
): Promise<{ query: Query; close(): Promise<void> }> {
  if (engine === "postgres") {
    const client = new pg.Client({ connectionString: storage.DATABASE_URL });
    await client.connect();
    return {
      query: async (text) => (await client.query(text)).rows as Record<string, unknown>[],
      close: () => client.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(storage.OTTER_DATA_DIR!);
  return {
    query: async (text) => (await db.query<Record<string, unknown>>(text)).rows,
    close: () => db.close(),
  };
}
