import { createRequire } from "node:module";

/**
 * What Otter puts in an SMPP submit_sm: the text or payload, encoded and cut into segments.
 *
 * - Text that the GSM 7-bit default alphabet (3GPP TS 23.038, with its extension table) can carry
 *   goes as GSM-7 (`data_coding` 0x00, SMSC default alphabet, one unpacked septet per octet as
 *   SMPP carries it; an extension character such as `€` or `{` costs two septets): 160 septets fit
 *   one SMS. Anything else (Cyrillic, CJK, emoji…) goes as UCS-2 (`data_coding` 0x08, UTF-16BE):
 *   70 characters fit one SMS.
 * - A configuration payload (`payloadHex`) goes as 8-bit binary (`data_coding` 0x04): 140 octets.
 * - Longer content is sent concatenated (3GPP TS 23.040 UDH, IEI 0x00, 8-bit reference): 153
 *   septets, 67 UCS-2 characters or 134 octets per segment, at most MAX_SEGMENTS segments. A
 *   segment never splits a GSM-7 escape pair or a UTF-16 surrogate pair. Longer is refused.
 *
 * The GSM 03.38 table and encoder are node-smpp's (`smpp.encodings.ASCII`); the segmenting is
 * written here because the library leaves it to the caller.
 */
const require = createRequire(import.meta.url);
const smpp = require("smpp") as {
  encodings: {
    ASCII: { match(s: string): boolean; encode(s: string): Buffer; decode(b: Buffer): string };
    UCS2: { encode(s: string): Buffer; decode(b: Buffer): string };
  };
};

export const MAX_SEGMENTS = 4;
export const DATA_CODING = { gsm7: 0x00, binary: 0x04, ucs2: 0x08 } as const;
/** esm_class bit: the short_message starts with a User Data Header. */
export const ESM_UDHI = 0x40;

export type SmsEncoding = keyof typeof DATA_CODING;

export interface EncodedSms {
  encoding: SmsEncoding;
  dataCoding: number;
  esmClass: number;
  /** Each segment's short_message, UDH included when concatenated. */
  segments: Buffer[];
  /** Septets (GSM-7), UTF-16 code units (UCS-2) or octets (binary) of the whole content. */
  units: number;
}

export class SmsEncodingError extends Error {
  constructor(
    readonly code: "SMS_TOO_LONG" | "SMS_EMPTY",
    message: string,
  ) {
    super(message);
  }
}

// The alphabet, without ESC (0x1B) itself: a text may not smuggle an escape in.
const isGsm7 = (text: string) => !text.includes("\x1b") && smpp.encodings.ASCII.match(text);

/** GSM-7 when the default alphabet can carry every character, UCS-2 otherwise. */
export function chooseTextEncoding(text: string): "gsm7" | "ucs2" {
  return isGsm7(text) ? "gsm7" : "ucs2";
}

const LIMITS = {
  gsm7: { single: 160, part: 153, unit: 1 },
  ucs2: { single: 140, part: 134, unit: 2 },
  binary: { single: 140, part: 134, unit: 1 },
} as const;

/** Splits the encoded content into segment bodies at most `max` octets long, never inside a pair. */
function split(body: Buffer, encoding: SmsEncoding, max: number): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    let end = Math.min(body.length, at + max);
    if (end < body.length) {
      if (encoding === "gsm7" && body[end - 1] === 0x1b) end -= 1;
      if (encoding === "ucs2") {
        const hi = body.readUInt16BE(end - 2);
        if (hi >= 0xd800 && hi <= 0xdbff) end -= 2;
      }
    }
    parts.push(body.subarray(at, end));
    at = end;
  }
  return parts;
}

/**
 * Encodes a text or a hex payload for submit_sm. `reference` (0–255) identifies the concatenated
 * message on the handset; give each SMS its own.
 */
export function encodeSms(
  content: { text: string } | { payloadHex: string },
  reference = 0,
): EncodedSms {
  let encoding: SmsEncoding;
  let body: Buffer;
  if ("text" in content) {
    encoding = chooseTextEncoding(content.text);
    body =
      encoding === "gsm7"
        ? smpp.encodings.ASCII.encode(content.text)
        : smpp.encodings.UCS2.encode(content.text);
  } else {
    encoding = "binary";
    body = Buffer.from(content.payloadHex, "hex");
  }
  if (body.length === 0) throw new SmsEncodingError("SMS_EMPTY", "The SMS has no content.");
  const limit = LIMITS[encoding];
  const units = body.length / limit.unit;
  if (body.length <= limit.single)
    return { encoding, dataCoding: DATA_CODING[encoding], esmClass: 0, segments: [body], units };
  const parts = split(body, encoding, limit.part);
  if (parts.length > MAX_SEGMENTS) {
    const unitName =
      encoding === "gsm7"
        ? "GSM-7 characters"
        : encoding === "ucs2"
          ? "UCS-2 characters"
          : "octets";
    const max = Math.floor((MAX_SEGMENTS * limit.part) / limit.unit);
    throw new SmsEncodingError(
      "SMS_TOO_LONG",
      `The SMS needs ${parts.length} segments (${units} ${unitName}); Otter sends at most ${MAX_SEGMENTS} concatenated segments (about ${max} ${unitName}).`,
    );
  }
  const ref = reference & 0xff;
  const segments = parts.map((p, i) =>
    Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]), p]),
  );
  return { encoding, dataCoding: DATA_CODING[encoding], esmClass: ESM_UDHI, segments, units };
}

/** The other way (the simulated SMSC and tests): one segment's UDH and content. */
export function decodeSegment(
  shortMessage: Buffer,
  dataCoding: number,
  esmClass: number,
): {
  concat: { ref: number; total: number; seq: number } | null;
  text: string | null;
  payload: Buffer;
} {
  let payload = shortMessage;
  let concat: { ref: number; total: number; seq: number } | null = null;
  if (esmClass & ESM_UDHI && shortMessage.length > 0) {
    const udhLength = shortMessage[0]!;
    const udh = shortMessage.subarray(1, 1 + udhLength);
    payload = shortMessage.subarray(1 + udhLength);
    for (let i = 0; i + 1 < udh.length;) {
      const iei = udh[i]!;
      const len = udh[i + 1]!;
      if (iei === 0x00 && len === 3 && i + 5 <= udh.length)
        concat = { ref: udh[i + 2]!, total: udh[i + 3]!, seq: udh[i + 4]! };
      i += 2 + len;
    }
  }
  const coding = dataCoding & 0x0f;
  const text =
    coding === DATA_CODING.gsm7 || coding === 0x01
      ? smpp.encodings.ASCII.decode(payload)
      : coding === DATA_CODING.ucs2
        ? smpp.encodings.UCS2.decode(payload)
        : null;
  return { concat, text, payload };
}
