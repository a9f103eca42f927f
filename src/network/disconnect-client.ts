import dgram from "node:dgram";
import { isIPv6 } from "node:net";
import {
  attr,
  Attr,
  Code,
  decodePacket,
  disconnectRequest,
  verifyDisconnectResponse,
} from "./radius/index.js";

/**
 * RFC 5176 Disconnect-Request to a gateway: tear down one data session. Retransmits the same packet
 * (same identifier and authenticator) on time-out, as RFC 5176 §2.3 expects, and reports what the
 * gateway said: ACK, NAK with its Error-Cause, or nothing.
 */
export interface DisconnectTarget {
  host: string;
  port: number;
  secret: string;
  sessionId: string;
  imsi?: string | null;
  framedIp?: string | null;
  nasIp?: string | null;
}

export type DisconnectResult =
  | { outcome: "ack" }
  | { outcome: "nak"; errorCause: number | null }
  | { outcome: "timeout"; attempts: number };

let nextIdentifier = Math.floor(Math.random() * 256);

export async function sendDisconnect(
  target: DisconnectTarget,
  opts: { timeoutMs?: number; retries?: number } = {},
): Promise<DisconnectResult> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const retries = opts.retries ?? 2;
  const identifier = nextIdentifier++ % 256;
  const request = disconnectRequest({
    identifier,
    secret: target.secret,
    attributes: [
      attr.string(Attr.AcctSessionId, target.sessionId),
      ...(target.imsi ? [attr.string(Attr.UserName, target.imsi)] : []),
      ...(target.framedIp ? [attr.ipv4(Attr.FramedIpAddress, target.framedIp)] : []),
      ...(target.nasIp ? [attr.ipv4(Attr.NasIpAddress, target.nasIp)] : []),
    ],
  });
  const authenticator = request.subarray(4, 20);
  const socket = dgram.createSocket(isIPv6(target.host) ? "udp6" : "udp4");
  try {
    return await new Promise<DisconnectResult>((resolve) => {
      let attempts = 0;
      let timer: NodeJS.Timeout;
      socket.on("message", (msg) => {
        if (msg[1] !== identifier || !verifyDisconnectResponse(msg, authenticator, target.secret))
          return;
        clearTimeout(timer);
        if (msg[0] === Code.DisconnectAck) return resolve({ outcome: "ack" });
        const packet = decodePacket(msg);
        const cause = packet.ok
          ? packet.value.attributes.find((a) => a.kind === "standard" && a.type === Attr.ErrorCause)
          : undefined;
        resolve({
          outcome: "nak",
          errorCause:
            cause && cause.kind === "standard" && cause.value.length === 4
              ? cause.value.readUInt32BE(0)
              : null,
        });
      });
      socket.on("error", () => {
        /* an ICMP unreachable: treated as no answer */
      });
      const attempt = () => {
        if (attempts > retries) return resolve({ outcome: "timeout", attempts });
        attempts++;
        socket.send(request, target.port, target.host);
        timer = setTimeout(attempt, timeoutMs);
      };
      attempt();
    });
  } finally {
    socket.close();
  }
}
