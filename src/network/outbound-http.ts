import http from "node:http";
import https from "node:https";
import type { OutboundGuard } from "./outbound-guard.js";
import type { OutboundOwner } from "./outbound-policy.js";

/** POSTs one body and resolves with the HTTP status; rejects with DestinationRefused before connecting to a refused address. */
export type GuardedPost = (
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  owner: OutboundOwner,
) => Promise<number>;

/**
 * Otter's outbound HTTP client (webhooks, HSS cancel-location): keep-alive connections, at most 64
 * per host, one pool per owner, every new connection resolved and checked by the outbound guard.
 * Node's own http/https clients rather than fetch: fetch (undici) spends more CPU per request, and at
 * a thousand webhook deliveries a second the worker's CPU is what limits it (docs/benchmarks.md,
 * webhooks); and the `lookup` hook that pins a connection to the checked address is a plain socket
 * option here. undici's Agent would do both, but is not a dependency of Otter.
 */
export function createGuardedPost(guard: Pick<OutboundGuard, "connectGuard">): GuardedPost {
  const pools = Object.fromEntries(
    (["customer", "operator"] as const).map((owner) => {
      const { lookup, checkLiteral } = guard.connectGuard(owner);
      return [
        owner,
        {
          checkLiteral,
          http: new http.Agent({ keepAlive: true, maxSockets: 64, lookup }),
          https: new https.Agent({ keepAlive: true, maxSockets: 64, lookup }),
        },
      ];
    }),
  ) as Record<
    OutboundOwner,
    { checkLiteral: (host: string) => void; http: http.Agent; https: https.Agent }
  >;

  return (url, body, headers, signal, owner) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(url);
      const pool = pools[owner];
      pool.checkLiteral(u.hostname);
      const secure = u.protocol === "https:";
      // A redirect is an answer, not a delivery (it is not followed): the receiver must give the URL that takes the events.
      const req = (secure ? https : http).request(
        u,
        {
          method: "POST",
          agent: secure ? pool.https : pool.http,
          signal,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}
