/**
 * The clarity check's contract: what the pure check (clarity-check.ts) takes and answers. The
 * desk's service gathers the inputs (the case's customer mails, the contact's language and time
 * zone, the glossary, which identifiers belong to the customer) and the check does no I/O.
 */

export type ClarityLanguage = "en" | "it" | "sv";
export type ReadabilityFormula = "flesch" | "gulpease" | "lix";
export type ClaritySeverity = "info" | "warning";

export const CLARITY_RULES = [
  "language_mismatch",
  "readability",
  "long_sentence",
  "passive_voice",
  "jargon",
  "relative_date",
  "undated_promise",
  "invalid_identifier",
  "foreign_identifier",
  "customer_term",
  "unanswered_question",
  "unfilled_placeholder",
] as const;
export type ClarityRule = (typeof CLARITY_RULES)[number];

export interface ClarityFinding {
  rule: ClarityRule;
  severity: ClaritySeverity;
  /** Offsets into the body in UTF-16 code units; a finding about the whole text spans all of it. */
  start: number;
  end: number;
  /** Plain explanation in the reply's language: which rule, and why. */
  message: string;
  /** Replacement for body.slice(start, end), accepted in one action. */
  suggestion?: string;
}

export interface ClarityResult {
  language: ClarityLanguage;
  readability: { formula: ReadabilityFormula; score: number };
  findings: ClarityFinding[];
}

export interface GlossaryTerm {
  language: ClarityLanguage;
  term: string;
  /** The plain explanation offered in place of (or beside) the term. */
  explanation: string;
}

/** An identifier the check found in a body: the service resolves who it belongs to. */
export interface FoundIdentifier {
  kind: "iccid" | "imsi" | "msisdn" | "imei" | "invoice";
  value: string;
  start: number;
  end: number;
  /** False when the identifier has a check digit (ICCID, IMEI) and it does not hold. */
  checkDigitValid: boolean;
}

export interface ClarityInput {
  body: string;
  /** The language to check in; when absent, detected from the body. */
  language?: ClarityLanguage;
  /** The customer's language: the contact's, else detected from customerMails; absent when unknown. */
  customerLanguage?: ClarityLanguage;
  /** The customer's mails on this case, oldest first, as plain text (the last is the one answered). */
  customerMails: string[];
  /** The glossary of the reply's language (and others; the check filters by language). */
  glossary: GlossaryTerm[];
  /**
   * Who each identifier found in the body belongs to, keyed by FoundIdentifier.value: "own" (this
   * case's customer), "foreign" (another customer, or unknown to Otter). Missing keys are not judged.
   */
  identifierOwners: ReadonlyMap<string, "own" | "foreign">;
  /** Now, and the customer's IANA time zone, for turning relative dates into explicit ones. */
  now: Date;
  timeZone: string;
}
