import { z } from "zod";
import { CLARITY_RULES } from "./clarity.types.js";

const LANGUAGES = ["en", "it", "sv"] as const;
const language = z.enum(LANGUAGES).describe("An ISO 639-1 code: en, it or sv.");
const rule = z.enum(CLARITY_RULES);

/** The draft of a reply: at most 100,000 characters (a reply, not a manual). */
const body = z.string().min(1).max(100_000).describe("The draft reply, as plain text.");

export const caseCheckInput = z.object({ body }).strict();

export const standaloneCheckInput = z
  .object({
    body,
    language: language
      .optional()
      .describe("The language to check in; detected from the text when absent."),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe(
        "The reader's IANA time zone, for turning relative dates into dates (the customer's when `accountId` is given, else UTC).",
      ),
    accountId: z
      .string()
      .uuid()
      .optional()
      .describe(
        "The customer the text is for: identifiers that are not its own are flagged, and its time zone applies.",
      ),
  })
  .strict();

export const findingOut = z
  .object({
    rule,
    severity: z.enum(["info", "warning"]),
    start: z
      .number()
      .int()
      .describe("Offset into `body` in UTF-16 code units (JavaScript string index)."),
    end: z
      .number()
      .int()
      .describe("End offset (exclusive); a finding about the whole text spans all of it."),
    message: z
      .string()
      .describe("A plain explanation in the reply's language: which rule, and why."),
    suggestion: z
      .string()
      .optional()
      .describe("Replacement for body[start, end), accepted in one action."),
  })
  .meta({ id: "ClarityFinding" });

export const checkOut = z
  .object({
    language,
    readability: z.object({
      formula: z.enum(["flesch", "gulpease", "lix"]),
      score: z.number(),
    }),
    findings: z.array(findingOut),
  })
  .meta({ id: "ClarityCheck" });

/**
 * What the agent did with the findings of the draft, sent with the reply (`clarity` on
 * `POST /api/v1/cases/{id}/replies`): each decision names the rule and the text it was about.
 */
export const replyDecisionsInput = z
  .object({
    decisions: z
      .array(
        z
          .object({
            rule,
            decision: z.enum(["accepted", "dismissed"]),
            text: z
              .string()
              .max(100_000)
              .describe("The text of the finding's span in the draft (`body.slice(start, end)`)."),
            suggestion: z.string().max(10_000).optional().describe("The accepted replacement."),
            message: z.string().max(2_000).optional(),
            severity: z.enum(["info", "warning"]).optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict()
  .describe(
    "The clarity findings of the draft the agent accepted or dismissed (docs/clarity.md). The server checks the reply again as sent and stores its findings with these decisions; findings never block sending.",
  );

export const glossaryLanguageParams = z.object({ language });
export const glossaryTermParams = z.object({
  language,
  term: z.string().min(1).max(100),
});

export const glossaryQuery = z.object({
  language: language.optional().describe("Only the terms of this language."),
});

const termText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\r\n\t]+$/, "A term is one line.")
  .describe("The word or acronym as written (compared case-insensitively).");
const explanation = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .describe("The plain explanation the check offers in its place.");

export const addTermInput = z.object({ term: termText, explanation }).strict();
export const updateTermInput = z
  .object({
    term: termText.optional().describe("A new spelling for the term."),
    explanation,
  })
  .strict();

export const termOut = z
  .object({
    language,
    term: z.string(),
    explanation: z.string(),
    origin: z
      .enum(["shipped", "team"])
      .describe("`shipped` with Otter (until changed), or added or changed by the team."),
    updatedAt: z.string(),
  })
  .meta({ id: "ClarityGlossaryTerm" });

export const glossaryOut = z.object({ items: z.array(termOut) });

export const statsQuery = z.object({
  weeks: z.coerce
    .number()
    .int()
    .min(1)
    .max(104)
    .default(8)
    .describe("How many weeks back, this week included (ISO weeks, Monday to Sunday, UTC)."),
});

export const statsOut = z
  .object({
    weeks: z.array(
      z.object({
        week: z.string().describe("The Monday the week starts on (UTC), YYYY-MM-DD."),
        replies: z.number().int().describe("Replies sent in the week."),
        withOpenFindings: z
          .number()
          .int()
          .describe("Of them, replies sent with at least one finding not accepted."),
        share: z.number().describe("withOpenFindings / replies, 0 to 1 (0 without replies)."),
        byRule: z.array(
          z.object({
            rule,
            replies: z.number().int().describe("Replies sent with an open finding of this rule."),
            share: z.number().describe("replies / the week's replies."),
            dismissed: z.number().int().describe("Findings of this rule the agents dismissed."),
            accepted: z
              .number()
              .int()
              .describe("Suggestions of this rule the agents accepted before sending."),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ClarityStats" });

export const sentCheckOut = z
  .object({
    language,
    readability: z.object({ formula: z.enum(["flesch", "gulpease", "lix"]), score: z.number() }),
    sentAt: z.string(),
    findings: z.array(
      z.object({
        rule,
        severity: z.enum(["info", "warning"]),
        decision: z.enum(["open", "dismissed", "accepted"]),
        start: z.number().int().nullable(),
        end: z.number().int().nullable(),
        text: z.string(),
        message: z.string(),
        suggestion: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ClaritySentCheck" });

export const caseEntryParams = z.object({ id: z.string().uuid(), entryId: z.string().uuid() });
export const caseIdParams = z.object({ id: z.string().uuid() });
