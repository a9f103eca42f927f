import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: {
    id: string;
    type: string;
    createdAt: string;
    accountId: string;
    data: Record<string, unknown>;
  };
  /** True when Otter-Signature verified against the receiver's secret (independently of Otter's code). */
  signatureValid: boolean;
  signedAt: number | null;
}

/** Checks `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` as a customer's engineer would. */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
): { valid: boolean; t: number | null } {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!parts.t || !parts.v1 || !Number.isInteger(t)) return { valid: false, t: null };
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return { valid: given.length === expected.length && timingSafeEqual(given, expected), t };
}

/** A real HTTP receiver on 127.0.0.1 (ephemeral port) that records what it is sent and answers `status`. */
export async function startReceiver(secret: string) {
  const received: Received[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const sig = verifySignature(
        secret,
        req.headers["otter-signature"] as string | undefined,
        body,
      );
      received.push({
        headers: req.headers,
        body,
        json: JSON.parse(body),
        signatureValid: sig.valid,
        signedAt: sig.t,
      });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/otter-hook`,
    received,
    answer(code: number) {
      status = code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
