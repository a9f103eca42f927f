import { createContext, useContext, useMemo, type ReactNode } from "react";

export const LANGUAGES = ["en", "it", "sv"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Messages of one part of the console, in every language. English is the reference: the other
 * languages must have exactly its keys (the compiler checks `satisfies Messages<typeof en>`).
 * A message is a string with {name} placeholders.
 */
export type Messages<E extends Record<string, string>> = {
  en: E;
  it: Record<keyof E, string>;
  sv: Record<keyof E, string>;
};

export function defineMessages<E extends Record<string, string>>(m: {
  en: E;
  it: Record<keyof E, string>;
  sv: Record<keyof E, string>;
}): Messages<E> {
  return m;
}

export interface Locale {
  language: Language;
  /** IANA time zone of the signed-in user (their profile), e.g. Europe/Rome. */
  timeZone: string;
}

const LocaleContext = createContext<Locale>({ language: "en", timeZone: "UTC" });

export function LocaleProvider({ value, children }: { value: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

const BCP47: Record<Language, string> = { en: "en-GB", it: "it-IT", sv: "sv-SE" };

/** The translate function for one part's messages, in the signed-in user's language. */
export function useT<E extends Record<string, string>>(messages: Messages<E>) {
  const { language } = useLocale();
  return useMemo(() => {
    const table = messages[language] as Record<keyof E, string>;
    return (key: keyof E, vars?: Record<string, string | number>) =>
      interpolate(table[key] ?? messages.en[key], vars);
  }, [messages, language]);
}

export function interpolate(text: string, vars?: Record<string, string | number>) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Dates, numbers and byte counts in the user's locale and time zone. */
export function useFormat() {
  const { language, timeZone } = useLocale();
  return useMemo(() => {
    const tag = BCP47[language];
    const dateTime = new Intl.DateTimeFormat(tag, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    });
    const date = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone });
    const time = new Intl.DateTimeFormat(tag, { timeStyle: "short", timeZone });
    const number = new Intl.NumberFormat(tag);
    const relative = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
    return {
      tag,
      timeZone,
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : "—"),
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : "—"),
      time: (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : "—"),
      number: (n: number | null | undefined) => (n == null ? "—" : number.format(n)),
      bytes: (n: number | null | undefined) => {
        if (n == null) return "—";
        const units = ["B", "kB", "MB", "GB", "TB"];
        let v = n;
        let i = 0;
        while (v >= 1000 && i < units.length - 1) {
          v /= 1000;
          i++;
        }
        return `${new Intl.NumberFormat(tag, { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v)} ${units[i]}`;
      },
      /** "in 3 hours" / "2 minutes ago", from now (or a given now). */
      fromNow: (iso: string | null | undefined, now = Date.now()) => {
        if (!iso) return "—";
        const s = Math.round((new Date(iso).getTime() - now) / 1000);
        const abs = Math.abs(s);
        if (abs < 60) return relative.format(s, "second");
        if (abs < 3600) return relative.format(Math.round(s / 60), "minute");
        if (abs < 86400) return relative.format(Math.round(s / 3600), "hour");
        return relative.format(Math.round(s / 86400), "day");
      },
    };
  }, [language, timeZone]);
}

export const isLanguage = (s: string | null | undefined): s is Language =>
  (LANGUAGES as readonly string[]).includes(s ?? "");
