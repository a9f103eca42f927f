import type { ClarityLanguage } from "./clarity.types.js";

/**
 * Language detection by counting each language's commonest short words. Words that two of the
 * languages share ("in", "a", "vi", "se", "come") are in no list. Hand-written rather than a
 * library (franc, cld): three languages, a few hundred words of business mail, and the answer must
 * be explainable and the same on every run.
 */
const STOPWORDS: Record<ClarityLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      "the and is are you your we to of for it this that with on have has will be not can please our us " +
      "thank thanks hello hi regards was were from would could should there which what when if as at by " +
      "an or do does did my me they their been any all about here just sorry dear best kind"
    ).split(" "),
  ),
  it: new Set(
    (
      "il lo la le gli di che è e per non un una con del della dei delle sono questo questa ci ho abbiamo " +
      "suo sua lei grazie saluti buongiorno gentile cordiali nel nella al alla ma anche più ancora già " +
      "quando dove perché mi ti da dal dalla sul sulla sua suoi nostro nostra nostri stato stata sia " +
      "essere può possiamo ha hanno buonasera salve"
    ).split(" "),
  ),
  sv: new Set(
    (
      "och att det är en ett som på för med till av inte har ni jag du den de om kan ska vill tack hej " +
      "hälsningar vänliga er ert era min mitt när var hur vad så också men eller från nu redan sedan " +
      "efter bara vår vårt våra oss hos skulle finns kommer blir"
    ).split(" "),
  ),
};

const LANGUAGES: ClarityLanguage[] = ["en", "it", "sv"];
const TOKEN = /[\p{L}]+/gu;

/** Counts per language of the stop words in `text`. */
export function languageScores(text: string): Record<ClarityLanguage, number> {
  const scores: Record<ClarityLanguage, number> = { en: 0, it: 0, sv: 0 };
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0].toLowerCase();
    for (const l of LANGUAGES) if (STOPWORDS[l].has(w)) scores[l]++;
  }
  return scores;
}

/**
 * The language of `text`, or undefined when the text gives too little evidence: fewer than three
 * stop words of the leading language, or a tie.
 */
export function detectLanguage(text: string): ClarityLanguage | undefined {
  const scores = languageScores(text);
  const ranked = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]);
  const [first, second] = ranked as [ClarityLanguage, ClarityLanguage];
  if (scores[first] < 3 || scores[first] === scores[second]) return undefined;
  return first;
}
