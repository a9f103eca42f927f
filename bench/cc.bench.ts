/**
 * `npm run bench:cc` — the Control-Center-compatible API at scale (issue 16, docs/benchmarks.md).
 *
 * On a fresh PostgreSQL database (dropped at the end), with Otter built in-process and listening on
 * HTTP, N SIMs (1,000,000 by default) seeded with one COPY, each modified at its own time. Each
 * figure is printed beside the same figure of the native API (/api/v1), over the same HTTP:
 *   1. device details: `GET /rws/api/v1/devices/{iccid}` vs `GET /api/v1/sims/{iccid}`, random
 *      ICCIDs, the two routes interleaved (each goes first for half the SIMs), p50/p95/p99;
 *   2. a devices-search page of 50 at page 1 and at page 20,000 (or the last page at a smaller N):
 *      within a walk (the page after one just served: keyset), the first asked for out of order
 *      (it reads where every 500th row of the search is), then random pages between 10,000 and
 *      20,000 out of order; native: `GET /api/v1/sims?limit=50` from the start and from a cursor
 *      that deep;
 *   3. a full export of every device by paging, as a nightly script does, with the /rws rate limit
 *      off (pageSize 50); native: walking the cursor at limit=50 and at limit=1000.
 *
 *   npm run bench:cc                             # 1,000,000 SIMs
 *   npm run bench:cc -- --sims 20000 --runs 200
 *   npm run bench:cc -- --pg postgres://root@127.0.0.1:5432/test
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { PerformanceObserver } from "node:perf_hooks";
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
import { FIND_BY_ICCID_SQL, latencies } from "./sim-lookup.js";
import { freshDatabase, intOption, loadavg, log, prng, round, runCleanups } from "./util.js";

const TARGETS = { detailsP99Ms: 5, searchP99Ms: 20, exportSeconds: 300 };
const DEEP_PAGE = 20_000;
const PAGE = 50;

const { values: args } = parseArgs({
  options: {
    sims: { type: "string", default: "1000000" },
    runs: { type: "string", default: "1000" },
    pg: {
      type: "string",
      default: process.env.OTTER_BENCH_PG_URL ?? "postgres://root@127.0.0.1:5432/test",
    },
    "skip-export": { type: "boolean", default: false },
  },
});
const N = intOption("sims", args.sims!, 200, 10_000_000);
const RUNS = intOption("runs", args.runs!, 10, 1_000_000);

const iccidAt = (i: number) => {
  const p = `89446${String(i).padStart(13, "0")}`;
  return p + luhnCheckDigit(p);
};
const idAt = (i: number) =>
  `0190a8a0-0000-7000-8000-${(0x1000000 + i).toString(16).padStart(12, "0")}`;

async function main() {
  log(
    `machine ${JSON.stringify({ cpus: os.cpus().length, node: process.version, load: loadavg(), sims: N })}`,
  );
  const url = await freshDatabase(args.pg!, "cc");
  const apiKey = `otk_bench_${randomBytes(16).toString("hex")}`;
  const email = "bench@otter.local";
  const config = loadConfig({
    DATABASE_URL: url,
    OTTER_HTTP_PORT: "0",
    OTTER_HOST: "127.0.0.1",
    OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
    OTTER_BOOTSTRAP_API_KEY: apiKey,
    OTTER_ADMIN_EMAIL: email,
    OTTER_LOG_LEVEL: "silent",
    OTTER_RATE_LIMIT_PER_MINUTE: "0",
    OTTER_CC_RATE_LIMIT_PER_SECOND: "0",
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
  const basic = `Basic ${Buffer.from(`${email}:${apiKey}`).toString("base64")}`;
  const get = async (path: string, native: boolean) => {
    const res = await fetch(base + path, {
      headers: { authorization: native ? `Bearer ${apiKey}` : basic },
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads answers loosely
    const body = (await res.json()) as any;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const root = await otter.services.accounts.rootAccount();

  // The fleet: N SIMs on the operator's account, each modified one millisecond after the last.
  let t0 = Date.now();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  const start = Date.parse("2026-01-01T00:00:00Z");
  async function* lines() {
    const chunk: string[] = [];
    for (let i = 0; i < N; i++) {
      const at = new Date(start + i).toISOString();
      chunk.push(
        `${idAt(i)}\t${iccidAt(i)}\t00101${String(i).padStart(10, "0")}\t${root.id}\tACTIVATED\t${at}\t${at}\n`,
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
  await client.end();
  log(`seeded ${N} SIMs with COPY in ${round((Date.now() - t0) / 1000, 1)} s`);

  const time = async (paths: string[], native: boolean) => {
    const times: number[] = [];
    for (const p of paths) {
      const t = performance.now();
      await get(p, native);
      times.push(performance.now() - t);
    }
    return latencies(times, 0);
  };
  const rand = prng(16);
  const floorClient = new pg.Client({ connectionString: url });
  floorClient.on("error", () => undefined);
  await floorClient.connect();
  // Warm both paths once.
  await get(`/rws/api/v1/devices/${iccidAt(0)}`, false);
  await get(`/api/v1/sims/${iccidAt(0)}`, true);

  // 1. Device details: random SIMs on both routes and, as the floor, the same indexed SELECT sent
  // straight to PostgreSQL; the three interleaved and taking turns at going first, so none is timed
  // on rows another has just brought into PostgreSQL's cache. Measured twice: right after the COPY
  // (every row still without its hint bits, the table not yet vacuumed: autovacuum and the
  // checkpoint of the load run beside the requests), then at rest, after VACUUM (ANALYZE) and a
  // CHECKPOINT, as a fleet's table is on an ordinary day (pgbench vacuums before it measures too).
  // The target is read at rest; both are printed.
  const detailsPhase = async () => {
    // Garbage-collection pauses of this process (Otter and the client share it) during the phase.
    const gcPauses: number[] = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcPauses.push(e.duration);
    });
    gcObserver.observe({ entryTypes: ["gc"] });
    const picks = Array.from({ length: RUNS }, () => Math.floor(rand() * N));
    const times: [number[], number[], number[]] = [[], [], []];
    for (const [k, i] of picks.entries()) {
      for (let j = 0; j < 3; j++) {
        const which = (k + j) % 3;
        const t = performance.now();
        if (which === 0) await get(`/rws/api/v1/devices/${iccidAt(i)}`, false);
        else if (which === 1) await get(`/api/v1/sims/${iccidAt(i)}`, true);
        else if ((await floorClient.query(FIND_BY_ICCID_SQL, [iccidAt(i)])).rows.length !== 1)
          throw new Error(`floor: ${iccidAt(i)} not found`);
        times[which]!.push(performance.now() - t);
      }
    }
    gcObserver.disconnect();
    const gc = {
      pauses: gcPauses.length,
      over1Ms: gcPauses.filter((d) => d > 1).length,
      maxMs: round(Math.max(0, ...gcPauses), 2),
      totalMs: round(
        gcPauses.reduce((x, y) => x + y, 0),
        1,
      ),
    };
    log(`  garbage collection during the phase: ${JSON.stringify(gc)}`);
    return {
      rws: latencies(times[0], 0),
      native: latencies(times[1], 0),
      floor: latencies(times[2], 0),
      gc,
    };
  };
  const fresh = await detailsPhase();
  log(
    `device details right after the COPY  /rws p99 ${fresh.rws.p99Ms} ms (p50 ${fresh.rws.p50Ms}) · /api/v1 p99 ${fresh.native.p99Ms} ms (p50 ${fresh.native.p50Ms}) · floor SELECT p99 ${fresh.floor.p99Ms} ms (p50 ${fresh.floor.p50Ms}) · load ${loadavg().join(" ")}`,
  );
  t0 = Date.now();
  await floorClient.query("VACUUM (ANALYZE) sims");
  await floorClient.query("CHECKPOINT");
  log(`VACUUM (ANALYZE) sims and CHECKPOINT in ${round((Date.now() - t0) / 1000, 1)} s`);
  const atRest = await detailsPhase();
  const ccDetails = atRest.rws;
  const nativeDetails = atRest.native;
  log(
    `device details at rest  /rws p99 ${ccDetails.p99Ms} ms (p50 ${ccDetails.p50Ms}) · /api/v1 p99 ${nativeDetails.p99Ms} ms (p50 ${nativeDetails.p50Ms}) · floor SELECT p99 ${atRest.floor.p99Ms} ms (p50 ${atRest.floor.p50Ms}) · load ${loadavg().join(" ")}`,
  );

  // 2. Search pages of 50.
  const deep = Math.min(DEEP_PAGE, Math.floor(N / PAGE));
  const search = (page: number) =>
    `/rws/api/v1/devices?modifiedSince=2000-01-01T00:00:00%2B00:00&pageSize=${PAGE}&pageNumber=${page}`;
  const searchRuns = Math.max(10, Math.floor(RUNS / 10));
  const ccPage1 = await time(
    Array.from({ length: searchRuns }, () => search(1)),
    false,
  );
  // The first page that deep asked for out of order reads where the search's pages start (every
  // 500th SIM, one statement); then any page out of order starts from the nearest such place.
  const ccDeepFirst = await time([search(deep)], false);
  const ccDeepCold = await time(
    Array.from({ length: searchRuns }, () =>
      search(Math.max(2, deep - Math.floor(rand() * (deep / 2)))),
    ),
    false,
  );
  // Within a walk: page deep-1 served just before teaches the node where page deep starts.
  await get(search(deep - 1), false);
  const ccDeepWalk = await time(
    Array.from({ length: searchRuns }, () => search(deep)),
    false,
  );
  const cursorAt = (row: number) => Buffer.from(idAt(row), "utf8").toString("base64url");
  const nativePage1 = await time(
    Array.from({ length: searchRuns }, () => `/api/v1/sims?limit=${PAGE}`),
    true,
  );
  const nativeDeep = await time(
    Array.from(
      { length: searchRuns },
      () => `/api/v1/sims?limit=${PAGE}&cursor=${cursorAt((deep - 1) * PAGE - 1)}`,
    ),
    true,
  );
  log(`search page 1        /rws p99 ${ccPage1.p99Ms} ms · /api/v1 p99 ${nativePage1.p99Ms} ms`);
  log(
    `search page ${deep} /rws p99 ${ccDeepWalk.p99Ms} ms within a walk, pages ${Math.floor(deep / 2)}–${deep} out of order p99 ${ccDeepCold.p99Ms} ms (p50 ${ccDeepCold.p50Ms}; the first one ${ccDeepFirst.maxMs} ms) · /api/v1 (cursor) p99 ${nativeDeep.p99Ms} ms`,
  );

  // 3. Full export by paging.
  let ccExport = { seconds: 0, rows: 0 };
  let nativeExport = { seconds: 0, rows: 0 };
  let nativeExport1000 = { seconds: 0, rows: 0 };
  if (!args["skip-export"]) {
    t0 = Date.now();
    let rows = 0;
    for (let page = 1; ; page++) {
      const body = await get(search(page), false);
      rows += body.devices.length;
      if (body.lastPage) break;
    }
    ccExport = { seconds: round((Date.now() - t0) / 1000, 1), rows };
    for (const limit of [PAGE, 1000]) {
      t0 = Date.now();
      rows = 0;
      let cursor: string | null = null;
      do {
        const body = await get(
          `/api/v1/sims?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
          true,
        );
        rows += body.items.length;
        cursor = body.nextCursor;
      } while (cursor);
      const result = { seconds: round((Date.now() - t0) / 1000, 1), rows };
      if (limit === PAGE) nativeExport = result;
      else nativeExport1000 = result;
    }
    log(
      `full export  /rws ${ccExport.rows} devices in ${ccExport.seconds} s · /api/v1 limit=50 ${nativeExport.seconds} s, limit=1000 ${nativeExport1000.seconds} s`,
    );
  }

  console.log(
    JSON.stringify(
      {
        sims: N,
        runs: RUNS,
        load: loadavg(),
        targets: TARGETS,
        deviceDetails: { rws: ccDetails, native: nativeDetails, floor: atRest.floor },
        deviceDetailsRightAfterCopy: fresh,
        searchPage1: { rws: ccPage1, native: nativePage1 },
        searchDeep: {
          page: deep,
          rwsWithinWalk: ccDeepWalk,
          rwsOutOfOrderFirst: ccDeepFirst,
          rwsOutOfOrder: ccDeepCold,
          native: nativeDeep,
        },
        fullExport: {
          rws: ccExport,
          nativeLimit50: nativeExport,
          nativeLimit1000: nativeExport1000,
        },
      },
      null,
      2,
    ),
  );
  await floorClient.end();
  await otter.close();
  await database.close();
  await runCleanups();
}

main().catch(async (err) => {
  console.error(err);
  await runCleanups();
  process.exit(1);
});
