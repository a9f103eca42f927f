/**
 * `npm run bench:billing` — the billing benchmark of docs/benchmarks.md (issue 15).
 *
 * On a fresh PostgreSQL database, with Otter built in-process (its real services and HTTP API):
 *   1. seeds N SIMs (1,000,000 by default), ACTIVATED all cycle, spread over C customers and 4 rate
 *      plans with pools (flexible and fixed; 3 zones priced), with one COPY;
 *   2. seeds their daily usage for November 2026 — N × 30 rows of usage_daily, a zone per SIM and
 *      day — with one INSERT … SELECT on the server;
 *   3. times the billing run (POST /api/v1/billing-runs, the job to its end: one draft per customer);
 *   4. prints the floor in the same run: one SQL aggregate over the same rows (GROUP BY account, zone);
 *   5. times explaining one line (the pool line of the first invoice, first page of SIMs): p50/p99.
 *
 *   npm run bench:billing -- --sims 20000 --customers 4
 *   npm run bench:billing -- --sims 1000000 --pg postgres://root@127.0.0.1:5432/test
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import pino from "pino";
import { buildOtter } from "../src/app/build-app.js";
import { loadConfig } from "../src/app/config.js";
import { openDatabase } from "../src/db/database.js";
import { luhnCheckDigit } from "../src/lib/identifiers.js";
import { adminQuery, freshDatabase, intOption, loadavg, log, round, runCleanups } from "./util.js";

const TARGETS = { runSeconds: 120, explainP99Ms: 50 };
const MB = 1_048_576;

const { values: args } = parseArgs({
  options: {
    sims: { type: "string", default: "1000000" },
    customers: { type: "string", default: "20" },
    explains: { type: "string", default: "200" },
    pg: {
      type: "string",
      default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
    },
  },
});
const N = intOption("sims", args.sims!, 100, 10_000_000);
const C = intOption("customers", args.customers!, 1, 10_000);
const EXPLAINS = intOption("explains", args.explains!, 10, 100_000);

const iccidAt = (i: number) => {
  const p = `89446${String(i).padStart(13, "0")}`;
  return p + luhnCheckDigit(p);
};

async function main() {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: String((await adminQuery(args.pg!, "SHOW server_version")).rows[0].server_version),
    loadAtStart: loadavg(),
  };
  log(`machine ${JSON.stringify(machine)}`);
  const url = await freshDatabase(args.pg!, "billing");
  const apiKey = `otk_bench_${randomBytes(16).toString("hex")}`;
  const config = loadConfig({
    DATABASE_URL: url,
    OTTER_HTTP_PORT: "0",
    OTTER_HOST: "127.0.0.1",
    OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
    OTTER_BOOTSTRAP_API_KEY: apiKey,
    OTTER_LOG_LEVEL: "silent",
    OTTER_RATE_LIMIT_PER_MINUTE: "0",
    OTTER_RADIUS_PORT: "0",
    OTTER_RADIUS_HOST: "127.0.0.1",
    OTTER_SMTP_PORT: "0",
    OTTER_SMTP_HOST: "127.0.0.1",
  });
  const database = await openDatabase({ url, poolSize: 4 });
  const otter = await buildOtter({
    config,
    logger: pino({ level: "silent" }),
    database,
    startWorkers: false,
  });
  const base = await otter.listen();
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads answers loosely
    return { status: res.status, body: (await res.json()) as any };
  };
  const root = await otter.services.accounts.rootAccount();
  await api("PUT", `/api/v1/accounts/${root.id}/billing-profile`, {
    cycle: "calendar",
    country: "IT",
  });

  // The catalog: 3 zones, 4 rate plans with pools, all in force before November.
  const zones = ["Home", "Europe", "World"];
  const zoneIds: string[] = [];
  for (const [i, name] of zones.entries())
    zoneIds.push(
      (await api("POST", "/api/v1/zones", { name, countries: [["IT"], ["FR", "DE"], ["TR"]][i] }))
        .body.id,
    );
  const planIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await api("POST", "/api/v1/rate-plans", {
      name: `Bench ${i}`,
      currency: "EUR",
      effectiveFrom: "2026-01-01T00:00:00Z",
      subscription: { monthlyFeePerSim: 1 + i / 2, activationFee: 0 },
      included: { dataBytes: 10 * MB, sms: 5 },
      pool: i % 2 ? { type: "fixed", fixedPoolBytes: 5 * MB * N } : { type: "flex" },
      zones: [
        { zone: "Home", dataPerMB: 0.5, smsMO: 0.05, smsMT: 0.02 },
        { zone: "Europe", dataPerMB: 2, smsMO: 0.1, smsMT: 0.05 },
        { zone: "World", dataPerMB: 9, smsMO: 0.3, smsMT: 0.1 },
      ],
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    planIds.push(res.body.id);
  }
  const customers: string[] = [];
  for (let c = 0; c < C; c++) {
    const res = await api("POST", "/api/v1/accounts", {
      name: `Bench customer ${c}`,
      currency: "EUR",
      timeZone: "Europe/Rome",
    });
    customers.push(res.body.id);
    await api("PUT", `/api/v1/accounts/${res.body.id}/billing-profile`, {
      cycle: "calendar",
      country: "IT",
    });
  }

  // 1. N SIMs, ACTIVATED since October, one COPY.
  let t0 = Date.now();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  const created = "2026-10-01T00:00:00Z";
  async function* lines() {
    const chunk: string[] = [];
    for (let i = 0; i < N; i++) {
      const hex = (0x1000000 + i).toString(16).padStart(12, "0");
      const account = customers[i % C];
      const plan = planIds[i % 4];
      chunk.push(
        `0190a8a0-0000-7000-8000-${hex}\t${iccidAt(i)}\t00102${String(i).padStart(10, "0")}\t${account}\tACTIVATED\t${plan}\t${created}\t${created}\t${created}\n`,
      );
      if (chunk.length === 10_000) yield chunk.splice(0).join("");
    }
    if (chunk.length) yield chunk.join("");
  }
  await pipeline(
    Readable.from(lines()),
    client.query(
      copyStreams.from(
        "COPY sims (id, iccid, imsi, account_id, state, rate_plan_id, date_activated, created_at, updated_at) FROM STDIN",
      ),
    ),
  );
  log(`seeded ${N} SIMs with COPY in ${round((Date.now() - t0) / 1000, 1)} s`);

  // 2. N × 30 daily usage rows: one zone per SIM and day (mostly home), 0–1 MB a day.
  t0 = Date.now();
  await client.query(
    `INSERT INTO usage_daily (sim_id, day, zone_key, zone_id, account_id, bytes_up, bytes_down, billed_bytes, sms_mo, sms_mt)
     SELECT s.id, d::date, z.id::text, z.id, s.account_id, 0, b.bytes, b.bytes, (b.bytes % 3)::int, (b.bytes % 2)::int
     FROM sims s
     CROSS JOIN generate_series('2026-11-01'::date, '2026-11-30'::date, '1 day') d
     CROSS JOIN LATERAL (SELECT (abs(hashtext(s.id::text || d::text)) % ${MB}) AS bytes) b
     JOIN LATERAL (SELECT id FROM zones WHERE name = (ARRAY['Home','Home','Home','Home','Europe','World'])[1 + abs(hashtext(d::text || s.id::text)) % 6]) z ON true`,
  );
  await client.query("ANALYZE sims; ANALYZE sim_audit; ANALYZE usage_daily");
  const rows = Number((await client.query("SELECT count(*) AS n FROM usage_daily")).rows[0].n);
  log(`seeded ${rows} usage_daily rows in ${round((Date.now() - t0) / 1000, 1)} s`);

  // 3. The billing run.
  const loadBeforeRun = loadavg();
  t0 = Date.now();
  const run = await api("POST", "/api/v1/billing-runs", { period: "2026-11" });
  if (run.status !== 202) throw new Error(JSON.stringify(run.body));
  await otter.services.jobs.runPending();
  const runSeconds = (Date.now() - t0) / 1000;
  const job = (await api("GET", `/api/v1/jobs/${run.body.jobId}`)).body;
  if (job.status !== "succeeded") throw new Error(JSON.stringify(job));
  log(`billing run: ${round(runSeconds, 1)} s, ${job.counts.created} draft invoices`);

  // 4. The floor: one aggregate over the same rows.
  t0 = Date.now();
  await client.query(
    `SELECT account_id, zone_id, sum(billed_bytes), sum(sms_mo), sum(sms_mt)
     FROM usage_daily WHERE day >= '2026-11-01' AND day < '2026-12-01' GROUP BY account_id, zone_id`,
  );
  const floorSeconds = (Date.now() - t0) / 1000;
  log(`floor (GROUP BY account, zone): ${round(floorSeconds, 1)} s`);

  // 5. Explaining one line: the pool line of the first invoice, first page of 50 SIMs.
  const list = (await api("GET", `/api/v1/invoices?accountId=${customers[0]}`)).body;
  const invoice = (await api("GET", `/api/v1/invoices/${list.items[0].id}`)).body;
  const line = invoice.lines.find((l: { kind: string }) => l.kind === "pool") ?? invoice.lines[0];
  const times: number[] = [];
  for (let i = 0; i < EXPLAINS; i++) {
    const s = performance.now();
    const ex = await api(
      "GET",
      `/api/v1/invoices/${invoice.id}/lines/${line.n}/explanation?limit=50`,
    );
    if (ex.status !== 200) throw new Error(JSON.stringify(ex.body));
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    round(times[Math.min(times.length - 1, Math.floor(times.length * p))]!, 1);
  log(`explain one line (${line.description}): p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);

  const result = {
    sims: N,
    customers: C,
    usageRows: rows,
    runSeconds: round(runSeconds, 1),
    floorSeconds: round(floorSeconds, 1),
    ratioToFloor: round(runSeconds / floorSeconds, 2),
    explainMs: { p50: pct(0.5), p99: pct(0.99), n: EXPLAINS },
    targets: TARGETS,
    pass: {
      run: runSeconds <= TARGETS.runSeconds,
      explain: pct(0.99) <= TARGETS.explainP99Ms,
    },
    machine,
    loadBeforeRun,
    loadAtEnd: loadavg(),
  };
  console.log(JSON.stringify(result));
  await client.end();
  await otter.close();
  await database.close();
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
