/**
 * The lookup phase of `npm run bench:import` and `bench/lookup.bench.ts`: sequential
 * `GET /api/v1/sims/{iccid}` over one keep-alive connection, measured by the client, and beside it
 * the floor — the same indexed `SELECT` Otter's `findByIccid` issues, sent directly over one
 * connection (pg on PostgreSQL; PGlite in this process on the data directory once Otter has stopped,
 * since one process owns a PGlite directory).
 */
import http from "node:http";
import pg from "pg";
import { prng, round } from "./util.js";

/** Otter's `simsRepo.findByIccid` as it reaches the database (src/modules/sims/sims.repo.sql). */
export const FIND_BY_ICCID_SQL = `select "sims".*, (select "account_scope"."path" from "account_scope" where "account_scope"."account_id" = "sims"."account_id") as "account_path" from "sims" where "sims"."iccid" = $1`;

export interface Latencies {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface LookupResult extends Latencies {
  warmup: number;
  /** The same `SELECT` issued directly over one connection: the floor under Otter's figure. */
  direct: Latencies | null;
}

/** Runs the `SELECT` for one ICCID and says whether it found the SIM. */
export type DirectSelect = (iccid: string) => Promise<boolean>;
export interface DirectConnection {
  select: DirectSelect;
  close(): Promise<void>;
}

export async function directPostgres(url: string): Promise<DirectConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    select: async (iccid) => (await client.query(FIND_BY_ICCID_SQL, [iccid])).rows.length === 1,
    close: () => client.end(),
  };
}

export async function directPglite(dataDir: string): Promise<DirectConnection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dataDir);
  return {
    select: async (iccid) => (await db.query(FIND_BY_ICCID_SQL, [iccid])).rows.length === 1,
    close: () => db.close(),
  };
}

export function latencies(times: number[], errors: number): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return {
    requests: sorted.length,
    errors,
    p50Ms: round(pct(50)),
    p95Ms: round(pct(95)),
    p99Ms: round(pct(99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}

/** One `GET /api/v1/sims/{iccid}`. */
export function getSim(
  agent: http.Agent,
  port: number,
  iccid: string,
  apiKey: string,
): Promise<{ status: number; body: string }> {
  const path = `/api/v1/sims/${iccid}`;
  return new Promise((res, rej) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, agent, headers: { authorization: `Bearer ${apiKey}` } },
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
    req.end();
  });
}

/**
 * `n` sequential lookups of random ICCIDs (after `warmup` uncounted ones) through Otter, then as
 * many direct `SELECT`s (after as many warm-up ones) for other random ICCIDs. `openDirect` is called after the
 * HTTP phase (PGlite's directory can only be opened once Otter has let go of it: `beforeDirect`
 * stops the server there).
 */
export async function runLookups(p: {
  port: number;
  apiKey: string;
  iccidAt: (i: number) => string;
  rows: number;
  n: number;
  warmup: number;
  openDirect?: () => Promise<DirectConnection>;
  beforeDirect?: () => Promise<void>;
}): Promise<LookupResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let errors = 0;
  try {
    const rand = prng(0x100c);
    for (let k = 0; k < p.warmup + p.n; k++) {
      const iccid = p.iccidAt(Math.floor(rand() * p.rows));
      const t0 = performance.now();
      const r = await getSim(agent, p.port, iccid, p.apiKey);
      const ms = performance.now() - t0;
      if (k < p.warmup) continue;
      if (r.status !== 200 || !r.body.includes(iccid)) errors++;
      times.push(ms);
    }
  } finally {
    agent.destroy();
  }
  const otter = latencies(times, errors);
  if (!p.openDirect) return { ...otter, warmup: p.warmup, direct: null };

  await p.beforeDirect?.();
  const direct = await p.openDirect();
  const dtimes: number[] = [];
  let derrors = 0;
  try {
    // Other ICCIDs than Otter's: the floor must not read pages Otter's phase just brought in.
    const rand = prng(0x100d);
    for (let k = 0; k < p.warmup + p.n; k++) {
      const iccid = p.iccidAt(Math.floor(rand() * p.rows));
      const t0 = performance.now();
      const found = await direct.select(iccid);
      const ms = performance.now() - t0;
      if (k < p.warmup) continue;
      if (!found) derrors++;
      dtimes.push(ms);
    }
  } finally {
    await direct.close();
  }
  return { ...otter, warmup: p.warmup, direct: latencies(dtimes, derrors) };
}

/** One line for a report: Otter's percentiles and the direct `SELECT`'s beside them. */
export function describeLookups(l: LookupResult): string {
  const own = `p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms (${l.requests} req, ${l.errors} errors)`;
  if (!l.direct) return own;
  const d = l.direct;
  return `${own}; direct SELECT p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms (${d.errors} not found)`;
}
