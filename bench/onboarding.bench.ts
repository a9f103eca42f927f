/**
 * `npm run bench:onboarding` — the onboarding benchmark of docs/benchmarks.md (issue 14).
 *
 * On a fresh PostgreSQL database, with Otter built in-process (its real services and HTTP API):
 *   1. seeds N SIMs (1,000,000 by default) into the operator's stock with one COPY;
 *   2. times the feasibility check of a spec for a customer that receives all of them — 3 levels
 *      of sub-accounts (20 accounts), 6 communication plans and 4 rate plans, 10 SIM groups of
 *      ICCID ranges (POST /api/v1/onboardings with dryRun);
 *   3. times the full provisioning (POST without dryRun, then the job run to its end);
 *   4. prints the floor in the same run: one set-based UPDATE of the same SIM rows' account, plans
 *      and state plus one INSERT … SELECT of one audit row per SIM (in a transaction rolled back).
 *
 *   npm run bench:onboarding -- --sims 100000
 *   npm run bench:onboarding -- --sims 1000000 --pg postgres://root@127.0.0.1:5432/test
 *   npm run bench:onboarding -- --sims 100000 --explain   # prints EXPLAIN ANALYZE of the first
 *                                                         # SIM group's assignment (diagnosis only)
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import pino from "pino";
import type { KyselyPlugin, RootOperationNode } from "kysely";
import { buildOtter } from "../src/app/build-app.js";
import { loadConfig } from "../src/app/config.js";
import { openDatabase } from "../src/db/database.js";
import { luhnCheckDigit } from "../src/lib/identifiers.js";
import { adminQuery, freshDatabase, intOption, loadavg, log, round, runCleanups } from "./util.js";

const TARGETS = { feasibilitySeconds: 20, provisioningSeconds: 120 };
const GROUPS = 10;

const { values: args } = parseArgs({
  options: {
    sims: { type: "string", default: "1000000" },
    explain: { type: "boolean", default: false },
    pg: {
      type: "string",
      default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
    },
  },
});
const N = intOption("sims", args.sims!, GROUPS, 10_000_000);

/** ICCID i: 8944 5 + 13-digit serial + Luhn = 19 digits, consecutive as vendors deliver them. */
const iccidAt = (i: number) => {
  const p = `89445${String(i).padStart(13, "0")}`;
  return p + luhnCheckDigit(p);
};

function spec(owner: string) {
  const comm = Array.from({ length: 6 }, (_, i) => `Bench Comm ${i}`);
  const rate = Array.from({ length: 4 }, (_, i) => `Bench Rate ${i}`);
  const accounts = [
    ...Array.from({ length: 4 }, (_, i) => ({ key: `a${i}`, name: `Region ${i}` })),
    ...Array.from({ length: 8 }, (_, i) => ({
      key: `b${i}`,
      name: `Site ${i}`,
      parent: `a${i >> 1}`,
    })),
    ...Array.from({ length: 8 }, (_, i) => ({ key: `c${i}`, name: `Herd ${i}`, parent: `b${i}` })),
  ];
  const per = Math.floor(N / GROUPS);
  const holders = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "b0", "b1"];
  return {
    version: 1,
    reference: `BENCH-${randomBytes(3).toString("hex")}`,
    customer: {
      name: `Bench Herds ${randomBytes(3).toString("hex")}`,
      legalName: "Bench Herds Ltd",
      vatNumber: "GB 123 4567 89",
      billingAddress: {
        addressLine1: "1 Road",
        city: "Nairobi",
        postalCode: "00100",
        country: "KE",
      },
      currency: "EUR",
      language: "en",
      timeZone: "Africa/Nairobi",
      contacts: [{ name: "Tech", email: "tech@bench.example", role: "technical" }],
      plans: { communication: comm, rate },
    },
    accounts,
    plans: {
      communication: comm.map((name) => ({
        name,
        apns: ["bench.iot"],
        rats: ["LTE-M", "NB-IoT"],
        zones: ["EU"],
      })),
      rate: rate.map((name, i) => ({
        name,
        currency: "EUR",
        monthlyFeePerSim: 1 + i / 2,
        includedDataMB: 10,
        zones: [{ zone: "EU", dataPerMB: 0.5 }],
      })),
    },
    services: { apns: [{ name: "bench.iot", ipPool: "10.70.0.0/16" }] },
    sims: holders.map((account, g) => ({
      account,
      ranges: [
        { from: iccidAt(g * per), to: iccidAt(g === GROUPS - 1 ? N - 1 : (g + 1) * per - 1) },
      ],
      state: g % 2 ? "ACTIVATED" : "TEST_READY",
      communicationPlan: comm[g % 6],
      ratePlan: rate[g % 4],
    })),
    dates: { contractSigned: "2026-11-01", requestedGoLive: "2026-12-20" },
    people: { onboardingOwner: owner, technicalContact: "tech@bench.example" },
  };
}

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
  const url = await freshDatabase(args.pg!, "onboarding");
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
  const opened = await openDatabase({ url, poolSize: 4 });
  const database = args.explain
    ? { ...opened, db: opened.db.withPlugin(explainFirstAssignment()) }
    : opened;
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
  const owner = (
    await adminQuery(url, `SELECT email FROM users WHERE account_id = '${root.id}' LIMIT 1`)
  ).rows[0].email as string;
  for (const [name, countries] of [["EU", ["FR", "DE", "IT"]]] as const)
    await api("POST", "/api/v1/zones", { name, countries });

  // 1. The stock: N SIMs on the operator's root account, INVENTORY, one COPY.
  let t0 = Date.now();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  const now = new Date().toISOString();
  async function* lines() {
    const chunk: string[] = [];
    for (let i = 0; i < N; i++) {
      const hex = (0x1000000 + i).toString(16).padStart(12, "0");
      chunk.push(
        `0190a8a0-0000-7000-8000-${hex}\t${iccidAt(i)}\t00101${String(i).padStart(10, "0")}\t${root.id}\tINVENTORY\t${now}\t${now}\n`,
      );
      if (chunk.length === 10_000) yield chunk.splice(0).join("");
    }
    if (chunk.length) yield chunk.join("");
  }
  await pipeline(
    Readable.from(lines()),
    client.query(
      copyStreams.from(
        "COPY sims (id, iccid, imsi, account_id, state, created_at, updated_at) FROM STDIN",
      ),
    ),
  );
  await client.query("ANALYZE sims");
  const seedSeconds = (Date.now() - t0) / 1000;
  log(`seeded ${N} SIMs with COPY in ${round(seedSeconds, 1)} s`);

  // 2. The feasibility check.
  const s = spec(owner);
  t0 = Date.now();
  const check = await api("POST", "/api/v1/onboardings", { spec: s, dryRun: true });
  const feasibilitySeconds = (Date.now() - t0) / 1000;
  if (!check.body.feasible) throw new Error(`not feasible: ${JSON.stringify(check.body.findings)}`);
  log(`feasibility check: ${round(feasibilitySeconds, 2)} s (${check.body.summary.sims} SIMs)`);
  const loadBeforeProvisioning = loadavg();

  // 3. The full provisioning: the POST (which checks again) and the job to its end.
  t0 = Date.now();
  const created = await api("POST", "/api/v1/onboardings", { spec: s });
  if (created.status !== 202) throw new Error(JSON.stringify(created.body));
  await otter.services.jobs.runPending();
  const provisioningSeconds = (Date.now() - t0) / 1000;
  const job = (await api("GET", `/api/v1/jobs/${created.body.jobId}`)).body;
  if (job.status !== "succeeded") throw new Error(JSON.stringify(job));
  const o = (await api("GET", `/api/v1/onboardings/${created.body.onboarding.id}`)).body;
  log(
    `provisioning: ${round(provisioningSeconds, 1)} s, state ${o.state}, ${o.report.simsAssigned} SIMs, ${o.tasks.length} tasks`,
  );

  // 4. The floor: the same rows, one UPDATE and one INSERT … SELECT, rolled back.
  const target = o.customerAccountId as string;
  const plans = await client.query(
    "SELECT (SELECT id FROM communication_plans LIMIT 1) AS c, (SELECT id FROM rate_plans LIMIT 1) AS r",
  );
  await client.query("BEGIN");
  t0 = Date.now();
  await client.query(
    `UPDATE sims SET account_id = $1, communication_plan_id = $2, rate_plan_id = $3, state = 'ACTIVATED', updated_at = now()
     WHERE iccid >= $4 AND iccid <= $5`,
    [target, plans.rows[0].c, plans.rows[0].r, iccidAt(0), iccidAt(N - 1)],
  );
  const updateSeconds = (Date.now() - t0) / 1000;
  t0 = Date.now();
  await client.query(
    `INSERT INTO sim_audit (id, sim_id, account_id, field, prior_value, value, reason, effective_date, actor_name, created_at)
     SELECT md5(id::text || 'floor')::uuid, id, account_id, 'state', 'INVENTORY', 'ACTIVATED', 'floor', now(), 'bench', now()
     FROM sims WHERE iccid >= $1 AND iccid <= $2`,
    [iccidAt(0), iccidAt(N - 1)],
  );
  const insertSeconds = (Date.now() - t0) / 1000;
  await client.query("ROLLBACK");
  const floorSeconds = updateSeconds + insertSeconds;
  log(
    `floor: UPDATE ${round(updateSeconds, 1)} s + INSERT … SELECT ${round(insertSeconds, 1)} s = ${round(floorSeconds, 1)} s`,
  );

  const result = {
    sims: N,
    seedSeconds: round(seedSeconds, 1),
    feasibilitySeconds: round(feasibilitySeconds, 2),
    provisioningSeconds: round(provisioningSeconds, 1),
    floorSeconds: round(floorSeconds, 1),
    floor: { updateSeconds: round(updateSeconds, 1), insertSeconds: round(insertSeconds, 1) },
    ratioToFloor: round(provisioningSeconds / floorSeconds, 2),
    targets: TARGETS,
    pass: {
      feasibility: feasibilitySeconds <= TARGETS.feasibilitySeconds,
      provisioning: provisioningSeconds <= TARGETS.provisioningSeconds,
    },
    machine,
    loadBeforeProvisioning,
    loadAtEnd: loadavg(),
  };
  console.log(JSON.stringify(result));
  await client.end();
  await otter.close();
  await database.close();
  await runCleanups();
}

/**
 * `--explain`: runs the first SIM group's assignment statement under EXPLAIN (ANALYZE, BUFFERS) and
 * prints its plan. ANALYZE executes it, so the SIMs move; the job counts them as not moved.
 */
function explainFirstAssignment(): KyselyPlugin {
  let done = false;
  return {
    transformQuery({ node }) {
      if (done || node.kind !== "RawNode") return node;
      const first = node.sqlFragments[0] ?? "";
      if (!/^\s*WITH picked AS/.test(first) || !node.sqlFragments.join("").includes("UPDATE sims"))
        return node;
      done = true;
      const out = {
        ...node,
        sqlFragments: ["EXPLAIN (ANALYZE, BUFFERS) " + first, ...node.sqlFragments.slice(1)],
      } as RootOperationNode;
      return out;
    },
    async transformResult({ result }) {
      const rows = result.rows as Record<string, unknown>[];
      if (rows.length && "QUERY PLAN" in rows[0]!)
        log(
          `EXPLAIN ANALYZE of the first group's assignment:\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
        );
      return result;
    },
  };
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
