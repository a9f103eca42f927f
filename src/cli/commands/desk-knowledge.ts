import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError, seg } from "../client.js";
import { contextOf, positiveInt } from "../context.js";
import { out, printFields, printJson, printTable } from "../format.js";

interface Macro {
  id: string;
  name: string;
  body: string;
  tags: string[];
  placeholders: string[];
  createdAt: string;
  updatedAt: string;
}
interface Article {
  id: string;
  title: string;
  body: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}
interface CaseRow {
  id: string;
  number: number;
  state: string;
  priority: string;
  subject: string;
  updatedAt: string;
}
interface Caller {
  number: string;
  matches: {
    contact: { id: string; name: string; email: string | null; phone: string | null };
    account: { id: string; name: string };
    openCases: CaseRow[];
  }[];
}

/** `--body -` reads stdin; `--body @file` reads a file; anything else is the text itself. */
function textFrom(value: string): string {
  if (value === "-") return readFileSync(0, "utf8");
  if (!value.startsWith("@")) return value;
  try {
    return readFileSync(value.slice(1), "utf8");
  } catch (err) {
    const code =
      (err as NodeJS.ErrnoException).code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
    throw new CliError(code, `${value.slice(1)}: ${(err as Error).message}`);
  }
}

const firstLine = (s: string, max = 60) => {
  const line = s.trim().split("\n")[0] ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** `otter desk caller`, `otter desk macros …` and `otter desk articles …` (docs/desk.md, docs/desk-knowledge.md). */
export function registerDeskKnowledge(desk: Command) {
  desk
    .command("caller <number>")
    .description(
      "Who is calling: the contacts with this number, their customer and its open cases.",
    )
    .action(async (number: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.get<Caller>("/api/v1/desk/callers", { number });
      if (ctx.json) return printJson(r);
      if (r.matches.length === 0) return out(`No contact has the number ${r.number}.`);
      r.matches.forEach((m, i) => {
        if (i > 0) out();
        printFields([
          ["Contact", `${m.contact.name}${m.contact.email ? ` <${m.contact.email}>` : ""}`],
          ["Phone", m.contact.phone],
          ["Customer", `${m.account.name} (${m.account.id})`],
        ]);
        out();
        printTable(
          m.openCases,
          [
            { header: "CASE", value: (c) => `#${c.number}` },
            { header: "STATE", value: (c) => c.state },
            { header: "PRIORITY", value: (c) => c.priority },
            { header: "UPDATED", value: (c) => c.updatedAt },
            { header: "SUBJECT", value: (c) => c.subject },
          ],
          "No open cases.",
        );
      });
    });

  const macros = desk
    .command("macros")
    .description("Saved replies with placeholders ({{contact.firstName}}, {{case.number}} …).");
  macros
    .command("list")
    .description("Saved replies, by name.")
    .option("--search <text>", "words in the name or the text")
    .option("--tag <tag>", "only this tag")
    .action(async (opts: { search?: string; tag?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const r = await ctx.client.get<{ items: Macro[] }>("/api/v1/desk/macros", {
        q: opts.search,
        tag: opts.tag,
      });
      if (ctx.json) return printJson(r);
      printTable(
        r.items,
        [
          { header: "NAME", value: (m) => m.name },
          { header: "TAGS", value: (m) => m.tags.join(", ") },
          { header: "ID", value: (m) => m.id },
          { header: "TEXT", value: (m) => firstLine(m.body) },
        ],
        "No saved replies yet: add one with `otter desk macros add --name … --body …`.",
      );
    });
  macros
    .command("add")
    .description("Save a reply; an unknown placeholder is refused (MACRO_UNKNOWN_PLACEHOLDER).")
    .requiredOption("--name <name>", "a unique name")
    .requiredOption("--body <text>", "the text; `-` reads stdin, `@file` reads a file")
    .option("--tag <tag...>", "tags")
    .action(async (opts: { name: string; body: string; tag?: string[] }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const m = await ctx.client.post<Macro>("/api/v1/desk/macros", {
        name: opts.name,
        body: textFrom(opts.body),
        tags: opts.tag,
      });
      if (ctx.json) return printJson(m);
      out(
        `Saved reply "${m.name}" added (${m.id})${m.placeholders.length ? `; placeholders: ${m.placeholders.join(", ")}` : ""}.`,
      );
    });
  macros
    .command("show <id>")
    .description("A saved reply with its text.")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const m = await ctx.client.get<Macro>(`/api/v1/desk/macros/${seg(id)}`);
      if (ctx.json) return printJson(m);
      printFields([
        ["Name", m.name],
        ["Id", m.id],
        ["Tags", m.tags],
        ["Placeholders", m.placeholders],
        ["Updated", m.updatedAt],
      ]);
      out();
      out(m.body.trimEnd());
    });
  macros
    .command("delete <id>")
    .description("Delete a saved reply.")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await ctx.client.delete(`/api/v1/desk/macros/${seg(id)}`);
      if (ctx.json) return printJson({ id, deleted: true });
      out(`Saved reply ${id} deleted.`);
    });

  const articles = desk
    .command("articles")
    .description("The knowledge base: answers the team reuses.");
  articles
    .command("search [words]")
    .description("Find articles (best matches first); without words, the newest.")
    .option("--tag <tag>", "only this tag")
    .option("--limit <n>", "how many", positiveInt(200), 50)
    .action(
      async (words: string | undefined, opts: { tag?: string; limit: number }, cmd: Command) => {
        const ctx = contextOf(cmd);
        const r = await ctx.client.get<{ items: Article[] }>("/api/v1/desk/articles", {
          q: words,
          tag: opts.tag,
          limit: opts.limit,
        });
        if (ctx.json) return printJson(r);
        printTable(
          r.items,
          [
            { header: "TITLE", value: (a) => a.title },
            { header: "TAGS", value: (a) => a.tags.join(", ") },
            { header: "ID", value: (a) => a.id },
          ],
          words
            ? `No article matches "${words}".`
            : "No articles yet: add one with `otter desk articles add --title … --body …`.",
        );
      },
    );
  articles
    .command("add")
    .description("Add an article.")
    .requiredOption("--title <title>", "the title")
    .requiredOption("--body <text>", "the text; `-` reads stdin, `@file` reads a file")
    .option("--tag <tag...>", "tags")
    .action(async (opts: { title: string; body: string; tag?: string[] }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const a = await ctx.client.post<Article>("/api/v1/desk/articles", {
        title: opts.title,
        body: textFrom(opts.body),
        tags: opts.tag,
      });
      if (ctx.json) return printJson(a);
      out(`Article "${a.title}" added (${a.id}).`);
    });
  articles
    .command("show <id>")
    .description("An article with its text.")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const a = await ctx.client.get<Article>(`/api/v1/desk/articles/${seg(id)}`);
      if (ctx.json) return printJson(a);
      printFields([
        ["Title", a.title],
        ["Id", a.id],
        ["Tags", a.tags],
        ["Updated", a.updatedAt],
      ]);
      out();
      out(a.body.trimEnd());
    });
  articles
    .command("delete <id>")
    .description("Delete an article.")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      await ctx.client.delete(`/api/v1/desk/articles/${seg(id)}`);
      if (ctx.json) return printJson({ id, deleted: true });
      out(`Article ${id} deleted.`);
    });
}
