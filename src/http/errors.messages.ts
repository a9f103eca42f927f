import type { FastifyRequest } from "fastify";
import type { ErrorKind } from "../lib/errors.js";
import { preferredLanguage } from "../lib/messages/accept-language.js";
import { defineCatalog, type Locale, type Message } from "../lib/messages/messages.js";

/**
 * The error envelope's `text`: what kind of refusal it is, in the caller's language, with Otter's
 * own (English) message kept in it, since that message names the very thing refused. English gets
 * the message as it is.
 */
export const errorText = defineCatalog({
  en: {
    "error.not_found": "{message}",
    "error.validation": "{message}",
    "error.field_invalid": "{field}: {detail}",
    "error.forbidden": "{message}",
    "error.conflict": "{message}",
    "error.unauthenticated": "{message}",
    "error.rate_limited": "{message}",
    "error.internal": "{message}",
  },
  it: {
    "error.not_found":
      "Non trovato: non esiste, oppure non rientra in ciò che puoi vedere. ({message})",
    "error.validation": "La richiesta non è valida. ({message})",
    "error.field_invalid": "Il campo {field} non è valido: {detail}.",
    "error.forbidden": "Il tuo ruolo non consente questa operazione. ({message})",
    "error.conflict": "L'operazione non è possibile nello stato attuale. ({message})",
    "error.unauthenticated":
      "Serve l'accesso: accedi di nuovo oppure invia una chiave API valida. ({message})",
    "error.rate_limited": "Troppe richieste: riprova tra poco. ({message})",
    "error.internal":
      "Otter ha incontrato un errore imprevisto, registrato con l'id di richiesta. ({message})",
  },
  sv: {
    "error.not_found":
      "Hittades inte: det finns inte, eller så har du inte behörighet att se det. ({message})",
    "error.validation": "Begäran är ogiltig. ({message})",
    "error.field_invalid": "Fältet {field} är ogiltigt: {detail}.",
    "error.forbidden": "Din roll tillåter inte den här åtgärden. ({message})",
    "error.conflict": "Det går inte i det nuvarande läget. ({message})",
    "error.unauthenticated":
      "Inloggning krävs: logga in igen eller skicka en giltig API-nyckel. ({message})",
    "error.rate_limited": "För många förfrågningar: försök igen om en stund. ({message})",
    "error.internal": "Otter stötte på ett oväntat fel, loggat med förfrågans id. ({message})",
  },
});

/** The language (and zone) to refuse a request in: the principal's, else its Accept-Language. */
export function errorLocale(req: FastifyRequest): Locale {
  if (req.principal?.locale) return req.principal.locale;
  return { language: preferredLanguage(req.headers["accept-language"]) ?? "en", timeZone: "UTC" };
}

const BY_KIND: Partial<Record<ErrorKind, Parameters<typeof errorText.msg>[0]>> = {
  not_found: "error.not_found",
  validation: "error.validation",
  forbidden: "error.forbidden",
  conflict: "error.conflict",
  unauthenticated: "error.unauthenticated",
  rate_limited: "error.rate_limited",
  internal: "error.internal",
};

/** The envelope's `text` for a refusal of this kind; the message itself for kinds not listed. */
export function errorTextOf(
  req: FastifyRequest,
  kind: ErrorKind,
  message: string,
  field?: { field: string; detail: string },
): string {
  const locale = errorLocale(req);
  const code = BY_KIND[kind];
  if (!code || locale.language === "en") return message;
  const m: Message = field
    ? errorText.msg("error.field_invalid", field)
    : errorText.msg(code, { message });
  return errorText.text(m, locale);
}
