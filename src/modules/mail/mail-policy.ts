import addressparser from "nodemailer/lib/addressparser";

/**
 * The delivery rules of outbound mail, free of I/O: how often and how long Otter retries, what a
 * Message-ID looks like, which SMTP failures are worth retrying and which headers callers may set.
 */

/** A message is given up (status `failed`) after this many delivery attempts. */
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_DELAY_MS = 60_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
/**
 * How long a node may hold a message in `sending`. Past it the node is taken for dead (crashed
 * mid-send) and another node takes the message back. Longer than the SMTP timeouts we set, so a
 * live but slow node is never overtaken.
 */
export const SENDING_LEASE_MS = 10 * 60_000;

/**
 * Delay before the next attempt after `failedAttempts` failures: 1 min, 2, 4, … capped at 1 h.
 * @example retryDelayMs(1) === 60_000; retryDelayMs(3) === 240_000; retryDelayMs(20) === 3_600_000
 */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.min(exponent, 32));
}

/** The domain of the From address (`Otter <otter@ops.example>` → `ops.example`), for Message-IDs. */
export function mailDomainOf(from: string): string {
  const parsed = addressparser(from, { flatten: true });
  const address = parsed.find((a) => a.address)?.address ?? "";
  const at = address.lastIndexOf("@");
  const domain =
    at >= 0
      ? address
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : "";
  return /^[a-z0-9.-]+$/.test(domain) ? domain : "localhost";
}

/**
 * An RFC 5322 msg-id, `<id@domain>`. The id is the row's UUID, so a Message-ID found in a bounce or
 * a reply leads straight to the stored message.
 */
export const messageIdFor = (id: string, from: string) => `<${id}@${mailDomainOf(from)}>`;

/** Headers Otter writes from the message's own fields; a caller setting them would contradict it. */
const RESERVED_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "sender",
]);
/** RFC 5322 field name: printable US-ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** Problems with caller-supplied headers (reserved names, bad names, line breaks that would inject headers). */
export function headerProblems(headers: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!FIELD_NAME.test(name)) problems.push(`"${name}" is not a valid header name.`);
    else if (RESERVED_HEADERS.has(name.toLowerCase()))
      problems.push(`${name} is set by Otter from the message itself.`);
    if (/[\r\n]/.test(value)) problems.push(`The value of ${name} contains a line break.`);
  }
  return problems;
}

/** What an SMTP client error tells us, reduced to what delivery needs. */
export interface SmtpFailure {
  /** 5xx on the envelope or the data: the relay will refuse again, so retrying is pointless (RFC 5321 §4.2.1). */
  permanent: boolean;
  /** Short text for the operator: reply code or error code, and the message. Never the relay URL. */
  summary: string;
}

export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === "string" ? e.code : undefined;
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const permanent =
    responseCode !== undefined &&
    responseCode >= 500 &&
    responseCode < 600 &&
    (code === "EENVELOPE" || code === "EMESSAGE");
  const detail =
    typeof e.response === "string" && e.response ? e.response : String(e.message ?? err);
  const summary = `${responseCode ?? code ?? "ERROR"}: ${detail}`
    .replace(/\s+/g, " ")
    .slice(0, 1000);
  return { permanent, summary };
}
