/**
 * Line breaks for the one-line SQL Kysely compiles: each clause on its own line, `and`/`or` of a
 * condition on their own, a subquery indented inside its parentheses. Only whitespace changes.
 * Hand-written because no SQL formatter is among the project's dependencies; `sql-formatter`
 * (Immich's choice) would replace it.
 */

/** Clause keywords that start a line, longest first so `left join` wins over `join`. */
const CLAUSES = [
  "do update set",
  "on conflict",
  "do nothing",
  "insert into",
  "delete from",
  "inner join",
  "left join",
  "right join",
  "full join",
  "cross join",
  "cross join lateral",
  "left join lateral",
  "union all",
  "group by",
  "order by",
  "for update",
  "for share",
  "for no key update",
  "returning",
  "select",
  "update",
  "values",
  "having",
  "offset",
  "window",
  "where",
  "limit",
  "union",
  "from",
  "join",
  "with",
  "set",
].sort((a, b) => b.length - a.length);
const CONNECTIVES = ["and", "or"];

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

export function formatSql(sql: string): string {
  const lines: string[] = [];
  let line = "";
  let lineIndent = 0;
  /** Per open parenthesis: the indent of its subquery, or null for an inline expression. */
  const parens: { inner: number | null; opener: number }[] = [];
  const top = () => parens[parens.length - 1];
  const clauseIndent = () => top()?.inner ?? 0;
  const atClauseLevel = () => parens.length === 0 || top()!.inner !== null;
  const breakLine = (indent: number) => {
    if (line.trim()) lines.push(line.trimEnd());
    line = "  ".repeat(indent);
    lineIndent = indent;
  };
  const wordAt = (i: number, words: string[]) =>
    words.find(
      (w) =>
        sql.slice(i, i + w.length).toLowerCase() === w &&
        !isWordChar(sql[i - 1]) &&
        !isWordChar(sql[i + w.length]),
    );

  for (let i = 0; i < sql.length;) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      // A quoted literal or identifier goes through whole ('' and "" escape a quote).
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      line += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "(") {
      const block = /^\(\s*(select|with)\b/i.test(sql.slice(i, i + 8));
      parens.push({ inner: block ? lineIndent + 1 : null, opener: lineIndent });
      line += c;
      i++;
      if (block) {
        breakLine(lineIndent + 1);
        while (sql[i] === " ") i++;
      }
      continue;
    }
    if (c === ")") {
      const paren = parens.pop();
      if (paren?.inner != null) breakLine(paren.opener);
      line += c;
      i++;
      continue;
    }
    if (atClauseLevel() && !isWordChar(sql[i - 1])) {
      const clause = wordAt(i, CLAUSES);
      const connective = clause ? undefined : wordAt(i, CONNECTIVES);
      const word = clause ?? connective;
      if (word && line.trim()) {
        breakLine(clauseIndent() + (connective ? 1 : 0));
        line += sql.slice(i, i + word.length);
        i += word.length;
        continue;
      }
    }
    if (c === " " && line.trim() === "") {
      i++;
      continue;
    }
    line += c;
    i++;
  }
  breakLine(0);
  return lines.join("\n");
}
