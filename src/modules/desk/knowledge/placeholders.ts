import { validationError } from "../../../lib/errors.js";
import { listSome } from "../../../lib/list-some.js";

/**
 * Placeholders of saved replies: `{{contact.firstName}}`, `{{case.number}}`… Pure.
 *
 * Hand-written on purpose (a regex, not Mustache/Handlebars): replies are plain text, so a template
 * engine's HTML escaping, sections and partials would only get in the way, and what we need most
 * — refusing an unknown name when the macro is saved — is one lookup in this list.
 */
export const PLACEHOLDERS = {
  "contact.firstName": "First name of the case's contact (or of the sender)",
  "contact.lastName": "Last name of the case's contact",
  "contact.name": "Full name of the case's contact",
  "contact.email": "E-mail address of the case's contact",
  "case.number": "The case number, e.g. 1234",
  "case.tag": "The subject tag, e.g. [Case #1234]",
  "case.subject": "The case subject",
  "case.state": "The case state",
  "case.priority": "The case priority",
  "account.name": "The customer account's name",
  "sim.iccid": "ICCID of the first SIM linked to the case",
  "sim.msisdn": "MSISDN of the first SIM linked to the case",
  "sim.state": "Lifecycle state of the first SIM linked to the case",
  "agent.name": "Name of the agent rendering the reply",
  "agent.email": "E-mail address of the agent rendering the reply",
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

const TOKEN = /\{\{\s*([A-Za-z0-9_.]*)\s*\}\}/g;

/** Every placeholder a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];
}

/** Refuses a text that names a placeholder Otter does not know, naming it. */
export function checkPlaceholders(field: string, text: string): PlaceholderName[] {
  const used = placeholdersIn(text);
  const unknown = used.filter((n) => !(n in PLACEHOLDERS));
  if (unknown.length) {
    throw validationError(
      field,
      "MACRO_UNKNOWN_PLACEHOLDER",
      `${field}: unknown placeholder ${listSome(unknown, (n) => `{{${n}}}`)}; known: ${Object.keys(PLACEHOLDERS).join(", ")}.`,
    );
  }
  return used as PlaceholderName[];
}

/**
 * Fills the placeholders. A value that is not known for this case (no SIM linked, no contact)
 * stays as the placeholder in the text and is listed in `missing`, so the agent sees what to fill
 * before sending instead of a sentence with a silent hole.
 */
export function renderPlaceholders(
  text: string,
  values: Partial<Record<PlaceholderName, string | null | undefined>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const out = text.replace(TOKEN, (whole, name: string) => {
    const v = values[name as PlaceholderName];
    if (v == null || v === "") {
      missing.add(name);
      return whole;
    }
    return v;
  });
  return { text: out, missing: [...missing] };
}
