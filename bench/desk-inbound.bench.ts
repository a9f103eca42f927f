/**
 * `npm run bench:desk-inbound` — inbound case mail over real SMTP (issue 5: ≥ 200 mails/s threaded and
 * stored on PostgreSQL).
 *
 * On PostgreSQL (a fresh database), Otter is built in this process with its SMTP listener on a real
 * TCP port. 200 customers have one contact each. A nodemailer pool of --connections SMTP connections
 * sends --mails messages: 60 % open a new case, 25 % answer an earlier message of the same contact by
 * In-Reply-To/References, 15 % are Outlook-style replies with only the subject tag. Every mail is
 * parsed, classified, threaded, stored raw and parsed with its timeline entry (and each new case gets
 * its acknowledgement queued) before Otter answers 250. Measured: mails per second over the whole run
 * and the client-side latency to the 250 answer (p50/p99). Checked afterwards: every mail stored, and
 * every reply threaded onto the case it answers. Prints a table and one JSON line; drops the database.
 *
 *   npm run bench:desk-inbound -- --mails 3000 --connections 16
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import pino from "pino";
import { buildOtter } from "../src/app/build-app.js";
import { loadConfig } from "../src/app/config.js";
import { openDatabase } from "../src/db/database.js";
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

const TARGET_PER_SECOND = 200;
const SUPPORT = "support@bench.example";

const { values: args } = parseArgs({
  options: {
    mails: { type: "string", default: "3000" },
    connections: { type: "string", default: "16" },
    pg: {
      type: "string",
      default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
    },
  },
});
const N = Number(args.mails);
const CONNECTIONS = Number(args.connections);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const url = await freshDatabase(args.pg!, "deskinbound");
  const database = await openDatabase({ url, poolSize: 10 });
  onCleanup(() => database.close());
  const adminKey = `otk_bench_${randomBytes(24).toString("hex")}`;
  const config = loadConfig({
    DATABASE_URL: url,
    OTTER_DATA_DIR: freshDir("desk-inbound"),
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
    OTTER_MAIL_FROM: "Otter Support <desk@bench.example>",
  });
  const otter = await buildOtter({
    config,
    logger: pino({ level: "silent" }),
    database,
    startWorkers: false,
  });
  onCleanup(() => otter.close());
  const base = await otter.listen();
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${adminKey}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await api("POST", "/api/v1/desk/mailboxes", { address: SUPPORT });
  const contacts: string[] = [];
  for (let i = 0; i < 200; i++) {
    const account = await api("POST", "/api/v1/accounts", { name: `Customer ${i}` });
    const email = `noc${i}@customer${i}.example`;
    await api("POST", `/api/v1/accounts/${account.id}/contacts`, { name: `NOC ${i}`, email });
    contacts.push(email);
  }

  // The plan of mails, fixed by a seeded PRNG; replies refer to mails sent earlier in the run.
  const rnd = prng(11);
  type Planned = { from: string; id: string; kind: "new" | "reply" | "tag"; parent?: number };
  const plan: Planned[] = [];
  for (let i = 0; i < N; i++) {
    const from = contacts[Math.floor(rnd() * contacts.length)]!;
    const earlier = plan
      .map((p, j) => [p, j] as const)
      .filter(([p]) => p.from === from && p.kind === "new");
    const r = rnd();
    const kind = earlier.length === 0 || r < 0.6 ? "new" : r < 0.85 ? "reply" : "tag";
    plan.push({
      from,
      id: `<bench.${i}.${randomBytes(4).toString("hex")}@customer.example>`,
      kind,
      parent: kind === "new" ? undefined : earlier[Math.floor(rnd() * earlier.length)]![1],
    });
  }

  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: otter.smtpPort!,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
  });
  onCleanup(async () => transport.close());
  const numbers = new Map<number, number>(); // plan index of a new mail → its case number, once known
  const latencies: number[] = [];
  const db = database.db;
  const sendOne = async (i: number) => {
    const p = plan[i]!;
    let subject = `Tracker ${i} silent`;
    const headers: Record<string, string> = {};
    if (p.kind !== "new") {
      const parent = plan[p.parent!]!;
      // A reply needs the case of its parent; in the rare case the parent is still in flight, wait for it.
      while (!numbers.has(p.parent!)) await new Promise((r) => setTimeout(r, 5));
      subject =
        p.kind === "tag"
          ? `AW: Tracker ${p.parent} silent [Case #${numbers.get(p.parent!)}]`
          : `Re: Tracker ${p.parent} silent`;
      if (p.kind === "reply") {
        headers["In-Reply-To"] = parent.id;
        headers["References"] = parent.id;
      }
    }
    const t0 = performance.now();
    await transport.sendMail({
      envelope: { from: p.from, to: [SUPPORT] },
      from: p.from,
      to: SUPPORT,
      subject,
      messageId: p.id,
      headers,
      text: `Mail ${i}: the tracker has not reported since 06:00.\n`,
    });
    latencies.push(performance.now() - t0);
    if (p.kind === "new") {
      const row = await db
        .selectFrom("desk_messages")
        .innerJoin("cases", "cases.id", "desk_messages.case_id")
        .select("cases.number")
        .where("desk_messages.message_id", "=", p.id)
        .executeTakeFirstOrThrow();
      numbers.set(i, row.number);
    }
  };

  log(`sending ${N} mails over ${CONNECTIONS} SMTP connections…`);
  const load0 = loadavg();
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS * 2 }, async () => {
      while (next < N) await sendOne(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;

  // Checks: every mail stored once; every reply on its parent's case.
  const stored = await db
    .selectFrom("desk_messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("direction", "=", "in")
    .executeTakeFirstOrThrow();
  const byId = new Map(
    (
      await db
        .selectFrom("desk_messages")
        .select(["message_id", "case_id"])
        .where("direction", "=", "in")
        .execute()
    ).map((r) => [r.message_id, r.case_id]),
  );
  let misthreaded = 0;
  for (const p of plan)
    if (p.kind !== "new" && byId.get(p.id) !== byId.get(plan[p.parent!]!.id)) misthreaded++;
  const cases = await db
    .selectFrom("cases")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();

  const result = {
    bench: "desk-inbound",
    engine: "postgres",
    mails: N,
    connections: CONNECTIONS,
    seconds: round(seconds, 2),
    mailsPerSecond: round(N / seconds, 1),
    p50Ms: round(pct(latencies, 50), 1),
    p99Ms: round(pct(latencies, 99), 1),
    stored: Number(stored.n),
    cases: Number(cases.n),
    misthreaded,
    target: TARGET_PER_SECOND,
    met: N / seconds >= TARGET_PER_SECOND && misthreaded === 0 && Number(stored.n) === N,
    loadBefore: load0,
    loadAfter: loadavg(),
  };
  process.stdout.write(`
| mails | connections | seconds | mails/s | p50 to 250 | p99 to 250 | stored | cases | misthreaded |
|---|---|---|---|---|---|---|---|---|
| ${N} | ${CONNECTIONS} | ${result.seconds} | ${result.mailsPerSecond} | ${result.p50Ms} ms | ${result.p99Ms} ms | ${result.stored} | ${result.cases} | ${misthreaded} |
${JSON.stringify(result)}
`);
}

try {
  await main();
} finally {
  await runCleanups();
}
