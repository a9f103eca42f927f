import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * The pure rules of the desk's mail: the signed token Otter puts into the Message-ID of its own
 * mail, the subject tag, and the classification of inbound mail (auto-replies, bulk, bounces, loops)
 * that happens before threading. No I/O here.
 */

export type TokenKind = "case" | "cons";

/** A key for Message-ID tokens derived from the installation's secret key (never the key itself). */
export function deriveThreadKey(secretKeyHex: string): Buffer {
  return Buffer.from(
    hkdfSync(
      "sha256",
      Buffer.from(secretKeyHex, "hex"),
      Buffer.alloc(0),
      "otter desk message-id token",
      32,
    ),
  );
}

const sig = (key: Buffer, kind: TokenKind, ownerId: string, msgId: string) =>
  createHmac("sha256", key).update(`${kind}.${ownerId}.${msgId}`).digest("hex").slice(0, 16);

/**
 * `<case.<caseId>.<msgId>.<sig>@otter.<domain>>`: a reply quoting it threads with certainty, and a
 * forged one fails the signature check. `cons` marks a consultation's own thread.
 */
export function signedMessageId(
  key: Buffer,
  kind: TokenKind,
  ownerId: string,
  msgId: string,
  domain: string,
): string {
  return `<${kind}.${ownerId}.${msgId}.${sig(key, kind, ownerId, msgId)}@otter.${domain}>`;
}

const TOKEN = /^<?(case|cons)\.([0-9a-f-]{36})\.([0-9a-f-]{36})\.([0-9a-f]{16})@otter\.[^>]+>?$/i;

/** The case or consultation a Message-ID of ours points to, or null if it is not ours or forged. */
export function verifyMessageId(
  key: Buffer,
  messageId: string,
): { kind: TokenKind; ownerId: string; msgId: string } | null {
  const m = TOKEN.exec(messageId.trim());
  if (!m) return null;
  const kind = m[1]!.toLowerCase() as TokenKind;
  const ownerId = m[2]!.toLowerCase();
  const msgId = m[3]!.toLowerCase();
  const expected = Buffer.from(sig(key, kind, ownerId, msgId));
  const given = Buffer.from(m[4]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { kind, ownerId, msgId }
    : null;
}

/** True when a Message-ID looks like one of ours (signed or not): it coming back in From-less mail is a loop. */
export const looksLikeOurs = (messageId: string, domain: string) =>
  messageId.toLowerCase().endsWith(`@otter.${domain.toLowerCase()}>`);

export const subjectTag = (number: number) => `[Case #${number}]`;

/** The case number of a `[Case #1234]` tag in a subject, if any. */
export function caseNumberInSubject(subject: string): number | null {
  const m = /\[Case #(\d{1,9})\]/i.exec(subject);
  return m ? Number(m[1]) : null;
}

/** The case number of a `[Consultation #1234]` tag (a consultation's own thread), if any. */
export function consultationCaseNumberInSubject(subject: string): number | null {
  const m = /\[Consultation #(\d{1,9})\]/i.exec(subject);
  return m ? Number(m[1]) : null;
}

/** A reply subject carrying the tag once: `Re: <subject> [Case #12]`. */
export function replySubject(caseSubject: string, number: number): string {
  const base = caseSubject.replace(/\s*\[Case #\d+\]\s*/gi, " ").trim();
  return `Re: ${base} ${subjectTag(number)}`;
}

/** Header values as mailparser / our minimal parser give them: lower-case names, string values. */
export type HeaderMap = Record<string, string | undefined>;

export interface Classification {
  autoReply: boolean;
  bulk: boolean;
  bounce: boolean;
  loop: boolean;
  reasons: string[];
}

/** More Received headers than this is taken for a mail loop (RFC 5321 suggests ≥ 100 hops; desks use far fewer). */
export const MAX_RECEIVED = 25;

const OOO_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheit|risposta automatica|fuori sede|fuori ufficio|frånvaro|autosvar|absence|réponse automatique|automatisch antwoord|respuesta automática)/i;

/**
 * Sorts inbound mail before threading: none of these kinds ever gets an automatic answer.
 * `ownDomain` is the domain of Otter's Message-IDs; `ourAddresses` the support mailboxes.
 */
export function classify(input: {
  headers: HeaderMap;
  subject: string;
  envelopeFrom: string | null;
  fromAddress: string | null;
  contentType: string;
  receivedCount: number;
  ownDomain: string;
  ourAddresses: string[];
  messageId: string | null;
}): Classification {
  const h = (name: string) => (input.headers[name] ?? "").toString().trim().toLowerCase();
  const reasons: string[] = [];
  const autoSubmitted = h("auto-submitted");
  const precedence = h("precedence");
  let autoReply = false;
  if (autoSubmitted && autoSubmitted !== "no") {
    autoReply = true;
    reasons.push(`Auto-Submitted: ${autoSubmitted}`);
  }
  if (input.headers["x-autoreply"] !== undefined) {
    autoReply = true;
    reasons.push("X-Autoreply");
  }
  if (input.headers["x-autorespond"] !== undefined) {
    autoReply = true;
    reasons.push("X-Autorespond");
  }
  if (
    h("x-auto-response-suppress") &&
    /(all|oof|autoreply)/.test(h("x-auto-response-suppress")) &&
    OOO_SUBJECT.test(input.subject)
  ) {
    autoReply = true;
    reasons.push("X-Auto-Response-Suppress");
  }
  if (precedence === "auto_reply") {
    autoReply = true;
    reasons.push("Precedence: auto_reply");
  }
  if (OOO_SUBJECT.test(input.subject.trim())) {
    autoReply = true;
    reasons.push("out-of-office subject");
  }

  let bulk = false;
  if (input.headers["list-id"] !== undefined) {
    bulk = true;
    reasons.push("List-Id");
  }
  if (input.headers["list-unsubscribe"] !== undefined) {
    bulk = true;
    reasons.push("List-Unsubscribe");
  }
  if (precedence === "bulk" || precedence === "list" || precedence === "junk") {
    bulk = true;
    reasons.push(`Precedence: ${precedence}`);
  }

  let bounce = false;
  const ct = input.contentType.toLowerCase();
  if (ct.includes("multipart/report") && ct.includes("delivery-status")) {
    bounce = true;
    reasons.push("delivery status report");
  }
  const env = (input.envelopeFrom ?? "").trim();
  const from = (input.fromAddress ?? "").toLowerCase();
  const nullSender = input.envelopeFrom !== null && (env === "" || env === "<>");
  if (nullSender && !autoReply) {
    bounce = true;
    reasons.push("null sender");
  }
  if (/^(mailer-daemon|postmaster)@/.test(from)) {
    bounce = true;
    reasons.push(`sender ${from}`);
  }

  let loop = false;
  if (input.messageId && looksLikeOurs(input.messageId, input.ownDomain)) {
    loop = true;
    reasons.push("our own Message-ID came back");
  }
  if (input.receivedCount > MAX_RECEIVED) {
    loop = true;
    reasons.push(`${input.receivedCount} Received headers`);
  }
  const xLoop = h("x-loop");
  if (xLoop && input.ourAddresses.some((a) => xLoop.includes(a.toLowerCase()))) {
    loop = true;
    reasons.push("X-Loop names us");
  }
  if (from && input.ourAddresses.some((a) => a.toLowerCase() === from)) {
    loop = true;
    reasons.push("sent from our own mailbox");
  }

  return { autoReply, bulk, bounce, loop, reasons };
}

/** Message-IDs in an In-Reply-To / References value, newest reference first. */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(" ") : value;
  return (text.match(/<[^<>\s]+>/g) ?? []).reverse();
}

/** The original Message-ID(s) a bounce names: in its delivery-status / returned headers part. */
export function originalMessageIdsInBounce(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(
    /^(?:message-id|original-message-id|x-original-message-id)\s*:\s*(<[^<>\s]+>)/gim,
  ))
    ids.push(m[1]!);
  return ids;
}
