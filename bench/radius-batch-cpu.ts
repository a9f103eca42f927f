/**
 * CPU per accounting record of one group commit, at fixed batch sizes, without the network: the
 * RADIUS bench's packets (Start, then Interim-Updates) decoded as the server decodes them and given to
 * `signals.recordAccounting` in batches of `--batch` records, one batch at a time. It prints the CPU
 * microseconds per record spent by this process (Otter) and by the PostgreSQL backend(s) of its
 * database (read from /proc), and the wall time per batch. CPU time does not depend on what else the
 * machine runs, so this compares code on a loaded machine where `npm run bench:radius` cannot.
 *
 *   OTTER_TEST_ENGINE=postgres node --import tsx bench/radius-batch-cpu.ts --sims 4000 --batch 100 --rounds 5
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { decodeAccounting, decodePacket } from "../src/network/radius/index.js";
import { toAccountingInput } from "../src/network/radius-server.js";
import type { AccountingInput } from "../src/modules/network/network.types.js";
import { startOtter } from "../test/support/otter.js";
import { TEST_ENGINE } from "../test/support/engine.js";
import { buildRequest, imsiAt, simCsv } from "./radius/workload.js";

const { values } = parseArgs({
  options: {
    sims: { type: "string", default: "4000" },
    batch: { type: "string", default: "100" },
    rounds: { type: "string", default: "5" },
    explain: { type: "boolean", default: false },
    stats: { type: "boolean", default: false },
  },
});
const sims = Number(values.sims);
const batchSize = Number(values.batch);
const rounds = Number(values.rounds);

const t = await startOtter({ OTTER_WORKER_POLL_MS: "1000" }, { pgliteOnDisk: true });
const db = t.otter.database.db;
const client = (
  await t.api("POST", "/api/v1/network/clients", {
    body: { name: "pgw", address: "127.0.9.1", secret: "s3cret-pgw" },
  })
).body.id as string;
const up = await t.api("POST", `/api/v1/sims/imports?accountId=${t.rootAccountId}`, {
  raw: simCsv(sims),
  headers: { "content-type": "text/csv" },
});
if (up.status !== 202) throw new Error(`import: ${up.status} ${JSON.stringify(up.body)}`);
for (;;) {
  const job = await t.api("GET", `/api/v1/jobs/${up.body.jobId}`);
  if (job.body.status === "succeeded") break;
  if (job.body.status === "failed") throw new Error(JSON.stringify(job.body));
  await new Promise((r) => setTimeout(r, 100));
}

function inputs(kind: "start" | "interim", n: number): AccountingInput[] {
  const out: AccountingInput[] = [];
  for (let s = 0; s < sims; s++) {
    const msg = buildRequest({
      kind,
      session: s,
      n,
      imsi: imsiAt(s),
      identifier: s & 255,
      secret: "s3cret-pgw",
      runTag: "cpu",
    });
    const p = decodePacket(msg);
    if (!p.ok) throw new Error(p.detail);
    const r = decodeAccounting(p.value);
    if (!r.ok) throw new Error(r.detail);
    out.push(toAccountingInput(client, r.value, new Date()));
  }
  return out;
}

async function backendPids(): Promise<number[]> {
  if (TEST_ENGINE !== "postgres") return [];
  const r = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
  return r.rows.map((x) => x.pid);
}
const TICK_US = 1e6 / 100; // USER_HZ
function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8");
      const parts = f.slice(f.lastIndexOf(")") + 2).split(" ");
      ticks += Number(parts[11]) + Number(parts[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * TICK_US;
}

async function phase(name: string, records: AccountingInput[]) {
  const pids = await backendPids();
  const pg0 = cpuOf(pids);
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  let batches = 0;
  for (let i = 0; i < records.length; i += batchSize) {
    await t.otter.services.signals.recordAccounting(records.slice(i, i + batchSize));
    batches++;
  }
  const wall = performance.now() - w0;
  const c = process.cpuUsage(c0);
  const pg = cpuOf(pids) - pg0;
  const otterUs = (c.user + c.system) / records.length;
  const pgUs = pg / records.length;
  console.log(
    `${TEST_ENGINE} ${name.padEnd(8)} batch ${batchSize}: Otter ${otterUs.toFixed(0)} µs/record, ` +
      `PostgreSQL ${TEST_ENGINE === "postgres" ? pgUs.toFixed(0) : "-"} µs/record, ` +
      `${(wall / batches).toFixed(1)} ms/batch`,
  );
  return { otterUs, pgUs };
}

await phase("Start", inputs("start", 0));
const results = [];
for (let n = 1; n <= rounds; n++) results.push(await phase(`Interim${n}`, inputs("interim", n)));
const rest = results.slice(1);
const mean = (f: (r: { otterUs: number; pgUs: number }) => number) =>
  rest.reduce((a, r) => a + f(r), 0) / Math.max(1, rest.length);
console.log(
  `${TEST_ENGINE} Interim mean of rounds 2–${rounds}: Otter ${mean((r) => r.otterUs).toFixed(0)} µs/record, PostgreSQL ${mean((r) => r.pgUs).toFixed(0)} µs/record`,
);
if (values.stats && TEST_ENGINE === "postgres") {
  await new Promise((r) => setTimeout(r, 800)); // the statistics collector's delay
  const r = await sql<Record<string, unknown>>`
    SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, idx_scan, seq_scan,
           (SELECT count(*) FROM pg_index i WHERE i.indrelid = s.relid) AS indexes,
           (SELECT reloptions FROM pg_class c WHERE c.oid = s.relid) AS options
      FROM pg_stat_user_tables s WHERE n_tup_ins + n_tup_upd > 0 ORDER BY relname`.execute(db);
  console.table(r.rows);
  const ix = await sql<Record<string, unknown>>`
    SELECT tablename, indexdef FROM pg_indexes
     WHERE tablename IN ('data_sessions','sim_network_state','usage_daily','session_usage_daily',
                         'accounting_records','accounting_record_keys') ORDER BY 1`.execute(db);
  for (const x of ix.rows) console.log(x.indexdef);
}
if (values.explain && TEST_ENGINE === "postgres") {
  // One more Interim batch with its statements captured, then each run again under EXPLAIN ANALYZE
  // in one transaction that is rolled back: planning and execution time of each statement.
  const pg = (await import("pg")).default;
  const captured: { text: string; values: unknown[] }[] = [];
  const orig = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown[]];
    if (typeof q === "string") captured.push({ text: q, values: v ?? [] });
    else if (q && typeof q === "object" && "text" in q)
      captured.push({ text: q.text, values: q.values ?? v ?? [] });
    return (orig as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof orig;
  const recs = inputs("interim", rounds + 1).slice(0, batchSize);
  await t.otter.services.signals.recordAccounting(recs);
  pg.Client.prototype.query = orig;
  for (const q of captured)
    console.log(
      `stmt: ${q.text.replace(/\s+/g, " ").slice(0, 90)} [${q.text.length} chars, ${JSON.stringify(q.values).length} param chars]`,
    );
  const dbName = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(db)).rows[0]!.d;
  const c = new pg.Client({ connectionString: `postgres://root@127.0.0.1:5432/${dbName}` });
  await c.connect();
  await c.query("SET jit = off");
  const pid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p as number;
  const relevant = captured.filter((q) => /WITH |"sims"/.test(q.text));
  for (const [i, q] of relevant.entries()) {
    for (const mode of ["unnamed", "named", "unnamed", "named"]) {
      const c0 = cpuOf([pid]);
      const w0 = performance.now();
      for (let k = 0; k < 40; k++) {
        await c.query("BEGIN");
        if (mode === "named") await c.query({ name: `s${i}`, text: q.text, values: q.values });
        else await c.query(q.text, q.values);
        await c.query("ROLLBACK");
      }
      console.log(
        `stmt ${i} ${mode}: backend ${((cpuOf([pid]) - c0) / 40).toFixed(0)} µs CPU, ${((performance.now() - w0) / 40).toFixed(2)} ms wall per run (${q.text.slice(0, 40).replace(/\s+/g, " ")})`,
      );
    }
  }
  await c.query("BEGIN");
  for (const pass of [1, 2, 3])
    for (const q of captured) {
      if (/^(begin|commit|rollback)/i.test(q.text.trim())) continue;
      if (!/accounting_record|data_sessions|"sims"|root_account|accounts/.test(q.text)) continue;
      const r = await c.query(
        `EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${q.text}`,
        q.values as unknown[],
      );
      const lines = r.rows.map((x: Record<string, string>) => x["QUERY PLAN"] ?? "");
      console.log(`--- pass ${pass}: ${q.text.replace(/\s+/g, " ").slice(0, 70)}`);
      console.log(lines.filter((l) => /Planning Time|Execution Time/.test(l)).join("; "));
    }
  await c.query("ROLLBACK");
  await c.end();
}
await t.close();
