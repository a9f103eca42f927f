import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csrfTokenOf,
  FREE_ATTEMPTS,
  lockAfter,
  newSecret,
  passwordWeakness,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  sessionExpiry,
} from "./signin-policy.js";

const EMAIL = "dana.fleet@acme.example";

describe("password strength", () => {
  it("refuses short, common, e-mail-like and repetitive passwords with the reason", () => {
    expect(passwordWeakness("elevenchars", EMAIL)?.reason).toBe("too_short");
    // Characters, not UTF-16 units: twelve emoji are twelve characters.
    expect(passwordWeakness("🦦".repeat(11), EMAIL)?.reason).toBe("too_short");
    expect(passwordWeakness("x".repeat(257), EMAIL)?.reason).toBe("too_long");
    expect(passwordWeakness("QWERTY123456", EMAIL)?.reason).toBe("common");
    expect(passwordWeakness("Dana.Fleet@ACME.example", EMAIL)?.reason).toBe("email");
    expect(passwordWeakness("dana.fleet-2026-otters", EMAIL)?.reason).toBe("email");
    expect(passwordWeakness("abababababab", EMAIL)?.reason).toBe("repetitive");
    expect(passwordWeakness("giraffe collar 42 in Kenya", EMAIL)).toBeNull();
    expect(passwordWeakness("🦦".repeat(6) + "sea otters!", EMAIL)).toBeNull();
  });

  it("accepts any long enough password of varied characters that does not hold the address", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 64 }), (p) => {
        const weak = passwordWeakness(p, EMAIL);
        if (weak) expect(["too_short", "common", "email", "repetitive"]).toContain(weak.reason);
        if ([...p].length >= 12 && new Set(p.toLowerCase()).size > 2 && !/dana/i.test(p))
          expect(weak === null || weak.reason === "common").toBe(true);
      }),
    );
  });
});

describe("backoff after failed sign-ins", () => {
  it("lets five attempts through, then doubles the lock from 30 s up to 15 min", () => {
    expect([1, 2, 3, 4].map(lockAfter)).toEqual([0, 0, 0, 0]);
    expect(lockAfter(FREE_ATTEMPTS)).toBe(30_000);
    expect(lockAfter(FREE_ATTEMPTS + 1)).toBe(60_000);
    expect(lockAfter(FREE_ATTEMPTS + 4)).toBe(480_000);
    expect(lockAfter(FREE_ATTEMPTS + 5)).toBe(900_000);
    expect(lockAfter(1000)).toBe(900_000);
  });
});

describe("sessions", () => {
  it("end after a week idle, and a month after sign-in whatever the use", () => {
    const signedIn = new Date("2026-03-01T09:00:00Z");
    expect(sessionExpiry(signedIn, signedIn).getTime()).toBe(signedIn.getTime() + SESSION_IDLE_MS);
    const late = new Date(signedIn.getTime() + SESSION_MAX_MS - 3600_000);
    expect(sessionExpiry(signedIn, late).getTime()).toBe(signedIn.getTime() + SESSION_MAX_MS);
  });

  it("derive a CSRF token that differs per session and does not contain the cookie", () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenOf(a)).toBe(csrfTokenOf(a));
    expect(csrfTokenOf(a)).not.toBe(csrfTokenOf(b));
    expect(csrfTokenOf(a)).not.toContain(a);
  });
});
