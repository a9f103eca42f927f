import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountingRequest,
  accountingResponse,
  disconnectRequest,
  disconnectResponse,
  verifyAccountingRequest,
  verifyAccountingResponse,
  verifyDisconnectRequest,
  verifyDisconnectResponse,
} from "./authenticator.js";
import { attr, Attr } from "./dictionary.js";
import { Code, decodePacket } from "./packet.js";

const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();
const decoded = (buf: Buffer) => {
  const r = decodePacket(buf);
  if (!r.ok) throw new Error(r.detail);
  return r.value;
};

describe("Accounting-Request (RFC 2866 §3)", () => {
  it("is signed with MD5(Code|Id|Length|16 zero octets|attributes|secret)", () => {
    const buf = accountingRequest({
      identifier: 42,
      secret: "gateway-1",
      attributes: [attr.uint32(Attr.AcctStatusType, 2)],
    });
    const attrs = Buffer.from([40, 6, 0, 0, 0, 2]);
    expect(buf.subarray(0, 4)).toEqual(Buffer.from([4, 42, 0, 26]));
    expect(buf.subarray(4, 20)).toEqual(
      md5(Buffer.from([4, 42, 0, 26]), Buffer.alloc(16), attrs, Buffer.from("gateway-1")),
    );
    expect(verifyAccountingRequest(buf, "gateway-1")).toBe(true);
    expect(verifyAccountingRequest(buf, Buffer.from("gateway-1"))).toBe(true);
  });

  it("is refused with another client's secret, an empty secret, or another code", () => {
    const buf = accountingRequest({ identifier: 1, secret: "a", attributes: [] });
    expect(verifyAccountingRequest(buf, "b")).toBe(false);
    expect(verifyAccountingRequest(buf, "")).toBe(false);
    const disconnect = disconnectRequest({ identifier: 1, secret: "a", attributes: [] });
    expect(verifyAccountingRequest(disconnect, "a")).toBe(false);
    expect(() => accountingRequest({ identifier: 1, secret: "", attributes: [] })).toThrow(
      RangeError,
    );
  });

  it("any changed bit invalidates the authenticator", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.array(fc.uint8Array({ maxLength: 30 }), { maxLength: 5 }),
        fc.nat(),
        (secret, values, flip) => {
          const buf = accountingRequest({
            identifier: 7,
            secret,
            attributes: values.map((v, i) => attr.octets(i + 1, Buffer.from(v))),
          });
          expect(verifyAccountingRequest(buf, secret)).toBe(true);
          const bit = flip % (buf.length * 8);
          if (bit < 8) return; // flipping the code makes it another packet kind, tested above
          const bad = Buffer.from(buf);
          bad[bit >> 3]! ^= 1 << (bit & 7);
          expect(verifyAccountingRequest(bad, secret)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("verification never throws on garbage", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (a) => {
        expect(typeof verifyAccountingRequest(Buffer.from(a), "s")).toBe("boolean");
        expect(typeof verifyAccountingResponse(Buffer.from(a), Buffer.alloc(16), "s")).toBe(
          "boolean",
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("Accounting-Response", () => {
  it("carries MD5(Code|Id|Length|Request Authenticator|attributes|secret) and echoes Proxy-State", () => {
    const request = decoded(
      accountingRequest({
        identifier: 200,
        secret: "s",
        attributes: [attr.uint32(40, 1), attr.octets(Attr.ProxyState, Buffer.from("hop1"))],
      }),
    );
    const buf = accountingResponse(request, "s");
    const attrs = Buffer.from([33, 6, ...Buffer.from("hop1")]);
    const header = Buffer.from([5, 200, 0, 26]);
    expect(buf).toEqual(
      Buffer.concat([header, md5(header, request.authenticator, attrs, Buffer.from("s")), attrs]),
    );
    expect(verifyAccountingResponse(buf, request.authenticator, "s")).toBe(true);
    expect(verifyAccountingResponse(buf, request.authenticator, "t")).toBe(false);
    expect(verifyAccountingResponse(buf, Buffer.alloc(16), "s")).toBe(false);
  });
});

describe("Disconnect (RFC 5176)", () => {
  it("signs the request like an accounting request, and checks ACK and NAK against it", () => {
    const buf = disconnectRequest({
      identifier: 9,
      secret: "coa",
      attributes: [
        attr.string(Attr.UserName, "240070000000001"),
        attr.string(Attr.AcctSessionId, "abc"),
      ],
    });
    expect(buf[0]).toBe(Code.DisconnectRequest);
    expect(buf.subarray(4, 20)).toEqual(
      md5(buf.subarray(0, 4), Buffer.alloc(16), buf.subarray(20), Buffer.from("coa")),
    );
    expect(verifyDisconnectRequest(buf, "coa")).toBe(true);
    expect(verifyDisconnectRequest(buf, "other")).toBe(false);

    const request = decoded(buf);
    const ack = disconnectResponse(request, "coa", true);
    const nak = disconnectResponse(request, "coa", false, [attr.uint32(Attr.ErrorCause, 503)]);
    expect([ack[0], nak[0]]).toEqual([Code.DisconnectAck, Code.DisconnectNak]);
    expect(ack[1]).toBe(9);
    expect(verifyDisconnectResponse(ack, request.authenticator, "coa")).toBe(true);
    expect(verifyDisconnectResponse(nak, request.authenticator, "coa")).toBe(true);
    expect(verifyDisconnectResponse(ack, request.authenticator, "wrong")).toBe(false);
    expect(verifyDisconnectResponse(ack, Buffer.alloc(16), "coa")).toBe(false);
    expect(
      verifyDisconnectResponse(accountingResponse(request, "coa"), request.authenticator, "coa"),
    ).toBe(false);
  });
});
