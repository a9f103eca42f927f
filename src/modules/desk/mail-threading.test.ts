import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASE_STATES, canTransition } from "./case-states.js";
import {
  caseNumberInSubject,
  classify,
  deriveThreadKey,
  messageIdsIn,
  replySubject,
  signedMessageId,
  verifyMessageId,
} from "./mail-threading.js";

const key = deriveThreadKey("11".repeat(32));
const otherKey = deriveThreadKey("22".repeat(32));

describe("signed Message-ID tokens", () => {
  it("verify for the key that signed them and name the case or consultation", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.constantFrom("case", "cons" as const),
        (owner, msg, kind) => {
          const id = signedMessageId(key, kind as "case" | "cons", owner, msg, "ops.example");
          expect(verifyMessageId(key, id)).toEqual({
            kind,
            ownerId: owner.toLowerCase(),
            msgId: msg.toLowerCase(),
          });
          expect(verifyMessageId(otherKey, id)).toBeNull();
        },
      ),
    );
  });

  it("refuse a forged token: another case id under a valid signature, or a changed signature", () => {
    const id = signedMessageId(
      key,
      "case",
      "0190f3c6-0000-7000-8000-000000000001",
      "0190f3c6-0000-7000-8000-000000000002",
      "ops.example",
    );
    expect(verifyMessageId(key, id.replace("000000000001", "000000000009"))).toBeNull();
    expect(verifyMessageId(key, id.replace(/\.([0-9a-f]{16})@/, ".0000000000000000@"))).toBeNull();
    expect(verifyMessageId(key, id.replace("case.", "cons."))).toBeNull();
    expect(verifyMessageId(key, "<random@customer.example>")).toBeNull();
  });
});

describe("subjects", () => {
  it("find the case tag and add it once", () => {
    expect(caseNumberInSubject("AW: Invoice [Case #1234]")).toBe(1234);
    expect(caseNumberInSubject("Case 1234")).toBeNull();
    expect(replySubject("Invoice [Case #12]", 12)).toBe("Re: Invoice [Case #12]");
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.integer({ min: 1, max: 1e6 }), (s, n) => {
        expect(caseNumberInSubject(replySubject(s, n))).toBe(n);
      }),
    );
  });

  it("read References newest first", () => {
    expect(messageIdsIn("<a@x> <b@x>\r\n <c@x>")).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
  });
});

describe("classification", () => {
  const base = {
    subject: "Hello",
    envelopeFrom: "a@b.example",
    fromAddress: "a@b.example",
    contentType: "text/plain",
    receivedCount: 2,
    ownDomain: "ops.example",
    ourAddresses: ["support@ops.example"],
    messageId: "<x@b.example>",
  };
  it("tells auto-replies, bulk, bounces and loops from a person's mail", () => {
    expect(classify({ ...base, headers: {} })).toMatchObject({
      autoReply: false,
      bulk: false,
      bounce: false,
      loop: false,
    });
    expect(classify({ ...base, headers: { "auto-submitted": "auto-replied" } }).autoReply).toBe(
      true,
    );
    expect(classify({ ...base, headers: { "auto-submitted": "no" } }).autoReply).toBe(false);
    expect(classify({ ...base, headers: { "x-autoreply": "yes" } }).autoReply).toBe(true);
    expect(
      classify({ ...base, headers: {}, subject: "Risposta automatica: Fuori ufficio" }).autoReply,
    ).toBe(true);
    expect(classify({ ...base, headers: {}, subject: "Frånvaro: semester" }).autoReply).toBe(true);
    expect(classify({ ...base, headers: { precedence: "bulk" } }).bulk).toBe(true);
    expect(classify({ ...base, headers: { "list-unsubscribe": "<mailto:x>" } }).bulk).toBe(true);
    expect(
      classify({
        ...base,
        headers: {},
        contentType: "multipart/report; report-type=delivery-status; boundary=x",
      }).bounce,
    ).toBe(true);
    expect(classify({ ...base, headers: {}, envelopeFrom: "" }).bounce).toBe(true);
    expect(classify({ ...base, headers: {}, fromAddress: "MAILER-DAEMON@mx.example" }).bounce).toBe(
      true,
    );
    expect(classify({ ...base, headers: {}, receivedCount: 40 }).loop).toBe(true);
    expect(classify({ ...base, headers: {}, fromAddress: "support@ops.example" }).loop).toBe(true);
    expect(
      classify({ ...base, headers: {}, messageId: "<case.x.y.z@otter.ops.example>" }).loop,
    ).toBe(true);
  });
});

describe("case state machine", () => {
  it("never leaves closed, and leaves resolved only to open or closed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATES), (to) => {
        expect(canTransition("closed", to)).toBe(false);
        expect(canTransition("resolved", to)).toBe(to === "open" || to === "closed");
        expect(canTransition(to, to)).toBe(false);
      }),
    );
  });

  it("reaches resolved from every working state", () => {
    for (const s of ["new", "open", "waiting_on_customer", "waiting_on_consultation"] as const)
      expect(canTransition(s, "resolved")).toBe(true);
  });
});
