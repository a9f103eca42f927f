import type {
  ClarityFinding,
  ClarityInput,
  ClarityLanguage,
  ClarityResult,
  ClarityRule,
  ClaritySeverity,
} from "./clarity.types.js";
import { relativeDatesIn } from "./clarity-dates.js";
import { findIdentifiers } from "./clarity-identifiers.js";
import { detectLanguage } from "./clarity-language.js";
import type { Lexicon } from "./clarity-lexicon.js";
import { EN } from "./clarity-lexicon.en.js";
import { IT } from "./clarity-lexicon.it.js";
import { SV } from "./clarity-lexicon.sv.js";
import { barText, MESSAGES } from "./clarity-messages.js";
import { placeholdersIn } from "./clarity-placeholders.js";
import { HARD, readability } from "./clarity-readability.js";
import {
  customerTermsIn,
  jargonIn,
  longSentences,
  passivesIn,
  unansweredQuestions,
  undatedPromisesIn,
} from "./clarity-rules.js";
import { ownLines, QUOTE_HEADER, sentencesOf, withCaseOf, wordsOf } from "./clarity-text.js";

export { findIdentifiers } from "./clarity-identifiers.js";

export const LEXICONS: Record<ClarityLanguage, Lexicon> = { en: EN, it: IT, sv: SV };

/**
 * The reply with what is not the agent's own writing blanked out, offsets kept: quoted lines
 * (`> …`) and everything from an "On … wrote:" line on. The rules judge only what the agent wrote.
 */
export function ownText(body: string): string {
  let quoted = false;
  return body
    .split("\n")
    .map((line) => {
      if (QUOTE_HEADER.test(line)) quoted = true;
      return quoted || /^\s*>/.test(line) ? line.replace(/[^\r]/g, " ") : line;
    })
    .join("\n");
}

/**
 * The clarity check of a reply to a customer: what a careful senior agent would tell a colleague
 * about a draft, in seconds. Pure (no I/O, no clock: `now` comes in), deterministic, and every
 * finding says which rule and why, in the reply's language. The rules and their thresholds are
 * described in docs/clarity-rules.md.
 */
export function checkClarity(input: ClarityInput): ClarityResult {
  const { body } = input;
  const text = ownText(body);
  const customerText = input.customerMails.map(ownLines).join("\n");
  const customerLanguage = input.customerLanguage ?? detectLanguage(customerText);
  const written = detectLanguage(text);
  const language: ClarityLanguage = input.language ?? written ?? customerLanguage ?? "en";
  const lexicon = LEXICONS[language];
  const msg = MESSAGES[language];
  const findings: ClarityFinding[] = [];
  const add = (
    rule: ClarityRule,
    severity: ClaritySeverity,
    start: number,
    end: number,
    message: string,
    suggestion?: string,
  ) =>
    findings.push(
      suggestion === undefined
        ? { rule, severity, start, end, message }
        : { rule, severity, start, end, message, suggestion },
    );

  const replyLanguage = written ?? language;
  if (customerLanguage && customerLanguage !== replyLanguage) {
    add(
      "language_mismatch",
      "warning",
      0,
      body.length,
      msg.languageMismatch(customerLanguage, replyLanguage),
    );
  }

  const sentences = sentencesOf(text, language);
  const words = wordsOf(text);
  const read = readability(text, language, sentences, words);
  if (read.hard) {
    const bar = HARD[read.formula];
    const barValue = bar.below ?? bar.above ?? 0;
    add(
      "readability",
      "info",
      0,
      body.length,
      msg.readability(read.formula, read.score, barText(language, read.formula, barValue)),
    );
  }

  for (const s of longSentences(sentences, words, lexicon)) {
    const message =
      s.words > lexicon.longSentenceWords
        ? msg.longSentence(s.words, lexicon.longSentenceWords)
        : msg.nestedSentence(s.clauses);
    add("long_sentence", "info", s.span.start, s.span.end, message);
  }

  for (const p of passivesIn(text, words, lexicon))
    add("passive_voice", "info", p.start, p.end, msg.passiveVoice(p.text));

  const glossary = input.glossary.filter((g) => g.language === language);
  for (const j of jargonIn(text, glossary, customerText)) {
    add(
      "jargon",
      "info",
      j.span.start,
      j.span.end,
      msg.jargon(j.span.text, j.term.explanation),
      `${j.span.text} (${j.term.explanation})`,
    );
  }

  for (const d of relativeDatesIn(text, lexicon, input.now, input.timeZone)) {
    add(
      "relative_date",
      "warning",
      d.start,
      d.end,
      msg.relativeDate(d.text, d.explicit, d.alternative),
      d.replacement,
    );
  }

  for (const p of undatedPromisesIn(text, sentences, lexicon)) {
    add("undated_promise", "warning", p.start, p.end, msg.undatedPromise(p.text));
  }

  for (const id of findIdentifiers(text)) {
    const shown = body.slice(id.start, id.end);
    // A mistyped identifier is reported as such; whose it is would be a guess.
    if (!id.checkDigitValid)
      add("invalid_identifier", "warning", id.start, id.end, msg.invalidIdentifier(id.kind, shown));
    else if (input.identifierOwners.get(id.value) === "foreign") {
      add("foreign_identifier", "warning", id.start, id.end, msg.foreignIdentifier(id.kind, shown));
    }
  }

  for (const t of customerTermsIn(text, customerText, lexicon)) {
    add(
      "customer_term",
      "info",
      t.span.start,
      t.span.end,
      msg.customerTerm(t.span.text, t.theirs),
      withCaseOf(t.span.text, t.theirs),
    );
  }

  // Word overlap says nothing across two languages: the mismatch finding covers that case.
  const lastMail = input.customerMails.at(-1);
  if (lastMail && (!customerLanguage || customerLanguage === language)) {
    const questions = sentencesOf(ownLines(lastMail), language).filter((s) =>
      /[?？]\s*$/.test(s.text),
    );
    const open = unansweredQuestions(text, words, questions, lexicon);
    if (open.length)
      add("unanswered_question", "warning", 0, body.length, msg.unansweredQuestion(open));
  }

  for (const p of placeholdersIn(text))
    add("unfilled_placeholder", "warning", p.start, p.end, msg.unfilledPlaceholder(p.text));

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { language, readability: { formula: read.formula, score: read.score }, findings };
}
