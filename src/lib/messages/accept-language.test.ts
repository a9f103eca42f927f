import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { preferredLanguage } from "./accept-language.js";
import { LANGUAGES } from "./messages.js";

describe("preferredLanguage", () => {
  it("picks the supported language with the highest weight", () => {
    expect(preferredLanguage("sv-SE,sv;q=0.9,en-US;q=0.8")).toBe("sv");
    expect(preferredLanguage("de-DE, it;q=0.7, en;q=0.5")).toBe("it");
    expect(preferredLanguage("en;q=0.4, it;q=0.6")).toBe("it");
    expect(preferredLanguage("IT")).toBe("it");
  });
  it("answers null for a header that names no language Otter speaks", () => {
    expect(preferredLanguage(undefined)).toBeNull();
    expect(preferredLanguage("de, fr;q=0.8, *;q=0.1")).toBeNull();
    expect(preferredLanguage("it;q=0")).toBeNull();
  });
  it("never throws and only ever answers a supported language", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        const l = preferredLanguage(header);
        expect(l === null || (LANGUAGES as readonly string[]).includes(l)).toBe(true);
      }),
    );
  });
});
