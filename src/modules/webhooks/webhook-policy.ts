import { CUSTOMER_REASON, DestinationRefused } from "../../network/outbound-guard.js";
import type { OutboundOwner } from "../../network/outbound-policy.js";

/**
 * When a webhook delivery is tried again and when a subscription is given up on. Pure, so the
 * numbers can be read and tested without a receiver.
 */

/** First retry after 30 s, doubling, never more than an hour apart. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** A delivery is retried for this long after it was (re)queued, then marked failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;
/** The receiver must answer within this. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed delivery whose node went quiet this long is taken back; well above the request timeout. */
export const SENDING_LEASE_MS = 60_000;
/** A subscription is paused after this many failed attempts in a row spanning the retry window. */
export const PAUSE_AFTER_FAILURES = 20;

/** Delay before the next attempt, after `attempts` failed ones (1, 2, …). */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
}

/**
 * A subscription keeps failing when its last PAUSE_AFTER_FAILURES attempts failed and nothing has
 * succeeded since a day ago: one flaky hour never pauses it, a receiver gone for a day does.
 */
export function shouldPause(
  s: { consecutiveFailures: number; failingSince: Date | null },
  now: Date,
): boolean {
  return (
    s.consecutiveFailures >= PAUSE_AFTER_FAILURES &&
    s.failingSince !== null &&
    now.getTime() - s.failingSince.getTime() >= RETRY_WINDOW_MS
  );
}

/**
 * A short description of a failed attempt for the delivery log. When Otter refused to connect to a
 * customer's destination (or could not resolve it), the log says only that it is not reachable:
 * what answers inside the operator's network, or which internal names exist, is not the customer's
 * to read. The operator's log keeps the detail.
 */
export function describeFailure(err: unknown, owner: OutboundOwner): string {
  if (err instanceof DestinationRefused)
    return owner === "customer" ? CUSTOMER_REASON : `Not connected: ${err.message}`;
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError")
      return `No answer within ${REQUEST_TIMEOUT_MS / 1000} s.`;
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${cause.code}: ${cause.message ?? err.message}`;
    return err.message;
  }
  return String(err);
}
