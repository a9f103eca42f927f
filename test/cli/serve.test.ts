import { randomBytes } from "node:crypto";
import { createSocket } from "node:dgram";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeConfig } from "../../src/app/config.js";
import { createProcessStorage } from "../support/engine.js";
import { freePort, type RunningCli, runCli, startCli } from "./run-cli.js";

async function waitForHealth(url: string, run: RunningCli, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`otter serve exited early:\n${run.stdout()}\n${run.stderr()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      // The log line comes right after listening; wait for it too, so what follows sees all start-up output.
      if (res.ok && run.stdout().includes("listening on")) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`otter serve did not answer /healthz in time:\n${run.stdout()}\n${run.stderr()}`);
}

describe("otter serve", () => {
  it("--help lists every environment variable with its description", async () => {
    const r = await runCli(["serve", "--help"]);
    expect(r.code).toBe(0);
    for (const v of describeConfig()) expect(r.stdout).toContain(v.name);
    expect(r.stdout).toMatch(/OTTER_HTTP_PORT\s+HTTP port for the API/);
    expect(r.stdout).not.toMatch(/console/i); // there is no web console yet
    expect(r.stdout).toMatch(/--port <port>[^\n]*\n?[^\n]*\[OTTER_HTTP_PORT\]/);
  });

  it("exits 2 naming the variable when the configuration is invalid", async () => {
    const r = await runCli(["serve"], { OTTER_HTTP_PORT: "abc" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("OTTER_HTTP_PORT");
    expect(r.stdout).toBe("");
  });

  it("lets a flag win over its environment variable, and names the flag in the error", async () => {
    const r = await runCli(["serve", "--port", "70000"], { OTTER_HTTP_PORT: "8080" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("OTTER_HTTP_PORT");
    const abc = await runCli(["serve", "--port", "abc"]);
    expect(abc.code).toBe(2);
    expect(abc.stderr).toMatch(/--port "abc" \(OTTER_HTTP_PORT\): must be a port number/);
  });

  it("on a taken port says which in one line and creates nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "otter-busy-"));
    const http = createServer();
    const radius = createSocket("udp4");
    try {
      const httpPort = await freePort();
      await new Promise<void>((resolve) => http.listen(httpPort, "127.0.0.1", resolve));
      await new Promise<void>((resolve) => radius.bind(0, "127.0.0.1", resolve));
      const dataDir = join(dir, "data");

      const taken = await runCli(["serve", "--port", String(httpPort), "--data-dir", dataDir]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toBe(
        `error: Otter cannot start: HTTP port ${httpPort} on 127.0.0.1 is already in use; choose another with --port or OTTER_HTTP_PORT.\n`,
      );
      expect(taken.stdout).toBe(""); // no admin key printed
      expect(existsSync(dataDir)).toBe(false);

      const radiusTaken = await runCli(["serve", "--port", "0", "--data-dir", dataDir], {
        OTTER_RADIUS_PORT: String(radius.address().port),
      });
      expect(radiusTaken.code).toBe(1);
      expect(radiusTaken.stderr).toMatch(
        /^error: Otter cannot start: RADIUS port \d+\/udp on 127\.0\.0\.1 is already in use; choose another with OTTER_RADIUS_PORT\.\n$/,
      );
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      http.close();
      radius.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe("on a fresh data directory", () => {
    let dir: string;
    let storage: Awaited<ReturnType<typeof createProcessStorage>>;
    const secretKey = randomBytes(32).toString("hex");
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "otter-serve-"));
      storage = await createProcessStorage(join(dir, "data"));
    });
    afterAll(async () => {
      await storage?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    async function serveOnce() {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const run = startCli(["serve", "--port", String(port), "--host", "127.0.0.1"], {
        ...storage.env,
        OTTER_SECRET_KEY: secretKey,
        OTTER_WORKER_POLL_MS: "50",
      });
      try {
        await waitForHealth(url, run);
      } catch (err) {
        run.child.kill("SIGKILL");
        throw err;
      }
      return { run, url };
    }

    async function stop(run: RunningCli) {
      run.child.kill("SIGTERM");
      return run.exited;
    }

    it("prints a generated admin key once, serves, and stops cleanly on SIGTERM", async () => {
      const first = await serveOnce();
      const health = await (await fetch(`${first.url}/healthz`)).json();
      expect(health).toMatchObject({ status: "ok" });
      expect(first.run.stdout()).toContain("Store it now, it is not shown again.");
      // …and the admin's one-time way into the console, at the URL Otter is reached at.
      expect(first.run.stdout()).toMatch(
        /To sign in to the console as admin@otter\.local, open this link once[^\n]*\n\s+http:\/\/127\.0\.0\.1:\d+\/set-password#token=\S+/,
      );
      const keys = first.run.stdout().match(/otk_[A-Za-z0-9_-]+/g) ?? [];
      expect(new Set(keys).size).toBe(1);
      const me = await fetch(`${first.url}/api/v1/users/me`, {
        headers: { authorization: `Bearer ${keys[0]}` },
      });
      expect(me.status).toBe(200);
      expect(first.run.stdout()).toContain(`listening on ${first.url}`);
      expect(first.run.stderr()).toMatch(
        /^warning: mail to customers is kept in the outbox \(no OTTER_SMTP_RELAY\) and would go out from Otter <otter@localhost>; set OTTER_MAIL_FROM/m,
      );
      expect(await stop(first.run)).toEqual({ code: 0, signal: null });

      const second = await serveOnce();
      expect(second.run.stdout()).not.toContain("not shown again");
      expect(second.run.stdout()).not.toMatch(/otk_/);
      expect(second.run.stdout()).not.toContain("set-password");
      const again = await fetch(`${second.url}/api/v1/users/me`, {
        headers: { authorization: `Bearer ${keys[0]}` },
      });
      expect(again.status).toBe(200);
      expect(await stop(second.run)).toEqual({ code: 0, signal: null });
    });
  });
});
