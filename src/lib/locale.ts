/**
 * Country, currency, language and time-zone validation from the ICU data that ships with Node
 * (Intl), so Otter carries no copy of ISO 3166 / ISO 4217 tables that could go stale.
 */
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
/** ICU region codes that are not countries. */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}

export function countryName(code: string): string | undefined {
  return isCountryCode(code) ? regionNames.of(code) : undefined;
}

const currencies = new Set(Intl.supportedValuesOf("currency"));
export const isCurrencyCode = (code: string) => currencies.has(code);

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && /^[a-zA-Z]{2,3}(-|$)/.test(tag);
  } catch {
    return false;
  }
}
