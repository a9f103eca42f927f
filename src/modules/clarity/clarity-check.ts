import type {
  ClarityFinding,
  ClarityInput,
  ClarityLanguage,
  ClarityResult,
  ClarityRule,
} from "./clarity.types.js";
import { findIdentifiers } from "./clarity-identifiers.js";
import { detectLanguage } from "./clarity-language.js";
import { barText, MESSAGES } from "./clarity-messages.js";
import { placeholdersIn } from "./clarity-placeholders.js";
import { HARD, readability } from "./clarity-readability.js";
import { ownLines, sentencesOf, wordsOf } from "./clarity-text.js";

export { findIdentifiers } from "./clarity-identifiers.js";

/**
 * The clarity check of a reply to a customer: what a careful senior agent would tell a colleague
 * about a draft, in seconds. Pure (no I/O, no clock: `now` comes in), deterministic, and every
 * finding says which rule and why, in the reply's language. See docs/clarity-rules.md.
 */
export function checkClarity(input: ClarityInput): ClarityResult {
  const { body } = input;
  const customerText = input.customerMails.map(ownLines).join("\n");
  const customerLanguage = input.customerLanguage ?? detectLanguage(customerText);
  const language: ClarityLanguage =
    input.language ?? detectLanguage(body) ?? customerLanguage ?? "en";
  const msg = MESSAGES[language];
  const findings: ClarityFinding[] = [];
  const add = (
    rule: ClarityRule,
    severity: ClarityFinding["severity"],
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

  // The language the body is written in, which may differ from the one asked for.
  const written = detectLanguage(body) ?? language;
  if (customerLanguage && customerLanguage !== written) {
    add(
      "language_mismatch",
      "warning",
      0,
      body.length,
      msg.languageMismatch(customerLanguage, written),
    );
  }

  const sentences = sentencesOf(body, language);
  const words = wordsOf(body);
  const read = readability(body, language, sentences, words);
  if (read.hard) {
    const bar = HARD[read.formula];
    add(
      "readability",
      "info",
      0,
      body.length,
      msg.readability(
        read.formula,
        read.score,
        barText(language, read.formula, (bar.below ?? bar.above)!),
      ),
    );
  }

  for (const id of findIdentifiers(body)) {
    const owner = input.identifierOwners.get(id.value);
    if (!id.checkDigitValid)
      add(
        "invalid_identifier",
        "warning",
        id.start,
        id.end,
        msg.invalidIdentifier(id.kind, body.slice(id.start, id.end)),
      );
    else if (owner === "foreign")
      add(
        "foreign_identifier",
        "warning",
        id.start,
        id.end,
        msg.foreignIdentifier(id.kind, body.slice(id.start, id.end)),
      );
  }

  for (const p of placeholdersIn(body))
    add("unfilled_placeholder", "warning", p.start, p.end, msg.unfilledPlaceholder(p.text));

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { language, readability: { formula: read.formula, score: read.score }, findings };
}
