/**
 * `npm run bench:webhooks` — the webhook delivery benchmark of docs/benchmarks.md (issue 4).
 *
 * `otter serve` on a fresh PostgreSQL database with its workers running as in production; customer
 * accounts and N subscriptions made through the API, each to its own path of one local receiver
 * (node:http) that checks every Otter-Signature with that subscription's secret and counts unique
 * (subscription, event id) pairs. Events are written by the benchmark through Otter's events
 * service (`events.emit`, the outbox insert every change makes, on Otter's database) rather than
 * through API changes, so that the event rate is what is chosen and not what the SIM API manages;
 * each `sim.state_changed` event goes to all N subscriptions.
 *
 *   1. steady: --rate events/s for --seconds; deliveries/s and the event→receiver latency.
 *   2. backlog: --burst events at once; how fast Otter drains the backlog (its ceiling).
 *   3. outage: the receiver goes down for --outage-minutes while --outage-rate events/s keep coming,
 *      comes back; the events keep coming --after-seconds more; then the benchmark waits until every
 *      event has reached every subscription and reports how long the catch-up took (the retries
 *      back off: 30 s, 1, 2, 4, 8 … min, so a delivery waits for its next slot).
 * Then: every emitted event delivered to every subscription (none lost), signatures all valid,
 * duplicates counted (at-least-once), and Otter's delivery table agrees. It prints a summary and one
 * JSON line, and drops the database and stops the processes it made.
 *
 *   npm run bench:webhooks -- --subscriptions 4 --rate 400 --seconds 60 --outage-minutes 10
 *   npm run bench:webhooks -- --seconds 10 --burst 2000 --outage-minutes 0.5   (a small run)
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EVENT_CONSUMERS } from "../src/app/build-app.js";
import { openDatabase } from "../src/db/database.js";
import { systemClock } from "../src/lib/clock.js";
import { createEventsService, type DomainEvent } from "../src/modules/events/events.service.js";
import { api, closeHttpAgent, startOtter } from "./radius/otter.js";
import {
  adminQuery,
  BENCH_DIR,
  freeTcpPort,
  freeUdpPort,
  freshDatabase,
  freshDir,
  loadavg,
  log,
  procCpuSeconds,
  round,
  runCleanups,
  sleep,
  startBench,
} from "./util.js";

const TARGETS = { deliveriesPerSecond: 1000, outageMinutes: 10 };

interface Options {
  subscriptions: number;
  rate: number;
  seconds: number;
  burst: number;
  outageMinutes: number;
  outageRate: number;
  afterSeconds: number;
  catchupTimeoutMinutes: number;
  pgUrl: string;
}

// ─── the receiver ───────────────────────────────────────────────────────────────────────────

/** Checks `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` as a customer's engineer would. */
function signatureValid(secret: string, header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]),
  );
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

class Receiver {
  /** Per subscription: event id → first receipt (ms since epoch). */
  readonly seen: Map<string, number>[];
  requests = 0;
  duplicates = 0;
  badSignatures = 0;
  /** Event → receiver latency of first receipts, ms, per phase label. */
  latency = new Map<string, number[]>();
  phase = "steady";
  private server: http.Server | null = null;

  constructor(
    readonly port: number,
    readonly secrets: string[],
  ) {
    this.seen = secrets.map(() => new Map());
  }

  url(n: number) {
    return `http://127.0.0.1:${this.port}/hook/${n}`;
  }

  unique() {
    return this.seen.reduce((a, m) => a + m.size, 0);
  }

  async start() {
    const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.requests++;
        const n = Number(req.url?.split("/")[2]);
        const secret = this.secrets[n];
        const body = Buffer.concat(chunks).toString("utf8");
        if (
          secret === undefined ||
          !signatureValid(secret, req.headers["otter-signature"] as string | undefined, body)
        ) {
          this.badSignatures++;
          res.writeHead(401).end();
          return;
        }
        const ev = JSON.parse(body) as { id: string; createdAt: string };
        const seen = this.seen[n]!;
        const now = Date.now();
        if (seen.has(ev.id)) this.duplicates++;
        else {
          seen.set(ev.id, now);
          const l = this.latency.get(this.phase) ?? [];
          l.push(now - Date.parse(ev.createdAt));
          this.latency.set(this.phase, l);
        }
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  /** Down: the port refuses connections (and open keep-alive connections are cut). */
  async stop() {
    const s = this.server;
    if (!s) return;
    this.server = null;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

// ─── the events ─────────────────────────────────────────────────────────────────────────────

class Emitter {
  readonly ids: string[] = [];
  private seq = 0;
  constructor(
    private readonly emit: (events: DomainEvent[]) => Promise<void>,
    private readonly accountIds: string[],
    private readonly query: (sql: string) => Promise<{ id: string }[]>,
  ) {}

  /** Emits `n` events in one transaction-sized insert and remembers their ids. */
  async batch(n: number) {
    const events: DomainEvent[] = [];
    for (let k = 0; k < n; k++) {
      const i = this.seq++;
      const iccid = `89440${String(i).padStart(14, "0")}0`;
      events.push({
        accountId: this.accountIds[i % this.accountIds.length]!,
        type: "sim.state_changed",
        subjectId: iccid,
        data: {
          iccid,
          from: "ACTIVATED",
          to: i % 2 ? "DEACTIVATED" : "ACTIVATED",
          reason: "benchmark",
        },
      });
    }
    await this.emit(events);
    // The ids the events service gave them (UUIDv7: they sort after those of earlier batches).
    const last = this.ids[this.ids.length - 1] ?? "00000000-0000-0000-0000-000000000000";
    const rows = await this.query(
      `SELECT id FROM domain_events WHERE type = 'sim.state_changed' AND id > '${last}' ORDER BY id`,
    );
    if (rows.length !== n) throw new Error(`emitted ${n} events but found ${rows.length} new ones`);
    for (const r of rows) this.ids.push(r.id);
  }

  /** `rate` events per second for `seconds`, in 10 batches a second; returns the events emitted. */
  async steady(rate: number, seconds: number, stop?: () => boolean): Promise<number> {
    const t0 = performance.now();
    let sent = 0;
    for (let tick = 1; tick <= seconds * 10 && !stop?.(); tick++) {
      const due = Math.round((rate * tick) / 10) - sent;
      if (due > 0) await this.batch(due);
      sent += due;
      const wait = t0 + tick * 100 - performance.now();
      if (wait > 0) await sleep(wait);
    }
    return sent;
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

// ─── main ───────────────────────────────────────────────────────────────────────────────────

function parseOptions(): Options {
  const env = (k: string, d: string) => process.env[`OTTER_BENCH_${k}`] ?? d;
  const { values } = parseArgs({
    options: {
      subscriptions: { type: "string", default: env("SUBSCRIPTIONS", "4") },
      rate: { type: "string", default: env("RATE", "400") },
      seconds: { type: "string", default: env("SECONDS", "60") },
      burst: { type: "string", default: env("BURST", "10000") },
      "outage-minutes": { type: "string", default: env("OUTAGE_MINUTES", "10") },
      "outage-rate": { type: "string", default: env("OUTAGE_RATE", "10") },
      "after-seconds": { type: "string", default: "30" },
      "catchup-timeout-minutes": { type: "string", default: "40" },
      "pg-url": {
        type: "string",
        default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
      },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(
      [
        "npm run bench:webhooks -- [--subscriptions 4] [--rate 400] [--seconds 60] [--burst 10000]",
        "                          [--outage-minutes 10] [--outage-rate 10] [--after-seconds 30] [--catchup-timeout-minutes 40] [--pg-url URL]",
        "  --rate          events/s in the steady phase (each goes to every subscription)",
        "  --burst         events written at once for the backlog phase (0: skip)",
        "  --outage-rate   events/s while the receiver is down (and --after-seconds after it is back)",
        "  also from OTTER_BENCH_SUBSCRIPTIONS, _RATE, _SECONDS, _BURST, _OUTAGE_MINUTES, _OUTAGE_RATE",
        "",
      ].join("\n"),
    );
    process.exit(0);
  }
  const num = (name: string, v: string, min: number, max: number, int = true) => {
    const n = Number(v.replace(/[_,]/g, ""));
    if (Number.isNaN(n) || (int && !Number.isInteger(n)) || n < min || n > max)
      throw new Error(`--${name} must be ${int ? "an integer" : "a number"} from ${min} to ${max}`);
    return n;
  };
  const pgHost = new URL(values["pg-url"]!).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(pgHost))
    throw new Error("--pg-url must point at a local server (127.0.0.1)");
  return {
    subscriptions: num("subscriptions", values.subscriptions!, 1, 100),
    rate: num("rate", values.rate!, 1, 100_000),
    seconds: num("seconds", values.seconds!, 1, 3600),
    burst: num("burst", values.burst!, 0, 1_000_000),
    outageMinutes: num("outage-minutes", values["outage-minutes"]!, 0, 180, false),
    outageRate: num("outage-rate", values["outage-rate"]!, 0, 10_000),
    afterSeconds: num("after-seconds", values["after-seconds"]!, 0, 3600),
    catchupTimeoutMinutes: num(
      "catchup-timeout-minutes",
      values["catchup-timeout-minutes"]!,
      1,
      600,
      false,
    ),
    pgUrl: values["pg-url"]!,
  };
}

/** Waits until the receiver has `expected` unique deliveries; returns the ms it took, or null on timeout. */
async function waitFor(
  rx: Receiver,
  expected: number,
  timeoutMs: number,
  label: string,
): Promise<number | null> {
  const t0 = Date.now();
  let lastLog = t0;
  while (rx.unique() < expected) {
    if (Date.now() - t0 > timeoutMs) return null;
    if (Date.now() - lastLog > 30_000) {
      log(`  ${label}: ${rx.unique()} of ${expected} delivered …`);
      lastLog = Date.now();
    }
    await sleep(50);
  }
  return Date.now() - t0;
}

async function main() {
  const o = parseOptions();
  const { commit, dirty } = startBench();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    loadAtStart: loadavg(),
    postgres: String((await adminQuery(o.pgUrl, "SHOW server_version")).rows[0].server_version),
  };
  const S = o.subscriptions;
  const result: Record<string, unknown> = {};
  let pass = true;
  const lines: string[] = [];
  const check = (ok: boolean, line: string) => {
    if (!ok) pass = false;
    lines.push(`${ok ? "ok  " : "FAIL"} ${line}`);
    log(`${ok ? "ok  " : "FAIL"} ${line}`);
  };

  try {
    const url = await freshDatabase(o.pgUrl, "webhooks");
    const apiKey = `otk_bench_${randomBytes(16).toString("hex")}`;
    const storage = {
      DATABASE_URL: url,
      OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
      OTTER_DATA_DIR: freshDir("webhooks-otter-data"),
    };
    log("starting otter serve (workers on) on a fresh PostgreSQL database …");
    const server = await startOtter("postgres", {
      storage,
      apiKey,
      radiusPort: await freeUdpPort(),
      logName: "webhooks-otter.log",
    });
    const u = randomBytes(3).toString("hex");
    const accountIds: string[] = [];
    for (let n = 0; n < 4; n++)
      accountIds.push(
        (await api<{ id: string }>(server, "POST", "/api/v1/accounts", { name: `Fleet ${n} ${u}` }))
          .id,
      );
    const rx = new Receiver(
      await freeTcpPort(),
      Array.from({ length: S }, () => `whsec_${randomBytes(16).toString("hex")}`),
    );
    await rx.start();
    onStop(() => rx.stop());
    for (let n = 0; n < S; n++) {
      await api(server, "POST", "/api/v1/webhooks", {
        url: rx.url(n),
        events: ["sim.state_changed"],
        secret: rx.secrets[n],
        description: `bench ${n}`,
      });
    }
    const database = await openDatabase({ url, poolSize: 2 });
    onStop(() => database.close());
    const events = createEventsService({
      db: database.db,
      clock: systemClock,
      consumers: EVENT_CONSUMERS,
    });
    const em = new Emitter(
      (evs) => events.emit(database.db, evs),
      accountIds,
      async (q) => {
        const { sql } = await import("kysely");
        return (await sql<{ id: string }>`${sql.raw(q)}`.execute(database.db)).rows;
      },
    );
    const otterPid = server.child.pid!;

    // 1. steady
    log(
      `steady: ${o.rate} events/s × ${S} subscriptions = ${o.rate * S} deliveries/s offered, for ${o.seconds} s …`,
    );
    rx.phase = "steady";
    let cpu0 = procCpuSeconds(otterPid) ?? 0;
    const t1 = Date.now();
    const e1 = await em.steady(o.rate, o.seconds);
    const emitSeconds = (Date.now() - t1) / 1000;
    const inWindow = rx.unique();
    const drained = await waitFor(rx, em.ids.length * S, 10 * 60_000, "steady");
    const steadyTotal = (Date.now() - t1) / 1000;
    const steady = {
      events: e1,
      deliveries: e1 * S,
      offeredPerSecond: round((e1 * S) / emitSeconds),
      deliveredInWindowPerSecond: round(inWindow / emitSeconds),
      deliveredPerSecond: round((e1 * S) / steadyTotal),
      lastArrivedAfterS: round(steadyTotal, 1),
      latencyP50Ms: pct(rx.latency.get("steady") ?? [], 50),
      latencyP99Ms: pct(rx.latency.get("steady") ?? [], 99),
      otterCpu: round(((procCpuSeconds(otterPid) ?? 0) - cpu0) / steadyTotal),
    };
    result.steady = steady;
    log(
      `  ${steady.deliveries} deliveries: ${steady.deliveredInWindowPerSecond}/s while events came (offered ${steady.offeredPerSecond}/s), all in ${steady.lastArrivedAfterS} s; latency p50 ${steady.latencyP50Ms} ms, p99 ${steady.latencyP99Ms} ms; Otter ${steady.otterCpu} cores`,
    );
    check(drained !== null, `steady: all ${steady.deliveries} deliveries arrived`);

    // 2. backlog
    if (o.burst > 0) {
      log(`backlog: ${o.burst} events at once (${o.burst * S} deliveries) …`);
      rx.phase = "backlog";
      const before = rx.unique();
      cpu0 = procCpuSeconds(otterPid) ?? 0;
      const t2 = Date.now();
      for (let left = o.burst; left > 0; left -= 1000) await em.batch(Math.min(1000, left));
      // From the first delivery of the backlog to the last: the dispatcher's pace without waiting for events.
      while (rx.unique() === before) await sleep(5);
      const first = Date.now();
      const ok = await waitFor(rx, em.ids.length * S, 15 * 60_000, "backlog");
      const secs = (Date.now() - first) / 1000;
      const backlog = {
        events: o.burst,
        deliveries: o.burst * S,
        seconds: round(secs, 1),
        deliveredPerSecond: round((o.burst * S - 1) / secs),
        firstAfterS: round((first - t2) / 1000, 1),
        otterCpu: round(((procCpuSeconds(otterPid) ?? 0) - cpu0) / ((Date.now() - t2) / 1000)),
      };
      result.backlog = backlog;
      log(
        `  ${backlog.deliveries} deliveries drained at ${backlog.deliveredPerSecond}/s (${backlog.seconds} s; first after ${backlog.firstAfterS} s); Otter ${backlog.otterCpu} cores`,
      );
      check(ok !== null, `backlog: all ${backlog.deliveries} deliveries arrived`);
    }

    // 3. outage
    if (o.outageMinutes > 0) {
      log(
        `outage: receiver down for ${o.outageMinutes} min while ${o.outageRate} events/s (${o.outageRate * S} deliveries/s) keep coming …`,
      );
      rx.phase = "outage";
      const before = em.ids.length;
      await rx.stop();
      const down = Date.now();
      await em.steady(o.outageRate, o.outageMinutes * 60);
      const during = em.ids.length - before;
      await rx.start();
      const up = Date.now();
      log(
        `  receiver back after ${round((up - down) / 60_000, 2)} min; ${during} events (${during * S} deliveries) emitted while it was down; ${o.afterSeconds} s more of events …`,
      );
      rx.phase = "after";
      await em.steady(o.outageRate, o.afterSeconds);
      const expected = em.ids.length * S;
      const waited = await waitFor(rx, expected, o.catchupTimeoutMinutes * 60_000, "catch-up");
      // When the last delivery of an event emitted while the receiver was down arrived.
      const downIds = em.ids.slice(before, before + during);
      const lastDown = Math.max(up, ...rx.seen.flatMap((m) => downIds.map((id) => m.get(id) ?? 0)));
      const outage = {
        minutes: round((up - down) / 60_000, 2),
        eventsWhileDown: during,
        deliveriesWhileDown: during * S,
        catchUpSeconds: round((lastDown - up) / 1000, 1),
        allDeliveredAfterS: waited === null ? null : round((Date.now() - up) / 1000, 1),
      };
      result.outage = outage;
      log(
        `  every delivery of the outage arrived ${outage.catchUpSeconds} s after the receiver came back`,
      );
      check(
        waited !== null,
        `outage: all ${expected} deliveries arrived within ${o.catchupTimeoutMinutes} min of the receiver's return`,
      );
    }

    // 4. none lost, signed, at least once
    const emitted = em.ids.length;
    const missing = rx.seen.map((m) => em.ids.filter((id) => !m.has(id)).length);
    const all = new Set(em.ids);
    const stray = rx.seen.map((m) => [...m.keys()].filter((id) => !all.has(id)).length);
    check(
      missing.every((n) => n === 0),
      `none lost: ${emitted} events emitted; missing per subscription ${JSON.stringify(missing)}`,
    );
    check(
      stray.every((n) => n === 0),
      `no stray events: ${JSON.stringify(stray)}`,
    );
    check(
      rx.badSignatures === 0,
      `signatures: ${rx.requests} requests, ${rx.badSignatures} with a bad signature`,
    );
    lines.push(`     duplicates (at-least-once, receivers deduplicate): ${rx.duplicates}`);
    await server.stop();
    const q = async (text: string) => (await adminQuery(url, text)).rows;
    const byStatus = Object.fromEntries(
      (await q("SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status")).map(
        (r) => [r.status, r.n],
      ),
    );
    const attempts = (
      await q(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE status_code BETWEEN 200 AND 299)::int AS ok FROM webhook_attempts",
      )
    )[0]!;
    check(
      byStatus.delivered === emitted * S && Object.keys(byStatus).length === 1,
      `Otter's log: deliveries ${JSON.stringify(byStatus)}; ${attempts.n} attempts logged (${attempts.ok} answered 2xx)`,
    );
    result.database = { deliveries: byStatus, attempts: attempts.n, attemptsOk: attempts.ok };
    result.receiver = {
      requests: rx.requests,
      unique: rx.unique(),
      duplicates: rx.duplicates,
      badSignatures: rx.badSignatures,
      emitted,
    };

    const out: string[] = [""];
    out.push(
      `Webhook benchmark: ${S} subscriptions, one local receiver; events via the events service (outbox) on Otter's PostgreSQL database`,
    );
    out.push(
      `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memGb} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}; Otter commit ${commit ?? "?"}${dirty ? " (src/ has uncommitted changes)" : ""}`,
    );
    out.push(
      `load average at start ${machine.loadAtStart.join(" ")}, at end ${loadavg().join(" ")}`,
    );
    out.push("");
    out.push(`steady:  ${JSON.stringify(result.steady)}`);
    if (result.backlog) out.push(`backlog: ${JSON.stringify(result.backlog)}`);
    if (result.outage) out.push(`outage:  ${JSON.stringify(result.outage)}`);
    out.push("");
    out.push(...lines.map((l) => `  ${l}`));
    const best = Math.max(
      steady.deliveredInWindowPerSecond,
      (result.backlog as { deliveredPerSecond: number } | undefined)?.deliveredPerSecond ?? 0,
    );
    out.push("");
    const fullLoad = o.seconds >= 60 && o.burst >= 10_000;
    out.push(
      `target ≥ ${TARGETS.deliveriesPerSecond} deliveries/s: ${best >= TARGETS.deliveriesPerSecond ? "met" : "MISSED"} (steady ${steady.deliveredInWindowPerSecond}/s, backlog ${(result.backlog as { deliveredPerSecond: number } | undefined)?.deliveredPerSecond ?? "-"}/s)${fullLoad ? "" : " (a short run: the full one has 60 s of steady load and a backlog of 10,000 events)"}`,
    );
    out.push(
      `target none lost after a ${TARGETS.outageMinutes}-minute outage: ${pass ? "met" : "MISSED"}${o.outageMinutes >= TARGETS.outageMinutes ? "" : ` (outage was ${o.outageMinutes} min, not ${TARGETS.outageMinutes})`}`,
    );
    out.push("");
    process.stdout.write(`${out.join("\n")}\n`);
    const json = {
      bench: "webhooks",
      ...o,
      at: new Date().toISOString(),
      commit,
      srcDirty: dirty,
      machine,
      ...result,
      pass,
      targets: TARGETS,
    };
    writeFileSync(join(BENCH_DIR, "webhooks-results.json"), `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(json)}\n`);
    if (!pass) process.exitCode = 1;
  } finally {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
    await runCleanups();
    closeHttpAgent();
  }
}

const stops: (() => Promise<void>)[] = [];
const onStop = (fn: () => Promise<void>) => stops.push(fn);

main().catch(async (err) => {
  console.error(err);
  for (const fn of stops.reverse()) await fn().catch(() => undefined);
  await runCleanups();
  closeHttpAgent();
  process.exit(1);
});
