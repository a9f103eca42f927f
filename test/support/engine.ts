import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/database.js";

/** The engine this test run targets: `pglite` (in-memory) or `postgres` (the server on 5432). */
export const TEST_ENGINE = (process.env.OTTER_TEST_ENGINE ?? "pglite") as "pglite" | "postgres";
export const PG_ADMIN_URL = process.env.OTTER_TEST_PG_URL ?? "postgres://root@127.0.0.1:5432/test";

/**
 * A fresh, empty database for one test file: in-memory PGlite or a new PostgreSQL database.
 * `pgliteOnDisk` puts PGlite in a temporary data directory, as Otter runs it in production: the
 * in-memory file system grows a file by copying all of it, which stalls the event loop for hundreds
 * of milliseconds once tables hold tens of megabytes — a cost of the test setup, not of Otter.
 */
export async function createTestDatabase(
  opts: { pgliteOnDisk?: boolean } = {},
): Promise<Database & { url?: string }> {
  if (TEST_ENGINE === "pglite" && opts.pgliteOnDisk) {
    const dir = mkdtempSync(join(tmpdir(), "otter-pglite-"));
    const database = await openDatabase({ dataDir: dir });
    return {
      ...database,
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (TEST_ENGINE === "pglite") return openDatabase({ dataDir: "memory://" });
  const name = `otter_t_${randomBytes(6).toString("hex")}`;
  const url = withDatabase(PG_ADMIN_URL, name);
  await adminQuery(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ url, poolSize: 5 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A database URL (PostgreSQL) or data directory (PGlite) for tests that run Otter as a process. */
export async function createProcessStorage(
  dir: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (TEST_ENGINE === "pglite") return { env: { OTTER_DATA_DIR: dir }, drop: async () => {} };
  const name = `otter_p_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    env: { OTTER_DATA_DIR: dir, DATABASE_URL: withDatabase(PG_ADMIN_URL, name) },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
