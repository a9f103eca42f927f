/**
 * Request and Response Authenticators with a per-client shared secret.
 *
 * Accounting-Request (RFC 2866 §3) and Disconnect-/CoA-Request (RFC 5176 §3.5) carry
 * MD5(Code|Identifier|Length|16 zero octets|Attributes|Secret); every response carries
 * MD5(Code|Identifier|Length|Request Authenticator|Attributes|Secret). Only the first Length octets
 * of a datagram count. Verification never throws and compares in constant time.
 *
 * @example
 * // server side
 * if (!verifyAccountingRequest(datagram, secret)) return; // dropped, never answered
 * socket.send(accountingResponse(packet, secret), port, address);
 * // client side (the simulator)
 * const request = accountingRequest({ identifier: 7, secret, attributes: [attr.uint32(Attr.AcctStatusType, 1)] });
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Attr } from "./dictionary.js";
import {
  Code,
  encodePacket,
  HEADER_LENGTH,
  MAX_PACKET_LENGTH,
  type OutgoingAttribute,
  type RadiusPacket,
} from "./packet.js";

export type Secret = string | Buffer;

const ZERO_AUTHENTICATOR = Buffer.alloc(16);

function md5(...parts: Buffer[]): Buffer {
  const h = createHash("md5");
  for (const p of parts) h.update(p);
  return h.digest();
}

const secretOctets = (secret: Secret) =>
  typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;

/** The packet's own octets (up to Length), or null when the header is inconsistent. */
function framed(buf: Buffer): Buffer | null {
  if (buf.length < HEADER_LENGTH) return null;
  const length = buf.readUInt16BE(2);
  if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH || length > buf.length) return null;
  return buf.subarray(0, length);
}

/** Checks the authenticator of Accounting-, Disconnect- and CoA-Requests (the same formula). */
export function verifyRequestAuthenticator(buf: Buffer, secret: Secret): boolean {
  const p = framed(buf);
  const s = secretOctets(secret);
  if (!p || s.length === 0) return false;
  const expected = md5(p.subarray(0, 4), ZERO_AUTHENTICATOR, p.subarray(HEADER_LENGTH), s);
  return timingSafeEqual(expected, p.subarray(4, HEADER_LENGTH));
}

/** True when `buf` is an Accounting-Request signed with `secret` (RFC 2866 §3). */
export function verifyAccountingRequest(buf: Buffer, secret: Secret): boolean {
  return buf[0] === Code.AccountingRequest && verifyRequestAuthenticator(buf, secret);
}

/** True when `buf` is a Disconnect-Request signed with `secret` (RFC 5176 §3.5); for the simulator. */
export function verifyDisconnectRequest(buf: Buffer, secret: Secret): boolean {
  return buf[0] === Code.DisconnectRequest && verifyRequestAuthenticator(buf, secret);
}

/** Checks a response against the authenticator of the request it answers. */
export function verifyResponseAuthenticator(
  buf: Buffer,
  requestAuthenticator: Buffer,
  secret: Secret,
): boolean {
  const p = framed(buf);
  const s = secretOctets(secret);
  if (!p || s.length === 0 || requestAuthenticator.length !== 16) return false;
  const expected = md5(p.subarray(0, 4), requestAuthenticator, p.subarray(HEADER_LENGTH), s);
  return timingSafeEqual(expected, p.subarray(4, HEADER_LENGTH));
}

export function verifyAccountingResponse(
  buf: Buffer,
  requestAuthenticator: Buffer,
  secret: Secret,
): boolean {
  return (
    buf[0] === Code.AccountingResponse &&
    verifyResponseAuthenticator(buf, requestAuthenticator, secret)
  );
}

/** A Disconnect-ACK or Disconnect-NAK answering the request whose authenticator is given. */
export function verifyDisconnectResponse(
  buf: Buffer,
  requestAuthenticator: Buffer,
  secret: Secret,
): boolean {
  return (
    (buf[0] === Code.DisconnectAck || buf[0] === Code.DisconnectNak) &&
    verifyResponseAuthenticator(buf, requestAuthenticator, secret)
  );
}

/** A signed request (Accounting-, Disconnect- or CoA-Request). Throws RangeError on unsendable input. */
export function signedRequest(p: {
  code: number;
  identifier: number;
  secret: Secret;
  attributes: readonly OutgoingAttribute[];
}): Buffer {
  const s = nonEmptySecret(p.secret);
  const packet = encodePacket({
    code: p.code,
    identifier: p.identifier,
    authenticator: ZERO_AUTHENTICATOR,
    attributes: p.attributes,
  });
  md5(packet, s).copy(packet, 4);
  return packet;
}

/** A response to `request`, echoing its Proxy-State attributes as RFC 2865 §5.33 requires. */
export function signedResponse(
  code: number,
  request: Pick<RadiusPacket, "identifier" | "authenticator" | "attributes">,
  secret: Secret,
  attributes: readonly OutgoingAttribute[] = [],
): Buffer {
  const s = nonEmptySecret(secret);
  const proxyState = request.attributes.filter(
    (a) => a.kind === "standard" && a.type === Attr.ProxyState,
  );
  const packet = encodePacket({
    code,
    identifier: request.identifier,
    authenticator: request.authenticator,
    attributes: [...attributes, ...proxyState],
  });
  md5(packet, s).copy(packet, 4);
  return packet;
}

export const accountingRequest = (p: {
  identifier: number;
  secret: Secret;
  attributes: readonly OutgoingAttribute[];
}) => signedRequest({ code: Code.AccountingRequest, ...p });

export const accountingResponse = (
  request: Pick<RadiusPacket, "identifier" | "authenticator" | "attributes">,
  secret: Secret,
  attributes: readonly OutgoingAttribute[] = [],
) => signedResponse(Code.AccountingResponse, request, secret, attributes);

export const disconnectRequest = (p: {
  identifier: number;
  secret: Secret;
  attributes: readonly OutgoingAttribute[];
}) => signedRequest({ code: Code.DisconnectRequest, ...p });

/** The simulator's answer to a Disconnect-Request: ACK (41) or NAK (42, usually with an Error-Cause). */
export const disconnectResponse = (
  request: Pick<RadiusPacket, "identifier" | "authenticator" | "attributes">,
  secret: Secret,
  ack: boolean,
  attributes: readonly OutgoingAttribute[] = [],
) => signedResponse(ack ? Code.DisconnectAck : Code.DisconnectNak, request, secret, attributes);

function nonEmptySecret(secret: Secret): Buffer {
  const s = secretOctets(secret);
  if (s.length === 0) throw new RangeError("a RADIUS shared secret must not be empty");
  return s;
}
