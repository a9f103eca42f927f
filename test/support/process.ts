import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createProcessStorage } from "./engine.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

/** `otter serve` as a real child process, as an operator would run it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freeTcpPort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/otter.ts", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      OTTER_HOST: "127.0.0.1",
      OTTER_HTTP_PORT: String(port),
      OTTER_RADIUS_PORT: "0",
      OTTER_RADIUS_HOST: "127.0.0.1",
      OTTER_SMTP_PORT: "0",
      OTTER_SMTP_HOST: "127.0.0.1",
      OTTER_LOG_LEVEL: "warn",
      OTTER_OUTBOUND_ALLOW: "127.0.0.0/8,::1/128",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => {
    out += String(d);
  });
  child.stderr!.on("data", (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`otter serve exited ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`otter serve did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * One test file's `otter serve`: its own data directory (and PostgreSQL database when the suite runs
 * on PostgreSQL), the operator admin's key, an API caller, and clean-up for `afterAll`. `start` may
 * be called again after a kill: the process comes back on the same storage.
 */
export function processHarness(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `otter-${name}-`));
  const key = `otk_${name.replace(/\W/g, "_")}_${randomBytes(20).toString("hex")}`;
  const secretKey = randomBytes(32).toString("hex");
  let storage: Awaited<ReturnType<typeof createProcessStorage>> | null = null;
  const h = {
    dir,
    key,
    server: null as ServerProcess | null,
    /** The PostgreSQL database the server runs on (after the first start; undefined on PGlite). */
    get databaseUrl(): string | undefined {
      return storage?.env.DATABASE_URL;
    },
    async start(env: Record<string, string> = {}): Promise<ServerProcess> {
      storage ??= await createProcessStorage(dir);
      h.server = await startServerProcess({
        ...storage.env,
        OTTER_BOOTSTRAP_API_KEY: key,
        OTTER_SECRET_KEY: secretKey,
        OTTER_RATE_LIMIT_PER_MINUTE: "0",
        ...env,
      });
      return h.server;
    },
    /** Calls the running server's API with the admin key; JSON bodies parsed, others as text. */
    async call(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
      const res = await fetch(h.server!.url + path, {
        ...init,
        headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
      };
    },
    async close(): Promise<void> {
      await h.server?.kill("SIGKILL");
      await storage?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}
