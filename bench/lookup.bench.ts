/**
 * The SIM lookup alone, without an import: `otter serve` on a fresh PostgreSQL database (it runs its
 * migrations), a customer account, a zone priced by the rate plan and one that is not (so the
 * bill-shock warning has something to say), then N SIMs inserted straight into `sims` with one SQL
 * statement (not the API: the import has its own benchmark), VACUUM ANALYZE, and the lookup phase
 * of `npm run bench:import` (bench/sim-lookup.ts) with the direct `SELECT` beside it.
 *
 *   node --import tsx bench/lookup.bench.ts --rows 200000 --plans all --lookups 2000
 *   --plans none   SIMs without plans, as the import benchmark's file makes them
 *   --compare DIR  also runs otter serve from DIR on its own database, asks both in turn (same load)
 *   --root DIR     runs otter serve from another checkout (a commit before a change, for comparison)
 *   --cpu-prof     writes a V8 CPU profile of otter serve to .bench/lookup-prof/ (at its stop)
 *   --env K=V,...  settings for otter serve (this checkout's), e.g. OTTER_WORKER_POLL_MS=60000
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { luhnCheckDigit } from "../src/lib/identifiers.js";
import http from "node:http";
import { api, closeHttpAgent, type OtterServer, startOtter } from "./radius/otter.js";
import {
  describeLookups,
  directPostgres,
  getSim,
  type Latencies,
  latencies,
  runLookups,
} from "./sim-lookup.js";
import {
  BENCH_DIR,
  ROOT,
  freeUdpPort,
  freshDatabase,
  freshDir,
  envOption,
  intOption,
  loadavg,
  log,
  prng,
  runCleanups,
  startBench,
} from "./util.js";

const iccidAt = (i: number) => {
  const payload = `89440${String(i).padStart(14, "0")}`;
  return payload + luhnCheckDigit(payload);
};

const LUHN_SQL = `
  CREATE FUNCTION bench_luhn(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT p || ((10 - sum(CASE WHEN (length(p) - i) % 2 = 0
                                THEN (CASE WHEN substr(p, i, 1)::int * 2 > 9 THEN substr(p, i, 1)::int * 2 - 9 ELSE substr(p, i, 1)::int * 2 END)
                                ELSE substr(p, i, 1)::int END) % 10) % 10)::text
    FROM generate_series(1, length(p)) i
  $$;`;

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "200000" },
      lookups: { type: "string", default: "2000" },
      warmup: { type: "string", default: "200" },
      plans: { type: "string", default: "all" },
      "cpu-prof": { type: "boolean", default: false },
      root: { type: "string" },
      compare: { type: "string" },
      env: { type: "string" },
      "pg-url": {
        type: "string",
        default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
      },
    },
  });
  const rows = intOption("rows", values.rows!, 10, 10_000_000);
  const n = intOption("lookups", values.lookups!, 1, 1_000_000);
  const warmup = intOption("warmup", values.warmup!, 0, 100_000);
  if (values.plans !== "all" && values.plans !== "none")
    throw new Error("--plans must be all or none");
  const serverEnv = envOption(values.env);
  const { commit, dirty } = startBench();
  const loadAtStart = loadavg();
  const prepare = async (root: string | undefined, name: string) => {
    const url = await freshDatabase(values["pg-url"]!, "lookup");
    const apiKey = `otk_bench_${randomBytes(16).toString("hex")}`;
    const server = await startOtter("postgres", {
      storage: {
        DATABASE_URL: url,
        OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
        OTTER_DATA_DIR: freshDir("lookup-otter-data"),
      },
      apiKey,
      radiusPort: await freeUdpPort(),
      logName: `lookup-otter-${name}.log`,
      root,
      env: {
        ...(name === "this" ? serverEnv : {}),
        ...(values["cpu-prof"]
          ? {
              NODE_OPTIONS: `--import=${join(ROOT, "bench", "cpu-profile.mjs")}`,
              BENCH_PROF_DIR: join(BENCH_DIR, "lookup-prof", name),
            }
          : {}),
      },
    });
    await fill(server, url, rows, values.plans!);
    return { server, url, apiKey };
  };
  try {
    const at =
      (values.root ? `otter from ${values.root}` : `commit ${commit}${dirty ? " (dirty)" : ""}`) +
      (values.env ? ` with ${values.env}` : "");
    const mine = await prepare(values.root, "this");
    if (values.compare) {
      const other = await prepare(values.compare, "compare");
      log(`${n} lookups (+${warmup} warm-up) on each, alternating …`);
      const loadBefore = loadavg();
      const [a, b] = (await paired([mine, other], rows, n, warmup)) as [Latencies, Latencies];
      process.stdout.write(
        `lookup ${rows} SIMs, plans ${values.plans}, the two servers asked in turn, load ${loadBefore.join(" ")} (end ${loadavg().join(" ")})\n` +
          `  ${at}: ${describeLookups({ ...a, warmup, direct: null })}\n` +
          `  otter from ${values.compare}: ${describeLookups({ ...b, warmup, direct: null })}\n`,
      );
      return;
    }
    log(`${n} lookups (+${warmup} warm-up) …`);
    const loadBefore = loadavg();
    const r = await runLookups({
      port: mine.server.httpPort,
      apiKey: mine.apiKey,
      iccidAt,
      rows,
      n,
      warmup,
      openDirect: () => directPostgres(mine.url),
    });
    await mine.server.stop();
    process.stdout.write(
      `lookup ${rows} SIMs, plans ${values.plans}, ${at}, load ${loadBefore.join(" ")} (start ${loadAtStart.join(" ")}, end ${loadavg().join(" ")})\n  ${describeLookups(r)}\n${JSON.stringify(r)}\n`,
    );
  } finally {
    await runCleanups();
    closeHttpAgent();
  }
}

/**
 * Two servers asked in turn, one request each per ICCID, which one first alternating: on a shared
 * machine both see the same load, so their difference is the code's.
 */
async function paired(
  servers: { server: OtterServer; apiKey: string }[],
  rows: number,
  n: number,
  warmup: number,
): Promise<Latencies[]> {
  const agents = servers.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const times: number[][] = servers.map(() => []);
  const errors = servers.map(() => 0);
  const rand = prng(0x100c);
  try {
    for (let k = 0; k < warmup + n; k++) {
      const iccid = iccidAt(Math.floor(rand() * rows));
      const order = k % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const s = servers[i]!;
        const t0 = performance.now();
        const r = await getSim(agents[i]!, s.server.httpPort, iccid, s.apiKey);
        const ms = performance.now() - t0;
        if (k < warmup) continue;
        if (r.status !== 200 || !r.body.includes(iccid)) errors[i]!++;
        times[i]!.push(ms);
      }
    }
  } finally {
    for (const a of agents) a.destroy();
  }
  return times.map((t, i) => latencies(t, errors[i]!));
}

/** A customer account, a zone the rate plan prices and one it does not, plans, and `rows` SIMs. */
async function fill(server: OtterServer, url: string, rows: number, withPlans: string) {
  const u = randomBytes(3).toString("hex");
  const account = await api<{ id: string }>(server, "POST", "/api/v1/accounts", {
    name: `Fleet ${u}`,
  });
  const eu = await api<{ name: string }>(server, "POST", "/api/v1/zones", {
    name: `EU ${u}`,
    countries: ["FR", "DE"],
  });
  const africa = await api<{ name: string }>(server, "POST", "/api/v1/zones", {
    name: `East Africa ${u}`,
    countries: ["KE", "TZ"],
  });
  const comm = await api<{ id: string }>(server, "POST", "/api/v1/communication-plans", {
    name: `Trackers ${u}`,
    apns: [{ name: "iot.otter.example" }],
    rats: ["LTE-M"],
    zones: [eu.name, africa.name],
  });
  const rate = await api<{ id: string }>(server, "POST", "/api/v1/rate-plans", {
    name: `Tracker 10MB ${u}`,
    currency: "EUR",
    subscription: { monthlyFeePerSim: 1.5 },
    included: { dataBytes: 10 * 1024 * 1024 },
    zones: [{ zone: eu.name, dataPerMB: 0.5 }],
    dataLimitBytes: 50 * 1024 * 1024,
  });
  log(`inserting ${rows} SIMs (plans: ${withPlans}) …`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(LUHN_SQL);
    const plans = withPlans === "all" ? `'${comm.id}', '${rate.id}'` : "NULL, NULL";
    await c.query(`
      INSERT INTO sims (id, iccid, imsi, msisdn, account_id, state, communication_plan_id, rate_plan_id, created_at, updated_at)
      SELECT gen_random_uuid(), bench_luhn('89440' || lpad(i::text, 14, '0')), '00101' || lpad(i::text, 10, '0'),
             '+447' || lpad(i::text, 9, '0'), '${account.id}', 'ACTIVATED', ${plans}, now(), now()
      FROM generate_series(0::bigint, ${rows - 1}) i`);
    await c.query("DROP FUNCTION bench_luhn(text)");
    await c.query("VACUUM ANALYZE sims");
  } finally {
    await c.end();
  }
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  closeHttpAgent();
  process.exit(1);
});
