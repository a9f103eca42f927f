import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifySmtpError,
  headerProblems,
  mailDomainOf,
  MAX_RETRY_DELAY_MS,
  messageIdFor,
  retryDelayMs,
} from "../../src/modules/mail/mail-policy.js";

describe("mail policy", () => {
  it("backs off 1, 2, 4 … minutes, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / 60_000)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(retryDelayMs(n)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
      }),
    );
  });

  it("builds an RFC 5322 Message-ID on the domain of the From address", () => {
    expect(mailDomainOf("Otter Ops <ops@Otter.Example>")).toBe("otter.example");
    expect(mailDomainOf("otter@localhost")).toBe("localhost");
    expect(mailDomainOf("not an address")).toBe("localhost");
    expect(messageIdFor("0191f2a4-0000-7000-8000-000000000001", "Otter <otter@ops.example>")).toBe(
      "<0191f2a4-0000-7000-8000-000000000001@ops.example>",
    );
  });

  it("refuses headers Otter sets itself, bad names and line breaks", () => {
    expect(
      headerProblems({
        "Reply-To": "case-1@otter.example",
        "In-Reply-To": "<a@b>",
        References: "<a@b>",
      }),
    ).toEqual([]);
    expect(headerProblems({ "message-id": "<x@y>" })).toHaveLength(1);
    expect(headerProblems({ "X-Bad Name": "v" })).toHaveLength(1);
    expect(headerProblems({ "X-Case": "1\r\nBcc: victim@example.com" })).toHaveLength(1);
  });

  it("gives up at once only on a permanent (5xx) refusal of the message", () => {
    expect(
      classifySmtpError(
        Object.assign(new Error("x"), {
          code: "EENVELOPE",
          responseCode: 550,
          response: "550 No such mailbox",
        }),
      ),
    ).toEqual({ permanent: true, summary: "550: 550 No such mailbox" });
    expect(
      classifySmtpError(
        Object.assign(new Error("x"), {
          code: "EENVELOPE",
          responseCode: 451,
          response: "451 later",
        }),
      ).permanent,
    ).toBe(false);
    expect(
      classifySmtpError(
        Object.assign(new Error("x"), { code: "EAUTH", responseCode: 535, response: "535 bad" }),
      ).permanent,
    ).toBe(false);
    expect(
      classifySmtpError(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ESOCKET" }),
      ),
    ).toEqual({ permanent: false, summary: "ESOCKET: connect ECONNREFUSED 127.0.0.1:1" });
  });
});
