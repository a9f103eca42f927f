/** Helpers shared by Otter's benchmarks (bench/*.bench.ts). */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Scratch space of the benchmarks (git-ignored); each names its files after itself. */
export const BENCH_DIR = join(ROOT, ".bench");

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export const loadavg = () => os.loadavg().map((x) => round(x, 2)) as [number, number, number];

export function log(msg: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Things to undo however the run ends (databases, data directories, child processes), last first. */
const cleanups: (() => Promise<void>)[] = [];
export function onCleanup(fn: () => Promise<void>) {
  cleanups.push(fn);
}
export async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    await fn().catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  }
}

/** Deterministic PRNG (mulberry32), so every run uses the same SIMs and sessions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function freeTcpPort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => res(port));
    });
  });
}

/** Whether a UDP port can be bound on 127.0.0.1 and on 0.0.0.0 right now. */
export async function udpPortFree(port: number): Promise<boolean> {
  for (const host of ["0.0.0.0", "127.0.0.1"]) {
    const s = dgram.createSocket("udp4");
    const ok = await new Promise<boolean>((r) => {
      s.once("error", () => r(false));
      s.bind(port, host, () => r(true));
    });
    await new Promise<void>((r) => s.close(() => r()));
    if (!ok) return false;
  }
  return true;
}

export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket("udp4");
  await new Promise<void>((r) => s.bind(0, "127.0.0.1", () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// ─── PostgreSQL administration ──────────────────────────────────────────────────────────────

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh database `otter_bench_<suffix>_<random>`, dropped at the end. */
export async function freshDatabase(adminUrl: string, suffix: string): Promise<string> {
  const name = `otter_bench_${suffix}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  onCleanup(() =>
    adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  );
  return withDatabase(adminUrl, name);
}

/** A fresh directory under .bench/, removed at the end. */
export function freshDir(prefix: string): string {
  const dir = join(BENCH_DIR, `${prefix}-${randomBytes(4).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; null when it is gone. */
export function procCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
    return ticks / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Busy CPU time of the whole machine (all cores), from /proc/stat, in seconds. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = line.reduce((a, b) => a + b, 0);
  const idle = (line[3] ?? 0) + (line[4] ?? 0);
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/**
 * What every benchmark does first: clean up (databases, directories, processes) on Ctrl-C, make
 * .bench/, and note the commit it measures and whether `src/` had uncommitted changes.
 */
export function startBench(checkout = ROOT): { commit: string | null; dirty: boolean } {
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      log(`${sig}: cleaning up`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
  mkdirSync(BENCH_DIR, { recursive: true });
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, {
        cwd: checkout,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return null;
    }
  };
  return {
    commit: git("rev-parse", "--short", "HEAD"),
    dirty: (git("status", "--porcelain", "--untracked-files=no", "--", "src") ?? "") !== "",
  };
}

/** `--env K=V,...`: settings for the `otter serve` a bench starts (its own OTTER_ variables are not passed on). */
export function envOption(value: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of value ? value.split(",") : []) {
    const at = kv.indexOf("=");
    if (at < 1) throw new Error(`--env takes K=V pairs separated by commas, not "${kv}"`);
    env[kv.slice(0, at)] = kv.slice(at + 1);
  }
  return env;
}

/** A whole-number flag (`--rows 1_000_000` and `1,000,000` read as 1000000), refused outside min..max. */
export function intOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}
