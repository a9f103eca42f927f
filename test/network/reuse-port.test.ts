import dgram from "node:dgram";
import net from "node:net";
import pino from "pino";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/lib/clock.js";
import { startSmtpListener } from "../../src/modules/desk/smtp-listener.js";
import {
  accountingRequest,
  Attr,
  attr,
  verifyAccountingResponse,
} from "../../src/network/radius/index.js";
import { startRadiusServer } from "../../src/network/radius-server.js";
import { nodeHasReusePort } from "../../src/network/reuse-port.js";

/**
 * OTTER_REUSE_PORT: several Otter nodes on one host share the RADIUS and SMTP ports, and the kernel
 * spreads gateways (by source address and port) and mail clients over them.
 */
const SUPPORTED = nodeHasReusePort();
const UNSUPPORTED_REASON = `Node ${process.version} has no reusePort (22.12 or later)`;
const SECRET = "pgw-shared-secret";
const SOURCES = 40;

function radiusNode(port: number, received: string[]) {
  return startRadiusServer({
    host: "127.0.0.1",
    port,
    reusePort: true,
    logger: pino({ level: "silent" }),
    registry: new Registry(),
    clock: systemClock,
    signals: {
      recordAccounting: async (batch) => {
        received.push(...batch.map((r) => r.sessionId ?? ""));
        return batch.map(() => "stored" as const);
      },
    },
    clients: {
      version: () => 1,
      loadResolver: async () => () => ({ id: "pgw", name: "pgw", secret: SECRET, coaPort: 3799 }),
    },
    parallelCommits: 1,
  });
}

/** One gateway socket (its own source port) sends an Accounting-Start and waits for the answer. */
async function gatewaySends(port: number, session: string): Promise<boolean> {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
  const request = accountingRequest({
    identifier: 1,
    secret: SECRET,
    attributes: [
      attr.uint32(Attr.AcctStatusType, 1),
      attr.string(Attr.AcctSessionId, session),
      attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
    ],
  });
  try {
    const answer = await new Promise<Buffer | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5000);
      socket.once("message", (msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
      socket.send(request, port, "127.0.0.1");
    });
    return answer !== null && verifyAccountingResponse(answer, request.subarray(4, 20), SECRET);
  } finally {
    socket.close();
  }
}

/** The name a mail client reads in the SMTP greeting ("220 <name> ESMTP ..."). */
function greetingOf(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setEncoding("utf8");
    socket.once("data", (line: string) => {
      socket.destroy();
      resolve(line.split(" ")[1] ?? "");
    });
    socket.once("error", reject);
  });
}

describe("Otter nodes on one host share a port (OTTER_REUSE_PORT)", () => {
  it("knows which Node versions have reusePort", () => {
    expect(["20.20.2", "22.11.0", "23.0.0"].map((v) => nodeHasReusePort(v))).toEqual([
      false,
      false,
      false,
    ]);
    expect(["22.12.0", "23.1.0", "24.0.0", "26.10.0"].map((v) => nodeHasReusePort(v))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it("two RADIUS servers on one port both receive and answer accounting", async (ctx) => {
    if (!SUPPORTED) ctx.skip(UNSUPPORTED_REASON);
    const first: string[] = [];
    const second: string[] = [];
    const a = await radiusNode(0, first);
    const b = await radiusNode(a.port, second);
    try {
      expect(b.port).toBe(a.port);
      const sessions = Array.from({ length: SOURCES }, (_, i) => `session-${i}`);
      const answered = await Promise.all(sessions.map((s) => gatewaySends(a.port, s)));
      expect(answered.every(Boolean)).toBe(true);
      expect(first.length).toBeGreaterThan(0);
      expect(second.length).toBeGreaterThan(0);
      expect([...first, ...second].sort()).toEqual([...sessions].sort());
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("two SMTP listeners on one port both take connections", async (ctx) => {
    if (!SUPPORTED) ctx.skip(UNSUPPORTED_REASON);
    const listener = (port: number, name: string) =>
      startSmtpListener({
        host: "127.0.0.1",
        port,
        name,
        reusePort: true,
        maxMessageBytes: 1024 * 1024,
        maxConnections: 100,
        maxConnectionsPerAddress: 100,
        exemptAddresses: [],
        deskMail: { isMailbox: async () => false, receive: async () => Promise.reject() },
        logger: pino({ level: "silent" }),
      });
    const a = await listener(0, "node-a.example");
    const b = await listener(a.port, "node-b.example");
    try {
      const names = new Set<string>();
      for (let i = 0; i < SOURCES && names.size < 2; i++) names.add(await greetingOf(a.port));
      expect([...names].sort()).toEqual(["node-a.example", "node-b.example"]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("refuses to start a listener asked to share its port on a Node without reusePort", async (ctx) => {
    if (SUPPORTED) ctx.skip(`Node ${process.version} has reusePort`);
    await expect(radiusNode(0, [])).rejects.toThrow(/OTTER_REUSE_PORT=true needs Node.js 22.12/);
  });
});
