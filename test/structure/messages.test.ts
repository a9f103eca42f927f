import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMATS, LANGUAGES, placeholdersOf } from "../../src/lib/messages/messages.js";
import { CONNECTIVITY_WORDS, SIM_STATE_WORDS } from "../../src/lib/messages/words.js";
import { SIM_STATES } from "../../src/modules/sims/sim-lifecycle.js";
import { CONNECTIVITY_STATES } from "../../src/modules/network/network.types.js";

// Every server message catalog (src/**/*.messages.ts, docs/languages.md) has every code in every
// language with the same placeholders: a missing or half-done translation fails here.
const root = join(import.meta.dirname, "../..");
function catalogFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? catalogFiles(join(dir, e.name))
      : e.name.endsWith(".messages.ts")
        ? [join(dir, e.name)]
        : [],
  );
}
const files = catalogFiles(join(root, "src"));

type Templates = Record<(typeof LANGUAGES)[number], Record<string, string>>;
async function catalogsOf(file: string): Promise<[string, Templates][]> {
  const mod = (await import(file)) as Record<string, { templates?: Templates }>;
  return Object.entries(mod)
    .filter(([, v]) => v && typeof v === "object" && "templates" in v)
    .map(([name, v]) => [`${relative(root, file)} ${name}`, v.templates!]);
}

describe("server message catalogs", () => {
  it("are found", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    // Areas whose words were English only until they got their catalog (docs/languages.md).
    for (const area of [
      "src/modules/onboarding/onboarding.messages.ts",
      "src/modules/sims/sims.messages.ts",
    ])
      expect(files.map((f) => relative(root, f))).toContain(area);
  });

  it("word every finding code of the onboarding check", async () => {
    // Each finding code the check's sources name has its message (or CODE.variant messages).
    const { onboardingText } = await import("../../src/modules/onboarding/onboarding.messages.js");
    const codes = Object.keys(onboardingText.templates.en).map((c) => c.split(".")[0]);
    const sources = ["feasibility.ts", "ipsec-policy.ts", "iccid-ranges.ts", "spec-parse.ts"].map(
      (f) => readFileSync(join(root, "src/modules/onboarding", f), "utf8"),
    );
    const named = new Set(
      sources.flatMap((s) =>
        [...s.matchAll(/"([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)"/g)].map((m) => m[1]!),
      ),
    );
    const missing = [...named].filter(
      (c) => !codes.includes(c) && !["BILL_SHOCK_RISK", "TEST_READY"].includes(c),
    );
    expect(missing).toEqual([]);
  });

  it.each(files.map((f) => [relative(root, f), f]))(
    "%s: every code in en, it and sv with the same placeholders",
    async (_name, file) => {
      const catalogs = await catalogsOf(file);
      expect(catalogs.length).toBeGreaterThan(0);
      for (const [name, t] of catalogs) {
        const codes = Object.keys(t.en).sort();
        for (const language of LANGUAGES) {
          expect(Object.keys(t[language]).sort(), `${name}: codes of ${language}`).toEqual(codes);
          for (const code of codes) {
            const text = t[language][code]!;
            expect(text.trim(), `${name} ${language} ${code} is empty`).not.toBe("");
            expect(placeholdersOf(text), `${name} ${language} ${code}`).toEqual(
              placeholdersOf(t.en[code]!),
            );
            for (const p of placeholdersOf(text))
              expect(FORMATS, `${name} ${language} ${code}: format of ${p}`).toContain(
                p.split(":")[1],
              );
          }
        }
        // A translation that is the English word for word is a translation left undone (a few
        // technical lines — "IMEI {imei}" — are the same in every language).
        const same = codes.filter(
          (c) =>
            t.it[c] === t.en[c] &&
            t.sv[c] === t.en[c] &&
            /[a-z]{4,}/.test(t.en[c]!.replace(/\{[^}]*\}/g, "")),
        );
        expect(same, `${name}: untranslated`).toEqual(same.filter((c) => ALLOWED_SAME.has(c)));
      }
    },
  );

  it("name every SIM state and connectivity state in every language", () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(SIM_STATE_WORDS[language]).sort()).toEqual([...SIM_STATES].sort());
      expect(Object.keys(CONNECTIVITY_WORDS[language]).sort()).toEqual(
        [...CONNECTIVITY_STATES].sort(),
      );
    }
  });
});

/** Codes whose text is the same in every language on purpose (protocol terms, names). */
const ALLOWED_SAME = new Set([
  "event.purge",
  "event.cancel_location",
  "what.disconnect",
  "what.cancel_location",
]);

describe("the console's words", () => {
  it("are the server's words for every state", async () => {
    const consoleWords = await import("../../console/src/i18n/state-words.js");
    expect(consoleWords.SIM_STATE_WORDS).toEqual(SIM_STATE_WORDS);
    expect(consoleWords.CONNECTIVITY_WORDS).toEqual(CONNECTIVITY_WORDS);
  });
});
