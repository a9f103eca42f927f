import type { GlossaryTerm } from "./clarity.types.js";
import type { Lexicon } from "./clarity-lexicon.js";
import { escapeRegExp, type Span, wordsOf } from "./clarity-text.js";

/** A sentence too long, or with clauses nested three deep. */
export function longSentences(
  sentences: Span[],
  words: Span[],
  lexicon: Lexicon,
): { span: Span; words: number; clauses: number; nested: boolean }[] {
  const out = [];
  let w = 0;
  for (const s of sentences) {
    while (w < words.length && words[w]!.start < s.start) w++;
    const ws: Span[] = [];
    for (let k = w; k < words.length && words[k]!.end <= s.end; k++) ws.push(words[k]!);
    let clauses = 0;
    for (const w of ws) if (lexicon.subordinators.has(w.text.toLowerCase())) clauses++;
    const nested = ws.length >= 15 && clauses >= 3;
    if (ws.length > lexicon.longSentenceWords || nested)
      out.push({ span: s, words: ws.length, clauses, nested });
  }
  return out;
}

/** Passive constructions that do not name who acted. */
export function passivesIn(text: string, words: Span[], lexicon: Lexicon): Span[] {
  const found: Span[] = [];
  const isPassive = (span: Span) => {
    if (lexicon.notPassive.has(span.text.toLowerCase())) return false;
    return !lexicon.agent.test(text.slice(span.end, span.end + 60));
  };
  if (lexicon.passiveWord) {
    for (const w of words)
      if (lexicon.passiveWord.test(w.text.toLowerCase()) && isPassive(w)) found.push(w);
  }
  for (const re of lexicon.passive) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      const participle = /[\p{L}]+$/u.exec(m[0])![0].toLowerCase();
      if (lexicon.notPassive.has(participle)) continue;
      if (lexicon.agent.test(text.slice(end, end + 60))) continue;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A term is matched exactly when written in capitals or with digits (APN, LTE-M, eUICC), without
 * regard to case otherwise (roaming). A plural, a Swedish ending or compound rides along: "APNs",
 * "APN:en", "PDP-sessionen" (the explanation then follows the whole word).
 */
const termCache = new Map<string, RegExp>();
function termRegExp(term: string, flags: string): RegExp {
  const key = `${flags}/${term}`;
  let re = termCache.get(key);
  if (!re) {
    if (termCache.size > 5000) termCache.clear();
    re = compileTerm(term, flags);
    termCache.set(key, re);
  }
  return re;
}
function compileTerm(term: string, flags: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?:s|:\\p{L}+|-\\p{L}+)?(?![\\p{L}\\p{N}])`,
    flags,
  );
}
const exact = (term: string) => /[A-Z0-9]/.test(term.slice(1)) || /^[A-Z0-9]+$/.test(term);

/**
 * Glossary terms at their first use in the reply, when the customer has not used them in this case
 * and the reply does not explain them there (a parenthesis right after or around the term).
 */
export function jargonIn(
  text: string,
  glossary: GlossaryTerm[],
  customerText: string,
): { span: Span; term: GlossaryTerm }[] {
  const out: { span: Span; term: GlossaryTerm }[] = [];
  // Spans of longer terms, explained or not: "PDP" inside "PDP context" is not a use of its own.
  const claimed: Span[] = [];
  const terms = [...glossary].sort(
    (a, b) => b.term.length - a.term.length || a.term.localeCompare(b.term),
  );
  for (const term of terms) {
    const m = termRegExp(term.term, exact(term.term) ? "u" : "iu").exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (claimed.some((c) => start < c.end && c.start < end)) continue;
    claimed.push({ start, end, text: m[0] });
    if (termRegExp(term.term, "iu").test(customerText)) continue;
    if (/^\s*\(/.test(text.slice(end)) || /\(\s*$/.test(text.slice(Math.max(0, start - 3), start)))
      continue;
    out.push({ span: { start, end, text: m[0] }, term });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Promises without a date: the phrase, when its sentence names no date or time. */
export function undatedPromisesIn(text: string, sentences: Span[], lexicon: Lexicon): Span[] {
  const out: Span[] = [];
  const judged = new Set<Span>();
  for (const m of text.matchAll(lexicon.promises)) {
    const start = m.index!;
    const sentence = sentences.find((s) => s.start <= start && start < s.end);
    // One finding per sentence: "we will look into it and get back to you" is one undated promise.
    if (sentence && (judged.has(sentence) || lexicon.dated.test(sentence.text))) continue;
    if (sentence) judged.add(sentence);
    out.push({ start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

const formIndex = (forms: string[], word: string) =>
  forms.findIndex((f) => f.toLowerCase() === word.toLowerCase());

/**
 * Our words for the thing the customer names differently. The customer's word for a group is the
 * member they use most in their mails (the earlier member of the list on a tie); each of our words
 * of that group that the customer never used is a finding, replaced by their word in the same form.
 */
export function customerTermsIn(
  text: string,
  customerText: string,
  lexicon: Lexicon,
): { span: Span; theirs: string }[] {
  const out: { span: Span; theirs: string }[] = [];
  for (const group of lexicon.synonyms) {
    const counts = group.map((forms) => countForms(customerText, forms));
    const best = counts.indexOf(Math.max(...counts));
    if (counts[best]! === 0) continue;
    const theirs = group[best]!;
    group.forEach((forms, i) => {
      if (counts[i]! > 0) return;
      for (const m of text.matchAll(formsRegExp(forms))) {
        const k = formIndex(forms, m[0]);
        const start = m.index!;
        out.push({
          span: { start, end: start + m[0].length, text: m[0] },
          theirs: theirs[Math.max(0, k)]!,
        });
      }
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const formsRegExp = (forms: string[]) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:${[...new Set(forms)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|")})(?![\\p{L}\\p{N}-])`,
    "giu",
  );
const countForms = (text: string, forms: string[]) => [...text.matchAll(formsRegExp(forms))].length;

/**
 * Questions of the customer's last mail that the reply leaves unanswered. Deterministic overlap:
 * a question's key words are its words of three letters or more that are neither stop words nor
 * question noise ("could you tell me"), plus its numbers; two words match when they share their
 * first five letters (activate / activated, fattura / fatture) or are words for the same thing (bill /
 * invoice: the customer_term groups). A question counts as answered when
 * the reply holds at least one key word and at least a third of them.
 */
export function unansweredQuestions(
  reply: string,
  replyWords: Span[],
  lastMailQuestions: Span[],
  lexicon: Lexicon,
): string[] {
  const synonyms = synonymKeys(lexicon);
  const stem = (w: string) => {
    const lower = w.toLowerCase();
    return synonyms.get(lower) ?? lower.slice(0, 5);
  };
  const replyStems = new Set<string>();
  for (const w of replyWords) replyStems.add(stem(w.text));
  for (const n of reply.matchAll(/\d{3,}/g)) replyStems.add(n[0]);
  const out: string[] = [];
  for (const q of lastMailQuestions) {
    const keys = new Set<string>();
    for (const w of wordsOf(q.text)) {
      const lower = w.text.toLowerCase();
      if (lower.length < 3 || lexicon.stopwords.has(lower) || lexicon.questionNoise.has(lower))
        continue;
      keys.add(stem(lower));
    }
    for (const n of q.text.matchAll(/\d{3,}/g)) keys.add(n[0]);
    if (keys.size === 0) continue;
    let hits = 0;
    for (const k of keys) if (replyStems.has(k)) hits++;
    if (hits === 0 || hits * 3 < keys.size) out.push(q.text);
  }
  return out;
}

/** Every form of a synonym group's members → one key, so "bill" in a question matches "invoice" in the reply. */
const synonymCache = new WeakMap<Lexicon, Map<string, string>>();
function synonymKeys(lexicon: Lexicon): Map<string, string> {
  let keys = synonymCache.get(lexicon);
  if (!keys) {
    keys = new Map();
    for (const [g, group] of lexicon.synonyms.entries()) {
      for (const forms of group)
        for (const f of forms) if (!f.includes(" ")) keys.set(f.toLowerCase(), `synonyms:${g}`);
    }
    synonymCache.set(lexicon, keys);
  }
  return keys;
}
