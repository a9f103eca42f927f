import dgram from "node:dgram";
import { isIPv6 } from "node:net";
import {
  accountingRequest,
  type OutgoingAttribute,
  verifyAccountingResponse,
} from "../network/radius/index.js";

/**
 * The packet gateway's RADIUS accounting client (RFC 2866 §2): a few UDP sockets, each with up to
 * `window` requests in flight. A request unanswered after `timeoutMs` is sent again — the same
 * datagram, so the same identifier and authenticator, which is how the server recognises a
 * retransmission — up to `retries` times; then it is given up and counted as unanswered.
 */
export interface RadiusClientOptions {
  host: string;
  port: number;
  secret: string;
  sockets: number;
  window: number;
  timeoutMs: number;
  retries: number;
  /** Source address of the datagrams (the gateway's address as Otter's network client sees it). */
  bindAddress?: string;
}

export interface RadiusClientStats {
  /** Requests sent for the first time. */
  sent: number;
  answered: number;
  /** Extra sends of a request already sent (each retry counts once). */
  retransmitted: number;
  /** Requests given up after every retry. */
  unanswered: number;
  inFlight: number;
  /** Datagrams that answered nothing of ours: unknown identifier or a wrong Response Authenticator. */
  strayResponses: number;
}

interface InFlight {
  packet: Buffer;
  authenticator: Buffer;
  attempts: number;
  timer: NodeJS.Timeout | null;
  resolve: (answered: boolean) => void;
}

interface Lane {
  socket: dgram.Socket;
  free: number[];
  inflight: Map<number, InFlight>;
}

export interface RadiusClient {
  /** Sends one Accounting-Request; resolves true when answered, false when given up. */
  send(attributes: readonly OutgoingAttribute[]): Promise<boolean>;
  stats(): RadiusClientStats;
  /** Waits for every request in flight to be answered or given up, then closes the sockets. */
  close(): Promise<void>;
}

export async function createRadiusClient(opts: RadiusClientOptions): Promise<RadiusClient> {
  const stats: RadiusClientStats = {
    sent: 0,
    answered: 0,
    retransmitted: 0,
    unanswered: 0,
    inFlight: 0,
    strayResponses: 0,
  };
  const family = isIPv6(opts.host) ? "udp6" : "udp4";
  const lanes: Lane[] = [];
  const waiting: (() => void)[] = [];
  const drained: (() => void)[] = [];
  let nextLane = 0;

  for (let i = 0; i < opts.sockets; i++) {
    const socket = dgram.createSocket(family);
    // Identifiers are handed out in a shuffled-by-rotation order so consecutive requests differ.
    const lane: Lane = {
      socket,
      free: Array.from({ length: 256 }, (_, n) => (n * 151 + i * 37) % 256),
      inflight: new Map(),
    };
    socket.on("message", (msg) => onResponse(lane, msg));
    socket.on("error", () => {
      /* ICMP port unreachable and the like: the request is retransmitted on time-out */
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(0, opts.bindAddress, () => {
        socket.off("error", reject);
        resolve();
      });
    });
    lanes.push(lane);
  }

  function onResponse(lane: Lane, msg: Buffer) {
    const id = msg[1];
    const entry = id === undefined ? undefined : lane.inflight.get(id);
    if (!entry || !verifyAccountingResponse(msg, entry.authenticator, opts.secret)) {
      stats.strayResponses++;
      return;
    }
    finish(lane, id!, entry, true);
  }

  function finish(lane: Lane, id: number, entry: InFlight, answered: boolean) {
    if (entry.timer) clearTimeout(entry.timer);
    lane.inflight.delete(id);
    lane.free.push(id);
    stats.inFlight--;
    if (answered) stats.answered++;
    else stats.unanswered++;
    entry.resolve(answered);
    waiting.shift()?.();
    if (stats.inFlight === 0) drained.splice(0).forEach((f) => f());
  }

  function transmit(lane: Lane, id: number, entry: InFlight) {
    entry.attempts++;
    lane.socket.send(entry.packet, opts.port, opts.host);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.attempts > opts.retries) return finish(lane, id, entry, false);
      stats.retransmitted++;
      transmit(lane, id, entry);
    }, opts.timeoutMs);
  }

  /** A lane with a free slot (round robin), or null when every lane is at its window. */
  function laneWithRoom(): Lane | null {
    for (let k = 0; k < lanes.length; k++) {
      const lane = lanes[(nextLane + k) % lanes.length]!;
      if (lane.inflight.size < opts.window && lane.free.length > 0) {
        nextLane = (nextLane + k + 1) % lanes.length;
        return lane;
      }
    }
    return null;
  }

  return {
    async send(attributes) {
      let lane = laneWithRoom();
      while (!lane) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        lane = laneWithRoom();
      }
      const id = lane.free.shift()!;
      const packet = accountingRequest({ identifier: id, secret: opts.secret, attributes });
      stats.sent++;
      stats.inFlight++;
      return new Promise<boolean>((resolve) => {
        const entry: InFlight = {
          packet,
          authenticator: packet.subarray(4, 20),
          attempts: 0,
          timer: null,
          resolve,
        };
        lane.inflight.set(id, entry);
        transmit(lane, id, entry);
      });
    },
    stats: () => ({ ...stats }),
    async close() {
      if (stats.inFlight > 0) await new Promise<void>((resolve) => drained.push(resolve));
      await Promise.all(
        lanes.map((l) => new Promise<void>((resolve) => l.socket.close(() => resolve()))),
      );
    },
  };
}
