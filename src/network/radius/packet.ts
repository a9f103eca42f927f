/**
 * RADIUS packet framing (RFC 2865 §3, §5.26; RFC 2866; RFC 5176), pure and free of I/O.
 *
 * Hand-written rather than built on npm `radius` (node-radius 1.1.4, the only maintained-looking
 * RADIUS codec on npm), because reading its source and probing it showed, for what Otter needs:
 * - it compares authenticators with `a.toString() != b.toString()` (UTF-8 decoding), so different
 *   digests compare equal whenever their non-ASCII octets all decode to U+FFFD — a forged
 *   Accounting-Request with one authenticator octet changed (0x89 → 0x80) was accepted;
 *   the compare is not constant-time either;
 * - it hashes the whole datagram, not the first Length octets, so a packet with trailing padding
 *   (which RFC 2865 §3 says to ignore) fails verification;
 * - it parses every Vendor-Specific with 1,1 sub-attribute framing, whatever the vendor: a Starent
 *   (vendor 8164, 2,2 framing) attribute throws "invalid attribute length" and loses the whole
 *   packet instead of being skipped by its outer length; vendors absent from its dictionary are
 *   dropped silently, and it ships no 3GPP dictionary (the repo's old one types RAT-Type as string);
 * - it throws on malformed input (and RangeErrors from Buffer reads, e.g. a 1-octet Event-Timestamp)
 *   yet silently accepts an attribute whose length overruns the packet;
 * - it keeps the secret and authenticator of the last call in module-level state.
 * What remains after fixing all that is octet framing and two MD5 formulas, so this file owns them.
 */
import { VENDOR_3GPP, VENDOR_SPECIFIC } from "./dictionary.js";
import { fail, type Result } from "./result.js";

export const Code = {
  AccessRequest: 1,
  AccessAccept: 2,
  AccessReject: 3,
  AccountingRequest: 4,
  AccountingResponse: 5,
  DisconnectRequest: 40,
  DisconnectAck: 41,
  DisconnectNak: 42,
  CoaRequest: 43,
  CoaAck: 44,
  CoaNak: 45,
} as const;

export const HEADER_LENGTH = 20;
export const MAX_PACKET_LENGTH = 4096;
/** An attribute's value is at most 255 − type − length octets. */
export const MAX_VALUE_LENGTH = 253;

/** Why a datagram is not a RADIUS packet; a short label, fit for a metrics dimension. */
export type PacketFailure =
  "too-short" | "bad-length" | "truncated" | "attribute-length" | "attribute-overrun";

/** A standard attribute (also a Vendor-Specific too short to hold a vendor id, kept as sent). */
export interface StandardAttribute {
  readonly kind: "standard";
  readonly type: number;
  readonly value: Buffer;
}
/** One sub-attribute of a Vendor-Specific whose vendor uses RFC 2865 1,1 framing (3GPP). */
export interface VendorAttribute {
  readonly kind: "vendor";
  readonly type: typeof VENDOR_SPECIFIC;
  readonly vendorId: number;
  readonly vendorType: number;
  readonly value: Buffer;
}
/**
 * A Vendor-Specific not split into sub-attributes: the octets after the vendor id, as sent. Used
 * for vendors whose framing Otter does not parse (Starent uses 2,2) and for a 3GPP attribute whose
 * sub-attributes do not add up to its length.
 */
export interface OpaqueVendorAttribute {
  readonly kind: "vendor-opaque";
  readonly type: typeof VENDOR_SPECIFIC;
  readonly vendorId: number;
  readonly value: Buffer;
}
export type RawAttribute = StandardAttribute | VendorAttribute | OpaqueVendorAttribute;

/** Several 1,1-framed sub-attributes in one Vendor-Specific (outgoing only; decoding splits them). */
export interface VendorGroup {
  readonly kind: "vendor-group";
  readonly type: typeof VENDOR_SPECIFIC;
  readonly vendorId: number;
  readonly attributes: ReadonlyArray<{ readonly vendorType: number; readonly value: Buffer }>;
}
export type OutgoingAttribute = RawAttribute | VendorGroup;

export interface RadiusPacket {
  readonly code: number;
  readonly identifier: number;
  /** 16 octets. */
  readonly authenticator: Buffer;
  readonly attributes: readonly RawAttribute[];
}

/** Vendors whose Vendor-Specific carries RFC 2865 recommended sub-attributes (type 1, length 1). */
const RFC_FRAMED_VENDORS: ReadonlySet<number> = new Set([VENDOR_3GPP]);

/**
 * Reads one datagram. Never throws: a datagram that is not a well-formed RADIUS packet gives
 * `{ ok: false }`. Octets past the Length field are padding and ignored (RFC 2865 §3). Returned
 * buffers share one copy of the packet, so the caller may reuse the datagram's buffer.
 */
export function decodePacket(buf: Buffer): Result<RadiusPacket, PacketFailure> {
  if (buf.length < HEADER_LENGTH)
    return fail("too-short", `${buf.length} octets; a RADIUS header has 20`);
  const length = buf.readUInt16BE(2);
  if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH)
    return fail("bad-length", `Length field ${length} is outside 20..4096`);
  if (length > buf.length)
    return fail("truncated", `Length field ${length} but only ${buf.length} octets received`);
  const packet = Buffer.from(buf.subarray(0, length));
  const attributes: RawAttribute[] = [];
  let at = HEADER_LENGTH;
  while (at < length) {
    if (at + 2 > length)
      return fail("attribute-overrun", `attribute header at offset ${at} runs past the packet`);
    const type = packet[at]!;
    const len = packet[at + 1]!;
    if (len < 2)
      return fail("attribute-length", `attribute ${type} at offset ${at} has length ${len}`);
    if (at + len > length)
      return fail(
        "attribute-overrun",
        `attribute ${type} at offset ${at} (length ${len}) runs past the packet`,
      );
    const value = packet.subarray(at + 2, at + len);
    if (type === VENDOR_SPECIFIC) attributes.push(...splitVendorSpecific(value));
    else attributes.push({ kind: "standard", type, value });
    at += len;
  }
  return {
    ok: true,
    value: {
      code: packet[0]!,
      identifier: packet[1]!,
      authenticator: packet.subarray(4, HEADER_LENGTH),
      attributes,
    },
  };
}

function splitVendorSpecific(value: Buffer): RawAttribute[] {
  if (value.length < 4) return [{ kind: "standard", type: VENDOR_SPECIFIC, value }];
  const vendorId = value.readUInt32BE(0);
  const body = value.subarray(4);
  const opaque: OpaqueVendorAttribute = {
    kind: "vendor-opaque",
    type: VENDOR_SPECIFIC,
    vendorId,
    value: body,
  };
  if (!RFC_FRAMED_VENDORS.has(vendorId)) return [opaque];
  const subs: VendorAttribute[] = [];
  let at = 0;
  while (at < body.length) {
    const len = body[at + 1];
    if (len === undefined || len < 2 || at + len > body.length) return [opaque];
    subs.push({
      kind: "vendor",
      type: VENDOR_SPECIFIC,
      vendorId,
      vendorType: body[at]!,
      value: body.subarray(at + 2, at + len),
    });
    at += len;
  }
  return subs.length > 0 ? subs : [opaque];
}

/** The attribute section on the wire. Throws RangeError for a value that does not fit. */
export function encodeAttributes(attributes: readonly OutgoingAttribute[]): Buffer {
  const parts: Buffer[] = [];
  const tlv = (type: number, value: Buffer) => {
    if (value.length > MAX_VALUE_LENGTH)
      throw new RangeError(
        `attribute ${type}: value of ${value.length} octets exceeds ${MAX_VALUE_LENGTH}`,
      );
    parts.push(Buffer.from([type, value.length + 2]), value);
  };
  const vendorBody = (vendorId: number, body: Buffer) => {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(vendorId);
    return Buffer.concat([id, body]);
  };
  for (const a of attributes) {
    checkByte("attribute type", a.type);
    switch (a.kind) {
      case "standard":
        tlv(a.type, a.value);
        break;
      case "vendor-opaque":
        tlv(VENDOR_SPECIFIC, vendorBody(a.vendorId, a.value));
        break;
      case "vendor":
      case "vendor-group": {
        const subs = a.kind === "vendor" ? [a] : a.attributes;
        const body = subs.map((s) => {
          checkByte("vendor attribute type", s.vendorType);
          if (s.value.length > MAX_VALUE_LENGTH - 6)
            throw new RangeError(
              `vendor attribute ${s.vendorType}: value of ${s.value.length} octets is too long`,
            );
          return Buffer.concat([Buffer.from([s.vendorType, s.value.length + 2]), s.value]);
        });
        tlv(VENDOR_SPECIFIC, vendorBody(a.vendorId, Buffer.concat(body)));
        break;
      }
    }
  }
  return Buffer.concat(parts);
}

/** Writes a packet with the authenticator given; see authenticator.ts for computing one. */
export function encodePacket(p: {
  code: number;
  identifier: number;
  authenticator: Buffer;
  attributes: readonly OutgoingAttribute[];
}): Buffer {
  checkByte("code", p.code);
  checkByte("identifier", p.identifier);
  if (p.authenticator.length !== 16)
    throw new RangeError(`authenticator must be 16 octets, got ${p.authenticator.length}`);
  const attrs = encodeAttributes(p.attributes);
  const length = HEADER_LENGTH + attrs.length;
  if (length > MAX_PACKET_LENGTH)
    throw new RangeError(`packet of ${length} octets exceeds ${MAX_PACKET_LENGTH}`);
  const header = Buffer.alloc(4);
  header[0] = p.code;
  header[1] = p.identifier;
  header.writeUInt16BE(length, 2);
  return Buffer.concat([header, p.authenticator, attrs]);
}

function checkByte(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 255)
    throw new RangeError(`${what} must be 0..255, got ${n}`);
}
