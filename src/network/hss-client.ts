import { otterSignature } from "../lib/signature.js";

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
