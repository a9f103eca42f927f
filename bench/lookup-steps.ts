/**
 * Where the time of one `GET /api/v1/sims/{iccid}` goes, step by step, in one process on PostgreSQL:
 * Otter built in-process on a fresh database with N SIMs on plans, then, each step timed alone over
 * the same random ICCIDs (after a warm-up): the direct `SELECT` on one pg connection, the same
 * statement through Kysely and the pool, the API-key check, the service's `get`, Fastify's
 * `inject` (routing, hooks, validation, serialisation; no socket) and the request over HTTP.
 *
 *   node --import tsx bench/lookup-steps.ts --rows 100000 --n 2000 [--only inject] [--plans none]
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";
import pino from "pino";
import { buildOtter } from "../src/app/build-app.js";
import { loadConfig } from "../src/app/config.js";
import { openDatabase } from "../src/db/database.js";
import { luhnCheckDigit, parseIccid } from "../src/lib/identifiers.js";
import { simsRepo } from "../src/modules/sims/sims.repo.js";
import { FIND_BY_ICCID_SQL, latencies } from "./sim-lookup.js";
import { freshDatabase, intOption, loadavg, prng, runCleanups } from "./util.js";

const iccidAt = (i: number) => {
  const payload = `89440${String(i).padStart(14, "0")}`;
  return payload + luhnCheckDigit(payload);
};

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      n: { type: "string", default: "2000" },
      plans: { type: "string", default: "all" },
      only: { type: "string" },
      "pg-url": { type: "string", default: "postgres://root@127.0.0.1:5432/test" },
    },
  });
  const rows = intOption("rows", values.rows!, 10, 10_000_000);
  const n = intOption("n", values.n!, 10, 1_000_000);
  const url = await freshDatabase(values["pg-url"]!, "lookup_steps");
  const apiKey = `otk_bench_${randomBytes(16).toString("hex")}`;
  const database = await openDatabase({ url });
  const otter = await buildOtter({
    config: loadConfig({
      OTTER_HTTP_PORT: "0",
      OTTER_HOST: "127.0.0.1",
      OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
      OTTER_BOOTSTRAP_API_KEY: apiKey,
      OTTER_LOG_LEVEL: "warn",
      OTTER_RATE_LIMIT_PER_MINUTE: "0",
      OTTER_RADIUS_PORT: "0",
      OTTER_RADIUS_HOST: "127.0.0.1",
      OTTER_SMTP_PORT: "0",
      OTTER_SMTP_HOST: "127.0.0.1",
    }),
    logger: pino({ level: "warn" }),
    database,
    startWorkers: false,
  });
  const base = await otter.listen();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const direct = new pg.Client({ connectionString: url });
  await direct.connect();
  try {
    const principal = (await otter.services.accounts.authenticate(apiKey))!;
    const u = randomBytes(3).toString("hex");
    const app = otter.app;
    const post = async (path: string, body: unknown) => {
      const r = await app.inject({
        method: "POST",
        url: path,
        headers: { authorization: `Bearer ${apiKey}` },
        payload: body as object,
      });
      if (r.statusCode !== 201) throw new Error(`${path}: ${r.body}`);
      return r.json<{ id: string; name: string }>();
    };
    const zone = await post("/api/v1/zones", { name: `EU ${u}`, countries: ["FR"] });
    const africa = await post("/api/v1/zones", { name: `Africa ${u}`, countries: ["KE"] });
    const comm = await post("/api/v1/communication-plans", {
      name: `Trackers ${u}`,
      apns: [{ name: "iot.otter.example" }],
      rats: ["LTE-M"],
      zones: [zone.name, africa.name],
    });
    const rate = await post("/api/v1/rate-plans", {
      name: `Tracker ${u}`,
      currency: "EUR",
      subscription: { monthlyFeePerSim: 1.5 },
      zones: [{ zone: zone.name, dataPerMB: 0.5 }],
      dataLimitBytes: 50 * 1024 * 1024,
    });
    const plans = values.plans === "all" ? `'${comm.id}', '${rate.id}'` : "NULL, NULL";
    await direct.query(`
      INSERT INTO sims (id, iccid, imsi, msisdn, account_id, state, communication_plan_id, rate_plan_id, created_at, updated_at)
      SELECT gen_random_uuid(), '89440' || lpad(i::text, 14, '0') || 'X', '00101' || lpad(i::text, 10, '0'),
             '+447' || lpad(i::text, 9, '0'), '${principal.accountId}', 'ACTIVATED', ${plans}, now(), now()
      FROM generate_series(0::bigint, ${rows - 1}) i`);
    // The check digit in JavaScript: cheaper than in SQL, one UPDATE.
    const fix: string[] = [];
    for (let i = 0; i < rows; i++) fix.push(iccidAt(i));
    await direct.query(
      `UPDATE sims SET iccid = f.iccid FROM unnest($1::text[]) f(iccid) WHERE sims.iccid = left(f.iccid, 19) || 'X'`,
      [fix],
    );
    await direct.query("VACUUM ANALYZE sims");

    const get = (path: string) =>
      new Promise<void>((res, rej) => {
        http
          .get(`${base}${path}`, { agent, headers: { authorization: `Bearer ${apiKey}` } }, (r) => {
            r.resume();
            r.on("end", () => (r.statusCode === 200 ? res() : rej(new Error(`${r.statusCode}`))));
          })
          .on("error", rej);
      });
    const steps: [string, (iccid: string) => Promise<unknown>][] = [
      ["direct SELECT (pg Client)", (iccid) => direct.query(FIND_BY_ICCID_SQL, [iccid])],
      [
        "findForLookup (Kysely, pool)",
        (iccid) => simsRepo.findForLookup(database.db, parseIccid(iccid) as never),
      ],
      ["API-key check (authenticate)", () => otter.services.accounts.authenticate(apiKey)],
      ["sims.get (service, after auth)", (iccid) => otter.services.sims.get(principal, iccid)],
      [
        "Fastify inject (whole request, no socket)",
        (iccid) =>
          app.inject({
            method: "GET",
            url: `/api/v1/sims/${iccid}`,
            headers: { authorization: `Bearer ${apiKey}` },
          }),
      ],
      ["HTTP over keep-alive", (iccid) => get(`/api/v1/sims/${iccid}`)],
    ];
    process.stdout.write(
      `lookup steps: ${rows} SIMs, plans ${values.plans}, ${n} per step, load ${loadavg().join(" ")}\n`,
    );
    for (const [name, step] of steps) {
      if (values.only && !name.toLowerCase().includes(values.only.toLowerCase())) continue;
      const rand = prng(0x57e9);
      const times: number[] = [];
      for (let k = 0; k < n + 200; k++) {
        const iccid = iccidAt(Math.floor(rand() * rows));
        const t0 = performance.now();
        await step(iccid);
        if (k >= 200) times.push(performance.now() - t0);
      }
      const l = latencies(times, 0);
      process.stdout.write(
        `  ${name.padEnd(44)} p50 ${String(l.p50Ms).padStart(6)} ms  p99 ${String(l.p99Ms).padStart(6)} ms  mean ${l.meanMs} ms\n`,
      );
    }
    process.stdout.write(`load at end ${loadavg().join(" ")}\n`);
  } finally {
    agent.destroy();
    await direct.end();
    await otter.close();
    await runCleanups();
  }
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
