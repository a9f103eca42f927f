import { createHash } from "node:crypto";
import { convert as htmlToText } from "html-to-text";
import { type Attachment, type ParsedMail, simpleParser } from "mailparser";
import type { HeaderMap } from "./mail-threading.js";

/**
 * Turning raw RFC 5322 bytes into what the desk stores. Parsing is mailparser's (MIME structure,
 * transfer encodings, charsets via iconv-lite, HTML → text); this file only decides the limits and
 * what is kept when parsing is refused or fails. The raw bytes are always kept by the caller.
 */

/** Above this, a message is not parsed (kept raw and flagged for a human). */
export const PARSE_LIMIT_BYTES = 25 * 1024 * 1024;
/** The default of OTTER_SMTP_MAX_MESSAGE_BYTES: larger messages are refused in the dialogue (announced with SIZE). */
export const DEFAULT_MESSAGE_LIMIT_BYTES = PARSE_LIMIT_BYTES;
/** Attachments larger than this keep their metadata only; the bytes stay in the raw message. */
export const ATTACHMENT_STORE_LIMIT_BYTES = 10 * 1024 * 1024;
/** Headers are read from at most this much of an unparsed message. */
const HEAD_BYTES = 256 * 1024;
/**
 * The text and the HTML of a message are each kept up to this many characters on the case; the
 * rest stays in the raw message. Nobody reads megabytes in a timeline, and on PGlite a multi-megabyte
 * text value held the single connection for up to a second inside the transaction that files the mail.
 */
export const BODY_STORE_LIMIT_CHARS = 64 * 1024;
/** Distinct header names and addresses kept per message (the raw message keeps them all). */
const MAX_HEADERS = 200;
const MAX_ADDRESSES = 500;

export interface IntakeAttachment {
  filename: string | null;
  contentType: string;
  contentId: string | null;
  inline: boolean;
  size: number;
  content: Buffer | null;
  truncated: boolean;
}

export interface ParsedIntake {
  messageId: string;
  /** True when the mail had no Message-ID and one was made from its bytes (so a redelivery still dedupes). */
  generatedMessageId: boolean;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  subject: string;
  text: string | null;
  html: string | null;
  headers: HeaderMap;
  contentType: string;
  receivedCount: number;
  attachments: IntakeAttachment[];
  /** Text of delivery-status and returned-headers parts (bounces name the original Message-ID there). */
  reportText: string;
  oversize: boolean;
  unparsed: boolean;
  /** True when the text or HTML was cut at BODY_STORE_LIMIT_CHARS. */
  bodyTruncated: boolean;
}

const addresses = (v: ParsedMail["to"]): { address: string; name: string }[] => {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list
    .flatMap((a) => a.value)
    .flatMap(function flat(e): { address: string; name: string }[] {
      if (e.group) return e.group.flatMap(flat);
      return e.address ? [{ address: e.address.toLowerCase(), name: e.name }] : [];
    });
};

const angle = (id: string) => {
  const t = id.trim();
  return t.startsWith("<") ? t : `<${t}>`;
};

function headerMap(lines: ParsedMail["headerLines"]): { map: HeaderMap; received: number } {
  const map: HeaderMap = {};
  let received = 0;
  for (const { key: rawKey, line } of lines) {
    const key = rawKey.replace(/\u0000/g, "");
    if (key === "received") received++;
    if (map[key] === undefined && Object.keys(map).length >= MAX_HEADERS) continue;
    const colon = line.indexOf(":");
    const value = (colon >= 0 ? line.slice(colon + 1) : "").replace(/\r?\n[ \t]+/g, " ").trim();
    if (map[key] === undefined) map[key] = value.slice(0, 4000);
  }
  return { map, received };
}

function toAttachment(a: Attachment): IntakeAttachment {
  const size = a.size ?? a.content?.length ?? 0;
  const keep = size <= ATTACHMENT_STORE_LIMIT_BYTES;
  return {
    filename: a.filename ?? null,
    contentType: a.contentType || "application/octet-stream",
    contentId: a.contentId ?? null,
    inline: a.contentDisposition === "inline" || !!a.related,
    size,
    content: keep ? a.content : null,
    truncated: !keep,
  };
}

/** The header block of a message (up to the first empty line), for reading headers without the body. */
function headBlock(raw: Buffer): Buffer {
  const slice = raw.subarray(0, HEAD_BYTES);
  const crlf = slice.indexOf("\r\n\r\n");
  const lf = slice.indexOf("\n\n");
  const end = [crlf, lf].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  return end === undefined ? slice : slice.subarray(0, end + 2);
}

const parse = (raw: Buffer) =>
  simpleParser(raw, {
    skipTextToHtml: true,
    skipImageLinks: true,
    maxHtmlLengthToParse: 5 * 1024 * 1024,
  });

/** Text PostgreSQL can store: no NUL characters (mail may carry them; text and jsonb columns refuse them). */
const clean = (v: string) => v.replace(/\u0000/g, "\uFFFD");
const cleanOrNull = (v: string | null) => (v === null ? null : clean(v));

function cut(v: string | null): { value: string | null; truncated: boolean } {
  if (v === null || v.length <= BODY_STORE_LIMIT_CHARS) return { value: v, truncated: false };
  const rest = v.length - BODY_STORE_LIMIT_CHARS;
  return {
    value: `${v.slice(0, BODY_STORE_LIMIT_CHARS)}\n\n[… ${rest} more characters: see the raw message]`,
    truncated: true,
  };
}

/**
 * Parses a message for the desk. Never throws: a message over the parse limit, or one mailparser
 * cannot read, comes back with `oversize` / `unparsed` set and whatever its header block told.
 */
export async function parseForDesk(raw: Buffer): Promise<ParsedIntake> {
  let parsed: ParsedMail | null = null;
  let oversize = false;
  let unparsed = false;
  if (raw.length > PARSE_LIMIT_BYTES) {
    oversize = true;
  } else {
    try {
      parsed = await parse(raw);
    } catch {
      unparsed = true;
    }
  }
  let headOnly = false;
  if (!parsed) {
    try {
      parsed = await parse(headBlock(raw));
      headOnly = true;
    } catch {
      parsed = null;
    }
  }
  const { map, received } = parsed
    ? headerMap(parsed.headerLines)
    : { map: {} as HeaderMap, received: 0 };
  const from = parsed ? addresses(parsed.from)[0] : undefined;
  const rawId = parsed?.messageId && /\S/.test(parsed.messageId) ? angle(parsed.messageId) : null;
  const messageId =
    rawId && rawId.length <= 900
      ? rawId
      : `<${createHash("sha256").update(raw).digest("hex").slice(0, 40)}@generated.otter.invalid>`;
  const refs = parsed?.references
    ? Array.isArray(parsed.references)
      ? parsed.references
      : [parsed.references]
    : [];
  const attachments = !parsed || headOnly ? [] : parsed.attachments.map(toAttachment);
  const reportText =
    !parsed || headOnly
      ? ""
      : parsed.attachments
          .filter((a) =>
            /^(message\/(delivery-status|rfc822-headers|rfc822|global-delivery-status)|text\/rfc822-headers)/i.test(
              a.contentType,
            ),
          )
          .map((a) => a.content.toString("utf8"))
          .join("\n");
  const contentType = (map["content-type"] ?? "text/plain").toString();
  const html = !headOnly && parsed && parsed.html ? parsed.html : null;
  // mailparser derives text from HTML only for a lone HTML body; HTML inside multipart/related
  // (inline images) comes without text, so the desk derives it with the same library mailparser uses.
  let text = !headOnly && parsed ? (parsed.text ?? null) : null;
  if ((!text || !text.trim()) && html) {
    try {
      text = htmlToText(html.slice(0, 5 * 1024 * 1024), {
        wordwrap: false,
        selectors: [{ selector: "img", format: "skip" }],
      });
    } catch {
      text = null;
    }
  }
  for (const k of Object.keys(map)) map[k] = cleanOrNull(map[k] ?? null) ?? undefined;
  const textKept = cut(text);
  const htmlKept = cut(html);
  return {
    messageId: clean(messageId),
    generatedMessageId: messageId !== rawId,
    inReplyTo: parsed?.inReplyTo ? clean(angle(parsed.inReplyTo.split(/\s+/)[0]!)) : null,
    references: refs
      .flatMap((r) => r.split(/\s+/))
      .filter(Boolean)
      .map((r) => clean(angle(r))),
    fromAddress: cleanOrNull(from?.address ?? null),
    fromName: cleanOrNull(from?.name || null),
    to: parsed
      ? addresses(parsed.to)
          .slice(0, MAX_ADDRESSES)
          .map((a) => clean(a.address))
      : [],
    cc: parsed
      ? addresses(parsed.cc)
          .slice(0, MAX_ADDRESSES)
          .map((a) => clean(a.address))
      : [],
    subject: clean((parsed?.subject ?? "").slice(0, 998)),
    text: cleanOrNull(textKept.value),
    html: cleanOrNull(htmlKept.value),
    bodyTruncated: textKept.truncated || htmlKept.truncated,
    headers: map,
    contentType,
    receivedCount: received,
    attachments: attachments.map((a) => ({
      ...a,
      filename: cleanOrNull(a.filename),
      contentType: clean(a.contentType),
      contentId: cleanOrNull(a.contentId),
    })),
    reportText,
    oversize,
    unparsed: unparsed || !parsed,
  };
}
