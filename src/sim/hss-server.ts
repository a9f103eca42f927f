import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * The simulated HSS's front door for Otter: `POST /cancel-location` with
 * `{ requestId, imsi, cancellationType: "subscription_withdrawal" }`, signed by Otter with
 * `Otter-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (as Otter signs
 * webhooks). It is how Otter's "reset connectivity" reaches the HSS: the device is detached and
 * attaches again. A request with a bad or stale signature is refused (401) and changes nothing; the
 * same requestId twice cancels once.
 */
export interface HssServerStats {
  cancelRequests: number;
  refused: number;
}

export interface HssServer {
  url: string;
  stats(): HssServerStats;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const SIGNATURE_TOLERANCE_S = 300;

export function verifyOtterSignature(
  header: string | undefined,
  body: string,
  secret: string,
  nowMs = Date.now(),
): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(",").map((p) => p.trim().split("=", 2) as [string, string]),
  );
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(nowMs / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

export async function startHssServer(opts: {
  host: string;
  port: number;
  secret: string;
  cancelLocation: (imsi: string) => boolean;
}): Promise<HssServer> {
  const stats: HssServerStats = { cancelRequests: 0, refused: 0 };
  const done = new Map<string, number>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== "POST" || req.url?.split("?")[0] !== "/cancel-location")
        return send(res, 404, { error: "not found" });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { error: "body too large" });
      const signature = req.headers["otter-signature"];
      if (
        !verifyOtterSignature(
          Array.isArray(signature) ? signature[0] : signature,
          body,
          opts.secret,
        )
      ) {
        stats.refused++;
        return send(res, 401, { error: "bad or stale Otter-Signature" });
      }
      let request: { requestId?: unknown; imsi?: unknown; cancellationType?: unknown };
      try {
        request = JSON.parse(body) as typeof request;
      } catch {
        return send(res, 400, { error: "body is not JSON" });
      }
      if (
        typeof request.requestId !== "string" ||
        typeof request.imsi !== "string" ||
        !/^[0-9]{15}$/.test(request.imsi)
      ) {
        return send(res, 400, { error: "requestId and a 15-digit imsi are required" });
      }
      if (done.has(request.requestId))
        return send(res, 200, { result: "cancelled", repeated: true });
      stats.cancelRequests++;
      if (!opts.cancelLocation(request.imsi))
        return send(res, 404, { error: `no subscriber with IMSI ${request.imsi}` });
      done.set(request.requestId, Date.now());
      if (done.size > 10_000)
        for (const [k, at] of done) if (at < Date.now() - 3_600_000) done.delete(k);
      send(res, 200, { result: "cancelled" });
    })().catch(() => send(res, 500, { error: "internal error" }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    url: `http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host}:${port}`,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
