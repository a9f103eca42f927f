import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClarityFinding, ClarityInput, ClarityLanguage } from "./clarity.types.js";
import { checkClarity } from "./clarity-check.js";
import { CLARITY_GLOSSARY_SEED } from "./clarity-glossary.seed.js";

/** Sentences an agent writes, with and without things the check suggests a replacement for. */
const FRAGMENTS: Record<ClarityLanguage, string[]> = {
  en: [
    "We will send the SIM tomorrow.",
    "Tomorrow the engineer calls you.",
    "Please check the APN on the router.",
    "The HLR rejected the SIM next Friday, and the PDP context failed.",
    "Our device logs show nothing in two hours.",
    "The devices restart within 24 hours.",
    "The invoice is attached; the bill for November too.",
    "The eUICC and the IMSI are fine by Friday.",
    "Your plan includes roaming in 30 countries.",
    "We checked the SIM and it is active.",
    "The LTE-M coverage is good next week.",
    "Thank you for your patience.",
  ],
  it: [
    "Le spediamo la SIM domani.",
    "Domani il tecnico la chiama.",
    "Controlli l'APN sul router.",
    "L'HLR ha rifiutato la SIM venerdì prossimo.",
    "Il dispositivo si ricollega tra due ore.",
    "I dispositivi ripartono entro 24 ore.",
    "La fattura è in allegato.",
    "Il vostro piano comprende il roaming in 30 paesi.",
    "Abbiamo controllato la SIM ed è attiva.",
    "Grazie per la pazienza.",
    "Le rispondo entro venerdì, per lunedì al massimo.",
  ],
  sv: [
    "Vi skickar SIM-kortet i morgon.",
    "I morgon ringer teknikern.",
    "Kontrollera APN i routern.",
    "HLR nekade SIM-kortet nästa fredag.",
    "Enheten kopplar upp sig om två timmar.",
    "Enheterna startar om inom 24 timmar.",
    "Fakturan är bifogad.",
    "Er plan omfattar roaming i 30 länder, och PDP-sessionen fungerar nästa vecka.",
    "Vi har kontrollerat SIM-kortet och det är aktivt.",
    "Tack för ert tålamod.",
    "Senast fredag är det klart, till måndag i värsta fall.",
  ],
};
const MAILS: Record<ClarityLanguage, string[]> = {
  en: [
    "Our tracker is silent. Is the SIM active?",
    "Our bill is too high.",
    "Is the APN right?",
    "Hello",
  ],
  it: [
    "Il mio collare non trasmette. La SIM è attiva?",
    "La bolletta è troppo alta.",
    "Buongiorno",
  ],
  sv: ["Mitt halsband är tyst. Är SIM-kortet aktivt?", "Räkningen är för hög.", "Hej"],
};
const ZONES = [
  "Europe/Rome",
  "Europe/Stockholm",
  "Europe/London",
  "America/New_York",
  "Africa/Nairobi",
  "Asia/Tokyo",
];

const inputs = fc
  .constantFrom<ClarityLanguage>("en", "it", "sv")
  .chain((language) =>
    fc.record({
      language: fc.constant(language),
      sentences: fc.array(fc.constantFrom(...FRAGMENTS[language]), { minLength: 1, maxLength: 12 }),
      separators: fc.array(fc.constantFrom(" ", "\n", "\n\n"), { minLength: 12, maxLength: 12 }),
      mails: fc.subarray(MAILS[language]),
      now: fc.date({
        min: new Date("2026-01-01T00:00:00Z"),
        max: new Date("2028-12-31T00:00:00Z"),
        noInvalidDate: true,
      }),
      timeZone: fc.constantFrom(...ZONES),
    }),
  )
  .map((g): ClarityInput => ({
    body: g.sentences.map((s, i) => s + g.separators[i]).join(""),
    language: g.language,
    customerMails: g.mails,
    glossary: CLARITY_GLOSSARY_SEED,
    identifierOwners: new Map(),
    now: g.now,
    timeZone: g.timeZone,
  }));

function spansHold(body: string, findings: ClarityFinding[]) {
  for (const f of findings) {
    expect(
      0 <= f.start && f.start <= f.end && f.end <= body.length,
      `${f.rule} ${f.start}-${f.end}`,
    ).toBe(true);
  }
  const byRule = new Map<string, ClarityFinding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  for (const [rule, fs] of byRule) {
    const sorted = [...fs].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.start >= sorted[i - 1]!.end, `${rule} findings overlap`).toBe(true);
    }
  }
}

/** Every suggestion accepted, from the end of the text back, so earlier offsets stay right. */
function acceptAll(body: string, findings: ClarityFinding[]): string {
  let out = body;
  const withSuggestion = findings
    .filter((f) => f.suggestion !== undefined)
    .sort((a, b) => b.start - a.start);
  let limit = Infinity;
  for (const f of withSuggestion) {
    expect(f.end <= limit, "two suggestions overlap").toBe(true);
    out = out.slice(0, f.start) + f.suggestion + out.slice(f.end);
    limit = f.start;
  }
  return out;
}

describe("span arithmetic of the clarity check", () => {
  it("keeps spans within the body, never overlapping for one rule, and accepting every suggestion leaves none to accept", () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const first = checkClarity(input);
        spansHold(input.body, first.findings);
        accepted += first.findings.filter((f) => f.suggestion !== undefined).length;
        const after = acceptAll(input.body, first.findings);
        const second = checkClarity({ ...input, body: after });
        spansHold(after, second.findings);
        const left = second.findings.filter((f) => f.suggestion !== undefined);
        expect(left.map((f) => `${f.rule}: ${after.slice(f.start, f.end)}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(accepted, "suggestions accepted over all runs").toBeGreaterThan(300);
  });

  it("answers any text, however odd, with spans inside it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.constantFrom<ClarityLanguage | undefined>("en", "it", "sv", undefined),
        (body, language) => {
          const r = checkClarity({
            body,
            ...(language ? { language } : {}),
            customerMails: [body.slice(0, 50)],
            glossary: CLARITY_GLOSSARY_SEED,
            identifierOwners: new Map(),
            now: new Date("2026-12-07T09:30:00Z"),
            timeZone: "Europe/Rome",
          });
          spansHold(body, r.findings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same input gives the same findings", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(checkClarity(input)).toEqual(checkClarity(input));
      }),
      { numRuns: 50 },
    );
  });
});
