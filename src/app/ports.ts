import { createSocket } from "node:dgram";
import { isIP, createServer } from "node:net";
import type { Config } from "./config.js";

/** One port Otter listens on, with the setting a user changes to move it. */
export interface Listener {
  name: "HTTP" | "RADIUS" | "SMTP";
  protocol: "tcp" | "udp";
  host: string;
  port: number;
  /** How to choose another port: the flag (if any) and the variable. */
  setting: string;
}

/**
 * The ports `otter serve` is about to take. Port 0 (any free port) cannot be taken; a shared port
 * (OTTER_REUSE_PORT) is meant to be held by other Otter nodes already, so neither is probed.
 */
export function listenersOf(config: Config): Listener[] {
  const all: (Listener & { shared: boolean })[] = [
    {
      name: "HTTP",
      protocol: "tcp",
      host: config.OTTER_HOST,
      port: config.OTTER_HTTP_PORT,
      setting: "--port or OTTER_HTTP_PORT",
      shared: false,
    },
    {
      name: "RADIUS",
      protocol: "udp",
      host: config.OTTER_RADIUS_HOST,
      port: config.OTTER_RADIUS_PORT,
      setting: "OTTER_RADIUS_PORT",
      shared: config.OTTER_REUSE_PORT,
    },
    {
      name: "SMTP",
      protocol: "tcp",
      host: config.OTTER_SMTP_HOST,
      port: config.OTTER_SMTP_PORT,
      setting: "OTTER_SMTP_PORT",
      shared: config.OTTER_REUSE_PORT,
    },
  ];
  return all.filter((l) => l.port !== 0 && !l.shared).map(({ shared: _, ...l }) => l);
}

/** Binds the port and lets it go at once; resolves with the bind error's code, or null if it was free. */
function probe(l: Listener): Promise<string | null> {
  return new Promise((resolve) => {
    if (l.protocol === "udp") {
      const socket = createSocket(isIP(l.host) === 6 ? "udp6" : "udp4");
      socket.once("error", (err: NodeJS.ErrnoException) => {
        socket.close();
        resolve(err.code ?? err.message);
      });
      socket.bind({ port: l.port, address: l.host, exclusive: true }, () =>
        socket.close(() => resolve(null)),
      );
      return;
    }
    const server = createServer();
    server.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    server.listen({ port: l.port, host: l.host, exclusive: true }, () =>
      server.close(() => resolve(null)),
    );
  });
}

/** A one-line reason a listener cannot be opened, naming the port and how to change it. */
export function whyNotListening(l: Listener, code: string | undefined, message: string): string {
  const where = `${l.name} port ${l.port}${l.protocol === "udp" ? "/udp" : ""} on ${l.host}`;
  switch (code) {
    case "EADDRINUSE":
      return `${where} is already in use; choose another with ${l.setting}`;
    case "EACCES":
      return `${where} needs privileges this user does not have; choose a port above 1023 with ${l.setting}`;
    case "EADDRNOTAVAIL":
      return `${where}: ${l.host} is not an address of this machine`;
    default:
      return `${where} cannot be opened: ${message}`;
  }
}

/**
 * Checks every port before Otter creates anything (data directory, admin, key): a start that is
 * going to fail on a taken port fails first, in one line. Returns that line, or null when all are free.
 * (Another process may still take a port in the moment between; `listen` reports that the same way.)
 */
export async function firstUnavailablePort(config: Config): Promise<string | null> {
  for (const l of listenersOf(config)) {
    const code = await probe(l);
    if (code) return whyNotListening(l, code, code);
  }
  return null;
}
