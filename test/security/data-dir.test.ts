import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, lstatSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProcessStorage, TEST_ENGINE } from "../support/engine.js";
import { startServerProcess } from "../support/process.js";

/** Every path under `dir` (itself included) whose mode has a group or other bit, with that mode. */
function exposed(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(`${p.slice(dir.length) || "/"} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
  };
  walk(dir);
  return out;
}

/** What an older Otter (or a careless copy) left: everything readable and writable by anyone. */
function exposeAll(p: string): void {
  const st = lstatSync(p);
  chmodSync(p, st.isDirectory() ? 0o777 : 0o666);
  if (st.isDirectory()) for (const name of readdirSync(p)) exposeAll(join(p, name));
}

let tmp: string;
let umaskBefore: number;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "otter-datadir-"));
  // The server inherits the umask most systems start shells with.
  umaskBefore = process.umask(0o022);
});
afterAll(async () => {
  process.umask(umaskBefore);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.runIf(TEST_ENGINE === "pglite")("the PGlite data directory is private", () => {
  it("creates the directory 0700 and every file 0600 under a 022 umask, running and stopped", async () => {
    const dir = join(tmp, "fresh", "data");
    const server = await startServerProcess({
      OTTER_DATA_DIR: dir,
      OTTER_SECRET_KEY: "",
      OTTER_BOOTSTRAP_API_KEY: "",
    });
    try {
      const key = server.output().match(/otk_\S+/)?.[0];
      expect(key, server.output()).toBeTruthy();
      // Files written while serving (a new account, its audit record) are private too.
      const res = await fetch(`${server.url}/api/v1/accounts`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Acme" }),
      });
      expect(res.status).toBe(201);
      expect(existsSync(join(dir, "secret.key"))).toBe(true);
      expect(lstatSync(dir).mode & 0o777).toBe(0o700);
      expect(lstatSync(join(dir, "secret.key")).mode & 0o777).toBe(0o600);
      expect(exposed(dir)).toEqual([]);
    } finally {
      expect(await server.kill("SIGTERM")).toBe(0);
    }
    expect(exposed(dir)).toEqual([]);
  }, 180_000);

  it("repairs a world-readable data directory of an older install on start", async () => {
    // The directory of the test above, as an older Otter (or a careless copy) would have left it.
    const dir = join(tmp, "fresh", "data");
    exposeAll(dir);
    expect(exposed(dir)).toContain("/secret.key 666");
    expect(exposed(dir).length).toBeGreaterThan(900);

    const again = await startServerProcess({
      OTTER_DATA_DIR: dir,
      OTTER_SECRET_KEY: "",
      OTTER_BOOTSTRAP_API_KEY: "",
    });
    try {
      expect(exposed(dir)).toEqual([]);
    } finally {
      await again.kill("SIGTERM");
    }
  }, 180_000);
});

describe.runIf(TEST_ENGINE === "postgres")("the data directory with PostgreSQL", () => {
  it("holds nothing: the secret key comes from the environment, the data from the server", async () => {
    const dir = join(tmp, "pg", "data");
    const storage = await createProcessStorage(dir);
    const server = await startServerProcess({
      ...storage.env,
      OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
    });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(existsSync(dir)).toBe(false);
    } finally {
      await server.kill("SIGTERM");
      await storage.drop();
    }
  }, 180_000);
});
