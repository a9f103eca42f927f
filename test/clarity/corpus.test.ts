import { describe, expect, it } from "vitest";
import { checkClarity } from "../../src/modules/clarity/clarity-check.js";
import { CORPUS_LANGUAGES, corpusInput, loadCorpus } from "./corpus.js";

/**
 * The corpus: realistic replies of an IoT operations team, in English, Italian and Swedish, each
 * with the customer mails it answers and every finding a careful senior agent expects. A missed
 * finding and an extra one both fail, named by rule and text.
 */
describe.each(CORPUS_LANGUAGES)("the clarity corpus in %s", (language) => {
  const cases = loadCorpus(language);

  it("has at least 20 replies, most with findings and some clean", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s: exactly the expected findings", (_id, c) => {
    const result = checkClarity(corpusInput(c, language));
    expect(result.language).toBe(language);
    const found = result.findings
      .map((f) =>
        f.start === 0 && f.end === c.body.length
          ? `${f.rule} (whole reply)`
          : `${f.rule}: ${c.body.slice(f.start, f.end)}`,
      )
      .sort();
    const expected = c.expected
      .map((e) => (e.whole ? `${e.rule} (whole reply)` : `${e.rule}: ${e.text}`))
      .sort();
    expect(found).toEqual(expected);
  });
});
