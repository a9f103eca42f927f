/**
 * Server message catalogs: text Otter composes (a diagnosis verdict, an action's steps, a
 * connectivity reason, a warning) is built as a `Message` — a stable code and its parameters — and
 * rendered in the language and time zone of the principal who asked. A catalog is one object per
 * area (`<area>.messages.ts` beside its module) with a template per code in every language; English
 * is the reference and the other languages must have its codes with the same placeholders
 * (`test/structure/messages.test.ts`).
 *
 * A template is text with placeholders `{name}` or `{name:format}`:
 * - `date` an ISO instant → date and time in the locale and time zone;
 * - `duration` milliseconds → "42 h", "3 giorni";
 * - `bytes` a byte count → "1.2 MB";
 * - `number` → grouped digits in the locale;
 * - `money` "12.50 EUR" (a decimal string and its ISO 4217 code) → the amount as the language writes
 *   money, with the currency's decimals and any further ones the amount has (a price per MB);
 * - `mb` a byte count → megabytes as billing counts them (1 MB = 1,048,576 bytes), up to 6 decimals;
 * - `day` a calendar day (2026-10-31) → the date in the language, never shifted by a time zone;
 * - `state` a SIM state (ACTIVATED) → its word; `conn` a connectivity state (ONLINE) → its word;
 * - `country` an ISO 3166 code (KE) → the country's name (anything else is shown as it is);
 * - `msg` a nested Message (or a list of them, joined by commas) of the same catalog or one it
 *   includes, rendered in the same language; `sentences` a list of messages joined by spaces.
 *
 * Besides the principal's `text`, a catalog renders the API's long-standing English fields
 * (`legacy`): the same English template with the parameters as those fields always showed them
 * (ISO instants, raw byte counts, state codes), so their text does not change for API clients.
 */
import { Decimal } from "decimal.js";
import { CONNECTIVITY_WORDS, SIM_STATE_WORDS } from "./words.js";

export const LANGUAGES = ["en", "it", "sv"] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (s: unknown): s is Language =>
  typeof s === "string" && (LANGUAGES as readonly string[]).includes(s);

/** The language and time zone to render for one principal. */
export interface Locale {
  language: Language;
  timeZone: string;
}
export const DEFAULT_LOCALE: Locale = { language: "en", timeZone: "UTC" };

export type ParamValue = string | number | null | Message | Message[];
export interface Message {
  code: string;
  params: Record<string, ParamValue>;
}
/** A message as the API answers it: its code and parameters, and its text in the caller's language. */
export interface RenderedMessage extends Message {
  text: string;
}

export type Templates<E extends Record<string, string>> = {
  en: E;
  it: Record<keyof E, string>;
  sv: Record<keyof E, string>;
};

export const FORMATS = [
  "text",
  "date",
  "duration",
  "bytes",
  "number",
  "state",
  "conn",
  "country",
  "msg",
  "sentences",
  "money",
  "mb",
  "day",
];
const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** The placeholders of a template as `name:format`, sorted (what the catalog test compares). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => `${m[1]}:${m[2] ?? "text"}`)
    .filter((p, i, all) => all.indexOf(p) === i)
    .sort();
}

const BCP47: Record<Language, string> = { en: "en-GB", it: "it-IT", sv: "sv-SE" };
const HOUR = 3600_000;
const BYTES_PER_MB = 1_048_576;

/** A byte count as megabytes of billing (1,048,576 bytes), exact to 6 decimals, as a decimal string. */
export function megabytes(bytes: number | string): string {
  return new Decimal(bytes).div(BYTES_PER_MB).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
}

/** "12.50 EUR" as the language writes money; the decimal string is formatted exactly, not as a float. */
function localMoney(v: string, tag: string): string {
  const [amount = "", currency = ""] = v.split(" ");
  if (!/^[A-Z]{3}$/.test(currency) || !/^-?\d+(\.\d+)?$/.test(amount)) return v;
  const places =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const own = amount.split(".")[1]?.length ?? 0;
  return new Intl.NumberFormat(tag, {
    // Digits grouped from the thousands on, as the invoice PDF writes them (`1.204,00 €`, where
    // Italian's own CLDR rule would print `1204,00 €`). ES2023 option.
    ...({ useGrouping: "always" } as unknown as Intl.NumberFormatOptions),
    style: "currency",
    currency,
    minimumFractionDigits: places,
    maximumFractionDigits: Math.min(Math.max(places, own), 20),
    // Intl formats a decimal string exactly (no binary float on the way).
  }).format(amount as unknown as number);
}

/** The durations the English fields have always shown: "42 min", "3.5 h", "4 days". */
export function legacyDuration(ms: number): string {
  if (ms < 2 * HOUR) return `${Math.round(ms / 60_000)} min`;
  if (ms < 48 * HOUR) return `${(ms / HOUR).toFixed(ms < 10 * HOUR ? 1 : 0)} h`;
  return `${Math.round(ms / (24 * HOUR))} days`;
}

function localDuration(ms: number, tag: string): string {
  const unit = (value: number, u: string, digits = 0) =>
    new Intl.NumberFormat(tag, {
      style: "unit",
      unit: u,
      unitDisplay: "long",
      maximumFractionDigits: digits,
    }).format(value);
  if (ms < 2 * HOUR) return unit(Math.round(ms / 60_000), "minute");
  if (ms < 48 * HOUR) return unit(ms / HOUR, "hour", ms < 10 * HOUR ? 1 : 0);
  return unit(Math.round(ms / (24 * HOUR)), "day");
}

function localBytes(n: number, tag: string): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = v < 10 && i > 0 ? 1 : 0;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(v)} ${units[i]}`;
}

function country(code: string, tag: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  return new Intl.DisplayNames([tag], { type: "region", fallback: "code" }).of(code) ?? code;
}

/** A locale, or the English fields' own rendering. */
type Target = Locale | "legacy";

/** The renderer of one catalog: `text` in a locale, `legacy` for the English fields. */
export function defineCatalog<E extends Record<string, string>>(
  templates: Templates<E>,
  /** Catalogs whose messages this one's may carry (an action's outcome quotes a diagnosis). */
  ...included: { templates: Templates<Record<string, string>> }[]
) {
  type Code = keyof E & string;
  const all = [templates as Templates<Record<string, string>>, ...included.map((c) => c.templates)];
  const render = (m: Message, target: Target): string => {
    const language = target === "legacy" ? "en" : target.language;
    const own = all.find((t) => m.code in t.en);
    const template = own?.[language][m.code] ?? own?.en[m.code];
    if (template === undefined) return m.code;
    return template.replace(PLACEHOLDER, (whole, name: string, format = "text") => {
      const v = m.params[name];
      if (v === undefined || v === null) return "—";
      if (Array.isArray(v))
        return v.map((x) => render(x, target)).join(format === "sentences" ? " " : ", ");
      if (typeof v === "object") return render(v, target);
      if (target === "legacy") {
        if (format === "duration") return legacyDuration(Number(v));
        if (format === "bytes") return `${v} bytes`;
        if (format === "country") return country(String(v), "en");
        if (format === "mb") return megabytes(Number(v));
        return String(v);
      }
      const tag = BCP47[target.language];
      switch (format) {
        case "date":
          return new Intl.DateTimeFormat(tag, {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: target.timeZone,
          }).format(new Date(String(v)));
        case "duration":
          return localDuration(Number(v), tag);
        case "bytes":
          return localBytes(Number(v), tag);
        case "number":
          return new Intl.NumberFormat(tag).format(Number(v));
        case "money":
          return localMoney(String(v), tag);
        case "mb":
          return new Intl.NumberFormat(tag, { maximumFractionDigits: 6 }).format(
            megabytes(Number(v)) as unknown as number,
          );
        case "day":
          return /^\d{4}-\d{2}-\d{2}$/.test(String(v))
            ? new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" }).format(
                new Date(`${String(v)}T00:00:00Z`),
              )
            : String(v);
        case "state":
          return SIM_STATE_WORDS[target.language][String(v)] ?? String(v);
        case "conn":
          return CONNECTIVITY_WORDS[target.language][String(v)] ?? String(v);
        case "country":
          return country(String(v), tag);
        default:
          return String(v);
      }
    });
  };
  return {
    templates,
    /** A message of this catalog; the compiler checks the code. */
    msg: (code: Code, params: Record<string, ParamValue> = {}): Message => ({ code, params }),
    text: (m: Message, locale: Locale) => render(m, locale),
    legacy: (m: Message) => render(m, "legacy"),
    /** The message as the API answers it, with its text in `locale`. */
    rendered: (m: Message, locale: Locale): RenderedMessage => ({
      code: m.code,
      params: m.params,
      text: render(m, locale),
    }),
  };
}

export type Catalog = ReturnType<typeof defineCatalog>;

/** The locale to render for a principal (English in UTC for Otter's own background readers). */
export const localeOf = (p: { locale?: Locale } | null | undefined): Locale =>
  p?.locale ?? DEFAULT_LOCALE;
