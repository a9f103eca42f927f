import type { Span } from "./clarity-text.js";

/**
 * Placeholders left in a reply. Otter's saved replies write `{{contact.firstName}}`
 * (src/modules/desk/knowledge/placeholders.ts) and keep an unknown value as `{{name}}` in the text;
 * replies pasted from elsewhere bring `[NAME]`, `[Customer name]`, `<customer>`, `%NAME%`, `{name}`
 * and `XXX`. An e-mail address in angle brackets (`<anna@example.com>`) or a reference in square
 * brackets with digits (`[Case #1234]`) is not a placeholder.
 */
const PATTERNS: RegExp[] = [
  /\{\{[^{}\n]{0,60}\}\}/g,
  /(?<!\{)\{[A-Za-z_][\w.]{0,40}\}(?!\})/g,
  /\[[A-ZÀ-Ý_][A-ZÀ-Ý_ ]{2,40}\]/g,
  /\[[^\]\n\d#]{0,40}\b(?:name|nome|namn|date|data|datum|number|numero|nummer|customer|cliente|kund|agent|operatore|handläggare)\b[^\]\n\d#]{0,40}\]/gi,
  /<[A-Za-z_][\w ]{0,40}>/g,
  /%[A-Z_]{2,40}%/g,
  /\b(?:XXX+|xxx+)\b/g,
];

export function placeholdersIn(body: string): Span[] {
  const found: Span[] = [];
  for (const re of PATTERNS) {
    for (const m of body.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
