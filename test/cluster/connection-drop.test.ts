import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PG_ADMIN_URL, TEST_ENGINE } from "../support/engine.js";
import { processHarness } from "../support/process.js";

/**
 * PostgreSQL fails over, or restarts, while Otter runs: every connection Otter holds is ended by the
 * server, some of them in the middle of a worker's transaction. Otter stays up, says so on
 * /healthz, and carries on with new connections. (Before, a connection ended while a transaction
 * held it between two statements took the whole process down.)
 */
const h = processHarness("connection-drop");
afterAll(() => h.close());

async function endConnectionsOf(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const res = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
      [name],
    );
    return res.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.skipIf(TEST_ENGINE !== "postgres")(
  "the database ends Otter's connections (PostgreSQL only: PGlite has no connections to lose)",
  () => {
    it("keeps running and serves again on new connections", async () => {
      // Workers polling every 20 ms: most of the time one of them is inside a transaction.
      const server = await h.start({ OTTER_WORKER_POLL_MS: "20" });
      const dbUrl = h.databaseUrl!;
      let ended = 0;
      for (let round = 0; round < 5; round++) {
        ended += await endConnectionsOf(dbUrl);
        await new Promise((r) => setTimeout(r, 150));
      }
      expect(ended).toBeGreaterThan(0);
      expect(server.child.exitCode, server.output()).toBeNull();
      await expect
        .poll(async () => (await fetch(`${server.url}/healthz`)).status, { timeout: 10_000 })
        .toBe(200);
      const created = await h.call("/api/v1/network/clients", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "pgw-after", address: "10.1.2.3", secret: "after-secret" }),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(server.child.exitCode).toBeNull();
    });
  },
);
