import { type Command, InvalidArgumentError } from "commander";
import { seg } from "../client.js";
import { type CliContext, contextOf, oneOf, positiveInt } from "../context.js";
import { note, out, printJson, printTable } from "../format.js";
import { bodyFrom, resolveCase } from "./cases.js";

const LANGUAGES = ["en", "it", "sv"] as const;

interface Finding {
  rule: string;
  severity: "info" | "warning";
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}
interface CheckResult {
  language: string;
  readability: { formula: string; score: number };
  findings: Finding[];
}
interface Term {
  language: string;
  term: string;
  explanation: string;
  origin: string;
  updatedAt: string;
}

/** Line and column (1-based) of a UTF-16 offset, for an editor's "go to". */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return `${line}:${column}`;
}

/** A check for people: the language and readability, then each finding where it is, why, and what instead. */
function printCheck(ctx: CliContext, body: string, r: CheckResult) {
  if (ctx.json) return printJson(r);
  out(`Language ${r.language}, readability ${r.readability.formula} ${r.readability.score}`);
  if (r.findings.length === 0) return out("No findings.");
  out(`${r.findings.length} finding${r.findings.length === 1 ? "" : "s"}:`);
  for (const f of r.findings) {
    const whole = f.start === 0 && f.end === body.length;
    const span = body.slice(f.start, f.end).replace(/\s+/g, " ");
    const where = whole ? "whole text" : `${lineColumn(body, f.start)} "${span}"`;
    out(`  ${f.severity.padEnd(7)} ${f.rule}  ${where}`);
    out(`          ${f.message}`);
    if (f.suggestion !== undefined) out(`          → ${f.suggestion}`);
  }
}

/** `--file reply.txt` (or `-` for stdin), read as the draft. */
const draftFrom = (file: string) => bodyFrom(file === "-" ? "-" : `@${file}`);

const language = oneOf(LANGUAGES, (s) => s.toLowerCase());

/** `otter cases check <case> --file reply.txt`: the clarity check of a draft on a case. */
export function registerCaseCheck(cases: Command) {
  cases
    .command("check <case>")
    .description(
      "Check a draft reply for clarity against the case's customer (nothing is sent; docs/clarity.md).",
    )
    .requiredOption("--file <path>", "the draft reply, as plain text (`-` reads stdin)")
    .action(async (ref: string, opts: { file: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const body = draftFrom(opts.file);
      const id = await resolveCase(ctx, ref);
      const r = await ctx.client.post<CheckResult>(`/api/v1/cases/${seg(id)}/replies/check`, {
        body,
      });
      printCheck(ctx, body, r);
    });
}

export function registerClarity(program: Command) {
  const clarity = program
    .command("clarity")
    .description("The clarity check of replies: text checks, the glossary, the team's statistics.");

  clarity
    .command("check")
    .description("Check text that is not on a case yet.")
    .requiredOption("--file <path>", "the text (`-` reads stdin)")
    .option("--language <code>", "check in en, it or sv (default: detected)", language)
    .option("--time-zone <zone>", "the reader's IANA time zone, for relative dates")
    .option("--account <accountId>", "the customer it is for (its identifiers and time zone)")
    .action(
      async (
        opts: { file: string; language?: string; timeZone?: string; account?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const body = draftFrom(opts.file);
        const r = await ctx.client.post<CheckResult>("/api/v1/clarity/check", {
          body,
          language: opts.language,
          timeZone: opts.timeZone,
          accountId: opts.account,
        });
        printCheck(ctx, body, r);
      },
    );

  clarity
    .command("stats")
    .description("Per week, the share of replies sent with open findings, by rule.")
    .option("--weeks <n>", "how many weeks back, this one included (default 8)", positiveInt(104))
    .action(async (opts: { weeks?: number }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.get<{
        weeks: {
          week: string;
          replies: number;
          withOpenFindings: number;
          share: number;
          byRule: { rule: string; replies: number; share: number }[];
        }[];
      }>("/api/v1/clarity/stats", { weeks: opts.weeks });
      if (ctx.json) return printJson(r);
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      printTable(
        r.weeks,
        [
          { header: "WEEK", value: (w) => w.week },
          { header: "REPLIES", value: (w) => w.replies },
          { header: "OPEN", value: (w) => w.withOpenFindings },
          { header: "SHARE", value: (w) => pct(w.share) },
          {
            header: "BY RULE",
            value: (w) => w.byRule.map((b) => `${b.rule} ${pct(b.share)}`).join(", "),
          },
        ],
        "No weeks.",
      );
    });

  const glossary = clarity
    .command("glossary")
    .description("The glossary of jargon the check explains, per language (en, it, sv).");

  const languageArg = (raw: string) => {
    try {
      return language(raw);
    } catch {
      throw new InvalidArgumentError(`Expected a language: ${LANGUAGES.join(", ")}.`);
    }
  };

  glossary
    .command("list")
    .description("List the terms, of one language or all.")
    .option("--language <code>", "only this language", language)
    .action(async (opts: { language?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.get<{ items: Term[] }>("/api/v1/clarity/glossary", {
        language: opts.language,
      });
      if (ctx.json) return printJson(r);
      printTable(
        r.items,
        [
          { header: "LANG", value: (x) => x.language },
          { header: "TERM", value: (x) => x.term },
          { header: "ORIGIN", value: (x) => x.origin },
          { header: "EXPLANATION", value: (x) => x.explanation },
        ],
        "The glossary is empty.",
      );
    });

  glossary
    .command("add <language> <term> <explanation>")
    .description("Add a term and its plain explanation.")
    .action(async (lang: string, term: string, explanation: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.post<Term>(`/api/v1/clarity/glossary/${seg(languageArg(lang))}`, {
        term,
        explanation,
      });
      if (ctx.json) return printJson(r);
      out(`Added ${r.term} (${r.language}): ${r.explanation}`);
    });

  glossary
    .command("update <language> <term> <explanation>")
    .description("Change a term's explanation (and with --rename, its spelling).")
    .option("--rename <spelling>", "a new spelling for the term")
    .action(
      async (
        lang: string,
        term: string,
        explanation: string,
        opts: { rename?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const r = await ctx.client.put<Term>(
          `/api/v1/clarity/glossary/${seg(languageArg(lang))}/${seg(term)}`,
          { explanation, ...(opts.rename ? { term: opts.rename } : {}) },
        );
        if (ctx.json) return printJson(r);
        out(`Changed ${r.term} (${r.language}): ${r.explanation}`);
      },
    );

  glossary
    .command("remove <language> <term>")
    .description("Remove a term: the check stops flagging it (a shipped term does not come back).")
    .action(async (lang: string, term: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await ctx.client.delete(`/api/v1/clarity/glossary/${seg(languageArg(lang))}/${seg(term)}`);
      note(`Removed ${term} (${lang}).`);
    });
}
