/**
 * `npm run bench:desk-queue` — the agent's queue benchmark of docs/benchmarks.md (issue 5).
 *
 * On PostgreSQL (a fresh database), Otter is built in this process and listens on a real HTTP port.
 * One agent owns --cases open cases (10,000 by default) of 100 customers, each with a realistic
 * timeline written as the desk writes it: created, owner set, mail in, often a reply out, some
 * waits on the customer or a consultation and back, some priority changes, spread over the last
 * two weeks. The SLA projection is then computed from those timelines exactly as a timeline entry
 * does it (sla.refresh), and timed. Measured: GET /api/v1/desk/queue?owner=me (ordered by breach
 * risk) over HTTP, sequential requests after a warm-up, p50/p95/p99 per page size; target ≤ 50 ms.
 * Also timed: recomputing every open case after a calendar change (the SLA worker's catch-up).
 * Prints a table and one JSON line; drops the database it made.
 *
 *   npm run bench:desk-queue -- --cases 10000 --requests 300
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pino from "pino";
import { buildOtter } from "../src/app/build-app.js";
import { loadConfig } from "../src/app/config.js";
import { openDatabase } from "../src/db/database.js";
import { ManualClock } from "../src/lib/clock.js";
import { newId } from "../src/lib/ids.js";
import {
  freshDatabase,
  freshDir,
  loadavg,
  log,
  onCleanup,
  prng,
  round,
  runCleanups,
} from "./util.js";

const TARGET_P99_MS = 50;
const H = 3_600_000;

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "10000" },
    requests: { type: "string", default: "300" },
    pg: {
      type: "string",
      default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
    },
  },
});
const N = Number(args.cases);
const REQUESTS = Number(args.requests);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const url = await freshDatabase(args.pg!, "deskqueue");
  const database = await openDatabase({ url, poolSize: 8 });
  onCleanup(() => database.close());
  const adminKey = `otk_bench_${randomBytes(24).toString("hex")}`;
  const config = loadConfig({
    DATABASE_URL: url,
    OTTER_DATA_DIR: freshDir("desk-queue"),
    OTTER_HTTP_PORT: "0",
    OTTER_HOST: "127.0.0.1",
    OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
    OTTER_BOOTSTRAP_API_KEY: adminKey,
    OTTER_LOG_LEVEL: "silent",
    OTTER_RATE_LIMIT_PER_MINUTE: "0",
    OTTER_RADIUS_PORT: "0",
    OTTER_RADIUS_HOST: "127.0.0.1",
    OTTER_SMTP_PORT: "0",
    OTTER_SMTP_HOST: "127.0.0.1",
  });
  const clock = new ManualClock("2026-06-10T09:30:00Z"); // a Wednesday morning in Rome
  const otter = await buildOtter({
    config,
    logger: pino({ level: "silent" }),
    clock,
    database,
    startWorkers: false,
  });
  onCleanup(() => otter.close());
  const base = await otter.listen();
  const api = async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const root = await otter.services.accounts.rootAccount();
  const agent = await api("POST", "/api/v1/users", adminKey, {
    accountId: root.id,
    email: "agent@bench.example",
    name: "Bench Agent",
    role: "operator_agent",
  });
  const agentKey = (await api("POST", `/api/v1/users/${agent.id}/api-keys`, adminKey, {}))
    .key as string;
  await api("PUT", "/api/v1/desk/calendar", adminKey, {
    timeZone: "Europe/Rome",
    holidays: ["2026-06-02"],
    hours: Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri"].map((d) => [
        d,
        [
          ["08:00", "12:30"],
          ["13:30", "18:00"],
        ],
      ]),
    ),
  });
  const customers: string[] = [];
  for (let i = 0; i < 100; i++)
    customers.push(
      (
        await api("POST", "/api/v1/accounts", adminKey, {
          name: `Customer ${i}`,
          timeZone: i % 2 ? "Europe/Stockholm" : "America/New_York",
        })
      ).id,
    );
  await api("PUT", `/api/v1/accounts/${customers[0]}/support-agreement`, adminKey, {
    firstResponse: { urgent: "PT30M", high: "PT2H" },
    resolution: { urgent: "PT4H", high: "PT16H" },
  });

  // ---- seed: cases and timelines as the desk writes them -------------------------------------
  log(`seeding ${N} open cases with timelines…`);
  const rnd = prng(5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const priorities = ["low", "normal", "normal", "normal", "high", "urgent"] as const;
  const now = clock.now().getTime();
  const db = database.db;
  const t0 = performance.now();
  let entriesTotal = 0;
  const ids: string[] = [];
  for (let b = 0; b < N; b += 500) {
    const cases = [];
    const entries = [];
    for (let i = b; i < Math.min(N, b + 500); i++) {
      const id = newId();
      ids.push(id);
      const created = now - Math.floor(rnd() * 14 * 24 * H);
      let priority: (typeof priorities)[number] = pick(priorities);
      let state: string = "new";
      let t = created;
      const actor = { actor_user_id: agent.id, actor_name: "Bench Agent" };
      const ev = (at: number, data: Record<string, unknown>, kind = "event") =>
        entries.push({
          id: newId(),
          case_id: id,
          kind,
          body: null,
          data: JSON.stringify(data),
          ...actor,
          desk_message_id: null,
          consultation_id: null,
          created_at: new Date(at),
        });
      ev(t, { type: "created", channel: "email", state: "new", priority, category: "technical" });
      ev(t, { type: "owner_changed", from: null, to: agent.id });
      entries.push({
        id: newId(),
        case_id: id,
        kind: "email_in",
        body: "Our tracker went silent.",
        data: "{}",
        actor_user_id: null,
        actor_name: "customer",
        desk_message_id: null,
        consultation_id: null,
        created_at: new Date(t),
      });
      const steps = Math.floor(rnd() * 6);
      for (let s = 0; s < steps && t < now - H; s++) {
        t += Math.floor(rnd() * Math.min(now - t, 2 * 24 * H));
        const r = rnd();
        if (r < 0.35) {
          ev(t, {}, "email_out");
          if (state === "new") {
            ev(t, { type: "state_changed", from: state, to: "open" });
            state = "open";
          }
        } else if (r < 0.55 && state !== "waiting_on_customer") {
          ev(t, { type: "state_changed", from: state, to: "waiting_on_customer" });
          state = "waiting_on_customer";
        } else if (r < 0.7 && state !== "open") {
          ev(t, { type: "state_changed", from: state, to: "open" });
          state = "open";
        } else if (r < 0.8 && state !== "waiting_on_consultation") {
          ev(t, { type: "state_changed", from: state, to: "waiting_on_consultation" });
          state = "waiting_on_consultation";
        } else if (r < 0.9) {
          const p = pick(priorities);
          if (p !== priority) {
            ev(t, { type: "priority_changed", from: priority, to: p });
            priority = p;
          }
        } else ev(t, {}, "phone");
      }
      cases.push({
        id,
        operator_id: root.id,
        account_id: pick(customers),
        number: i + 1,
        subject: `Case ${i + 1}`,
        category: "technical",
        state,
        priority,
        owner_user_id: agent.id,
        contact_ids: [],
        requester_email: `c${i}@customer.example`,
        requester_name: null,
        channel: "email",
        source_key: null,
        reopened_from_case_id: null,
        created_at: new Date(created),
        updated_at: new Date(t),
        resolved_at: null,
        closed_at: null,
      });
    }
    await db
      .insertInto("cases")
      .values(cases as never)
      .execute();
    await db
      .insertInto("case_entries")
      .values(entries as never)
      .execute();
    entriesTotal += entries.length;
  }
  const seedS = (performance.now() - t0) / 1000;
  log(
    `seeded ${N} cases and ${entriesTotal} entries in ${round(seedS)} s; computing the SLA projection…`,
  );
  const t1 = performance.now();
  for (let b = 0; b < ids.length; b += 500)
    await otter.services.sla.refresh(db, ids.slice(b, b + 500));
  const projectionS = (performance.now() - t1) / 1000;
  await sql`ANALYZE`.execute(db);

  // ---- measure ---------------------------------------------------------------------------------
  const pages: Record<string, { p50: number; p95: number; p99: number; mean: number }> = {};
  for (const limit of [100, 1000]) {
    const path = `/api/v1/desk/queue?owner=me&limit=${limit}`;
    for (let i = 0; i < 20; i++) await api("GET", path, agentKey);
    const times: number[] = [];
    let first: { total: number; items: Array<{ sla: { state: string } }> } | null = null;
    for (let i = 0; i < REQUESTS; i++) {
      const s = performance.now();
      const body = await api("GET", path, agentKey);
      times.push(performance.now() - s);
      first ??= body;
    }
    if (first!.total !== N) throw new Error(`queue total ${first!.total}, expected ${N}`);
    pages[`limit=${limit}`] = {
      p50: round(pct(times, 50)),
      p95: round(pct(times, 95)),
      p99: round(pct(times, 99)),
      mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    };
    log(
      `limit=${limit}: p50 ${pages[`limit=${limit}`]!.p50} ms, p99 ${pages[`limit=${limit}`]!.p99} ms (first item ${first!.items[0]!.sla.state})`,
    );
  }

  // Where the time goes: the ordered page in SQL alone, and the service call without HTTP.
  const explain = await sql<{
    "QUERY PLAN": string;
  }>`EXPLAIN ANALYZE SELECT case_sla.case_id FROM case_sla JOIN cases ON cases.id = case_sla.case_id
    WHERE case_sla.owner_user_id = ${agent.id} AND case_sla.open ORDER BY tier, due_at ASC NULLS LAST, remaining_ms, case_id LIMIT 101`.execute(
    db,
  );
  const sqlMs = Number(
    /Execution Time: ([\d.]+)/.exec(explain.rows.map((r) => r["QUERY PLAN"]).join("\n"))?.[1] ??
      NaN,
  );
  const principal = (await otter.services.accounts.authenticate(agentKey))!;
  const direct: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s0 = performance.now();
    await otter.services.sla.queue(principal, { owner: "me", limit: 100 });
    direct.push(performance.now() - s0);
  }
  const breakdown = {
    sqlExecutionMs: sqlMs,
    serviceP50Ms: round(pct(direct, 50)),
    serviceP99Ms: round(pct(direct, 99)),
  };
  log(`breakdown: ${JSON.stringify(breakdown)}`);
  if (process.env.BENCH_EXPLAIN) console.log(explain.rows.map((r) => r["QUERY PLAN"]).join("\n"));

  // The worker's first round sends the at-risk and breach notices the seeded timelines are owed.
  const tn = performance.now();
  let notices = 0;
  for (;;) {
    const r = await otter.services.sla.runOnce();
    notices += r.notices;
    if (r.notices === 0) break;
  }
  const noticesS = (performance.now() - tn) / 1000;

  // A calendar change marks every open case stale; the SLA worker recomputes them.
  await api("PUT", "/api/v1/desk/calendar", adminKey, {
    timeZone: "Europe/Rome",
    holidays: ["2026-06-02", "2026-06-11"],
    hours: Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["08:00", "18:00"]]]),
    ),
  });
  const t2 = performance.now();
  const { recomputed } = await otter.services.sla.runOnce();
  const recomputeS = (performance.now() - t2) / 1000;

  const result = {
    bench: "desk-queue",
    engine: "postgres",
    cases: N,
    entries: entriesTotal,
    requests: REQUESTS,
    pages,
    breakdown,
    targetP99Ms: TARGET_P99_MS,
    pass: pages["limit=100"]!.p99 <= TARGET_P99_MS,
    projection: { seconds: round(projectionS), casesPerSecond: Math.round(N / projectionS) },
    firstNotices: { notices, seconds: round(noticesS) },
    recomputeAfterCalendarChange: {
      cases: recomputed,
      seconds: round(recomputeS),
      casesPerSecond: Math.round(recomputed / recomputeS),
    },
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadavg: loadavg(),
    },
  };
  console.log("\npage        p50 ms   p95 ms   p99 ms   mean ms");
  for (const [k, v] of Object.entries(pages))
    console.log(
      `${k.padEnd(11)} ${String(v.p50).padStart(6)}   ${String(v.p95).padStart(6)}   ${String(v.p99).padStart(6)}   ${String(v.mean).padStart(7)}`,
    );
  console.log(
    `projection of ${N} cases from their timelines: ${round(projectionS)} s; recompute after a calendar change: ${recomputed} cases in ${round(recomputeS)} s`,
  );
  console.log(JSON.stringify(result));
}

main().then(runCleanups, async (err) => {
  console.error(err);
  await runCleanups();
  process.exitCode = 1;
});
