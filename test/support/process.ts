import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

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
    env: { ...process.env, OTTER_HOST: "127.0.0.1", OTTER_HTTP_PORT: String(port), OTTER_RADIUS_PORT: "0", OTTER_RADIUS_HOST: "127.0.0.1", OTTER_SMTP_PORT: "0", OTTER_SMTP_HOST: "127.0.0.1", OTTER_LOG_LEVEL: "warn", OTTER_OUTBOUND_ALLOW: "127.0.0.0/8,::1/128", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => { out += String(d); });
  child.stderr!.on("data", (d) => { out += String(d); });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
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
    url, child, output: () => out,
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
