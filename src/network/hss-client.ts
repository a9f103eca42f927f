import { otterSignature } from "../lib/signature.js";
import type { GuardedPost } from "./outbound-http.js";

export type CancelLocation = (
  url: string,
  secret: string,
  body: { requestId: string; imsi: string; cancellationType: "subscription_withdrawal" },
) => Promise<number>;

/**
 * POSTs cancel-location requests to HSS endpoints through Otter's guarded HTTP client; resolves
 * with the HTTP status. An HSS endpoint is the operator's: it may sit on a private network.
 */
export function cancelLocationClient(post: GuardedPost): CancelLocation {
  return (url, secret, body) => {
    const text = JSON.stringify(body);
    const headers = {
      "content-type": "application/json",
      "otter-signature": otterSignature(secret, text),
      "otter-request-id": body.requestId,
    };
    return post(url, text, headers, AbortSignal.timeout(10_000), "operator");
  };
}
