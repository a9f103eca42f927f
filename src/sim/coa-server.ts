import dgram from "node:dgram";
import { isIPv6 } from "node:net";
import {
  A3gpp,
  attr,
  Attr,
  Code,
  decodePacket,
  disconnectResponse,
  signedResponse,
  VENDOR_3GPP,
  verifyDisconnectRequest,
  verifyRequestAuthenticator,
} from "../network/radius/index.js";

/**
 * The gateway's RFC 5176 Dynamic Authorization listener: Otter sends a Disconnect-Request here to
 * tear down a data session. A request with a wrong authenticator is silently discarded (§3.5);
 * otherwise the answer is ACK (41) when a session matched and was stopped, or NAK (42) with an
 * Error-Cause. A retransmitted request (same source, identifier and authenticator) gets the same
 * answer again, so a lost ACK never turns into "Session-Context-Not-Found".
 */
export const ErrorCause = {
  MissingAttribute: 402,
  NasIdentificationMismatch: 403,
  UnsupportedService: 405,
  SessionContextNotFound: 503,
} as const;

/** What a Disconnect-Request names. */
export interface DisconnectTarget {
  sessionId?: string;
  userName?: string;
  imsi?: string;
  framedIp?: string;
  nasIp?: string;
}

export type DisconnectDecision = { ack: true } | { ack: false; errorCause: number };

export interface CoaStats {
  received: number;
  acked: number;
  naked: number;
  /** Dropped: wrong authenticator, not a Disconnect/CoA request, or malformed. */
  discarded: number;
  /** Retransmissions answered from the cache. */
  repeated: number;
}

export interface CoaServer {
  port: number;
  stats(): CoaStats;
  close(): Promise<void>;
}

const REPEAT_WINDOW_MS = 30_000;

export async function startCoaServer(opts: {
  host: string;
  port: number;
  secret: string;
  /** Decides synchronously, so the answer goes out at once; the Stop that follows is the caller's business. */
  disconnect: (target: DisconnectTarget) => DisconnectDecision;
}): Promise<CoaServer> {
  const stats: CoaStats = { received: 0, acked: 0, naked: 0, discarded: 0, repeated: 0 };
  const answered = new Map<string, { response: Buffer; at: number }>();
  const socket = dgram.createSocket(isIPv6(opts.host) ? "udp6" : "udp4");

  socket.on("message", (msg, rinfo) => {
    const key = `${rinfo.address}:${rinfo.port}:${msg[1]}:${msg.subarray(4, 20).toString("hex")}`;
    const seen = answered.get(key);
    if (seen && seen.at > Date.now() - REPEAT_WINDOW_MS) {
      stats.repeated++;
      socket.send(seen.response, rinfo.port, rinfo.address);
      return;
    }
    const response = handle(msg);
    if (!response) return;
    if (answered.size > 10_000) {
      for (const [k, v] of answered) if (v.at < Date.now() - REPEAT_WINDOW_MS) answered.delete(k);
    }
    answered.set(key, { response, at: Date.now() });
    socket.send(response, rinfo.port, rinfo.address);
  });
  socket.on("error", () => {
    /* a send to a vanished client; nothing to do */
  });

  function handle(msg: Buffer): Buffer | null {
    const isCoa = msg[0] === Code.CoaRequest;
    if (
      !(isCoa
        ? verifyRequestAuthenticator(msg, opts.secret)
        : verifyDisconnectRequest(msg, opts.secret))
    ) {
      stats.discarded++;
      return null;
    }
    const packet = decodePacket(msg);
    if (!packet.ok) {
      stats.discarded++;
      return null;
    }
    stats.received++;
    const errorCause = (n: number) => [attr.uint32(Attr.ErrorCause, n)];
    if (isCoa) {
      stats.naked++;
      return signedResponse(
        Code.CoaNak,
        packet.value,
        opts.secret,
        errorCause(ErrorCause.UnsupportedService),
      );
    }
    const target: DisconnectTarget = {};
    for (const a of packet.value.attributes) {
      const text = a.value.toString("utf8");
      if (a.kind === "standard") {
        if (a.type === Attr.AcctSessionId) target.sessionId = text;
        else if (a.type === Attr.UserName) target.userName = text;
        else if (a.type === Attr.FramedIpAddress && a.value.length === 4)
          target.framedIp = [...a.value].join(".");
        else if (a.type === Attr.NasIpAddress && a.value.length === 4)
          target.nasIp = [...a.value].join(".");
      } else if (a.kind === "vendor" && a.vendorId === VENDOR_3GPP && a.vendorType === A3gpp.Imsi)
        target.imsi = text;
    }
    const decision: DisconnectDecision =
      target.sessionId || target.userName || target.imsi || target.framedIp
        ? opts.disconnect(target)
        : { ack: false, errorCause: ErrorCause.MissingAttribute };
    if (decision.ack) stats.acked++;
    else stats.naked++;
    return disconnectResponse(
      packet.value,
      opts.secret,
      decision.ack,
      decision.ack ? [] : errorCause(decision.errorCause),
    );
  }

  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(opts.port, opts.host, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  return {
    port: socket.address().port,
    stats: () => ({ ...stats }),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
