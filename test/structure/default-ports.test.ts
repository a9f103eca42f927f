import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import net from "node:net";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { buildOtter } from "../../src/app/build-app.js";
import { loadConfig } from "../../src/app/config.js";
import { ManualClock } from "../../src/lib/clock.js";
import { defaultPorts } from "../support/default-ports.js";
import { createTestDatabase } from "../support/engine.js";

/**
 * The suite runs beside `npm start` and beside itself: a test that listens on one of Otter's default
 * ports fails with the port and the variable named (test/support/port-guard.setup.ts), here and in
 * the Node processes a test starts.
 */
describe("no test listens on a default port of Otter's", () => {
  it("knows the default ports from the config schema", () => {
    expect(defaultPorts()).toMatchObject({
      "8080": "OTTER_HTTP_PORT",
      "1813": "OTTER_RADIUS_PORT",
      "2525": "OTTER_SMTP_PORT",
    });
  });

  it("fails an Otter built for a test that leaves the SMTP listener on its default port", async () => {
    const database = await createTestDatabase();
    const otter = await buildOtter({
      // The test settings of test/support/otter.ts, without OTTER_SMTP_PORT.
      config: loadConfig({
        OTTER_HTTP_PORT: "0",
        OTTER_HOST: "127.0.0.1",
        OTTER_SECRET_KEY: randomBytes(32).toString("hex"),
        OTTER_LOG_LEVEL: "silent",
        OTTER_RADIUS_PORT: "0",
        OTTER_RADIUS_HOST: "127.0.0.1",
        OTTER_SMTP_HOST: "127.0.0.1",
      }),
      logger: pino({ level: "silent" }),
      clock: new ManualClock("2026-03-01T09:00:00Z"),
      database,
      startWorkers: false,
    });
    try {
      await expect(otter.listen()).rejects.toThrow(
        /TCP port 2525, Otter's default for OTTER_SMTP_PORT/,
      );
    } finally {
      await otter.close();
      await database.close();
    }
  });

  it("refuses TCP and UDP listeners on default ports, in every form of the call", () => {
    const server = net.createServer();
    expect(() => server.listen(8080, "127.0.0.1")).toThrow(/TCP port 8080.*OTTER_HTTP_PORT/);
    expect(() => server.listen({ port: 2525, host: "127.0.0.1" })).toThrow(/OTTER_SMTP_PORT/);
    const socket = dgram.createSocket("udp4");
    try {
      expect(() => socket.bind(1813)).toThrow(/UDP port 1813.*OTTER_RADIUS_PORT/);
      expect(() => socket.bind({ port: 1813, address: "127.0.0.1" })).toThrow(/OTTER_RADIUS_PORT/);
    } finally {
      socket.close();
    }
  });

  it("leaves port 0 alone", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    expect((server.address() as net.AddressInfo).port).toBeGreaterThan(0);
    await new Promise((resolve) => server.close(resolve));
  });

  it("guards a Node process the test starts, even one given a filtered environment", async () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith("OTTER_")),
    );
    const child = spawn(
      process.execPath,
      ["-e", "require('node:net').createServer().listen(2525, '127.0.0.1')"],
      { env, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain("TCP port 2525, Otter's default for OTTER_SMTP_PORT");
  });
});
