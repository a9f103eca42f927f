/**
 * The reference: FreeRADIUS (Debian package `freeradius`) in its default configuration — accounting
 * written to the detail file — on its standard ports, in the foreground. The only changes, made in a
 * temporary copy of /etc/freeradius/3.0: the localhost client's secret is the benchmark's, and the
 * log, accounting (detail) and run directories point into the copy so the run leaves nothing behind.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import dgram from "node:dgram";
import { once } from "node:events";
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { verifyAccountingResponse } from "../../src/network/radius/index.js";
import { freeUdpPort, log, onCleanup, sleep, udpPortFree } from "../util.js";
import { accountingOn } from "./workload.js";

const SYSTEM_RADDB = "/etc/freeradius/3.0";

export interface FreeRadius {
  child: ChildProcess;
  acctPort: number;
  /** "standard ports (1812/1813)" or what was used instead. */
  ports: string;
  dir: string;
  version: string;
  stop(): Promise<void>;
}

export function freeradiusVersion(): string | null {
  try {
    const out = execFileSync("freeradius", ["-v"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return out.match(/FreeRADIUS Version (\S+)/)?.[1]?.replace(/,$/, "") ?? out.split("\n")[0]!;
  } catch {
    return null;
  }
}

export async function startFreeRadius(secret: string): Promise<FreeRadius> {
  const version = freeradiusVersion();
  if (!version || !existsSync(SYSTEM_RADDB)) {
    throw new Error(
      "FreeRADIUS is not installed: apt-get install -y freeradius (check `apt-cache policy freeradius` first)",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "otter-bench-freeradius-"));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  const raddb = join(dir, "raddb");
  execFileSync("cp", ["-a", SYSTEM_RADDB, raddb]);
  for (const d of ["log", "log/radacct", "run"]) mkdirSync(join(dir, d), { recursive: true });

  const confFile = join(raddb, "radiusd.conf");
  let conf = readFileSync(confFile, "utf8");
  const set = (key: string, value: string) => {
    const re = new RegExp(`^${key}\\s*=.*$`, "m");
    if (!re.test(conf)) throw new Error(`radiusd.conf has no top-level "${key} =" line`);
    conf = conf.replace(re, `${key} = ${value}`);
  };
  set("raddbdir", raddb);
  set("logdir", join(dir, "log"));
  set("run_dir", join(dir, "run"));
  const asRoot = process.getuid?.() === 0;
  // Not root: stay the user we are (the default config switches to freerad, which only root may do).
  if (!asRoot) conf = conf.replace(/^(\s*)(user|group) = freerad$/gm, "$1#$2 = freerad");
  writeFileSync(confFile, conf);

  const clientsFile = join(raddb, "clients.conf");
  const clients = readFileSync(clientsFile, "utf8");
  if (!/^\s*secret = testing123$/m.test(clients))
    throw new Error(
      "clients.conf: the localhost client's `secret = testing123` line was not found",
    );
  writeFileSync(
    clientsFile,
    clients.replace(/^(\s*)secret = testing123$/m, `$1secret = ${secret}`),
  );
  if (asRoot) execFileSync("chown", ["-R", "freerad:freerad", join(dir, "log"), join(dir, "run")]);

  // Standard ports when they are free; otherwise -i 127.0.0.1 -p P (authentication on P, accounting on P+1).
  const args = ["-f", "-d", raddb, "-l", join(dir, "log", "radius.log")];
  let acctPort = 1813;
  let ports = "standard ports 1812/1813";
  if (!(await udpPortFree(1812)) || !(await udpPortFree(1813))) {
    let p = 0;
    for (let i = 0; i < 20 && !p; i++) {
      const cand = await freeUdpPort();
      if (cand < 65535 && (await udpPortFree(cand + 1))) p = cand;
    }
    if (!p) throw new Error("no two consecutive free UDP ports for FreeRADIUS");
    args.push("-i", "127.0.0.1", "-p", String(p));
    acctPort = p + 1;
    ports = `1812/1813 busy: -i 127.0.0.1 -p ${p} (accounting on ${acctPort})`;
    log(`freeradius: ${ports}`);
  }
  const outFile = join(dir, "stdout.log");
  const fd = openSync(outFile, "w");
  const child = spawn("freeradius", args, { stdio: ["ignore", fd, fd] });
  closeSync(fd);
  let exited = false;
  const exit = once(child, "exit");
  child.once("exit", () => (exited = true));
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const gone = await Promise.race([exit.then(() => true), sleep(20_000).then(() => false)]);
    if (!gone && !exited) {
      child.kill("SIGKILL");
      await exit;
    }
  };
  onCleanup(stop);

  // Up when it answers an Accounting-On (written to the detail file; counted apart in the check).
  const probe = dgram.createSocket("udp4");
  await new Promise<void>((r) => probe.bind(0, "127.0.0.1", () => r()));
  probe.on("error", () => {});
  try {
    const deadline = Date.now() + 30_000;
    for (let id = 0; ; id = (id + 1) & 255) {
      if (exited)
        throw new Error(
          `freeradius exited during start:\n${readIfExists(join(dir, "log", "radius.log"))}${readIfExists(outFile)}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `freeradius did not answer within 30 s:\n${readIfExists(join(dir, "log", "radius.log"))}`,
        );
      const packet = accountingOn(id, secret);
      const answered = new Promise<boolean>((r) => {
        const t = setTimeout(() => r(false), 300);
        probe.once("message", (msg) => {
          clearTimeout(t);
          r(verifyAccountingResponse(msg, packet.subarray(4, 20), secret));
        });
      });
      probe.send(packet, acctPort, "127.0.0.1");
      if (await answered) break;
    }
  } finally {
    probe.close();
  }
  return { child, acctPort, ports, dir, version: version ?? "?", stop };
}

function readIfExists(f: string): string {
  try {
    return readFileSync(f, "utf8").slice(-3000);
  } catch {
    return "";
  }
}

/** What the detail file(s) hold: records by Acct-Status-Type, and the last counters per session. */
export interface DetailCounts {
  files: number;
  bytes: number;
  records: Record<string, number>;
  /** Acct-Session-Id → highest Acct-Input-Octets / Acct-Output-Octets seen. */
  sessions: Map<string, { up: number; down: number }>;
}

export async function readDetail(fr: FreeRadius): Promise<DetailCounts> {
  const root = join(fr.dir, "log", "radacct");
  const files: string[] = [];
  for (const client of existsSync(root) ? readdirSync(root) : []) {
    for (const f of readdirSync(join(root, client)))
      if (f.startsWith("detail")) files.push(join(root, client, f));
  }
  const records: Record<string, number> = {};
  const sessions = new Map<string, { up: number; down: number }>();
  let bytes = 0;
  for (const file of files) {
    let status = "",
      session = "",
      up = 0,
      down = 0,
      open = false;
    const flush = () => {
      if (!open) return;
      records[status || "?"] = (records[status || "?"] ?? 0) + 1;
      if (session) {
        const s = sessions.get(session) ?? { up: 0, down: 0 };
        sessions.set(session, { up: Math.max(s.up, up), down: Math.max(s.down, down) });
      }
      status = session = "";
      up = down = 0;
      open = false;
    };
    const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of rl) {
      bytes += line.length + 1;
      if (line === "") {
        flush();
        continue;
      }
      if (line[0] !== "\t") {
        flush();
        open = true; // the record's header line (a date)
        continue;
      }
      const m = line.match(/^\t([A-Za-z0-9-]+) = (.*)$/);
      if (!m) continue;
      const v = m[2]!.replace(/^"|"$/g, "");
      if (m[1] === "Acct-Status-Type") status = v;
      else if (m[1] === "Acct-Session-Id") session = v;
      else if (m[1] === "Acct-Input-Octets") up = Number(v);
      else if (m[1] === "Acct-Output-Octets") down = Number(v);
    }
    flush();
  }
  return { files: files.length, bytes, records, sessions };
}
