import { createHmac } from "node:crypto";

/**
 * Otter's signature on outgoing HTTP requests (webhooks, HSS requests):
 * `Otter-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 */
export function otterSignature(secret: string, body: string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** POSTs a cancel-location request to an HSS endpoint; resolves with the HTTP status. */
export async function postCancelLocation(url: string, secret: string, body: { requestId: string; imsi: string; cancellationType: "subscription_withdrawal" }): Promise<number> {
  const text = JSON.stringify(body);
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "otter-signature": otterSignature(secret, text), "otter-request-id": body.requestId },
    body: text,
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}
