import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseTextEncoding,
  decodeSegment,
  encodeSms,
  MAX_SEGMENTS,
  SmsEncodingError,
} from "../../src/network/sms-encoding.js";
import { parseReceipt } from "../../src/network/smpp-client.js";

/** The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1). */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "\f^{}\\[~]|€";
const gsmChar = fc.constantFrom(...GSM_BASIC, ...GSM_EXTENDED);
const gsmText = fc.array(gsmChar, { minLength: 1, maxLength: 700 }).map((a) => a.join(""));
const otherChar = fc.constantFrom("Ж", "中", "ß\u0301", "😀", "ı", "ş", "🦒", "Ω", "\u00a0");
const anyText = fc
  .array(
    fc.oneof(gsmChar, otherChar, fc.string({ unit: "grapheme", minLength: 1, maxLength: 2 })),
    { minLength: 1, maxLength: 320 },
  )
  .map((a) => a.join(""));

/** What a handset shows: the segments reassembled in order. */
function reassemble(e: ReturnType<typeof encodeSms>) {
  const parts = e.segments.map((s) => decodeSegment(s, e.dataCoding, e.esmClass));
  if (parts.length > 1) {
    parts.forEach((p, i) =>
      expect(p.concat).toMatchObject({
        total: parts.length,
        seq: i + 1,
        ref: parts[0]!.concat!.ref,
      }),
    );
  } else expect(parts[0]!.concat).toBeNull();
  return {
    text: parts.map((p) => p.text ?? "").join(""),
    payload: Buffer.concat(parts.map((p) => p.payload)),
  };
}

const septets = (text: string) =>
  [...text].reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0);

describe("SMS encoding (property)", () => {
  it("sends GSM-7 exactly when the default alphabet carries the text, and the handset reads the same text back", () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        expect(chooseTextEncoding(text)).toBe("gsm7");
        const n = septets(text);
        const expected = n <= 160 ? 1 : Math.ceil(n / 153);
        if (expected > MAX_SEGMENTS) {
          expect(() => encodeSms({ text })).toThrow(SmsEncodingError);
          return;
        }
        const e = encodeSms({ text }, 7);
        expect(e).toMatchObject({
          encoding: "gsm7",
          dataCoding: 0,
          units: n,
          esmClass: e.segments.length > 1 ? 0x40 : 0,
        });
        // An escape pair is never split, so a segment can carry one septet less than 153.
        expect(e.segments.length).toBeGreaterThanOrEqual(expected);
        expect(e.segments.length).toBeLessThanOrEqual(expected + 1);
        for (const s of e.segments)
          expect(s.length).toBeLessThanOrEqual(e.segments.length > 1 ? 6 + 153 : 160);
        expect(reassemble(e).text).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("falls back to UCS-2 for anything else, never splits a surrogate pair, and round-trips", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const encoding = chooseTextEncoding(text);
        const outside = [...text].some((c) => !(GSM_BASIC + GSM_EXTENDED).includes(c));
        expect(encoding).toBe(outside ? "ucs2" : "gsm7");
        let e: ReturnType<typeof encodeSms>;
        try {
          e = encodeSms({ text });
        } catch (err) {
          expect(err).toBeInstanceOf(SmsEncodingError);
          expect((err as SmsEncodingError).code).toBe("SMS_TOO_LONG");
          expect(encoding === "ucs2" ? text.length * 2 : septets(text)).toBeGreaterThan(
            encoding === "ucs2" ? 134 * 3 : 153 * 3,
          );
          return;
        }
        if (encoding === "ucs2") {
          expect(e.dataCoding).toBe(8);
          expect(e.units).toBe(text.length);
          for (const s of e.segments) {
            const body = e.segments.length > 1 ? s.subarray(6) : s;
            expect(body.length).toBeLessThanOrEqual(e.segments.length > 1 ? 134 : 140);
            const last = body.readUInt16BE(body.length - 2);
            expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          }
          expect(
            text.length <= 70
              ? e.segments.length === 1
              : e.segments.length >= Math.ceil(text.length / 67),
          ).toBe(true);
        }
        expect(reassemble(e).text).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("sends a configuration payload as 8-bit binary, 140 octets or 134 per concatenated segment", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 600 }),
        fc.integer({ min: 0, max: 255 }),
        (bytes, ref) => {
          const hex = Buffer.from(bytes).toString("hex");
          const segments = bytes.length <= 140 ? 1 : Math.ceil(bytes.length / 134);
          if (segments > MAX_SEGMENTS) {
            expect(() => encodeSms({ payloadHex: hex }, ref)).toThrow(
              /at most 4 concatenated segments/,
            );
            return;
          }
          const e = encodeSms({ payloadHex: hex }, ref);
          expect(e).toMatchObject({ encoding: "binary", dataCoding: 4, units: bytes.length });
          expect(e.segments).toHaveLength(segments);
          if (segments > 1)
            expect(decodeSegment(e.segments[0]!, 4, e.esmClass).concat!.ref).toBe(ref);
          expect(reassemble(e).payload.toString("hex")).toBe(hex);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses an empty SMS and knows the boundaries", () => {
    expect(() => encodeSms({ text: "" })).toThrow(SmsEncodingError);
    expect(encodeSms({ text: "a".repeat(160) }).segments).toHaveLength(1);
    expect(encodeSms({ text: "a".repeat(161) }).segments).toHaveLength(2);
    expect(encodeSms({ text: "€".repeat(80) }).segments).toHaveLength(1);
    expect(encodeSms({ text: "€".repeat(81) }).segments).toHaveLength(2);
    expect(encodeSms({ text: "Ж".repeat(70) }).segments).toHaveLength(1);
    expect(encodeSms({ text: "Ж".repeat(71) }).segments).toHaveLength(2);
    expect(encodeSms({ text: "a".repeat(612) }).segments).toHaveLength(4);
    expect(() => encodeSms({ text: "a".repeat(613) })).toThrow(/5 segments/);
    // An ESC character in the text is not smuggled into the GSM-7 stream.
    expect(chooseTextEncoding("a\x1bb")).toBe("ucs2");
  });
});

describe("delivery receipt parser (fuzz)", () => {
  it("reads the SMPP 3.4 Appendix B text and the TLVs", () => {
    expect(
      parseReceipt({
        esm_class: 0x04,
        short_message: {
          message:
            "id:5A001 sub:001 dlvrd:001 submit date:2603010900 done date:2603010901 stat:DELIVRD err:000 text:",
        },
      }),
    ).toEqual({ messageId: "5A001", stat: "DELIVRD", err: "000", doneAt: "2603010901", text: "" });
    expect(
      parseReceipt({
        esm_class: 0x04,
        short_message: { message: "stat:UNDELIV" },
        receipted_message_id: "ab12",
        message_state: 5,
      }),
    ).toMatchObject({ messageId: "ab12", stat: "UNDELIV" });
    expect(
      parseReceipt({ esm_class: 0x00, short_message: { message: "id:1 stat:DELIVRD" } }),
    ).toBeNull();
    expect(parseReceipt({ esm_class: 0x04, short_message: { message: "hello" } })).toBeNull();
  });

  it("never throws, whatever the SMSC sends", () => {
    const field = fc.oneof(
      fc.string(),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      fc.integer(),
      fc.constant(undefined),
      fc.constant(null),
      fc.object(),
    );
    fc.assert(
      fc.property(
        fc.record({
          esm_class: fc.oneof(fc.integer({ min: 0, max: 255 }), field),
          short_message: fc.oneof(
            field,
            field.map((message) => ({ message })),
          ),
          receipted_message_id: field,
          message_state: fc.oneof(fc.integer({ min: 0, max: 9 }), field),
        }),
        (pdu) => {
          const r = parseReceipt(pdu);
          if (r) {
            expect(r.messageId.length).toBeGreaterThan(0);
            expect(r.stat).toMatch(/^[A-Z]{5,8}$/);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
