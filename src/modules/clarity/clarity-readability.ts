import { syllable } from "syllable";
import type { ClarityLanguage, ReadabilityFormula } from "./clarity.types.js";
import { type Span, sentencesOf, wordsOf } from "./clarity-text.js";

/** The formula used for each language: the one its readers' teachers and editors know. */
export const FORMULA: Record<ClarityLanguage, ReadabilityFormula> = {
  en: "flesch",
  it: "gulpease",
  sv: "lix",
};

/**
 * Where a text becomes hard, per formula. Flesch reading ease below 50 is "difficult" (college
 * level); Gulpease below 50 is hard for a reader with a lower-secondary education; LIX above 50 is
 * "svår" (official prose). Replies are read by customers who often do not write their first
 * language, so the bar is the one for a general reader, not a specialist.
 */
export const HARD: Record<ReadabilityFormula, { below?: number; above?: number }> = {
  flesch: { below: 50 },
  gulpease: { below: 50 },
  lix: { above: 50 },
};

/** Below this many words the formulas say more about chance than about the text: no finding. */
export const READABILITY_MIN_WORDS = 30;

export interface Readability {
  formula: ReadabilityFormula;
  /** Rounded to one decimal. */
  score: number;
  words: number;
  sentences: number;
  hard: boolean;
}

/** Syllables per word, remembered: the same few thousand words come back in every reply. */
const syllableCache = new Map<string, number>();
function syllables(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    if (syllableCache.size > 50_000) syllableCache.clear();
    n = Math.max(1, syllable(word));
    syllableCache.set(word, n);
  }
  return n;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The letters of a word, for Gulpease (which counts letters) and LIX (words of more than six letters). */
const letters = (w: string) => w.replace(/[^\p{L}]/gu, "").length;

export function readability(
  body: string,
  language: ClarityLanguage,
  sentences: Span[] = sentencesOf(body, language),
  words: Span[] = wordsOf(body),
): Readability {
  const formula = FORMULA[language];
  const w = words.length;
  const s = Math.max(1, sentences.length);
  let score: number;
  if (w === 0) {
    score = formula === "lix" ? 0 : 100;
  } else if (formula === "flesch") {
    let total = 0;
    for (const word of words) total += syllables(word.text);
    score = 206.835 - 1.015 * (w / s) - 84.6 * (total / w);
  } else if (formula === "gulpease") {
    let l = 0;
    for (const word of words) l += letters(word.text);
    score = 89 + (300 * s - 10 * l) / w;
  } else {
    let long = 0;
    for (const word of words) if (letters(word.text) > 6) long++;
    score = w / s + (100 * long) / w;
  }
  score = round1(score);
  const bar = HARD[formula];
  const hard =
    w >= READABILITY_MIN_WORDS &&
    ((bar.below !== undefined && score < bar.below) ||
      (bar.above !== undefined && score > bar.above));
  return { formula, score, words: w, sentences: sentences.length, hard };
}
