import type { ClarityLanguage } from "./clarity.types.js";

/** A piece of the body with its offsets (UTF-16 code units, as JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A word: letters, with inner apostrophes or hyphens (`don't`, `LTE-M`, `SIM-kortet`). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/** Every word of `text` that has a letter (numbers and identifiers are not words for readability). */
export function wordsOf(text: string, offset = 0): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    if (HAS_LETTER.test(m[0]))
      out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  return out;
}

const segmenters = new Map<ClarityLanguage, Intl.Segmenter>();
function sentenceSegmenter(language: ClarityLanguage): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: "sentence" });
    segmenters.set(language, s);
  }
  return s;
}

/**
 * The sentences of `text` (Intl.Segmenter, which also ends a sentence at a line break, so a
 * greeting line and each line of a list count as sentences of their own), trimmed of surrounding
 * white space; segments without a word (an empty line, a row of dashes) are left out.
 */
export function sentencesOf(text: string, language: ClarityLanguage): Span[] {
  const out: Span[] = [];
  for (const seg of sentenceSegmenter(language).segment(text)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed || !HAS_LETTER.test(trimmed)) continue;
    const start = seg.index + lead;
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
}

/** The line a mail client puts above the quoted earlier mail. */
export const QUOTE_HEADER =
  /^\s*(On .+ wrote:|Il giorno .+ ha scritto:|Den .+ skrev .+:|-----\s*Original Message)/i;

/** The lines a customer wrote in a mail: quoted lines (`> …`) and what follows "On … wrote:" are not theirs. */
export function ownLines(mail: string): string {
  const lines: string[] = [];
  for (const line of mail.split(/\r?\n/)) {
    if (/^\s*>/.test(line)) continue;
    if (
      /^\s*(On .+ wrote:|Il giorno .+ ha scritto:|Den .+ skrev .+:|-----\s*Original Message)/i.test(
        line,
      )
    )
      break;
    lines.push(line);
  }
  return lines.join("\n");
}

/** `word` with the first letter's case taken from `like` (for a replacement at a sentence's start). */
export function withCaseOf(like: string, word: string): string {
  if (!word) return word;
  const first = like.charAt(0);
  if (first !== first.toLowerCase() && first === first.toUpperCase())
    return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
